/**
 * Text from a profile (names, keys, values) and from the file system (file names) shown to a person:
 * control characters are made visible instead of reaching the terminal or a report raw. ESC and BEL
 * would retitle the window, clear the screen or forge links; a newline would forge a second message
 * line; bidi overrides would reorder what is shown. Each becomes an escape such as \n, \x1b or \u202e.
 * Idempotent (the output has no such characters), and a string without them is returned as it is.
 */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/g;
const NAMED: Readonly<Record<string, string>> = { "\n": "\\n", "\r": "\\r", "\t": "\\t" };

export function visible(s: string): string {
  CONTROL.lastIndex = 0;
  if (!CONTROL.test(s)) return s;
  CONTROL.lastIndex = 0;
  return s.replace(CONTROL, (c) => NAMED[c] ?? escapeCode(c.charCodeAt(0)));
}

function escapeCode(code: number): string {
  return code < 0x100 ? `\\x${code.toString(16).padStart(2, "0")}` : `\\u${code.toString(16).padStart(4, "0")}`;
}

// eslint-disable-next-line no-control-regex
const CONTROL_BUT_LF = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/g;

/** Like `visible`, but a line feed stays a line break (a table cell, a multi-line block); CRLF counts as one. */
export function visibleLines(s: string): string {
  const t = s.includes("\r\n") ? s.replace(/\r\n/g, "\n") : s;
  CONTROL_BUT_LF.lastIndex = 0;
  if (!CONTROL_BUT_LF.test(t)) return t;
  CONTROL_BUT_LF.lastIndex = 0;
  return t.replace(CONTROL_BUT_LF, (c) => NAMED[c] ?? escapeCode(c.charCodeAt(0)));
}

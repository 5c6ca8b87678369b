/**
 * Display width and line wrapping for the terminal: how many columns a string takes, from the Unicode
 * East Asian Width data (get-east-asian-width, the table string-width itself uses), and where a line
 * may break in English and in Chinese.
 *
 * Ambiguous-width characters (“ ” … — × ·, UAX #11 class A) are drawn one column wide by most Western
 * terminals and two by terminals set up for Chinese. The rule here is UAX #11's own: wide in an East
 * Asian context, narrow otherwise — counted as two columns when the output is Chinese (--lang zh), one
 * when it is English. Each screen renderer sets it from the language it renders in (setAmbiguousWide).
 * The box-drawing characters of our own tables (U+2500–U+257F, also class A) always count one: they are
 * the frame, drawn at the columns computed here, so every row keeps the same number of them and the
 * vertical rules stay aligned with each other even in a terminal that draws them wide.
 */
import { eastAsianWidth } from "get-east-asian-width";

let ambiguousAsWide = false;
const wideOptions = { ambiguousAsWide: true };

/** Count East Asian Ambiguous characters as two columns (Chinese output) or one (English). */
export function setAmbiguousWide(wide: boolean): void {
  ambiguousAsWide = wide;
}

/** Columns one code point takes: 2 for wide and full-width characters (and ambiguous ones in Chinese output), else 1. */
export function charWidth(c: number): number {
  // Below U+00A1 nothing is wide or ambiguous: the common case needs no table.
  if (c < 0xa1 || (c >= 0x2500 && c <= 0x257f)) return 1;
  // CJK Unified Ideographs, most of what a Chinese name holds: wide, without the table.
  if (c >= 0x4e00 && c <= 0x9fff) return 2;
  return ambiguousAsWide ? eastAsianWidth(c, wideOptions) : eastAsianWidth(c);
}

/** Display width: wide and full-width characters take two columns; colour codes none. */
export function displayWidth(s: string): number {
  // eslint-disable-next-line no-control-regex
  if (s.includes("\u001b")) s = s.replace(/\u001b\[[0-9;]*m/g, "");
  let w = 0;
  // By code point, as a for...of over the string would go (a surrogate pair is one character), without its iterator.
  for (let i = 0; i < s.length; i++) {
    const c = s.codePointAt(i) as number;
    if (c > 0xffff) i++;
    w += charWidth(c);
  }
  return w;
}

/** CJK ideographs, kana, hangul, full-width forms and CJK punctuation: a line may break between any two. */
const CJK = "\\u2e80-\\ua4cf\\uac00-\\ud7a3\\uf900-\\ufaff\\ufe30-\\ufe4f\\uff00-\\uffef";
/**
 * One unbreakable unit: a clause reference such as （二(一)3）, 二(三)2 or (二(二)3) — never split over two
 * lines —, a whitespace run, one CJK character, or a run of anything else (a word, an amount, a path).
 */
const TOKEN = new RegExp(
  `[（(]?[一二三四五六七八九十]+[（(][一二三四五六七八九十]+[)）]\\d*[)）]?|\\s+|[${CJK}]|[^\\s${CJK}]+`,
  "g",
);
/** Chinese line-breaking rules (禁则): these never start a line… */
const NO_LINE_START = new Set("，、。：；！？）】」』”’》〉…%,.;:!?)]}");
/** …and these never end one. */
const NO_LINE_END = new Set("（【「『“‘《〈([{");

/** Splits a paragraph into the units a line may break between, with closing punctuation glued to what it closes. */
function units(para: string): string[] {
  const tokens = para.match(TOKEN) ?? [];
  const out: string[] = [];
  let open = "";
  for (const tok of tokens) {
    const prev = out.length > 0 ? (out[out.length - 1] as string) : undefined;
    if (prev !== undefined && !open && NO_LINE_START.has(tok[0] as string) && !/^\s/.test(prev)) {
      out[out.length - 1] = prev + tok;
    } else if (tok.length === 1 && NO_LINE_END.has(tok)) {
      open += tok;
    } else {
      out.push(open + tok);
      open = "";
    }
  }
  if (open) out.push(open);
  return out;
}

/**
 * Wraps text to a display width: at spaces and between words in English, between characters in Chinese,
 * never inside a clause reference, never with a line starting with ，、。： or a closing bracket. Only a
 * word longer than the whole width is cut.
 */
export function wrapText(text: string, width: number): string {
  const out: string[] = [];
  for (const para of text.split("\n")) {
    let line = "";
    let w = 0;
    for (const tok of units(para)) {
      const tw = displayWidth(tok);
      if (/^\s+$/.test(tok)) {
        if (w + tw <= width) {
          line += tok;
          w += tw;
        }
        continue;
      }
      if (w + tw > width && w > 0) {
        out.push(line.trimEnd());
        line = "";
        w = 0;
      }
      if (tw > width) {
        for (const ch of tok) {
          const cw = displayWidth(ch);
          if (w + cw > width) {
            // A closing mark never starts a line: the character before it comes down with it.
            const chars = [...line];
            const carry = NO_LINE_START.has(ch) && chars.length > 1 ? (chars.pop() as string) : "";
            out.push(chars.join(""));
            line = carry;
            w = displayWidth(carry);
          }
          line += ch;
          w += cw;
        }
      } else {
        line += tok;
        w += tw;
      }
    }
    out.push(line.trimEnd());
  }
  return out.join("\n");
}

/**
 * Parts of one line (`file · policy · as of`), packed greedily onto lines of the width, breaking at the
 * separators rather than inside a part; a part wider than the whole width is wrapped on its own.
 */
export function packParts(parts: readonly string[], sep: string, width: number): string {
  const lines: string[] = [];
  let line = "";
  for (const part of parts) {
    const candidate = line ? line + sep + part : part;
    if (displayWidth(candidate) <= width) {
      line = candidate;
      continue;
    }
    if (line) lines.push(line);
    const wrapped = wrapText(part, width).split("\n");
    line = wrapped.pop() ?? "";
    lines.push(...wrapped);
  }
  lines.push(line);
  return lines.join("\n");
}

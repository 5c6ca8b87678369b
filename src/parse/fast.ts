/**
 * The fast path of `check` and `batch`: profiles written in the plain block style people use are parsed with
 * js-yaml (several times faster than `yaml`), but only where both parsers provably read the text
 * the same way. A cheap line-by-line pre-scan accepts a strict subset of YAML:
 *
 *   - UTF-8 (BOM allowed), LF or CRLF line ends, no tabs, no control or C1 characters, no U+2028/2029/FEFF
 *   - each content line is `key:` / `key: value` / `- key: value` / `- value` / `-`, with keys that
 *     are identifiers (never __proto__, constructor, prototype), one `- ` per line, indentation that
 *     nests the way both parsers agree on
 *   - values: plain scalars that cannot be read two ways (no indicator first, no `: `, no brackets;
 *     anything starting with a digit, sign or dot only as a canonical integer, decimal or date),
 *     single-line quoted text (no backslash escapes), `[]`, `{}`
 *   - no anchors, aliases, tags, directives, document markers, block scalars, flow collections,
 *     multi-line scalars or complex keys (all of them fall outside the subset above)
 *
 * Anything else, and anything js-yaml or the profile validator rejects, goes to the authoritative
 * loader (`yaml`, src/parse/document.ts), so every error message is exactly the one `subsidy check`
 * prints. tests/batch-fast.test.ts proves that both paths give deep-equal data on every fixture,
 * on generated profiles and on randomly mutated ones.
 */
import { load, CORE_SCHEMA } from "js-yaml";
import { DEFAULT_MAX_BYTES, DEFAULT_MAX_DEPTH, DEFAULT_MAX_ITEMS, type ParseOptions } from "./limits.js";

const KEY_LINE = /^([A-Za-z_][A-Za-z0-9_]*):(?:( +)(.*))?$/;
const FORBIDDEN_KEYS = new Set(["__proto__", "constructor", "prototype"]);
const INT = /^(?:0|-?[1-9][0-9]*)$/;
const FLOAT = /^-?(?:0|[1-9][0-9]*)\.[0-9]+$/;
const DATE = /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/;
/** Upper-case codes such as a credit code: no letter that could make a number (E exponent, X/O/B radix). */
const CODE = /^(?=[0-9A-Z]*[ACDF-NPQR-WYZ])[0-9A-Z]+$/;
const SPECIAL_WORD = /^(?:true|false|null|~)$/i;
/** Characters on which the two parsers might disagree about line breaks or printability. */
// eslint-disable-next-line no-control-regex
const ODD_CHARS = /[\u0000-\u0009\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]/;
/** First characters that make a plain scalar mean something else (or that we do not want to reason about). */
const INDICATOR_FIRST = new Set([..."-?:,[]{}#&*!|>'\"%@`.+"]);

interface Level {
  col: number;
  kind: "map" | "seq";
}

/** Whether `text` lies in the subset both parsers read identically. */
export function prescan(text: string): boolean {
  if (ODD_CHARS.test(text)) return false;
  const stack: Level[] = [];
  // The block a line may open: after `key:` (children deeper, or a list at the key's own column) or `-`.
  let opener: { col: number; seqSame: boolean } | null = { col: -1, seqSame: false };
  let start = 0;
  const n = text.length;
  while (start <= n) {
    let end = text.indexOf("\n", start);
    if (end < 0) end = n;
    let line = text.slice(start, end);
    start = end + 1;
    if (line.endsWith("\r")) line = line.slice(0, -1);
    if (line.includes("\r")) return false;
    let i = 0;
    while (line.charCodeAt(i) === 32) i++;
    if (i === line.length || line[i] === "#") continue;
    let rest = line.slice(i);
    const indent = i;
    const dash = rest === "-" || rest.startsWith("- ");

    // Indentation: a child of the open block, or a sibling of an open level.
    let placed = false;
    if (opener && (indent > opener.col || (opener.seqSame && dash && indent === opener.col))) {
      stack.push({ col: indent, kind: dash ? "seq" : "map" });
      placed = true;
    }
    if (!placed) {
      const want = dash ? "seq" : "map";
      while (stack.length > 0) {
        const top = stack[stack.length - 1] as Level;
        if (top.col > indent || (top.col === indent && top.kind !== want)) stack.pop();
        else break;
      }
      const top = stack[stack.length - 1];
      if (!top || top.col !== indent || top.kind !== want) return false;
    }
    opener = null;

    let col: number = indent;
    if (dash) {
      if (rest === "-") {
        opener = { col: indent, seqSame: false };
        continue;
      }
      let j = 1;
      while (rest.charCodeAt(j) === 32) j++;
      col = indent + j;
      rest = rest.slice(j);
      if (rest === "-" || rest.startsWith("- ")) return false; // nested `- -`
      if (rest.startsWith("#")) {
        opener = { col: indent, seqSame: false };
        continue;
      }
    }
    const m = KEY_LINE.exec(rest);
    if (!m) {
      if (!dash) return false;
      if (!scalarOk(rest)) return false;
      continue;
    }
    const key = m[1] as string;
    if (FORBIDDEN_KEYS.has(key)) return false;
    if (dash) stack.push({ col, kind: "map" });
    const value = m[3] ?? "";
    if (value === "" || value.startsWith("#")) {
      opener = { col, seqSame: true };
      continue;
    }
    if (!scalarOk(value)) return false;
  }
  return true;
}

/** A value on a line (with its trailing comment, if any) that both parsers read the same way. */
function scalarOk(v: string): boolean {
  const q = v[0];
  if (q === "'" || q === '"') {
    let k = 1;
    for (;;) {
      const c = v.indexOf(q, k);
      if (c < 0) return false;
      if (q === "'" && v[c + 1] === "'") {
        k = c + 2;
        continue;
      }
      if (q === '"' && v.slice(1, c).includes("\\")) return false;
      return /^(?: +#.*| *)$/.test(v.slice(c + 1));
    }
  }
  const hash = v.indexOf(" #");
  const s = (hash < 0 ? v : v.slice(0, hash)).trimEnd();
  if (s === "[]" || s === "{}") return true;
  if (s === "" || INDICATOR_FIRST.has(s[0] as string)) {
    return s !== "" && (s[0] === "-" || s[0] === ".") ? INT.test(s) || FLOAT.test(s) : false;
  }
  if (/[[\]{}]/.test(s) || s.includes(": ") || s.endsWith(":") || s.includes("\t")) return false;
  if (/^[0-9]/.test(s)) return INT.test(s) || (FLOAT.test(s) && !/^-?0\.0+$/.test(s)) || DATE.test(s) || CODE.test(s);
  if (SPECIAL_WORD.test(s)) return s === "true" || s === "false" || s === "null" || s === "~";
  return true;
}

/** The limits of the authoritative loader, applied the same way. */
export type FastLimits = ParseOptions;

/**
 * The profile's plain data through the fast path, or undefined when the file must go through the
 * authoritative loader (anything outside the subset, any doubt, any error).
 */
export function fastParse(bytes: Uint8Array, limits: FastLimits = {}): unknown {
  if (bytes.length > (limits.maxBytes ?? DEFAULT_MAX_BYTES) || bytes.length === 0) return undefined;
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return undefined;
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  let text: string;
  try {
    text = decoder.decode(bytes.subarray(start));
  } catch {
    return undefined;
  }
  let data: unknown;
  if (looksLikeJson(text)) {
    data = plainJson(text);
    if (data === undefined) return undefined;
  } else {
    if (!prescan(text)) return undefined;
    let warned = false;
    try {
      data = load(text, { schema: CORE_SCHEMA, json: false, onWarning: () => void (warned = true) });
    } catch {
      return undefined;
    }
    if (warned) return undefined;
  }
  if (data === null || typeof data !== "object" || Array.isArray(data)) return undefined;
  if (!withinLimits(data, 0, limits.maxDepth ?? DEFAULT_MAX_DEPTH, limits.maxItems ?? DEFAULT_MAX_ITEMS)) return undefined;
  return data;
}

const decoder = new TextDecoder("utf-8", { fatal: true });

/** A text whose first non-blank character opens a JSON object (a .json profile, whatever its name). */
function looksLikeJson(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x7b) return true; // {
    if (c !== 0x20 && c !== 0x0a && c !== 0x0d) return false;
  }
  return false;
}

/**
 * JSON profiles through JSON.parse, in the subset where it and the `yaml` loader (which reads JSON as
 * YAML 1.2) provably give the same data: no backslash escapes, no tabs, no lone CR or other
 * characters the parsers might treat as line breaks, no __proto__/constructor/prototype keys, numbers
 * without sign or exponent, each key on the line of its colon, and no key written twice in an object
 * (JSON.parse would keep the last; the loader reports it). Anything else → undefined, and the caller
 * uses the loader. tests/batch-fast.test.ts fuzzes this against the loader.
 */
export function plainJson(text: string): unknown {
  if (text.includes("\\") || ODD_CHARS.test(text) || /\r(?!\n)|"(?:__proto__|constructor|prototype)"/.test(text)) return undefined;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return undefined;
  }
  // JSON.parse has checked the syntax, so a quote outside a string opens one (no escapes to skip).
  let keys = 0;
  for (let i = 0; i < text.length; ) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      const end = text.indexOf('"', i + 1);
      let k = end + 1;
      while (text.charCodeAt(k) === 0x20) k++;
      let broken = false;
      while (text.charCodeAt(k) === 0x20 || text.charCodeAt(k) === 0x0a || text.charCodeAt(k) === 0x0d) {
        broken = true;
        k++;
      }
      if (text.charCodeAt(k) === 0x3a) {
        // YAML wants a key and its colon on one line, and a key of at most 1024 characters.
        if (broken || end - i > 1000) return undefined;
        keys++;
      }
      i = end + 1;
      continue;
    }
    // Outside strings only structure, blanks, true/false/null and numbers remain: refuse signs and exponents.
    if (c === 0x2d || c === 0x2b || ((c === 0x65 || c === 0x45) && !isLiteralE(text, i))) return undefined;
    i++;
  }
  return keys === countKeys(data) ? data : undefined;
}

/** Whether the `e` at `i` belongs to true or false (the only other letters outside strings are in numbers). */
function isLiteralE(text: string, i: number): boolean {
  return text.startsWith("true", i - 3) || text.startsWith("false", i - 4);
}

function countKeys(v: unknown): number {
  if (v === null || typeof v !== "object") return 0;
  let n = 0;
  if (Array.isArray(v)) {
    for (const x of v) n += countKeys(x);
    return n;
  }
  for (const k in v) n += 1 + countKeys((v as Record<string, unknown>)[k]);
  return n;
}

function withinLimits(v: unknown, depth: number, maxDepth: number, maxItems: number): boolean {
  if (v === null || typeof v !== "object") return true;
  if (depth + 1 > maxDepth) return false;
  const values = Array.isArray(v) ? v : Object.values(v);
  if (values.length > maxItems) return false;
  for (const x of values) if (!withinLimits(x, depth + 1, maxDepth, maxItems)) return false;
  return true;
}

/**
 * The fast path of `check` and `batch`: profiles written in the plain block style people use are read
 * line by line here (many times faster than `yaml`, and faster than js-yaml), but only in a strict subset
 * of YAML that has one reading, the one the `yaml` loader gives:
 *
 *   - UTF-8 (BOM allowed), LF or CRLF line ends, no tabs, no control or C1 characters, no U+2028/2029/FEFF
 *   - each content line is `key:` / `key: value` / `- key: value` / `- value` / `-`, with keys that
 *     are identifiers (never __proto__, constructor, prototype), one `- ` per line, indentation that
 *     nests the way both parsers agree on
 *   - values: plain scalars that cannot be read two ways (no indicator first, no `: `, no brackets;
 *     starting with a sign or dot only as a canonical integer or decimal; starting with a digit, a
 *     canonical integer or decimal, or text that no YAML 1.2 number form matches),
 *     single-line quoted text (no backslash escapes), `[]`, `{}`, and one-line flow mappings of such
 *     values with identifier keys (`- {type: green-factory, level: national}`, see flowMap)
 *   - no anchors, aliases, tags, directives, document markers, block scalars, nested or multi-line flow
 *     collections, flow sequences, multi-line scalars or complex keys (all outside the subset above)
 *
 * Anything else, and anything the profile validator rejects, goes to the authoritative
 * loader (`yaml`, src/parse/document.ts), so every error message is exactly the one `subsidy check`
 * prints. tests/batch-fast.test.ts proves that both paths give deep-equal data on every fixture,
 * on generated profiles and on randomly mutated ones.
 */
import { exactNumber } from "./money.js";
import { DEFAULT_MAX_BYTES, DEFAULT_MAX_DEPTH, DEFAULT_MAX_ITEMS, FLOW_DEPTH_LIMIT, type ParseOptions } from "./limits.js";

const FORBIDDEN_KEYS = new Set(["__proto__", "constructor", "prototype"]);
const INT = /^(?:0|-?[1-9][0-9]*)$/;
const FLOAT = /^-?(?:0|[1-9][0-9]*)\.[0-9]+$/;
/**
 * Every form a plain scalar starting with a digit takes as a number in the loader's YAML 1.2 core schema
 * (ints, 0o octal, 0x hex, floats with or without exponent). Such a scalar that is none of them is text
 * there — a credit code such as 91370305163240251E, a date, 2024保险年度, 1_000 — and is read as text here;
 * the canonical integers and decimals (INT, FLOAT) are read as numbers, and the other number forms are
 * left to the loader.
 */
const CORE_NUMBER = /^(?:0o[0-7]+|0x[0-9a-fA-F]+|[0-9]+(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?)$/;
const SPECIAL_WORD = /^(?:true|false|null|~)$/i;
/** Characters on which the two parsers might disagree about line breaks or printability. */
// eslint-disable-next-line no-control-regex
const ODD_CHARS = /[\u0000-\u0009\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]/;
/** First characters that make a plain scalar mean something else (or that we do not want to reason about), by code (all ASCII). */
const INDICATOR_FIRST = new Uint8Array(128);
for (const ch of "-?:,[]{}#&*!|>'\"%@`.+") INDICATOR_FIRST[ch.charCodeAt(0)] = 1;

type Node = Record<string, unknown> | unknown[];

/** Whether `text` lies in the subset both parsers read identically. */
export function prescan(text: string): boolean {
  return readSubset(text) !== undefined;
}

/**
 * The data of a text in the subset (see the top of this file), read in the same pass that checks it,
 * or undefined when the text is not in the subset (or is not a mapping). Within the subset YAML is
 * simple enough to read line by line; tests/batch-fast.test.ts holds the result to the `yaml` loader's.
 *
 * Written for speed, as batches read thousands of profiles through it: lines are index ranges of the
 * text (never sliced), and the open levels and the pending block live in plain variables and arrays.
 */
function readSubset(text: string): Record<string, unknown> | undefined {
  if (ODD_CHARS.test(text)) return undefined;
  // CR only as part of CRLF (a lone CR, even at the very end, is read differently by the parsers).
  if (text.includes("\r") && LONE_CR.test(text)) return undefined;
  // The open levels, innermost last: column, whether a sequence, node.
  const cols: number[] = [];
  const seqs: boolean[] = [];
  const nodes: Node[] = [];
  let depth = 0;
  const rootHolder: unknown[] = [null];
  // The block a line may open: after `key:` (children deeper, or a list at the key's own column) or `-`.
  let open = true;
  let openCol = -1;
  let openSeqSame = false;
  let openNode: Node = rootHolder;
  let openKey: string | number = 0;
  let start = 0;
  const n = text.length;
  while (start <= n) {
    let end = text.indexOf("\n", start);
    if (end < 0) end = n;
    const lineStart = start;
    // A CR here is the CR of a CRLF (checked above).
    const lineEnd = end > start && text.charCodeAt(end - 1) === 13 ? end - 1 : end;
    start = end + 1;
    let i = lineStart;
    while (i < lineEnd && text.charCodeAt(i) === 32) i++;
    if (i === lineEnd || text.charCodeAt(i) === 35) continue; // blank, or a comment (#)
    const indent = i - lineStart;
    const dash = dashAt(text, i, lineEnd);

    // Indentation: a child of the open block, or a sibling of an open level.
    let levelNode: Node;
    if (open && (indent > openCol || (openSeqSame && dash && indent === openCol))) {
      levelNode = dash ? [] : {};
      set(openNode, openKey, levelNode);
      cols[depth] = indent;
      seqs[depth] = dash;
      nodes[depth] = levelNode;
      depth++;
    } else {
      while (depth > 0) {
        const top = cols[depth - 1] as number;
        if (top > indent || (top === indent && seqs[depth - 1] !== dash)) depth--;
        else break;
      }
      if (depth === 0 || cols[depth - 1] !== indent || seqs[depth - 1] !== dash) return undefined;
      levelNode = nodes[depth - 1] as Node;
    }
    open = false;

    let col: number = indent;
    let map = levelNode;
    if (dash) {
      const seq = levelNode as unknown[];
      const alone = i + 1 === lineEnd;
      let j = i + 1;
      while (j < lineEnd && text.charCodeAt(j) === 32) j++;
      col = indent + (j - i);
      i = j;
      if (i < lineEnd && dashAt(text, i, lineEnd)) return undefined; // nested `- -`
      // `-` alone or followed by a comment: an entry whose value (if any) is the block that follows.
      if (alone || (i < lineEnd && text.charCodeAt(i) === 35)) {
        seq.push(null);
        open = true;
        openCol = indent;
        openSeqSame = false;
        openNode = seq;
        openKey = seq.length - 1;
        continue;
      }
      if (!keyAt(text, i, lineEnd)) {
        const v = scalar(text.slice(i, lineEnd));
        if (v === NOT_OK) return undefined;
        seq.push(v);
        continue;
      }
      map = {};
      seq.push(map);
      cols[depth] = col;
      seqs[depth] = false;
      nodes[depth] = map;
      depth++;
    } else if (!keyAt(text, i, lineEnd)) {
      return undefined;
    }
    // keyAt has found `key:` or `key: value`, and set keyEnd and valueStart.
    const key = keyText(text, i, keyEnd);
    // YAML takes an implicit key of at most 1024 characters (the loader refuses longer ones).
    if (FORBIDDEN_KEYS.has(key) || key.length > 1000) return undefined;
    const obj = map as Record<string, unknown>;
    if (Object.prototype.hasOwnProperty.call(obj, key)) return undefined; // a key written twice
    if (valueStart === lineEnd || text.charCodeAt(valueStart) === 35) {
      obj[key] = null;
      open = true;
      openCol = col;
      openSeqSame = true;
      openNode = obj;
      openKey = key;
      continue;
    }
    const v = scalar(text.slice(valueStart, lineEnd));
    if (v === NOT_OK) return undefined;
    obj[key] = v;
  }
  const root = rootHolder[0];
  return root !== null && typeof root === "object" && !Array.isArray(root) ? (root as Record<string, unknown>) : undefined;
}

const LONE_CR = /\r(?!\n)/;

/** Whether text[i] starts a sequence entry: `-` at the end of the line or before a space. */
function dashAt(text: string, i: number, lineEnd: number): boolean {
  return text.charCodeAt(i) === 45 && (i + 1 === lineEnd || text.charCodeAt(i + 1) === 32);
}

/** Where keyAt found the key to end (at its colon) and the value to start (lineEnd when none). */
let keyEnd = 0;
let valueStart = 0;

/**
 * Whether text[i, lineEnd) is `key:` or `key: value` with an identifier key (what
 * /^([A-Za-z_][A-Za-z0-9_]*):(?:( +)(.*))?$/ matches); if so, sets keyEnd and valueStart.
 */
function keyAt(text: string, i: number, lineEnd: number): boolean {
  let k = i;
  while (k < lineEnd && isKeyChar(text.charCodeAt(k), k === i)) k++;
  if (k === i || k === lineEnd || text.charCodeAt(k) !== 58) return false; // :
  if (k + 1 === lineEnd) {
    keyEnd = k;
    valueStart = lineEnd;
    return true;
  }
  if (text.charCodeAt(k + 1) !== 32) return false;
  let j = k + 2;
  while (j < lineEnd && text.charCodeAt(j) === 32) j++;
  keyEnd = k;
  valueStart = j;
  return true;
}

/**
 * The key at text[start, end): the same few keys (name, type, level, date…) recur in every profile, so the
 * first KEYS_PER_LENGTH keys of each length are kept, as property keys (internalized), and found again by
 * comparing in place. A key used to index an object must be internalized; one sliced from the text each
 * time would be hashed and looked up again on every line.
 */
function keyText(text: string, start: number, end: number): string {
  const n = end - start;
  let seen = knownKeys[n];
  if (seen) {
    for (let i = 0; i < seen.length; i++) if (text.startsWith(seen[i] as string, start)) return seen[i] as string;
  } else if (n < MAX_KNOWN_KEY) {
    seen = knownKeys[n] = [];
  }
  const key = text.slice(start, end);
  if (seen && seen.length < KEYS_PER_LENGTH) seen.push(Object.keys({ [key]: 0 })[0] as string);
  return key;
}
const MAX_KNOWN_KEY = 40;
const KEYS_PER_LENGTH = 8;
const knownKeys: (string[] | undefined)[] = [];

/** Trailing spaces off (only U+0020: to YAML, U+3000 and the like are part of the text; tabs never get here). */
function trimSpaces(s: string): string {
  let e = s.length;
  while (e > 0 && s.charCodeAt(e - 1) === 32) e--;
  return e === s.length ? s : s.slice(0, e);
}

function set(node: Node, key: string | number, value: unknown): void {
  (node as Record<string | number, unknown>)[key] = value;
}

const NOT_OK = Symbol("not in the subset");

/**
 * The value of a scalar on a line (with its trailing comment, if any), as YAML 1.2's core schema reads
 * it, when both parsers read it the same way; NOT_OK otherwise. Checked and read in one pass.
 */
function scalar(v: string): unknown {
  const q = v.charCodeAt(0);
  if (q === 39 || q === 34) return quoted(v);
  const hash = v.indexOf(" #");
  const s = trimSpaces(hash < 0 ? v : v.slice(0, hash));
  if (s === "") return NOT_OK;
  if (s === "[]") return [];
  if (s === "{}") return {};
  const c = s.charCodeAt(0);
  if (c === 123) return flowMap(s); // {
  if (c === 45 || c === 46) return INT.test(s) || FLOAT.test(s) ? (exactNumber(s) ?? NOT_OK) : NOT_OK; // - .
  if (c < 128 && INDICATOR_FIRST[c] === 1) return NOT_OK;
  for (let i = 0; i < s.length; i++) {
    const x = s.charCodeAt(i);
    // [ ] { } and tab; ": " inside, or ":" at the end
    if (x === 91 || x === 93 || x === 123 || x === 125 || x === 9) return NOT_OK;
    if (x === 58 && (i === s.length - 1 || s.charCodeAt(i + 1) === 32)) return NOT_OK;
  }
  if (c >= 48 && c <= 57) {
    // A digit then "-" after a fourth digit (a date, 2024-01-15, the commonest value of all): no number form
    // of INT, FLOAT or CORE_NUMBER has a "-" there (CORE_NUMBER's only "-" follows an e or E), so it is text.
    if (s.length > 4 && s.charCodeAt(4) === 45 && isDigit(s.charCodeAt(3))) return s;
    // A number held exactly as written, else the loader says why (numberFault).
    if (INT.test(s)) return s.length < 16 ? Number(s) : (exactNumber(s) ?? NOT_OK);
    if (FLOAT.test(s)) return /^-?0\.0+$/.test(s) ? NOT_OK : (exactNumber(s) ?? NOT_OK);
    return CORE_NUMBER.test(s) ? NOT_OK : s;
  }
  if (s.length <= 5 && SPECIAL_WORD.test(s)) {
    if (s === "true") return true;
    if (s === "false") return false;
    return s === "null" || s === "~" ? null : NOT_OK;
  }
  return s;
}

/**
 * A one-line flow mapping as the `subsidy init` template writes list entries — `{type: green-factory,
 * level: national, date: 2024-01-15}` — with identifier keys, and values that are plain text reading the
 * same in flow and block context (no brackets, braces, colons, comments or other indicators) or quoted
 * text without escapes: the mapping, or NOT_OK for anything else (nested, multi-line, an empty entry or
 * value, a trailing comma, a key written twice).
 */
function flowMap(s: string): unknown {
  const out: Record<string, unknown> = {};
  const n = s.length;
  let i = 1;
  for (;;) {
    while (i < n && s.charCodeAt(i) === 32) i++;
    const k0 = i;
    while (i < n && isKeyChar(s.charCodeAt(i), i === k0)) i++;
    if (i === k0 || i + 1 >= n || s.charCodeAt(i) !== 58 || s.charCodeAt(i + 1) !== 32) return NOT_OK; // "key: "
    const key = keyText(s, k0, i);
    if (FORBIDDEN_KEYS.has(key) || key.length > 1000 || Object.prototype.hasOwnProperty.call(out, key)) return NOT_OK;
    i += 2;
    while (i < n && s.charCodeAt(i) === 32) i++;
    const q = s.charCodeAt(i);
    let value: unknown;
    if (q === 34 || q === 39) {
      const r = quotedAt(s, i);
      if (!r) return NOT_OK;
      value = r.text;
      i = r.end;
      while (i < n && s.charCodeAt(i) === 32) i++;
    } else {
      const v0 = i;
      while (i < n && s.charCodeAt(i) !== 44 && s.charCodeAt(i) !== 125) i++; // , }
      const raw = s.slice(v0, i);
      if (raw === "" || FLOW_PLAIN_REFUSED.test(raw)) return NOT_OK;
      value = scalar(raw);
      if (value === NOT_OK || (value !== null && typeof value === "object")) return NOT_OK;
    }
    out[key] = value;
    const c = s.charCodeAt(i);
    if (c === 125) return i === n - 1 ? out : NOT_OK; // } closes the line
    if (c !== 44) return NOT_OK;
    i++;
  }
}
const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const isKeyChar = (c: number, first: boolean): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || (!first && c >= 48 && c <= 57);
/** In a plain value of a flow mapping: anything that nests, quotes, comments, maps or means more than text. */
const FLOW_PLAIN_REFUSED = /[{}[\]"'#&*!|>%@`?:]/;

/** A single- or double-quoted scalar on one line: its text, or NOT_OK (escapes, unclosed, anything but a comment after it). */
function quoted(v: string): unknown {
  const r = quotedAt(v, 0);
  return r && /^(?: +#.*| *)$/.test(v.slice(r.end)) ? r.text : NOT_OK;
}

/**
 * The quoted text opening at `s[i]` (a ' or "): its text and the index after the closing quote, or
 * undefined (unclosed, or a backslash escape in double quotes). `''` is a quote inside single quotes.
 */
function quotedAt(s: string, i: number): { text: string; end: number } | undefined {
  const q = s.charCodeAt(i);
  const mark = q === 39 ? "'" : '"';
  let k = i + 1;
  let text = "";
  for (;;) {
    const c = s.indexOf(mark, k);
    if (c < 0) return undefined;
    if (q === 39 && s.charCodeAt(c + 1) === 39) {
      text += s.slice(k, c) + "'";
      k = c + 2;
      continue;
    }
    text += s.slice(k, c);
    if (q === 34 && text.includes("\\")) return undefined;
    return { text, end: c + 1 };
  }
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
  // The loader refuses flow brackets nested deeper than FLOW_DEPTH_LIMIT whatever --max-depth says.
  const maxDepth = Math.min(limits.maxDepth ?? DEFAULT_MAX_DEPTH, FLOW_DEPTH_LIMIT);
  const maxItems = limits.maxItems ?? DEFAULT_MAX_ITEMS;
  if (looksLikeJson(text)) return plainJson(text, maxDepth, maxItems);
  const data = readSubset(text);
  if (data === undefined || !withinLimits(data, 0, maxDepth, maxItems)) return undefined;
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
function plainJson(text: string, maxDepth: number, maxItems: number): Record<string, unknown> | undefined {
  if (text.includes("\\") || ODD_CHARS.test(text) || /\r(?!\n)|"(?:__proto__|constructor|prototype)"/.test(text)) return undefined;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return undefined;
  }
  // The limits first: the key count below recurses, and a nesting bomb must reach the loader's message.
  if (data === null || typeof data !== "object" || Array.isArray(data) || !withinLimits(data, 0, maxDepth, maxItems)) return undefined;
  // JSON.parse has checked the syntax, so a quote outside a string opens one (no escapes to skip).
  let keys = 0;
  for (let i = 0; i < text.length; ) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      const end = text.indexOf('"', i + 1);
      let k = end + 1;
      let broken = false;
      for (let b = text.charCodeAt(k); b === 0x20 || b === 0x0a || b === 0x0d; b = text.charCodeAt(++k)) broken ||= b !== 0x20;
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
    // A number of 16 characters or more may not be held exactly as written: the loader decides (numberFault).
    if (c >= 0x30 && c <= 0x39) {
      let k = i + 1;
      for (let d = text.charCodeAt(k); (d >= 0x30 && d <= 0x39) || d === 0x2e; d = text.charCodeAt(++k));
      if (k - i > 15) return undefined;
      i = k;
      continue;
    }
    i++;
  }
  return keys === countKeys(data) ? (data as Record<string, unknown>) : undefined;
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
  if (Array.isArray(v)) {
    if (v.length > maxItems) return false;
    for (let i = 0; i < v.length; i++) if (!withinLimits(v[i], depth + 1, maxDepth, maxItems)) return false;
    return true;
  }
  // The parsers make plain objects with own enumerable keys only, so for…in counts what Object.values would.
  let count = 0;
  for (const k in v) {
    if (++count > maxItems) return false;
    if (!withinLimits((v as Record<string, unknown>)[k], depth + 1, maxDepth, maxItems)) return false;
  }
  return true;
}

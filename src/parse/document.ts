/**
 * Bytes → plain data, for profiles and the policy alike (YAML, and JSON as YAML 1.2).
 *
 * Everything a hostile or careless file can do is refused here, before any value reaches the
 * validators: oversized files, wrong encodings, binary data, several documents, tags, directives,
 * anchors and aliases, prototype keys, and nesting or lists beyond a limit. Every refusal is a
 * SubsidyError with the file, line and column, and a message that says how to fix the file.
 */
import {
  LineCounter,
  parseAllDocuments,
  isAlias,
  isCollection,
  isMap,
  isPair,
  isScalar,
  isSeq,
  type Node as YamlNode,
} from "yaml";
import type { Document } from "yaml";
import { SubsidyError, type ErrorCode } from "../errors.js";
import type { Message } from "../types.js";
import { jsonFault } from "./json.js";
import { numberFault } from "./money.js";
import { formatPath } from "./path.js";

export type { ParseOptions } from "./limits.js";
import type { ParseOptions } from "./limits.js";

export interface Position {
  line: number;
  col: number;
}

export interface ParsedDocument {
  data: unknown;
  /**
   * The position of the value at `path` (a key's own line for mapping entries). For a path that does
   * not exist, the position of its nearest existing parent; undefined when not even the root exists.
   */
  locate(path: readonly (string | number)[]): Position | undefined;
}

export { DEFAULT_MAX_BYTES, DEFAULT_MAX_DEPTH, DEFAULT_MAX_ITEMS, fileTooLarge } from "./limits.js";
import { DEFAULT_MAX_BYTES, DEFAULT_MAX_DEPTH, DEFAULT_MAX_ITEMS, fileTooLarge, FLOW_DEPTH_LIMIT } from "./limits.js";

/** Keys that become own properties named like Object.prototype's machinery: refused outright. */
const FORBIDDEN_KEYS = new Set(["__proto__", "constructor", "prototype"]);

/**
 * The flow-bracket depth at which we refuse to hand text to the parser at all: yaml's composer
 * recurses and runs out of stack (RESOURCE_EXHAUSTION) around a few thousand levels, slowly.
 */
const PRESCAN_DEPTH = FLOW_DEPTH_LIMIT;

export function parseDocument(bytes: Uint8Array, file: string, opts: ParseOptions = {}): ParsedDocument {
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  const maxDepth = opts.maxDepth ?? DEFAULT_MAX_DEPTH;
  const maxItems = opts.maxItems ?? DEFAULT_MAX_ITEMS;
  const kind = opts.kind ?? "profile";

  if (bytes.length > maxBytes) throw fileTooLarge(file, bytes.length, maxBytes, kind);

  const text = decode(bytes, file);

  if (isBlank(text)) {
    throw new SubsidyError("file-empty", { key: "err.file.empty" }, { file });
  }

  if (kind === "profile") {
    // A .json profile is strict JSON (YAML would read 0x10, +100 and trailing commas "successfully").
    if (/\.json$/i.test(file)) {
      const fault = jsonFault(text);
      if (fault) {
        const pos = textPos(text, fault.offset);
        throw new SubsidyError("parse", { key: fault.message.key, params: { ...fault.message.params, col: pos.col } }, { file, ...pos });
      }
    } else {
      // Line ends of CR alone (classic Mac OS): YAML would read them in ways no one meant.
      const cr = /\r(?!\n)/.exec(text);
      if (cr) throw new SubsidyError("parse", { key: "err.loneCr" }, { file, ...textPos(text, cr.index) });
    }
  }

  const lineCounter = new LineCounter();
  const at = (offset: number | undefined): { line?: number; col?: number } => {
    if (offset === undefined) return {};
    const p = lineCounter.linePos(offset);
    return { line: p.line, col: p.col };
  };
  const fail = (code: ErrorCode, message: Message, offset?: number): never => {
    throw new SubsidyError(code, message, { file, ...at(offset) });
  };

  const deep = prescanFlowDepth(text) ?? prescanCompactDepth(text, Math.max(maxDepth, PRESCAN_DEPTH));
  if (deep !== undefined) {
    throw new SubsidyError("parse", tooDeep(maxDepth, kind), { file, ...textPos(text, deep) });
  }

  const directive = /^%(\S*)/m.exec(text);
  let docs: Document.Parsed[];
  try {
    const parsed = parseAllDocuments(text, {
      schema: "core",
      resolveKnownTags: false,
      uniqueKeys: true,
      stringKeys: true,
      merge: false,
      prettyErrors: false,
      lineCounter,
    });
    docs = Array.isArray(parsed) ? parsed : [];
  } catch (e) {
    // The parser reports its own faults as errors on the document; a throw here is a stack overflow or similar.
    throw new SubsidyError("parse", { key: "err.parse.crashed", params: { detail: e instanceof Error ? e.message : String(e) } }, { file });
  }

  if (docs.length === 0) {
    throw new SubsidyError("file-empty", { key: "err.file.empty" }, { file });
  }
  const doc = docs[0] as Document.Parsed;

  // Syntax errors come first: they explain everything after them.
  const err = doc.errors[0];
  if (err) {
    if (err.code === "RESOURCE_EXHAUSTION") fail("parse", tooDeep(maxDepth, kind), err.pos[0]);
    if (err.code === "DUPLICATE_KEY") {
      const eol = text.indexOf("\n", err.pos[0]);
      const rest = text.slice(err.pos[0], eol < 0 ? undefined : eol);
      const key = (/^("(?:[^"\\]|\\.)*"|'[^']*'|[^:]*?)\s*:/.exec(rest)?.[1] ?? rest).trim();
      const bare = key.replace(/^(["'])(.*)\1$/, "$2");
      fail("parse", { key: "err.parse.duplicateKey", params: { key: bare, numeric: /^[-+.\d]/.test(bare) ? 1 : 0 } }, err.pos[0]);
    }
    if (err.code === "NON_STRING_KEY") fail("parse", { key: "err.parse.nonStringKey" }, err.pos[0]);
    // yaml reports an unclosed { or [ as BAD_INDENT ("… must be sufficiently indented and end with a }").
    const code = /end with an? [}\]]/.test(err.message) ? "UNCLOSED_FLOW" : err.code;
    fail("parse", { key: "err.parse.syntax", params: { code, detail: firstLine(err.message), hint: syntaxHint(text, err.pos[0]) } }, err.pos[0]);
  }
  if (docs.length > 1) {
    const second = docs[1] as Document.Parsed;
    fail("parse", { key: "err.parse.multiDoc" }, second.range[0]);
  }
  if (directive || doc.directives?.yaml.explicit) {
    fail(
      "parse",
      { key: "err.parse.directive", params: { directive: directive?.[1] || "YAML" } },
      directive?.index ?? 0,
    );
  }
  const warning = doc.warnings[0];
  if (warning) {
    if (warning.code === "TAG_RESOLVE_FAILED") {
      const tag = /Unresolved tag: (.*)$/.exec(warning.message)?.[1] ?? "";
      const shown = tag.startsWith("tag:yaml.org,2002:") ? "!!" + tag.slice("tag:yaml.org,2002:".length) : tag;
      fail("parse", { key: "err.parse.tag", params: { tag: shown || "!tag" } }, warning.pos[0]);
    }
    fail("parse", { key: "err.parse.warning", params: { detail: firstLine(warning.message) } }, warning.pos[0]);
  }

  // Walk the AST before anything is converted to JS: aliases must never expand.
  checkNodes(doc.contents, 0, { maxDepth, maxItems, kind, text, fail, moneyKeys: opts.moneyKeys, file, at });

  const contents = doc.contents;
  if (contents === null || (isScalar(contents) && contents.value === null && !hasText(text, contents))) {
    throw new SubsidyError("file-empty", { key: "err.file.empty" }, { file });
  }
  if (isScalar(contents) && typeof contents.value === "string" && /[：]/.test(contents.value)) {
    fail(
      "parse",
      { key: "err.parse.fullWidthColon" },
      contents.range[0],
    );
  }

  const data: unknown = doc.toJS({ maxAliasCount: 0 });

  return {
    data,
    locate(path) {
      let node: unknown = doc.contents;
      if (!node) return undefined;
      let pos = nodePos(node);
      for (const seg of path) {
        if (isMap(node)) {
          const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(seg));
          if (!pair) break;
          pos = nodePos(pair.key) ?? pos;
          node = pair.value;
          if (!node) break;
        } else if (isSeq(node)) {
          if (typeof seg !== "number") break;
          const item = node.items[seg];
          if (!item) break;
          pos = nodePos(item) ?? pos;
          node = item;
        } else {
          break;
        }
      }
      return pos;
    },
  };

  function nodePos(n: unknown): Position | undefined {
    const range = (n as { range?: [number, number, number] } | null)?.range;
    if (!range) return undefined;
    const p = lineCounter.linePos(range[0]);
    return { line: p.line, col: p.col };
  }
}

interface WalkCtx {
  maxDepth: number;
  maxItems: number;
  kind: "profile" | "policy";
  text: string;
  fail: (code: ErrorCode, message: Message, offset?: number) => never;
  moneyKeys: ReadonlySet<string> | undefined;
  file: string;
  at: (offset: number) => { line?: number; col?: number };
}

function checkNodes(node: unknown, depth: number, ctx: WalkCtx, path: (string | number)[] = []): void {
  if (node === null || node === undefined) return;
  const n = node as YamlNode;
  const offset = n.range?.[0];
  if (isAlias(n)) {
    ctx.fail("parse", { key: "err.parse.alias", params: { name: n.source } }, offset);
  }
  const anchor = (n as { anchor?: string }).anchor;
  if (anchor) {
    // Where the anchor itself is written: before a block mapping or list, a line above the node's first entry.
    const at = offset === undefined ? -1 : ctx.text.lastIndexOf(`&${anchor}`, offset);
    ctx.fail("parse", { key: "err.parse.anchor", params: { name: anchor } }, at >= 0 ? at : offset);
  }
  if (isCollection(n)) {
    if (depth + 1 > ctx.maxDepth) ctx.fail("parse", tooDeep(ctx.maxDepth, ctx.kind), offset);
    if (n.items.length > ctx.maxItems) {
      ctx.fail("parse", { key: "err.parse.tooMany", params: { count: n.items.length, limit: ctx.maxItems, kind: ctx.kind } }, offset);
    }
    n.items.forEach((item, index) => {
      if (isPair(item)) {
        const key = item.key as YamlNode | null;
        checkNodes(key, depth + 1, ctx, path);
        if (isScalar(key) && typeof key.value === "string" && FORBIDDEN_KEYS.has(key.value)) {
          ctx.fail("validation", { key: "err.parse.forbiddenKey", params: { key: key.value } }, key.range?.[0]);
        }
        const name = isScalar(key) ? String(key.value) : "";
        path.push(name);
        checkNodes(item.value, depth + 1, ctx, path);
        if (ctx.moneyKeys?.has(name)) checkMoney(item.value, ctx, path);
        path.pop();
      } else {
        path.push(index);
        checkNodes(item, depth + 1, ctx, path);
        path.pop();
      }
    });
  }
}

/**
 * Money is plain yuan held exactly as written: not 0x10, 0o17, 1e6, +100 or 0100 (YAML reads them as
 * numbers), and not 9007199254740993 or 90071992547409.99 (a number cannot hold them; they would be rounded).
 */
function checkMoney(value: unknown, ctx: WalkCtx, path: readonly (string | number)[]): void {
  if (!isScalar(value) || typeof value.value !== "number" || !value.range) return;
  const fault = numberFault(ctx.text.slice(value.range[0], value.range[1]), value.value);
  if (fault) throw new SubsidyError("validation", fault, { file: ctx.file, ...ctx.at(value.range[0]), path: formatPath(path) });
}

function decode(bytes: Uint8Array, file: string): string {
  // UTF-32 first: its little-endian mark begins like UTF-16's.
  if ((bytes[0] === 0xff && bytes[1] === 0xfe && bytes[2] === 0 && bytes[3] === 0) || (bytes[0] === 0 && bytes[1] === 0 && bytes[2] === 0xfe && bytes[3] === 0xff)) {
    throw new SubsidyError("file-encoding", { key: "err.utf32", params: { which: bytes[0] === 0xff ? "UTF-32LE" : "UTF-32BE" } }, { file, line: 1, col: 1 });
  }
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    const which = bytes[0] === 0xff ? "UTF-16LE" : "UTF-16BE";
    throw new SubsidyError(
      "file-encoding",
      { key: "err.parse.utf16", params: { which } },
      { file, line: 1, col: 1 },
    );
  }
  let start = 0;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) start = 3;
  const body = bytes.subarray(start);

  // NUL and other C0 controls (tab, LF, CR aside) and DEL never occur in a text profile.
  for (let i = 0; i < body.length; i++) {
    const b = body[i] as number;
    if ((b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d) || b === 0x7f) {
      const { line, col } = byteLineCol(body, i);
      throw new SubsidyError(
        "file-binary",
        { key: "err.parse.binary", params: { byte: b.toString(16).padStart(2, "0") } },
        { file, line, col },
      );
    }
  }

  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(body);
  } catch {
    const bad = firstInvalidUtf8(body);
    const { line, col } = byteLineCol(body, bad);
    const gbk = decodes(body, "gb18030");
    throw new SubsidyError(
      "file-encoding",
      { key: gbk ? "err.parse.gbk" : "err.parse.notUtf8" },
      { file, line, col },
    );
  }
}

function decodes(b: Uint8Array, encoding: string): boolean {
  try {
    new TextDecoder(encoding, { fatal: true }).decode(b);
    return true;
  } catch {
    return false;
  }
}

/** Offset of the first byte that does not start a well-formed UTF-8 sequence. */
function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i] as number;
    let n: number;
    let min: number;
    if (c < 0x80) {
      i++;
      continue;
    } else if (c >= 0xc2 && c <= 0xdf) {
      n = 1;
      min = 0x80;
    } else if (c >= 0xe0 && c <= 0xef) {
      n = 2;
      min = 0x800;
    } else if (c >= 0xf0 && c <= 0xf4) {
      n = 3;
      min = 0x10000;
    } else return i;
    let cp = c & (0x3f >> n);
    for (let k = 1; k <= n; k++) {
      const cc = b[i + k];
      if (cc === undefined || (cc & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (cc & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += n + 1;
  }
  return i;
}

/** 1-based line and column (in bytes) of a byte offset. */
function byteLineCol(b: Uint8Array, offset: number): Position {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < b.length; i++) {
    if (b[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, col: offset - lineStart + 1 };
}

function isBlank(text: string): boolean {
  for (const raw of text.split(/\r?\n|\r/)) {
    const line = raw.trim();
    if (line === "" || line.startsWith("#")) continue;
    return false;
  }
  return true;
}

/** Whether a null scalar was written out (`~`, `null`) rather than being an empty document (`---` alone). */
function hasText(text: string, node: { range?: [number, number, number] | null }): boolean {
  const r = node.range;
  return !!r && r[1] > r[0] && text.slice(r[0], r[1]).trim() !== "";
}

/**
 * Offset of the first flow bracket nested more than PRESCAN_DEPTH deep, outside quotes and comments.
 * A coarse guard: the exact depth limit is enforced on the AST.
 */
function prescanFlowDepth(text: string): number | undefined {
  let depth = 0;
  let quote: string | null = null;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === "\\" && quote === '"') i++;
      else if (c === quote) quote = null;
      continue;
    }
    if (c === '"' || c === "'") quote = c;
    else if (c === "#" && (i === 0 || /\s/.test(text[i - 1] as string))) {
      const nl = text.indexOf("\n", i);
      if (nl < 0) break;
      i = nl;
    } else if (c === "[" || c === "{") {
      if (++depth > PRESCAN_DEPTH) return i;
    } else if ((c === "]" || c === "}") && depth > 0) depth--;
  }
  return undefined;
}

/**
 * Offset of the first line whose compact block indicators (`- - - x`, `? ? ? x`) nest more than
 * `limit` deep: no indentation grows, so the flow prescan misses them, and the parser recurses.
 */
function prescanCompactDepth(text: string, limit: number): number | undefined {
  const re = /^[ \t]*(?:[-?:][ \t]+){2,}/gm;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    let n = 0;
    for (let i = m.index; i < m.index + m[0].length; i++) {
      const c = text[i];
      if (c === "-" || c === "?" || c === ":") n++;
    }
    if (n > limit) return m.index;
  }
  return undefined;
}

function tooDeep(maxDepth: number, kind: "profile" | "policy"): Message {
  return { key: "err.parse.tooDeep", params: { limit: maxDepth, kind } };
}

function textPos(text: string, offset: number): Position {
  const before = text.slice(0, offset);
  const line = before.split("\n").length;
  return { line, col: offset - (before.lastIndexOf("\n") + 1) + 1 };
}

function firstLine(s: string): string {
  return s.split("\n")[0] ?? s;
}

/** A nudge for the mistakes people actually make in hand-written YAML: "colon", "tab" or "". */
function syntaxHint(text: string, offset: number): string {
  const lineStart = text.lastIndexOf("\n", offset - 1) + 1;
  const lineEnd = text.indexOf("\n", offset);
  const line = text.slice(lineStart, lineEnd < 0 ? undefined : lineEnd);
  if (/[：]/.test(line)) return "colon";
  if (/\t/.test(line.slice(0, line.length - line.trimStart().length))) return "tab";
  return "";
}

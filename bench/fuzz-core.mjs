// A mutation fuzzer over the profile loader: bytes and structure of the real fixture profiles.
// Shared by bench/fuzz.mjs (the long run) and tests/fuzz.test.ts (a short seeded run in npm test).
//
// A failure is any thrown value that is not a SubsidyError, or a SubsidyError whose message carries
// stack frames; a hang is an input that takes longer than the per-input limit (measured in-process,
// and guarded by a watchdog in bench/fuzz.mjs).
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { stringify } from "yaml";

/** mulberry32: small, fast, seeded. */
export function rng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (n) => Math.floor(next() * n),
    pick: (xs) => xs[Math.floor(next() * xs.length)],
    chance: (p) => next() < p,
  };
}

/** The seed corpus: every profile and bad fixture, as bytes and (where they parse) as data. */
export function loadCorpus(root, parse) {
  const files = [];
  for (const dir of ["fixtures/profiles", "fixtures/bad"]) {
    for (const f of readdirSync(join(root, dir)).sort()) {
      if (/\.(ya?ml|json)$/i.test(f)) files.push({ name: `${dir}/${f}`, bytes: new Uint8Array(readFileSync(join(root, dir, f))) });
    }
  }
  const data = [];
  for (const f of files) {
    try {
      data.push(parse(new TextDecoder().decode(f.bytes)));
    } catch {
      // not every bad fixture parses; its bytes are still mutated
    }
  }
  return { files, data: data.filter((d) => d && typeof d === "object") };
}

const ODD_STRINGS = [
  "", " ", "\u0000", "\u200b", "\ufeff", "\u202e", "𝔘𝔫𝔦", "💥", "e\u0301", "：", "，", "\ud800", "null", "~", "yes", "no", "on",
  "0x10", "012", "1e309", "-0", ".inf", ".nan", "NaN", "Infinity", "1:30", "2024-02-30", "2024-13-01", "9999-12-31", "0000-00-00",
  "380万", "3,800,000", "¥1.5亿", "__proto__", "constructor", "prototype", "toString", "hasOwnProperty", "a".repeat(5000),
  "- x", "{a: 1}", "[1, 2", "&a", "*a", "!!binary", "!eval x", "%YAML 1.1", "---", "...", "#", "'", '"', "\\", "\t", "\r\n",
];
const ODD_NUMBERS = [0, -1, 1e21, Number("9007199254740993"), Number.MAX_SAFE_INTEGER, 0.1 + 0.2, 1e-7, 12.345, -0, 2 ** 64, 3800000.555];
const ODD_BYTES = [0x00, 0x09, 0x0a, 0x0d, 0x1b, 0x22, 0x23, 0x26, 0x27, 0x2a, 0x2d, 0x3a, 0x3f, 0x5b, 0x5d, 0x7b, 0x7d, 0x7f, 0x80, 0xbf, 0xc0, 0xe4, 0xef, 0xfe, 0xff, 0x21, 0x25, 0x7c, 0x3e];
const SNIPPETS = ["\n---\n", "&a ", "*a", "!!set ", "!tag ", "%YAML 1.1\n", "<<: ", "{", "}", "[", "]", ": ", "- ", "? ", "\t", "\ufeff", "：", "\"", "'", "#", "\r", "\u2028", "\\u0000", "&x [*x]", "- ".repeat(60), "[".repeat(70)];

function keysOf(o) {
  return Object.keys(o);
}

/** A random path to a container inside `root`. */
function randomContainer(r, root) {
  let node = root;
  for (let depth = 0; depth < 6; depth++) {
    const kids = (Array.isArray(node) ? node : Object.values(node)).filter((x) => x && typeof x === "object");
    if (kids.length === 0 || r.chance(0.35)) break;
    node = r.pick(kids);
  }
  return node;
}

function oddValue(r, depth = 0) {
  switch (r.int(9)) {
    case 0:
      return r.pick(ODD_STRINGS);
    case 1:
      return r.pick(ODD_NUMBERS);
    case 2:
      return r.chance(0.5);
    case 3:
      return null;
    case 4:
      return depth < 3 ? [oddValue(r, depth + 1)] : [];
    case 5:
      return depth < 3 ? { [r.pick(ODD_STRINGS) || "k"]: oddValue(r, depth + 1) } : {};
    case 6: {
      let x = "x";
      for (let i = 0, n = 20 + r.int(60); i < n; i++) x = r.chance(0.5) ? [x] : { k: x };
      return x;
    }
    case 7:
      return r.int(2) ? String(r.int(1e9)) : r.int(1e9);
    default:
      return Array.from({ length: r.int(50) }, (_, i) => ({ type: "gazelle", n: i }));
  }
}

/** Structural mutations of parsed data, serialised back to YAML or JSON. */
function mutateData(r, data) {
  const root = structuredClone(data);
  const n = 1 + r.int(3);
  for (let k = 0; k < n; k++) {
    const node = randomContainer(r, root);
    if (Array.isArray(node)) {
      const op = r.int(4);
      if (op === 0 && node.length) node.splice(r.int(node.length), 1);
      else if (op === 1 && node.length) node.push(structuredClone(r.pick(node)));
      else if (op === 2) node.splice(r.int(node.length + 1), 0, oddValue(r));
      else node.reverse();
    } else {
      const keys = keysOf(node);
      const op = r.int(6);
      const key = keys.length ? r.pick(keys) : "x";
      if (op === 0) delete node[key];
      else if (op === 1) node[key] = oddValue(r);
      else if (op === 2) node[key + r.pick(["", "_", "s", "：", " "])] = node[key];
      else if (op === 3) node[r.pick(ODD_STRINGS) || "k"] = oddValue(r);
      else if (op === 4) node[key] = typeof node[key] === "number" ? String(node[key]) : typeof node[key] === "string" ? Number(node[key]) || node[key].length : node[key];
      else Object.defineProperty(node, r.pick(["__proto__", "constructor", "prototype", "toString"]), { value: oddValue(r), enumerable: true, configurable: true, writable: true });
    }
  }
  let text;
  let json = r.chance(0.3);
  try {
    text = json ? JSON.stringify(root, null, r.int(3)) : stringify(root, { aliasDuplicateObjects: false, lineWidth: 0 });
  } catch {
    text = JSON.stringify(root);
    json = true;
  }
  return { json, bytes: new TextEncoder().encode(text ?? "null") };
}

/** Byte mutations: flips, insertions, deletions, truncation, splices, repeats. */
function mutateBytes(r, bytes) {
  let b = Array.from(bytes);
  const n = 1 + r.int(4);
  for (let k = 0; k < n; k++) {
    const at = r.int(b.length + 1);
    switch (r.int(8)) {
      case 0:
        if (b.length) b[Math.min(at, b.length - 1)] ^= 1 << r.int(8);
        break;
      case 1:
        b.splice(at, 0, r.pick(ODD_BYTES));
        break;
      case 2:
        b.splice(at, 1 + r.int(8));
        break;
      case 3:
        b = b.slice(0, at);
        break;
      case 4:
        b.splice(at, 0, ...new TextEncoder().encode(r.pick(SNIPPETS)));
        break;
      case 5: {
        const from = r.int(b.length + 1);
        const piece = b.slice(from, from + 1 + r.int(40));
        b.splice(at, 0, ...piece);
        break;
      }
      case 6:
        if (b.length) b[Math.min(at, b.length - 1)] = r.pick(ODD_BYTES);
        break;
      default: {
        const line = new TextEncoder().encode(r.pick(SNIPPETS));
        for (let i = 0, m = r.int(30); i < m; i++) b.splice(at, 0, ...line);
      }
    }
  }
  return new Uint8Array(b);
}

/** Depths around every limit: --max-depth (32), the flow prescan (1000), and far past the call stack. */
const DEPTHS = [31, 32, 33, 999, 1000, 1001, 3000, 6000, 20000];

/** Nesting bombs: JSON objects and arrays (and YAML flow and block forms) nested to a depth near or far past a limit. */
function nestingBomb(r) {
  const depth = r.pick(DEPTHS) + r.int(3);
  const json = r.chance(0.6);
  let open = "";
  let close = "";
  for (let i = 0; i < depth; i++) {
    const obj = json ? r.chance(0.5) : r.chance(0.3);
    open += obj ? (json ? '{"a":' : "{a: ") : "[";
    close = (obj ? "}" : "]") + close;
  }
  const inner = r.pick(["1", '"x"', "null", "[]", "{}", ""]);
  const nest = open + inner + close;
  if (json) {
    const text = r.chance(0.5) ? nest : `{"enterprise": {"name": "x"}, "${r.pick(["note", "projects", "recognitions", "x"])}": ${nest}}`;
    return { name: "fuzz.json", text: r.chance(0.1) ? text.slice(0, r.int(text.length)) : text };
  }
  if (r.chance(0.3)) {
    // Block nesting: each level one deeper, or compact `- - - x`.
    const compact = r.chance(0.5);
    const lines = compact ? ["x: " + "- ".repeat(depth) + "y"] : Array.from({ length: Math.min(depth, 3000) }, (_, i) => " ".repeat(i) + "k:");
    return { name: "fuzz.yaml", text: "enterprise:\n  name: x\n" + lines.join("\n") + "\n" };
  }
  return { name: "fuzz.yaml", text: `enterprise:\n  name: x\nnote: ${nest}\n` };
}

/** Control characters, as YAML/JSON escapes and as raw text: in names, keys, values. Shown escaped, never raw. */
const CONTROLS = ["\\e", "\\a", "\\e]0;pwned\\a", "\\e[2J", "\\x9b31m", "\\u202e", "\\n", "\\r", "\\nfuzz.yaml:1: forged", "\\u0085", "\\u2028", "\\t", "\\0"];
const RAW = ["\u0085", "\u009b", "\u202e", "\u2066", "\u200f", "\u061c"];

function controlText(r) {
  const pieces = Array.from({ length: 1 + r.int(3) }, () => (r.chance(0.7) ? r.pick(CONTROLS) : r.pick(RAW)));
  return "a" + pieces.join("b");
}

function controlInput(r) {
  const c = controlText(r);
  const json = r.chance(0.4);
  const where = r.int(4);
  // JSON knows \u001b but not \e: in JSON, escapes are written as \u.
  const q = (s) => (json ? s.replace(/\\e/g, "\\u001b").replace(/\\a/g, "\\u0007").replace(/\\x9b/g, "\\u009b").replace(/\\0/g, "\\u0000") : s);
  if (json) {
    const name = where === 0 ? q(c) : "淄博测试有限公司";
    const key = where === 1 ? q(c) : "note";
    const type = where === 2 ? q(c) : "green-factory";
    const product = where === 3 ? q(c) : "P";
    return { name: "fuzz.json", text: `{"enterprise": {"name": "${name}", "district": "张店区", "${key}": "n"}, "recognitions": [{"type": "${type}", "level": "national", "date": "2024-01-15", "product": "${product}"}]}` };
  }
  const name = where === 0 ? c : "淄博测试有限公司";
  const key = where === 1 ? c : "note";
  const type = where === 2 ? c : "green-factory";
  const product = where === 3 ? c : "P";
  return { name: "fuzz.yaml", text: `enterprise:\n  name: "${name}"\n  district: 张店区\n  "${key}": n\nrecognitions:\n  - type: "${type}"\n    level: national\n    date: 2024-01-15\n    product: "${product}"\n` };
}

/** The i-th input of a run: deterministic from the seed and the index. `name` is the file name it is given (.json: strict JSON). */
export function makeInput(seed, i, corpus) {
  const r = rng((seed * 0x9e3779b1) ^ (i * 0x85ebca77));
  const enc = (x) => new TextEncoder().encode(x);
  const roll = r.next();
  if (roll < 0.08) {
    const b = nestingBomb(r);
    return { kind: "nesting", name: b.name, bytes: enc(b.text) };
  }
  if (roll < 0.16) {
    const c = controlInput(r);
    return { kind: "control", name: c.name, bytes: enc(c.text) };
  }
  if (corpus.data.length && r.chance(0.5)) {
    const m = mutateData(r, r.pick(corpus.data));
    return { kind: "structure", name: m.json ? "fuzz.json" : "fuzz.yaml", bytes: m.bytes };
  }
  const file = r.pick(corpus.files);
  return { kind: "bytes", name: /\.json$/i.test(file.name) ? "fuzz.json" : "fuzz.yaml", bytes: mutateBytes(r, file.bytes) };
}

const STACK = /\n\s+at |\bat [\w.<>]+ \(|node:internal|\.m?[jt]s:\d+:\d+/;

/**
 * Feeds one input to the loader: `failure` is null when it was handled (a profile, or a SubsidyError
 * with a clean message), else a description of what went wrong; `accepted` when it loaded as a profile.
 */
// eslint-disable-next-line no-control-regex
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

export function tryInput(api, policy, bytes, perInputMs, name = "fuzz.yaml") {
  const t0 = performance.now();
  let failure = null;
  let accepted = false;
  try {
    api.parseProfileText(bytes, name, policy, { asOf: "2024-12-31" });
    accepted = true;
  } catch (e) {
    if (!(e instanceof api.SubsidyError)) failure = `threw ${e?.constructor?.name ?? typeof e}: ${e?.message ?? String(e)}`;
    else {
      const text = typeof e.format === "function" ? e.format() : e.message;
      if (STACK.test(text)) failure = `stack trace in message: ${text.slice(0, 500)}`;
      // One line per problem, each naming the file; no control character reaches the terminal raw.
      else if (text.split("\n").some((line) => !line.startsWith(name))) failure = `a message line does not name the file: ${JSON.stringify(text.slice(0, 300))}`;
      else if (RAW_CONTROL.test(text)) failure = `raw control character in message: ${JSON.stringify(text.slice(0, 300))}`;
    }
  }
  const ms = performance.now() - t0;
  if (!failure && ms > perInputMs) failure = `slow: ${ms.toFixed(0)} ms (limit ${perInputMs} ms)`;
  return { failure, ms, accepted };
}

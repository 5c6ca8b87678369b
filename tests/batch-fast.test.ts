/**
 * The fast path (src/parse/fast.ts) must read every file it accepts exactly as the authoritative `yaml`
 * loader does, and hand everything else to that loader so messages are identical to `subsidy check`.
 */
import { describe, expect, it } from "vitest";
import * as fs from "node:fs";
import * as path from "node:path";
import fc from "fast-check";
import { stringify } from "yaml";
import { fastParse, prescan } from "../src/parse/fast.js";
import { loadProfileBytes } from "../src/batch/evaluate-one.js";
import { parseDocument } from "../src/parse/document.js";
import { parseProfileText } from "../src/profile/load.js";
import { evaluate } from "../src/engine/evaluate.js";
import { SubsidyError } from "../src/errors.js";
import { realPolicy, root } from "./helpers/real-policy.js";
// @ts-expect-error plain JS module shared with the bench
import { generateProfile, renderProfile, rng, STYLES } from "../bench/generate.mjs";

const asOf = "2026-11-25";
const enc = (s: string) => new TextEncoder().encode(s);

function fixtureFiles(dir: string): [string, Uint8Array][] {
  const d = path.join(root, "fixtures", dir);
  return fs.readdirSync(d).sort().map((f) => [path.join("fixtures", dir, f), fs.readFileSync(path.join(d, f))]);
}

function generated(count: number, seed = 7): [string, Uint8Array][] {
  const r = rng(seed);
  const out: [string, Uint8Array][] = [];
  for (let i = 0; i < count; i++) {
    const p = generateProfile(r, i) as Record<string, unknown>;
    out.push([`gen-${i}.yaml`, enc(`# generated ${i}\n` + stringify(p))]);
  }
  return out;
}

/** What the authoritative path gives: data, or the error's text. */
function authoritative(bytes: Uint8Array, file: string): { data?: unknown; error?: string } {
  try {
    return { data: parseDocument(bytes, file).data };
  } catch (e) {
    if (e instanceof SubsidyError) return { error: e.format() };
    throw e;
  }
}

/** Both paths through the whole loader: the same profile and evaluation, or the same message. */
function sameOutcome(bytes: Uint8Array, file: string): boolean {
  const policy = realPolicy();
  let slow: { profile?: unknown; error?: string };
  try {
    slow = { profile: parseProfileText(bytes, file, policy, { asOf }) };
  } catch (e) {
    slow = { error: (e as SubsidyError).format() };
  }
  let fast: { profile?: unknown; error?: string; usedFast?: boolean };
  try {
    const r = loadProfileBytes(bytes, file, policy, asOf, true);
    fast = { profile: r.profile, usedFast: r.fast };
  } catch (e) {
    fast = { error: (e as SubsidyError).format() };
  }
  expect(fast.error).toEqual(slow.error);
  expect(fast.profile).toEqual(slow.profile);
  if (slow.profile) {
    expect(evaluate(policy, fast.profile as never, asOf)).toEqual(evaluate(policy, slow.profile as never, asOf));
  }
  return fast.usedFast === true;
}

/** When the fast path accepts a text, yaml must read it without error and to the same data. Returns whether it accepted. */
function agreesIfAccepted(text: string): boolean {
  const bytes = enc(text);
  const f = fastParse(bytes);
  if (f === undefined) return false;
  const a = authoritative(bytes, "x.yaml");
  expect(a.error).toBeUndefined();
  expect(a.data).toEqual(f);
  return true;
}

/** Texts of `base` damaged by one to three insertions or overwrites of `tricky` pieces; how many the fast path took (and agreed on). */
function damaged(base: string[], tricky: string[], seed: number, numRuns = 3000): number {
  let accepted = 0;
  fc.assert(
    fc.property(
      fc.integer({ min: 0, max: base.length - 1 }),
      fc.array(fc.tuple(fc.nat(), fc.constantFrom(...tricky), fc.boolean()), { minLength: 1, maxLength: 3 }),
      (which, edits) => {
        let text = base[which] as string;
        for (const [at, piece, replace] of edits) {
          const i = at % (text.length + 1);
          text = text.slice(0, i) + piece + text.slice(replace ? i + piece.length : i);
        }
        if (agreesIfAccepted(text)) accepted++;
        return true;
      },
    ),
    { numRuns, seed },
  );
  return accepted;
}

describe("batch fast path", () => {
  it("gives the same profile, evaluation and messages as the yaml loader on every fixture profile", () => {
    const files = fixtureFiles("profiles");
    let fast = 0;
    for (const [file, bytes] of files) if (sameOutcome(bytes, file)) fast++;
    // The hand-written examples (comments, credit codes, quoted text) mostly take the fast path.
    expect(fast).toBeGreaterThanOrEqual(Math.ceil(files.length / 2));
  });

  it("gives the same messages as the yaml loader on every bad fixture, and never accepts one the loader rejects", () => {
    for (const [file, bytes] of fixtureFiles("bad")) {
      sameOutcome(bytes, file);
      const a = authoritative(bytes, file);
      const f = fastParse(bytes);
      if (f !== undefined) expect(a.data).toEqual(f);
    }
  });

  it("takes the fast path for generated profiles and agrees with the yaml loader on each", () => {
    const files = generated(300);
    let fast = 0;
    for (const [file, bytes] of files) if (sameOutcome(bytes, file)) fast++;
    expect(fast).toBe(files.length);
  });

  it("takes realistic profiles in every style through the fast path — flow-style entries, credit codes such as …251E, notes starting with a digit — and agrees with the loader", () => {
    const r = rng(29);
    const looks = rng(31);
    const seen = { flow: 0, codeE: 0, digitText: 0 };
    let fast = 0;
    let total = 0;
    for (let i = 0; i < 240; i++) {
      const style = STYLES[i % STYLES.length] as string;
      const text = renderProfile(looks, generateProfile(r, i, { realistic: true }), i, style);
      if (/^\s*- \{/m.test(text)) seen.flow++;
      if (/credit_code: "?[0-9]*[BEX][0-9]*\b/.test(text)) seen.codeE++;
      if (/note: [0-9]/.test(text)) seen.digitText++;
      total++;
      if (sameOutcome(enc(text), `real-${i}.${style === "json" ? "json" : "yaml"}`)) fast++;
    }
    // The forms that used to send a file to the loader occur here, and are now read on the fast path.
    expect(seen.flow).toBeGreaterThan(3);
    expect(seen.codeE).toBeGreaterThan(3);
    expect(seen.digitText).toBeGreaterThan(0);
    expect(fast).toBe(total);
  });

  it("agrees with yaml on randomly damaged flow-style entries and digit-led text", () => {
    const base = [
      "enterprise:\n  name: 淄博某公司\n  credit_code: 91370305163240251E\n  district: 张店区\n  note: 2024保险年度 1_000 12:30\nrecognitions:\n  - {type: green-factory, level: national, date: 2024-01-15}   # 绿色工厂\n  - {type: first-set-product, level: provincial, product: HC-5000 五轴加工中心, date: 2024-03-01}\nprojects:\n  - {type: technical-renovation, date: 2024-06-30, audited_investment: 3800000.5}\n",
      "enterprise: {name: 某公司, district: 淄川区, military_civil: true}\nstandards:\n  - {scope: national, role: lead, code: GB/T 1000-2024, date: 2023-09-17}\n  - {scope: group, role: participant, code: \"T/ZBXH 001-2025\", date: 2021-10-20, note: '首次取得, 它''s'}   # 公示日期\n",
    ];
    const tricky = ["{", "}", ",", ", ", ": ", ":", "#", " #", "'", '"', "[", "]", "&a ", "*a", "!!str ", "? ", "- ", "-", " ", "  ", "\n", "x: 1, ", "{a: 1}", "{}", "1e3", "0x1F", "0o17", "012", "1.", "2E10", "2024", "年", "true", "null", "~", "__proto__: 1, ", "a:b", "，", "：", "\t", "\r"];
    expect(damaged(base, tricky, 20261202, 2000)).toBeGreaterThan(100);
  });

  it("agrees with yaml on randomly damaged profiles: whatever it accepts, yaml reads the same", () => {
    const base = generated(40, 11).map(([, b]) => new TextDecoder().decode(b));
    base.push(fs.readFileSync(path.join(root, "fixtures/profiles/huachuang.yaml"), "utf8"));
    const tricky = ["&a ", "*a", "!!str ", "! ", "%YAML 1.1\n", "---\n", "...\n", "<<: ", "? ", "|\n", ">\n", "[", "]", "{", "}", ",", "#", " #", ":", ": ", "'", '"', "\\", "\t", " ", "  ", "\n", "\r\n", "\r", "-", "- ", "yes", "No", "ON", "~", "null", "Null", "TRUE", "0x1F", "0o17", "012", "1_000", "1e3", "1E3", ".5", "+1", "-0", ".inf", ".NaN", "1:30", "2024-01-15", "__proto__: 1\n", "constructor", "\u0085", "\u2028", "\ufeff", "\u00a0", "：", "　", "\u2003", "''", "1.0", "0.10", "00", "1.", "-.5", "'a'", '"a"', "[] ", "{} ", " []", "x: ", "x:", "- x: 1\n", "  - ", "null ", "~ ", "true ", "a: b", " - "];
    // Not vacuous: a good share of the damaged texts is still taken by the fast path and compared.
    expect(damaged(base, tricky, 20260101)).toBeGreaterThan(300);
  });

  it("agrees with yaml when lines are re-indented", () => {
    const base = generated(20, 13).map(([, b]) => new TextDecoder().decode(b));
    let accepted = 0;
    fc.assert(
      fc.property(fc.integer({ min: 0, max: base.length - 1 }), fc.nat(), fc.integer({ min: -3, max: 3 }), (which, lineAt, delta) => {
        const lines = (base[which] as string).split("\n");
        const k = lineAt % lines.length;
        const l = lines[k] as string;
        lines[k] = delta >= 0 ? " ".repeat(delta) + l : l.replace(new RegExp(`^ {0,${-delta}}`), "");
        if (agreesIfAccepted(lines.join("\n"))) accepted++;
        return true;
      }),
      { numRuns: 2000, seed: 7 },
    );
    expect(accepted).toBeGreaterThan(200);
  });

  it("takes JSON profiles through JSON.parse and agrees with the yaml loader on each, pretty or compact", () => {
    const r = rng(17);
    let fast = 0;
    const total = 200;
    for (let i = 0; i < total; i++) {
      const p = generateProfile(r, i) as Record<string, unknown>;
      const text = i % 2 ? JSON.stringify(p, null, 2) : JSON.stringify(p);
      if (sameOutcome(enc(text), `gen-${i}.json`)) fast++;
    }
    expect(fast).toBe(total);
  });

  it("agrees with yaml on randomly damaged JSON profiles: whatever it accepts, yaml reads the same", () => {
    const base = generated(30, 19).map(([, b]) => JSON.stringify(parseDocument(b, "x.yaml").data, null, 2));
    const tricky = ['"', "\\", "\\n", "\\u00e9", ",", ":", "{", "}", "[", "]", " ", "\t", "\n", "\r", "-", "+", "-0", "1e3", "1E3", ".5", "0.10", "true", "false", "null", "#", "'", '"name": "x", ', '"name": 1, ', '"__proto__": 1, ', "\u2028", "\ufeff", "\u0085", "：", "e", "E"];
    expect(damaged(base, tricky, 20261201)).toBeGreaterThan(300);
  });

  it("JSON fast path refuses what it cannot vouch for, and takes plain JSON", () => {
    for (const text of ['{"a": 1, "a": 2}', '{"e": {"b": 1, "b": 1}}', '{"a": "x\\ny"}', '{"a": 1e3}', '{"a": -1}', '{"a": -0}', '{"a":\t1}', '{"a": "\u2028"}', '{"a": 1} x', '[1]', '{"a": 1,}', '\r{"a": 1}', '{"a"\n: 1}', '{"__proto__": {"a": 1}}', '{"a": {"constructor": 1}}']) {
      expect(fastParse(enc(text)), text).toBeUndefined();
    }
    expect(fastParse(enc('{"a": true, "b": false, "c": null, "d": 1.5, "e": ["x", {"f": "淄博"}]}'))).toEqual({ a: true, b: false, c: null, d: 1.5, e: ["x", { f: "淄博" }] });
    expect(fastParse(enc('\n  {"enterprise": {"name": "x"}}\n'))).toEqual({ enterprise: { name: "x" } });
  });

  it("declines what the loader refuses for its size: a key over 1024 characters, JSON nested deeper than 1000 whatever --max-depth", () => {
    const long = "a" + "b".repeat(1100);
    expect(fastParse(enc(`${long}: 1\n`))).toBeUndefined();
    expect(fastParse(enc(`x:\n- ${long}: 1\n`))).toBeUndefined();
    expect(authoritative(enc(`${long}: 1\n`), "x.yaml").error).toBeDefined();
    expect(fastParse(enc(`${"a".repeat(900)}: 1\n`))).toEqual({ ["a".repeat(900)]: 1 });
    const deep = `{"a":${"[".repeat(1001)}${"]".repeat(1001)}}`;
    expect(fastParse(enc(deep), { maxDepth: 5000 })).toBeUndefined();
    expect(() => parseDocument(enc(deep), "x.json", { maxDepth: 5000 })).toThrow(SubsidyError);
    const fine = `{"a":${"[".repeat(40)}${"]".repeat(40)}}`;
    expect(fastParse(enc(fine), { maxDepth: 5000 })).toEqual(parseDocument(enc(fine), "x.json", { maxDepth: 5000 }).data);
  });

  it("pre-scan refuses what it cannot vouch for", () => {
    for (const text of ["a: &x 1\n", "a: *x\n", "a: !!str 1\n", "%YAML 1.1\n---\na: 1\n", "---\na: 1\n", "a: |\n  x\n", "a: [1, 2]\n", "a: 0x1F\n", "a: .5\n", "a: True\n", "a:\tb\n", "a: b: c\n", "? a\n: b\n", "__proto__: 1\n", 'a: "x\\ty"\n', "a: 1e3\n", "a: 012\n", "a\n  b: 1\n"]) {
      expect(prescan(text), text).toBe(false);
    }
    for (const text of ["a: 1\n", "a: -1.5\n", "a:\n  - b: 2024-01-15\n    c: 'it''s'\n", "a: 淄博 # note\n", "a: []\n", "a: 91370303MA3C0001XY\n", "a: yes\n", "a: 1_000\n", "a: 2024保险年度\n", "a: 91370305163240251E\n", "a: {b: 1, c: x y}\n"]) {
      expect(prescan(text), text).toBe(true);
    }
  });
});

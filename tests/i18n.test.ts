/** Every message key in both languages; every key the code uses exists; English output has no stray Chinese. */
import { readdirSync, readFileSync, statSync } from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { catalogs, formatYuan } from "../src/i18n/index.js";
import { evaluated, GOLDEN_FIXTURES, policy, render, root } from "./report-helpers.js";

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    return statSync(p).isDirectory() ? sources(p) : p.endsWith(".ts") ? [p] : [];
  });
}

const FAMILIES = /^(cond|note|comp|reason|label|ui|warn|report|csv|err|scenario|ask)\./

describe("message catalogs", () => {
  const en = Object.keys(catalogs.en);
  const zh = Object.keys(catalogs.zh);

  it("every en key exists in zh", () => {
    expect(en.filter((k) => !Object.hasOwn(catalogs.zh, k))).toEqual([]);
  });
  it("every zh key exists in en", () => {
    expect(zh.filter((k) => !Object.hasOwn(catalogs.en, k))).toEqual([]);
  });

  it("every key the code names exists in both languages", () => {
    const used = new Set<string>();
    for (const file of sources(path.join(root, "src"))) {
      if (file.includes(`${path.sep}i18n${path.sep}`)) continue;
      for (const m of readFileSync(file, "utf8").matchAll(/"([a-z]+\.[A-Za-z0-9.-]+)"/g)) {
        const key = m[1] ?? "";
        if (FAMILIES.test(key) && !/\.(ts|js|json|yaml|md|html|csv)$/.test(key)) used.add(key);
      }
    }
    // Keys built from a value: every value they can take.
    for (const s of ["eligible", "ineligible", "needs-info"]) used.add(`ui.status.${s}`);
    for (const k of ["fixed", "up-to", "discretionary"]) used.add(`ui.kind.${k}`);
    for (const o of ["met", "not-met", "unknown"]) used.add(`ui.outcome.${o}`);
    expect(used.size).toBeGreaterThan(50);
    const missing = [...used].filter((k) => !Object.hasOwn(catalogs.en, k) || !Object.hasOwn(catalogs.zh, k));
    expect(missing).toEqual([]);
  });

  it("the engine's messages render in both languages for the fixtures", () => {
    for (const fixture of GOLDEN_FIXTURES) {
      for (const r of evaluated(fixture).evaluation.results) {
        for (const m of [...r.reasons, ...r.computation]) {
          expect(Object.hasOwn(catalogs.en, m.key) && Object.hasOwn(catalogs.zh, m.key), m.key).toBe(true);
        }
      }
    }
  });
});

describe("English output has no Chinese except names, products, clauses and quotes", () => {
  const CJK = /[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]/;
  const CJK_RUN = /[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]+/g;
  for (const fixture of GOLDEN_FIXTURES) {
    const e = evaluated(fixture);
    // What may stay Chinese: the profile's own words, the policy's clause labels, quotes and department names,
    // and the policy's term 军民结合企业, which the English messages quote.
    const allowed = new Set<string>(["军民结合企业"]);
    const walk = (v: unknown): void => {
      if (typeof v === "string") allowed.add(v);
      else if (Array.isArray(v)) v.forEach(walk);
      else if (v && typeof v === "object") Object.values(v).forEach(walk);
    };
    walk(e.profile);
    for (const p of policy.data.programs) [p.clause, p.quote, ...p.departments].forEach((s) => allowed.add(s));
    // Wrapping may split a name over lines or cells, so each run of Chinese must be part of an allowed string.
    const all = [...allowed];
    const stray = (out: string) => [...new Set(out.match(CJK_RUN) ?? [])].filter((run) => !all.some((a) => a.includes(run)));
    for (const format of ["table", "md", "html", "csv"] as const) {
      it(`${fixture} ${format}`, () => {
        expect(stray(render(fixture, format, "en", { all: true }))).toEqual([]);
      });
    }
  }

  it("the check can fail: the zh report has Chinese of its own", () => {
    expect(CJK.test(render("luchuan-needs-info", "md", "zh"))).toBe(true);
    expect(render("luchuan-needs-info", "md", "zh")).toContain("可申报项目");
  });
});

describe("money formatting", () => {
  it("groups whole yuan by thousands exactly, for any size (no floating point)", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 30n }), (n) => {
        expect(formatYuan(n, "en")).toBe(`¥${n.toLocaleString("en-US")}`);
      }),
      { numRuns: 2000, seed: 5 },
    );
    for (const [n, s] of [[0, "¥0"], [999, "¥999"], [1000, "¥1,000"], [3800000, "¥3,800,000"], [123456789, "¥123,456,789"]] as const) expect(formatYuan(n, "zh")).toBe(s);
    expect(formatYuan(38000000, "zh", "wan")).toBe("3,800万元");
    expect(formatYuan(12345678, "en", "wan")).toBe("1,234.5678 wan yuan");
  });
});

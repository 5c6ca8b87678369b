/**
 * Issue 16: amounts a consultant can quote. Each class checked on the engine with amount, status and
 * reason (English rendering), plus the district reading and the validators' agreement on it.
 */
import { describe, expect, it } from "vitest";
import { evaluate } from "../src/engine/evaluate.js";
import { say } from "../src/i18n/index.js";
import { districtSlip, resolveDistrict } from "../src/policy/index-policy.js";
import { acceptProfile } from "../src/profile/accept.js";
import { validateProfileData } from "../src/profile/schema.js";
import { ValidationErrors } from "../src/errors.js";
import type { ProfileItem, ProgramResult } from "../src/types.js";
import { profile, realPolicy } from "./helpers/real-policy.js";

const policy = realPolicy();
const AS_OF = "2024-12-31";
type P = Parameters<typeof profile>[0];
const run = (p: P, opts: Parameters<typeof evaluate>[3] = {}, asOf = AS_OF) => evaluate(policy, profile(p), asOf, opts);
function result(p: P, id: string, opts: Parameters<typeof evaluate>[3] = {}, asOf = AS_OF): ProgramResult & { text: string } {
  const r = run(p, opts, asOf).results.find((x) => x.program.id === id);
  if (!r) throw new Error(`no result for ${id}`);
  return { ...r, text: r.reasons.map((m) => say(m, { lang: "en", policy })).join(" | ") };
}
const fsp = (product: string, date: string, extra: Partial<ProfileItem> = {}): ProfileItem => ({ type: "first-set-product", level: "provincial", product, date, ...extra });

describe("caps count what the city already paid", () => {
  const paid = Array.from({ length: 6 }, (_, i) => fsp(`P${i}`, `2022-0${i + 1}-10`, { rewarded: true }));
  it("six products paid in 2022 use the ¥3,000,000 cap: a seventh 2022 product earns nothing, and is not eligible", () => {
    const r = result({ recognitions: [...paid, fsp("P7", "2022-09-10")] }, "first-set-product");
    expect(r.status).toBe("ineligible");
    expect(r.amount.yuan).toBe(0);
    expect(r.text).toContain("recognition 7: earns ¥0 — the 2022 cap of ¥3,000,000 per enterprise was already used up (¥3,000,000 counted that year)");
    expect(r.text).not.toMatch(/recognition 7[^|]*(qualifies|is paid|counted under)/);
  });
  it("a 2023 product is not touched by the 2022 payments", () => {
    const r = result({ recognitions: [...paid, fsp("P7", "2023-09-10")] }, "first-set-product");
    expect(r.status).toBe("eligible");
    expect(r.amount.yuan).toBe(500000);
  });
  it("rewarded_yuan counts what was actually received", () => {
    const r = result({ recognitions: [fsp("A", "2022-01-10", { rewarded_yuan: 2900000 }), fsp("B", "2022-05-10")] }, "first-set-product");
    expect(r.amount.yuan).toBe(100000);
    expect(r.text).toContain("already rewarded by the city (¥2,900,000 received)");
    expect(r.text).toContain("recognition 2: cut to ¥100,000 by the 2022 cap of ¥3,000,000 per enterprise (¥2,900,000 of it already used that year)");
  });
  it("insurance paid already counts against the per-enterprise cap under that reading", () => {
    const ins = (date: string, premium: number, extra: Partial<ProfileItem> = {}): ProfileItem => ({ type: "first-set-insurance", level: "provincial", date, premium, ...extra });
    const r = result({ recognitions: [ins("2022-05-01", 4000000, { rewarded: true }), ins("2023-05-01", 2500000)] }, "first-set-insurance");
    expect(r.amount.yuan).toBe(500000);
    // per enterprise: ¥800,000 already paid leaves ¥200,000
    expect(r.alternatives).toEqual([expect.objectContaining({ reading: "insurance-cap-per-enterprise", yuan: 200000 })]);
  });
});

describe("the same thing twice is paid once", () => {
  it("a national military standard listed as lead and as participant pays ¥300,000 once, naming both", () => {
    const std = (role: string, code: string): ProfileItem => ({ scope: "national-military", role, code, date: "2024-04-10" });
    const r = result({ enterprise: { military_civil: true }, standards: [std("lead", "GJB 1234-2024"), std("participant", "GJB1234－2024")] }, "military-standard");
    expect(r.status).toBe("eligible");
    expect(r.amount.yuan).toBe(300000);
    expect(r.text).toContain('standard 2: the same as standard 1 ("GJB1234－2024"), which is paid; the same thing is paid once');
  });
  it("two different standards are two", () => {
    const r = result({ enterprise: { military_civil: true }, standards: [{ scope: "national-military", code: "GJB 1" }, { scope: "national-military", code: "GJB 2" }] }, "military-standard");
    expect(r.amount.yuan).toBe(600000);
  });
  it("a design centre's re-review is not a second 新认定; ¥1,000,000 only if renewals count as new", () => {
    const dc = (date: string): ProfileItem => ({ type: "industrial-design-center", level: "provincial", date });
    const r = result({ recognitions: [dc("2021-05-10"), dc("2024-05-10")] }, "industrial-design-center-provincial");
    expect(r.amount.yuan).toBe(500000);
    expect(r.text).toContain("recognition 2: the same as recognition 1, which is paid; the same thing is paid once");
    expect(r.alternatives.map((a) => [a.reading, a.yuan])).toEqual([["renewals-as-new", 1000000]]);
  });
  it("product identity ignores spaces, width, case and punctuation", () => {
    const r = result({ recognitions: [fsp("BT-100 压滤机", "2024-02-10"), fsp("ｂｔ１００压滤机", "2024-05-10"), fsp("BT 100 压滤机。", "2024-06-10")] }, "first-set-product");
    expect(r.amount.yuan).toBe(500000);
    expect(r.items.map((i) => i.yuan)).toEqual([500000, 0, 0]);
  });
});

describe("a rate of nothing is nothing", () => {
  it("a provincial award of 0 is not eligible, with the reason", () => {
    const r = result({ recognitions: [{ type: "single-champion", level: "national", date: "2023-12-20", provincial_award: 0 }] }, "champion-matching");
    expect(r.status).toBe("ineligible");
    expect(r.amount.yuan).toBe(0);
    expect(r.text).toContain("recognition 1: Provincial award (yuan) is ¥0, so there is nothing to match: not eligible");
  });
});

describe("--as-of cuts the facts", () => {
  it("an item dated after as-of is left out and named in the warnings", () => {
    const e = run({ recognitions: [{ type: "green-factory", level: "national", date: "2025-03-01" }, { type: "quality-benchmark", level: "provincial", date: "2024-03-01" }] });
    expect(e.results.find((r) => r.program.id === "green-factory")?.status).toBe("ineligible");
    const gf = e.results.find((r) => r.program.id === "green-factory");
    expect(gf?.reasons.map((m) => say(m, { lang: "en", policy }))).toContain("recognition 1: dated after the evaluation date 2024-12-31, so left out of this evaluation (二(一)3)");
    expect(e.totals.fixedYuan).toBe(500000);
    expect(e.warnings.map((w) => say(w, { lang: "en", policy }))).toContain("Left out: recognition 1: national green factory (2025-03-01) is dated after the evaluation date 2024-12-31");
    expect(run({ recognitions: [{ type: "green-factory", level: "national", date: "2025-03-01" }] }, {}, "2025-12-31").totals.fixedYuan).toBe(1000000);
  });
});

describe("readings", () => {
  it("an item before the policy on a clause without 新 pays, and ¥0 under the other reading, with the department's note", () => {
    const p: P = { recognitions: [{ type: "itm-certification", level: "national", date: "2019-06-30" }] };
    const e = run(p);
    const r = e.results.find((x) => x.program.id === "itm-certification") as ProgramResult;
    expect(r.amount.yuan).toBe(100000);
    expect(r.alternatives).toHaveLength(1);
    expect(r.alternatives[0]?.yuan).toBe(0);
    expect(say(r.alternatives[0]?.note ?? { key: "" }, { lang: "en" })).toContain("before the policy took effect (2020-07-21) do not count (confirm with the department)");
    expect(e.totals).toMatchObject({ fixedYuan: 100000, conservativeFixedYuan: 0 });
    const low = run(p, { reading: "conservative" }).results.find((x) => x.program.id === "itm-certification") as ProgramResult & { headlineReading?: string };
    expect(low.status).toBe("ineligible");
    expect(say(low.reasons.at(-1) ?? { key: "" }, { lang: "en" })).toContain("before the policy took effect on 2020-07-21 — confirm with the department");
    expect(low.alternatives.map((a) => [a.reading, a.yuan])).toEqual([["adopted", 100000]]);
  });
  it("a reading that changes nothing is not listed", () => {
    const r = result({ recognitions: [{ type: "itm-certification", level: "national", date: "2021-06-30" }] }, "itm-certification");
    expect(r.alternatives).toEqual([]);
  });
});

describe("districts", () => {
  const d = (s: string) => resolveDistrict(policy.index, s);
  it("reads prefixes, spaces and full-width forms", () => {
    expect(d("淄博市张店区")).toBe("张店区");
    expect(d("山东省淄博市临淄区")).toBe("临淄区");
    expect(d("淄博市 高新区")).toBe("高新区");
    expect(d("ＺＨＡＮＧＤＩＡＮ")).toBe("张店区");
    expect(d("济南市历下区")).toBeUndefined();
  });
  it("a slip is suggested; a real place elsewhere is not", () => {
    expect(districtSlip(policy.index, "张店去")).toBe("张店区");
    expect(districtSlip(policy.index, "淄博市临淄去")).toBe("临淄区");
    expect(districtSlip(policy.index, "宝山区")).toBeUndefined();
    expect(districtSlip(policy.index, "上海市宝山区")).toBeUndefined();
    expect(districtSlip(policy.index, "临沂")).toBeUndefined();
  });
  it("both validators refuse a slip: the fast one defers, zod names the line and the suggestion", () => {
    const data = { enterprise: { name: "x", district: "张店去" } };
    expect(acceptProfile(data, policy, AS_OF)).toBeUndefined();
    let err: unknown;
    try {
      validateProfileData(data, policy, { asOf: AS_OF, file: "p.yaml", locate: () => ({ line: 3, col: 13 }) });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ValidationErrors);
    expect((err as ValidationErrors).format()).toContain("p.yaml:3 enterprise.district:");
    expect((err as ValidationErrors).format()).toContain("did you mean 张店区?");
  });
  it("both validators accept rewarded_yuan and a date after as-of, and agree", () => {
    const data = { enterprise: { name: "x", district: "淄博市张店区" }, recognitions: [{ type: "green-factory", level: "national", date: "2099-01-01", rewarded_yuan: 1000000 }] };
    const fast = acceptProfile(data, policy, AS_OF);
    expect(fast).toBeDefined();
    expect(fast).toEqual(validateProfileData(data, policy, { asOf: AS_OF }));
    expect(fast?.enterprise.zibo_district).toBe("张店区");
  });
});

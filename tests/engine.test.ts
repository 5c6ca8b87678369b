import { describe, expect, it } from "vitest";
import { evaluate } from "../src/engine/evaluate.js";
import { say } from "../src/i18n/index.js";
import type { ProfileItem, ProgramResult } from "../src/types.js";
import { profile, realPolicy } from "./helpers/real-policy.js";

const policy = realPolicy();
const AS_OF = "2026-11-25";

type P = Parameters<typeof profile>[0];
function run(p: P, asOf = AS_OF) {
  return evaluate(policy, profile(p), asOf);
}
function result(p: P, id: string, asOf = AS_OF): ProgramResult & { text: string } {
  const r = run(p, asOf).results.find((x) => x.program.id === id);
  if (!r) throw new Error(`no result for ${id}`);
  return { ...r, text: r.reasons.map((m) => say(m, { lang: "en", policy })).join(" | ") };
}

/** Programs paid for one recognition of one type at the levels named, with the sum named. */
const simple: { id: string; type: string; level?: string; yuan: number | null; kind: string; newly: boolean; wrongLevel?: string; clause: string }[] = [
  { id: "itm-certification", type: "itm-certification", level: "national", yuan: 100000, kind: "fixed", newly: false, wrongLevel: "provincial", clause: "二(一)2" },
  { id: "industrial-internet-platform-national", type: "industrial-internet-platform", level: "national", yuan: 2000000, kind: "up-to", newly: false, wrongLevel: "municipal", clause: "二(一)2" },
  { id: "industrial-internet-platform-provincial", type: "industrial-internet-platform", level: "provincial", yuan: 500000, kind: "up-to", newly: false, wrongLevel: "municipal", clause: "二(一)2" },
  { id: "industrial-app-national", type: "industrial-app", level: "national", yuan: 500000, kind: "up-to", newly: false, wrongLevel: "municipal", clause: "二(一)2" },
  { id: "industrial-app-provincial", type: "industrial-app", level: "provincial", yuan: 300000, kind: "up-to", newly: false, wrongLevel: "national", clause: "二(一)2" },
  { id: "identifier-resolution-node", type: "identifier-resolution-node", yuan: 10000000, kind: "up-to", newly: false, clause: "二(一)2" },
  { id: "digital-demonstration", type: "digital-demonstration", yuan: null, kind: "discretionary", newly: false, clause: "二(一)2" },
  { id: "green-factory", type: "green-factory", level: "national", yuan: 1000000, kind: "fixed", newly: true, wrongLevel: "provincial", clause: "二(一)3" },
  { id: "green-design-product", type: "green-design-product", level: "national", yuan: 500000, kind: "fixed", newly: true, wrongLevel: "provincial", clause: "二(一)3" },
  { id: "green-park-supply-chain", type: "green-supply-chain", level: "national", yuan: null, kind: "discretionary", newly: false, wrongLevel: "provincial", clause: "二(一)3" },
  { id: "efficiency-leader", type: "efficiency-leader", level: "national", yuan: null, kind: "discretionary", newly: true, wrongLevel: "provincial", clause: "二(一)3" },
  { id: "industrial-design-center-national", type: "industrial-design-center", level: "national", yuan: 2000000, kind: "fixed", newly: true, wrongLevel: "municipal", clause: "二(二)1" },
  { id: "industrial-design-center-provincial", type: "industrial-design-center", level: "provincial", yuan: 500000, kind: "fixed", newly: true, wrongLevel: "national", clause: "二(二)1" },
  { id: "industrial-design-municipal", type: "industrial-design-center", level: "municipal", yuan: null, kind: "discretionary", newly: false, wrongLevel: "provincial", clause: "二(二)1" },
  { id: "industrial-brand-national", type: "industrial-brand", level: "national", yuan: 1000000, kind: "fixed", newly: true, wrongLevel: "provincial", clause: "二(二)2" },
  { id: "centennial-brand-provincial", type: "centennial-brand", level: "provincial", yuan: 500000, kind: "fixed", newly: true, wrongLevel: "municipal", clause: "二(二)2" },
  { id: "quality-benchmark-national", type: "quality-benchmark", level: "national", yuan: 1000000, kind: "fixed", newly: true, wrongLevel: "municipal", clause: "二(三)1" },
  { id: "quality-benchmark-provincial", type: "quality-benchmark", level: "provincial", yuan: 500000, kind: "fixed", newly: true, wrongLevel: "municipal", clause: "二(三)1" },
];

describe.each(simple)("$id", (c) => {
  const item = (extra: Partial<ProfileItem> = {}): ProfileItem => ({ type: c.type, ...(c.level ? { level: c.level } : {}), date: "2024-01-15", ...extra });

  it("pays the named sum for a qualifying item, citing the clause", () => {
    const r = result({ recognitions: [item()] }, c.id);
    expect(r.status).toBe("eligible");
    expect(r.amount).toEqual({ kind: c.kind, yuan: c.yuan });
    expect(r.items[0]?.yuan).toBe(c.yuan ?? 0);
    expect(r.text).toContain("recognition 1: ");
    expect(r.text).toContain(`(${c.clause})`);
    expect(r.text).toMatch(c.kind === "discretionary" ? /decided on merit/ : c.kind === "up-to" ? /qualifies: up to ¥/ : /qualifies: ¥/);
  });

  it("is ineligible without such an item, saying so", () => {
    const r = result({ recognitions: [] }, c.id);
    expect(r.status).toBe("ineligible");
    expect(r.amount.yuan).toBe(0);
    expect(r.text).toMatch(/The profile lists no/);
  });

  if (c.wrongLevel) {
    it(`says a ${c.wrongLevel} listing earns nothing here`, () => {
      const r = result({ recognitions: [item({ level: c.wrongLevel })] }, c.id);
      expect(r.status).toBe("ineligible");
      expect(r.amount.yuan).toBe(0);
      expect(r.text).toMatch(/level earns nothing under this program/);
    });
    it("needs the level when it is missing (unless the type exists at one level only)", () => {
      const single = policy.index.recognitionTypes.get(c.type)?.levels.length === 1;
      if (single) {
        expect(result({ recognitions: [{ type: c.type, date: "2024-01-15" }] }, c.id).status).toBe(c.level === policy.index.recognitionTypes.get(c.type)?.levels[0] ? "eligible" : "ineligible");
        return;
      }
      const r = result({ recognitions: [{ type: c.type, date: "2024-01-15" }] }, c.id);
      expect(r.status).toBe("needs-info");
      expect(r.missing).toEqual(["recognitions[0].level"]);
      expect(r.text).toMatch(/level is not given/);
    });
  }

  it("earns nothing again once rewarded", () => {
    const r = result({ recognitions: [item({ rewarded: true })] }, c.id);
    expect(r.status).toBe("ineligible");
    expect(r.text).toMatch(/already rewarded/);
  });

  it("is ineligible outside Zibo and needs the district when it is missing", () => {
    const away = result({ enterprise: { district: "济南市历下区" }, recognitions: [item()] }, c.id);
    expect(away.status).toBe("ineligible");
    expect(away.text).toMatch(/not one of Zibo's eleven divisions/);
    const unknown = result({ enterprise: { district: undefined }, recognitions: [item()] }, c.id);
    expect(unknown.status).toBe("needs-info");
    expect(unknown.missing).toEqual(["enterprise.district"]);
  });

  if (c.newly) {
    it("requires the item to be new: 2020-07-21 qualifies, 2020-07-20 does not, no date needs information", () => {
      const onDay = result({ recognitions: [item({ date: "2020-07-21" })] }, c.id);
      expect(onDay.status).toBe("eligible");
      expect(onDay.amount.yuan).toBe(c.yuan);
      const before = result({ recognitions: [item({ date: "2020-07-20" })] }, c.id);
      expect(before.status).toBe("ineligible");
      expect(before.text).toMatch(/before the policy took effect on 2020-07-21/);
      const noDate = result({ recognitions: [item({ date: undefined })] }, c.id);
      expect(noDate.status).toBe("needs-info");
      expect(noDate.missing).toEqual(["recognitions[0].date"]);
    });
  } else {
    it("does not require newness: a 2019 listing still qualifies", () => {
      const r = result({ recognitions: [item({ date: "2019-03-01" })] }, c.id);
      expect(r.status).toBe("eligible");
    });
  }
});

describe("tech-renovation (二(一)1): up to 10% of audited investment, at most ¥5,000,000 per project", () => {
  const proj = (audited_investment: number | undefined, extra: Partial<ProfileItem> = {}): ProfileItem => ({ type: "technical-renovation", name: "产线", date: "2024-06-30", audited_investment, ...extra });
  it("rounds 10% down to the yuan without floating point", () => {
    const r = result({ projects: [proj(38000009)] }, "tech-renovation");
    expect(r.status).toBe("eligible");
    expect(r.amount).toEqual({ kind: "up-to", yuan: 3800000 });
    expect(r.computation.map((m) => say(m, { lang: "en", policy }))).toContain("project 1: 10% × ¥38,000,009.00 = ¥3,800,000.90 → ¥3,800,000");
    expect(r.text).toContain("project 1: technical renovation project 产线 (2024-06-30) qualifies: up to ¥3,800,000 (二(一)1)");
  });
  it("handles fen exactly: 10% of ¥38,000,000.55 is ¥3,800,000", () => {
    expect(result({ projects: [proj(38000000.55)] }, "tech-renovation").amount.yuan).toBe(3800000);
    // 0.1 + 0.2 is 0.30000000000000004 in floating point; fen arithmetic keeps 29.99 × 10% at ¥2.999 → ¥2.
    expect(result({ projects: [proj(29.99)] }, "tech-renovation").amount.yuan).toBe(2);
  });
  it("caps each project at ¥5,000,000: exactly at the cap, and above it", () => {
    expect(result({ projects: [proj(50000000)] }, "tech-renovation").amount.yuan).toBe(5000000);
    expect(result({ projects: [proj(49999999)] }, "tech-renovation").amount.yuan).toBe(4999999);
    const over = result({ projects: [proj(90000000)] }, "tech-renovation");
    expect(over.amount.yuan).toBe(5000000);
    expect(over.computation.map((m) => say(m, { lang: "en", policy }))).toContain("project 1: capped at ¥5,000,000");
  });
  it("pays per project", () => {
    const r = result({ projects: [proj(90000000), proj(10000000)] }, "tech-renovation");
    expect(r.amount.yuan).toBe(6000000);
    expect(r.items.map((i) => i.yuan)).toEqual([5000000, 1000000]);
  });
  it("needs the audited figure", () => {
    const r = result({ projects: [proj(undefined)] }, "tech-renovation");
    expect(r.status).toBe("needs-info");
    expect(r.missing).toEqual(["projects[0].audited_investment"]);
    expect(r.text).toMatch(/audited/i);
  });
  it("ignores resource-utilization projects and already-rewarded ones", () => {
    expect(result({ projects: [{ type: "resource-utilization" }] }, "tech-renovation").status).toBe("ineligible");
    const r = result({ projects: [proj(1000000, { rewarded: true })] }, "tech-renovation");
    expect(r.status).toBe("ineligible");
    expect(r.text).toMatch(/already rewarded/);
  });
});

describe("resource-utilization (二(一)3): discretionary", () => {
  it("may apply with a resource-utilization project, no sum", () => {
    const r = result({ projects: [{ type: "resource-utilization", name: "固废利用" }] }, "resource-utilization");
    expect(r.status).toBe("eligible");
    expect(r.amount).toEqual({ kind: "discretionary", yuan: null });
    expect(r.text).toMatch(/project 1: .* 固废利用 .*qualifies to apply.*\(二\(一\)3\)/);
    expect(run({ projects: [{ type: "resource-utilization" }] }).totals).toEqual({ fixedYuan: 0, maxYuan: 0, conservativeFixedYuan: 0, conservativeMaxYuan: 0 });
  });
  it("is ineligible without one", () => {
    const r = result({ projects: [{ type: "technical-renovation", audited_investment: 1 }] }, "resource-utilization");
    expect(r.status).toBe("ineligible");
    expect(r.text).toMatch(/lists no/);
  });
});

describe("itm-certification: once per enterprise", () => {
  it("pays ¥100,000 once however many items", () => {
    const r = result({ recognitions: [{ type: "itm-certification", level: "national", date: "2022-01-01" }, { type: "itm-certification", level: "national", date: "2021-01-01" }] }, "itm-certification");
    expect(r.amount.yuan).toBe(100000);
    expect(r.items.map((i) => i.yuan)).toEqual([0, 100000]);
    expect(r.text).toMatch(/paid once per enterprise, counted under recognition 2/);
  });
  it("pays nothing when one certification was already rewarded", () => {
    const r = result({ recognitions: [{ type: "itm-certification", level: "national", date: "2021-06-30", rewarded: true }, { type: "itm-certification", level: "national", date: "2023-01-01" }] }, "itm-certification");
    expect(r.status).toBe("ineligible");
    expect(r.text).toMatch(/already rewarded once under this program \(recognition 1\)/);
  });
});

describe("green-design-product: ¥500,000 per enterprise, not per product", () => {
  it("pays once for three products", () => {
    const items = ["A", "B", "C"].map((product) => ({ type: "green-design-product", level: "national", product, date: "2023-05-01" }));
    const r = result({ recognitions: items }, "green-design-product");
    expect(r.amount.yuan).toBe(500000);
    expect(run({ recognitions: items }).totals.fixedYuan).toBe(500000);
  });
});

describe("first-set-insurance (二(二)3): 20% of the premium, at most ¥1,000,000", () => {
  const ins = (premium: number | undefined, extra: Partial<ProfileItem> = {}): ProfileItem => ({ type: "first-set-insurance", level: "provincial", date: "2024-05-01", premium, ...extra });
  it("pays 20% of the premium", () => {
    const r = result({ recognitions: [ins(1500000)] }, "first-set-insurance");
    expect(r.status).toBe("eligible");
    expect(r.amount).toEqual({ kind: "fixed", yuan: 300000 });
    expect(r.text).toContain("recognition 1: provincial first-of-its-kind (first set) major equipment insurance compensation (2024-05-01) qualifies: ¥300,000 (二(二)3)");
  });
  it("caps at ¥1,000,000 exactly", () => {
    expect(result({ recognitions: [ins(5000000)] }, "first-set-insurance").amount.yuan).toBe(1000000);
    expect(result({ recognitions: [ins(5000005)] }, "first-set-insurance").amount.yuan).toBe(1000000);
    expect(result({ recognitions: [ins(4999999)] }, "first-set-insurance").amount.yuan).toBe(999999);
  });
  it("needs the premium; national level earns nothing", () => {
    const r = result({ recognitions: [ins(undefined)] }, "first-set-insurance");
    expect(r.status).toBe("needs-info");
    expect(r.missing).toEqual(["recognitions[0].premium"]);
    const n = result({ recognitions: [ins(100, { level: "national" })] }, "first-set-insurance");
    expect(n.status).toBe("ineligible");
    expect(n.text).toMatch(/National level earns nothing|national level earns nothing/i);
  });
});

describe("first-set-product (二(二)3): ¥500,000 per distinct product, ¥3,000,000 per calendar year", () => {
  const fsp = (product: string, date: string, type = "first-set-product", extra: Partial<ProfileItem> = {}): ProfileItem => ({ type, level: "provincial", product, date, ...extra });
  it("counts a product on both lists once", () => {
    const r = result({ recognitions: [fsp("HC-5000 五轴加工中心", "2024-03-01"), fsp("HC-5000 \u3000五轴加工中心", "2024-06-01", "high-end-equipment-catalog"), fsp("HC-3000", "2024-04-01")] }, "first-set-product");
    expect(r.status).toBe("eligible");
    expect(r.amount).toEqual({ kind: "fixed", yuan: 1000000 });
    expect(r.items.map((i) => i.yuan)).toEqual([500000, 0, 500000]);
    expect(r.text).toMatch(/recognition 2: the same as recognition 1 \("HC-5000 \u3000五轴加工中心"\), which is paid; the same thing is paid once/);
  });
  it("counts the same product once across years", () => {
    const r = result({ recognitions: [fsp("X1", "2022-03-01"), fsp("X1", "2023-03-01", "high-end-equipment-catalog")] }, "first-set-product");
    expect(r.amount.yuan).toBe(500000);
    expect(r.items.map((i) => i.yuan)).toEqual([500000, 0]);
  });
  it("stops at ¥3,000,000 in one year: six products reach it exactly, a seventh earns nothing", () => {
    const six = Array.from({ length: 6 }, (_, i) => fsp(`P${i}`, `2024-0${i + 1}-01`));
    expect(result({ recognitions: six }, "first-set-product").amount.yuan).toBe(3000000);
    const seven = [...six, fsp("P7", "2024-09-01")];
    const r = result({ recognitions: seven }, "first-set-product");
    expect(r.amount.yuan).toBe(3000000);
    expect(r.items[6]?.yuan).toBe(0);
    expect(r.text).toMatch(/recognition 7: earns ¥0 — the 2024 cap of ¥3,000,000 per enterprise was already used up \(¥3,000,000 counted that year\)/);
  });
  it("applies the cap per calendar year of the listing date", () => {
    const items = [...Array.from({ length: 7 }, (_, i) => fsp(`A${i}`, `2023-0${i + 1}-01`)), fsp("B", "2024-01-01")];
    expect(result({ recognitions: items }, "first-set-product").amount.yuan).toBe(3500000);
  });
  it("a product already rewarded earns nothing on the other list either", () => {
    const r = result({ recognitions: [fsp("X1", "2021-03-01", "first-set-product", { rewarded: true }), fsp("X1", "2024-03-01", "high-end-equipment-catalog")] }, "first-set-product");
    expect(r.status).toBe("ineligible");
    expect(r.text).toMatch(/the same item was already rewarded \(recognition 1\)/);
  });
  it("needs the listing date (for the yearly cap) and the product", () => {
    const r = result({ recognitions: [{ type: "first-set-product", level: "provincial", product: "X" }] }, "first-set-product");
    expect(r.status).toBe("needs-info");
    expect(r.missing).toEqual(["recognitions[0].date"]);
    const p = result({ recognitions: [{ type: "first-set-product", level: "provincial", date: "2024-01-01" }] }, "first-set-product");
    expect(p.missing).toEqual(["recognitions[0].product"]);
  });
});

describe("military-qualification (二(三)1): private enterprises, ¥200,000 per kind", () => {
  const q = (type: string, date = "2023-01-01"): ProfileItem => ({ type, date });
  const all3 = [q("weapons-confidentiality"), q("weapons-production-license"), q("equipment-contractor"), q("equipment-contractor", "2024-01-01")];
  it("pays each of the three kinds once, at most ¥600,000", () => {
    const r = result({ enterprise: { ownership: "private" }, recognitions: all3 }, "military-qualification");
    expect(r.status).toBe("eligible");
    expect(r.amount).toEqual({ kind: "fixed", yuan: 600000 });
    expect(r.text).toMatch(/Ownership: private/i);
  });
  it("is for private enterprises only; unknown ownership needs information", () => {
    const s = result({ enterprise: { ownership: "state" }, recognitions: all3 }, "military-qualification");
    expect(s.status).toBe("ineligible");
    expect(s.text).toMatch(/The enterprise is a state-owned enterprise; the program is only for a private enterprise/);
    const u = result({ recognitions: all3 }, "military-qualification");
    expect(u.status).toBe("needs-info");
    expect(u.missing).toEqual(["enterprise.ownership"]);
  });
  it("must be newly obtained", () => {
    const r = result({ enterprise: { ownership: "private" }, recognitions: [q("equipment-contractor", "2020-07-20")] }, "military-qualification");
    expect(r.status).toBe("ineligible");
    expect(r.text).toMatch(/before the policy took effect/);
  });
});

describe("standards (二(三)2)", () => {
  it("standard-setting: international or national, discretionary; industry standards are not rewarded", () => {
    const r = result({ standards: [{ scope: "national", role: "lead", code: "GB/T 1-2024" }] }, "standard-setting");
    expect(r.status).toBe("eligible");
    expect(r.amount).toEqual({ kind: "discretionary", yuan: null });
    expect(r.text).toMatch(/standard 1: .*GB\/T 1-2024 .*qualifies to apply/);
    const i = result({ standards: [{ scope: "industry", role: "lead" }] }, "standard-setting");
    expect(i.status).toBe("ineligible");
  });
  it("military-standard: ¥300,000 per standard for a 军民结合 enterprise", () => {
    const std = [{ scope: "national-military", code: "GJB 1" }, { scope: "national-military", code: "GJB 2" }];
    const r = result({ enterprise: { military_civil: true }, standards: std }, "military-standard");
    expect(r.status).toBe("eligible");
    expect(r.amount).toEqual({ kind: "fixed", yuan: 600000 });
    expect(r.text).toMatch(/military–civil integration enterprise/);
    const no = result({ enterprise: { military_civil: false }, standards: std }, "military-standard");
    expect(no.status).toBe("ineligible");
    expect(no.text).toMatch(/Not a military–civil/);
    const unknown = result({ standards: std }, "military-standard");
    expect(unknown.status).toBe("needs-info");
    expect(unknown.missing).toEqual(["enterprise.military_civil"]);
  });
});

describe("champion-matching (二(五)1): up to 20% of the provincial award, per listing", () => {
  it("pays up to 20% of each listing's award", () => {
    const r = result({ recognitions: [{ type: "single-champion", level: "national", date: "2023-12-20", provincial_award: 1000000 }, { type: "gazelle", level: "provincial", provincial_award: 333333 }] }, "champion-matching");
    expect(r.status).toBe("eligible");
    expect(r.amount).toEqual({ kind: "up-to", yuan: 266666 });
    expect(r.items.map((i) => i.yuan)).toEqual([200000, 66666]);
    expect(r.text).toContain("recognition 1: national manufacturing single-item champion (2023-12-20) qualifies: up to ¥200,000 (二(五)1)");
  });
  it("needs the provincial award", () => {
    const r = result({ recognitions: [{ type: "unicorn", level: "provincial" }] }, "champion-matching");
    expect(r.status).toBe("needs-info");
    expect(r.missing).toEqual(["recognitions[0].provincial_award"]);
  });
});

describe("whole evaluation", () => {
  it("returns every program once in the policy's order, with totals of eligible ones", () => {
    const e = run({
      recognitions: [
        { type: "green-factory", level: "national", date: "2024-01-15" },
        { type: "single-champion", level: "national", date: "2023-12-20", provincial_award: 1000000 },
        { type: "digital-demonstration" },
        { type: "itm-certification", level: "national", date: "2021-06-30" },
      ],
      projects: [{ type: "technical-renovation", audited_investment: 38000000, date: "2024-06-30" }],
    });
    expect(e.results.map((r) => r.program.id)).toEqual(policy.data.programs.map((p) => p.id));
    expect(e.totals).toEqual({ fixedYuan: 1100000, maxYuan: 1100000 + 3800000 + 200000, conservativeFixedYuan: 1100000, conservativeMaxYuan: 1100000 + 3800000 + 200000 });
  });
  it("uses the item's date for dated values and the as-of date otherwise", () => {
    const dated = structuredClone(policy);
    const gf = dated.data.programs.find((p) => p.id === "green-factory");
    if (!gf) throw new Error("green-factory missing");
    gf.amount.yuan = { "2020-07-21": 1000000, "2023-01-01": 1500000 };
    const p = (date: string) => evaluate(dated, profile({ recognitions: [{ type: "green-factory", level: "national", date }] }), AS_OF).results.find((r) => r.program.id === "green-factory");
    expect(p("2022-12-31")?.amount.yuan).toBe(1000000);
    expect(p("2023-01-01")?.amount.yuan).toBe(1500000);
  });
  it("an undated item the city paid counts against a total cap even where there is a yearly cap too", () => {
    const capped = structuredClone(policy);
    const fp = capped.data.programs.find((p) => p.id === "first-set-product");
    if (!fp) throw new Error("first-set-product missing");
    fp.amount.cap = { year: 3000000, total: 1000000 };
    // Without a required date, an undated paid item is one of the program's own and counts.
    fp.items.needs_date = false;
    const r = evaluate(
      capped,
      profile({
        recognitions: [
          { type: "first-set-product", level: "provincial", product: "A-1", rewarded: true, rewarded_yuan: 1000000 },
          { type: "first-set-product", level: "provincial", product: "B-2", date: "2024-03-01" },
        ],
      }),
      AS_OF,
    ).results.find((x) => x.program.id === "first-set-product");
    // The ¥1,000,000 already received uses the whole total cap: the new product earns nothing, and says why.
    expect(r?.status).toBe("ineligible");
    expect(r?.amount.yuan).toBe(0);
    expect(r?.items[1]?.yuan).toBe(0);
    expect(r?.items[1]?.note?.key).toBe("note.totalCap.zero");
  });
});

describe("reasons on request (batch reports that print none, or only those of programs that apply)", () => {
  const facts: P = {
    recognitions: [
      { type: "green-factory", level: "national", date: "2024-01-15" },
      { type: "green-factory", level: "provincial", date: "2024-02-15" },
      { type: "unicorn", level: "provincial" },
      { type: "itm-certification", level: "national", date: "2021-06-30", rewarded: true },
    ],
    projects: [{ type: "technical-renovation", audited_investment: 38000000, date: "2024-06-30" }],
  };
  const all = run(facts);
  const strip = (r: ProgramResult) => ({ ...r, reasons: [] });

  it("changes nothing but the reasons: every status, amount, item, condition and missing fact is the same", () => {
    for (const mode of ["none", "applicable"] as const) {
      const e = evaluate(policy, profile(facts), AS_OF, { reasons: mode });
      expect(e.totals).toEqual(all.totals);
      expect(e.results.map(strip)).toEqual(all.results.map(strip));
    }
  });

  it("'applicable' keeps the reasons of eligible and needs-info programs, and drops those of every ineligible one", () => {
    const e = evaluate(policy, profile(facts), AS_OF, { reasons: "applicable" });
    const statuses = new Set(e.results.map((r) => r.status));
    expect(statuses).toEqual(new Set(["eligible", "needs-info", "ineligible"]));
    e.results.forEach((r, i) => {
      const full = all.results[i] as ProgramResult;
      if (r.status !== "ineligible") expect(r.reasons, r.program.id).toEqual(full.reasons);
      else expect(r.reasons, r.program.id).toEqual([]);
    });
    // Both kinds of ineligible program are there: one that had items to look at, and one with none.
    expect(e.results.some((r) => r.status === "ineligible" && r.items.length > 0)).toBe(true);
    expect(e.results.some((r) => r.status === "ineligible" && r.items.length === 0)).toBe(true);
  });

  it("'none' drops the reasons of every program, with items or without", () => {
    const e = evaluate(policy, profile(facts), AS_OF, { reasons: "none" });
    expect(e.results.filter((r) => r.items.length > 0).length).toBeGreaterThan(2);
    for (const r of e.results) expect(r.reasons, r.program.id).toEqual([]);
    // What was dropped was there in full mode, for programs with items and without.
    for (const r of all.results) expect(r.reasons.length, r.program.id).toBeGreaterThan(0);
    const eligible = all.results.find((r) => r.program.id === "green-factory");
    expect(eligible?.status).toBe("eligible");
    expect(eligible?.amount.yuan).toBe(1000000);
    expect(eligible?.reasons.length).toBeGreaterThan(0);
  });
});

describe("results of programs with no item in the profile", () => {
  type E = NonNullable<P["enterprise"]>;
  const results = (e: E) => run({ enterprise: e }).results;
  const of = (rs: ProgramResult[], id: string): ProgramResult => {
    const r = rs.find((x) => x.program.id === id);
    if (!r) throw new Error(`no result for ${id}`);
    return r;
  };
  const outcome = (r: ProgramResult, check: string) => r.conditions.find((c) => c.check === check)?.outcome;

  it("differ only between profiles that differ in what the program reads: the district, and ownership or 军民结合 where it reads them", () => {
    const privateTrue = results({ ownership: "private", military_civil: true });
    const stateTrue = results({ ownership: "state", military_civil: true });
    const privateFalse = results({ ownership: "private", military_civil: false });
    const unknown = results({});
    // green-factory reads neither fact: the same result for all four.
    for (const rs of [stateTrue, privateFalse, unknown]) expect(of(rs, "green-factory")).toEqual(of(privateTrue, "green-factory"));
    // military-qualification reads ownership: a result per ownership, each with its own condition.
    expect(outcome(of(privateTrue, "military-qualification"), "ownership")).toBe("met");
    expect(outcome(of(stateTrue, "military-qualification"), "ownership")).toBe("not-met");
    expect(outcome(of(unknown, "military-qualification"), "ownership")).toBe("unknown");
    expect(of(privateFalse, "military-qualification")).toEqual(of(privateTrue, "military-qualification"));
    // military-standard reads 军民结合: a result per value of it, whatever the ownership.
    expect(outcome(of(privateTrue, "military-standard"), "military_civil")).toBe("met");
    expect(outcome(of(privateFalse, "military-standard"), "military_civil")).toBe("not-met");
    expect(outcome(of(unknown, "military-standard"), "military_civil")).toBe("unknown");
    expect(of(stateTrue, "military-standard")).toEqual(of(privateTrue, "military-standard"));
    const text = (r: ProgramResult) => r.reasons.map((m) => say(m, { lang: "en", policy })).join(" | ");
    expect(text(of(stateTrue, "military-qualification"))).toMatch(/state-owned enterprise; the program is only for a private enterprise/);
    expect(text(of(privateTrue, "green-factory"))).toMatch(/The profile lists no Green factory among its recognitions/);
    // Every one of them is ineligible for want of items, and says so.
    for (const rs of [privateTrue, stateTrue, privateFalse, unknown]) {
      for (const id of ["green-factory", "military-qualification", "military-standard"]) {
        expect(of(rs, id).status).toBe("ineligible");
        expect(of(rs, id).amount.yuan).toBe(0);
      }
    }
  });

  it("are each evaluation's own: changing one leaves the next evaluation's untouched", () => {
    const first = of(results({ ownership: "private" }), "green-factory");
    first.reasons.push({ key: "reason.noItems" });
    (first.conditions[0] as { outcome: string }).outcome = "not-met";
    const next = of(results({ ownership: "private" }), "green-factory");
    expect(next.reasons).toHaveLength(first.reasons.length - 1);
    expect(next.conditions[0]?.outcome).toBe("met");
  });
});

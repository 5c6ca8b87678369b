/**
 * Properties of the engine over generated valid profiles (fast-check), built from the policy's own
 * vocabulary: every generated profile first passes validateProfileData, so these are profiles a
 * consultant could write.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { evaluate } from "../src/engine/evaluate.js";
import { validateProfileData } from "../src/profile/schema.js";
import type { Dated } from "../src/policy/schema.js";
import type { Evaluation, Profile } from "../src/types.js";
import { realPolicy } from "./helpers/real-policy.js";

const policy = realPolicy();
const v = policy.data.vocabulary;
const AS_OF = "2024-12-31";
const SEED = Number(process.env.FC_SEED ?? 20201121);
const RUNS = Number(process.env.FC_RUNS ?? 200);

type Raw = Record<string, unknown>;

const dateArb = fc
  .date({ min: new Date("2019-01-01T00:00:00Z"), max: new Date(`${AS_OF}T00:00:00Z`), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
/** Money in yuan: whole, or with fen; small and large, so that caps are met and missed. */
const moneyArb = fc.oneof(
  fc.integer({ min: 0, max: 100_000_000 }),
  fc.integer({ min: 0, max: 10_000_000_00 }).map((fen) => fen / 100),
);
/** Few product names, so that "the same product once" really happens. */
const textArb = fc.constantFrom("HC-5000 五轴加工中心", "ZB-200 数控机床", "智能产线", "绿色工艺");

function fieldsArb(fields: readonly string[]): fc.Arbitrary<Raw> {
  const shape: Record<string, fc.Arbitrary<unknown>> = {};
  for (const f of fields) shape[f] = v.fields[f]?.kind === "money" ? moneyArb : textArb;
  return fc.record(shape, { requiredKeys: [] });
}

/** One item of a list: its kind, a level/role the kind allows, a date, its own fields; never `rewarded`. */
function itemArb(list: "recognitions" | "projects" | "standards"): fc.Arbitrary<Raw> {
  const kinds = list === "recognitions" ? v.recognition_types : list === "projects" ? v.project_types : v.standard_scopes;
  const kindKey = list === "standards" ? "scope" : "type";
  return fc.constantFrom(...kinds).chain((k) => {
    const base: Record<string, fc.Arbitrary<unknown>> = { date: dateArb, name: textArb };
    if (list === "recognitions") base.level = fc.constantFrom(...(k.levels.length > 0 ? k.levels : v.levels.map((l) => l.id)));
    if (list === "standards") {
      base.role = fc.constantFrom(...v.standard_roles.map((r) => r.id));
      base.code = fc.constantFrom("GB/T 1-2020", "GJB 2-2021");
    }
    return fc
      .tuple(fc.record(base, { requiredKeys: [] }), fieldsArb(k.fields))
      .map(([b, f]) => ({ [kindKey]: k.id, ...b, ...f }));
  });
}

const districtArb = fc.constantFrom(...v.districts.flatMap((d) => [d.id, ...d.aliases]), "济南市历下区", "constructor");
const enterpriseArb = fc.record(
  {
    name: fc.constantFrom("淄博华创精密机械有限公司", "淄博测试有限公司"),
    district: districtArb,
    ownership: fc.constantFrom(...v.ownership.map((o) => o.id)),
    military_civil: fc.boolean(),
  },
  { requiredKeys: ["name"] },
);

const listsArb = fc.record({
  recognitions: fc.array(itemArb("recognitions"), { maxLength: 6 }),
  projects: fc.array(itemArb("projects"), { maxLength: 4 }),
  standards: fc.array(itemArb("standards"), { maxLength: 4 }),
});
const profileArb = fc.tuple(enterpriseArb, listsArb).map(([enterprise, lists]) => ({ enterprise, ...lists }));

function valid(data: Raw): Profile {
  return validateProfileData(data, policy, { asOf: AS_OF });
}

/** The largest value a dated value ever takes. */
function most(d: Dated<number> | undefined): number {
  if (d === undefined) return Infinity;
  return typeof d === "number" ? d : Math.max(...Object.values(d));
}

/** What must not depend on the order of items: each program's status and amount, and the totals. */
function outcome(e: Evaluation): unknown {
  return { totals: e.totals, results: e.results.map((r) => [r.program.id, r.status, r.amount.kind, r.amount.yuan]) };
}

const params = { seed: SEED, numRuns: RUNS };

describe("engine properties over generated valid profiles", () => {
  it("the generator makes valid profiles (the properties below are about real inputs)", () => {
    fc.assert(
      fc.property(profileArb, (data) => {
        const p = valid(data);
        expect(p.recognitions.length + p.projects.length + p.standards.length).toBe(
          data.recognitions.length + data.projects.length + data.standards.length,
        );
      }),
      params,
    );
  });

  it("never throws, and returns every program once, in the policy's order", () => {
    fc.assert(
      fc.property(profileArb, (data) => {
        const e = evaluate(policy, valid(data), AS_OF);
        expect(e.results.map((r) => r.program.id)).toEqual(policy.data.programs.map((p) => p.id));
      }),
      params,
    );
  });

  it("totals equal the sum of the eligible results: fixed ones, and fixed plus up-to ones", () => {
    fc.assert(
      fc.property(profileArb, (data) => {
        const e = evaluate(policy, valid(data), AS_OF);
        let fixed = 0n;
        let max = 0n;
        for (const r of e.results) {
          if (r.status !== "eligible") {
            expect(r.amount.yuan === 0 || r.amount.yuan === null).toBe(true);
            continue;
          }
          if (r.amount.kind === "discretionary") {
            expect(r.amount.yuan).toBeNull();
            continue;
          }
          const y = BigInt(r.amount.yuan ?? 0);
          if (r.amount.kind === "fixed") fixed += y;
          max += y;
        }
        expect(BigInt(e.totals.fixedYuan)).toBe(fixed);
        expect(BigInt(e.totals.maxYuan)).toBe(max);
      }),
      params,
    );
  });

  it("no amount exceeds its cap: per item, in total, and a once-per-enterprise sum", () => {
    fc.assert(
      fc.property(profileArb, (data) => {
        const p = valid(data);
        const e = evaluate(policy, p, AS_OF);
        const yearOf = (ref: string): string => {
          const m = /^(recognitions|projects|standards)\[(\d+)\]$/.exec(ref);
          const item = m ? p[m[1] as "recognitions"][Number(m[2])] : undefined;
          return String(item?.date ?? AS_OF).slice(0, 4);
        };
        for (const r of e.results) {
          const a = r.program.amount;
          const yuan = r.amount.yuan ?? 0;
          expect(yuan).toBeGreaterThanOrEqual(0);
          expect(yuan).toBeLessThanOrEqual(most(a.cap?.total));
          for (const i of r.items) expect(i.yuan).toBeLessThanOrEqual(most(a.cap?.item));
          if (a.per === "enterprise" && a.yuan !== undefined) expect(yuan).toBeLessThanOrEqual(most(a.yuan));
          const byYear = new Map<string, number>();
          for (const i of r.items) byYear.set(yearOf(i.ref), (byYear.get(yearOf(i.ref)) ?? 0) + i.yuan);
          for (const [year, sum] of byYear) expect(sum, `${r.program.id} in ${year}`).toBeLessThanOrEqual(most(a.cap?.year));
        }
      }),
      params,
    );
  });

  it("results do not depend on the order of the items", () => {
    fc.assert(
      fc.property(
        profileArb.chain((data) =>
          fc.tuple(
            fc.constant(data),
            fc.shuffledSubarray(data.recognitions, { minLength: data.recognitions.length }),
            fc.shuffledSubarray(data.projects, { minLength: data.projects.length }),
            fc.shuffledSubarray(data.standards, { minLength: data.standards.length }),
          ),
        ),
        ([data, recognitions, projects, standards]) => {
          const a = evaluate(policy, valid(data), AS_OF);
          const b = evaluate(policy, valid({ ...data, recognitions, projects, standards }), AS_OF);
          expect(outcome(b)).toEqual(outcome(a));
        },
      ),
      params,
    );
  });

  /**
   * Adding an item never lowers any program's amount — for items without `rewarded: true`. An item
   * marked as already rewarded legitimately blocks a once-per-enterprise program (the enterprise has
   * had its one payment), so the generator never sets `rewarded`.
   */
  it("adding an item (not marked rewarded) never lowers any program's amount", () => {
    const listArb = fc.constantFrom("recognitions", "projects", "standards") as fc.Arbitrary<"recognitions" | "projects" | "standards">;
    fc.assert(
      fc.property(
        profileArb,
        listArb.chain((list) => fc.tuple(fc.constant(list), itemArb(list))),
        (data, [list, item]) => {
          const before = evaluate(policy, valid(data), AS_OF);
          const after = evaluate(policy, valid({ ...data, [list]: [...data[list], item] }), AS_OF);
          before.results.forEach((r, i) => {
            const later = after.results[i];
            expect(later?.program.id).toBe(r.program.id);
            expect(later?.amount.yuan ?? 0, `${r.program.id} after adding ${JSON.stringify(item)}`).toBeGreaterThanOrEqual(r.amount.yuan ?? 0);
          });
          expect(after.totals.fixedYuan).toBeGreaterThanOrEqual(before.totals.fixedYuan);
          expect(after.totals.maxYuan).toBeGreaterThanOrEqual(before.totals.maxYuan);
        },
      ),
      params,
    );
  });
});

describe("the generator reaches what the properties are about", () => {
  it("eligible programs with money, caps reached, and once-per-enterprise programs with several items", () => {
    const seen = { paid: 0, capped: 0, onceSeveral: 0 };
    fc.assert(
      fc.property(profileArb, (data) => {
        const e = evaluate(policy, valid(data), AS_OF);
        for (const r of e.results) {
          if (r.status === "eligible" && (r.amount.yuan ?? 0) > 0) seen.paid++;
          if (r.computation.some((m) => /Cap\.reached$/.test(m.key))) seen.capped++;
          if (r.program.amount.per === "enterprise" && r.items.filter((i) => i.outcome === "met").length > 1) seen.onceSeveral++;
        }
      }),
      params,
    );
    expect(seen.paid).toBeGreaterThan(RUNS / 2);
    expect(seen.capped).toBeGreaterThan(0);
    expect(seen.onceSeveral).toBeGreaterThan(0);
  });
});

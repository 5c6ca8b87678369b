/**
 * acceptProfile (the batch's quick validator) must give exactly what the zod schema gives, or nothing:
 * never accept a profile zod rejects, never return different data (values or key order).
 */
import { describe, expect, it } from "vitest";
import * as fs from "node:fs";
import * as path from "node:path";
import fc from "fast-check";
import { acceptProfile } from "../src/profile/accept.js";
import { validateProfileData } from "../src/profile/schema.js";
import { parseDocument } from "../src/parse/document.js";
import { realPolicy, root } from "./helpers/real-policy.js";
// @ts-expect-error plain JS module shared with the bench
import { generateProfile, rng } from "../bench/generate.mjs";

const asOf = "2026-11-25";

/** Compares both validators on `data`; returns whether the quick one accepted it. */
function agree(data: unknown): boolean {
  const policy = realPolicy();
  let zod: unknown;
  let rejected = false;
  try {
    zod = validateProfileData(structuredClone(data), policy, { asOf });
  } catch {
    rejected = true;
  }
  const quick = acceptProfile(structuredClone(data), policy, asOf);
  if (rejected) {
    expect(quick).toBeUndefined();
    return false;
  }
  if (quick === undefined) return false;
  expect(quick).toEqual(zod);
  // Same keys in the same order, too (JSON.stringify follows insertion order).
  expect(JSON.stringify(quick)).toBe(JSON.stringify(zod));
  return true;
}

function fixtureData(dir: string): unknown[] {
  const d = path.join(root, "fixtures", dir);
  const out: unknown[] = [];
  for (const f of fs.readdirSync(d).sort()) {
    try {
      out.push(parseDocument(fs.readFileSync(path.join(d, f)), f).data);
    } catch {
      /* not parseable: nothing for a validator to see */
    }
  }
  return out;
}

describe("acceptProfile", () => {
  it("accepts every valid fixture profile with the schema's exact result, and no invalid one", () => {
    const good = fixtureData("profiles");
    let accepted = 0;
    for (const d of good) if (agree(d)) accepted++;
    expect(accepted).toBe(good.length);
    for (const d of fixtureData("bad")) agree(d);
  });

  it("accepts every generated profile with the schema's exact result", () => {
    const r = rng(23);
    let accepted = 0;
    for (let i = 0; i < 300; i++) if (agree(generateProfile(r, i))) accepted++;
    expect(accepted).toBe(300);
  });

  it("leaves to the schema the items of a shape too long for its key mask, and still takes the rest", () => {
    // A policy whose vocabulary has grown to 40 item fields: item shapes of more than 31 keys.
    const policy = realPolicy();
    const extra = Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`extra_${i}`, { kind: "text", zh: `附加${i}`, en: `Extra ${i}` }]));
    const vocabulary = { ...policy.data.vocabulary, fields: { ...policy.data.vocabulary.fields, ...extra } };
    const big = { ...policy, data: { ...policy.data, vocabulary } } as typeof policy;
    const withItem = { enterprise: { name: "淄博测试", district: "张店区" }, recognitions: [{ type: "green-factory", level: "national", date: "2024-01-15" }] };
    const zod = validateProfileData(structuredClone(withItem), big, { asOf });
    expect(zod.recognitions).toHaveLength(1);
    expect(acceptProfile(structuredClone(withItem), big, asOf)).toBeUndefined();
    // The enterprise's shape is short: a profile without items is taken, exactly as the schema takes it.
    const noItems = { enterprise: { district: "张店区", name: "淄博测试" } };
    const quick = acceptProfile(structuredClone(noItems), big, asOf);
    expect(JSON.stringify(quick)).toBe(JSON.stringify(validateProfileData(structuredClone(noItems), big, { asOf })));
    expect(Object.keys(quick?.enterprise ?? {})).toEqual(["name", "district", "zibo_district"]);
  });

  it("never accepts what the schema rejects, on thousands of damaged profiles", () => {
    const r = rng(29);
    const base = Array.from({ length: 40 }, (_, i) => generateProfile(r, i) as Record<string, unknown>);
    const values: unknown[] = [null, undefined, "", " ", "x", "淄博", "张店区", "Zhangdian", -1, -0, 0, 1.005, 0.01, 1e21, Number.MAX_SAFE_INTEGER + 2, Number.NaN, Number.POSITIVE_INFINITY, 3800000, "3800000", "380万", true, false, "yes", "2024-02-30", "2024-2-3", "2099-01-01", "2026-11-25", "2026-11-26", "2020-07-21", [], {}, [{}], { type: "green-factory" }, "national", "provincial", "municipal", "private", "state", "green-factory", "first-set-product", "91370303MA3C0001XY", "913703001234567890", "lead", "domestic", "international"];
    const keys = ["enterprise", "recognitions", "projects", "standards", "name", "credit_code", "district", "ownership", "military_civil", "note", "type", "scope", "role", "code", "level", "date", "rewarded", "product", "provincial_award", "premium", "audited_investment", "bogus", "__proto__"];
    let accepted = 0;
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: base.length - 1 }),
        fc.array(fc.tuple(fc.nat(), fc.constantFrom(...keys), fc.constantFrom(...values), fc.boolean(), fc.boolean(), fc.nat()), { minLength: 1, maxLength: 3 }),
        (which, edits) => {
          const data = structuredClone(base[which]) as Record<string, unknown>;
          for (const [at, anyKey, value, remove, own, pick] of edits) {
            // Pick an object inside the profile (the root, the enterprise, or an item) and change one key.
            const targets: Record<string, unknown>[] = [data];
            if (data.enterprise && typeof data.enterprise === "object") targets.push(data.enterprise as Record<string, unknown>);
            for (const l of ["recognitions", "projects", "standards"]) {
              const list = data[l];
              if (Array.isArray(list)) for (const it of list) if (it && typeof it === "object") targets.push(it as Record<string, unknown>);
            }
            const t = targets[at % targets.length] as Record<string, unknown>;
            // Half the time a key the object already has (so that real values get damaged), else any key.
            const present = Object.keys(t);
            const key = own && present.length > 0 ? (present[pick % present.length] as string) : anyKey;
            if (remove) delete t[key];
            else Object.defineProperty(t, key, { value, enumerable: true, writable: true, configurable: true });
          }
          if (agree(data)) accepted++;
          return true;
        },
      ),
      { numRuns: 5000, seed: 20261201 },
    );
    // Not vacuous: many damaged profiles are still valid and compared value by value.
    expect(accepted).toBeGreaterThan(500);
  });
});

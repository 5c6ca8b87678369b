/**
 * Opportunities (issue 21): every opportunity is true. For every fixture profile, each opportunity's
 * change is applied to the profile and the program is evaluated again: it must then pay what the
 * opportunity says (or, without a sum, become eligible), and nothing the change leaves out is offered.
 */
import { describe, expect, it } from "vitest";
import { readdirSync } from "node:fs";
import path from "node:path";
import { loadPolicy } from "../src/policy/load.js";
import { loadProfile } from "../src/profile/load.js";
import { evaluate } from "../src/engine/evaluate.js";
import { applyPatch, findOpportunities } from "../src/engine/opportunities.js";
import { say } from "../src/i18n/index.js";
import type { Profile } from "../src/types.js";

const root = path.resolve(__dirname, "..");
const policy = loadPolicy(path.join(root, "policy.yaml"));
const asOf = "2025-12-31";
const dir = path.join(root, "fixtures/profiles");
const files = readdirSync(dir).filter((f) => /\.(ya?ml|json)$/.test(f));

function paid(profile: Profile, id: string): { status: string; yuan: number | null } {
  const r = evaluate(policy, profile, asOf).results.find((x) => x.program.id === id);
  if (!r) throw new Error(`no result for ${id}`);
  return { status: r.status, yuan: r.amount.yuan };
}

describe("every opportunity of every fixture is true", () => {
  for (const f of files) {
    it(f, () => {
      const profile = loadProfile(path.join(dir, f), policy, { asOf });
      const opps = findOpportunities(policy, profile, asOf);
      for (const o of opps) {
        const before = paid(profile, o.program.id);
        const after = paid(applyPatch(profile, o.patch), o.program.id);
        expect(after.status, `${f} ${o.program.id}`).toBe("eligible");
        if (o.yuan !== null) expect((after.yuan ?? 0) - (before.status === "eligible" ? (before.yuan ?? 0) : 0), `${f} ${o.program.id}`).toBe(o.yuan);
        else expect(o.kind === "discretionary" || o.program.amount.rate !== undefined, `${f} ${o.program.id}: no sum only for discretionary or uncapped rates`).toBe(true);
        expect(say(o.change, { lang: "zh", policy })).not.toMatch(/[A-Za-z]{4,}/);
      }
      const yuans = opps.map((o) => o.yuan ?? -1);
      expect(yuans).toEqual([...yuans].sort((a, b) => b - a));
    });
  }
});

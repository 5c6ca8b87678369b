/** Shared by the report tests: evaluate a fixture profile and render it in-process, normalised for golden files. */
import * as path from "node:path";
import { evaluate } from "../src/engine/evaluate.js";
import { findOpportunities } from "../src/engine/opportunities.js";
import { loadPolicy } from "../src/policy/load.js";
import { loadProfile } from "../src/profile/load.js";
import { checkRenderers, type CheckFormat } from "../src/render/index.js";
import type { Evaluated } from "../src/render/document.js";
import type { Lang } from "../src/types.js";
import type { MoneyUnit } from "../src/i18n/index.js";

export const root = new URL("../", import.meta.url).pathname;
export const AS_OF = "2026-11-25";
export const policy = loadPolicy();
/** A fixture with distinct products, duplicates and yearly caps; one with programs that need information. */
export const GOLDEN_FIXTURES = ["bobeng-first-set", "luchuan-needs-info"] as const;
export const GOLDEN_FORMATS: Exclude<CheckFormat, "xlsx">[] = ["table", "md", "html", "csv", "json"];

export function evaluated(fixture: string): Evaluated {
  const file = `fixtures/profiles/${fixture}.yaml`;
  const profile = loadProfile(path.join(root, file), policy, { asOf: AS_OF });
  const district = profile.enterprise.zibo_district ?? profile.enterprise.district;
  const evaluation = evaluate(policy, profile, AS_OF);
  return { meta: { file, name: profile.enterprise.name, ...(district ? { district } : {}) }, evaluation, profile, opportunities: findOpportunities(policy, profile, AS_OF, evaluation) };
}

export function render(fixture: string, format: Exclude<CheckFormat, "xlsx">, lang: Lang, o: { unit?: MoneyUnit; explain?: boolean; all?: boolean } = {}): string {
  return checkRenderers[format]([evaluated(fixture)], {
    lang,
    unit: o.unit ?? "yuan",
    color: false,
    width: 100,
    explain: o.explain ?? true,
    all: o.all ?? false,
    policy,
  });
}

/** The policy's hash changes with every edit of policy.yaml; golden files hold a placeholder. */
export function normalise(s: string): string {
  return s.replaceAll(policy.sha256, "<sha256>").replaceAll(policy.sha256.slice(0, 12), "<sha256:12>").replaceAll(policy.data.version, "<version>");
}

/**
 * The programmatic API of subsidy:
 *
 *   const policy = loadPolicy();                       // the bundled policy.yaml, or a path
 *   const profile = loadProfile("client.yaml", policy, { asOf: "2024-12-31" });
 *   const evaluation = evaluate(policy, profile, "2024-12-31");
 *   console.log(renderers.table([{ meta: { file, name }, evaluation }], { lang: "en", policy, color: false }));
 */
export { loadPolicy } from "./policy/load.js";
export { loadProfile, parseProfileText } from "./profile/load.js";
export { validateProfileData } from "./profile/schema.js";
export { evaluate } from "./engine/evaluate.js";
export { findOpportunities, applyPatch, type Opportunity, type ProfilePatch } from "./engine/opportunities.js";
export { checkRenderers as renderers } from "./render/index.js";
export { checkDocument, type CheckDocument, type Evaluated, type ProfileMeta } from "./render/document.js";
export { renderTable, type TableOptions } from "./render/table.js";
export { say, formatYuan, type RenderContext, type MoneyUnit } from "./i18n/index.js";
export { SubsidyError, ValidationErrors, EXIT } from "./errors.js";
export type * from "./types.js";

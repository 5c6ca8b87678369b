import { it } from "vitest";
import path from "node:path";
import { readdirSync } from "node:fs";
import { loadPolicy } from "/work/i21/src/policy/load.js";
import { loadProfile } from "/work/i21/src/profile/load.js";
import { findOpportunities } from "/work/i21/src/engine/opportunities.js";
import { say } from "/work/i21/src/i18n/index.js";
it("show", () => {
  const policy = loadPolicy("/work/i21/policy.yaml");
  for (const f of readdirSync("/work/i21/fixtures/profiles")) {
    const profile = loadProfile(path.join("/work/i21/fixtures/profiles", f), policy, { asOf: "2025-12-31" });
    console.log("== " + f);
    for (const o of findOpportunities(policy, profile, "2025-12-31")) console.log(o.program.id, o.kind, o.yuan, say(o.change, { lang: "zh", policy }), "|", say(o.change, { lang: "en", policy }));
  }
});

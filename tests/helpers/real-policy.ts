/** The real policy.yaml, parsed directly (independent of the file loader under test elsewhere). */
import { readFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { parse } from "yaml";
import { policySchema } from "../../src/policy/schema.js";
import { indexPolicy } from "../../src/policy/index-policy.js";
import type { LoadedPolicy, Profile, ProfileItem, Enterprise } from "../../src/types.js";

export const root = new URL("../../", import.meta.url).pathname;

let cached: LoadedPolicy | undefined;
export function realPolicy(): LoadedPolicy {
  if (cached) return cached;
  const bytes = readFileSync(`${root}policy.yaml`);
  const data = policySchema.parse(parse(bytes.toString("utf8"), { schema: "core", resolveKnownTags: false }));
  cached = { data, file: "policy.yaml", sha256: createHash("sha256").update(bytes).digest("hex"), index: indexPolicy(data) };
  return cached;
}

export function profile(p: { enterprise?: Partial<Enterprise>; recognitions?: ProfileItem[]; projects?: ProfileItem[]; standards?: ProfileItem[] }): Profile {
  return {
    enterprise: { name: "测试企业", district: "张店区", ...p.enterprise },
    recognitions: p.recognitions ?? [],
    projects: p.projects ?? [],
    standards: p.standards ?? [],
  };
}

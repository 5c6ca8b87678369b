/** Lookup maps over a policy's vocabulary. User strings are only ever looked up in Maps, never as `obj[key]`. */
import type { PolicyData, PolicyIndex } from "../types.js";

/** How a district name is folded before lookup: trimmed, full-width spaces too, lower-cased (pinyin). */
export function foldName(s: string): string {
  return s.replace(/^[\s\u3000]+|[\s\u3000]+$/g, "").toLowerCase();
}

export function indexPolicy(data: PolicyData): PolicyIndex {
  const v = data.vocabulary;
  const districtByName = new Map<string, string>();
  for (const d of v.districts) {
    for (const name of [d.id, d.en, ...d.aliases]) {
      const key = foldName(name);
      if (key && !districtByName.has(key)) districtByName.set(key, d.id);
    }
  }
  return {
    districtByName,
    recognitionTypes: new Map(v.recognition_types.map((t) => [t.id, t])),
    projectTypes: new Map(v.project_types.map((t) => [t.id, t])),
    standardScopes: new Map(v.standard_scopes.map((t) => [t.id, t])),
    levels: new Map(v.levels.map((l) => [l.id, { zh: l.zh, en: l.en }])),
    ownership: new Map(v.ownership.map((o) => [o.id, { zh: o.zh, en: o.en }])),
    programs: new Map(data.programs.map((p) => [p.id, p])),
  };
}

/** The canonical Chinese name of a Zibo district written any accepted way, or undefined. */
export function resolveDistrict(index: PolicyIndex, name: string): string | undefined {
  return index.districtByName.get(foldName(name));
}

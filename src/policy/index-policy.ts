/** Lookup maps over a policy's vocabulary. User strings are only ever looked up in Maps, never as `obj[key]`. */
import type { PolicyData, PolicyIndex } from "../types.js";
import { editDistance } from "../parse/suggest.js";

/**
 * How a district name is folded before lookup: full-width forms to their ordinary ones (NFKC), every
 * space and separator out (淄博市 高新区, Zhangdian District, zhangdian-qu), lower-cased (pinyin).
 */
export function foldName(s: string): string {
  return s.normalize("NFKC").replace(/[\s\u3000·・\-_]+/g, "").toLowerCase();
}

/** The province and city written in front of a division, as Chinese addresses are (山东省淄博市张店区). */
const PREFIXES = /^(?:山东省|山东|shandongsheng|shandong)?(?:淄博市|淄博|ziboshi|zibo)?/;

export function indexPolicy(data: PolicyData): PolicyIndex {
  const v = data.vocabulary;
  const districtByName = new Map<string, string>();
  const districtElsewhere = new Set<string>();
  for (const d of v.districts) {
    for (const name of d.elsewhere) districtElsewhere.add(foldName(name));
    for (const name of [d.id, d.en, ...d.aliases]) {
      const key = foldName(name);
      if (key && !districtByName.has(key)) districtByName.set(key, d.id);
    }
  }
  return {
    districtByName,
    districtElsewhere,
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
  const folded = foldName(name);
  const hit = index.districtByName.get(folded);
  if (hit !== undefined) return hit;
  const bare = folded.replace(PREFIXES, "");
  return bare === folded || bare === "" ? undefined : index.districtByName.get(bare);
}

/**
 * A district written close to one of Zibo's divisions but not as one (张店去 for 张店区): the division
 * it most likely means, or undefined. Only Chinese names of three characters or more are compared, one
 * character apart (two-character short names and pinyin sit one character from real places elsewhere:
 * 临沂 and 临淄, sichuan and zichuan). A place written with another city or province in front
 * (上海市宝山区) is never a slip, nor are the real places outside Zibo the policy lists beside a
 * division (`elsewhere`: 宝山区 beside 博山区, 沂水县 beside 沂源县).
 */
export function districtSlip(index: PolicyIndex, name: string): string | undefined {
  if (resolveDistrict(index, name) !== undefined) return undefined;
  const bare = foldName(name).replace(PREFIXES, "");
  if (bare.length < 3 || !HAN.test(bare) || /[省市州盟]./u.test(bare) || index.districtElsewhere.has(bare)) return undefined;
  let found: string | undefined;
  for (const [spelling, id] of index.districtByName) {
    if (spelling.length < 3 || !HAN.test(spelling) || Math.abs(spelling.length - bare.length) > 1) continue;
    if (editDistance(spelling, bare) === 1) {
      if (found !== undefined && found !== id) return undefined;
      found = id;
    }
  }
  return found;
}

const HAN = /\p{Script=Han}/u;

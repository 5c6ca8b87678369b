/**
 * The quick twin of the profile schema, for batches: it accepts only profiles that the zod schema
 * (src/profile/schema.ts) accepts, and returns exactly what validateProfileData returns for them —
 * same values, same keys in the same order. Anything else, and anything it is not sure of, gives
 * `undefined`, and the caller validates with zod, which locates and explains every problem. About ten
 * times cheaper than zod on a valid profile; tests/profile-accept.test.ts holds both to the same answers
 * on fixtures, generated profiles and many thousands of damaged ones.
 */
import { isRealDate } from "../dates.js";
import { resolveDistrict } from "../policy/index-policy.js";
import type { ItemTypeDef, LoadedPolicy, Profile, ProfileItem } from "../types.js";
import { checkCreditCode } from "./credit-code.js";
import { decimals, PROJECT_BASE, RECOGNITION_BASE, STANDARD_BASE } from "./rules.js";

type Check = (v: unknown, asOf: string) => boolean;

interface ItemRules {
  /** Keys in the schema's order, each with its check (null and undefined are handled before). */
  keys: [string, Check][];
  byKey: Map<string, Check>;
  kindKey: "type" | "scope";
  kinds: Map<string, ItemTypeDef>;
  /** Vocabulary fields that are not the list's own keys: an item may carry one only when its kind takes it. */
  fieldKeys: Set<string>;
}

interface Rules {
  enterprise: [string, Check][];
  enterpriseKeys: Map<string, Check>;
  lists: [ListKey, ItemRules][];
}

type ListKey = "recognitions" | "projects" | "standards";

const isText: Check = (v) => typeof v === "string";
const isBool: Check = (v) => typeof v === "boolean";
const isMoney: Check = (v) => typeof v === "number" && Number.isFinite(v) && v >= 0 && Number.isSafeInteger(Math.trunc(v)) && decimals(v) <= 2;
// isRealDate reads the YYYY-MM-DD form itself.
const isDate: Check = (v, asOf) => typeof v === "string" && isRealDate(v) && v <= asOf;
const inSet = (ids: Iterable<string>): Check => {
  const set = new Set(ids);
  return (v) => typeof v === "string" && set.has(v);
};

const cache = new WeakMap<LoadedPolicy, Rules>();

function rules(policy: LoadedPolicy): Rules {
  const hit = cache.get(policy);
  if (hit) return hit;
  const v = policy.data.vocabulary;
  // The order of buildProfileSchema's shapes: zod builds its output in that order.
  const enterprise: [string, Check][] = [
    ["name", (x) => typeof x === "string" && x.trim() !== ""],
    ["credit_code", (x) => typeof x === "string" && checkCreditCode(x).ok],
    ["district", isText],
    ["ownership", inSet(v.ownership.map((o) => o.id))],
    ["military_civil", isBool],
    ["note", isText],
  ];
  const fields = Object.entries(v.fields);
  const list = (kindKey: "type" | "scope", kinds: readonly ItemTypeDef[], base: readonly string[], extra: [string, Check][]): ItemRules => {
    const keys: [string, Check][] = fields.map(([id, def]) => [id, def.kind === "money" ? isMoney : isText]);
    keys.push([kindKey, inSet(kinds.map((k) => k.id))], ["date", isDate], ["rewarded", isBool], ["name", isText], ["note", isText], ...extra);
    const fieldKeys = new Set(fields.map(([id]) => id).filter((id) => !base.includes(id)));
    return { keys, byKey: new Map(keys), kindKey, kinds: new Map(kinds.map((k) => [k.id, k])), fieldKeys };
  };
  const r: Rules = {
    enterprise,
    enterpriseKeys: new Map(enterprise),
    lists: [
      ["recognitions", list("type", v.recognition_types, RECOGNITION_BASE, [["level", inSet(v.levels.map((l) => l.id))]])],
      ["projects", list("type", v.project_types, PROJECT_BASE, [])],
      [
        "standards",
        list("scope", v.standard_scopes, STANDARD_BASE, [
          ["role", inSet(v.standard_roles.map((x) => x.id))],
          ["code", isText],
        ]),
      ],
    ],
  };
  cache.set(policy, r);
  return r;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => {
  if (v === null || typeof v !== "object" || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
};

/** The values of `o` that are given (not null), in the order of `keys`; undefined when a key is unknown or a value fails. */
function pick(o: Record<string, unknown>, keys: [string, Check][], known: Map<string, Check>, asOf: string): Record<string, unknown> | undefined {
  for (const k of Object.keys(o)) if (!known.has(k)) return undefined;
  const out: Record<string, unknown> = {};
  for (const [k, check] of keys) {
    const x = o[k];
    if (x === null || x === undefined) continue;
    if (!check(x, asOf)) return undefined;
    out[k] = x;
  }
  return out;
}

/** The validated profile, exactly as validateProfileData gives it, or undefined (then ask zod). */
export function acceptProfile(data: unknown, policy: LoadedPolicy, asOf: string): Profile | undefined {
  if (!isPlainObject(data)) return undefined;
  const r = rules(policy);
  for (const k of Object.keys(data)) if (k !== "enterprise" && k !== "recognitions" && k !== "projects" && k !== "standards") return undefined;
  const e = data.enterprise;
  if (!isPlainObject(e) || e.name === undefined || e.name === null) return undefined;
  const enterprise = pick(e, r.enterprise, r.enterpriseKeys, asOf) as Profile["enterprise"] | undefined;
  if (!enterprise) return undefined;
  if (enterprise.district !== undefined) {
    const zibo = resolveDistrict(policy.index, enterprise.district);
    if (zibo !== undefined) enterprise.zibo_district = zibo;
  }
  const profile: Profile = { enterprise, recognitions: [], projects: [], standards: [] };
  for (const [name, rule] of r.lists) {
    const list = data[name];
    if (list === null || list === undefined) continue;
    if (!Array.isArray(list)) return undefined;
    const out = profile[name];
    for (const raw of list) {
      if (!isPlainObject(raw)) return undefined;
      const kind = raw[rule.kindKey];
      if (typeof kind !== "string") return undefined;
      const item = pick(raw, rule.keys, rule.byKey, asOf);
      if (!item) return undefined;
      const def = rule.kinds.get(kind) as ItemTypeDef;
      for (const k in item) if (rule.fieldKeys.has(k) && !def.fields.includes(k)) return undefined;
      out.push(item as ProfileItem);
    }
  }
  return profile;
}

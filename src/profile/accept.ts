/**
 * The quick twin of the profile schema, for batches: it accepts only profiles that the zod schema
 * (src/profile/schema.ts) accepts, and returns exactly what validateProfileData returns for them —
 * same values, same keys in the same order. Anything else, and anything it is not sure of, gives
 * `undefined`, and the caller validates with zod, which locates and explains every problem. About ten
 * times cheaper than zod on a valid profile; tests/profile-accept.test.ts holds both to the same answers
 * on fixtures, generated profiles and many thousands of damaged ones.
 */
import { isRealDate } from "../dates.js";
import { districtSlip, resolveDistrict } from "../policy/index-policy.js";
import type { ItemTypeDef, ListName, LoadedPolicy, Profile, ProfileItem } from "../types.js";
import { isValidCreditCode } from "./credit-code.js";
import { decimals, ENTERPRISE_SHAPE, isRequired, listSpecs, type ListSpec, type ValueKind } from "./rules.js";

type Predicate = (v: unknown, asOf: string) => boolean;
/**
 * The terms a value may be (a type, level, role or ownership of the vocabulary), each to the policy's
 * own string for it. The profile keeps that string, equal to the one read from the file: the engine
 * looks terms up in maps and compares them, for every program, and the policy's strings are
 * internalized by V8 (property keys), so each lookup compares pointers instead of characters.
 */
type Terms = ReadonlyMap<string, string>;
/** What a value must be: what a predicate accepts, or one of the terms. */
type Check = Predicate | Terms;

interface ItemRules {
  list: ListName;
  /** Keys in the shape's order, each with its check (null and undefined are handled before) and whether it is required. */
  keys: Keys;
  kindKey: "type" | "scope";
  kinds: Map<string, ItemTypeDef>;
  /** Vocabulary fields that are not the list's own keys: an item may carry one only when its kind takes it. */
  fieldKeys: Set<string>;
}

type Key = readonly [key: string, check: Check, required: boolean];

/** A shape's keys: in order, by name (their position), and which are required (a bit per position). */
interface Keys {
  list: Key[];
  at: Map<string, number>;
  required: number;
}

/** pick marks the keys it has seen in a 32-bit mask: a longer shape (the policy's vocabulary grown) goes to zod. */
const MAX_KEYS = 31;

function keysOf(list: Key[]): Keys {
  let required = 0;
  list.forEach(([, , r], i) => {
    if (r) required |= 1 << i;
  });
  return { list, at: new Map(list.map(([key], i) => [key, i])), required };
}

interface Rules {
  enterprise: Keys;
  lists: ItemRules[];
}

const isText: Check = (v) => typeof v === "string";
const termsOf = (ids: Iterable<string>): Terms => new Map([...ids].map((id) => [id, id]));

/** The check for each kind of value of rules.ts: what the zod schema accepts, nothing more. */
function checks(policy: LoadedPolicy): (kind: ValueKind, spec?: ListSpec) => Check {
  const v = policy.data.vocabulary;
  const ownership = termsOf(v.ownership.map((o) => o.id));
  const levels = termsOf(v.levels.map((l) => l.id));
  const roles = termsOf(v.standard_roles.map((r) => r.id));
  return (kind, spec) => {
    switch (kind) {
      case "name":
        return (x) => typeof x === "string" && x.trim() !== "";
      case "kind":
        return termsOf((spec as ListSpec).kinds.map((k) => k.id));
      case "text":
        return isText;
      case "credit-code":
        return (x) => typeof x === "string" && isValidCreditCode(x);
      case "ownership":
        return ownership;
      case "boolean":
        return (x) => typeof x === "boolean";
      case "money":
        return (x) => typeof x === "number" && Number.isFinite(x) && x >= 0 && Number.isSafeInteger(Math.trunc(x)) && decimals(x) <= 2;
      case "date":
        // isRealDate reads the YYYY-MM-DD form itself. A date after --as-of is valid: the engine leaves
        // the item out of that evaluation and names it in the warnings (issue 16).
        return (x) => typeof x === "string" && isRealDate(x);
      case "level":
        return levels;
      case "role":
        return roles;
    }
  };
}

const cache = new WeakMap<LoadedPolicy, Rules>();

function rules(policy: LoadedPolicy): Rules {
  const hit = cache.get(policy);
  if (hit) return hit;
  const check = checks(policy);
  const fieldIds = Object.keys(policy.data.vocabulary.fields);
  const r: Rules = {
    enterprise: keysOf(ENTERPRISE_SHAPE.map(([key, kind]) => [key, check(kind), isRequired(kind)])),
    lists: listSpecs(policy).map((spec) => {
      return {
        list: spec.list,
        keys: keysOf(spec.shape.map(([key, kind]) => [key, check(kind, spec), isRequired(kind)])),
        kindKey: spec.kindKey,
        kinds: new Map(spec.kinds.map((k) => [k.id, k])),
        fieldKeys: new Set(fieldIds.filter((id) => !spec.base.includes(id))),
      };
    }),
  };
  cache.set(policy, r);
  return r;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => {
  if (v === null || typeof v !== "object" || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
};

/**
 * The values of `o` that are given (not null), in the order of the shape's keys (terms as the policy's
 * strings, see Terms); undefined when a key is unknown, a required one missing or a value fails. Goes
 * over the keys `o` has (a few), not over all the shape's (a dozen, mostly absent): each one's position
 * in the shape is marked in a bit mask and its value kept in `picked`, and the result is built by
 * walking the mask's bits from the lowest.
 */
function pick(o: Record<string, unknown>, keys: Keys, asOf: string): Record<string, unknown> | undefined {
  if (keys.list.length > MAX_KEYS) return undefined;
  let seen = 0;
  // (isPlainObject has been checked: for…in lists the own keys, as Object.keys would.)
  for (const k in o) {
    const at = keys.at.get(k);
    if (at === undefined) return undefined;
    const x = o[k];
    if (x === null || x === undefined) continue;
    const check = (keys.list[at] as Key)[1];
    if (typeof check === "function") {
      if (!check(x, asOf)) return undefined;
      picked[at] = x;
    } else {
      const term = typeof x === "string" ? check.get(x) : undefined;
      if (term === undefined) return undefined;
      picked[at] = term;
    }
    seen |= 1 << at;
  }
  if ((seen & keys.required) !== keys.required) return undefined;
  const out: Record<string, unknown> = {};
  for (let m = seen; m !== 0; m &= m - 1) {
    const at = 31 - Math.clz32(m & -m);
    out[(keys.list[at] as Key)[0]] = picked[at];
  }
  return out;
}

/** pick's values by position in the shape (only the positions it has marked are read). */
const picked: unknown[] = [];

/** The validated profile, exactly as validateProfileData gives it, or undefined (then ask zod). */
export function acceptProfile(data: unknown, policy: LoadedPolicy, asOf: string): Profile | undefined {
  if (!isPlainObject(data)) return undefined;
  const r = rules(policy);
  for (const k of Object.keys(data)) if (k !== "enterprise" && k !== "recognitions" && k !== "projects" && k !== "standards") return undefined;
  const e = data.enterprise;
  if (!isPlainObject(e)) return undefined;
  const enterprise = pick(e, r.enterprise, asOf) as Profile["enterprise"] | undefined;
  if (!enterprise) return undefined;
  if (enterprise.district !== undefined) {
    const zibo = resolveDistrict(policy.index, enterprise.district);
    if (zibo !== undefined) enterprise.zibo_district = zibo;
    // A slip (张店去): zod's path reports it with did-you-mean.
    else if (districtSlip(policy.index, enterprise.district) !== undefined) return undefined;
  }
  const profile: Profile = { enterprise, recognitions: [], projects: [], standards: [] };
  for (const rule of r.lists) {
    const list = data[rule.list];
    if (list === null || list === undefined) continue;
    if (!Array.isArray(list)) return undefined;
    const out = profile[rule.list];
    for (const raw of list) {
      if (!isPlainObject(raw)) return undefined;
      const item = pick(raw, rule.keys, asOf);
      if (!item) return undefined;
      // pick has checked the kind: present, and one of the vocabulary's.
      const def = rule.kinds.get(item[rule.kindKey] as string) as ItemTypeDef;
      for (const k in item) if (rule.fieldKeys.has(k) && !def.fields.includes(k)) return undefined;
      out.push(item as ProfileItem);
    }
  }
  return profile;
}

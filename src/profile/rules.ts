/**
 * What a profile may hold, as plain data without zod: every key of the enterprise and of each list's
 * items, in the order the validated profile holds them, with the kind of value it takes. The zod schema
 * (schema.ts, which gives the messages) and its quick twin for valid profiles (accept.ts) are both built
 * from this one description, so that they cannot drift apart, and reading an ordinary profile never
 * loads zod.
 */
import type { ItemTypeDef, ListName, LoadedPolicy } from "../types.js";

/**
 * What a key's value must be. `name` (the enterprise's, not blank) and `kind` (an item's type or
 * scope) are required; every other key may be left out or blank.
 */
export type ValueKind = "name" | "text" | "credit-code" | "ownership" | "boolean" | "money" | "date" | "kind" | "level" | "role";

export type Shape = readonly (readonly [key: string, kind: ValueKind])[];

export const isRequired = (kind: ValueKind): boolean => kind === "name" || kind === "kind";

export const TOP_KEYS = ["enterprise", "recognitions", "projects", "standards"] as const;

export const ENTERPRISE_SHAPE: Shape = [
  ["name", "name"],
  ["credit_code", "credit-code"],
  ["district", "text"],
  ["ownership", "ownership"],
  ["military_civil", "boolean"],
  ["note", "text"],
];
export const ENTERPRISE_KEYS: readonly string[] = ENTERPRISE_SHAPE.map(([k]) => k);

/** A list of the profile, checked against the policy's vocabulary. */
export interface ListSpec {
  list: ListName;
  /** The key naming the item's kind: type, or scope for standards. */
  kindKey: "type" | "scope";
  /** What the kind is called in messages. */
  kindWord: string;
  kinds: readonly ItemTypeDef[];
  /** The list's own keys; every other key of `shape` is a vocabulary field, taken only by the kinds that list it. */
  base: readonly string[];
  shape: Shape;
}

const specsCache = new WeakMap<LoadedPolicy, ListSpec[]>();

export function listSpecs(policy: LoadedPolicy): ListSpec[] {
  const hit = specsCache.get(policy);
  if (hit) return hit;
  const v = policy.data.vocabulary;
  const fields: Shape = Object.entries(v.fields).map(([id, def]) => [id, def.kind === "money" ? "money" : "text"] as const);
  const item = (kindKey: "type" | "scope", extra: Shape): Shape => [...fields, [kindKey, "kind"], ["date", "date"], ["rewarded", "boolean"], ["rewarded_yuan", "money"], ["name", "text"], ["note", "text"], ...extra];
  const specs: ListSpec[] = [
    {
      list: "recognitions",
      kindKey: "type",
      kindWord: "recognition type",
      kinds: v.recognition_types,
      base: ["type", "level", "date", "rewarded", "rewarded_yuan", "name", "note"],
      shape: item("type", [["level", "level"]]),
    },
    { list: "projects", kindKey: "type", kindWord: "project type", kinds: v.project_types, base: ["type", "name", "date", "rewarded", "rewarded_yuan", "note"], shape: item("type", []) },
    {
      list: "standards",
      kindKey: "scope",
      kindWord: "standard scope",
      kinds: v.standard_scopes,
      base: ["scope", "role", "code", "date", "rewarded", "rewarded_yuan", "name", "note"],
      shape: item("scope", [
        ["role", "role"],
        ["code", "text"],
      ]),
    },
  ];
  specsCache.set(policy, specs);
  return specs;
}

/** Decimals as the number was written (shortest round-trip form). */
export function decimals(n: number): number {
  const s = String(n);
  const e = /e-(\d+)$/.exec(s);
  if (e) return Number(e[1]) + ((/\.(\d+)e/.exec(s)?.[1]?.length ?? 0) as number);
  const dot = s.indexOf(".");
  return dot < 0 ? 0 : s.length - dot - 1;
}

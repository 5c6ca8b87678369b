/**
 * Dated values: a plain value, or `{date: value, …}` where each value is in force from its date
 * until the next one. The value that applies is the one in force on the item's own date
 * (listing, certification, project date), or on the evaluation date for an item without one.
 */
import type { Dated } from "../policy/schema.js";

export interface InForce<T> {
  value: T;
  /** The date the value took effect, when the value is dated. */
  since?: string;
  /** The date was before the first dated value; the first value is used. */
  beforeFirst?: boolean;
}

export function isDatedMap<T>(v: Dated<T>): v is Record<string, T> {
  return typeof v === "object" && v !== null;
}

const sorted = new WeakMap<object, string[]>();
/** A policy's dated values never change: their dates are sorted once. */
function sortedKeys(v: Record<string, unknown>): string[] {
  let keys = sorted.get(v);
  if (!keys) {
    keys = Object.keys(v).sort();
    sorted.set(v, keys);
  }
  return keys;
}

export function valueOn<T>(v: Dated<T>, date: string): InForce<T> {
  if (!isDatedMap(v)) return { value: v };
  const keys = sortedKeys(v);
  let chosen: string | undefined;
  for (const k of keys) {
    if (k <= date) chosen = k;
    else break;
  }
  if (chosen === undefined) {
    const first = keys[0] as string;
    return { value: v[first] as T, since: first, beforeFirst: true };
  }
  return { value: v[chosen] as T, since: chosen };
}

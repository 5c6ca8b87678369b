/**
 * What a profile may hold, as plain data and functions without zod: shared by the zod schema
 * (schema.ts, which gives the messages) and its quick twin for valid profiles (accept.ts), so that
 * reading an ordinary profile never loads zod.
 */

export const ENTERPRISE_KEYS = ["name", "credit_code", "district", "ownership", "military_civil", "note"] as const;
export const TOP_KEYS = ["enterprise", "recognitions", "projects", "standards"] as const;
export const RECOGNITION_BASE = ["type", "level", "date", "rewarded", "name", "note"] as const;
export const PROJECT_BASE = ["type", "name", "date", "rewarded", "note"] as const;
export const STANDARD_BASE = ["scope", "role", "code", "date", "rewarded", "name", "note"] as const;

/** Decimals as the number was written (shortest round-trip form). */
export function decimals(n: number): number {
  const s = String(n);
  const e = /e-(\d+)$/.exec(s);
  if (e) return Number(e[1]) + ((/\.(\d+)e/.exec(s)?.[1]?.length ?? 0) as number);
  const dot = s.indexOf(".");
  return dot < 0 ? 0 : s.length - dot - 1;
}

/**
 * A profile through the fast path (a strict subset of YAML read line by line, or plain JSON; src/parse/fast.ts) when that is
 * safe; `undefined` whenever there is any doubt, and the caller then uses the authoritative loader
 * (src/profile/load.ts), which gives the located error messages. Needs neither the `yaml` parser nor
 * zod (acceptProfile checks a valid profile by the schema's rules), so `check` of an ordinary profile
 * loads neither.
 */
import { fastParse, type FastLimits } from "../parse/fast.js";
import type { LoadedPolicy, Profile } from "../types.js";
import { acceptProfile } from "./accept.js";

export function fastProfile(bytes: Uint8Array, policy: LoadedPolicy, asOf: string, limits: FastLimits = {}): Profile | undefined {
  const data = fastParse(bytes, limits);
  return data === undefined ? undefined : acceptProfile(data, policy, asOf);
}

/**
 * A profile through the fast path (a strict subset of YAML read line by line, or plain JSON; src/parse/fast.ts) when that is
 * safe; `undefined` whenever there is any doubt, and the caller then uses the authoritative loader
 * (src/profile/load.ts), which gives the located error messages. Needs neither the `yaml` parser nor
 * zod (acceptProfile checks a valid profile by the schema's rules), so `check` of an ordinary profile
 * loads neither.
 */
import { fastParse, type FastLimits } from "../parse/fast.js";
import { readRegularFile } from "../parse/read.js";
import { DEFAULT_MAX_BYTES } from "../parse/limits.js";
import type { LoadedPolicy, Profile } from "../types.js";
import { acceptProfile } from "./accept.js";

export function fastProfile(bytes: Uint8Array, policy: LoadedPolicy, asOf: string, limits: FastLimits = {}): Profile | undefined {
  const data = fastParse(bytes, limits);
  return data === undefined ? undefined : acceptProfile(data, policy, asOf);
}

/** Reads a profile file (regular files only; errors are the loader's) and tries the fast path. */
export function loadProfileFast(file: string, policy: LoadedPolicy, asOf: string, limits: FastLimits = {}): { bytes: Uint8Array; profile?: Profile } {
  const bytes = readRegularFile(file, "profile", limits.maxBytes ?? DEFAULT_MAX_BYTES);
  const profile = fastProfile(bytes, policy, asOf, limits);
  return profile ? { bytes, profile } : { bytes };
}

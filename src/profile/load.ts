/** Reading a profile file: only regular files, then parse, then validate against the policy's vocabulary. */
import { DEFAULT_MAX_BYTES, parseDocument, type ParseOptions } from "../parse/document.js";
import { readRegularFile } from "../parse/read.js";
import type { LoadedPolicy, Profile } from "../types.js";
import { validateProfileData } from "./schema.js";
import { ENTERPRISE_SHAPE, listSpecs } from "./rules.js";

export interface LoadProfileOptions extends ParseOptions {
  /** The evaluation date, YYYY-MM-DD: items dated after it are invalid input. */
  asOf: string;
  // maxBytes, maxDepth, maxItems: the CLI's --max-file-size, --max-depth and --max-items.
}

/** Load, parse and validate one profile file. Throws SubsidyError (ValidationErrors for field issues). */
export function loadProfile(file: string, policy: LoadedPolicy, opts: LoadProfileOptions): Profile {
  const bytes = readRegularFile(file, "profile", opts.maxBytes ?? DEFAULT_MAX_BYTES);
  return parseProfileText(bytes, file, policy, opts);
}

/** Parse and validate profile text or bytes already in hand (the questionnaire, stdin, tests). */
export function parseProfileText(
  text: string | Uint8Array,
  file: string,
  policy: LoadedPolicy,
  opts: LoadProfileOptions,
): Profile {
  const bytes = typeof text === "string" ? new TextEncoder().encode(text) : text;
  const doc = parseDocument(bytes, file, { ...opts, moneyKeys: moneyKeysOf(policy) });
  return validateProfileData(doc.data, policy, { asOf: opts.asOf, file, locate: doc.locate });
}

/** The profile keys whose values are money (the shapes the validators check: the policy's money fields and rewarded_yuan), once per policy. */
const moneyKeys = new WeakMap<LoadedPolicy, ReadonlySet<string>>();
function moneyKeysOf(policy: LoadedPolicy): ReadonlySet<string> {
  let keys = moneyKeys.get(policy);
  if (!keys) {
    keys = new Set([...ENTERPRISE_SHAPE, ...listSpecs(policy).flatMap((s) => s.shape)].filter(([, kind]) => kind === "money").map(([key]) => key));
    moneyKeys.set(policy, keys);
  }
  return keys;
}

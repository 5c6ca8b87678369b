/** Reading a profile file: only regular files, then parse, then validate against the policy's vocabulary. */
import { DEFAULT_MAX_BYTES, parseDocument, type ParseOptions } from "../parse/document.js";
import { readRegularFile } from "../parse/read.js";
import type { LoadedPolicy, Profile } from "../types.js";
import { validateProfileData } from "./schema.js";

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
  const doc = parseDocument(bytes, file, opts);
  return validateProfileData(doc.data, policy, { asOf: opts.asOf, file, locate: doc.locate });
}

import { SubsidyError } from "../errors.js";

/* Limits on a profile file, checked before and while parsing (the CLI can raise them). */

/** Limits on one file, and whose they are (a profile's can be raised with flags). */
export interface ParseOptions {
  /** Largest file accepted, in bytes (default 1 MiB). */
  maxBytes?: number;
  /** Deepest nesting of mappings and lists accepted (default 32). */
  maxDepth?: number;
  /** Most entries in one list or mapping (default 10000). */
  maxItems?: number;
  /** Whose limits these are: a profile's can be raised with flags, the policy's cannot (default profile). */
  kind?: "profile" | "policy";
  /** Keys whose values are money (the policy's money fields): such a number must be plain yuan, held exactly as written. */
  moneyKeys?: ReadonlySet<string>;
}

export const DEFAULT_MAX_BYTES = 1024 * 1024;
export const DEFAULT_MAX_DEPTH = 32;
export const DEFAULT_MAX_ITEMS = 10000;
/** Flow brackets nested deeper than this are refused whatever --max-depth says (the parser recurses on them). */
export const FLOW_DEPTH_LIMIT = 1000;

/** The error for a file over the size limit (also raised from its size alone, before reading it). */
export function fileTooLarge(file: string, size: number, maxBytes: number, kind: "profile" | "policy" = "profile"): SubsidyError {
  return new SubsidyError("file-too-large", { key: "err.file.tooLarge", params: { size, limit: maxBytes, kind } }, { file });
}

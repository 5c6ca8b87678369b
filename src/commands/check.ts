/** `subsidy check PROFILE…`: load → evaluate → render, one section per profile. Returns the exit code. */
import { config as zodConfig } from "zod";
import { loadPolicy } from "../policy/load.js";
import { loadProfile } from "../profile/load.js";
import { evaluate } from "../engine/evaluate.js";
import { SubsidyError, EXIT } from "../errors.js";
import { checkRenderers, formatForPath, isCheckFormat } from "../render/index.js";
import { writeFileAtomic } from "../io/write.js";
import { profileMeta, type Evaluated } from "../render/document.js";
import type { CommonOptions } from "./options.js";

export interface CheckOptions extends CommonOptions {
  /** Undefined: from the --out file's extension, else table. */
  format?: string;
  /** Write the report to this file (atomically) instead of stdout. */
  out?: string;
  all: boolean;
  explain: boolean;
}

export interface Io {
  out(s: string): void;
  err(s: string): void;
}

export async function runCheck(files: string[], o: CheckOptions, io: Io): Promise<number> {
  // A handful of profiles: compiling zod's fast paths (new Function) costs more than it saves.
  if (files.length < 50) zodConfig({ jitless: true });
  const format = o.format ?? (o.out !== undefined ? formatForPath(o.out) : undefined) ?? "table";
  if (!isCheckFormat(format)) throw new SubsidyError("usage", `--format ${format}: expected one of ${Object.keys(checkRenderers).join(", ")}`);
  const policy = loadPolicy(o.policyFile);
  const evaluated: Evaluated[] = [];
  let code: number = EXIT.ok;
  for (const file of files) {
    try {
      const profile = loadProfile(file, policy, { asOf: o.asOf });
      evaluated.push({ meta: profileMeta(file, profile), evaluation: evaluate(policy, profile, o.asOf), profile });
    } catch (e) {
      if (!(e instanceof SubsidyError)) throw e;
      io.err(e.format() + "\n");
      code = Math.max(code, e.exitCode);
    }
  }
  if (evaluated.length > 0) {
    // A file gets plain text: no colour codes in a table written to disk.
    const text = checkRenderers[format](evaluated, { ...o, ...(o.out !== undefined ? { color: false } : {}), policy });
    if (o.out !== undefined) writeFileAtomic(o.out, text, { protect: files });
    else io.out(text);
  }
  return code;
}

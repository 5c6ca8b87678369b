/** `subsidy check PROFILE…`: load → evaluate → render, one section per profile. Returns the exit code. */
import { config as zodConfig } from "zod";
import { loadPolicy } from "../policy/load.js";
import { loadProfile } from "../profile/load.js";
import { evaluate } from "../engine/evaluate.js";
import { SubsidyError, EXIT } from "../errors.js";
import { checkRenderers, isCheckFormat } from "../render/index.js";
import type { Evaluated } from "../render/document.js";
import type { CommonOptions } from "./options.js";

export interface CheckOptions extends CommonOptions {
  format: string;
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
  if (!isCheckFormat(o.format)) throw new SubsidyError("usage", `--format ${o.format}: expected one of ${Object.keys(checkRenderers).join(", ")}`);
  const policy = loadPolicy(o.policyFile);
  const evaluated: Evaluated[] = [];
  let code: number = EXIT.ok;
  for (const file of files) {
    try {
      const profile = loadProfile(file, policy, { asOf: o.asOf });
      const meta = { file, name: profile.enterprise.name, ...(profile.enterprise.zibo_district ?? profile.enterprise.district ? { district: profile.enterprise.zibo_district ?? profile.enterprise.district } : {}) };
      evaluated.push({ meta, evaluation: evaluate(policy, profile, o.asOf) });
    } catch (e) {
      if (!(e instanceof SubsidyError)) throw e;
      io.err(e.format() + "\n");
      code = Math.max(code, e.exitCode);
    }
  }
  if (evaluated.length > 0) {
    io.out(checkRenderers[o.format](evaluated, { ...o, policy }));
  }
  return code;
}

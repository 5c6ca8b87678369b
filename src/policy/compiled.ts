/**
 * The parts of policy loading that need no YAML parser: finding the package's policy.yaml, hashing it,
 * and the precompiled copy the build made of it. `check` starts from here; the full loader
 * (src/policy/load.ts, with the parser and the schema) is loaded only for another policy.
 */
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { SubsidyError } from "../errors.js";
import { readRegularFile } from "../parse/read.js";
import type { LoadedPolicy, PolicyData } from "../types.js";
import { indexPolicy } from "./index-policy.js";

/**
 * The directory holding the `subsidy` package.json. The code runs bundled (dist/cli.js) and from
 * src/ under vitest, so walk up from this module rather than assume a depth.
 */
export function packageRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const pkg = path.join(dir, "package.json");
    try {
      const json = JSON.parse(fs.readFileSync(pkg, "utf8")) as { name?: unknown };
      if (json.name === "subsidy") return dir;
    } catch {
      // no package.json here, or not ours: keep walking
    }
    const parent = path.dirname(dir);
    if (parent === dir) throw new SubsidyError("policy-missing", "cannot find the subsidy package's folder to read its policy.yaml; pass --policy");
    dir = parent;
  }
}

export function defaultPolicyFile(): string {
  return path.join(packageRoot(), "policy.yaml");
}

/** The policy file's bytes, path and sha256; a missing or unreadable file is a policy error (exit 2). */
export function readPolicyFile(file?: string): { bytes: Uint8Array; policyFile: string; sha256: string } {
  const policyFile = file ?? defaultPolicyFile();
  let bytes: Uint8Array;
  try {
    bytes = readRegularFile(policyFile, "policy file");
  } catch (e) {
    if (e instanceof SubsidyError && e.code === "file-unreadable" && !fs.existsSync(policyFile)) {
      throw new SubsidyError("policy-missing", `policy file not found${file === undefined ? " (the default policy.yaml of the package)" : ""}; check the path given to --policy`, {
        file: policyFile,
      });
    }
    if (e instanceof SubsidyError) throw new SubsidyError("policy-invalid", e.message, e.location);
    throw e;
  }
  return { bytes, policyFile, sha256: createHash("sha256").update(bytes).digest("hex") };
}

/** The bundled policy when the file's bytes are those the build checked; undefined otherwise (load it in full). */
export function loadCompiledPolicy(file?: string): LoadedPolicy | undefined {
  const { policyFile, sha256 } = readPolicyFile(file);
  const data = compiledPolicy(sha256);
  return data ? loadedPolicy(data, policyFile, sha256) : undefined;
}

export function loadedPolicy(policy: PolicyData, policyFile: string, sha256: string): LoadedPolicy {
  const loaded: LoadedPolicy = { data: policy, file: policyFile, sha256, index: indexPolicy(policy) };
  if (policy.source?.file) {
    const sourcePath = path.resolve(path.dirname(policyFile), policy.source.file);
    try {
      loaded.sourceText = fs.readFileSync(sourcePath, "utf8");
    } catch {
      // The quotes can still be shown; only the check against the source text is skipped.
    }
  }
  return loaded;
}

/** Where the build keeps the bundled policy, already parsed and checked. */
export function compiledPolicyFile(): string {
  return path.join(packageRoot(), "dist", "policy.compiled.json");
}

/**
 * The build parses and checks the bundled policy.yaml once and stores the result with the sha256 of
 * its bytes. A policy whose bytes hash the same is the same policy, so start-up skips the YAML parse
 * and the schema check; any other bytes (an edited or another policy) go through the full loader.
 */
export function compiledPolicy(sha256: string): PolicyData | undefined {
  let text: string;
  try {
    text = fs.readFileSync(compiledPolicyFile(), "utf8");
  } catch {
    return undefined;
  }
  try {
    const compiled = JSON.parse(text) as { sha256?: unknown; data?: PolicyData };
    return compiled.sha256 === sha256 && compiled.data ? compiled.data : undefined;
  } catch {
    return undefined;
  }
}


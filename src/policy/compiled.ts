/**
 * The parts of policy loading that need no YAML parser: finding the package's policy.yaml, hashing it,
 * and the precompiled copy the build made of it. `check` starts from here; the full loader
 * (src/policy/load.ts, with the parser and the schema) is loaded only for another policy.
 */
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
    if (parent === dir) throw new SubsidyError("policy-missing", { key: "err.policy.noPackage" });
    dir = parent;
  }
}

export function defaultPolicyFile(): string {
  return path.join(packageRoot(), "policy.yaml");
}

/** The policy file's bytes and path; a missing or unreadable file is a policy error (exit 2). */
export interface PolicyFile {
  bytes: Uint8Array;
  policyFile: string;
}

export function readPolicyFile(file?: string): PolicyFile {
  const policyFile = file ?? defaultPolicyFile();
  let bytes: Uint8Array;
  try {
    bytes = readRegularFile(policyFile, "policy file");
  } catch (e) {
    if (e instanceof SubsidyError && e.code === "file-unreadable" && !fs.existsSync(policyFile)) {
      throw new SubsidyError("policy-missing", { key: "err.policy.notFound", params: { bundled: file === undefined ? 1 : 0 } }, {
        file: policyFile,
      });
    }
    if (e instanceof SubsidyError) throw new SubsidyError("policy-invalid", e.message, e.location);
    throw e;
  }
  return { bytes, policyFile };
}

/**
 * The policy a command evaluates with: the precompiled copy when these are the bundled policy's bytes,
 * else parsed and checked by the full loader (the YAML parser and the policy schema, loaded only then).
 */
export async function loadPolicyForCommand(file?: string): Promise<LoadedPolicy> {
  const policyFile = readPolicyFile(file);
  return compiledFromBytes(policyFile) ?? (await import("./load.js")).policyFromFile(policyFile);
}

/** The precompiled policy when these are the very bytes the build checked. */
export function compiledFromBytes({ bytes, policyFile }: PolicyFile): LoadedPolicy | undefined {
  const compiled = readCompiled();
  // The very bytes the build checked (compared, not hashed: start-up need not load node:crypto).
  if (!compiled || Buffer.compare(Buffer.from(bytes), Buffer.from(compiled.text, "utf8")) !== 0) return undefined;
  return loadedPolicy(compiled.data, policyFile, compiled.sha256);
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
  const compiled = readCompiled();
  return compiled && compiled.sha256 === sha256 ? compiled.data : undefined;
}

interface Compiled {
  sha256: string;
  /** policy.yaml's text as the build read it. */
  text: string;
  data: PolicyData;
}

function readCompiled(): Compiled | undefined {
  try {
    const c = JSON.parse(fs.readFileSync(compiledPolicyFile(), "utf8")) as Partial<Compiled>;
    return typeof c.sha256 === "string" && typeof c.text === "string" && c.data ? (c as Compiled) : undefined;
  } catch {
    return undefined;
  }
}


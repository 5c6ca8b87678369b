/** `subsidy policy list|show|validate|diff|test`: for whoever maintains policy.yaml. Each returns an exit code. */
import * as fs from "node:fs";
import * as path from "node:path";
import { loadPolicy, checkPolicyData, POLICY_MAX_BYTES } from "../policy/load.js";
import { lintPolicy } from "../policy/lint.js";
import { diffPolicies, profileImpact, type ProfileImpact } from "../policy/diff.js";
import { parseProfileText } from "../profile/load.js";
import { DEFAULT_MAX_BYTES } from "../parse/limits.js";
import { policyRef } from "../render/document.js";
import { parseDocument } from "../parse/document.js";
import { readRegularFile } from "../parse/read.js";
import { formatPath } from "../parse/path.js";
import { suggestion } from "../parse/suggest.js";
import { SubsidyError, EXIT } from "../errors.js";
import { messageLang, say, t } from "../i18n/index.js";
import { renderPolicyDiff, renderPolicyList, renderPolicyShow, renderValidation, type LocatedLint } from "../render/policy.js";
import { formatScenarioResult, runScenarioDir, runScenarioFile } from "../scenarios/run.js";
import { walk } from "../batch/walk.js";
import type { CommonOptions } from "./options.js";
import type { Io } from "./check.js";
import type { Message } from "../types.js";

export interface PolicyOptions extends CommonOptions {
  format?: string;
}

function format(o: PolicyOptions): "table" | "json" {
  const f = o.format ?? "table";
  if (f !== "table" && f !== "json") throw new SubsidyError("usage", { key: "err.usage.format", params: { value: f, formats: "table|json" } });
  return f;
}

const json = (v: unknown) => JSON.stringify(v, null, 2) + "\n";

export async function runPolicyList(o: PolicyOptions, io: Io): Promise<number> {
  const policy = loadPolicy(o.policyFile);
  if (format(o) === "json") {
    const d = policy.data;
    io.out(json({ policy: policyRef(policy), programs: d.programs.map((p) => ({ id: p.id, title: p.title[o.lang], clause: p.clause, kind: p.amount.kind, amount: p.amount, ...(p.starts ? { starts: p.starts } : {}), ...(p.ends ? { ends: p.ends } : {}) })) }));
  } else {
    io.out(renderPolicyList({ ...o, policy }));
  }
  return EXIT.ok;
}

export async function runPolicyShow(id: string, o: PolicyOptions, io: Io): Promise<number> {
  const policy = loadPolicy(o.policyFile);
  const program = policy.index.programs.get(id);
  if (!program) throw new SubsidyError("usage", { key: "err.usage.noProgram", params: { id, policy: policy.data.id, suggest: suggestion(id, policy.index.programs.keys()) } });
  if (format(o) === "json") io.out(json({ policy: policyRef(policy), program }));
  else io.out(renderPolicyShow(program, { ...o, policy }));
  return EXIT.ok;
}

/** Every problem of a policy file, located: parse, schema and cross-references, then the lint. */
export function validatePolicyFile(file: string): LocatedLint[] {
  let doc;
  try {
    doc = parseDocument(readRegularFile(file, "policy file"), file, { maxBytes: POLICY_MAX_BYTES, maxItems: 100000, kind: "policy" });
  } catch (e) {
    if (!(e instanceof SubsidyError)) throw e;
    if (e.code === "file-unreadable" && !fs.existsSync(file)) throw new SubsidyError("policy-missing", { key: "err.file.notFound", params: { what: "policy file" } }, { file });
    const l = e.location;
    return [{ severity: "error", file, ...(l.line !== undefined ? { line: l.line } : {}), ...(l.path !== undefined ? { path: l.path } : {}), message: e.message }];
  }
  const locate = (p: readonly (string | number)[]): Pick<LocatedLint, "line" | "path"> => {
    const pos = doc.locate(p);
    return { ...(pos ? { line: pos.line } : {}), ...(p.length ? { path: formatPath(p) } : {}) };
  };
  // An enterprise profile given by mistake: one true line, not a dozen "missing field" errors.
  const d = doc.data;
  if (d !== null && typeof d === "object" && !Array.isArray(d) && Object.hasOwn(d, "enterprise") && !Object.hasOwn(d, "programs")) {
    return [{ severity: "error", file, message: say({ key: "err.policy.isProfile", params: { file } }, { lang: messageLang() }) }];
  }
  const checked = checkPolicyData(d);
  const text = (m: Message) => say(m, { lang: messageLang() });
  const problems: LocatedLint[] =
    "problems" in checked
      ? checked.problems.map(([p, message]) => ({ severity: "error" as const, file, ...locate(p), message: text(message) }))
      : lintPolicy(checked.data).map((x) => ({ severity: x.severity, file, ...locate(x.path), message: text(x.message) }));
  const rank = (x: LocatedLint) => (x.severity === "error" ? 0 : 1);
  return problems.sort((a, b) => rank(a) - rank(b) || (a.line ?? 0) - (b.line ?? 0));
}

export async function runPolicyValidate(file: string, o: PolicyOptions, io: Io): Promise<number> {
  const problems = validatePolicyFile(file);
  const invalid = problems.some((p) => p.severity === "error");
  if (format(o) === "json") io.out(json({ file, valid: !invalid, problems }));
  else (invalid ? io.err : io.out)(renderValidation(problems, file, o));
  return invalid ? EXIT.usage : EXIT.ok;
}

export interface DiffOptions extends PolicyOptions {
  profiles?: string;
}

export async function runPolicyDiff(oldFile: string, newFile: string, o: DiffOptions, io: Io): Promise<number> {
  const oldPolicy = loadPolicy(oldFile);
  const newPolicy = loadPolicy(newFile);
  const diff = diffPolicies(oldPolicy.data, newPolicy.data);
  let impacts: { asOf: string; evaluated: number; changed: ProfileImpact[]; errors: string[] } | undefined;
  let code: number = EXIT.ok;
  if (o.profiles !== undefined) {
    const dir = o.profiles;
    if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) throw new SubsidyError("usage", { key: "err.usage.profilesNotFolder", params: { dir } });
    impacts = { asOf: o.asOf, evaluated: 0, changed: [], errors: [] };
    // The same folder walk as batch: sorted, editor junk skipped, only regular files.
    for (const { file, error } of walk(dir)) {
      try {
        if (error) throw error;
        // Read once, validated against each version's own vocabulary.
        const bytes = readRegularFile(file, "profile", DEFAULT_MAX_BYTES);
        const before = parseProfileText(bytes, file, oldPolicy, { asOf: o.asOf });
        const after = parseProfileText(bytes, file, newPolicy, { asOf: o.asOf });
        impacts.evaluated++;
        const im = profileImpact(oldPolicy, newPolicy, { file, before, after }, o.asOf);
        if (im) impacts.changed.push(im);
      } catch (e) {
        if (!(e instanceof SubsidyError)) throw e;
        impacts.errors.push(e.format());
        code = EXIT.invalidProfile;
      }
    }
  }
  if (format(o) === "json") {
    const ref = (p: typeof oldPolicy) => ({ ...policyRef(p), file: p.file });
    io.out(
      json({
        old: ref(oldPolicy),
        new: ref(newPolicy),
        policy: diff.policy,
        added: diff.added.map((p) => p.id),
        removed: diff.removed.map((p) => p.id),
        changed: diff.changed,
        ...(impacts ? { profiles: impacts } : {}),
      }),
    );
  } else {
    io.out(renderPolicyDiff({ oldPolicy, newPolicy, diff, ...(impacts ? { impacts } : {}) }, o));
  }
  return code;
}

export interface TestOptions extends PolicyOptions {
  /** Print passing scenarios too. */
  verbose?: boolean;
}

export async function runPolicyTest(target: string | undefined, o: TestOptions, io: Io): Promise<number> {
  const policy = loadPolicy(o.policyFile);
  const where = target ?? "fixtures/scenarios";
  let stat: fs.Stats;
  try {
    stat = fs.statSync(where);
  } catch {
    throw new SubsidyError("usage", { key: "err.usage.noScenarios", params: { where, isDefault: target === undefined ? 1 : 0 } });
  }
  const results = stat.isDirectory() ? runScenarioDir(policy, where) : runScenarioFile(policy, where);
  if (results.length === 0) throw new SubsidyError("usage", { key: "err.usage.emptyScenarioFolder", params: { where } });
  const failed = results.filter((r) => !r.passed);
  const summary = t("policy.test.summary", o, { passed: results.length - failed.length, failed: failed.length, total: results.length, policy: `${policy.data.id} ${policy.data.version}`, file: path.basename(policy.file), sha: policy.sha256.slice(0, 12) });
  if (format(o) === "json") {
    io.out(json({ policy: policyRef(policy), passed: results.length - failed.length, failed: failed.length, results }));
  } else {
    const shown = o.verbose ? results : failed;
    io.out([...shown.map(formatScenarioResult), summary].join("\n") + "\n");
  }
  return failed.length > 0 ? EXIT.invalidProfile : EXIT.ok;
}

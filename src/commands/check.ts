/** `subsidy check PROFILE…`: load → evaluate → render, one section per profile. Returns the exit code. */
import { loadPolicyForCommand } from "../policy/compiled.js";
import { loadProfileFast } from "../profile/fast.js";
import { evaluate } from "../engine/evaluate.js";
import { findOpportunities } from "../engine/opportunities.js";
import { SubsidyError, EXIT, unforeseen } from "../errors.js";
import { CHECK_FORMATS, formatForPath, isCheckFormat, loadCheckRenderer } from "../render/formats.js";
import { profileMeta, type Evaluated } from "../render/document.js";
import type { LoadedPolicy, Profile } from "../types.js";
import type { CommonOptions } from "./options.js";
import type { ParseOptions } from "../parse/document.js";
import type * as ProfileLoader from "../profile/load.js";

export interface CheckOptions extends CommonOptions {
  /** Undefined: from the --out file's extension, else table. */
  format?: string;
  /** Write the report to this file (atomically) instead of stdout. */
  out?: string;
  all: boolean;
  explain: boolean;
  /** Show what else the enterprise could obtain in the table (JSON and the reports always carry it). */
  opportunities?: boolean;
  /** --max-file-size, --max-depth, --max-items (defaults when absent). */
  limits?: ParseOptions;
}

export interface Io {
  out(s: string): void;
  err(s: string): void;
  /** Bytes to standard output as they are (large JSON reports); when absent, `out` gets them decoded. */
  outBytes?(b: Uint8Array): void;
}

export async function runCheck(files: string[], o: CheckOptions, io: Io): Promise<number> {
  const format = o.format ?? (o.out !== undefined ? formatForPath(o.out) : undefined) ?? "table";
  if (!isCheckFormat(format)) throw new SubsidyError("usage", `--format ${format}: expected one of ${CHECK_FORMATS.join(", ")}`);
  // A workbook is binary: never to a terminal or a pipe.
  if (format === "xlsx" && o.out === undefined) throw new SubsidyError("usage", { key: "xlsx.needsOut", params: {} });
  // The YAML parser and the full loaders are loaded only when the fast paths do not apply.
  // A target that must not be written is refused before any work (and checked again when written).
  if (o.out !== undefined) (await import("../io/write.js")).checkTarget(o.out, { protect: files, format });
  const policy: LoadedPolicy = await loadPolicyForCommand(o.policyFile);
  const evaluated: Evaluated[] = [];
  let code: number = EXIT.ok;
  for (const file of files) {
    try {
      const fast = loadProfileFast(file, policy, o.asOf, o.limits);
      const profile: Profile = fast.profile ?? (await fullLoader(files.length)).parseProfileText(fast.bytes, file, policy, { ...o.limits, asOf: o.asOf });
      const evaluation = evaluate(policy, profile, o.asOf, { reading: o.reading ?? "adopted" });
      evaluated.push({ meta: profileMeta(file, profile), evaluation, profile, opportunities: findOpportunities(policy, profile, o.asOf, evaluation) });
    } catch (e) {
      // Nothing in one profile may stop the others: an unforeseen fault is that file's error.
      const err = e instanceof SubsidyError ? e : unforeseen(file, e);
      io.err(err.format() + "\n");
      code = Math.max(code, err.exitCode);
    }
  }
  if (evaluated.length > 0 && format === "xlsx" && o.out !== undefined) {
    await writeCheckWorkbook(o.out, evaluated, { ...o, policy }, files);
  } else if (evaluated.length > 0 && format !== "xlsx") {
    // A file gets plain text: no colour codes in a table written to disk.
    const render = await loadCheckRenderer(format);
    const text = render(evaluated, { ...o, ...(o.out !== undefined ? { color: false } : {}), policy });
    if (o.out !== undefined) (await import("../io/write.js")).writeFileAtomic(o.out, text, { protect: files, format });
    else io.out(text);
  }
  return code;
}

/** The profiles as a workbook report: their outcomes as a batch has them, through the same writer. */
async function writeCheckWorkbook(out: string, evaluated: Evaluated[], o: CheckOptions & { policy: LoadedPolicy }, files: string[]): Promise<void> {
  const [{ evaluateProfile }, { SummaryBuilder }, { writeReportWorkbook }, { provenance }] = await Promise.all([
    import("../batch/evaluate-one.js"),
    import("../batch/summary.js"),
    import("../xlsx/report.js"),
    import("../render/document.js"),
  ]);
  const ctx = { policy: o.policy, asOf: o.asOf, lang: o.lang, unit: o.unit, json: false, reasons: true, todo: true, opportunities: true, ...(o.reading ? { reading: o.reading } : {}) };
  const outcomes = evaluated.map((e) => evaluateProfile(e.meta.file, e.profile as Profile, ctx));
  const summary = new SummaryBuilder(o.policy, o.lang, true);
  for (const x of outcomes) summary.add(x);
  const { warnings } = provenance(o.policy, o.asOf, { lang: o.lang, policy: o.policy, unit: o.unit });
  await writeReportWorkbook(out, { policy: o.policy, lang: o.lang, unit: o.unit, asOf: o.asOf, warnings }, () => outcomes, summary.summary, files);
}

/** The authoritative loader (the `yaml` parser and zod), loaded only for a profile the fast path declines. */
async function fullLoader(files: number): Promise<typeof ProfileLoader> {
  const loader = await import("../profile/load.js");
  // A handful of profiles: compiling zod's fast paths (new Function) costs more than it saves.
  if (files < 50) (await import("../profile/schema.js")).validateWithoutJit();
  return loader;
}

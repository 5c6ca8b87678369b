/** `subsidy check PROFILE…`: load → evaluate → render, one section per profile. Returns the exit code. */
import { loadPolicyForCommand } from "../policy/compiled.js";
import { readFileSync, statSync } from "node:fs";
import { fastProfile } from "../profile/fast.js";
import { readRegularFile } from "../parse/read.js";
import { DEFAULT_MAX_BYTES, fileTooLarge } from "../parse/limits.js";
import { evaluate } from "../engine/evaluate.js";
import { findOpportunities } from "../engine/opportunities.js";
import { SubsidyError, EXIT, ValidationErrors, unforeseen } from "../errors.js";
import { CHECK_FORMATS, formatForPath, isCheckFormat, loadCheckRenderer } from "../render/formats.js";
import { profileMeta, type Evaluated, type FileErrors } from "../render/document.js";
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

/** The name standard input goes by in messages and documents (`subsidy check -`). */
export const STDIN_NAME = "<stdin>";

/** A profile's bytes: the file's, or standard input's for `-`; a folder is pointed to `batch`. */
function readProfile(file: string, limits: ParseOptions | undefined): { name: string; bytes: Uint8Array } {
  const maxBytes = limits?.maxBytes ?? DEFAULT_MAX_BYTES;
  if (file === "-") {
    const bytes = readFileSync(0);
    if (bytes.length > maxBytes) throw fileTooLarge(STDIN_NAME, bytes.length, maxBytes);
    return { name: STDIN_NAME, bytes };
  }
  if (isFolder(file)) throw new SubsidyError("file-not-regular", { key: "check.isFolder", params: { dir: file } }, { file });
  return { name: file, bytes: readRegularFile(file, "profile", maxBytes) };
}

function isFolder(file: string): boolean {
  try {
    return statSync(file).isDirectory();
  } catch {
    return false;
  }
}

export async function runCheck(files: string[], o: CheckOptions, io: Io): Promise<number> {
  const format = o.format ?? (o.out !== undefined ? formatForPath(o.out) : undefined) ?? "table";
  if (!isCheckFormat(format)) throw new SubsidyError("usage", { key: "err.usage.format", params: { value: format, formats: CHECK_FORMATS.join("|") } });
  // A workbook is binary: never to a terminal or a pipe.
  if (format === "xlsx" && o.out === undefined) throw new SubsidyError("usage", { key: "xlsx.needsOut", params: {} });
  // The YAML parser and the full loaders are loaded only when the fast paths do not apply.
  // A target that must not be written is refused before any work (and checked again when written).
  if (o.out !== undefined) (await import("../io/write.js")).checkTarget(o.out, { protect: files, format });
  const policy: LoadedPolicy = await loadPolicyForCommand(o.policyFile);
  // Every file in the order given: its evaluation, or its problems (JSON lists both, in that order).
  const entries: (Evaluated | FileErrors)[] = [];
  let code: number = EXIT.ok;
  // The formats that show opportunities: JSON and the reports always, the table with --opportunities, CSV never.
  const lookForOpportunities = format === "json" || format === "md" || format === "html" || (format === "table" && o.opportunities === true);
  for (const file of files) {
    try {
      const { name, bytes } = readProfile(file, o.limits);
      const profile: Profile = fastProfile(bytes, policy, o.asOf, o.limits) ?? (await fullLoader(files.length)).parseProfileText(bytes, name, policy, { ...o.limits, asOf: o.asOf });
      const evaluation = evaluate(policy, profile, o.asOf, { reading: o.reading ?? "adopted" });
      entries.push({ meta: profileMeta(name, profile), evaluation, profile, ...(lookForOpportunities ? { opportunities: findOpportunities(policy, profile, o.asOf, evaluation) } : {}) });
    } catch (e) {
      // Nothing in one profile may stop the others: an unforeseen fault is that file's error.
      const err = e instanceof SubsidyError ? e : unforeseen(file, e);
      io.err(err.format() + "\n");
      code = Math.max(code, err.exitCode);
      const issues = err instanceof ValidationErrors ? err.issues : [err];
      entries.push({ file: file === "-" ? STDIN_NAME : file, issues: issues.map((x) => ({ message: x.message, ...x.location })) });
    }
  }
  const evaluated = entries.filter((x): x is Evaluated => "evaluation" in x);
  // JSON: one file gives one document; several give an array with an entry for every file, failed ones included.
  const several = format === "json" && files.length > 1;
  if (evaluated.length > 0 && format === "xlsx" && o.out !== undefined) {
    await writeCheckWorkbook(o.out, evaluated, { ...o, policy }, files);
  } else if ((evaluated.length > 0 || format === "json") && format !== "xlsx") {
    // A file gets plain text: no colour codes in a table written to disk.
    const oo = { ...o, ...(o.out !== undefined ? { color: false } : {}), policy };
    // One file that failed still gets its JSON document: its error and every problem (the screen shows 20).
    const text = several || (format === "json" && evaluated.length === 0) ? (await import("../render/json.js")).renderJsonEntries(entries, oo, several) : (await loadCheckRenderer(format))(evaluated, oo);
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

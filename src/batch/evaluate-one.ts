/**
 * One file of a batch → one outcome: the enterprise's summary and results (or its error). The results are exactly
 * those of `subsidy check` for the same file: same loader (or the proven fast path), same
 * engine, same check document.
 */
import { SubsidyError, ValidationErrors, unforeseen } from "../errors.js";
import { evaluate, policyWarnings, type ReadingMode } from "../engine/evaluate.js";
import { findOpportunities, type OpportunityCache } from "../engine/opportunities.js";
import { opportunityDocs, type OpportunityDoc } from "../render/opportunities.js";
import { readRegularFile } from "../parse/read.js";
import { parseProfileText } from "../profile/load.js";
import { profileMeta, reasonsText, resultDoc } from "../render/document.js";
import { alternativesText, describeMissing, noneText } from "../render/report.js";
import { say, type MoneyUnit } from "../i18n/index.js";
import type { Lang, LoadedPolicy, Profile, ProgramResult, Status, AmountKind } from "../types.js";
import { fastProfile } from "../profile/fast.js";
import { DEFAULT_MAX_BYTES } from "../parse/limits.js";
import type { ParseOptions } from "../parse/document.js";

export interface EvalContext {
  policy: LoadedPolicy;
  asOf: string;
  lang: Lang;
  unit: MoneyUnit;
  /** Which reading's amount is the headline (issue 16; default the adopted one). */
  reading?: ReadingMode;
  /** Build the JSON check document (only the JSON report needs it). */
  json: boolean;
  /**
   * Render each eligible or needs-info program's reasons (only the CSV report prints them; the table and
   * Markdown reports count programs and sum amounts). Default true.
   */
  reasons?: boolean;
  /** Say what each needs-info program's missing facts are, in words (only the workbook report prints them). */
  todo?: boolean;
  /** Use the fast path (src/parse/fast.ts) where it provably agrees (default true). */
  fast?: boolean;
  /** Per-file limits (--max-file-size, --max-depth, --max-items); defaults when absent. */
  limits?: ParseOptions;
  /** Look for what else each enterprise could obtain (batch --opportunities). */
  opportunities?: boolean;
  /** What programs with no item of their own offered, for the rest of the run (made on first use). */
  opportunityCache?: OpportunityCache;
}

export interface ProgramLine {
  program: string;
  title: string;
  clause: string;
  status: Exclude<Status, "ineligible">;
  kind: AmountKind;
  yuan: number | null;
  reasons: string[];
  missing: string[];
  /** The missing facts in words (describeMissing), when the context asked for them. */
  todo?: string[];
  /** The amount under the program's lowest reading (the least of `yuan` and its `alternatives`). */
  lowYuan: number | null;
}

export interface ProfileOk {
  ok: true;
  file: string;
  name: string;
  district?: string;
  creditCode?: string;
  ownership?: string;
  fixedYuan: number;
  maxYuan: number;
  /** The totals with every program at its lowest reading (issue 16). */
  conservativeFixedYuan: number;
  conservativeMaxYuan: number;
  /** What this profile's evaluation warns of beyond the run's own warnings (items dated after --as-of, left out), rendered. */
  warnings?: string[];
  /** Eligible and needs-info programs, in the policy's order (`reasons` empty unless the context asked for them). */
  programs: ProgramLine[];
  /** The check document without policy and asOf, serialized (JSON output only). */
  json?: string;
  /** What else the enterprise could obtain, by program (when the run looks for it). */
  opportunities?: OpportunityDoc[];
}

export interface ProfileFailed {
  ok: false;
  file: string;
  error: {
    message: string;
    line?: number;
    path?: string;
    /** Exactly what `subsidy check` prints on stderr. */
    text: string;
    /** Every problem of the file, the first (the fields above) included. */
    issues: { message: string; line?: number; path?: string }[];
  };
}

export type Outcome = ProfileOk | ProfileFailed;

/** The profile through the fast path when it is safe, else (and on any doubt) through the authoritative loader. */
export function loadProfileBytes(
  bytes: Uint8Array,
  file: string,
  policy: LoadedPolicy,
  asOf: string,
  fast = true,
  limits: ParseOptions = {},
): { profile: Profile; fast: boolean } {
  if (fast) {
    const profile = fastProfile(bytes, policy, asOf, limits);
    if (profile) return { profile, fast: true };
  }
  return { profile: parseProfileText(bytes, file, policy, { ...limits, asOf }), fast: false };
}

/** A report's line for an eligible or needs-info result, with its reasons as rendered (or none). */
function programLine(r: ProgramResult, lang: Lang, reasons: string[]): ProgramLine {
  return { program: r.program.id, title: r.program.title[lang], clause: r.program.clause, status: r.status as ProgramLine["status"], kind: r.amount.kind, yuan: r.amount.yuan, reasons, missing: [...r.missing], lowYuan: lowestYuan(r) };
}

/** The amount at the program's lowest reading: the least of its amount and its `alternatives` (spec/output.md). */
export function lowestYuan(r: ProgramResult): number | null {
  let low = r.amount.yuan;
  for (const a of r.alternatives) if (a.yuan !== null && (low === null || a.yuan < low)) low = a.yuan;
  return low;
}

/** One problem as the JSON reports keep it. */
function issue(e: SubsidyError): ProfileFailed["error"]["issues"][number] {
  const i: ProfileFailed["error"]["issues"][number] = { message: e.message };
  if (e.location.line !== undefined) i.line = e.location.line;
  if (e.location.path !== undefined) i.path = e.location.path;
  return i;
}

export function failed(file: string, e: SubsidyError): ProfileFailed {
  const error: ProfileFailed["error"] = { message: e.message, text: e.format(), issues: (e instanceof ValidationErrors ? e.issues : [e]).map(issue) };
  if (e.location.line !== undefined) error.line = e.location.line;
  if (e.location.path !== undefined) error.path = e.location.path;
  return { ok: false, file, error };
}

/**
 * A file → its outcome: read, parsed, validated and evaluated, or the reason it could not be.
 * `bytes`: the file's contents when the reader thread has read them already; otherwise it is read here.
 */
export function evaluateFile(file: string, ctx: EvalContext, bytes?: Uint8Array): Outcome {
  let loaded: { profile: Profile; fast: boolean };
  try {
    loaded = loadProfileBytes(bytes ?? readRegularFile(file, "profile", ctx.limits?.maxBytes ?? DEFAULT_MAX_BYTES), file, ctx.policy, ctx.asOf, ctx.fast ?? true, ctx.limits);
  } catch (e) {
    // Nothing in a profile may stop the batch: even a fault the loader did not foresee is this file's error.
    return failed(file, e instanceof SubsidyError ? e : unforeseen(file, e));
  }
  return evaluateProfile(file, loaded.profile, ctx);
}

/** A profile already loaded (a file's, or an enterprise row of a workbook) → its outcome, shown under `file`. */
export function evaluateProfile(file: string, profile: Profile, ctx: EvalContext): Outcome {
  const withReasons = ctx.reasons ?? true;
  // The JSON report prints every result's reasons, the CSV report those of the programs that apply.
  const evaluation = evaluate(ctx.policy, profile, ctx.asOf, { reasons: ctx.json ? "all" : withReasons ? "applicable" : "none", reading: ctx.reading ?? "adopted" });
  const meta = profileMeta(file, profile);
  const rctx = { lang: ctx.lang, policy: ctx.policy, unit: ctx.unit };
  const opportunities = ctx.opportunities ? findOpportunities(ctx.policy, profile, ctx.asOf, evaluation, (ctx.opportunityCache ??= new Map())) : undefined;
  const programs: ProgramLine[] = [];
  // The JSON entry: each result's document, serialized.
  const parts: string[] | undefined = ctx.json ? [] : undefined;
  for (const r of evaluation.results) {
    if (r.status === "ineligible") {
      if (parts) parts.push(JSON.stringify(resultDoc(r, rctx)));
      continue;
    }
    if (!parts && !withReasons) {
      // No report of this run prints reasons: the line without rendering a word of them.
      programs.push(programLine(r, ctx.lang, []));
      continue;
    }
    if (!parts) {
      // Only the reasons are printed (the CSV report): not the rest of the check document (the items' notes).
      // Another reading's sum (issue 16) goes with the reasons, where the spreadsheet has no column for it.
      programs.push(programLine(r, ctx.lang, [...reasonsText(r, rctx), ...alternativesText(r, rctx)]));
      continue;
    }
    const d = resultDoc(r, rctx);
    programs.push(programLine(r, ctx.lang, [...d.reasons, ...alternativesText(r, rctx)]));
    parts.push(JSON.stringify(d));
  }
  const out: ProfileOk = {
    ok: true,
    file,
    name: meta.name,
    fixedYuan: evaluation.totals.fixedYuan,
    maxYuan: evaluation.totals.maxYuan,
    conservativeFixedYuan: evaluation.totals.conservativeFixedYuan,
    conservativeMaxYuan: evaluation.totals.conservativeMaxYuan,
    programs,
  };
  if (ctx.todo) for (const line of programs) line.todo = line.missing.map((path) => describeMissing(path, profile, rctx));
  if (meta.district !== undefined) out.district = meta.district;
  // The engine returns the run's shared warnings array unless this profile adds its own (issue 16).
  const own = evaluation.warnings.slice(policyWarnings(ctx.policy, ctx.asOf).length).map((m) => say(m, rctx));
  // A client outside Zibo adds ¥0 to the totals: the report says why, never silently (issue 16).
  const district = evaluation.results[0]?.conditions.find((c) => c.check === "district");
  if (district?.outcome === "not-met") own.unshift(noneText(evaluation, rctx));
  if (own.length > 0) out.warnings = own;
  if (profile.enterprise.credit_code !== undefined) out.creditCode = profile.enterprise.credit_code;
  if (profile.enterprise.ownership !== undefined) out.ownership = profile.enterprise.ownership;
  const oppDocs = opportunities ? opportunityDocs(opportunities, rctx) : undefined;
  if (oppDocs) out.opportunities = oppDocs;
  if (parts) {
    // Exactly JSON.stringify of the check document without policy and asOf (same members, same order).
    const warnings = JSON.stringify(evaluation.warnings.map((m) => say(m, rctx)));
    out.json = `{"warnings":${warnings},"profile":${JSON.stringify({ file: meta.file, name: meta.name })},"results":[${parts.join(",")}],"totals":${JSON.stringify(evaluation.totals)}${oppDocs ? `,"opportunities":${JSON.stringify(oppDocs)}` : ""}}`;
  }
  return out;
}

/** `check --format csv`: one row per program and profile, for Excel (BOM, RFC 4180 quoting, formula-safe cells). */
import { say, t, type RenderContext } from "../i18n/index.js";
import type { LoadedPolicy } from "../types.js";
import { CSV_BOM, csvRow } from "./cells.js";
import type { Evaluated } from "./document.js";
import { alternativesText, joinList } from "./report.js";

const COLUMNS = [
  "csv.enterprise",
  "csv.file",
  "csv.program",
  "csv.title",
  "csv.clause",
  "csv.status",
  "csv.kind",
  "csv.yuan",
  "csv.reasons",
  "csv.missing",
  "csv.departments",
  "csv.asOf",
  "csv.policy",
  "csv.policyVersion",
  "csv.sha256",
  "csv.warnings",
] as const;

export function renderCsv(profiles: Evaluated[], ctx: RenderContext & { policy: LoadedPolicy }): string {
  let out = CSV_BOM + csvRow(COLUMNS.map((k) => t(k, ctx)));
  const policy = ctx.policy;
  for (const { meta, evaluation } of profiles) {
    const warnings = evaluation.warnings.map((w) => say(w, ctx)).join("\n");
    for (const r of evaluation.results) {
      out += csvRow([
        meta.name,
        meta.file,
        r.program.id,
        r.program.title[ctx.lang],
        r.program.clause,
        t(`ui.status.${r.status}`, ctx),
        t(`ui.kind.${r.amount.kind}`, ctx),
        r.amount.yuan,
        // Another reading's sum (issue 16) goes with the reasons: the columns are a contract.
        [...r.reasons.map((m) => say(m, ctx)), ...alternativesText(r, ctx)].join("\n"),
        r.missing.join("\n"),
        joinList(r.program.departments, ctx),
        evaluation.asOf,
        policy.data.id,
        policy.data.version,
        policy.sha256,
        warnings,
      ]);
    }
  }
  return out;
}

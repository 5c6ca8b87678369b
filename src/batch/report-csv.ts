/**
 * The spreadsheet report: one row per enterprise × eligible or needs-info program, with the
 * enterprise's key facts on every row so that a filter or pivot in Excel needs nothing else.
 * An enterprise with no such program gets one row without a program, and a file that could not be
 * evaluated gets one row with its error, so that nothing is lost. UTF-8 BOM, RFC 4180 quoting,
 * formula-like cells neutralised, numbers as numbers (src/render/cells.ts).
 */
import { CSV_BOM, csvRow } from "../render/cells.js";
import { labelOf, t } from "../i18n/index.js";
import type { ReportContext, ReportRenderer } from "./report.js";

const PROVENANCE = ["policyId", "policyVersion", "policySha256", "asOf", "warnings"];
const COLUMNS = ["file", "enterprise", "creditCode", "district", "ownership", "enterpriseFixed", "enterpriseMax", "program", "title", "clause", "status", "kind", "yuan", "missing", "reasons"];

export function csvReport(ctx: ReportContext): ReportRenderer {
  // Every row says where it came from, so a row copied out of the file is still traceable (docs/policy.md).
  const where = [ctx.policy.data.id, ctx.policy.data.version, ctx.policy.sha256, ctx.asOf, ctx.warnings.join(" | ")];
  return {
    head: () => CSV_BOM + csvRow([...COLUMNS, ...PROVENANCE].map((c) => t(`batch.csv.${c}`, ctx))),
    row: (o) => {
      if (!o.ok) return csvRow([o.file, "", "", "", "", null, null, "", "", "", t("batch.status.error", ctx), "", null, "", o.error.text, ...where]);
      const facts = [o.file, o.name, o.creditCode ?? "", o.district ?? "", o.ownership === undefined ? "" : labelOf(o.ownership, ctx), o.fixedYuan, o.maxYuan];
      if (o.programs.length === 0) return csvRow([...facts, "", "", "", "", "", null, "", "", ...where]);
      return o.programs
        .map((p) =>
          csvRow([...facts, p.program, p.title, p.clause, t(`ui.status.${p.status}`, ctx), t(`ui.kind.${p.kind}`, ctx), p.status === "eligible" ? p.yuan : null, p.missing.join("; "), p.reasons.join("\n"), ...where]),
        )
        .join("");
    },
    tail: () => "",
  };
}

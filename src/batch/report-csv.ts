/**
 * The spreadsheet report: one row per enterprise × eligible or needs-info program, with the
 * enterprise's key facts on every row so that a filter or pivot in Excel needs nothing else.
 * An enterprise with no such program gets one row without a program, and a file that could not be
 * evaluated gets one row with its error, so that nothing is lost. UTF-8 BOM, RFC 4180 quoting,
 * formula-like cells neutralised, numbers as numbers (src/render/cells.ts).
 */
import { CSV_BOM, csvCell, csvRow, csvTextCell } from "../render/cells.js";
import { labelOf, t } from "../i18n/index.js";
import type { ReportContext, ReportRenderer } from "./report.js";

const PROVENANCE = ["policyId", "policyVersion", "policySha256", "asOf", "warnings"];
const COLUMNS = ["file", "enterprise", "creditCode", "district", "ownership", "enterpriseFixed", "enterpriseMax", "program", "title", "clause", "status", "kind", "yuan", "missing", "reasons"];

/** Cells joined as csvRow joins them, without the line end: rows are put together from such groups. */
const cells = (xs: (string | number | null)[]): string => xs.map(csvCell).join(",");

export function csvReport(ctx: ReportContext): ReportRenderer {
  // Every row says where it came from, so a row copied out of the file is still traceable (docs/policy.md).
  // Lists in a cell (missing facts, reasons, warnings) are one per line, as in the CSV of `subsidy check`.
  const where = [ctx.policy.data.id, ctx.policy.data.version, ctx.policy.sha256, ctx.asOf, ctx.warnings.join("\n")];
  // The same on every row, or on every row of a program: quoted once.
  const rowEnd = `,${cells(where)}\r\n`;
  const programCells = new Map<string, string>();
  return {
    head: () => CSV_BOM + csvRow([...COLUMNS, ...PROVENANCE].map((c) => t(`batch.csv.${c}`, ctx))),
    // Each row is exactly csvRow of all its cells: the cells up to the provenance as text, then rowEnd.
    row: (o) => {
      if (!o.ok) return [cells([o.file, "", "", "", "", null, null, "", "", "", t("batch.status.error", ctx), "", null, "", o.error.text]), rowEnd];
      // A profile with its own warnings (items after --as-of, left out) says them on each of its rows.
      const end = o.warnings ? `,${cells([...where.slice(0, -1), [...ctx.warnings, ...o.warnings].join("\n")])}\r\n` : rowEnd;
      // The credit code stays text in Excel (csvTextCell).
      const factCells = `${cells([o.file, o.name])},${csvTextCell(o.creditCode ?? "")},${cells([o.district ?? "", o.ownership === undefined ? "" : labelOf(o.ownership, ctx), o.fixedYuan, o.maxYuan])}`;
      if (o.programs.length === 0) return [`${factCells},${cells(["", "", "", "", "", null, "", ""])}`, end];
      // The enterprise's facts, the program's, the amount, missing and reasons.
      const out: string[] = [];
      for (const p of o.programs) {
        const key = `${p.program}\u0000${p.status}\u0000${p.kind}`;
        let program = programCells.get(key);
        if (program === undefined) {
          program = cells([p.program, p.title, p.clause, t(`ui.status.${p.status}`, ctx), t(`ui.kind.${p.kind}`, ctx)]);
          programCells.set(key, program);
        }
        out.push(`${factCells},${program},${csvCell(p.status === "eligible" ? p.yuan : null)},${csvCell(p.missing.join("\n"))},${csvCell(p.reasons.join("\n"))}`, end);
      }
      return out;
    },
    tail: () => "",
  };
}

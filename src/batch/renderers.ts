/** The batch report renderers by format . */
import type { ReportContext, ReportFormat, ReportRenderer } from "./report.js";
import { tableReport } from "./report-table.js";
import { jsonReport } from "./report-json.js";
import { csvReport } from "./report-csv.js";
import { mdReport } from "./report-md.js";
import { xlsxReport } from "./report-xlsx.js";

export const RENDERERS: Record<ReportFormat, (ctx: ReportContext) => ReportRenderer> = { table: tableReport, json: jsonReport, csv: csvReport, md: mdReport, xlsx: xlsxReport };

/**
 * The workbook report of a batch, first step: each outcome as one line of JSON, rendered as each
 * profile is evaluated, like every other report. The batch command spools these
 * lines to a temporary file and, once the batch is done, streams them into the workbook's sheets one
 * sheet after another (src/xlsx/report.ts): memory stays bounded whatever the number of profiles.
 */
import type { ReportContext, ReportRenderer } from "./report.js";

export function xlsxReport(_ctx: ReportContext): ReportRenderer {
  return { head: () => "", row: (o) => JSON.stringify(o) + "\n", tail: () => "" };
}

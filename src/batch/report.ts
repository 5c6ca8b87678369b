/**
 * Batch reports are pure renderers fed in three steps, so that a report of any size streams out as
 * the profiles are evaluated: head() once, row() per profile in sorted order, tail() with the totals.
 */
import type { RenderContext } from "../i18n/index.js";
import { formatForPath } from "../render/formats.js";
import type { LoadedPolicy } from "../types.js";
import type { Outcome } from "./evaluate-one.js";
import type { BatchSummary } from "./summary.js";

export interface ReportContext extends RenderContext {
  policy: LoadedPolicy;
  lang: RenderContext["lang"];
  asOf: string;
  color: boolean;
  /** The policy-window warnings for asOf, rendered (provenance() in src/render/document.ts). */
  warnings: string[];
  /** The folder given on the command line: the screen shows paths relative to it. */
  base?: string;
  /** Terminal width (screen report only). */
  width?: number;
}

export interface ReportRenderer {
  head(): string;
  /** `index` is the profile's 0-based position in the batch. */
  row(o: Outcome, index: number): string | readonly string[];
  tail(s: BatchSummary): string;
}

export type ReportFormat = "table" | "json" | "csv" | "md" | "xlsx";
export const REPORT_FORMATS: readonly ReportFormat[] = ["table", "json", "csv", "md", "xlsx"];

export function isReportFormat(f: string): f is ReportFormat {
  return (REPORT_FORMATS as readonly string[]).includes(f);
}

/** The format a report file's name asks for (as `check --out` reads it), or undefined; batch writes no HTML. */
export function formatFromExtension(file: string): ReportFormat | undefined {
  const f = formatForPath(file);
  return f !== undefined && isReportFormat(f) ? f : undefined;
}

/**
 * `subsidy batch DIR`: every profile in a folder → a summary on screen and, with --out, a report
 * file written atomically. One bad file never stops the others; the run exits 1 when any failed.
 */
import { SubsidyError, EXIT } from "../errors.js";
import { loadPolicy } from "../policy/load.js";
import { AtomicStream, checkTarget } from "../io/write.js";
import { t } from "../i18n/index.js";
import { provenance } from "../render/document.js";
import { walk } from "../batch/walk.js";
import { runBatch } from "../batch/run.js";
import { SummaryBuilder } from "../batch/summary.js";
import { formatFromExtension, isReportFormat, REPORT_FORMATS, type ReportContext, type ReportFormat, type ReportRenderer } from "../batch/report.js";
import { tableReport } from "../batch/report-table.js";
import { jsonReport } from "../batch/report-json.js";
import { csvReport } from "../batch/report-csv.js";
import { mdReport } from "../batch/report-md.js";
import type { CommonOptions } from "./options.js";
import type { Io } from "./check.js";
import type { ParseOptions } from "../parse/document.js";

export interface BatchOptions extends CommonOptions {
  recursive: boolean;
  out?: string;
  format?: string;
  /** --max-file-size, --max-depth, --max-items (defaults when absent). */
  limits?: ParseOptions;
}

export interface BatchIo extends Io {
  /** Where the progress bar goes (stderr), when it is a terminal; absent otherwise. */
  progress?: { write(s: string): void; columns?: number };
}

const renderers: Record<ReportFormat, (ctx: ReportContext) => ReportRenderer> = { table: tableReport, json: jsonReport, csv: csvReport, md: mdReport };

/** Collects small writes into large ones: thousands of rows cost a few system calls. */
class Buffered {
  private parts: string[] = [];
  private size = 0;
  constructor(private readonly sink: (s: string) => void) {}
  write(s: string): void {
    this.parts.push(s);
    this.size += s.length;
    if (this.size >= 1 << 16) this.flush();
  }
  flush(): void {
    if (this.size === 0) return;
    this.sink(this.parts.join(""));
    this.parts = [];
    this.size = 0;
  }
}

export async function runBatchCommand(dir: string, o: BatchOptions, io: BatchIo): Promise<number> {
  if (o.format !== undefined && !isReportFormat(o.format)) {
    throw new SubsidyError("usage", `--format ${o.format}: expected one of ${REPORT_FORMATS.join(", ")}`);
  }
  let fileFormat: ReportFormat | undefined;
  if (o.out !== undefined) {
    fileFormat = (o.format as ReportFormat | undefined) ?? formatFromExtension(o.out);
    if (!fileFormat) throw new SubsidyError("usage", `--out ${o.out}: cannot tell the format from the name; end it in .csv, .json or .md, or add --format csv|json|md`);
  }
  const policy = loadPolicy(o.policyFile);
  const entries = walk(dir, { recursive: o.recursive });
  if (entries.length === 0) throw new SubsidyError("usage", t("batch.noFiles", { lang: o.lang }, { dir }));

  const { warnings } = provenance(policy, o.asOf, { lang: o.lang, policy, unit: o.unit });
  const ctx: ReportContext = { policy, lang: o.lang, unit: o.unit, asOf: o.asOf, warnings, color: o.color, width: o.width, base: dir };
  const screenFormat: ReportFormat = o.out !== undefined ? "table" : ((o.format as ReportFormat | undefined) ?? "table");
  const stdout = new Buffered(io.out);
  const sinks: { r: ReportRenderer; w: { write(s: string): void } }[] = [{ r: renderers[screenFormat]({ ...ctx, color: screenFormat === "table" && o.color }), w: stdout }];

  let stream: AtomicStream | undefined;
  let fileOut: Buffered | undefined;
  const cleanup = () => stream?.abort();
  if (o.out !== undefined && fileFormat) {
    checkTarget(o.out, { protect: entries.map((e) => e.file) });
    stream = new AtomicStream(o.out, { protect: entries.map((e) => e.file) });
    process.once("exit", cleanup);
    const s = stream;
    fileOut = new Buffered((x) => s.write(x));
    sinks.push({ r: renderers[fileFormat]({ ...ctx, color: false }), w: fileOut });
  }

  const summary = new SummaryBuilder(policy, o.lang);
  const progress = progressBar(io.progress, entries.length, ctx);
  try {
    for (const s of sinks) s.w.write(s.r.head());
    let index = 0;
    await runBatch(
      entries,
      { policy, asOf: o.asOf, lang: o.lang, unit: o.unit, json: screenFormat === "json" || fileFormat === "json", ...(o.limits ? { limits: o.limits } : {}) },
      {
        onOutcome: (outcome) => {
          summary.add(outcome);
          for (const s of sinks) s.w.write(s.r.row(outcome, index));
          index++;
        },
        onProgress: progress.update,
      },
    );
    progress.clear();
    for (const s of sinks) s.w.write(s.r.tail(summary.summary));
    fileOut?.flush();
    stream?.commit();
    stdout.flush();
  } catch (e) {
    progress.clear();
    stdout.flush();
    stream?.abort();
    throw e;
  } finally {
    process.removeListener("exit", cleanup);
  }
  if (o.out !== undefined) io.err(t("batch.wrote", ctx, { file: o.out, count: summary.summary.files }) + "\n");
  return summary.summary.errors.length > 0 ? EXIT.invalidProfile : EXIT.ok;
}

/** The report must be a regular file (or not exist yet), and never one of the input profiles, by any name. */

/** A one-line bar on a terminal's stderr, once the run is long enough to need one; cleared at the end. */
function progressBar(term: BatchIo["progress"], total: number, ctx: ReportContext) {
  const started = Date.now();
  let shown = false;
  let last = 0;
  return {
    update: (done: number) => {
      if (!term) return;
      const now = Date.now();
      if (!shown && total <= 200 && now - started < 1000) return;
      if (shown && now - last < 100 && done < total) return;
      shown = true;
      last = now;
      const width = Math.max(10, Math.min(40, (term.columns ?? 80) - 30));
      const filled = Math.round((done / total) * width);
      term.write(`\r[${"#".repeat(filled)}${" ".repeat(width - filled)}] ${t("batch.progress", ctx, { done, total })}\u001b[K`);
    },
    clear: () => {
      if (term && shown) term.write("\r\u001b[K");
      shown = false;
    },
  };
}

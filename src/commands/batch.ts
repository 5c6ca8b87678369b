/**
 * `subsidy batch DIR`: every profile in a folder → a summary on screen and, with --out, a report
 * file written atomically. One bad file never stops the others; the run exits 1 when any failed.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { SubsidyError, EXIT } from "../errors.js";
import { loadPolicyForCommand } from "../policy/compiled.js";
import { AtomicStream, checkOutName, checkTarget } from "../io/write.js";
import { t } from "../i18n/index.js";
import { provenance } from "../render/document.js";
import { isProfileName, walk } from "../batch/walk.js";
import { runBatch, type BatchEntry } from "../batch/run.js";
import { isWorkbookName } from "../xlsx/name.js";
import { SummaryBuilder } from "../batch/summary.js";
import { formatFromExtension, isReportFormat, REPORT_FORMATS, type ReportContext, type ReportFormat, type ReportRenderer } from "../batch/report.js";
import { RENDERERS } from "../batch/renderers.js";
import type { CommonOptions } from "./options.js";
import type { Io } from "./check.js";
import type { ParseOptions } from "../parse/document.js";

export interface BatchOptions extends CommonOptions {
  recursive: boolean;
  /** With recursive: follow symbolic links to folders (never out of a cycle or up to a folder holding this one). */
  followLinks?: boolean;
  out?: string;
  format?: string;
  /** --max-file-size, --max-depth, --max-items (defaults when absent). */
  limits?: ParseOptions;
  /** Look for what else each enterprise could obtain, and the pipeline across them. */
  opportunities?: boolean;
}

export interface BatchIo extends Io {
  /** Where the progress bar goes (stderr), when it is a terminal; absent otherwise. */
  progress?: { write(s: string): void; columns?: number };
}

/**
 * A write buffer: rows are encoded into it as UTF-8 and handed to `sink` whenever it fills (and at
 * flush()), so that thousands of rows cost a few system calls. The sink must be done with the bytes
 * when it returns (a synchronous write, or a copy): the same buffer is filled again.
 */
class Buffered {
  private buf: Buffer;
  private used = 0;
  constructor(
    private readonly sink: (bytes: Uint8Array) => void,
    size = 1 << 16,
  ) {
    this.buf = Buffer.allocUnsafeSlow(size);
  }
  write(c: string | readonly string[]): void {
    if (typeof c !== "string") {
      for (let i = 0; i < c.length; i++) this.write(c[i] as string);
      return;
    }
    if (c.length === 0) return;
    // At most three bytes of UTF-8 per UTF-16 unit.
    this.room(c.length * 3);
    this.used += this.buf.write(c, this.used, "utf8");
  }
  private room(n: number): void {
    if (this.buf.length - this.used >= n) return;
    this.flush();
    if (this.buf.length < n) this.buf = Buffer.allocUnsafeSlow(n);
  }
  flush(): void {
    if (this.used > 0) this.sink(this.buf.subarray(0, this.used));
    this.used = 0;
  }
}

export async function runBatchCommand(dir: string, o: BatchOptions, io: BatchIo): Promise<number> {
  if (o.format !== undefined && !isReportFormat(o.format)) {
    throw new SubsidyError("usage", { key: "err.usage.format", params: { value: o.format, formats: REPORT_FORMATS.join("|") } });
  }
  let fileFormat: ReportFormat | undefined;
  if (o.out !== undefined) {
    // '' and a folder are refused for what they are, before the format is guessed from the name.
    checkOutName(o.out);
    fileFormat = (o.format as ReportFormat | undefined) ?? formatFromExtension(o.out);
    if (!fileFormat) throw new SubsidyError("usage", { key: "err.usage.outFormat", params: { out: o.out } });
  } else if (o.format === "xlsx") {
    throw new SubsidyError("usage", { key: "xlsx.needsOut", params: {} });
  }
  const policy = await loadPolicyForCommand(o.policyFile);
  const workbook = isWorkbookName(dir);
  const entries: BatchEntry[] = workbook ? await (await import("../xlsx/client.js")).readClientWorkbook(dir, policy, o.asOf) : walk(dir, { recursive: o.recursive, followLinks: o.followLinks ?? false, onSkip: (n) => io.err(n.format() + "\n") });
  const inputs = workbook ? [dir] : entries;
  // The workbook is written at the end, through its own spool: its name is checked before any work, as every
  // other report's is when its stream opens (the extension of its format, never an input, never a link).
  if (fileFormat === "xlsx" && o.out !== undefined) checkTarget(o.out, { protect: inputs, format: "xlsx" });
  if (entries.length === 0) throw new SubsidyError("usage", t("batch.noFiles", { lang: o.lang }, { dir }));

  const { warnings } = provenance(policy, o.asOf, { lang: o.lang, policy, unit: o.unit });
  const ctx: ReportContext = { lang: o.lang, unit: o.unit, asOf: o.asOf, warnings, color: o.color, width: o.width, ...(workbook ? {} : { base: dir }), policy };
  const screenFormat: ReportFormat = o.out !== undefined ? "table" : ((o.format as ReportFormat | undefined) ?? "table");
  const stdout = new Buffered((bytes) => {
    // A copy: the buffer is filled again once this returns, and a pipe may take the bytes later.
    if (io.outBytes) io.outBytes(Buffer.from(bytes));
    else io.out(Buffer.from(bytes).toString("utf8"));
  });
  // The screen report and the --out report: head, a row per outcome as it comes, tail.
  const formats: ReportFormat[] = [screenFormat];
  const sinks: { r: ReportRenderer; w: Buffered }[] = [{ r: RENDERERS[screenFormat]({ ...ctx, color: screenFormat === "table" && o.color }), w: stdout }];

  let stream: AtomicStream | undefined;
  let fileOut: Buffered | undefined;
  const cleanup = () => stream?.abort();
  if (o.out !== undefined && fileFormat) {
    // A workbook is written once the batch is done: meanwhile its rows go to a spool file beside it.
    stream = fileFormat === "xlsx" ? new AtomicStream(`${o.out}.rows`, { protect: inputs }) : new AtomicStream(o.out, { protect: inputs, format: fileFormat });
    process.once("exit", cleanup);
    const s = stream;
    fileOut = new Buffered((bytes) => s.writev([bytes]), 1 << 20);
    formats.push(fileFormat);
    sinks.push({ r: RENDERERS[fileFormat]({ ...ctx, color: false }), w: fileOut });
  }

  // Each enterprise's opportunities and the pipeline across them, in every report, on request only: looking
  // for them re-evaluates each program under each candidate change, which made the JSON report of 10,000
  // profiles half as slow again (3.0 → 4.6 s, 110 → 144 MB; node bench/run.mjs batch's folder, interleaved).
  const opportunities = o.opportunities ?? false;
  const summary = new SummaryBuilder(policy, o.lang, opportunities);
  const progress = progressBar(io.progress, entries.length, ctx);
  try {
    for (const s of sinks) s.w.write(s.r.head());
    await runBatch(
      entries,
      { policy, asOf: o.asOf, lang: o.lang, unit: o.unit, ...(o.reading ? { reading: o.reading } : {}), formats, opportunities, ...(o.limits ? { limits: o.limits } : {}) },
      {
        onOutcome: (outcome, index) => {
          summary.add(outcome);
          for (const s of sinks) s.w.write(s.r.row(outcome, index));
        },
        onProgress: progress.update,
        // Rows on screen as they come: what is buffered goes out whenever the run lets signals through.
        onPause: () => stdout.flush(),
      },
    );
    progress.clear();
    for (const s of sinks) s.w.write(s.r.tail(summary.summary));
    fileOut?.flush();
    if (fileFormat === "xlsx" && stream && o.out !== undefined) {
      const spool = stream.tmp;
      const { writeReportWorkbook, spooled } = await import("../xlsx/report.js");
      await writeReportWorkbook(o.out, { policy, lang: o.lang, unit: o.unit, asOf: o.asOf, warnings }, () => spooled(spool), summary.summary, inputs);
      stream.abort();
    } else stream?.commit();
    stdout.flush();
  } catch (e) {
    progress.clear();
    stdout.flush();
    stream?.abort();
    throw e;
  } finally {
    process.removeListener("exit", cleanup);
  }
  if (o.out !== undefined) {
    io.err(t("batch.wrote", ctx, { file: o.out, count: summary.summary.files }) + "\n");
    if (readLater(o.out, dir, o.recursive)) io.err(t("batch.outInside", ctx, { file: o.out, dir }) + "\n");
  }
  return summary.summary.errors.length > 0 ? EXIT.invalidProfile : EXIT.ok;
}

/**
 * Whether a later batch of the same folder would read the report as a profile: a profile's extension
 * (a JSON report named .json), in the folder itself or, with --recursive, in one below it.
 */
function readLater(out: string, dir: string, recursive: boolean): boolean {
  if (!isProfileName(path.basename(out))) return false;
  try {
    const rel = path.relative(fs.realpathSync(dir), fs.realpathSync(path.dirname(path.resolve(out))));
    return rel === "" || (recursive && !rel.startsWith("..") && !path.isAbsolute(rel));
  } catch {
    return false;
  }
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

/**
 * A chunk of a batch → its report rows as bytes and its share of the totals. The same code runs on
 * the main thread and in the worker threads: a worker hands back one buffer per report (moved, not
 * copied) and a summary of a few dozen numbers, never thousands of result objects to clone.
 */
import type { EvalContext, ProfileFailed } from "./evaluate-one.js";
import { evaluateFile } from "./evaluate-one.js";
import type { Chunk, ReportContext, ReportFormat, ReportRenderer } from "./report.js";
import { RENDERERS } from "./renderers.js";
import { SummaryBuilder, type BatchSummary } from "./summary.js";

/** One report of the run (the screen, the --out file): its format and its settings, the policy aside. */
export interface ReportSpec {
  format: ReportFormat;
  ctx: Omit<ReportContext, "policy">;
}

export interface ChunkContext extends EvalContext {
  reports: ReportSpec[];
}

/** A file to evaluate, or one the walk already found unreadable. */
export type ChunkItem = { file: string; failed?: ProfileFailed };

export interface ChunkResult {
  /**
   * The rows of each report, in `reports` order, UTF-8: a list of pieces to write in order (this
   * thread), or one buffer of its own (a worker's, so that it can be moved to the main thread).
   */
  outputs: (Uint8Array | Uint8Array[])[];
  summary: BatchSummary;
}

/**
 * Evaluates chunks with the renderers of `ctx`, built once. `first` is the chunk's position in the
 * batch. With `transferable`, each output is one buffer with an ArrayBuffer of its own.
 */
export function chunkProcessor(ctx: ChunkContext, transferable = false): (items: readonly ChunkItem[], first: number) => ChunkResult {
  const renderers: ReportRenderer[] = ctx.reports.map((r) => RENDERERS[r.format]({ ...r.ctx, policy: ctx.policy }));
  return (items, first) => {
    const summary = new SummaryBuilder(ctx.policy, ctx.lang);
    const outs = renderers.map(() => new Bytes());
    items.forEach((item, k) => {
      const o = item.failed ?? evaluateFile(item.file, ctx);
      summary.add(o);
      renderers.forEach((r, i) => (outs[i] as Bytes).add(r.row(o, first + k)));
    });
    return { outputs: outs.map((b) => (transferable ? b.joined() : b.pieces())), summary: summary.summary };
  };
}

/** Collects text and bytes: as pieces to write out as they are, or joined into one fresh buffer. */
class Bytes {
  private parts: Uint8Array[] = [];
  private text = "";
  private size = 0;
  add(c: Chunk | readonly Chunk[]): void {
    if (typeof c === "string") this.text += c;
    else if (c instanceof Uint8Array) this.bytes(c);
    else for (const x of c) this.add(x);
  }
  private bytes(b: Uint8Array): void {
    this.flushText();
    this.parts.push(b);
    this.size += b.length;
  }
  private flushText(): void {
    if (this.text === "") return;
    const b = Buffer.from(this.text, "utf8");
    this.text = "";
    this.parts.push(b);
    this.size += b.length;
  }
  pieces(): Uint8Array[] {
    this.flushText();
    const out = this.parts;
    this.parts = [];
    this.size = 0;
    return out;
  }
  /** One buffer with an ArrayBuffer of its own, so that it can be transferred to another thread. */
  joined(): Uint8Array {
    this.flushText();
    const out = new Uint8Array(this.size);
    let off = 0;
    for (const p of this.parts) {
      out.set(p, off);
      off += p.length;
    }
    this.parts = [];
    this.size = 0;
    return out;
  }
}

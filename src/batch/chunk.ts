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
  /** The rows of each report, in `reports` order: UTF-8 pieces to write in order. */
  outputs: Uint8Array[][];
  summary: BatchSummary;
}

/**
 * Evaluates chunks with the renderers of `ctx`, built once. `first` is the chunk's position in the batch;
 * `contents`, the files' bytes where the reader thread has read them already.
 */
export function chunkProcessor(ctx: ChunkContext): (items: readonly ChunkItem[], first: number, contents?: readonly (Uint8Array | undefined)[]) => ChunkResult {
  const renderers: ReportRenderer[] = ctx.reports.map((r) => RENDERERS[r.format]({ ...r.ctx, policy: ctx.policy }));
  return (items, first, contents) => {
    const summary = new SummaryBuilder(ctx.policy, ctx.lang);
    const outs = renderers.map(() => new Bytes());
    items.forEach((item, k) => {
      const o = item.failed ?? evaluateFile(item.file, ctx, contents?.[k]);
      summary.add(o);
      renderers.forEach((r, i) => (outs[i] as Bytes).add(r.row(o, first + k)));
    });
    return { outputs: outs.map((b) => b.pieces()), summary: summary.summary };
  };
}

/** Collects text and bytes as UTF-8 pieces: bytes as they are, runs of text encoded once. */
export class Bytes {
  private parts: Uint8Array[] = [];
  private text = "";
  private bytesSize = 0;
  add(c: Chunk | readonly Chunk[]): void {
    if (typeof c === "string") this.text += c;
    else if (c instanceof Uint8Array) this.bytes(c);
    else for (const x of c) this.add(x);
  }
  /** About how many bytes are held (text counted in characters). */
  get size(): number {
    return this.bytesSize + this.text.length;
  }
  private bytes(b: Uint8Array): void {
    this.flushText();
    this.parts.push(b);
    this.bytesSize += b.length;
  }
  private flushText(): void {
    if (this.text === "") return;
    const b = Buffer.from(this.text, "utf8");
    this.text = "";
    this.parts.push(b);
    this.bytesSize += b.length;
  }
  /** The pieces so far, in order; the collector starts afresh. */
  pieces(): Uint8Array[] {
    this.flushText();
    const out = this.parts;
    this.parts = [];
    this.bytesSize = 0;
    return out;
  }
}

/**
 * The pieces joined into one buffer with an ArrayBuffer of its own, so that it can be moved to another
 * thread (Buffer.concat may return a slice of Node's shared pool, which must never be transferred).
 */
export function ownBuffer(pieces: readonly Uint8Array[]): Uint8Array {
  let size = 0;
  for (const p of pieces) size += p.length;
  const out = new Uint8Array(size);
  let off = 0;
  for (const p of pieces) {
    out.set(p, off);
    off += p.length;
  }
  return out;
}

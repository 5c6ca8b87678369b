/**
 * A chunk of a batch → its report rows as bytes and its share of the totals. The same code runs on
 * the main thread and in the worker threads: a worker hands back one buffer per report (moved, not
 * copied) and a summary of a few dozen numbers, never thousands of result objects to clone.
 */
import type { EvalContext, ProfileFailed } from "./evaluate-one.js";
import { evaluateFile, evaluateProfile } from "./evaluate-one.js";
import type { Profile } from "../types.js";
import type { Chunk, ReportContext, ReportFormat, ReportRenderer } from "./report.js";
import { RENDERERS } from "./renderers.js";
import { SummaryBuilder, type BatchSummary } from "./summary.js";
import { setMessageLang } from "../i18n/index.js";

/** One report of the run (the screen, the --out file): its format and its settings, the policy aside. */
export interface ReportSpec {
  format: ReportFormat;
  ctx: Omit<ReportContext, "policy">;
}

export interface ChunkContext extends EvalContext {
  reports: ReportSpec[];
}

/** A file to evaluate, one the walk already found unreadable, or a profile already read (a workbook's enterprise). */
export type ChunkItem = { file: string; failed?: ProfileFailed; profile?: Profile };

export interface ChunkResult {
  /** The rows of each report, in `reports` order: UTF-8 pieces to write in order. */
  outputs: Uint8Array[][];
  summary: BatchSummary;
}

/**
 * Evaluates chunks with the renderers of `ctx`, built once. `first` is the chunk's position in the batch;
 * `contents`, the files' bytes where the reader thread has read them already. After `reuse()`, the next
 * chunk's rows are written over the last one's.
 */
export function chunkProcessor(ctx: ChunkContext): ((items: readonly ChunkItem[], first: number, contents?: readonly (Uint8Array | undefined)[]) => ChunkResult) & { reuse(): void } {
  // A worker thread starts with the default language: its errors (a file that fails) are the run's.
  setMessageLang(ctx.lang);
  const renderers: ReportRenderer[] = ctx.reports.map((r) => RENDERERS[r.format]({ ...r.ctx, policy: ctx.policy }));
  // One collector per report for all chunks: each starts its buffer at the size the last chunk needed.
  const outs = renderers.map(() => new Bytes());
  const run = (items: readonly ChunkItem[], first: number, contents?: readonly (Uint8Array | undefined)[]): ChunkResult => {
    const summary = new SummaryBuilder(ctx.policy, ctx.lang, ctx.opportunities ?? false);
    try {
      items.forEach((item, k) => {
        const o = item.failed ?? (item.profile ? evaluateProfile(item.file, item.profile, ctx) : evaluateFile(item.file, ctx, contents?.[k]));
        summary.add(o);
        renderers.forEach((r, i) => (outs[i] as Bytes).add(r.row(o, first + k)));
      });
    } catch (e) {
      // A chunk that fails leaves nothing behind for the next one.
      for (const b of outs) b.pieces();
      throw e;
    }
    return { outputs: outs.map((b) => b.pieces()), summary: summary.summary };
  };
  // The caller has written the last chunk's rows and keeps no reference to them (see Bytes.reuse).
  return Object.assign(run, { reuse: () => outs.forEach((b) => b.reuse()) });
}

/**
 * Collects text and bytes as UTF-8: text is encoded straight into a growing buffer, small byte pieces
 * (the shared, pre-encoded results of the JSON report) are copied after it, and large ones (a chunk's
 * whole rows, handed on by the batch command) are kept as they are. So a chunk of a JSON report becomes
 * one buffer, not thousands of small ones, and no text is encoded twice. A buffer handed out by
 * pieces() is never written again (the caller keeps it, or moves it to another thread).
 */
export class Bytes {
  private parts: Uint8Array[] = [];
  private buf: Buffer | undefined;
  /** The buffer last sealed, which reuse() writes over. */
  private last: Buffer | undefined;
  private used = 0;
  private partsSize = 0;
  /** The size to start a buffer at: the largest one sealed so far and an eighth, so that a run of like chunks seldom regrows. */
  private start: number;
  constructor(initial = 1 << 16) {
    this.start = initial;
  }
  add(c: Chunk | readonly Chunk[]): void {
    if (typeof c === "string") this.text(c);
    else if (c instanceof Uint8Array) this.bytes(c);
    else for (let i = 0; i < c.length; i++) this.add(c[i] as Chunk);
  }
  /** How many bytes are held. */
  get size(): number {
    return this.partsSize + this.used;
  }
  private room(n: number): Buffer {
    const b = this.buf;
    if (b && b.length - this.used >= n) return b;
    // A buffer of its own (never a slice of Node's shared pool): it is handed on whole.
    const grown = Buffer.allocUnsafeSlow(Math.max(n + this.used, b ? b.length * 2 : this.start));
    if (b) b.copy(grown, 0, 0, this.used);
    this.buf = grown;
    return grown;
  }
  private text(s: string): void {
    if (s.length === 0) return;
    // At most three bytes of UTF-8 per UTF-16 unit.
    const b = this.room(s.length * 3);
    this.used += b.write(s, this.used, "utf8");
  }
  private bytes(p: Uint8Array): void {
    if (p.length >= LARGE) {
      this.seal();
      this.parts.push(p);
      this.partsSize += p.length;
      return;
    }
    const b = this.room(p.length);
    b.set(p, this.used);
    this.used += p.length;
  }
  /** Ends the current buffer: what it holds becomes a piece. */
  private seal(): void {
    if (!this.buf || this.used === 0) return;
    if (this.used > this.start) this.start = Math.min(this.used + (this.used >> 3), MAX_START);
    this.parts.push(this.buf.subarray(0, this.used));
    this.partsSize += this.used;
    this.last = this.buf;
    this.buf = undefined;
    this.used = 0;
  }
  /**
   * Called right after pieces(), once they have been written and nothing refers to them any more: what
   * comes next is written over them, in the same memory, instead of in a new buffer whose pages the
   * system must map and clear again (measured: a tenth of the time of a batch that writes a report).
   */
  reuse(): void {
    if (this.parts.length > 0 || this.used > 0 || !this.last) return;
    this.buf = this.last;
    this.last = undefined;
  }
  /** Whether a large piece is held as it is (not copied) since pieces() was last called. */
  get holdsLarge(): boolean {
    return this.parts.length > 0;
  }
  /** The pieces so far, in order; the collector starts afresh. */
  pieces(): Uint8Array[] {
    this.seal();
    const out = this.parts;
    this.parts = [];
    this.partsSize = 0;
    return out;
  }
}

/** No buffer starts bigger than this, whatever came before. */
const MAX_START = 8 << 20;

/** Byte pieces at least this long are kept as they are rather than copied. */
const LARGE = 1 << 14;

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

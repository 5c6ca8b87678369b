/**
 * Evaluates the files of a batch in chunks and hands each chunk's report rows (bytes, one buffer per
 * report) and totals, in the walk's sorted order, to a callback as soon as it and all before it are
 * ready. No printing here: progress is a callback too.
 *
 * Small batches run on this thread. Large ones also use worker threads fed chunks of file paths; they
 * render the rows themselves and move the bytes back, so the hand-over costs no cloning. A reorder
 * buffer keeps the output sorted and streamable, and dispatch stops while too many chunks wait for an
 * earlier one, so memory stays bounded whatever the number of profiles.
 */
import type { ReadingMode } from "../engine/evaluate.js";
import { availableParallelism, loadavg } from "node:os";
import { Worker } from "node:worker_threads";
import type { MoneyUnit } from "../i18n/index.js";
import type { Lang, LoadedPolicy, Profile } from "../types.js";
import { failed } from "./evaluate-one.js";
import { chunkProcessor, type ChunkContext, type ChunkItem, type ChunkResult, type ReportSpec } from "./chunk.js";
import type { WalkEntry } from "./walk.js";
import type { ParseOptions } from "../parse/document.js";
import type { BatchSummary } from "./summary.js";
import { startPrefetch } from "./prefetch.js";
import { bundledScript } from "./bundled.js";
import { DEFAULT_MAX_BYTES } from "../parse/limits.js";

export interface RunOptions {
  policy: LoadedPolicy;
  asOf: string;
  lang: Lang;
  unit: MoneyUnit;
  /** Which reading's amount is the headline (issue 16). */
  reading?: ReadingMode;
  /** The reports to render (screen, --out file): each chunk yields one buffer per report, in this order. */
  reports: ReportSpec[];
  fast?: boolean;
  /** Per-file limits (--max-file-size, --max-depth, --max-items). */
  limits?: ParseOptions;
  /** Threads: 0 or 1 runs on this thread; default: defaultThreads(). */
  threads?: number;
  /** Look for what else each enterprise could obtain. */
  opportunities?: boolean;
}

export interface RunCallbacks {
  /**
   * A chunk's rows for each report (UTF-8 pieces to write in order) and its totals, in order. The rows
   * must be written (or copied) before this returns: their memory may hold the next chunk's.
   */
  onChunk(outputs: ChunkResult["outputs"], summary: BatchSummary): void;
  onProgress?(done: number, total: number): void;
}

/** What a worker is started with: the same context this thread evaluates with. */
export type WorkerInit = ChunkContext;
export type ToWorker = { id: number; first: number; items: ChunkItem[] };
export type FromWorker = { type: "ready" } | ({ type: "done"; id: number } & ChunkResult) | { type: "fatal"; message: string };

/** Below this many files, starting threads costs more than it saves. */
export const MIN_FILES_FOR_THREADS = 200;

/**
 * One thread per idle core, on machines with at least MIN_CORES_FOR_THREADS cores. On two cores
 * (measured: the 2-vCPU machines this is developed on) a second thread made batches slower — two
 * batches side by side there each take ~1.5× as long as one alone, two threads in one process fare
 * worse — so two cores keep one thread. On a machine whose cores are busy, extra threads only add
 * their start-up and hand-over costs. At most MAX_THREADS, for memory. SUBSIDY_THREADS overrides.
 */
export function defaultThreads(files: number, env: NodeJS.ProcessEnv = process.env, cores = availableParallelism(), load = loadavg()[0] ?? 0): number {
  const forced = env.SUBSIDY_THREADS;
  if (forced !== undefined && /^\d+$/.test(forced)) return Number(forced);
  if (files < MIN_FILES_FOR_THREADS || cores < MIN_CORES_FOR_THREADS) return 1;
  return Math.max(1, Math.min(cores, MAX_THREADS, Math.round(cores - load)));
}

/** Fewer cores than this: one thread (see defaultThreads). */
export const MIN_CORES_FOR_THREADS = 4;
/**
 * Each worker costs about 40 MB (its own heap and compiled code): measured peak RSS for 10,000 profiles
 * 143 MB with one thread, 182 MB with two, 229 MB with three. Two keeps a batch under the 200 MB budget.
 */
export const MAX_THREADS = 2;

function chunkContext(o: RunOptions): ChunkContext {
  return {
    policy: o.policy,
    asOf: o.asOf,
    lang: o.lang,
    unit: o.unit,
    ...(o.reading ? { reading: o.reading } : {}),
    json: o.reports.some((r) => r.format === "json"),
    reasons: o.reports.some((r) => r.format === "csv" || r.format === "xlsx"),
    todo: o.reports.some((r) => r.format === "xlsx"),
    fast: o.fast ?? true,
    reports: o.reports,
    opportunities: o.opportunities ?? false,
    ...(o.limits ? { limits: o.limits } : {}),
  };
}

/** A file of the walk, or an enterprise of a workbook: its profile already read, or why it could not be. */
export type BatchEntry = WalkEntry & { profile?: Profile };

const item = (e: BatchEntry): ChunkItem => (e.error ? { file: e.file, failed: failed(e.file, e.error) } : e.profile ? { file: e.file, profile: e.profile } : { file: e.file });

export async function runBatch(entries: BatchEntry[], o: RunOptions, cb: RunCallbacks): Promise<void> {
  const threads = o.threads ?? defaultThreads(entries.length);
  const worker = threads > 1 ? bundledScript("batch-worker.js") : undefined;
  const size = chunkSize(entries.length, worker ? threads : 1);
  const chunks: ChunkItem[][] = [];
  for (let i = 0; i < entries.length; i += size) chunks.push(entries.slice(i, i + size).map(item));
  if (!worker) {
    await runHere(chunks, entries.length, o, cb);
    return;
  }
  // This thread evaluates chunks too (between writing rows), so `threads` counts it: threads − 1 workers.
  await runPool(chunks, entries.length, o, cb, Math.max(1, Math.min(threads, chunks.length) - 1), worker);
}

/** How long the evaluating thread may go without a turn of its event loop (signals wait that long at most). */
const YIELD_MS = 25;

/** Chunks small enough to keep every thread busy to the end, large enough that handing them over is cheap. */
function chunkSize(files: number, threads: number): number {
  return Math.max(8, Math.min(64, Math.ceil(files / (threads * 16))));
}

async function runHere(chunks: ChunkItem[][], total: number, o: RunOptions, cb: RunCallbacks): Promise<void> {
  const run = chunkProcessor(chunkContext(o));
  // A large batch has its files read ahead by a reader thread (reader.ts): this thread only evaluates.
  const prefetch =
    total >= MIN_FILES_FOR_THREADS
      ? startPrefetch(
          chunks.map((c) => c.map((i) => (i.failed || i.profile ? null : i.file))),
          o.limits?.maxBytes ?? DEFAULT_MAX_BYTES,
        )
      : undefined;
  try {
    let done = 0;
    let yielded = performance.now();
    for (let k = 0; k < chunks.length; k++) {
      const c = chunks[k] as ChunkItem[];
      const r = run(c, done, prefetch ? await prefetch.take(k) : undefined);
      prefetch?.release();
      cb.onChunk(r.outputs, r.summary);
      run.reuse();
      done += c.length;
      cb.onProgress?.(done, total);
      // Let signals (Ctrl-C) through now and then: every YIELD_MS, not every chunk (a turn of the event
      // loop costs more than a chunk takes once V8 has optimized the code; writes are synchronous).
      if (performance.now() - yielded >= YIELD_MS) {
        await new Promise<void>((res) => setImmediate(res));
        yielded = performance.now();
      }
    }
  } finally {
    prefetch?.close();
  }
}

function runPool(chunks: ChunkItem[][], total: number, o: RunOptions, cb: RunCallbacks, workers: number, script: string): Promise<void> {
  const ctx = chunkContext(o);
  const run = chunkProcessor(ctx);
  const firsts: number[] = [];
  let at = 0;
  for (const c of chunks) {
    firsts.push(at);
    at += c.length;
  }
  const window = (workers + 1) * 6;

  return new Promise<void>((resolve, reject) => {
    const ready = new Map<number, ChunkResult>();
    let next = 0;
    let emit = 0;
    let done = 0;
    let finished = false;
    const pool: { w: Worker; inFlight: number; ready: boolean }[] = [];

    const finish = (err?: Error) => {
      if (finished) return;
      finished = true;
      for (const p of pool) void p.w.terminate();
      if (err) reject(err);
      else resolve();
    };
    let localBusy = false;
    const runLocal = () => {
      if (localBusy || finished || next >= chunks.length || next - emit >= window) return;
      const id = next++;
      localBusy = true;
      setImmediate(() => {
        if (finished) return;
        try {
          ready.set(id, run(chunks[id] as ChunkItem[], firsts[id] as number));
          localBusy = false;
          drain();
          dispatch();
        } catch (e) {
          finish(e as Error);
        }
      });
    };
    const dispatch = () => {
      for (const p of pool) {
        while (p.ready && p.inFlight < 2 && next < chunks.length && next - emit < window) {
          const id = next++;
          p.inFlight++;
          p.w.postMessage({ id, first: firsts[id] as number, items: chunks[id] as ChunkItem[] } satisfies ToWorker);
        }
      }
      runLocal();
    };
    const drain = () => {
      for (let r = ready.get(emit); r; r = ready.get(emit)) {
        ready.delete(emit);
        cb.onChunk(r.outputs, r.summary);
        done += (chunks[emit] as ChunkItem[]).length;
        chunks[emit] = [];
        cb.onProgress?.(done, total);
        emit++;
      }
      if (emit === chunks.length) finish();
    };

    for (let i = 0; i < workers; i++) {
      // A small young generation keeps each worker's memory low; its garbage is short-lived anyway.
      const w = new Worker(script, { workerData: ctx satisfies WorkerInit, resourceLimits: { maxYoungGenerationSizeMb: 8, maxOldGenerationSizeMb: 128 } });
      const slot = { w, inFlight: 0, ready: false };
      pool.push(slot);
      w.on("message", (m: FromWorker) => {
        if (finished) return;
        if (m.type === "fatal") return finish(new Error(`batch worker failed: ${m.message}`));
        if (m.type === "ready") {
          slot.ready = true;
        } else {
          slot.inFlight--;
          ready.set(m.id, { outputs: m.outputs, summary: m.summary });
          try {
            drain();
          } catch (e) {
            return finish(e as Error);
          }
        }
        dispatch();
      });
      w.on("error", (e) => finish(e));
      w.on("exit", (code) => {
        if (!finished) finish(new Error(`batch worker stopped unexpectedly (exit ${code})`));
      });
    }
    if (chunks.length === 0) finish();
    else dispatch();
  });
}

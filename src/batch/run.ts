/**
 * Evaluates the files of a batch and hands each outcome, in the walk's sorted order, to a callback
 * as soon as it and all before it are ready. No printing here: progress is a callback too.
 *
 * Small batches run on this thread. Large ones use a pool of worker threads fed chunks of file paths;
 * a reorder buffer keeps the output sorted and streamable, and dispatch stops while too many chunks
 * wait for an earlier one, so memory stays bounded whatever the number of profiles.
 */
import { existsSync } from "node:fs";
import { availableParallelism, loadavg } from "node:os";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { MoneyUnit } from "../i18n/index.js";
import type { Lang, LoadedPolicy } from "../types.js";
import { evaluateFile, failed, type EvalContext, type Outcome } from "./evaluate-one.js";
import type { WalkEntry } from "./walk.js";
import type { ParseOptions } from "../parse/document.js";

export interface RunOptions {
  policy: LoadedPolicy;
  asOf: string;
  lang: Lang;
  unit: MoneyUnit;
  json: boolean;
  fast?: boolean;
  /** Per-file limits (--max-file-size, --max-depth, --max-items). */
  limits?: ParseOptions;
  /** Worker threads: 0 or 1 runs on this thread; default: one per core from MIN_FILES_FOR_THREADS files. */
  threads?: number;
}

export interface RunCallbacks {
  onOutcome(o: Outcome): void;
  onProgress?(done: number, total: number): void;
}

/** What a worker is started with: the same context this thread evaluates with. */
export type WorkerInit = EvalContext;
export type ToWorker = { id: number; files: string[] };
export type FromWorker = { type: "ready" } | { type: "done"; id: number; outcomes: Outcome[] } | { type: "fatal"; message: string };

/** Below this many files, starting threads costs more than it saves. */
export const MIN_FILES_FOR_THREADS = 200;

/** The bundled worker (dist/batch-worker.js), wherever the bundler put the chunk that runs this code. */
export function workerPath(): string | undefined {
  for (const rel of ["./batch-worker.js", "../batch-worker.js"]) {
    const p = fileURLToPath(new URL(rel, import.meta.url));
    if (existsSync(p)) return p;
  }
  return undefined;
}

/**
 * One thread per idle core: on a machine whose cores are already busy, extra threads only add their
 * start-up and hand-over costs (measured: 37% more CPU for the same batch). SUBSIDY_THREADS overrides.
 */
export function defaultThreads(files: number, env: NodeJS.ProcessEnv = process.env, cores = availableParallelism(), load = loadavg()[0] ?? 0): number {
  const forced = env.SUBSIDY_THREADS;
  if (forced !== undefined && /^\d+$/.test(forced)) return Number(forced);
  if (files < MIN_FILES_FOR_THREADS) return 1;
  return Math.max(1, Math.min(cores, Math.round(cores - load)));
}

export async function runBatch(entries: WalkEntry[], o: RunOptions, cb: RunCallbacks): Promise<void> {
  const threads = o.threads ?? defaultThreads(entries.length);
  const worker = threads > 1 ? workerPath() : undefined;
  if (!worker) {
    await runHere(entries, o, cb);
    return;
  }
  // This thread evaluates chunks too (between writing rows), so `threads` counts it: threads − 1 workers.
  await runPool(entries, o, cb, Math.max(1, Math.min(threads, Math.ceil(entries.length / 8)) - 1), worker);
}

function evalContext(o: RunOptions): EvalContext {
  return { policy: o.policy, asOf: o.asOf, lang: o.lang, unit: o.unit, json: o.json, fast: o.fast ?? true, ...(o.limits ? { limits: o.limits } : {}) };
}

async function runHere(entries: WalkEntry[], o: RunOptions, cb: RunCallbacks): Promise<void> {
  const ctx = evalContext(o);
  let done = 0;
  for (const e of entries) {
    cb.onOutcome(e.error ? failed(e.file, e.error) : evaluateFile(e.file, ctx));
    cb.onProgress?.(++done, entries.length);
    // Let signals (Ctrl-C) and I/O through now and then.
    if (done % 32 === 0) await new Promise<void>((r) => setImmediate(r));
  }
}

function runPool(entries: WalkEntry[], o: RunOptions, cb: RunCallbacks, threads: number, script: string): Promise<void> {
  const size = Math.max(8, Math.min(32, Math.ceil(entries.length / ((threads + 1) * 8))));
  const ctx = evalContext(o);
  const chunks: WalkEntry[][] = [];
  for (let i = 0; i < entries.length; i += size) chunks.push(entries.slice(i, i + size));
  const window = (threads + 1) * 8;

  return new Promise<void>((resolve, reject) => {
    const ready = new Map<number, Outcome[]>();
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
          const files = (chunks[id] as WalkEntry[]).filter((e) => !e.error).map((e) => e.file);
          ready.set(id, files.map((f) => evaluateFile(f, ctx)));
          localBusy = false;
          drain();
          dispatch();
        } catch (e) {
          finish(e as Error);
        }
      });
    };
    const dispatch = () => {
      runLocal();
      for (const p of pool) {
        while (p.ready && p.inFlight < 2 && next < chunks.length && next - emit < window) {
          const id = next++;
          const files = (chunks[id] as WalkEntry[]).filter((e) => !e.error).map((e) => e.file);
          p.inFlight++;
          p.w.postMessage({ id, files } satisfies ToWorker);
        }
      }
    };
    const drain = () => {
      for (let out = ready.get(emit); out; out = ready.get(emit)) {
        ready.delete(emit);
        const chunk = chunks[emit] as WalkEntry[];
        let k = 0;
        for (const e of chunk) {
          cb.onOutcome(e.error ? failed(e.file, e.error) : (out[k++] as Outcome));
          cb.onProgress?.(++done, entries.length);
        }
        emit++;
      }
      if (emit === chunks.length) finish();
    };

    for (let i = 0; i < threads; i++) {
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
          ready.set(m.id, m.outcomes);
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
  });
}

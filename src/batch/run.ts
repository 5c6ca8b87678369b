/**
 * Evaluates the entries of a batch one after the other, in the walk's sorted order, and hands each
 * outcome to a callback as soon as it is known: read → parse → validate → evaluate, one file at a time.
 * No printing here: the rows and the progress are the callbacks' business.
 *
 * One mechanism stays for speed: in a large batch a reader thread (reader.ts, prefetch.ts) reads the
 * files ahead, a chunk at a time, while this thread evaluates. Measured on 2 cores, 10,000 profiles,
 * interleaved runs: the JSON report took 10-11% longer without it (docs/batch.md#speed).
 */
import type { ReadingMode } from "../engine/evaluate.js";
import type { MoneyUnit } from "../i18n/index.js";
import type { Lang, LoadedPolicy, Profile } from "../types.js";
import { evaluateFile, evaluateProfile, failed, type EvalContext, type Outcome } from "./evaluate-one.js";
import type { ReportFormat } from "./report.js";
import type { WalkEntry } from "./walk.js";
import { startPrefetch } from "./prefetch.js";
import { DEFAULT_MAX_BYTES } from "../parse/limits.js";
import type { ParseOptions } from "../parse/document.js";

export interface RunOptions {
  policy: LoadedPolicy;
  asOf: string;
  lang: Lang;
  unit: MoneyUnit;
  /** Which reading's amount is the headline (issue 16). */
  reading?: ReadingMode;
  /** The formats of the reports the outcomes are for (the screen, the --out file): what to build for them. */
  formats: readonly ReportFormat[];
  fast?: boolean;
  /** Per-file limits (--max-file-size, --max-depth, --max-items). */
  limits?: ParseOptions;
  /** Look for what else each enterprise could obtain. */
  opportunities?: boolean;
}

export interface RunCallbacks {
  /** One entry's outcome; `index` is its 0-based position in the batch. */
  onOutcome(o: Outcome, index: number): void;
  onProgress?(done: number, total: number): void;
  /** Called before each turn given to the event loop (about every 25 ms). */
  onPause?(): void;
}

/** A file of the walk, or an enterprise of a workbook: its profile already read, or why it could not be. */
export type BatchEntry = WalkEntry & { profile?: Profile };

/** How long the loop may go without a turn of the event loop (signals such as Ctrl-C wait that long at most). */
const YIELD_MS = 25;

function evalContext(o: RunOptions): EvalContext {
  return {
    policy: o.policy,
    asOf: o.asOf,
    lang: o.lang,
    unit: o.unit,
    ...(o.reading ? { reading: o.reading } : {}),
    json: o.formats.includes("json"),
    reasons: o.formats.includes("csv") || o.formats.includes("xlsx"),
    todo: o.formats.includes("xlsx"),
    fast: o.fast ?? true,
    opportunities: o.opportunities ?? false,
    ...(o.limits ? { limits: o.limits } : {}),
  };
}

/** From this many files on, a reader thread reads them ahead (below, starting it costs more than it saves). */
export const MIN_FILES_FOR_READER = 200;

export async function runBatch(entries: readonly BatchEntry[], o: RunOptions, cb: RunCallbacks): Promise<void> {
  const ctx = evalContext(o);
  const size = Math.max(8, Math.min(64, Math.ceil(entries.length / 16)));
  // The files the reader may read, chunk by chunk (null: already failed by the walk, or a workbook's enterprise).
  const chunks: (string | null)[][] = [];
  for (let i = 0; i < entries.length; i += size) chunks.push(entries.slice(i, i + size).map((e) => (e.error || e.profile ? null : e.file)));
  const prefetch = entries.length >= MIN_FILES_FOR_READER ? startPrefetch(chunks, o.limits?.maxBytes ?? DEFAULT_MAX_BYTES) : undefined;
  try {
    let yielded = performance.now();
    for (let k = 0; k < chunks.length; k++) {
      const contents = prefetch ? await prefetch.take(k) : undefined;
      const first = k * size;
      const count = (chunks[k] as (string | null)[]).length;
      for (let j = 0; j < count; j++) {
        const e = entries[first + j] as BatchEntry;
        cb.onOutcome(e.error ? failed(e.file, e.error) : e.profile ? evaluateProfile(e.file, e.profile, ctx) : evaluateFile(e.file, ctx, contents?.[j]), first + j);
        cb.onProgress?.(first + j + 1, entries.length);
      }
      // Nothing refers to the chunk's bytes any more (its rows are written): the reader reads into them again.
      prefetch?.release();
      if (performance.now() - yielded >= YIELD_MS) {
        cb.onPause?.();
        await new Promise<void>((res) => setImmediate(res));
        yielded = performance.now();
      }
    }
  } finally {
    prefetch?.close();
  }
}

/**
 * The batch's reader thread: reads the profiles of each chunk ahead of the thread that evaluates them,
 * so that the open, stat, read and close of thousands of small files run beside the evaluation instead
 * of before each one. Sends one message per chunk: the files' bytes end to end in one buffer (moved, not
 * copied) and each file's size, or -1 where the file could not be read as a regular profile — the
 * evaluating thread then reads that one itself, through the same readRegularFile, for the exact error.
 * Stays at most `window` chunks ahead (a shared counter of chunks taken), so memory stays bounded.
 * Bundled as dist/batch-reader.js (scripts/build.mjs); it loads nothing but src/parse/read.ts.
 */
import { parentPort, workerData } from "node:worker_threads";
import { readRegularFile } from "../parse/read.js";

/** What the reader is started with. `null` marks an entry not to read (the walk already failed it). */
export interface ReaderInit {
  chunks: (string | null)[][];
  maxBytes: number;
  /** Int32Array [chunks taken so far], written by the evaluating thread. */
  taken: SharedArrayBuffer;
  window: number;
}

export interface ReaderChunk {
  chunk: number;
  data: Uint8Array;
  /** Per entry: its size in `data`, or -1 when it was not read. */
  sizes: number[];
}

const port = parentPort;
if (port) {
  const { chunks, maxBytes, taken, window } = workerData as ReaderInit;
  const counter = new Int32Array(taken);
  for (let k = 0; k < chunks.length; k++) {
    for (let t = Atomics.load(counter, 0); k - t >= window; t = Atomics.load(counter, 0)) Atomics.wait(counter, 0, t);
    const files = chunks[k] as (string | null)[];
    const parts: Uint8Array[] = [];
    const sizes: number[] = [];
    let total = 0;
    for (const f of files) {
      let b: Uint8Array | undefined;
      if (f !== null) {
        try {
          b = readRegularFile(f, "profile", maxBytes);
        } catch {
          b = undefined;
        }
      }
      if (b === undefined) {
        sizes.push(-1);
      } else {
        parts.push(b);
        sizes.push(b.length);
        total += b.length;
      }
    }
    const data = new Uint8Array(total);
    let off = 0;
    for (const p of parts) {
      data.set(p, off);
      off += p.length;
    }
    port.postMessage({ chunk: k, data, sizes } satisfies ReaderChunk, [data.buffer]);
  }
}

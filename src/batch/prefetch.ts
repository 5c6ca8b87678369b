/**
 * The evaluating thread's side of the reader thread (reader.ts): start it over the chunks of a batch,
 * then take each chunk's file contents in order. A file the reader could not read comes back as
 * `undefined`, and the caller reads it itself (same function, so the same error message).
 */
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { ReaderChunk, ReaderInit } from "./reader.js";

/** The bundled reader (dist/batch-reader.js), beside the chunk that runs this code. */
export function readerPath(): string | undefined {
  for (const rel of ["./batch-reader.js", "../batch-reader.js"]) {
    const p = fileURLToPath(new URL(rel, import.meta.url));
    if (existsSync(p)) return p;
  }
  return undefined;
}

export interface Prefetch {
  /** The contents of chunk `k`'s files (`undefined` where the caller must read the file itself); chunks are taken in order. */
  take(k: number): Promise<(Uint8Array | undefined)[]>;
  close(): void;
}

/** How many chunks the reader may run ahead: enough to never wait, few enough to hold little. */
const WINDOW = 4;

export function startPrefetch(chunks: (string | null)[][], maxBytes: number, script = readerPath()): Prefetch | undefined {
  if (!script) return undefined;
  const taken = new SharedArrayBuffer(4);
  const counter = new Int32Array(taken);
  const worker = new Worker(script, { workerData: { chunks, maxBytes, taken, window: WINDOW } satisfies ReaderInit, resourceLimits: { maxYoungGenerationSizeMb: 4, maxOldGenerationSizeMb: 32 } });
  worker.unref();
  const arrived = new Map<number, ReaderChunk>();
  let waiting: { k: number; resolve: (c: ReaderChunk | undefined) => void } | undefined;
  let failed = false;
  const fail = () => {
    // Whatever went wrong with the reader, the evaluating thread reads the rest itself.
    failed = true;
    if (waiting) {
      waiting.resolve(undefined);
      waiting = undefined;
    }
  };
  worker.on("message", (m: ReaderChunk) => {
    if (waiting?.k === m.chunk) {
      waiting.resolve(m);
      waiting = undefined;
    } else {
      arrived.set(m.chunk, m);
    }
  });
  worker.on("error", fail);
  worker.on("exit", fail);
  const split = (m: ReaderChunk | undefined, count: number): (Uint8Array | undefined)[] => {
    const out: (Uint8Array | undefined)[] = new Array(count);
    if (!m) return out;
    let off = 0;
    m.sizes.forEach((size, i) => {
      if (size >= 0) {
        out[i] = Buffer.from(m.data.buffer, m.data.byteOffset + off, size);
        off += size;
      }
    });
    return out;
  };
  return {
    async take(k) {
      const count = (chunks[k] ?? []).length;
      let m = arrived.get(k);
      if (m) arrived.delete(k);
      else if (!failed) m = await new Promise<ReaderChunk | undefined>((resolve) => (waiting = { k, resolve }));
      Atomics.store(counter, 0, k + 1);
      Atomics.notify(counter, 0);
      return split(m, count);
    },
    close() {
      failed = true;
      void worker.terminate();
    },
  };
}

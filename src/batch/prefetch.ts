/**
 * The evaluating thread's side of the reader thread (reader.ts): start it over the chunks of a batch,
 * then take each chunk's file contents in order. A file the reader could not read comes back as
 * `undefined`, and the caller reads it itself (same function, so the same error message); so does a
 * whole chunk the reader had not claimed when it was asked for (before the reader has started, or
 * when it falls behind): this thread never waits for a chunk nobody is reading.
 */
import { Worker } from "node:worker_threads";
import { bundledScript } from "./bundled.js";
import { COUNTER, type ReaderChunk, type ReaderInit } from "./reader-protocol.js";

export interface Prefetch {
  /**
   * The contents of chunk `k`'s files (`undefined` where the caller must read the file itself, which is
   * every file of a chunk the reader had not claimed yet); chunks are taken in order.
   */
  take(k: number): Promise<(Uint8Array | undefined)[]>;
  close(): void;
}

/** How many chunks the reader may run ahead: enough to never wait, few enough to hold little. */
const WINDOW = 4;

/**
 * `share` (default): a chunk the reader has not claimed when it is asked for is read by the caller.
 * Without it the caller always waits for the reader (tests use that to check what the reader sends).
 */
export function startPrefetch(chunks: (string | null)[][], maxBytes: number, script = bundledScript("batch-reader.js"), { share = true } = {}): Prefetch | undefined {
  if (!script) return undefined;
  const counters = new SharedArrayBuffer(4 * COUNTER.length);
  const counter = new Int32Array(counters);
  const worker = new Worker(script, { workerData: { chunks, maxBytes, counters, window: WINDOW } satisfies ReaderInit, resourceLimits: { maxYoungGenerationSizeMb: 4, maxOldGenerationSizeMb: 32 } });
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
  // After the listeners (adding a 'message' listener refs the worker again): a reader that is still
  // reading or waiting never holds the process open (take() holds it while it waits for a chunk), and
  // close() also tells it to stop.
  worker.unref();
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
      else if (!failed && !(share && Atomics.compareExchange(counter, COUNTER.claimed, k, k + 1) === k)) {
        // The reader has claimed this chunk (otherwise this thread just did, and reads it itself).
        // Held open only while this thread waits for the reader.
        worker.ref();
        m = await new Promise<ReaderChunk | undefined>((resolve) => (waiting = { k, resolve }));
        worker.unref();
      }
      if (m) Atomics.add(counter, COUNTER.bytesTaken, m.data.length);
      Atomics.store(counter, COUNTER.taken, k + 1);
      Atomics.notify(counter, COUNTER.taken);
      return split(m, count);
    },
    close() {
      Atomics.store(counter, COUNTER.stop, 1);
      Atomics.notify(counter, COUNTER.taken);
      fail();
      void worker.terminate();
    },
  };
}

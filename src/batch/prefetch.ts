/**
 * The evaluating thread's side of the reader thread (reader.ts): start it over the chunks of a batch,
 * then take each chunk's file contents in order. A file the reader could not read comes back as
 * `undefined`, and the caller reads it itself (same function, so the same error message); so does a
 * whole chunk the reader had not claimed when it was asked for (before the reader has started, or
 * when it falls behind): this thread never waits for a chunk nobody is reading.
 *
 * The chunks arrive on a MessagePort that this thread reads with receiveMessageOnPort, and a chunk the
 * reader is still reading is waited for on a shared counter (Atomics.wait): taking a chunk needs no turn
 * of the event loop, so the caller decides how often to yield to it.
 */
import { MessageChannel, receiveMessageOnPort, Worker } from "node:worker_threads";
import { bundledScript } from "./bundled.js";
import { COUNTER, type ReaderChunk, type ReaderFree, type ReaderInit } from "./reader-protocol.js";

export interface Prefetch {
  /**
   * The contents of chunk `k`'s files (`undefined` where the caller must read the file itself, which is
   * every file of a chunk the reader had not claimed yet); chunks are taken in order.
   */
  take(k: number): Promise<(Uint8Array | undefined)[]>;
  /**
   * The files of the chunk last taken have been evaluated and nothing refers to their bytes any more:
   * its buffer goes back to the reader, which reads a later chunk into it (the views become empty).
   */
  release(): void;
  close(): void;
}

/** How many chunks the reader may run ahead: enough to never wait, few enough to hold little. */
const WINDOW = 4;

/**
 * How long this thread waits for a claimed chunk before it lets its event loop run once, so that it
 * notices a reader thread that has died (its 'error' and 'exit' events); then it waits again.
 */
const WAIT_SLICE_MS = 50;
const SLICES_BEFORE_YIELD = 20;

/**
 * `share` (default): a chunk the reader has not claimed when it is asked for is read by the caller.
 * Without it the caller always waits for the reader (tests use that to check what the reader sends).
 */
export function startPrefetch(chunks: (string | null)[][], maxBytes: number, script = bundledScript("batch-reader.js"), { share = true } = {}): Prefetch | undefined {
  if (!script) return undefined;
  const counters = new SharedArrayBuffer(4 * COUNTER.length);
  const counter = new Int32Array(counters);
  const { port1: port, port2 } = new MessageChannel();
  const worker = new Worker(script, {
    workerData: { chunks, maxBytes, counters, window: WINDOW, port: port2 } satisfies ReaderInit,
    transferList: [port2],
    resourceLimits: { maxYoungGenerationSizeMb: 4, maxOldGenerationSizeMb: 32 },
  });
  const arrived = new Map<number, ReaderChunk>();
  /** The buffer of the chunk last taken, until release(). */
  let held: ArrayBuffer | undefined;
  let failed = false;
  // Whatever went wrong with the reader, the evaluating thread reads the rest itself.
  const fail = () => {
    failed = true;
  };
  worker.on("error", fail);
  worker.on("exit", fail);
  // A reader that is still reading or waiting never holds the process open; close() also tells it to stop.
  worker.unref();
  port.unref();

  /** Chunk `k` if the reader has sent it by now (what else it has sent is kept, by chunk). */
  const arrivedNow = (k: number): ReaderChunk | undefined => {
    for (let r = receiveMessageOnPort(port); r; r = receiveMessageOnPort(port)) {
      const m = r.message as ReaderChunk;
      arrived.set(m.chunk, m);
    }
    const m = arrived.get(k);
    if (m) arrived.delete(k);
    return m;
  };
  /** Chunk `k`, which the reader has claimed: waits on the `sent` counter for it, or gives up after a while (undefined). */
  const waitFor = (k: number): ReaderChunk | undefined => {
    for (let slice = 0; slice < SLICES_BEFORE_YIELD; slice++) {
      const sent = Atomics.load(counter, COUNTER.sent);
      const m = arrivedNow(k);
      if (m) return m;
      Atomics.wait(counter, COUNTER.sent, sent, WAIT_SLICE_MS);
    }
    return arrivedNow(k);
  };
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
      let m = arrivedNow(k);
      if (!m && !failed && !(share && Atomics.compareExchange(counter, COUNTER.claimed, k, k + 1) === k)) {
        // The reader has claimed this chunk (otherwise this thread just did, and reads it itself).
        for (m = waitFor(k); !m && !failed; m = waitFor(k)) {
          // Still not here: let the event loop run once, so that a dead reader's 'exit' is seen.
          await new Promise<void>((resolve) => setImmediate(resolve));
          m = arrivedNow(k);
          if (m) break;
        }
      }
      if (m) {
        Atomics.add(counter, COUNTER.bytesTaken, m.data.length);
        held = m.data.buffer as ArrayBuffer;
      }
      Atomics.store(counter, COUNTER.taken, k + 1);
      Atomics.notify(counter, COUNTER.taken);
      return split(m, count);
    },
    release() {
      if (held && !failed) port.postMessage({ free: held } satisfies ReaderFree, [held]);
      held = undefined;
    },
    close() {
      Atomics.store(counter, COUNTER.stop, 1);
      Atomics.notify(counter, COUNTER.taken);
      fail();
      port.close();
      void worker.terminate();
    },
  };
}

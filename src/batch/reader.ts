/**
 * The batch's reader thread: reads the profiles of each chunk ahead of the thread that evaluates them,
 * so that the open, stat, read and close of thousands of small files run beside the evaluation instead
 * of before each one. Sends one message per chunk: the files' bytes end to end in one buffer (moved, not
 * copied; the files are read straight into it, and the evaluating thread moves it back to be read into
 * again) and each file's size, or -1 where the file could not be read as a regular profile — the
 * evaluating thread then reads that one itself, through the same readRegularFile, for the exact error.
 * Chunks the evaluating thread reaches before the reader has claimed them, it reads itself (the
 * `claimed` counter), so the reader's start-up is never waited for.
 * Stays at most `window` chunks and AHEAD_BYTES ahead (shared counters written by the evaluating
 * thread), so memory stays bounded whatever the files' sizes. Bundled as dist/batch-reader.js
 * (scripts/build.mjs); it loads nothing but src/parse/read.ts.
 */
import { parentPort, receiveMessageOnPort, workerData } from "node:worker_threads";
import { readRegularFile } from "../parse/read.js";
import { AHEAD_BYTES, COUNTER, type ReaderChunk, type ReaderFree, type ReaderInit } from "./reader-protocol.js";

/** The first buffer's size; a chunk that needs more gets a bigger one (its contents copied over). */
const FIRST_BUFFER = 1 << 17;

if (parentPort) {
  const { chunks, maxBytes, counters, window, port } = workerData as ReaderInit;
  const c = new Int32Array(counters);
  let sent = 0;
  /**
   * Buffers the evaluating thread has moved back once done with a chunk: chunks are read straight into
   * them, so that reading thousands of files allocates (and the system maps) no new memory.
   */
  const spare: ArrayBuffer[] = [];
  let buf = new ArrayBuffer(0);
  let used = 0;
  /** Room for `size` more bytes at `used`: the file is read there. */
  const into = (size: number): Uint8Array => {
    if (used + size > buf.byteLength) {
      const grown = new ArrayBuffer(Math.max(used + size, buf.byteLength * 2, FIRST_BUFFER));
      new Uint8Array(grown).set(new Uint8Array(buf, 0, used));
      buf = grown;
    }
    return new Uint8Array(buf, used, size);
  };
  for (;;) {
    // The first chunk nobody has claimed: the evaluating thread may have read some itself.
    const k = Atomics.load(c, COUNTER.claimed);
    if (k >= chunks.length) break;
    // Wait while far enough ahead; the timeout only bounds how long a stop or exit can go unseen.
    // In a worker, process.exit ends this thread only.
    if (Atomics.load(c, COUNTER.stop) !== 0) process.exit(0);
    const taken = Atomics.load(c, COUNTER.taken);
    const ahead = k - taken;
    // Byte counts wrap at 2^31 in the shared slot (and `sent` with them): their difference stays exact.
    if (ahead >= window || (ahead >= 1 && ((sent - Atomics.load(c, COUNTER.bytesTaken)) | 0) >= AHEAD_BYTES)) {
      Atomics.wait(c, COUNTER.taken, taken, 200);
      continue;
    }
    if (Atomics.compareExchange(c, COUNTER.claimed, k, k + 1) !== k) continue;
    const files = chunks[k] as (string | null)[];
    for (let r = receiveMessageOnPort(port); r; r = receiveMessageOnPort(port)) spare.push((r.message as ReaderFree).free);
    // The biggest buffer handed back, if any (into() makes one when there is none, or grows it).
    spare.sort((a, b) => a.byteLength - b.byteLength);
    buf = spare.pop() ?? new ArrayBuffer(0);
    used = 0;
    const sizes: number[] = [];
    for (const f of files) {
      let b: Uint8Array | undefined;
      if (f !== null) {
        try {
          b = readRegularFile(f, "profile", maxBytes, into);
        } catch {
          b = undefined;
        }
      }
      if (b === undefined) {
        sizes.push(-1);
      } else {
        sizes.push(b.length);
        used += b.length;
      }
    }
    sent = (sent + used) | 0;
    port.postMessage({ chunk: k, data: new Uint8Array(buf, 0, used), sizes } satisfies ReaderChunk, [buf]);
    // After the message is on its way: the evaluating thread may be waiting on this slot for it.
    Atomics.add(c, COUNTER.sent, 1);
    Atomics.notify(c, COUNTER.sent);
  }
}

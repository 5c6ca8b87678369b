/**
 * The batch's reader thread: reads the profiles of each chunk ahead of the thread that evaluates them,
 * so that the open, stat, read and close of thousands of small files run beside the evaluation instead
 * of before each one. Sends one message per chunk: the files' bytes end to end in one buffer (moved, not
 * copied) and each file's size, or -1 where the file could not be read as a regular profile — the
 * evaluating thread then reads that one itself, through the same readRegularFile, for the exact error.
 * Chunks the evaluating thread reaches before the reader has claimed them, it reads itself (the
 * `claimed` counter), so the reader's start-up is never waited for.
 * Stays at most `window` chunks and AHEAD_BYTES ahead (shared counters written by the evaluating
 * thread), so memory stays bounded whatever the files' sizes. Bundled as dist/batch-reader.js
 * (scripts/build.mjs); it loads nothing but src/parse/read.ts.
 */
import { parentPort, workerData } from "node:worker_threads";
import { readRegularFile } from "../parse/read.js";
import { AHEAD_BYTES, COUNTER, type ReaderChunk, type ReaderInit } from "./reader-protocol.js";

if (parentPort) {
  const { chunks, maxBytes, counters, window, port } = workerData as ReaderInit;
  const c = new Int32Array(counters);
  let sent = 0;
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
    sent = (sent + total) | 0;
    port.postMessage({ chunk: k, data, sizes } satisfies ReaderChunk, [data.buffer]);
    // After the message is on its way: the evaluating thread may be waiting on this slot for it.
    Atomics.add(c, COUNTER.sent, 1);
    Atomics.notify(c, COUNTER.sent);
  }
}

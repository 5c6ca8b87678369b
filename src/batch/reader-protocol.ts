/** What the evaluating thread and the reader thread (reader.ts, prefetch.ts) share: a module without side effects. */

/** What the reader is started with. `null` marks an entry not to read (the walk already failed it). */
export interface ReaderInit {
  chunks: (string | null)[][];
  /** Where the chunks go (ReaderChunk messages): the evaluating thread takes them with receiveMessageOnPort, without waiting for its event loop. */
  port: MessagePort;
  maxBytes: number;
  /** Int32Array of the COUNTER slots below, written by the evaluating thread. */
  counters: SharedArrayBuffer;
  window: number;
}

import type { MessagePort } from "node:worker_threads";

/**
 * Slots of the shared counters: chunks taken, bytes taken, 1 once the reader must stop, the first
 * chunk nobody has claimed yet, and how many chunks the reader has sent (it notifies on that slot). A chunk is read by whichever thread claims it (compare-and-swap on
 * `claimed`): the evaluating thread claims the chunk it needs when the reader has not, so it never waits
 * for the reader to start or to catch up.
 */
export const COUNTER = { taken: 0, bytesTaken: 1, stop: 2, claimed: 3, sent: 4, length: 5 } as const;

/** Beyond one chunk, the reader holds at most this many bytes not yet taken. */
export const AHEAD_BYTES = 16 << 20;

export interface ReaderChunk {
  chunk: number;
  /** The files' bytes end to end, at the start of a buffer (moved, not copied) that may be longer. */
  data: Uint8Array;
  /** Per entry: its size in `data`, or -1 when it was not read. */
  sizes: number[];
}

/** A chunk's buffer moved back to the reader once its files are evaluated, to read later chunks into. */
export interface ReaderFree {
  free: ArrayBuffer;
}

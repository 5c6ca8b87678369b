/**
 * A batch worker thread: receives the chunk context (the policy comes parsed from the main thread;
 * a structured clone keeps its maps), then evaluates and renders the chunks it is sent and posts back
 * their report bytes (transferred, not copied) and totals. Bundled as dist/batch-worker.js (scripts/build.mjs).
 */
import { parentPort, workerData } from "node:worker_threads";
import { chunkProcessor, ownBuffer } from "./chunk.js";
import type { WorkerInit, ToWorker, FromWorker } from "./run.js";

const port = parentPort;
if (port) {
  const run = chunkProcessor(workerData as WorkerInit);
  const post = (m: FromWorker, transfer: ArrayBuffer[] = []) => port.postMessage(m, transfer);
  post({ type: "ready" });
  port.on("message", (m: ToWorker) => {
    try {
      const r = run(m.items, m.first);
      // One buffer per report, moved rather than copied to the main thread.
      const outputs = r.outputs.map((pieces) => ownBuffer(pieces));
      post({ type: "done", id: m.id, outputs: outputs.map((b) => [b]), summary: r.summary }, outputs.map((b) => b.buffer as ArrayBuffer));
    } catch (e) {
      post({ type: "fatal", message: e instanceof Error ? (e.stack ?? e.message) : String(e) });
    }
  });
}

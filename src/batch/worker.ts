/**
 * A batch worker thread: receives the evaluation context (the policy comes parsed from the main thread;
 * a structured clone keeps its maps), then evaluates the chunks of file paths it is sent
 * and posts back their outcomes. Bundled as dist/batch-worker.js (scripts/build.mjs).
 */
import { parentPort, workerData } from "node:worker_threads";
import { evaluateFile } from "./evaluate-one.js";
import type { WorkerInit, ToWorker, FromWorker } from "./run.js";

const port = parentPort;
if (port) {
  const ctx = workerData as WorkerInit;
  const post = (m: FromWorker) => port.postMessage(m);
  post({ type: "ready" });
  port.on("message", (m: ToWorker) => {
    try {
      post({ type: "done", id: m.id, outcomes: m.files.map((f) => evaluateFile(f, ctx)) });
    } catch (e) {
      post({ type: "fatal", message: e instanceof Error ? (e.stack ?? e.message) : String(e) });
    }
  });
}

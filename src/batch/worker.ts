/**
 * A batch worker thread: loads the policy once, then evaluates the chunks of file paths it is sent
 * and posts back their outcomes. Bundled as dist/batch-worker.js (scripts/build.mjs).
 */
import { parentPort, workerData } from "node:worker_threads";
import { loadPolicy } from "../policy/load.js";
import { evaluateFile, type EvalContext } from "./evaluate-one.js";
import type { WorkerInit, ToWorker, FromWorker } from "./run.js";

const port = parentPort;
if (port) {
  const init = workerData as WorkerInit;
  let ctx: EvalContext | undefined;
  const post = (m: FromWorker) => port.postMessage(m);
  try {
    // The policy comes parsed from the main thread (structured clone keeps its maps); read it only if not.
    const policy = init.policy ?? loadPolicy(init.policyFile);
    ctx = { policy, asOf: init.asOf, lang: init.lang, unit: init.unit, json: init.json, fast: init.fast };
    post({ type: "ready", sha256: policy.sha256 });
  } catch (e) {
    post({ type: "fatal", message: e instanceof Error ? e.message : String(e) });
  }
  port.on("message", (m: ToWorker) => {
    if (!ctx) return;
    try {
      post({ type: "done", id: m.id, outcomes: m.files.map((f) => evaluateFile(f, ctx as EvalContext)) });
    } catch (e) {
      post({ type: "fatal", message: e instanceof Error ? (e.stack ?? e.message) : String(e) });
    }
  });
}

#!/usr/bin/env node
// Mutation fuzzer over the profile loader (dist/index.js parseProfileText), run outside npm test:
//
//   npm run fuzz -- --count 100000 --seed 1
//
// Inputs are mutated fixture profiles (bytes and parsed structure), JSON/YAML nesting bombs and text with
// control characters (bench/fuzz-core.mjs), each named .json (strict JSON) or .yaml. Every input
// must end in a profile or a SubsidyError with a clean message. A thrown non-SubsidyError, a stack
// frame in a message, or an input slower than --per-input-ms (default 2000) is a failure: its bytes
// (a worker silent for 5× that, at least 10 s, is a hang and is ended)
// are saved in bench/out/fuzz-failures/. A watchdog thread ends a worker that hangs on one input and
// goes on with the next. Exit 1 when anything failed.
import { Worker, isMainThread, parentPort, workerData } from "node:worker_threads";
import { setInterval, clearInterval } from "node:timers";
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";
import { loadCorpus, makeInput, tryInput } from "./fuzz-core.mjs";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
/** Plain data for structural mutations: no Buffers or Sets from tags, no warnings on stderr. */
const parseQuiet = (t) => parse(t, { schema: "core", resolveKnownTags: false, logLevel: "silent" });

if (isMainThread) {
  const args = process.argv.slice(2);
  const opt = (name, dflt) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? Number(args[i + 1]) : dflt;
  };
  const count = opt("count", 100000);
  const seed = opt("seed", 1);
  const perInputMs = opt("per-input-ms", 2000);
  const outDir = join(ROOT, "bench/out/fuzz-failures");
  const corpus = loadCorpus(ROOT, parseQuiet);

  const shared = new Int32Array(new SharedArrayBuffer(8)); // [current index, ms since start when it began]
  const failures = [];
  const kinds = { bytes: 0, structure: 0, nesting: 0, control: 0 };
  let next = 0;
  let done = 0;
  const t0 = Date.now();

  const save = (i, failure) => {
    mkdirSync(outDir, { recursive: true });
    const input = makeInput(seed, i, corpus);
    const base = join(outDir, `seed${seed}-${i}`);
    writeFileSync(`${base}${input.name.endsWith(".json") ? ".json" : ".yaml"}`, input.bytes);
    writeFileSync(`${base}.txt`, `${failure}\n`);
    failures.push({ i, failure });
    console.log(`FAIL #${i} (${input.kind}): ${failure.split("\n")[0].slice(0, 300)}`);
  };

  const run = () =>
    new Promise((resolve) => {
      Atomics.store(shared, 1, 0); // no input in flight until the new worker starts one
      const worker = new Worker(fileURLToPath(import.meta.url), { workerData: { seed, start: next, count, perInputMs, shared, root: ROOT, mainStart: t0 } });
      const watchdog = setInterval(() => {
        const began = Atomics.load(shared, 1);
        const i = Atomics.load(shared, 0);
        if (began > 0 && Date.now() - t0 - began > Math.max(perInputMs * 5, 10000)) {
          clearInterval(watchdog);
          save(i, `hang: no answer after ${Date.now() - t0 - began} ms`);
          next = i + 1;
          done = i + 1;
          void worker.terminate().then(resolve);
        }
      }, 250);
      worker.on("message", (m) => {
        if (m.type === "fail") save(m.i, m.failure);
        else if (m.type === "progress") {
          done = m.done;
          for (const k of Object.keys(m.kinds)) kinds[k] += m.kinds[k];
          const s = (Date.now() - t0) / 1000;
          process.stderr.write(`\r${done}/${count} inputs, ${(done / s).toFixed(0)}/s, ${failures.length} failures `);
        }
      });
      worker.on("exit", () => {
        clearInterval(watchdog);
        next = Math.max(next, done);
        resolve();
      });
      worker.on("error", (e) => {
        save(Atomics.load(shared, 0), `worker died: ${e?.message ?? e}`);
        next = Atomics.load(shared, 0) + 1;
      });
    });

  while (next < count) {
    const before = next;
    await run();
    if (next <= before) next = before + 1; // never loop on the same input
  }
  const secs = (Date.now() - t0) / 1000;
  process.stderr.write("\n");
  console.log(
    `fuzz: ${count} inputs (${kinds.bytes} byte mutations, ${kinds.structure} structural, ${kinds.nesting} nesting bombs, ${kinds.control} with control characters) from seed ${seed} in ${secs.toFixed(1)} s ` +
      `(${(count / secs).toFixed(0)}/s); ${failures.length} failures${failures.length ? ` saved in ${outDir}` : ""}`,
  );
  process.exitCode = failures.length ? 1 : 0;
} else {
  const { seed, start, count, perInputMs, shared, root, mainStart } = workerData;
  const api = await import(join(root, "dist/index.js"));
  const policy = api.loadPolicy();
  const corpus = loadCorpus(root, parseQuiet);
  const kinds = { bytes: 0, structure: 0, nesting: 0, control: 0 };
  for (let i = start; i < count; i++) {
    const input = makeInput(seed, i, corpus);
    kinds[input.kind]++;
    Atomics.store(shared, 0, i);
    Atomics.store(shared, 1, Math.max(1, Date.now() - mainStart)); // when this input began, on the main thread's clock
    const r = tryInput(api, policy, input.bytes, perInputMs, input.name);
    if (r.failure) parentPort.postMessage({ type: "fail", i, failure: r.failure });
    if ((i + 1) % 1000 === 0 || i + 1 === count) {
      parentPort.postMessage({ type: "progress", done: i + 1, kinds });
      for (const k of Object.keys(kinds)) kinds[k] = 0;
    }
  }
}

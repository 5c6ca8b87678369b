// npm run bench: start-up and engine throughput (and, where added, batch), measured in one run.
// Figures, not pass/fail: the targets are printed beside them.
import { spawnSync } from "node:child_process";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";
import { loadPolicy, evaluate, validateProfileData } from "../dist/index.js";
import { generateProfile, rng } from "./generate.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const only = process.argv.slice(2);
const want = (name) => only.length === 0 || only.includes(name);
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const time = (args, env = {}) => {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, { cwd: root, env: { ...process.env, NO_COLOR: "1", ...env }, encoding: "utf8" });
  const ms = performance.now() - t0;
  if (r.status !== 0 && r.status !== 1) throw new Error(`${args.join(" ")} exited ${r.status}: ${r.stderr}`);
  return ms;
};

export function coldStart(runs = 21) {
  const profile = "fixtures/profiles/huachuang.yaml";
  time(["-e", "0"]);
  time(["bin/subsidy.js", "check", profile]);
  const bare = [];
  const cli = [];
  for (let i = 0; i < runs; i++) {
    // Interleaved, so that machine noise falls on both alike.
    bare.push(time(["-e", "0"]));
    cli.push(time(["bin/subsidy.js", "check", profile]));
  }
  const b = median(bare);
  const c = median(cli);
  console.log(`cold start   node -e 0: ${b.toFixed(1)} ms   subsidy check ${profile}: ${c.toFixed(1)} ms   ratio ${(c / b).toFixed(2)}× (target ≤ 1.6×, median of ${runs})`);
  return { bareMs: b, cliMs: c, ratio: c / b };
}

export function engineThroughput(count = 5000, seconds = 3) {
  const policy = loadPolicy();
  const asOf = "2026-11-25";
  const r = rng(20200721);
  const profiles = [];
  for (let i = 0; i < count; i++) {
    try {
      profiles.push(validateProfileData(generateProfile(r, i), policy, { asOf }));
    } catch {
      /* a generated profile the loader rejects is simply not part of the engine benchmark */
    }
  }
  for (let i = 0; i < 2000; i++) evaluate(policy, profiles[i % profiles.length], asOf);
  let n = 0;
  let checksum = 0;
  const t0 = performance.now();
  const end = t0 + seconds * 1000;
  while (performance.now() < end) {
    for (let i = 0; i < profiles.length; i++) checksum += evaluate(policy, profiles[i], asOf).totals.maxYuan;
    n += profiles.length;
  }
  const perSec = n / ((performance.now() - t0) / 1000);
  console.log(`engine       ${Math.round(perSec).toLocaleString("en")} evaluations/s over ${profiles.length} varied profiles, one thread (target ≥ 50,000; checksum ${checksum % 1e9})`);
  return { perSec, profiles: profiles.length };
}

if (want("cold")) coldStart();
if (want("engine")) engineThroughput();

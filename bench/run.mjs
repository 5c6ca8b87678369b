// npm run bench: start-up, engine throughput and batch, measured in one run (`node bench/run.mjs batch` for one).
// Figures, not pass/fail: the targets are printed beside them.
import { spawnSync } from "node:child_process";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";
import { loadPolicy, evaluate, validateProfileData } from "../dist/index.js";
import { generateProfile, rng, BROKEN } from "./generate.mjs";
import { mkdtempSync, writeFileSync, rmSync, existsSync, readFileSync, statSync } from "node:fs";
import { tmpdir, loadavg, availableParallelism } from "node:os";
import { stringify } from "yaml";

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

/** A client folder of `count` generated profiles, about 0.5% of them broken in different ways. */
export function makeBatchFolder(count = 10000) {
  const dir = mkdtempSync(join(tmpdir(), "subsidy-bench-"));
  const r = rng(20260101);
  let broken = 0;
  for (let i = 0; i < count; i++) {
    if (i % 200 === 199) {
      const [name, body] = BROKEN[broken++ % BROKEN.length](i);
      writeFileSync(join(dir, name), body);
      continue;
    }
    const p = generateProfile(r, i);
    const text = `# ${p.enterprise.name} — intake ${2024 + (i % 3)}\n` + stringify(p);
    writeFileSync(join(dir, `client-${String(i).padStart(5, "0")}.${i % 50 === 7 ? "json" : "yaml"}`), i % 50 === 7 ? JSON.stringify(p, null, 2) : text);
  }
  return { dir, broken };
}

/** Runs a node command under /usr/bin/time when it is there, for the child's peak RSS. */
function measured(args, extraEnv = {}) {
  const hasTime = existsSync("/usr/bin/time");
  const t0 = performance.now();
  const r = hasTime
    ? spawnSync("/usr/bin/time", ["-f", "__RSS_KB__=%M", process.execPath, ...args], { cwd: root, env: { ...process.env, NO_COLOR: "1", ...extraEnv }, encoding: "utf8", maxBuffer: 1 << 28 })
    : spawnSync(process.execPath, ["--import", "data:text/javascript,process.on('exit',()=>process.stderr.write('__RSS_KB__='+process.resourceUsage().maxRSS))", ...args], { cwd: root, env: { ...process.env, NO_COLOR: "1", ...extraEnv }, encoding: "utf8", maxBuffer: 1 << 28 });
  const ms = performance.now() - t0;
  const rss = Number(/__RSS_KB__=(\d+)/.exec(r.stderr)?.[1] ?? NaN) / 1024;
  return { ms, rss, status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The floor: the same files read and parsed with js-yaml in a plain loop, as its own process. */
const FLOOR = `
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { load, CORE_SCHEMA } from "js-yaml";
const dir = process.argv[1];
const t0 = performance.now();
let n = 0;
for (const f of readdirSync(dir).sort()) {
  try { load(readFileSync(join(dir, f), "utf8"), { schema: CORE_SCHEMA }); n++; } catch {}
}
process.stdout.write(JSON.stringify({ loopMs: performance.now() - t0, n }));
`;

export function batch(count = 10000, runs = 5) {
  const { dir, broken } = makeBatchFolder(count);
  const out = join(dir, "..", `${dir.split("/").pop()}-report.json`);
  const run = (env = {}) => {
    const b = measured(["bin/subsidy.js", "batch", dir, "--format", "json", "--out", out, "--as-of", "2026-11-25"], env);
    if (b.status !== 1) throw new Error(`batch exited ${b.status} (expected 1 for the broken files): ${b.stderr.slice(0, 2000)}`);
    return b;
  };
  try {
    const floors = [];
    const loops = [];
    const batches = [];
    const twos = [];
    const rss = [];
    // Interleaved, so that machine noise falls on all alike.
    for (let k = 0; k < runs; k++) {
      const f = measured(["--input-type=module", "-e", FLOOR, dir]);
      floors.push(f.ms);
      loops.push(JSON.parse(f.stdout).loopMs);
      const b = run();
      batches.push(b.ms);
      rss.push(b.rss);
      twos.push(run({ SUBSIDY_THREADS: "2" }).ms);
    }
    const doc = JSON.parse(readFileSync(out, "utf8"));
    if (doc.profiles.length !== count || doc.summary.errors !== broken) throw new Error(`report has ${doc.profiles.length} profiles and ${doc.summary.errors} errors; expected ${count} and ${broken}`);
    const f = median(floors);
    const l = median(loops);
    const b = median(batches);
    const peak = Math.max(...rss);
    const min = (xs) => Math.min(...xs);
    console.log(
      `batch        ${count.toLocaleString("en")} profiles (${broken} broken), --format json --out (a ${(statSync(out).size / 1e6).toFixed(0)} MB report): ${b.toFixed(0)} ms, peak RSS ${peak.toFixed(0)} MB (target ≤ 200 MB)\n` +
        `             floor (read + js-yaml parse, plain loop): ${f.toFixed(0)} ms as a process, ${l.toFixed(0)} ms loop alone\n` +
        `             ratio ${(b / f).toFixed(2)}× the floor process (fastest runs: ${(min(batches) / min(floors)).toFixed(2)}×), ${(b / l).toFixed(2)}× the loop alone (target ≤ 1.5×; median of ${runs})\n` +
        `             threads: the default (src/batch/run.ts defaultThreads) ${process.env.SUBSIDY_THREADS ? `overridden by SUBSIDY_THREADS=${process.env.SUBSIDY_THREADS}` : "for this machine"}; SUBSIDY_THREADS=2: ${median(twos).toFixed(0)} ms\n` +
        `             ${availableParallelism()} cores, load average ${loadavg()[0].toFixed(1)}`,
    );
    return { batchMs: b, floorMs: f, loopMs: l, rssMb: peak, twoThreadsMs: median(twos) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
    rmSync(out, { force: true });
  }
}

if (want("cold")) coldStart();
if (want("engine")) engineThroughput();
if (want("batch")) batch();

// npm run bench: start-up, engine throughput and batch, measured in one run (`node bench/run.mjs batch` for one).
// Figures, not pass/fail: the targets are printed beside them.
import { spawnSync } from "node:child_process";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";
import { loadPolicy, evaluate, validateProfileData } from "../dist/index.js";
import { generateProfile, renderProfile, rng, BROKEN, STYLES } from "./generate.mjs";
import { mkdtempSync, writeFileSync, rmSync, existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { tmpdir, loadavg, availableParallelism } from "node:os";

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

/**
 * A client folder of `count` generated profiles, about 0.5% of them broken in different ways (bench/generate.mjs BROKEN).
 * style "realistic" (the default): the files consultants keep — ~35% hand-written (header, inline comments, sometimes
 * blank lines and flow-style items), ~35% as `subsidy ask --save` writes them, ~27% bare `yaml` output, 2% JSON,
 * credit codes on ~70%. style "bare": the benchmark's earlier folder (plain data, bare `yaml` output, 2% JSON).
 */
export function makeBatchFolder(count = 10000, { style = "realistic" } = {}) {
  const dir = mkdtempSync(join(tmpdir(), `subsidy-bench-${style}-`));
  const r = rng(20260101);
  const realistic = style === "realistic";
  const looks = rng(20260102);
  let broken = 0;
  let bytes = 0;
  const styles = Object.fromEntries(STYLES.map((s) => [s, 0]));
  let codes = 0;
  let flow = 0;
  for (let i = 0; i < count; i++) {
    if (i % 200 === 199) {
      const [name, body] = BROKEN[broken++ % BROKEN.length](i);
      writeFileSync(join(dir, name), body);
      bytes += Buffer.byteLength(body);
      continue;
    }
    const p = generateProfile(r, i, { realistic });
    const u = looks();
    const s = i % 50 === 7 ? "json" : !realistic ? "bare" : u < 0.36 ? "consultant" : u < 0.72 ? "ask" : "bare";
    const text = renderProfile(looks, p, i, s);
    writeFileSync(join(dir, `client-${String(i).padStart(5, "0")}.${s === "json" ? "json" : "yaml"}`), text);
    bytes += Buffer.byteLength(text);
    styles[s]++;
    if (p.enterprise.credit_code) codes++;
    if (text.includes("\n  - {")) flow++;
  }
  return { dir, broken, bytes, styles, codes, flow, count };
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

const AS_OF = "2026-11-25";
const min = (xs) => Math.min(...xs);
const thousands = (n) => Math.round(n).toLocaleString("en");

/**
 * What users run on a folder, each measured as its own process: the screen summary alone (stdout to a pipe),
 * the CSV report, the workbook, and the JSON report.
 */
function batchVariants(dir) {
  const base = dir.replace(/\/?$/, "");
  const csv = `${base}-report.csv`;
  const json = `${base}-report.json`;
  const xlsx = `${base}-report.xlsx`;
  const variants = [
    { label: "subsidy batch DIR (screen, piped)", args: [] },
    { label: "subsidy batch DIR --out report.csv", args: ["--out", csv], file: csv },
    { label: "subsidy batch DIR --out report.xlsx", args: ["--out", xlsx], file: xlsx },
    { label: "subsidy batch DIR --format json --out report.json", args: ["--format", "json", "--out", json], file: json },
  ];
  return variants.map((v) => ({ ...v, ms: [], rss: [] }));
}

/** The floor and each variant on one folder, `runs` times, interleaved so that machine noise falls on all alike. */
function measureFolder(folder, runs) {
  const { dir, broken, count } = folder;
  const variants = batchVariants(dir);
  const floor = { ms: [], loop: [] };
  try {
    for (let k = 0; k < runs; k++) {
      const f = measured(["--input-type=module", "-e", FLOOR, dir]);
      floor.ms.push(f.ms);
      floor.loop.push(JSON.parse(f.stdout).loopMs);
      for (const v of variants) {
        const b = measured(["bin/subsidy.js", "batch", dir, ...v.args, "--as-of", AS_OF], v.env);
        if (b.status !== 1) throw new Error(`${v.label} exited ${b.status} (expected 1 for the broken files): ${b.stderr.slice(0, 2000)}`);
        v.ms.push(b.ms);
        v.rss.push(b.rss);
      }
    }
    // Every generated profile is valid, and exactly the broken files are errors.
    const json = variants.find((v) => v.file?.endsWith(".json")).file;
    const doc = JSON.parse(readFileSync(json, "utf8"));
    if (doc.profiles.length !== count || doc.summary.errors !== broken) throw new Error(`report has ${doc.profiles.length} profiles and ${doc.summary.errors} errors; expected ${count} and ${broken}`);
    for (const v of variants) v.size = v.file ? statSync(v.file).size : undefined;
    return { floor, variants };
  } finally {
    for (const v of variants) if (v.file) rmSync(v.file, { force: true });
  }
}

/** A few generated files with credit codes, one of each style, must pass `subsidy check` on their own. */
function checkSome(dir) {
  const picked = new Map();
  for (const f of readdirSync(dir).sort()) {
    if (picked.size === 4) break;
    const text = readFileSync(join(dir, f), "utf8");
    const code = /credit_code"?: "?([0-9A-Z]{18})/.exec(text)?.[1];
    const style = text.startsWith("{") ? "json" : text.startsWith("# Enterprise profile") ? "ask" : / — intake \d+\n/.test(text.split("\n", 1)[0] + "\n") ? "bare" : "consultant";
    if (code && !picked.has(style)) picked.set(style, f);
  }
  for (const f of picked.values()) {
    const r = spawnSync(process.execPath, ["bin/subsidy.js", "check", join(dir, f), "--as-of", AS_OF], { cwd: root, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
    if (r.status !== 0) throw new Error(`subsidy check ${f} exited ${r.status}: ${r.stderr}`);
  }
  return picked.size;
}

function printFolder(title, folder, result, runs) {
  const { floor, variants } = result;
  const f = median(floor.ms);
  const s = folder.styles;
  const mix = folder.style === "realistic"
    ? `hand-written ${thousands(s.consultant)} (${thousands(folder.flow)} of them flow-style), ask --save ${thousands(s.ask)}, bare ${thousands(s.bare)}, JSON ${thousands(s.json)}; credit codes on ${thousands(folder.codes)}`
    : `bare ${thousands(s.bare)}, JSON ${thousands(s.json)}`;
  const col = Math.max(...variants.map((v) => v.label.length)) + 2;
  const lines = [
    `batch        ${title}, median of ${runs}: ${thousands(folder.count)} files (${folder.broken} broken), average ${thousands(folder.bytes / folder.count)} bytes — ${mix}`,
    `             ${"floor (read + js-yaml parse, plain loop)".padEnd(col)}${thousands(f).padStart(6)} ms (min ${thousands(min(floor.ms)).padStart(5)})          loop alone ${thousands(median(floor.loop))} ms`,
  ];
  for (const v of variants) {
    const b = median(v.ms);
    const file = v.size === undefined ? "" : `, report ${(v.size / 1e6).toFixed(0)} MB`;
    lines.push(
      `             ${v.label.padEnd(col)}${thousands(b).padStart(6)} ms (min ${thousands(min(v.ms)).padStart(5)})  ${(b / f).toFixed(2)}× floor (fastest runs ${(min(v.ms) / min(floor.ms)).toFixed(2)}×), peak RSS ${Math.max(...v.rss).toFixed(0)} MB${file}`,
    );
  }
  console.log(lines.join("\n"));
  return {
    floorMs: f,
    loopMs: median(floor.loop),
    variants: variants.map((v) => ({ label: v.label, ms: median(v.ms), minMs: min(v.ms), ratio: median(v.ms) / f, rssMb: Math.max(...v.rss), runs })),
  };
}

/**
 * The batch benchmark: the realistic folder (what consultants keep) and the earlier bare one, each with its own floor.
 * Targets (the issue): ≤ 1.5× the floor process, peak RSS ≤ 200 MB.
 */
export function batch(count = 10000, runs = 5, bareRuns = 3) {
  const results = {};
  // The bare folder is the comparison: fewer runs, so that the batch part stays under 3 minutes on 2 cores.
  for (const [style, title, n] of [["realistic", "realistic mix", runs], ["bare", "bare mix (the earlier folder)", bareRuns]]) {
    const t0 = performance.now();
    const folder = { ...makeBatchFolder(count, { style }), style };
    const genMs = performance.now() - t0;
    try {
      if (style === "realistic") checkSome(folder.dir);
      results[style] = printFolder(title, folder, measureFolder(folder, n), n);
      results[style].generateMs = genMs;
      results[style].averageBytes = folder.bytes / folder.count;
    } finally {
      rmSync(folder.dir, { recursive: true, force: true });
    }
  }
  console.log(
    `             target ≤ 1.5× the floor process, peak RSS ≤ 200 MB; runs interleaved (floor, then each variant); --as-of ${AS_OF}; ` +
      `${availableParallelism()} cores, load average ${loadavg()[0].toFixed(1)}`,
  );
  return results;
}

if (want("cold")) coldStart();
if (want("engine")) engineThroughput();
if (want("batch")) batch();

// Interleaved A/B timing of two built trees (each a package root with bin/ and dist/), for measuring a change:
//   AB="ROOT_A ROOT_B RUNS [DIR]" [ONLY=screen,csv,json] node bench/ab.mjs
// DIR: a folder of profiles (default: a new 10,000-profile realistic folder, as bench/run.mjs makes).
import { spawnSync } from "node:child_process";
import { performance } from "node:perf_hooks";
import { existsSync } from "node:fs";
process.argv = [process.argv[0], process.argv[1], "none"];
const { makeBatchFolder } = await import(new URL("./run.mjs", import.meta.url).href);
const [A, B, runsS, folderArg] = process.env.AB.split(" ");
const runs = Number(runsS);
let dir = folderArg;
if (!dir || !existsSync(dir)) { dir = makeBatchFolder(10000, { style: "realistic" }).dir; console.log("folder", dir); }
const variants = [["screen", []], ["csv", ["--out", "/tmp/ab-report.csv"]], ["json", ["--format", "json", "--out", "/tmp/ab-report.json"]]].filter(([n]) => !process.env.ONLY || process.env.ONLY.split(",").includes(n));
const res = {};
const med = (xs) => { const s = [...xs].sort((a, b) => a - b); return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2; };
for (let k = 0; k < runs; k++) for (const [name, args] of variants) for (const root of (k % 2 ? [B, A] : [A, B])) {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [`${root}/bin/subsidy.js`, "batch", dir, ...args, "--as-of", "2026-11-25"], { cwd: root, env: { ...process.env, NO_COLOR: "1" }, encoding: "utf8", maxBuffer: 1 << 28 });
  const ms = performance.now() - t0;
  if (r.status !== 1) throw new Error(`${root} ${name} exit ${r.status} ${r.stderr.slice(0, 500)}`);
  ((res[name] ??= {})[root] ??= []).push(ms);
}
for (const [name] of variants) {
  const a = res[name][A], b = res[name][B];
  console.log(`${name.padEnd(7)} A(${A}) median ${med(a).toFixed(0)} ms min ${Math.min(...a).toFixed(0)} | B(${B}) median ${med(b).toFixed(0)} ms min ${Math.min(...b).toFixed(0)} | B/A ${(med(b) / med(a)).toFixed(3)} (min ${(Math.min(...b) / Math.min(...a)).toFixed(3)})`);
}

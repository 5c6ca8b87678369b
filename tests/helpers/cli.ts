/** Runs the real bin/subsidy.js (the built bundle), as a user would. */
import { execFile, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { root } from "./real-policy.js";

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], o: { env?: NodeJS.ProcessEnv; input?: string; cwd?: string } = {}): CliResult {
  if (!existsSync(`${root}dist/cli.js`)) throw new Error("dist/cli.js is missing: run `npm run build` (npm test does it) before the end-to-end tests");
  const r = spawnSync(process.execPath, [`${root}bin/subsidy.js`, ...args], {
    cwd: o.cwd ?? root,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, NO_COLOR: "1", LANG: "en_US.UTF-8", ...o.env },
    input: o.input ?? "",
    encoding: "utf8",
    timeout: 20000,
    maxBuffer: 256 * 1024 * 1024,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** As runCli, without blocking: `it.concurrent` tests of one file then spawn side by side. */
export function runCliAsync(args: string[], o: { env?: NodeJS.ProcessEnv; cwd?: string } = {}): Promise<CliResult> {
  if (!existsSync(`${root}dist/cli.js`)) throw new Error("dist/cli.js is missing: run `npm run build` (npm test does it) before the end-to-end tests");
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      [`${root}bin/subsidy.js`, ...args],
      { cwd: o.cwd ?? root, env: { PATH: process.env.PATH, HOME: process.env.HOME, NO_COLOR: "1", LANG: "en_US.UTF-8", ...o.env }, encoding: "utf8", timeout: 20000, maxBuffer: 256 * 1024 * 1024 },
      (_e, stdout, stderr) => resolve({ code: child.exitCode, stdout, stderr }),
    );
  });
}

/** What varies between runs (dates of today, hashes) replaced by placeholders. */
export function normalise(s: string): string {
  return s.replace(/[0-9a-f]{64}/g, "<sha256>").replace(/\([0-9a-f]{12}\)/g, "(<sha>)");
}

/** Stack frames, internal errors, or Node's own crash output: none may ever reach a user. */
export const CRASH = /\n\s+at [^\n]*[(:/\\]|internal error|Error: |node:internal|\bat Object\.|RangeError|TypeError|ReferenceError/;

/** Runs the real bin/subsidy.js (the built bundle), as a user would. */
import { spawnSync } from "node:child_process";
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
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** What varies between runs (dates of today, hashes) replaced by placeholders. */
export function normalise(s: string): string {
  return s.replace(/[0-9a-f]{64}/g, "<sha256>").replace(/\([0-9a-f]{12}\)/g, "(<sha>)");
}

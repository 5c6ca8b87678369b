/** Spawning the real, built CLI (bin/subsidy.js → dist/cli.js; `npm test` builds first). */
import { spawn } from "node:child_process";
import * as path from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const BIN = path.join(ROOT, "bin/subsidy.js");

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/**
 * Runs `subsidy ARGS` with no colour and English messages; a run that hangs is killed after `timeout` ms
 * (and reported with code null). Asynchronous, so that tests can run side by side (describe.concurrent).
 */
export function subsidy(args: string[], opts: { cwd?: string; timeout?: number; env?: NodeJS.ProcessEnv } = {}): Promise<Run> {
  const t0 = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: opts.cwd ?? ROOT,
      env: { ...process.env, NO_COLOR: "1", LANG: "en_US.UTF-8", DEBUG: "", ...opts.env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on("data", (b: Buffer) => out.push(b));
    child.stderr.on("data", (b: Buffer) => err.push(b));
    const timer = setTimeout(() => child.kill("SIGKILL"), opts.timeout ?? 20000);
    child.on("error", reject);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout: Buffer.concat(out).toString("utf8"), stderr: Buffer.concat(err).toString("utf8"), ms: Date.now() - t0 });
    });
  });
}

/** Stack frames, internal errors, or Node's own crash output: none may ever reach a user. */
export const CRASH = /\n\s+at [^\n]*[(:/\\]|internal error|Error: |node:internal|\bat Object\.|RangeError|TypeError|ReferenceError/;

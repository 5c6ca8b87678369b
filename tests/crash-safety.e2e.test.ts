/**
 * Crash safety of reports: a run killed (SIGKILL, no chance to clean up) while `batch --out` is writing
 * leaves the previous report byte for byte, and a normal run leaves no temporary file behind.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { runCliAsync } from "./helpers/cli.js";
import { root } from "./helpers/real-policy.js";

const COPIES = 250; // × the 9 example profiles: a report of a few MB that takes a while to write
let dir: string;
let out: string;
const tmpFiles = () => fs.readdirSync(path.dirname(out)).filter((f) => f.endsWith(".tmp"));

beforeAll(() => {
  const base = fs.mkdtempSync(path.join(os.tmpdir(), "subsidy-crash-"));
  dir = path.join(base, "clients");
  fs.mkdirSync(dir);
  const src = path.join(root, "fixtures/profiles");
  const profiles = fs.readdirSync(src).filter((f) => /\.(ya?ml|json)$/.test(f));
  for (let i = 0; i < COPIES; i++) {
    for (const p of profiles) fs.copyFileSync(path.join(src, p), path.join(dir, `${String(i).padStart(4, "0")}-${p}`));
  }
  out = path.join(base, "report.json");
});
afterAll(() => fs.rmSync(path.dirname(dir), { recursive: true, force: true }));

describe("batch --out survives SIGKILL", () => {
  const args = () => ["batch", dir, "--out", out, "--as-of", "2026-11-25", "--lang", "en"];

  it("a normal run writes the report and leaves no temporary file", async () => {
    const r = await runCliAsync(args());
    expect(r.code).toBe(0);
    const doc = JSON.parse(fs.readFileSync(out, "utf8")) as { profiles: unknown[] };
    expect(doc.profiles.length).toBe(COPIES * 9);
    expect(tmpFiles()).toEqual([]);
  });

  it("killed while writing: the old report is byte-identical and parses", { timeout: 60_000 }, async () => {
    const before = fs.readFileSync(out);
    const child = spawn(process.execPath, [path.join(root, "bin/subsidy.js"), ...args()], {
      cwd: root,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, NO_COLOR: "1", LANG: "en_US.UTF-8" },
      stdio: "ignore",
    });
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on("exit", (_code, signal) => resolve(signal)));
    // Kill the moment the temporary report appears and has grown: the writer is mid-way.
    let sawTmp = false;
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline) {
      const tmp = tmpFiles()[0];
      if (tmp !== undefined) {
        let size: number;
        try {
          size = fs.statSync(path.join(path.dirname(out), tmp)).size;
        } catch {
          size = 0; // renamed in between: keep polling
        }
        if (size > 0) {
          sawTmp = true;
          child.kill("SIGKILL");
          break;
        }
      }
      if (child.exitCode !== null) break;
      await new Promise((r) => setTimeout(r, 2));
    }
    expect(sawTmp, "the temporary report never appeared: the run ended before it could be killed").toBe(true);
    expect(await exited).toBe("SIGKILL");
    const after = fs.readFileSync(out);
    expect(after.equals(before)).toBe(true);
    expect((JSON.parse(after.toString("utf8")) as { profiles: unknown[] }).profiles.length).toBe(COPIES * 9);
    // The killed run's temporary file is all that is left over; the next normal run must not be confused by it.
    for (const t of tmpFiles()) fs.rmSync(path.join(path.dirname(out), t));
    const again = await runCliAsync(args());
    expect(again.code).toBe(0);
    expect(tmpFiles()).toEqual([]);
  });
});

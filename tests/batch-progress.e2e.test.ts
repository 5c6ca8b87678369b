/**
 * The batch progress bar, in a real pseudo-terminal (`script`): shown on a terminal for a long run,
 * cleared at the end; nothing of it when stderr is a pipe.
 */
import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCli } from "./helpers/cli.js";
import { root } from "./helpers/real-policy.js";

const hasScript = existsSync("/usr/bin/script");

function folderOf(n: number): string {
  const dir = mkdtempSync(join(tmpdir(), "subsidy-progress-"));
  for (let i = 0; i < n; i++) copyFileSync(`${root}fixtures/profiles/huachuang.yaml`, join(dir, `c${String(i).padStart(4, "0")}.yaml`));
  return dir;
}

describe.skipIf(!hasScript)("batch progress bar", () => {
  it("is drawn on a terminal for a run of more than 200 files, and cleared", () => {
    const dir = folderOf(240);
    const cmd = `${process.execPath} ${root}bin/subsidy.js batch ${dir} --out ${join(dir, "..", `${dir.split("/").pop()}.csv`)} --as-of 2026-11-25 --lang en`;
    const r = spawnSync("script", ["-qfec", cmd, "/dev/null"], { encoding: "utf8", env: { ...process.env, NO_COLOR: "1", TERM: "xterm", COLUMNS: "100" }, timeout: 60000 });
    rmSync(dir, { recursive: true, force: true });
    rmSync(`${dir}.csv`, { force: true });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/\r\[#+\] 240\/240 profiles/);
    expect(r.stdout).toContain("\r\u001b[K");
  });

  it("writes nothing of it when stderr is not a terminal", () => {
    const dir = folderOf(240);
    const r = runCli(["batch", dir, "--as-of", "2026-11-25", "--lang", "en"]);
    rmSync(dir, { recursive: true, force: true });
    expect(r.code).toBe(0);
    expect(r.stderr).not.toContain("[#");
    expect(r.stderr).not.toContain("\r");
  });
});

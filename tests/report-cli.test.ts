/** End to end: `subsidy check` with --format md|html|csv and --out FILE, spawning the built bin/subsidy.js. */
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { AS_OF, policy, root } from "./report-helpers.js";

const bin = path.join(root, "bin/subsidy.js");
const dir = mkdtempSync(path.join(tmpdir(), "subsidy-out-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(args: string[]) {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: "utf8", env: { ...process.env, NO_COLOR: "1", LANG: "C" } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
const profile = "fixtures/profiles/bobeng-first-set.yaml";

describe("check --format and --out", () => {
  it("--format md prints the client report with totals, notice and the policy's warning", () => {
    const r = run(["check", profile, "--format", "md", "--lang", "en", "--as-of", AS_OF]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    expect(r.stdout).toContain("## Programs to claim");
    expect(r.stdout).toMatch(/\| Fixed sums \| ¥4,870,000 \|/);
    expect(r.stdout).toContain(policy.sha256);
    expect(r.stdout).toContain("confirm with the departments that it is still in force");
    expect(r.stdout).toContain("ceilings, not promises");
  });

  it("--out with .html writes one self-contained page and prints nothing", () => {
    const out = path.join(dir, "report.html");
    const r = run(["check", profile, "--lang", "zh", "--as-of", AS_OF, "--out", out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe("");
    const html = readFileSync(out, "utf8");
    expect(html.startsWith("<!DOCTYPE html>")).toBe(true);
    expect(html).not.toMatch(/<script|<link|src=|https?:\/\//i);
    expect(html).toContain("@page { size: A4; margin: 15mm; }");
    expect(html).toContain("¥3,500,000");
    expect(readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  it("--out with .csv writes BOM, one row per program, numbers as numbers", () => {
    const out = path.join(dir, "report.csv");
    expect(run(["check", profile, "--lang", "en", "--as-of", AS_OF, "--out", out]).code).toBe(0);
    const csv = readFileSync(out, "utf8");
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const lines = csv.slice(1).split("\r\n").filter((l) => l !== "");
    expect(lines.length).toBe(1 + policy.data.programs.length);
    expect(lines.find((l) => l.includes(",first-set-product,"))).toMatch(/,eligible,fixed,3500000,/);
  });

  it("--out with .txt writes the table as plain text without colour, even when colour is forced", () => {
    const out = path.join(dir, "report.txt");
    const r = spawnSync(process.execPath, [bin, "check", profile, "--lang", "en", "--as-of", AS_OF, "--out", out], { cwd: root, encoding: "utf8", env: { ...process.env, FORCE_COLOR: "1" } });
    expect(r.status).toBe(0);
    const text = readFileSync(out, "utf8");
    expect(text).toContain("Fixed total ¥4,870,000");
    expect(text).not.toContain("\u001b[");
  });

  it("--format overrides the extension; --unit wan prints 万元", () => {
    const out = path.join(dir, "report.out.json");
    expect(run(["check", profile, "--lang", "zh", "--as-of", AS_OF, "--format", "json", "--unit", "wan", "--out", out]).code).toBe(0);
    // …but only to a name of its own extension (issue 18): JSON is never written to report.md.
    const md0 = run(["check", profile, "--lang", "en", "--as-of", AS_OF, "--format", "json", "--out", path.join(dir, "report.out.md")]);
    expect(md0.code).toBe(2);
    expect(md0.stderr).toContain("report.out.md: a json report is only written to a file ending in .json");
    expect(JSON.parse(readFileSync(out, "utf8")).totals.fixedYuan).toBe(4870000);
    const md = run(["check", profile, "--lang", "zh", "--as-of", AS_OF, "--format", "md", "--unit", "wan"]);
    expect(md.stdout).toMatch(/\| 定额奖补合计 \| 487万元 \|/);
  });

  it("refuses to overwrite an input profile (exit 2) and leaves it whole", () => {
    const copy = path.join(dir, "in.yaml");
    copyFileSync(path.join(root, profile), copy);
    const before = readFileSync(copy, "utf8");
    const r = run(["check", copy, "--format", "md", "--out", copy]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("refusing to overwrite an input profile");
    expect(readFileSync(copy, "utf8")).toBe(before);
  });

  it("an unwritable --out is a usage error with a hint, no stack trace", () => {
    const r = run(["check", profile, "--lang", "en", "--out", path.join(dir, "no-such-folder", "r.md")]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${path.join(dir, "no-such-folder", "r.md")}: cannot write: the folder does not exist\n`);
    expect(r.stderr).not.toContain("    at ");
    expect(existsSync(path.join(dir, "no-such-folder"))).toBe(false);
  });

  it("an unknown --format is a usage error", () => {
    const r = run(["check", profile, "--format", "pdf"]);
    expect(r.code).toBe(2);
  });
});

/**
 * The HTML report in a real headless browser (Debian's chromium): it loads without console errors,
 * its DOM holds the tables, and a screenshot at A4 proportions is written. Skips, saying so, when
 * /usr/bin/chromium is absent (install with: apt-get update && apt-get install -y chromium).
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { render } from "./report-helpers.js";

const CHROMIUM = "/usr/bin/chromium";
const have = existsSync(CHROMIUM);
if (!have) console.warn(`SKIPPED: the HTML browser test needs ${CHROMIUM} (apt-get update && apt-get install -y chromium)`);

/** One headless chromium run with its own throw-away profile; console messages go to stderr. */
function chromium(args: string[]): { stdout: string; stderr: string } {
  const profileDir = mkdtempSync(path.join(tmpdir(), "subsidy-chromium-"));
  try {
    const flags = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", `--user-data-dir=${profileDir}`, "--enable-logging=stderr", "--v=0"];
    const r = spawnSync(CHROMIUM, [...flags, ...args], { encoding: "utf8", timeout: 60000 });
    if (r.status !== 0) throw new Error(`chromium exited ${r.status}: ${r.error?.message ?? ""}\n${r.stderr}`);
    return { stdout: r.stdout, stderr: r.stderr };
  } finally {
    rmSync(profileDir, { recursive: true, force: true });
  }
}

describe.skipIf(!have)("HTML report in headless chromium", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "subsidy-html-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const cases = [
    ["bobeng-first-set", "en"],
    ["luchuan-needs-info", "zh"],
  ] as const;
  for (const [fixture, lang] of cases) {
    it(`${fixture} (${lang}): no console errors, the DOM holds the tables, a screenshot is written`, () => {
      const file = path.join(dir, `${fixture}.${lang}.html`);
      writeFileSync(file, render(fixture, "html", lang));
      const url = `file://${file}`;
      const dom = chromium(["--dump-dom", url]);
      const consoleLines = dom.stderr.split("\n").filter((l) => l.includes(":CONSOLE"));
      expect(consoleLines, consoleLines.join("\n")).toEqual([]);
      expect(dom.stdout).toContain("<thead>");
      expect(dom.stdout).toContain("¥");
      const png = path.join(dir, `${fixture}.${lang}.png`);
      chromium([`--screenshot=${png}`, "--window-size=1240,1754", url]);
      expect(statSync(png).size).toBeGreaterThan(10000);
      expect(readFileSync(png).subarray(1, 4).toString("latin1")).toBe("PNG");
    });
  }

  it("reports a console error when the page has one (the check can fail)", () => {
    const file = path.join(dir, "broken.html");
    writeFileSync(file, "<!DOCTYPE html><html><body><script>noSuchFunction()</script></body></html>");
    const { stderr } = chromium(["--dump-dom", `file://${file}`]);
    expect(stderr).toContain(":CONSOLE");
  });
});

it("the browser test ran or said why not", () => {
  expect(typeof have).toBe("boolean");
  if (!have) expect(existsSync(CHROMIUM)).toBe(false);
});

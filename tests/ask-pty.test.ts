/**
 * End to end in a real pseudo-terminal: the built bin/subsidy.js runs under `script`, and the test types
 * as a consultant would, waiting for each prompt's text before sending keys.
 */
import { describe, expect, it } from "vitest";
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { root } from "./helpers/real-policy.js";
import { englishIn } from "./helpers/lang.js";

const BIN = join(root, "bin/subsidy.js");
const hasScript = existsSync("/usr/bin/script");
const KEY = { enter: "\r", down: "\x1b[B", space: " ", ctrlC: "\x03" };

// eslint-disable-next-line no-control-regex
const strip = (s: string) => s.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, "").replace(/\r/g, "");

class Pty {
  private buf = "";
  private seen = 0;
  readonly child: ChildProcessWithoutNullStreams;
  readonly exited: Promise<number | null>;
  constructor(args: string[], cwd: string) {
    const cmd = `stty cols 160 rows 60; exec ${[process.execPath, BIN, ...args].map((a) => `'${a}'`).join(" ")}`;
    this.child = spawn("script", ["-qfec", cmd, "/dev/null"], { cwd, env: { ...process.env, NO_COLOR: "1", TERM: "xterm" } });
    this.child.stdout.on("data", (d: Buffer) => (this.buf += d.toString("utf8")));
    this.exited = new Promise((res) => this.child.on("close", (code) => res(code)));
  }
  get text(): string {
    return strip(this.buf);
  }
  /** Waits until `needle` appears after the last match, then sends `keys` one by one. */
  async expect(needle: string, ...keys: string[]): Promise<void> {
    const deadline = Date.now() + 10000;
    for (;;) {
      const at = this.text.indexOf(needle, this.seen);
      if (at >= 0) {
        this.seen = at + needle.length;
        break;
      }
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${JSON.stringify(needle)}; screen so far:\n${this.text.slice(-600)}`);
      await new Promise((r) => setTimeout(r, 20));
    }
    for (const k of keys) {
      await new Promise((r) => setTimeout(r, 30));
      this.child.stdin.write(k);
    }
  }
}

describe.skipIf(!hasScript)("subsidy ask in a pseudo-terminal", () => {
  it("a whole interview: table, saved profile, and check on it agrees", async () => {
    const dir = mkdtempSync(join(tmpdir(), "subsidy-pty-"));
    const t = new Pty(["ask", "--lang", "en", "--as-of", "2024-12-31"], dir);
    await t.expect("Enterprise name", ..."Huachuang Precision", KEY.enter);
    await t.expect("registered in?", KEY.enter); // Zhangdian, the first
    await t.expect("credit code", KEY.enter); // optional: left empty
    // 二(一): Green factory is the 6th choice.
    await t.expect("Upgrading technology and processes", ...Array(5).fill(KEY.down), KEY.space, KEY.enter);
    // 二(二): first-set insurance is the 7th choice.
    await t.expect("Expanding the product range", ...Array(6).fill(KEY.down), KEY.space, KEY.enter);
    await t.expect("Raising product quality", KEY.enter);
    await t.expect("Raising economic returns", KEY.enter);
    await t.expect("Green factory: at which level?", KEY.enter); // national
    await t.expect("Green factory: date", ..."2024-01-15", KEY.enter);
    await t.expect("Green factory: has the city already paid for it?", KEY.enter); // no
    await t.expect("insurance compensation: at which level?", KEY.enter); // provincial: the cursor starts on the level that pays
    await t.expect("Premium paid (yuan)", ..."150万", KEY.enter);
    await t.expect("That is ¥1,500,000. Correct?", KEY.enter);
    await t.expect("insurance compensation: has the city already paid for it?", KEY.enter); // no
    await t.expect("Another First-of-its-kind", KEY.enter); // no
    await t.expect("Show what else the client could obtain?", KEY.enter); // yes
    await t.expect("Save these answers", KEY.enter);
    await t.expect("File name:", KEY.enter); // the suggested name
    await t.expect("Saved 'Huachuang Precision.yaml'");
    expect(await t.exited).toBe(0);

    const screen = t.text;
    expect(screen).toContain("National green factory");
    // The opportunities at the end: a national design centre is one the client does not hold.
    expect(screen).toContain("What else the client could obtain");
    expect(screen).toMatch(/Obtain a new national industrial design\s/);
    expect(screen).toMatch(/Fixed total\s*│?\s*¥1,300,000/);
    const file = join(dir, "Huachuang Precision.yaml");
    const saved = readFileSync(file, "utf8");
    expect(saved).toContain("type: green-factory # 绿色工厂");
    expect(saved).toContain("premium: 1500000");

    const check = spawnSync(process.execPath, [BIN, "check", "--format", "json", "--as-of", "2024-12-31", file], { env: { ...process.env, NO_COLOR: "1" }, encoding: "utf8" });
    expect(check.status).toBe(0);
    const doc = JSON.parse(check.stdout) as { totals: { fixedYuan: number }; results: { program: string; status: string; amount: { yuan: number | null } }[] };
    expect(doc.totals.fixedYuan).toBe(1300000); // ¥1,000,000 green factory + 20% of ¥1,500,000 premium
    expect(doc.results.find((r) => r.program === "first-set-insurance")).toMatchObject({ status: "eligible", amount: { yuan: 300000 } });
  });

  it("in Chinese, inquirer's own words are Chinese too: key hints, the ticked choices, the 是/否 echoes", async () => {
    const dir = mkdtempSync(join(tmpdir(), "subsidy-pty-"));
    const t = new Pty(["ask", "--lang", "zh", "--as-of", "2024-12-31"], dir);
    await t.expect("企业名称", ..."华创精密", KEY.enter);
    await t.expect("上下移动", KEY.enter); // the district: the first, 张店区
    await t.expect("统一社会信用代码", KEY.enter);
    // 二(一): green factory, the 6th choice, ticked.
    await t.expect("⏎ 确认", ...Array(5).fill(KEY.down), KEY.space, KEY.enter);
    // Every other question answered with enter (lists left empty, the first level, no date…) until the offer to save.
    const deadline = Date.now() + 20000;
    while (!t.text.includes("保存为企业情况文件") && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 300));
      if (!t.text.includes("保存为企业情况文件")) t.child.stdin.write(KEY.enter);
    }
    await t.expect("保存为企业情况文件");
    t.child.stdin.write("n");
    t.child.stdin.write(KEY.enter);
    expect(await t.exited).toBe(0);
    const screen = t.text;
    expect(screen).toContain("上下移动");
    expect(screen).toMatch(/空格 勾选/);
    expect(screen).toMatch(/保存为企业情况文件\S* 否/);
    expect(screen).not.toMatch(/navigate|\bselect\b|submit|\bYes\b|\bNo\b/);
    expect(englishIn(screen), screen).toBe("");
  });

  it("Ctrl-C at a prompt: Aborted, exit 130, nothing written, no stack trace", async () => {
    const dir = mkdtempSync(join(tmpdir(), "subsidy-pty-"));
    const t = new Pty(["ask", "--lang", "en"], dir);
    await t.expect("Enterprise name", ..."Half Done", KEY.enter);
    await t.expect("registered in?", KEY.ctrlC);
    expect(await t.exited).toBe(130);
    expect(t.text).toContain("Aborted");
    expect(t.text).not.toMatch(/at .*\.js:\d+/);
    expect(spawnSync("ls", ["-A", dir], { encoding: "utf8" }).stdout).toBe("");
  });
});

describe("subsidy ask without a terminal", () => {
  it("exits 2 at once when stdin is an open, silent pipe", async () => {
    const child = spawn(process.execPath, [BIN, "ask"], { env: { ...process.env, NO_COLOR: "1" } });
    let err = "";
    child.stderr.on("data", (d: Buffer) => (err += d.toString()));
    // stdin stays open and silent: the command must not wait for it.
    const code = await new Promise<number | null>((res) => child.on("close", res));
    expect(code).toBe(2);
    expect(err).toBe("subsidy ask needs a terminal; to evaluate a file use: subsidy check FILE\n");
  });
});

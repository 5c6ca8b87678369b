/**
 * Chinese first, end to end: every bad input (fixtures/bad, the invalid policies of fixtures/policies, files
 * that cannot be committed, usage errors) through the real bin/subsidy.js. With --lang zh no English
 * sentence may show (file names, paths, field paths, options, codes, numbers, quoted input and vocabulary
 * ids aside); with --lang en no Chinese of the catalogue may show (names and quoted input aside).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { CRASH, runCliAsync as subsidy } from "./helpers/cli.js";
import { root } from "./helpers/real-policy.js";
import { chineseIn, CJK, englishIn } from "./helpers/lang.js";

const AS_OF = "2024-12-31";
const GOOD = "fixtures/profiles/huachuang.yaml";

/** Named before the tests are collected; filled in beforeAll. */
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "subsidy-lang-"));
const generated = ["big.yaml", "many.yaml", "dir.yaml", "dangling.yaml", "loop.yaml", "nowhere.yaml", ...(process.platform !== "win32" ? ["fifo.yaml"] : [])];

beforeAll(() => {
  const valid = (extra = "") => "enterprise:\n  name: 淄博测试有限公司\n  district: 张店区\n" + extra;
  fs.writeFileSync(path.join(tmp, "big.yaml"), valid("# " + "x".repeat(1024 * 1024) + "\n"));
  fs.writeFileSync(path.join(tmp, "many.yaml"), valid("recognitions:\n" + "  - type: gazelle\n    level: provincial\n".repeat(10001)));
  fs.mkdirSync(path.join(tmp, "dir.yaml"));
  fs.symlinkSync(path.join(tmp, "absent.yaml"), path.join(tmp, "dangling.yaml"));
  fs.symlinkSync(path.join(tmp, "loop.yaml"), path.join(tmp, "loop.yaml"));
  if (process.platform !== "win32") execFileSync("mkfifo", [path.join(tmp, "fifo.yaml")]);
  fs.writeFileSync(path.join(tmp, "exists.yaml"), valid());
  // More profile mistakes than fixtures/bad holds: a bad credit code, a wrong-shaped list, a Chinese key, a date as text.
  fs.writeFileSync(
    path.join(tmp, "mixed.yaml"),
    "enterprise:\n  name: 淄博测试有限公司\n  credit_code: 91370303MA3CO001XY\n  ownership: privat\n  企业性质: 民营\nrecognitions:\n  - type: green-factory\n    level: nation\n    date: 2024年1月5日\nprojects: 技改\n",
  );
  fs.writeFileSync(path.join(tmp, "scenario.yaml"), "name: 坏场景\nas_of: 2024-02-30\nprofile:\n  enterprise:\n    name: x\nexpected:\n  totals:\n    fixedYuan: 1\n");
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const bad = fs.readdirSync(path.join(root, "fixtures/bad")).filter((f) => !f.includes("-ok."));
const policies = fs.readdirSync(path.join(root, "fixtures/policies")).filter((f) => f.endsWith(".yaml") && !f.endsWith(".test.yaml"));

/** Each run: its arguments, and the files whose names and contents may show in its output as they are. */
interface Run {
  name: string;
  args: string[];
  inputs?: string[];
}

function runs(): Run[] {
  const t = (f: string) => path.join(tmp, f);
  return [
    ...bad.map((f) => ({ name: `check fixtures/bad/${f}`, args: ["check", `fixtures/bad/${f}`, "--as-of", AS_OF], inputs: [`fixtures/bad/${f}`] })),
    { name: "batch fixtures/bad (the error cells)", args: ["batch", "fixtures/bad", "--as-of", AS_OF], inputs: bad.map((f) => `fixtures/bad/${f}`) },
    { name: "check several files, two of them bad", args: ["check", "fixtures/bad/utf8-bom-ok.yaml", "fixtures/bad/gbk.yaml", "fixtures/bad/money-wan.yaml", "--as-of", AS_OF], inputs: ["fixtures/bad/utf8-bom-ok.yaml"] },
    ...generated.map((f) => ({ name: `check (generated) ${f}`, args: ["check", t(f), "--as-of", AS_OF] })),
    { name: "check mixed mistakes", args: ["check", t("mixed.yaml"), "--as-of", AS_OF], inputs: [t("mixed.yaml")] },
    ...policies.map((f) => ({ name: `policy validate ${f}`, args: ["policy", "validate", `fixtures/policies/${f}`], inputs: [`fixtures/policies/${f}`] })),
    { name: "check with an invalid policy", args: ["check", GOOD, "--policy", "fixtures/policies/schema-error.yaml"] },
    { name: "check with a policy of bad syntax", args: ["check", GOOD, "--policy", "fixtures/policies/syntax-error.yaml"] },
    { name: "check with a missing policy", args: ["check", GOOD, "--policy", "nowhere/policy.yaml"] },
    { name: "policy test of a bad scenario", args: ["policy", "test", t("scenario.yaml")], inputs: [t("scenario.yaml")] },
    { name: "policy test of a missing folder", args: ["policy", "test", "nowhere"] },
    { name: "policy show of an unknown program", args: ["policy", "show", "green-factroy"] },
    { name: "policy diff --profiles not a folder", args: ["policy", "diff", "policy.yaml", "policy.yaml", "--profiles", GOOD] },
    { name: "unknown option", args: ["check", "--colour", GOOD] },
    { name: "unknown command", args: ["chek", GOOD] },
    { name: "missing argument", args: ["check"] },
    { name: "too many arguments", args: ["policy", "show", "a", "b"] },
    { name: "option value missing", args: ["check", GOOD, "--as-of"] },
    { name: "a choice not allowed", args: ["check", GOOD, "--format", "xml"] },
    { name: "--as-of not a date", args: ["check", GOOD, "--as-of", "2024-02-30"] },
    { name: "--max-depth not a number", args: ["check", GOOD, "--max-depth", "0"] },
    { name: "--max-file-size not a size", args: ["check", GOOD, "--max-file-size", "huge"] },
    { name: "batch of a missing folder", args: ["batch", "nowhere"] },
    { name: "batch of a file", args: ["batch", GOOD] },
    { name: "batch --out of no known format", args: ["batch", "fixtures/profiles", "--out", t("report.pdf")] },
    { name: "check --out over an input", args: ["check", GOOD, "--out", GOOD] },
    { name: "init over an existing file", args: ["init", t("exists.yaml")] },
    { name: "ask without a terminal", args: ["ask"] },
    { name: "a required option missing", args: ["import", "nowhere.xlsx"] },
    { name: "a workbook to the screen", args: ["check", GOOD, "--format", "xlsx"] },
    { name: "import of a missing workbook", args: ["import", "nowhere.xlsx", "--out", t("imported")] },
    { name: "import of a file that is not a workbook", args: ["import", "README.md", "--out", t("imported")] },
  ];
}

describe("the language detectors themselves", () => {
  it("find an English sentence in Chinese text, and nothing in a Chinese message with paths, options and ids", () => {
    expect(englishIn("a.yaml:6 recognitions[0].date: 2099-01-01 is after the evaluation date --as-of 2024-12-31")).toMatch(/is after the evaluation date/);
    expect(englishIn("error: 文件无效")).toBe("error");
    expect(englishIn("请使用：subsidy check FILE")).toBe("subsidy check FILE");
    expect(englishIn("没有 chek 这个命令")).toBe("");
    expect(englishIn("a.yaml:6 recognitions[0].date: 列入日期：2099-01-01 晚于评估日期 2024-12-31，请更正日期，或用更晚的 --as-of 评估", ["a.yaml"])).toBe("");
    expect(englishIn("未知的认定类型“green-factroy”，是否应为“green-factory”？可填写：gazelle、unicorn、first-set-product")).toBe("");
    expect(englishIn("文件不是 UTF-8 编码，看起来是 GBK/GB18030")).toBe("");
  });
  it("find the catalogue's Chinese in English text, and not a name or a quoted value", () => {
    expect(chineseIn("a.yaml: 文件是空的")).toBe("文件是空的");
    expect(chineseIn("淄博测试有限公司  district: 张店区", ["name: 淄博测试有限公司\n  district: 张店区"])).toBe("");
    expect(chineseIn(`write money as a plain number of yuan, e.g. 3800000, not "380万"`)).toBe("");
    expect(chineseIn("invalid credit code (统一社会信用代码): a credit code has 18 characters")).toBe("");
  });
});

describe.concurrent("every mistake, in Chinese and in English", () => {
  it.each(runs())("$name", async (r) => {
    const inputs = (r.inputs ?? []).map((f) => {
      const p = path.isAbsolute(f) ? f : path.join(root, f);
      try {
        return fs.statSync(p).isFile() ? fs.readFileSync(p, "utf8") : "";
      } catch {
        return "";
      }
    });
    // What the user wrote in quotes may show unquoted, in a field path (a key with "\n" in it, say).
    const quoted = inputs.flatMap((text) => [...text.matchAll(/"([^"\n]+)"/g)].map((m) => m[1] ?? ""));
    const files = [...(r.inputs ?? []), ...r.args.filter((a) => a.includes("/") || /\.(ya?ml|json|txt)$/.test(a)), ...quoted];

    const zh = await subsidy([...r.args, "--lang", "zh"], { cwd: root });
    const zhOut = zh.stdout + zh.stderr;
    expect(zhOut).not.toMatch(CRASH);
    expect(englishIn(zhOut, files), zhOut).toBe("");
    expect(zhOut, "a Chinese message says something").toMatch(CJK);

    const en = await subsidy([...r.args, "--lang", "en"], { cwd: root });
    const enOut = en.stdout + en.stderr;
    expect(en.code).toBe(zh.code);
    expect(chineseIn(enOut, [...inputs, ...files]), enOut).toBe("");
  });
});

/**
 * Issue 19, the presentation half, through the real bin/subsidy.js: screens that fit 80 and 120 columns,
 * Chinese typography, items named as people name them, JSON arrays with failed files, standard input,
 * a folder pointed to `batch`.
 */
import { describe, expect, it } from "vitest";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { runCli } from "./helpers/cli.js";
import { displayWidth, setAmbiguousWide } from "../src/render/width.js";
import { fullWidthPunctuation } from "../src/i18n/index.js";

const AS_OF = "2024-12-31";
/** A profile with three problems, and where they are. */
const TWO_PROBLEMS = 'enterprise:\n  name: x\n  district: 张店区\nprojects:\n  - {type: technical-renovation, audited_investment: "380万", date: 2024-01-01}\n  - {type: technical-renovation, audited_investment: "3,800,000", date: 2024-01-01}\nrecognitions:\n  - {type: green-factroy, level: national}\n';
const TWO_PROBLEMS_AT = [
  [5, "projects[0].audited_investment"],
  [6, "projects[1].audited_investment"],
  [8, "recognitions[0].type"],
];

/** The widest printed line, counted as the renderer counts (ambiguous characters wide in Chinese). */
function widest(text: string, lang: "zh" | "en"): { width: number; line: string } {
  setAmbiguousWide(lang === "zh");
  let best = { width: 0, line: "" };
  for (const line of text.split("\n")) {
    const w = displayWidth(line);
    if (w > best.width) best = { width: w, line };
  }
  return best;
}

const screens: { name: string; args: string[] }[] = [
  { name: "check --all --explain", args: ["check", "fixtures/profiles/huachuang.yaml", "fixtures/profiles/luchuan-needs-info.yaml", "fixtures/profiles/bobeng-first-set.yaml", "--all", "--explain", "--opportunities", "--as-of", "2026-11-25"] },
  { name: "check of an enterprise outside Zibo", args: ["check", "fixtures/profiles/yunqi-jinan.yaml", "--all", "--as-of", AS_OF] },
  { name: "batch with broken files", args: ["batch", "fixtures/profiles", "--as-of", AS_OF] },
  { name: "batch of the bad fixtures", args: ["batch", "fixtures/bad", "--as-of", AS_OF] },
  { name: "policy list", args: ["policy", "list"] },
];

describe("every printed line fits the screen (COLUMNS, piped)", () => {
  for (const columns of [80, 120]) {
    for (const lang of ["zh", "en"] as const) {
      for (const s of screens) {
        it(`${s.name} at ${columns} columns, ${lang}`, () => {
          const r = runCli([...s.args, "--lang", lang], { env: { COLUMNS: String(columns) } });
          expect(r.stdout.length).toBeGreaterThan(200);
          const w = widest(r.stdout, lang);
          expect(w.width, `too wide: ${w.line}`).toBeLessThanOrEqual(columns);
        });
      }
    }
  }

  it("uses the width it is given: the batch table is wider at 120 columns than at 80", () => {
    const at = (n: number) => widest(runCli(["batch", "fixtures/profiles", "--as-of", AS_OF, "--lang", "zh"], { env: { COLUMNS: String(n) } }).stdout, "zh").width;
    expect(at(80)).toBeGreaterThan(70);
    expect(at(120)).toBeGreaterThan(110);
  });
});

describe("Chinese typography", () => {
  const zh = runCli(["check", "fixtures/profiles/huachuang.yaml", "--all", "--as-of", AS_OF, "--lang", "zh"], { env: { COLUMNS: "80" } });

  const zhJson = JSON.parse(runCli(["check", "fixtures/profiles/huachuang.yaml", "--format", "json", "--as-of", AS_OF, "--lang", "zh"]).stdout) as { results: { program: string; reasons: string[] }[] };
  const reasons = (id: string) => zhJson.results.find((r) => r.program === id)?.reasons ?? [];

  it("names items as people do, with full-width punctuation and the clause in full-width brackets", () => {
    expect(reasons("first-set-product")).toEqual(["第2项认定：省级首台(套)重大技术装备及关键核心零部件产品名单 HC-5000 五轴加工中心（2024-03-01）符合条件：¥500,000（二(二)3）"]);
    expect(reasons("tech-renovation")).toEqual(["第1个项目：技术改造项目 智能化产线改造（2024-06-30）符合条件：最高¥3,800,000（二(一)1）"]);
    // The screen shows no profile paths (those stay in --explain and JSON).
    expect(zh.stdout).not.toMatch(/recognitions\[\d+\]|projects\[\d+\]/);
  });

  it("never breaks a clause reference and never starts a line with ， 、 or ：", () => {
    const cells = zh.stdout.split("\n").flatMap((l) => l.split("│").map((c) => c.trim()));
    for (const c of cells) expect(c, c).not.toMatch(/^[，、：；）]/);
    // Every clause in brackets is whole on its line.
    for (const c of cells) if (c.includes("（二(")) expect(c, c).toMatch(/（[一二三四五六七八九十]+\([一二三四五六七八九十]+\)\d*）/);
  });

  it("a standard's scope reads as a standard, not as a level, in --all reasons", () => {
    const all = JSON.parse(runCli(["check", "fixtures/profiles/huachuang.yaml", "--format", "json", "--as-of", AS_OF, "--lang", "zh"]).stdout) as { results: { program: string; reasons: string[] }[] };
    expect(all.results.find((r) => r.program === "standard-setting")?.reasons).toEqual(["企业信息中没有国际标准或国家标准（二(三)2）"]);
  });

  it("English names items the same way", () => {
    const en = runCli(["check", "fixtures/profiles/huachuang.yaml", "--as-of", AS_OF, "--lang", "en", "--format", "json"]);
    const doc = JSON.parse(en.stdout) as { results: { program: string; reasons: string[]; items: { ref: string }[] }[] };
    const fsp = doc.results.find((r) => r.program === "first-set-product");
    expect(fsp?.reasons[0]).toBe("recognition 2: provincial first-of-its-kind (first set) major equipment and key component product list HC-5000 五轴加工中心 (2024-03-01) qualifies: ¥500,000 (二(二)3)");
    // JSON keeps the profile path for programs.
    expect(fsp?.items[0]?.ref).toBe("recognitions[1]");
  });
});

describe("check: JSON arrays, standard input, folders", () => {
  it("several files give an array with an entry for each, failed ones as { profile: { file }, error, errors }", () => {
    const dir = mkdtempSync(join(tmpdir(), "subsidy-json-"));
    try {
      const two = join(dir, "two.yaml");
      writeFileSync(two, TWO_PROBLEMS);
      const r = runCli(["check", "fixtures/profiles/huachuang.yaml", "fixtures/bad/money-wan.yaml", two, "--format", "json", "--as-of", AS_OF, "--lang", "en"]);
      expect(r.code).toBe(1);
      const docs = JSON.parse(r.stdout) as { profile: { file: string; name?: string }; results?: unknown[]; error?: { message: string; line: number | null; path: string | null }; errors?: { line: number; path: string }[] }[];
      expect(docs.map((d) => d.profile.file)).toEqual(["fixtures/profiles/huachuang.yaml", "fixtures/bad/money-wan.yaml", two]);
      expect(docs[0]?.results).toHaveLength(26);
      expect(docs[1]?.error).toEqual({ message: 'write money as a plain number of yuan, e.g. 3800000, not "380万"', line: 6, path: "projects[0].audited_investment" });
      // Every problem of the file is kept, the first also as `error`.
      expect(docs[2]?.errors?.map((e) => [e.line, e.path])).toEqual(TWO_PROBLEMS_AT);
      expect(docs[2]?.error).toEqual(docs[2]?.errors?.[0]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("several files all failing still give an array", () => {
    const r = runCli(["check", "fixtures/bad/money-wan.yaml", "fixtures/bad/gbk.yaml", "--format", "json", "--lang", "en"]);
    expect(r.code).toBe(1);
    const docs = JSON.parse(r.stdout) as { error: { line: number } }[];
    expect(docs.map((d) => d.error.line)).toEqual([6, 2]);
  });

  it("one file still gives one document", () => {
    const r = runCli(["check", "fixtures/profiles/huachuang.yaml", "--format", "json", "--as-of", AS_OF]);
    expect(Array.isArray(JSON.parse(r.stdout))).toBe(false);
  });

  it("check - reads the profile from standard input", () => {
    const r = runCli(["check", "-", "--as-of", AS_OF, "--lang", "en", "--format", "json"], { input: "enterprise:\n  name: 淄博标准输入有限公司\n  district: 张店区\nrecognitions:\n  - {type: green-factory, level: national, date: 2024-01-15}\n" });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as { profile: { file: string; name: string }; totals: { fixedYuan: number } };
    expect(doc.profile).toEqual({ file: "<stdin>", name: "淄博标准输入有限公司" });
    expect(doc.totals.fixedYuan).toBe(1000000);
  });

  it("check - names standard input in its errors", () => {
    const r = runCli(["check", "-", "--lang", "en"], { input: "enterprise:\n  name: x\n  district: 张店区\nprojects:\n  - {type: technical-renovation, audited_investment: \"380万\", date: 2024-01-01}\n" });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^<stdin>:5 projects\[0\]\.audited_investment: write money as a plain number/);
  });

  it("check FOLDER points to batch, in the chosen language, and still evaluates the other files", () => {
    const dir = mkdtempSync(join(tmpdir(), "subsidy-folder-"));
    try {
      writeFileSync(join(dir, "a.yaml"), "enterprise: {name: 甲, district: 张店区}\n");
      const zh = runCli(["check", dir, "fixtures/profiles/huachuang.yaml", "--lang", "zh", "--as-of", AS_OF]);
      expect(zh.code).toBe(1);
      expect(zh.stderr.trim()).toBe(`${dir}: 是文件夹，不是档案：请指定一个 .yaml 或 .json 文件，或用 subsidy batch ${dir} 评估其中的每一份档案`);
      expect(zh.stdout).toContain("淄博华创精密机械有限公司");
      const en = runCli(["check", dir, "--lang", "en"]);
      expect(en.stderr.trim()).toBe(`${dir}: is a directory, not a profile: name a .yaml or .json file, or run subsidy batch ${dir} to evaluate every profile in it`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("batch JSON keeps every error of a file", () => {
  it("lists every problem of a file with three", () => {
    const dir = mkdtempSync(join(tmpdir(), "subsidy-batch-json-"));
    try {
      writeFileSync(join(dir, "two.yaml"), TWO_PROBLEMS);
      writeFileSync(join(dir, "good.yaml"), "enterprise: {name: 淄博好档案有限公司, district: 张店区}\n");
      const r = runCli(["batch", dir, "--format", "json", "--as-of", AS_OF, "--lang", "en"]);
      expect(r.code).toBe(1);
      const doc = JSON.parse(r.stdout) as { profiles: { profile: { file: string }; error?: unknown; errors?: { line: number; path: string }[] }[] };
      const bad = doc.profiles.find((p) => p.profile.file.endsWith("two.yaml"));
      expect(bad?.errors?.map((e) => [e.line, e.path])).toEqual(TWO_PROBLEMS_AT);
      expect(bad?.error).toEqual(bad?.errors?.[0]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("Chinese text from the policy file takes full-width punctuation", () => {
  it("between Chinese words only: numbers and English keep theirs", () => {
    expect(fullWidthPunctuation("单位元,见第三方审核报告;不含土建。 a, b: c 2,000")).toBe("单位元，见第三方审核报告；不含土建。 a, b: c 2,000");
  });
});

describe("preferences: flags, then SUBSIDY_LANG / SUBSIDY_UNIT, then the config file, then the locale", () => {
  const profile = join(process.cwd(), "fixtures/profiles/huachuang.yaml");
  const withFolder = (files: Record<string, string>, body: (dir: string) => void) => {
    const dir = mkdtempSync(join(tmpdir(), "subsidy-prefs-"));
    try {
      for (const [name, text] of Object.entries(files)) {
        mkdirSync(dirname(join(dir, name)), { recursive: true });
        writeFileSync(join(dir, name), text);
      }
      body(dir);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
  const totals = (r: { stdout: string }) => r.stdout.split("\n").find((l) => /¥|万元|wan/.test(l) && /·/.test(l) && !/\.yaml/.test(l)) ?? "";

  it("SUBSIDY_LANG and SUBSIDY_UNIT set the language and unit; flags win", () => {
    const env = { SUBSIDY_LANG: "zh", SUBSIDY_UNIT: "wan" };
    expect(totals(runCli(["check", profile, "--as-of", AS_OF], { env }))).toBe("定额合计 180万元  ·  含限额最高合计 580万元");
    expect(totals(runCli(["check", profile, "--as-of", AS_OF, "--lang", "en", "--unit", "yuan"], { env }))).toBe("Fixed total ¥1,800,000  ·  Maximum incl. ceilings ¥5,800,000");
  });

  it("subsidy.config.yaml in the working folder sets language, unit and policy; the environment wins over it", () => {
    const policy = readFileSync("fixtures/policies/amended-2023.test.yaml", "utf8");
    withFolder({ "subsidy.config.yaml": "# our office\nlang: zh\nunit: wan\npolicy: policies/amended.yaml\n", "policies/amended.yaml": policy }, (dir) => {
      const r = runCli(["check", profile, "--as-of", AS_OF], { cwd: dir });
      expect(r.stderr).toBe("");
      expect(totals(r)).toMatch(/^定额合计 [\d.]+万元/);
      expect(r.stdout).toContain("2023.1.0-test");
      expect(totals(runCli(["check", profile, "--as-of", AS_OF], { cwd: dir, env: { SUBSIDY_LANG: "en", SUBSIDY_UNIT: "yuan" } }))).toMatch(/^Fixed total ¥/);
    });
  });

  it("the user's config folder (XDG_CONFIG_HOME) when the working folder has none", () => {
    withFolder({ "xdg/subsidy/config.yaml": "lang: zh\n" }, (dir) => {
      const r = runCli(["check", profile, "--as-of", AS_OF], { cwd: dir, env: { XDG_CONFIG_HOME: join(dir, "xdg") } });
      expect(totals(r)).toBe("定额合计 ¥1,800,000  ·  含限额最高合计 ¥5,800,000");
    });
  });

  it("a bad config file is one located line and exit 2", () => {
    withFolder({ "subsidy.config.yaml": "lang: zh\ncolour: red\n" }, (dir) => {
      const r = runCli(["check", profile], { cwd: dir, env: { LANG: "zh_CN.UTF-8" } });
      expect(r.code).toBe(2);
      expect(r.stdout).toBe("");
      expect(r.stderr).toBe(`${join(dir, "subsidy.config.yaml")}:2 colour: 不认识的设置；只能设置 lang, unit, policy\n`);
    });
    withFolder({ "subsidy.config.yaml": "unit: cny\n" }, (dir) => {
      const r = runCli(["check", profile], { cwd: dir });
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(`${join(dir, "subsidy.config.yaml")}:1 unit: invalid value; expected yuan, wan\n`);
    });
    const bad = runCli(["check", profile], { env: { SUBSIDY_LANG: "fr" } });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe("SUBSIDY_LANG=fr: expected zh, en\n");
  });

  it("--help says which setting is in force and where it comes from", () => {
    withFolder({ "subsidy.config.yaml": "unit: wan\n" }, (dir) => {
      const r = runCli(["check", "--help"], { cwd: dir, env: { SUBSIDY_LANG: "zh", COLUMNS: "200" } });
      expect(r.code).toBe(0);
      expect(r.stdout).toContain("（当前：zh，来自环境变量 SUBSIDY_LANG）");
      expect(r.stdout).toContain(`（当前：wan，来自配置文件 ${join(dir, "subsidy.config.yaml")}）`);
      expect(r.stdout).toContain("用法：");
      const en = runCli(["check", "--help"], { cwd: dir, env: { COLUMNS: "200" } });
      expect(en.stdout).toContain("(now: en, from the system language (LANG))");
    });
  });

  it("the top-level --help lists the shared options and examples, in the chosen language", () => {
    const zh = runCli(["--help", "--lang", "zh"], { env: { COLUMNS: "80" } });
    expect(zh.code).toBe(0);
    expect(zh.stdout).toContain("每个命令都接受的选项：");
    for (const flag of ["--as-of", "--policy", "--lang", "--unit", "--no-color", "--max-file-size"]) expect(zh.stdout).toContain(`  ${flag}`);
    expect(zh.stdout).toContain("示例：");
    expect(zh.stdout).toContain("  cat client.yaml | subsidy check - --format json");
    expect(widest(zh.stdout, "zh").width).toBeLessThanOrEqual(80);
    const en = runCli(["--help"]);
    expect(en.stdout).toContain("Options every command takes:");
    expect(en.stdout).toContain("Examples:");
  });
});

describe("every command's --help is in the chosen language, every text from the catalogue", () => {
  const commands = [[], ["check"], ["batch"], ["ask"], ["init"], ["schema"], ["export"], ["import"], ["policy"], ["policy", "list"], ["policy", "show"], ["policy", "validate"], ["policy", "diff"], ["policy", "test"]];
  for (const lang of ["zh", "en"] as const) {
    it(`${lang}: no catalogue key shows through, and the lines fit 80 columns`, () => {
      for (const cmd of commands) {
        const r = runCli([...cmd, "--help", "--lang", lang], { env: { COLUMNS: "80" } });
        expect(r.code, cmd.join(" ")).toBe(0);
        expect(r.stdout, cmd.join(" ")).not.toMatch(/\bhelp\.[a-z]/);
        if (lang === "zh") expect(r.stdout, cmd.join(" ")).toContain("用法：");
        expect(widest(r.stdout, lang).width, cmd.join(" ")).toBeLessThanOrEqual(80);
      }
    });
  }
});

/** Issue 16 through the real binary: every format shows the readings, the warnings and the conservative totals. */
import { describe, expect, it } from "vitest";
import { mkdtempSync, rmSync, writeFileSync, mkdirSync, copyFileSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCli } from "./helpers/cli.js";
import { root } from "./helpers/real-policy.js";

/** One item before the policy (ITM, no 新) and insurance over two items: two readings change the money. */
const PROFILE = `enterprise:
  name: 淄博测试泵业有限公司
  district: 山东省淄博市博山区
recognitions:
  - type: itm-certification
    level: national
    date: 2019-06-30
  - type: first-set-insurance
    level: provincial
    date: 2023-05-01
    premium: 4000000
  - type: first-set-insurance
    level: provincial
    date: 2024-05-01
    premium: 5000000
  - type: green-factory
    level: national
    date: 2025-03-01
`;

function withProfile<T>(body: string, f: (dir: string, file: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), "subsidy-i16-"));
  try {
    const file = join(dir, "p.yaml");
    writeFileSync(file, body);
    return f(dir, file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe("issue 16 end to end", () => {
  it("JSON: alternatives per result, conservative totals, the later item in warnings", () => {
    withProfile(PROFILE, (_d, file) => {
      const r = runCli(["check", file, "--as-of", "2024-12-31", "--lang", "en", "-f", "json"]);
      expect(r.code).toBe(0);
      const doc = JSON.parse(r.stdout);
      const by = (id: string) => doc.results.find((x: { program: string }) => x.program === id);
      expect(by("first-set-insurance").amount.yuan).toBe(1800000);
      expect(by("first-set-insurance").alternatives).toEqual([{ reading: "insurance-cap-per-enterprise", yuan: 1000000, note: "if the ¥1,000,000 cap is per enterprise" }]);
      expect(by("itm-certification").alternatives[0]).toMatchObject({ reading: "before-policy-excluded", yuan: 0 });
      expect(by("green-factory").alternatives).toEqual([]);
      expect(doc.totals).toEqual({ fixedYuan: 1900000, maxYuan: 1900000, conservativeFixedYuan: 1000000, conservativeMaxYuan: 1000000 });
      expect(doc.warnings.join("\n")).toContain("Left out: recognition 4: national green factory (2025-03-01) is dated after the evaluation date 2024-12-31");
    });
  });

  it("table, Markdown, HTML and CSV show the other reading beside the amount and the warning", () => {
    withProfile(PROFILE, (_d, file) => {
      const table = runCli(["check", file, "--as-of", "2024-12-31", "--lang", "en", "--explain"]).stdout;
      // In the amount cell (wrapped) and, whole, in the explanation under the table.
      expect(table).toMatch(/│ ¥1,800,000 · +│/);
      expect(table).toContain("    ¥1,000,000 if the ¥1,000,000 cap is per enterprise (二(二)3)");
      expect(table).toContain("At the lowest reading: Fixed total ¥1,000,000");
      expect(table).toContain("Left out: recognition 4: national green factory");
      for (const f of ["md", "html"]) {
        const out = runCli(["check", file, "--as-of", "2024-12-31", "--lang", "en", "-f", f]).stdout;
        expect(out, f).toContain("if the ¥1,000,000 cap is per enterprise");
        expect(out, f).toContain("Left out: recognition 4: national green factory");
      }
      const zh = runCli(["check", file, "--as-of", "2024-12-31", "--lang", "zh", "--explain"]).stdout;
      expect(zh).toContain("若100万元上限按企业累计计：¥1,000,000");
      const csv = runCli(["check", file, "--as-of", "2024-12-31", "--lang", "en", "-f", "csv"]).stdout;
      expect(csv).toContain("Left out: recognition 4: national green factory");
      expect(csv).toContain("¥1,000,000 if the ¥1,000,000 cap is per enterprise (二(二)3)");
    });
  });

  it("--reading conservative makes the lowest reading the headline", () => {
    withProfile(PROFILE, (_d, file) => {
      const doc = JSON.parse(runCli(["check", file, "--as-of", "2024-12-31", "--lang", "en", "-f", "json", "--reading", "conservative"]).stdout);
      const ins = doc.results.find((x: { program: string }) => x.program === "first-set-insurance");
      expect(ins.amount.yuan).toBe(1000000);
      expect(ins.alternatives[0]).toMatchObject({ reading: "adopted", yuan: 1800000 });
      expect(doc.totals.fixedYuan).toBe(1000000);
    });
  });

  it("a district one character off is a profile error with did-you-mean (file:line, exit 1)", () => {
    withProfile("enterprise:\n  name: 测试\n  district: 张店去\n", (_d, file) => {
      const r = runCli(["check", file, "--as-of", "2024-12-31", "--lang", "zh"]);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(`${file}:3 enterprise.district: “张店去”不是淄博市的区县；是不是“张店区”？`);
    });
  });

  it("a place outside Zibo: the default screen says why nothing applies, in one line", () => {
    withProfile("enterprise:\n  name: 测试\n  district: 济南市历下区\nrecognitions:\n  - {type: green-factory, level: national, date: 2024-01-15}\n", (_d, file) => {
      const r = runCli(["check", file, "--as-of", "2024-12-31", "--lang", "en"]);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain("No program of this policy applies: 济南市历下区 is not one of Zibo's eleven divisions.");
    });
  });

  it("a file with an item after --as-of is evaluated, not refused", () => {
    const r = runCli(["check", "fixtures/as-of/later-items.yaml", "--as-of", "2024-12-31", "--lang", "en"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Left out: recognition 1: national green factory (2099-01-01)");
    // The program the later item would have paid says so with --all, naming the item as people do, not by its path.
    const zh = runCli(["check", "fixtures/as-of/later-items.yaml", "--as-of", "2024-12-31", "--lang", "zh", "--all"]);
    expect(zh.stdout).toContain("第1项认定：日期晚于评估日2024-12-31，未计入本次评估");
    expect(zh.stdout).not.toMatch(/recognitions\[\d+\]/);
  });

  it("batch: the summary carries the conservative totals in JSON, table and Markdown", () => {
    withProfile(PROFILE, (dir, file) => {
      const sub = join(dir, "clients");
      mkdirSync(sub);
      copyFileSync(file, join(sub, "a.yaml"));
      const json = JSON.parse(runCli(["batch", sub, "--as-of", "2024-12-31", "--lang", "en", "-f", "json"]).stdout);
      expect(json.summary.totals).toEqual({ fixedYuan: 1900000, maxYuan: 1900000, conservativeFixedYuan: 1000000, conservativeMaxYuan: 1000000 });
      expect(json.profiles[0].totals.conservativeFixedYuan).toBe(1000000);
      const table = runCli(["batch", sub, "--as-of", "2024-12-31", "--lang", "en"]).stdout;
      expect(table).toContain("At every program's lowest reading: fixed ¥1,000,000");
      const md = runCli(["batch", sub, "--as-of", "2024-12-31", "--lang", "en", "-f", "md"]).stdout;
      expect(md).toContain("At every program's lowest reading: fixed ¥1,000,000");
      // The item after --as-of is named for this enterprise in every report.
      expect(table).toContain("Left out: recognition 4: national green factory (2025-03-01)");
      expect(md).toContain("Left out: recognition 4: national green factory (2025-03-01)");
      const csv = runCli(["batch", sub, "--as-of", "2024-12-31", "--lang", "en", "-f", "csv"]).stdout;
      expect(csv).toContain("¥1,000,000 if the ¥1,000,000 cap is per enterprise (二(二)3)");
      expect(csv).toContain("Left out: recognition 4: national green factory (2025-03-01)");
      expect(json.profiles[0].warnings.join("\n")).toContain("Left out: recognition 4: national green factory");
      // A client outside Zibo is named with the reason, not just added as ¥0.
      writeFileSync(join(sub, "b.yaml"), "enterprise:\n  name: 济南测试\n  district: 济南市历下区\nrecognitions:\n  - {type: green-factory, level: national, date: 2024-01-15}\n");
      const again = runCli(["batch", sub, "--as-of", "2024-12-31", "--lang", "en"]).stdout;
      expect(again).toContain("No program of this policy applies: 济南市历下区 is not one of Zibo's eleven divisions.");
    });
  });

  it("the README's worked example is what the tool prints", () => {
    const readme = readFileSync(`${root}README.md`, "utf8");
    const block = /```console\n\$ subsidy check fixtures\/profiles\/huachuang\.yaml --as-of 2024-12-31 --lang en\n([\s\S]*?)```/.exec(readme);
    expect(block).not.toBeNull();
    const r = runCli(["check", "fixtures/profiles/huachuang.yaml", "--as-of", "2024-12-31", "--lang", "en"]);
    // The policy's short digest changes with every edit of policy.yaml; everything else must be as printed.
    const digest = (s: string | undefined) => s?.replace(/\(([0-9a-f]{12})\)/g, "(<sha256:12>)");
    expect(digest(r.stdout)).toBe(digest(block?.[1]));
  });
});

import { describe, expect, it } from "vitest";
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createHash } from "node:crypto";
import { runCli } from "./helpers/cli.js";
import { root } from "./helpers/real-policy.js";

const AS_OF = "2026-11-25";
const ANSI = new RegExp(String.fromCharCode(27) + "\\[");
const policySha = createHash("sha256").update(readFileSync(`${root}policy.yaml`)).digest("hex");

describe("subsidy check (end to end, real binary)", () => {
  it("prints the table for the profile.md example: eligible programs by kind, totals kept apart", () => {
    const r = runCli(["check", "fixtures/profiles/huachuang.yaml", "--as-of", "2024-12-31", "--lang", "en"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    const out = r.stdout;
    expect(out).toContain("淄博华创精密机械有限公司");
    expect(out).toContain("zibo-five-optimizations 2020.1.0");
    expect(out).toContain("As of: 2024-12-31");
    const fixed = out.indexOf("Eligible — fixed sums");
    const upTo = out.indexOf("Eligible — up to a ceiling");
    expect(fixed).toBeGreaterThan(0);
    expect(upTo).toBeGreaterThan(fixed);
    expect(out.slice(fixed, upTo)).toContain("National green factory");
    expect(out.slice(upTo)).toContain("up to ¥3,800,000");
    expect(out).toMatch(/Fixed total ¥1,800,000 {2}· {2}Maximum incl\. ceilings ¥5,800,000/);
    expect(out).toContain('"Up to" sums are ceilings');
    expect(out).not.toMatch(ANSI);
    // No confirmation warning before 2025-12-31…
    expect(out).not.toContain("confirm with the departments");
  });

  it("warns after 2025-12-31 that the policy's force should be confirmed", () => {
    const r = runCli(["check", "fixtures/profiles/huachuang.yaml", "--as-of", AS_OF, "--lang", "en"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("confirm with the departments that it is still in force");
  });

  it("--format json prints exactly the output.md document", () => {
    const r = runCli(["check", "fixtures/profiles/huachuang.yaml", "--as-of", "2024-12-31", "--format", "json", "--lang", "en"]);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(Object.keys(doc)).toEqual(["policy", "asOf", "warnings", "profile", "results", "totals", "opportunities"]);
    expect(doc.policy).toEqual({ id: "zibo-five-optimizations", version: "2020.1.0", sha256: policySha });
    expect(doc.asOf).toBe("2024-12-31");
    expect(doc.profile).toEqual({ file: "fixtures/profiles/huachuang.yaml", name: "淄博华创精密机械有限公司" });
    expect(doc.results).toHaveLength(26);
    for (const res of doc.results) {
      expect(Object.keys(res)).toEqual(["program", "title", "clause", "status", "amount", "items", "reasons", "missing", "alternatives"]);
      expect(["eligible", "ineligible", "needs-info"]).toContain(res.status);
      if (res.status !== "eligible") expect(res.amount.yuan).toBe(0);
      else if (res.amount.kind === "discretionary") expect(res.amount.yuan).toBeNull();
      for (const reason of res.reasons) expect(reason).toContain(`(${res.clause})`);
    }
    const fsp = doc.results.find((x: { program: string }) => x.program === "first-set-insurance");
    expect(fsp).toMatchObject({ status: "eligible", amount: { kind: "fixed", yuan: 300000 }, clause: "二(二)3" });
    expect(fsp.items).toEqual([{ ref: "recognitions[3]", yuan: 300000, note: "recognition 4: 20% × ¥1,500,000.00 = ¥300,000.00 → ¥300,000; recognition 4: cap ¥1,000,000 not reached" }]);
    const itm = doc.results.find((x: { program: string }) => x.program === "itm-certification");
    expect(itm).toMatchObject({ status: "ineligible", amount: { kind: "fixed", yuan: 0 } });
    expect(itm.reasons.join(" ")).toContain("already rewarded");
    expect(doc.totals).toEqual({ fixedYuan: 1800000, maxYuan: 5800000, conservativeFixedYuan: 1800000, conservativeMaxYuan: 5800000 });
  });

  it("lists needs-info programs with the profile paths to find out", () => {
    const r = runCli(["check", "fixtures/profiles/luchuan-needs-info.yaml", "--as-of", AS_OF, "--format", "json"]);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    const needs = doc.results.filter((x: { status: string }) => x.status === "needs-info");
    expect(needs.map((x: { program: string }) => x.program).sort()).toEqual(["champion-matching", "military-qualification", "military-standard", "tech-renovation"]);
    const tech = needs.find((x: { program: string }) => x.program === "tech-renovation");
    expect(tech.missing).toEqual(["projects[0].audited_investment"]);
    const table = runCli(["check", "fixtures/profiles/luchuan-needs-info.yaml", "--as-of", AS_OF, "--lang", "en"]);
    expect(table.stdout).toContain("Needs information");
    // The table says in words what to find out; the profile paths are for --explain (and JSON).
    expect(table.stdout).toContain("project 1: Audited equipment and software investment");
    expect(table.stdout).not.toContain("projects[0].audited_investment");
    const explained = runCli(["check", "fixtures/profiles/luchuan-needs-info.yaml", "--as-of", AS_OF, "--lang", "en", "--explain"]);
    expect(explained.stdout).toContain("projects[0].audited_investment");
  });

  it("--all adds the ineligible programs with their reasons; zh follows LANG", () => {
    const r = runCli(["check", "fixtures/profiles/yunqi-jinan.yaml", "--as-of", AS_OF, "--all"], { env: { LANG: "zh_CN.UTF-8" } });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("不符合条件");
    expect(r.stdout).toContain("不属于淄博市十一个区县");
    expect(r.stdout).toContain("定额合计 ¥0");
  });

  it("evaluates several files, one section each, and exits 1 when one is invalid", () => {
    const r = runCli(["check", "fixtures/profiles/huachuang.yaml", "fixtures/bad/unknown-recognition-type.yaml", "fixtures/profiles/kangrui-yiyuan.yaml", "--as-of", AS_OF, "--lang", "en"]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("淄博华创精密机械有限公司");
    expect(r.stdout).toContain("沂源");
    expect(r.stderr).toMatch(/^fixtures\/bad\/unknown-recognition-type\.yaml:\d+ recognitions\[\d\]\.type: .*did you mean/m);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it("usage errors exit 2 with one line, never a stack trace", () => {
    for (const args of [["check"], ["check", "x.yaml", "--bogus"], ["check", "x.yaml", "--as-of", "2024-02-30"], ["check", "x.yaml", "--format", "pdf"], ["nonsense"]]) {
      const r = runCli(args);
      expect(r.code, args.join(" ")).toBe(2);
      expect(r.stderr, args.join(" ")).not.toMatch(/\n\s+at /);
      expect(r.stdout).toBe("");
    }
    const missingPolicy = runCli(["check", "fixtures/profiles/huachuang.yaml", "--policy", "no/such/policy.yaml"]);
    expect(missingPolicy.code).toBe(2);
    expect(missingPolicy.stderr).toContain("no/such/policy.yaml");
  });

  it("an item dated after --as-of is left out of that evaluation and named in the warnings (issue 16)", () => {
    const r = runCli(["check", "fixtures/profiles/huachuang.yaml", "--as-of", "2024-02-01", "--lang", "en"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    expect(r.stdout.replace(/\n/g, " ")).toContain("Left out: recognition 2: provincial first-of-its-kind (first set) major equipment and key component product list HC-5000 五轴加工中心 (2024-03-01) is dated after the evaluation date 2024-02-01");
  });

  it("every fixture profile evaluates with exit 0 and totals that add up", () => {
    const files = readdirSync(`${root}fixtures/profiles`).filter((f) => /\.(ya?ml|json)$/i.test(f));
    expect(files.length).toBeGreaterThanOrEqual(6);
    for (const f of files) {
      const r = runCli(["check", `fixtures/profiles/${f}`, "--as-of", AS_OF, "--format", "json"]);
      expect(r.code, f).toBe(0);
      const doc = JSON.parse(r.stdout);
      const eligible = doc.results.filter((x: { status: string }) => x.status === "eligible");
      const sum = (kind: string) => eligible.filter((x: { amount: { kind: string } }) => x.amount.kind === kind).reduce((a: number, x: { amount: { yuan: number } }) => a + x.amount.yuan, 0);
      expect(doc.totals.fixedYuan, f).toBe(sum("fixed"));
      expect(doc.totals.maxYuan, f).toBe(sum("fixed") + sum("up-to"));
    }
  });

  it("--out never overwrites an input profile, not even through a link to it", () => {
    const dir = mkdtempSync(join(tmpdir(), "subsidy-out-"));
    const profile = join(dir, "client.yaml");
    copyFileSync(`${root}fixtures/profiles/huachuang.yaml`, profile);
    symlinkSync(profile, join(dir, "report.md"));
    const before = readFileSync(profile, "utf8");
    const r = runCli(["check", profile, "--as-of", AS_OF, "--out", join(dir, "report.md")]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("refusing to overwrite an input profile");
    expect(readFileSync(profile, "utf8")).toBe(before);
    expect(readdirSync(dir).sort()).toEqual(["client.yaml", "report.md"]);
    rmSync(dir, { recursive: true, force: true });
  });

  it("colour only on a terminal or when forced; NO_COLOR wins", () => {
    const forced = runCli(["check", "fixtures/profiles/huachuang.yaml", "--as-of", AS_OF], { env: { FORCE_COLOR: "1", NO_COLOR: "" } });
    expect(forced.stdout).toMatch(ANSI);
    const off = runCli(["check", "fixtures/profiles/huachuang.yaml", "--as-of", AS_OF, "--no-color"], { env: { FORCE_COLOR: "1", NO_COLOR: "" } });
    expect(off.stdout).not.toMatch(ANSI);
  });
});

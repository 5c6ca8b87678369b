import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { evaluate } from "../src/engine/evaluate.js";
import { loadPolicy } from "../src/policy/load.js";
import { loadProfile } from "../src/profile/load.js";
import { SubsidyError } from "../src/errors.js";
import { formatScenarioResult, loadScenarioFile, parseScenarios, runScenario, runScenarioDir, scenarioFiles, type Scenario } from "../src/scenarios/run.js";

const root = new URL("../", import.meta.url).pathname;
const scenarioDir = path.join(root, "fixtures/scenarios");
const profileDir = path.join(root, "fixtures/profiles");
const AS_OF = "2026-11-25";
const policy = loadPolicy();

describe("policy scenarios (fixtures/scenarios)", () => {
  const files = scenarioFiles(scenarioDir);

  it("finds scenario files", () => {
    expect(files.length).toBeGreaterThanOrEqual(7);
  });

  for (const file of files) {
    describe(path.basename(file), () => {
      let scenarios: Scenario[];
      try {
        scenarios = loadScenarioFile(file);
      } catch (e) {
        const message = e instanceof SubsidyError ? e.format() : String(e);
        it("loads", () => expect.fail(message));
        return;
      }
      for (const s of scenarios) {
        it(s.name, () => {
          const r = runScenario(policy, s);
          if (!r.passed) expect.fail(formatScenarioResult(r));
        });
      }
    });
  }

  it("runScenarioDir runs every scenario of every file of a folder, in file order, and reports the failing one", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "subsidy-scenarios-"));
    const scenario = (name: string, yuan: number) =>
      `  - name: ${name}\n    as_of: 2026-11-25\n    profile:\n      enterprise: {name: 测试, district: 张店区}\n      recognitions: [{type: green-factory, level: national, date: 2024-01-15}]\n    expected:\n      programs:\n        green-factory: {status: eligible, yuan: ${yuan}}\n`;
    writeFileSync(path.join(dir, "a.yaml"), `scenarios:\n${scenario("a-right", 1000000)}${scenario("a-wrong", 999)}`);
    writeFileSync(path.join(dir, "b.yaml"), `scenarios:\n${scenario("b-right", 1000000)}`);
    writeFileSync(path.join(dir, "notes.txt"), "not a scenario file");
    const results = runScenarioDir(policy, dir);
    expect(results.map((r) => [r.name, r.passed])).toEqual([
      ["a-right", true],
      ["a-wrong", false],
      ["b-right", true],
    ]);
    rmSync(dir, { recursive: true, force: true });
  });
});

describe("example client profiles (fixtures/profiles)", () => {
  const files = readdirSync(profileDir).filter((f) => /\.(ya?ml|json)$/.test(f));

  it("has at least seven profiles, one of them JSON", () => {
    expect(files.length).toBeGreaterThanOrEqual(7);
    expect(files.some((f) => f.endsWith(".json"))).toBe(true);
  });

  it.each(files)("%s loads and evaluates", (f) => {
    const profile = loadProfile(path.join(profileDir, f), policy, { asOf: AS_OF });
    const e = evaluate(policy, profile, AS_OF);
    expect(e.results).toHaveLength(policy.data.programs.length);
    expect(e.totals.maxYuan).toBeGreaterThanOrEqual(e.totals.fixedYuan);
  });

  it("every profile is checked by a scenario in profiles.yaml", () => {
    const named = loadScenarioFile(path.join(scenarioDir, "profiles.yaml")).map((s) => path.basename(s.profile.file));
    expect(new Set(named)).toEqual(new Set(files));
  });
});

describe("the runner can fail", () => {
  const inline = (expected: unknown) =>
    parseScenarios(
      {
        name: "deliberately wrong",
        as_of: AS_OF,
        profile: {
          enterprise: { name: "淄博测试机械有限公司", district: "张店区" },
          projects: [{ type: "technical-renovation", audited_investment: 38000000, date: "2024-06-30" }],
        },
        expected,
      },
      "inline.yaml",
    )[0]!;

  it("reports every differing field, expected vs actual", () => {
    const r = runScenario(
      policy,
      inline({
        totals: { fixedYuan: 3800000 },
        programs: {
          "tech-renovation": { status: "needs-info", yuan: 3800001, missing: ["projects[0].date"], reason_contains: "no such text" },
          "tech-renovaton": { status: "eligible" },
        },
      }),
    );
    expect(r.passed).toBe(false);
    const byField = new Map(r.diffs.map((d) => [d.field, d]));
    expect(byField.get("totals.fixedYuan")).toEqual({ field: "totals.fixedYuan", expected: "3800000", actual: "0" });
    expect(byField.get("programs.tech-renovation.status")).toMatchObject({ expected: '"needs-info"', actual: '"eligible"' });
    expect(byField.get("programs.tech-renovation.yuan")).toMatchObject({ expected: "3800001", actual: "3800000" });
    expect(byField.get("programs.tech-renovation.missing")).toMatchObject({ expected: "[projects[0].date]", actual: "[]" });
    expect(byField.get("programs.tech-renovation.reason_contains")?.actual).toMatch(/project 1: technical renovation project \(2024-06-30\) qualifies: up to ¥3,800,000/);
    expect(byField.get("programs.tech-renovaton")?.actual).toContain("did you mean");
    const text = formatScenarioResult(r);
    expect(text).toMatch(/^FAIL deliberately wrong/);
    expect(text).toContain("expected: 3800001");
    expect(text).toContain("actual:   3800000");
  });

  it("passes the same scenario with the right expectation", () => {
    const r = runScenario(policy, inline({ totals: { fixedYuan: 0, maxYuan: 3800000 }, programs: { "tech-renovation": { status: "eligible", yuan: 3800000 } } }));
    expect(formatScenarioResult(r)).toBe("PASS deliberately wrong (inline.yaml)");
  });

  it("fails, with the validation error, when the profile is invalid", () => {
    const s = parseScenarios(
      { name: "bad money", as_of: AS_OF, profile: { enterprise: { name: "x", district: "张店区" }, projects: [{ type: "technical-renovation", audited_investment: "380万" }] }, expected: { totals: { fixedYuan: 0 } } },
      "inline.yaml",
    )[0]!;
    const r = runScenario(policy, s);
    expect(r.passed).toBe(false);
    expect(r.error).toContain("write money as a plain number of yuan, e.g. 3800000");
  });

  it("refuses a malformed scenario with a located message", () => {
    expect(() => parseScenarios({ name: "x", as_of: AS_OF, profile: {}, expectd: {} }, "inline.yaml")).toThrow(/unknown field 'expectd'.*did you mean 'expected'/);
    expect(() => parseScenarios({ name: "x", as_of: "2026-02-30", profile: {}, expected: { totals: {} } }, "inline.yaml")).toThrow(/real date/);
  });
});

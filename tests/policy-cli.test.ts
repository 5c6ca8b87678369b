/**
 * End-to-end: the built bin/subsidy.js (npm test builds it first) for `policy …`, `schema`, `init`,
 * and the policy fields and warnings every check output carries. `policy test` on policy.yaml runs here.
 */
import { describe, expect, it } from "vitest";
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { runCliAsync } from "./helpers/cli.js";

const root = path.join(import.meta.dirname, "..");
const AMENDED = "fixtures/policies/amended-2023.test.yaml";

async function run(args: string[], cwd = root) {
  const r = await runCliAsync(args, { cwd });
  return { code: r.code, out: r.stdout, err: r.stderr };
}
const sha = (f: string) => createHash("sha256").update(fs.readFileSync(path.join(root, f))).digest("hex");

describe("subsidy policy test", () => {
  it.concurrent("runs the scenario tests of fixtures/scenarios against policy.yaml, all passing", async () => {
    const r = await run(["policy", "test", "fixtures/scenarios"]);
    expect(r.err).toBe("");
    expect(r.out).toMatch(/^(\d+) passed, 0 failed \(\1 scenarios, policy zibo-five-optimizations 2020\.1\.0 \(policy\.yaml, sha256 [0-9a-f]{12}\)\)\n$/);
    expect(r.code).toBe(0);
  });
  it.concurrent("runs the amended TEST DATA scenarios against the amended policy", async () => {
    const r = await run(["policy", "test", "fixtures/scenarios-amended-2023", "--policy", AMENDED]);
    expect(r.out).toMatch(/^12 passed, 0 failed/);
    expect(r.code).toBe(0);
  });
  it.concurrent("fails, naming field, expected and actual, when the scenarios do not hold for the policy given", async () => {
    const r = await run(["policy", "test", "fixtures/scenarios-amended-2023/dated-values.yaml"]);
    expect(r.out).toContain("FAIL dated value — green factory listed 2023-01-01 gets the new value (¥1,500,000)");
    expect(r.out).toMatch(/programs\.green-factory\.yuan\n {4}expected: 1500000\n {4}actual: {3}1000000/);
    expect(r.out).toMatch(/\d+ passed, [1-9]\d* failed/);
    expect(r.code).toBe(1);
  });
  it.concurrent("says how to fix a missing folder (exit 2)", async () => {
    const r = await run(["policy", "test", "no-such-dir"]);
    expect(r.err).toContain("no-such-dir: no such scenario folder or file");
    expect(r.code).toBe(2);
  });
});

describe("subsidy policy list / show", () => {
  it.concurrent("lists every program with clause, kind and amount, and names the policy with its sha256", async () => {
    const r = await run(["policy", "list", "--policy", AMENDED, "--lang", "en"]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("Policy: zibo-five-optimizations 2023.1.0-test");
    expect(r.out).toContain(`sha256 ${sha(AMENDED)}`);
    // Each program: its title (its id on the line below), clause, kind and amount, wrapped to the screen.
    const flat = r.out.replace(/\s+/g, " ");
    expect(flat).toMatch(/National green factory 二\(一\)3 fixed ¥1,000,000 \(2020-07-21\) → ¥1,500,000 green-factory \(2023-01-01\); once per enterprise/);
    expect(flat).toMatch(/National quality benchmark \[ends 二\(三\)1 fixed ¥1,000,000; once per enterprise 2022-12-31\] quality-benchmark-national/);
    expect(r.out).not.toContain("efficiency-leader");
  });
  it.concurrent("shows one program's dated values, clause text and departments", async () => {
    const r = await run(["policy", "show", "first-set-insurance", "--policy", AMENDED, "--lang", "en"]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("amount.rate.percent  from 2020-07-21: 20%\n  amount.rate.percent  from 2023-01-01: 25%");
    expect(r.out).toContain("Clause text: 对我市列入省首台(套)重大技术装备");
    expect(r.out).toContain("Departments: 市发展改革委, 市工业和信息化局, 市财政局");
  });
  it.concurrent("suggests the id for a typo (exit 2)", async () => {
    const r = await run(["policy", "show", "green-factroy"]);
    expect(r.err).toContain("no program 'green-factroy'");
    expect(r.err).toContain("did you mean 'green-factory'");
    expect(r.code).toBe(2);
  });
});

describe("subsidy policy validate", () => {
  it.concurrent("accepts policy.yaml and the amended policy (warnings only)", async () => {
    for (const f of ["policy.yaml", AMENDED]) {
      const r = await run(["policy", "validate", f, "--lang", "en"]);
      expect(r.code).toBe(0);
      expect(r.out).toMatch(new RegExp(`${f.replace(/[.]/g, "\\.")}: valid \\(\\d+ warnings\\)\\n$`));
    }
  });
  it.concurrent("names file:line of unordered dated values and exits 2", async () => {
    const f = "fixtures/policies/lint-problems.yaml";
    const line = fs.readFileSync(path.join(root, f), "utf8").split("\n").findIndex((l) => l.includes("2020-07-21: 1000000")) + 1;
    const r = await run(["policy", "validate", f, "--lang", "en"]);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`${f}:${line} programs[0].amount.yuan.2020-07-21: error: dated values must be in ascending date order`);
    expect(r.err).toMatch(/vocabulary\.fields\.product\.en: warning: missing translation/);
    expect(r.err).toMatch(/invalid — 1 errors, \d+ warnings\n$/);
  });
  it.concurrent("reports an unknown reference located (exit 2)", async () => {
    const r = await run(["policy", "validate", "fixtures/policies/unknown-vocabulary-ref.yaml", "--lang", "en"]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/unknown-vocabulary-ref\.yaml:\d+ programs\[0\]\.items\.types\[0\]: error: 'green-factroy' is not in vocabulary\.recognition_types; did you mean 'green-factory'\?/);
  });
});

describe("subsidy policy diff", () => {
  it.concurrent("lists added, removed and changed programs", async () => {
    const r = await run(["policy", "diff", "policy.yaml", AMENDED, "--lang", "en"]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("+ green-factory-provincial");
    expect(r.out).toContain("- efficiency-leader");
    expect(r.out).toContain("~ green-factory  National green factory\n    amount.yuan: 1000000 → {2020-07-21: 1000000, 2023-01-01: 1500000}");
    expect(r.out).toContain("~ quality-benchmark-national  National quality benchmark\n    ends: — → 2022-12-31");
  });
  it.concurrent("with --profiles, lists the enterprises whose amounts change, by how much (JSON)", async () => {
    const r = await run(["policy", "diff", "policy.yaml", AMENDED, "--profiles", "fixtures/policy-diff-profiles", "--as-of", "2026-06-30", "-f", "json"]);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out) as { new: { sha256: string }; profiles: { evaluated: number; changed: { file: string; fixed: { delta: number } }[] } };
    expect(doc.new.sha256).toBe(sha(AMENDED));
    expect(doc.profiles.evaluated).toBe(4);
    expect(doc.profiles.changed.map((c) => [path.basename(c.file), c.fixed.delta])).toEqual([
      ["green-2023.yaml", 500000],
      ["insurance-leader.yaml", 40000],
      ["provincial-green-2024.yaml", -700000],
    ]);
  });

  it.concurrent("with --profiles, walks the folder as batch does: editor junk skipped, a directory named x.yaml reported", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "subsidy-diff-"));
    for (const f of fs.readdirSync(path.join(root, "fixtures/policy-diff-profiles"))) fs.copyFileSync(path.join(root, "fixtures/policy-diff-profiles", f), path.join(dir, f));
    fs.writeFileSync(path.join(dir, "~$green-2023.yaml"), "locked by Excel");
    fs.mkdirSync(path.join(dir, "folder.yaml"));
    const r = await run(["policy", "diff", "policy.yaml", AMENDED, "--profiles", dir, "--as-of", "2026-06-30", "-f", "json"]);
    fs.rmSync(dir, { recursive: true, force: true });
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.out) as { profiles: { evaluated: number; errors: string[] } };
    expect(doc.profiles.evaluated).toBe(4);
    expect(doc.profiles.errors).toHaveLength(1);
    expect(doc.profiles.errors[0]).toMatch(/folder\.yaml.*directory/);
  });
});

describe("check output carries the policy and the window warnings", () => {
  const profile = "fixtures/policy-diff-profiles/green-2023.yaml";
  it.concurrent("JSON: policy id, version, sha256 and a warning after a program's end", async () => {
    const r = await run(["check", profile, "--policy", AMENDED, "--as-of", "2024-06-30", "-f", "json", "--lang", "en"]);
    const doc = JSON.parse(r.out) as { policy: unknown; warnings: string[] };
    expect(doc.policy).toEqual({ id: "zibo-five-optimizations", version: "2023.1.0-test", sha256: sha(AMENDED) });
    expect(doc.warnings).toEqual(["Warning: program quality-benchmark-national ended on 2022-12-31"]);
    expect(r.code).toBe(0);
  });
  it.concurrent("table: the confirm-in-force warning after 2025, with policy id, version and sha256", async () => {
    const late = await run(["check", profile, "--as-of", "2026-01-01", "--lang", "en"]);
    expect(late.code).toBe(0);
    // Wrapped to the screen: compare with the line breaks taken out.
    expect(late.out.replace(/\n/g, " ")).toContain("its review date 2025-12-31 has passed; as of 2026-01-01, confirm with the departments that it is still in force");
    expect(late.out).toContain(`zibo-five-optimizations 2020.1.0 (${sha("policy.yaml").slice(0, 12)})`);
  });
  it.concurrent("table and JSON: a warning when --as-of is before the policy took effect", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "subsidy-early-"));
    try {
      fs.writeFileSync(path.join(dir, "p.yaml"), "enterprise: {name: 测试, district: 张店区}\n");
      const table = await run(["check", "p.yaml", "--as-of", "2020-07-20", "--lang", "en"], dir);
      expect(table.out).toContain("Warning: the evaluation date 2020-07-20 is before the policy took effect on 2020-07-21");
      const json = await run(["check", "p.yaml", "--as-of", "2020-07-20", "--lang", "en", "-f", "json"], dir);
      expect((JSON.parse(json.out) as { warnings: string[] }).warnings[0]).toContain("before the policy took effect on 2020-07-21");
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("subsidy schema / init", () => {
  it.concurrent("schema prints a JSON Schema with the vocabulary", async () => {
    const r = await run(["schema", "--lang", "en"]);
    expect(r.code).toBe(0);
    const s = JSON.parse(r.out) as { $schema: string; properties: { enterprise: { properties: { ownership: { enum: unknown[] } } } } };
    expect(s.$schema).toContain("json-schema.org");
    expect(s.properties.enterprise.properties.ownership.enum).toContain("private");
  });
  it.concurrent("init writes a template that check accepts, and never overwrites", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "subsidy-init-"));
    try {
      const first = await run(["init", "client.yaml", "--lang", "en"], dir);
      expect(first.code).toBe(0);
      expect(first.err).toContain("Wrote client.yaml");
      const check = await run(["check", "client.yaml", "--lang", "en"], dir);
      expect(check.err).toBe("");
      expect(check.code).toBe(0);
      const before = fs.readFileSync(path.join(dir, "client.yaml"), "utf8");
      const again = await run(["init", "client.yaml"], dir);
      expect(again.code).toBe(2);
      expect(again.err).toContain("client.yaml: already exists");
      expect(fs.readFileSync(path.join(dir, "client.yaml"), "utf8")).toBe(before);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

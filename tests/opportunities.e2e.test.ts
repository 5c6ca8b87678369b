/** Opportunities through the real binary: check JSON, the table section, the reports, and the batch pipeline. */
import { describe, expect, it } from "vitest";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCli } from "./helpers/cli.js";

interface Opp {
  program: string;
  kind: string;
  yuan: number | null;
  change: string;
}

describe("opportunities (end to end, real binary)", () => {
  it("check JSON lists them largest first, each with program, kind, sum and the change in the chosen language", () => {
    const r = runCli(["check", "fixtures/profiles/luchuan-needs-info.yaml", "--as-of", "2024-12-31", "--format", "json", "--lang", "zh"]);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as { opportunities: Opp[] };
    const opps = doc.opportunities;
    const sums = opps.map((o) => o.yuan ?? -1);
    expect(sums).toEqual([...sums].sort((a, b) => b - a));
    // A provincial quality benchmark held: the national one is the next level up, ¥1,000,000 (二(三)1).
    expect(opps.find((o) => o.program === "quality-benchmark-national")).toEqual({ program: "quality-benchmark-national", kind: "fixed", yuan: 1000000, change: "由省级升为国家级质量标杆（二(三)1）" });
    // A missing fact with money at stake: the audited investment of the project, up to the ¥5,000,000 cap.
    const renovation = opps.find((o) => o.program === "tech-renovation");
    expect(renovation?.yuan).toBe(5000000);
    expect(renovation?.change).toContain("查明“隧道窑智能化改造”的审核设备(软件)投资额");
    // Headroom under the yearly cap of first-set products: six more in 2024.
    expect(opps.find((o) => o.program === "first-set-product")).toMatchObject({ yuan: 3000000, change: expect.stringContaining("2024年还可再奖励6项") });
    // Discretionary programs appear without a sum.
    expect(opps.find((o) => o.program === "standard-setting")).toMatchObject({ kind: "discretionary", yuan: null });
  });

  it("leaves out what cannot be had: a once-per-enterprise program already obtained, an ownership the client cannot change", () => {
    const r = runCli(["check", "fixtures/profiles/huachuang.yaml", "--as-of", "2024-12-31", "--format", "json", "--lang", "en"]);
    const doc = JSON.parse(r.stdout) as { opportunities: Opp[]; results: { program: string; status: string }[] };
    const ids = doc.opportunities.map((o) => o.program);
    // huachuang already holds a national green factory (paid once per enterprise) and its ITM certificate was rewarded.
    expect(doc.results.find((x) => x.program === "green-factory")?.status).toBe("eligible");
    expect(ids).not.toContain("green-factory");
    expect(ids).not.toContain("itm-certification");
    // Not 军民结合: the military standard is not offered.
    expect(ids).not.toContain("military-standard");
    // A state-owned enterprise cannot become 民营: the private enterprises' military qualification is not offered to it.
    const state = JSON.parse(runCli(["check", "fixtures/profiles/lingang-chemical.yaml", "--as-of", "2024-12-31", "--format", "json"]).stdout) as { opportunities: Opp[] };
    expect(state.opportunities.length).toBeGreaterThan(0);
    expect(state.opportunities.map((o) => o.program)).not.toContain("military-qualification");
  });

  it("the table shows the section only with --opportunities; a place outside Zibo has none", () => {
    const plain = runCli(["check", "fixtures/profiles/huachuang.yaml", "--as-of", "2024-12-31", "--lang", "zh"]);
    expect(plain.stdout).not.toContain("可争取的项目");
    const r = runCli(["check", "fixtures/profiles/huachuang.yaml", "--as-of", "2024-12-31", "--lang", "zh", "--opportunities"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("可争取的项目");
    expect(r.stdout).toContain("新获国家级工业设计中心");
    const outside = runCli(["check", "fixtures/profiles/yunqi-jinan.yaml", "--as-of", "2024-12-31", "--lang", "zh", "--opportunities"]);
    expect(outside.stdout).toContain("本政策中暂无其他可争取的项目");
  });

  it("the Markdown and HTML reports carry the section", () => {
    const dir = mkdtempSync(join(tmpdir(), "subsidy-opp-"));
    for (const ext of ["md", "html"]) {
      const out = join(dir, `r.${ext}`);
      const r = runCli(["check", "fixtures/profiles/huachuang.yaml", "--as-of", "2024-12-31", "--lang", "zh", "--out", out]);
      expect(r.code).toBe(0);
      const text = readFileSync(out, "utf8");
      expect(text).toContain("可争取的项目");
      expect(text).toContain("新获国家级工业设计中心");
    }
  });

  it("batch: the JSON summary counts, per program, the enterprises one step from it and the sum at stake; the screen with --opportunities", () => {
    const r = runCli(["batch", "fixtures/profiles", "--as-of", "2025-12-31", "--format", "json", "--lang", "en", "--opportunities"]);
    const doc = JSON.parse(r.stdout) as { profiles: { opportunities?: Opp[] }[]; summary: { opportunities: { program: string; enterprises: number; yuan: number | null }[] } };
    const perProfile = new Map<string, { enterprises: number; yuan: number }>();
    for (const p of doc.profiles) {
      for (const o of p.opportunities ?? []) {
        const t = perProfile.get(o.program) ?? { enterprises: 0, yuan: 0 };
        t.enterprises++;
        t.yuan += o.yuan ?? 0;
        perProfile.set(o.program, t);
      }
    }
    expect(doc.summary.opportunities.length).toBe(perProfile.size);
    for (const s of doc.summary.opportunities) {
      expect(s.enterprises).toBe(perProfile.get(s.program)?.enterprises);
      if (s.yuan !== null) expect(s.yuan).toBe(perProfile.get(s.program)?.yuan);
    }
    const screen = runCli(["batch", "fixtures/profiles", "--as-of", "2025-12-31", "--lang", "en", "--opportunities"]);
    expect(screen.stdout).toContain("What else the client could obtain");
    const md = runCli(["batch", "fixtures/profiles", "--as-of", "2025-12-31", "--lang", "zh", "--format", "md", "--opportunities"]);
    expect(md.stdout).toContain("## 可争取的项目");
    expect(md.stdout).toMatch(/\| 国家级工业设计中心 \(industrial-design-center-national\) \| 二\(二\)1 \| \d+ \| ¥[\d,]+ \|/);
    const plain = runCli(["batch", "fixtures/profiles", "--as-of", "2025-12-31", "--lang", "en"]);
    expect(plain.stdout).not.toContain("What else the client could obtain");
    // Without --opportunities a batch does not look for them, in JSON either.
    const quiet = JSON.parse(runCli(["batch", "fixtures/profiles", "--as-of", "2025-12-31", "--format", "json"]).stdout) as { profiles: object[]; summary: object };
    expect(quiet.summary).not.toHaveProperty("opportunities");
    for (const p of quiet.profiles) expect(p).not.toHaveProperty("opportunities");
  });
});

import { describe, expect, it } from "vitest";
import { formatFromExtension } from "../src/batch/report.js";
import { surelyOtherName } from "../src/io/write.js";
import { isJunk, isProfileName } from "../src/batch/walk.js";

describe("batch names", () => {
  it("accepts profile extensions in any case and skips editor and OS junk", () => {
    for (const n of ["a.yaml", "B.YAML", "c.Yml", "d.JSON"]) expect(isProfileName(n), n).toBe(true);
    for (const n of ["~$a.yaml", ".a.yaml", "a.yaml.swp", "a.yaml~", "a.txt", "a.yaml.bak"]) expect(isProfileName(n), n).toBe(false);
    for (const n of [".DS_Store", "Thumbs.db", "x.swo"]) expect(isJunk(n), n).toBe(true);
  });

  it("takes the report format from the extension", () => {
    expect(formatFromExtension("r.CSV")).toBe("csv");
    expect(formatFromExtension("r.json")).toBe("json");
    expect(formatFromExtension("memo.md")).toBe("md");
    expect(formatFromExtension("r.xlsx")).toBe("xlsx");
    expect(formatFromExtension("r.docx")).toBeUndefined();
  });
});

describe("report target names", () => {
  it("treats names that differ only in case, Unicode normalisation or as a Windows short name as possibly the same file", () => {
    expect(surelyOtherName("acme.json", "ACME.json")).toBe(false);
    expect(surelyOtherName("café.yaml", "cafe\u0301.yaml")).toBe(false);
    expect(surelyOtherName("CLIENT~1.JSO", "client-a.json")).toBe(false);
    expect(surelyOtherName("a.yaml", "a.yaml")).toBe(false);
    expect(surelyOtherName("a.yaml", "b.yaml")).toBe(true);
    expect(surelyOtherName("report.json", "huachuang.yaml")).toBe(true);
  });
});

describe("batch outcome lines", () => {
  it("render reasons only when a report prints them, and are otherwise the same line", async () => {
    const { readdirSync } = await import("node:fs");
    const { evaluateFile } = await import("../src/batch/evaluate-one.js");
    const { loadPolicy } = await import("../src/policy/load.js");
    const policy = loadPolicy();
    const base = { policy, asOf: "2024-12-31", lang: "en" as const, unit: "yuan" as const, json: false };
    let withReasons = 0;
    for (const f of readdirSync("fixtures/profiles")) {
      const full = evaluateFile(`fixtures/profiles/${f}`, base);
      const brief = evaluateFile(`fixtures/profiles/${f}`, { ...base, reasons: false });
      expect(brief.ok, f).toBe(full.ok);
      if (!full.ok || !brief.ok) continue;
      expect(brief.programs.map((p) => ({ ...p, reasons: [] })), f).toEqual(full.programs.map((p) => ({ ...p, reasons: [] })));
      for (const p of brief.programs) expect(p.reasons, `${f} ${p.program}`).toEqual([]);
      for (const p of full.programs) expect(p.reasons.length, `${f} ${p.program}`).toBeGreaterThan(0);
      withReasons += full.programs.length;
    }
    // The fixtures qualify for programs, so the comparison above compared something.
    expect(withReasons).toBeGreaterThan(10);
  });
});

/** Unit tests of the policy maintainer's tools: lint, diff (with profile impact), JSON Schema, init template. */
import { describe, expect, it } from "vitest";
import * as fs from "node:fs";
import * as path from "node:path";
import { loadPolicy } from "../src/policy/load.js";
import { lintPolicy as lintMessages } from "../src/policy/lint.js";
import { diffPolicies, profileImpact } from "../src/policy/diff.js";
import { loadProfile, parseProfileText } from "../src/profile/load.js";
import { evaluate } from "../src/engine/evaluate.js";
import { say } from "../src/i18n/index.js";
import { profileJsonSchema } from "../src/commands/schema.js";
import { profileTemplate } from "../src/commands/init.js";
import type { PolicyData } from "../src/types.js";

const root = path.join(import.meta.dirname, "..");
const real = loadPolicy();
const amended = loadPolicy(path.join(root, "fixtures/policies/amended-2023.test.yaml"));
const clone = (d: PolicyData): PolicyData => structuredClone(d);
const programIndex = (d: PolicyData, id: string) => d.programs.findIndex((p) => p.id === id);

/** The lint's problems with their messages in English. */
const lintPolicy = (d: PolicyData) => lintMessages(d).map((p) => ({ ...p, message: say(p.message, { lang: "en" }) }));

describe("lintPolicy", () => {
  it("finds no error in policy.yaml, and only unused-vocabulary warnings", () => {
    const problems = lintPolicy(real.data);
    expect(problems.filter((p) => p.severity === "error")).toEqual([]);
    for (const p of problems) expect(p.message).toMatch(/^unused vocabulary/);
  });

  it("rejects dated values written out of date order, at the later-written date", () => {
    const d = clone(real.data);
    const i = programIndex(d, "green-factory");
    (d.programs[i] as PolicyData["programs"][number]).amount.yuan = { "2023-01-01": 1500000, "2020-07-21": 1000000 };
    const errors = lintPolicy(d).filter((p) => p.severity === "error");
    expect(errors).toHaveLength(1);
    expect(errors[0]?.path).toEqual(["programs", i, "amount", "yuan", "2020-07-21"]);
    expect(errors[0]?.message).toContain("ascending date order: 2020-07-21 is written after 2023-01-01");
  });

  it("accepts ascending dated values, and warns when the first one starts after the program", () => {
    const d = clone(real.data);
    const i = programIndex(d, "green-factory");
    const p = d.programs[i] as PolicyData["programs"][number];
    p.amount.yuan = { "2020-07-21": 1000000, "2023-01-01": 1500000 };
    expect(lintPolicy(d).filter((x) => x.path[1] === i)).toEqual([]);
    p.amount.yuan = { "2021-01-01": 1000000 };
    const w = lintPolicy(d).filter((x) => x.path[1] === i);
    expect(w.map((x) => x.severity)).toEqual(["warning"]);
    expect(w[0]?.message).toContain("after the program starts (2020-07-21)");
  });

  it("warns about a dated value after the program's end", () => {
    const d = clone(real.data);
    const i = programIndex(d, "first-set-insurance");
    const p = d.programs[i] as PolicyData["programs"][number];
    p.ends = "2022-12-31";
    if (p.amount.rate) p.amount.rate.percent = { "2020-07-21": 20, "2023-01-01": 25 };
    const w = lintPolicy(d).filter((x) => x.path[1] === i);
    expect(w).toEqual([{ severity: "warning", path: ["programs", i, "amount", "rate", "percent", "2023-01-01"], message: "value dated 2023-01-01 is after the program ends (2022-12-31) and is never used" }]);
  });

  it("reports blank and untranslated labels, and unknown references through the loader's crossCheck", () => {
    const d = clone(real.data);
    (d.programs[0] as PolicyData["programs"][number]).title.zh = "  ";
    (d.vocabulary.levels[0] as { en: string }).en = "国家级";
    (d.programs[1] as PolicyData["programs"][number]).items.types = ["no-such-type"];
    const problems = lintPolicy(d);
    expect(problems).toContainEqual({ severity: "error", path: ["programs", 0, "title", "zh"], message: "missing translation: the zh text is blank" });
    expect(problems).toContainEqual({ severity: "warning", path: ["vocabulary", "levels", 0, "en"], message: 'missing translation: the en text "国家级" is still Chinese' });
    const ref = problems.find((p) => p.path.join(".") === "programs.1.items.types.0");
    expect(ref?.severity).toBe("error");
    expect(ref?.message).toContain("'no-such-type' is not in vocabulary.recognition_types");
  });

  it("warns about vocabulary nothing uses", () => {
    const d = clone(real.data);
    d.vocabulary.levels.push({ id: "county", zh: "县级", en: "county" });
    const w = lintPolicy(d).find((p) => p.message.includes("'county'"));
    expect(w).toEqual({ severity: "warning", path: ["vocabulary", "levels", 3, "id"], message: "unused vocabulary: level 'county' is named by no item type or program" });
  });
});

describe("diffPolicies", () => {
  const diff = diffPolicies(real.data, amended.data);

  it("lists added and removed programs", () => {
    expect(diff.added.map((p) => p.id)).toEqual(["green-factory-provincial"]);
    expect(diff.removed.map((p) => p.id)).toEqual(["efficiency-leader"]);
  });

  it("lists changed amounts, rates, caps and end dates program by program, with before and after as written", () => {
    const byId = new Map(diff.changed.map((c) => [c.id, c.changes]));
    expect(byId.get("green-factory")).toEqual([{ field: "amount.yuan", before: 1000000, after: { "2020-07-21": 1000000, "2023-01-01": 1500000 } }]);
    expect(byId.get("first-set-insurance")).toEqual([{ field: "amount.rate.percent", before: 20, after: { "2020-07-21": 20, "2023-01-01": 25 } }]);
    expect(byId.get("first-set-product")).toEqual([{ field: "amount.cap.year", before: 3000000, after: { "2020-07-21": 3000000, "2023-01-01": 4000000 } }]);
    expect(byId.get("quality-benchmark-national")).toEqual([{ field: "ends", before: undefined, after: "2022-12-31" }]);
    expect(diff.changed).toHaveLength(4);
    expect(diff.policy).toEqual([{ field: "version", before: "2020.1.0", after: "2023.1.0-test" }]);
  });

  it("sees a condition change (levels, newly) and nothing when a policy is compared with itself", () => {
    expect(diffPolicies(real.data, real.data)).toEqual({ policy: [], added: [], removed: [], changed: [] });
    const d = clone(real.data);
    const p = d.programs[programIndex(d, "green-factory")] as PolicyData["programs"][number];
    p.items.levels = ["national", "provincial"];
    p.items.newly = false;
    const changes = diffPolicies(real.data, d).changed[0]?.changes.map((c) => c.field);
    expect(changes).toEqual(["items.levels", "items.newly"]);
  });
});

describe("profileImpact", () => {
  const dir = path.join(root, "fixtures/policy-diff-profiles");
  const impact = (name: string, asOf = "2026-06-30") => {
    const file = path.join(dir, name);
    return profileImpact(real, amended, { file, before: loadProfile(file, real, { asOf }), after: loadProfile(file, amended, { asOf }) }, asOf);
  };

  it("a 2023 green factory gains the dated ¥500,000", () => {
    const im = impact("green-2023.yaml");
    expect(im?.fixed).toEqual({ before: 1000000, after: 1500000, delta: 500000 });
    expect(im?.programs).toEqual([{ id: "green-factory", before: { status: "eligible", yuan: 1000000 }, after: { status: "eligible", yuan: 1500000 }, delta: 500000 }]);
  });

  it("an unchanged profile is not listed", () => {
    expect(impact("green-2021-unchanged.yaml")).toBeUndefined();
  });

  it("a removed program and an ended one are listed with their loss; an added one with its gain", () => {
    const a = impact("insurance-leader.yaml");
    expect(a?.programs.find((p) => p.id === "efficiency-leader")).toEqual({ id: "efficiency-leader", before: { status: "eligible", yuan: null }, after: { status: "absent", yuan: 0 }, delta: 0 });
    expect(a?.fixed.delta).toBe(40000);
    const b = impact("provincial-green-2024.yaml");
    expect(b?.fixed).toEqual({ before: 1000000, after: 300000, delta: -700000 });
    expect(b?.programs.map((p) => [p.id, p.delta])).toEqual([
      ["quality-benchmark-national", -1000000],
      ["green-factory-provincial", 300000],
    ]);
  });
});

describe("dated values in the engine (amended TEST DATA policy)", () => {
  const profile = (yaml: string, asOf: string) => parseProfileText(yaml, "t.yaml", amended, { asOf });
  it("an item's own date picks the value, and the computation names the date it took effect", () => {
    const asOf = "2026-06-30";
    const e = evaluate(amended, profile("enterprise: {name: 甲, district: 张店区}\nrecognitions: [{type: green-factory, level: national, date: 2023-01-01}]\n", asOf), asOf);
    const r = e.results.find((x) => x.program.id === "green-factory");
    expect(r?.status).toBe("eligible");
    expect(r?.amount.yuan).toBe(1500000);
    expect(r?.computation.map((m) => say(m, { lang: "en", policy: amended }))).toEqual(["recognition 1: ¥1,500,000 (value in force since 2023-01-01)"]);
    const reasons = r?.reasons.map((m) => say(m, { lang: "en", policy: amended })) ?? [];
    expect(reasons).toHaveLength(1);
    expect(reasons[0]).toMatch(/^recognition 1: national green factory \(2023-01-01\) qualifies: ¥1,500,000 \(二\(一\)3\)$/);
  });
  it("the day before the change gets the old value", () => {
    const asOf = "2026-06-30";
    const e = evaluate(amended, profile("enterprise: {name: 甲, district: 张店区}\nrecognitions: [{type: green-factory, level: national, date: 2022-12-31}]\n", asOf), asOf);
    const r = e.results.find((x) => x.program.id === "green-factory");
    expect(r?.amount.yuan).toBe(1000000);
    expect(say(r?.computation[0] ?? { key: "" }, { lang: "en", policy: amended })).toContain("since 2020-07-21");
  });
  it("warns on every evaluation after a program's end and before the policy took effect", () => {
    const p = profile("enterprise: {name: 甲, district: 张店区}\n", "2020-01-01");
    const before = evaluate(amended, p, "2020-01-01").warnings.map((m) => m.key);
    expect(before).toEqual(["warn.beforeEffective"]);
    const after = evaluate(amended, p, "2024-01-01").warnings;
    expect(after).toEqual([{ key: "warn.programEnded", params: { program: "quality-benchmark-national", ends: "2022-12-31" } }]);
  });
});

describe("profile JSON Schema", () => {
  const schema = profileJsonSchema(real, "en") as {
    description: string;
    properties: { enterprise: { properties: Record<string, { enum?: unknown[]; examples?: unknown[] }> }; recognitions: { anyOf: { items?: { properties: Record<string, { enum?: unknown[]; description?: string; pattern?: string }> } }[] } };
  };
  it("names the policy and its sha256", () => {
    expect(schema.description).toContain(`sha256 ${real.sha256}`);
  });
  it("carries the policy's vocabulary as enums and descriptions", () => {
    expect(schema.properties.enterprise.properties.ownership?.enum).toEqual([...real.data.vocabulary.ownership.map((o) => o.id), null]);
    expect(schema.properties.enterprise.properties.district?.examples).toEqual(real.data.vocabulary.districts.map((d) => d.id));
    const item = schema.properties.recognitions.anyOf.find((x) => x.items)?.items?.properties ?? {};
    expect(item.type?.enum).toEqual(real.data.vocabulary.recognition_types.map((t) => t.id));
    expect(item.level?.enum).toEqual(["national", "provincial", "municipal", null]);
    expect(item.date?.pattern).toBe("^\\d{4}-\\d{2}-\\d{2}$");
    expect(item.premium?.description).toContain("(first-set-insurance)");
  });
});

describe("init template", () => {
  for (const lang of ["zh", "en"] as const) {
    it(`is accepted as written (${lang}) and lists every recognition type`, () => {
      const text = profileTemplate(real, lang);
      const p = parseProfileText(text, "profile.yaml", real, { asOf: "2026-06-30" });
      expect(p.recognitions).toEqual([]);
      expect(p.enterprise.district).toBe(real.data.vocabulary.districts[0]?.id);
      for (const t of real.data.vocabulary.recognition_types) expect(text).toContain(`#   ${t.id} — ${t[lang]}`);
    });
  }
  it("its commented example lines are valid profile entries once uncommented", () => {
    const text = profileTemplate(real, "en").replace(/^# {2}- /gm, "  - ");
    const p = parseProfileText(text, "profile.yaml", real, { asOf: "2026-06-30" });
    expect(p.recognitions).toHaveLength(1);
    expect(p.projects).toHaveLength(1);
    expect(p.standards).toHaveLength(1);
  });
});

it("the diff fixtures say TEST DATA", () => {
  expect(fs.readFileSync(path.join(root, "fixtures/policies/amended-2023.test.yaml"), "utf8").split("\n")[0]).toContain("TEST DATA");
});

describe("provenance (what every renderer prints)", () => {
  it("has policy id, version, sha256, the date and the window warnings, as checkDocument does", async () => {
    const { provenance, checkDocument } = await import("../src/render/document.js");
    const p = provenance(amended, "2024-01-01", { lang: "en", policy: amended });
    expect(p).toEqual({ policy: { id: "zibo-five-optimizations", version: "2023.1.0-test", sha256: amended.sha256 }, asOf: "2024-01-01", warnings: ["Warning: program quality-benchmark-national ended on 2022-12-31"] });
    const profile = parseProfileText("enterprise: {name: 甲, district: 张店区}\n", "t.yaml", amended, { asOf: "2024-01-01" });
    const doc = checkDocument({ meta: { file: "t.yaml", name: "甲" }, evaluation: evaluate(amended, profile, "2024-01-01") }, { lang: "en", policy: amended });
    expect({ policy: doc.policy, asOf: doc.asOf, warnings: doc.warnings }).toEqual(p);
  });
});

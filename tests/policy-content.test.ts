/**
 * Content checks for policy.yaml: it satisfies the schema, encodes exactly the 26 programs of
 * programs.md in order, quotes the policy text exactly, cites the right clauses, and refers only
 * to vocabulary it defines.
 */
import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { policySchema } from "../src/policy/schema.js";
import type { PolicyData } from "../src/policy/schema.js";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const raw: unknown = parse(readFileSync(resolve(root, "policy.yaml"), "utf8"), {
  schema: "core",
  resolveKnownTags: false,
  uniqueKeys: true,
});
const sourceText = readFileSync(resolve(root, "source/zibo-2020-five-optimizations.zh.txt"), "utf8");

/** The program table of programs.md: id → clause, in order. */
const EXPECTED: ReadonlyArray<readonly [string, string]> = [
  ["tech-renovation", "二(一)1"],
  ["itm-certification", "二(一)2"],
  ["industrial-internet-platform-national", "二(一)2"],
  ["industrial-internet-platform-provincial", "二(一)2"],
  ["industrial-app-national", "二(一)2"],
  ["industrial-app-provincial", "二(一)2"],
  ["identifier-resolution-node", "二(一)2"],
  ["digital-demonstration", "二(一)2"],
  ["green-factory", "二(一)3"],
  ["green-design-product", "二(一)3"],
  ["green-park-supply-chain", "二(一)3"],
  ["efficiency-leader", "二(一)3"],
  ["resource-utilization", "二(一)3"],
  ["industrial-design-center-national", "二(二)1"],
  ["industrial-design-center-provincial", "二(二)1"],
  ["industrial-design-municipal", "二(二)1"],
  ["industrial-brand-national", "二(二)2"],
  ["centennial-brand-provincial", "二(二)2"],
  ["first-set-insurance", "二(二)3"],
  ["first-set-product", "二(二)3"],
  ["quality-benchmark-national", "二(三)1"],
  ["quality-benchmark-provincial", "二(三)1"],
  ["military-qualification", "二(三)1"],
  ["standard-setting", "二(三)2"],
  ["military-standard", "二(三)2"],
  ["champion-matching", "二(五)1"],
];

const DISTRICTS = ["张店区", "淄川区", "博山区", "周村区", "临淄区", "桓台县", "高青县", "沂源县", "高新区", "经济开发区", "文昌湖区"];

function loadPolicy(): PolicyData {
  const result = policySchema.safeParse(raw);
  if (!result.success) {
    const issues = result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("\n");
    throw new Error(`policy.yaml does not satisfy the schema:\n${issues}`);
  }
  return result.data;
}

function program(policy: PolicyData, id: string) {
  const p = policy.programs.find((x) => x.id === id);
  if (!p) throw new Error(`no program ${id}`);
  return p;
}

describe("policy.yaml", () => {
  it("satisfies the schema", () => {
    const result = policySchema.safeParse(raw);
    const issues = result.success ? [] : result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    expect(issues).toEqual([]);
  });

  it("keeps dates and the version as strings (YAML 1.2 core schema)", () => {
    const policy = loadPolicy();
    expect(policy.issued).toBe("2020-07-21");
    expect(policy.effective_from).toBe("2020-07-21");
    expect(policy.version).toBe("2020.1.0");
    expect(policy.source?.file).toBe("source/zibo-2020-five-optimizations.zh.txt");
  });

  it("encodes exactly the 26 programs of programs.md, in order", () => {
    const policy = loadPolicy();
    expect(policy.programs.map((p) => p.id)).toEqual(EXPECTED.map(([id]) => id));
  });

  it("cites for every program the clause programs.md gives", () => {
    const policy = loadPolicy();
    const clauses = new Map(EXPECTED);
    for (const p of policy.programs) expect({ id: p.id, clause: p.clause }).toEqual({ id: p.id, clause: clauses.get(p.id) });
  });

  it("quotes the policy text exactly", () => {
    const policy = loadPolicy();
    const missing = policy.programs.filter((p) => !sourceText.includes(p.quote)).map((p) => p.id);
    expect(missing).toEqual([]);
  });

  it("names only departments the text lists", () => {
    const policy = loadPolicy();
    for (const p of policy.programs) for (const d of p.departments) expect(sourceText, `${p.id}: ${d}`).toContain(`${d}`);
  });

  it("gives every program a note in both languages", () => {
    const policy = loadPolicy();
    for (const p of policy.programs) expect(p.notes.length, p.id).toBeGreaterThan(0);
  });

  it("lists Zibo's eleven divisions", () => {
    const policy = loadPolicy();
    expect(policy.vocabulary.districts.map((d) => d.id)).toEqual(DISTRICTS);
    const names = policy.vocabulary.districts.flatMap((d) => [d.id, ...d.aliases]);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toContain("文昌湖省级旅游度假区");
  });

  it("refers only to vocabulary it defines", () => {
    const policy = loadPolicy();
    const v = policy.vocabulary;
    const levels = new Set(v.levels.map((l) => l.id));
    const ownership = new Set(v.ownership.map((o) => o.id));
    const actions = new Set(v.actions.map((a) => a.id));
    const fields = new Set(Object.keys(v.fields));
    const typesOf = { recognitions: v.recognition_types, projects: v.project_types, standards: v.standard_scopes } as const;

    for (const def of [...v.recognition_types, ...v.project_types, ...v.standard_scopes]) {
      expect(actions, `${def.id} action`).toContain(def.action);
      for (const l of def.levels) expect(levels, `${def.id} level`).toContain(l);
      for (const f of def.fields) expect(fields, `${def.id} field`).toContain(f);
    }
    for (const list of Object.values(typesOf)) {
      const ids = list.map((t) => t.id);
      expect(new Set(ids).size).toBe(ids.length);
    }

    for (const p of policy.programs) {
      const defs = new Map(typesOf[p.items.list].map((t) => [t.id, t]));
      for (const t of p.items.types) {
        const def = defs.get(t);
        expect(def, `${p.id}: type ${t} in ${p.items.list}`).toBeDefined();
        // Every level the program pays must be one the type can have.
        for (const l of p.items.levels ?? []) expect(def?.levels, `${p.id}: ${t} at ${l}`).toContain(l);
        // Required fields must be fields the type takes.
        for (const f of p.items.requires) expect(def?.fields, `${p.id}: ${t} requires ${f}`).toContain(f);
      }
      for (const l of p.items.levels ?? []) expect(levels, `${p.id} level`).toContain(l);
      for (const f of p.items.requires) expect(fields, `${p.id} requires`).toContain(f);
      for (const o of p.enterprise?.ownership ?? []) expect(ownership, `${p.id} ownership`).toContain(o);
      if (p.amount.rate) expect(fields, `${p.id} rate.of`).toContain(p.amount.rate.of);
      if (p.amount.distinct_by && p.amount.distinct_by !== "type") expect(fields, `${p.id} distinct_by`).toContain(p.amount.distinct_by);
    }
  });

  it("uses every recognition type, project type and standard scope it defines (except encouraged-only scopes)", () => {
    const policy = loadPolicy();
    const used = (list: "recognitions" | "projects" | "standards") =>
      new Set(policy.programs.filter((p) => p.items.list === list).flatMap((p) => p.items.types));
    expect(policy.vocabulary.recognition_types.map((t) => t.id).filter((t) => !used("recognitions").has(t))).toEqual([]);
    expect(policy.vocabulary.project_types.map((t) => t.id).filter((t) => !used("projects").has(t))).toEqual([]);
    // Industry and group standards are encouraged by the text but rewarded by no program.
    expect(policy.vocabulary.standard_scopes.map((t) => t.id).filter((t) => !used("standards").has(t))).toEqual(["industry", "group"]);
  });

  it("marks as newly obtained exactly the programs whose text says 新", () => {
    const policy = loadPolicy();
    const newly = policy.programs.filter((p) => p.items.newly).map((p) => p.id);
    expect(newly).toEqual([
      "green-factory",
      "green-design-product",
      "efficiency-leader",
      "industrial-design-center-national",
      "industrial-design-center-provincial",
      "industrial-brand-national",
      "centennial-brand-provincial",
      "quality-benchmark-national",
      "quality-benchmark-provincial",
      "military-qualification",
    ]);
    for (const p of policy.programs) if (p.items.newly) expect(p.quote, p.id).toContain("新");
  });

  it("encodes the key amounts", () => {
    const policy = loadPolicy();
    expect(program(policy, "tech-renovation").amount).toEqual({
      kind: "up-to",
      per: "item",
      identity: ["name", "date", "audited_investment"],
      rate: { percent: 10, of: "audited_investment" },
      cap: { item: 5_000_000 },
    });
    expect(program(policy, "tech-renovation").items.requires).toEqual(["audited_investment"]);

    const fsp = program(policy, "first-set-product");
    expect(fsp.amount).toEqual({ kind: "fixed", per: "distinct", distinct_by: "product", identity: ["product"], repeat_after_zero: true, yuan: 500_000, cap: { year: 3_000_000 } });
    expect(fsp.items).toMatchObject({ types: ["first-set-product", "high-end-equipment-catalog"], levels: ["provincial"], needs_date: true, requires: ["product"] });

    expect(program(policy, "champion-matching").amount).toEqual({ kind: "up-to", per: "item", identity: ["type", "level", "date"], rate: { percent: 20, of: "provincial_award" } });
    expect(program(policy, "champion-matching").items.levels).toBeUndefined();

    expect(program(policy, "first-set-insurance").amount).toEqual({
      kind: "fixed",
      per: "item",
      identity: ["date"],
      rate: { percent: 20, of: "premium" },
      cap: { item: 1_000_000 },
    });
    expect(program(policy, "itm-certification").amount).toEqual({ kind: "fixed", per: "enterprise", yuan: 100_000 });
    expect(program(policy, "identifier-resolution-node").amount).toEqual({ kind: "up-to", per: "item", identity: ["name"], yuan: 10_000_000 });

    const mq = program(policy, "military-qualification");
    expect(mq.enterprise).toEqual({ ownership: ["private"] });
    expect(mq.amount).toEqual({ kind: "fixed", per: "distinct", distinct_by: "type", yuan: 200_000 });

    const ms = program(policy, "military-standard");
    expect(ms.enterprise).toEqual({ military_civil: true });
    expect(ms.amount).toEqual({ kind: "fixed", per: "item", identity: ["code"], yuan: 300_000 });
  });

  it("declares, for every program paying per item, what makes two items the same (issue 16)", () => {
    const policy = loadPolicy();
    const lacking = policy.programs.filter((p) => p.amount.kind !== "discretionary" && p.amount.per !== "enterprise" && !p.amount.identity && !p.amount.distinct_by).map((p) => p.id);
    expect(lacking).toEqual([]);
  });

  it("declares the readings issue 16 lists, each naming programs of the policy with a note in zh and en", () => {
    const policy = loadPolicy();
    const ids = policy.readings.map((r) => r.id);
    for (const id of ["insurance-cap-per-year", "insurance-cap-per-enterprise", "before-policy-excluded", "renewals-as-new", "mixed-collective-as-private", "municipal-design-centre-only", "cut-product-not-repeated"]) {
      expect(ids).toContain(id);
    }
    const programs = new Set(policy.programs.map((p) => p.id));
    for (const r of policy.readings) {
      for (const p of r.programs) expect(programs.has(p), `${r.id}: ${p}`).toBe(true);
      expect(r.note.zh.length).toBeGreaterThan(0);
      expect(r.note.en.length).toBeGreaterThan(0);
    }
    // Items before the policy on clauses without 新: every paying program without `newly` is named.
    const before = policy.readings.find((r) => r.id === "before-policy-excluded");
    const withoutNew = policy.programs.filter((p) => !p.items.newly && p.amount.kind !== "discretionary").map((p) => p.id);
    expect([...(before?.programs ?? [])].sort()).toEqual(withoutNew.sort());
  });

  it("names no sum for discretionary programs", () => {
    const policy = loadPolicy();
    const discretionary = policy.programs.filter((p) => p.amount.kind === "discretionary").map((p) => p.id);
    expect(discretionary).toEqual([
      "digital-demonstration",
      "green-park-supply-chain",
      "efficiency-leader",
      "resource-utilization",
      "industrial-design-municipal",
      "standard-setting",
    ]);
  });
});

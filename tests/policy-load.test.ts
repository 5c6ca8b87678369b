import { describe, expect, it } from "vitest";
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { crossCheck, defaultPolicyFile, loadPolicy, packageRoot } from "../src/policy/load.js";
import { say } from "../src/i18n/index.js";
import { indexPolicy, resolveDistrict } from "../src/policy/index-policy.js";
import { ValidationErrors } from "../src/errors.js";
import { policySchema } from "../src/policy/schema.js";
import { miniPolicy, miniPolicyData } from "./helpers/mini-policy.js";
import { parseProfileText } from "../src/profile/load.js";
import { caught } from "./helpers/caught.js";

const POLICIES = path.join(import.meta.dirname, "..", "fixtures", "policies");
const fixture = (name: string) => path.join(POLICIES, name);

const issues = (fn: () => unknown) => {
  const e = caught(fn);
  return e instanceof ValidationErrors ? e.issues : [e];
};

describe("loadPolicy", () => {
  it("loads a valid policy with its hash, index and source text", () => {
    const file = fixture("valid-mini.yaml");
    const p = loadPolicy(file);
    expect(p.file).toBe(file);
    expect(p.sha256).toBe(createHash("sha256").update(fs.readFileSync(file)).digest("hex"));
    expect(p.data.programs.map((x) => x.id)).toEqual(["green-factory"]);
    expect(p.data.programs[0]?.amount.per).toBe("enterprise");
    expect(p.sourceText).toMatch(/国家绿色工厂/);
    expect(p.index.programs.get("green-factory")?.clause).toBe("二(一)3");
    expect(p.index.recognitionTypes.get("first-set-product")?.fields).toEqual(["product"]);
  });

  it("does without the source text when its file is absent", () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "subsidy-policy-"));
    try {
      const copy = path.join(tmp, "p.yaml");
      fs.copyFileSync(fixture("valid-mini.yaml"), copy);
      const p = loadPolicy(copy);
      expect(p.sourceText).toBeUndefined();
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });

  it("finds the package root from the module, and the default policy file there", () => {
    const root = packageRoot();
    expect(JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")).name).toBe("subsidy");
    expect(defaultPolicyFile()).toBe(path.join(root, "policy.yaml"));
  });

  it("says a missing policy is missing (exit 2)", () => {
    const e = caught(() => loadPolicy(fixture("no-such-policy.yaml")));
    expect(e.code).toBe("policy-missing");
    expect(e.exitCode).toBe(2);
    expect(e.message).toMatch(/policy file not found/);
    expect(e.location.file).toBe(fixture("no-such-policy.yaml"));
  });

  it("refuses a directory as the policy", () => {
    const e = caught(() => loadPolicy(POLICIES));
    expect(e.code).toBe("policy-invalid");
    expect(e.message).toMatch(/policy file is a directory/);
  });

  it("reports a syntax error as policy-invalid with file:line", () => {
    const e = caught(() => loadPolicy(fixture("syntax-error.yaml")));
    expect(e.code).toBe("policy-invalid");
    expect(e.exitCode).toBe(2);
    expect(e.message).toMatch(/^policy: YAML syntax error/);
    expect(e.location.file).toBe(fixture("syntax-error.yaml"));
    expect(e.location.line).toBeGreaterThanOrEqual(138);
  });

  it("reports schema errors with file:line and field", () => {
    const errs = issues(() => loadPolicy(fixture("schema-error.yaml")));
    expect(errs.every((e) => e.code === "policy-invalid")).toBe(true);
    const byPath = new Map(errs.map((e) => [e.location.path, e]));
    expect(byPath.get("programs[0].amount.kind")?.location.line).toBe(148);
    expect(byPath.get("programs[0].amount.bonus")?.message).toBe("unknown field 'bonus' in the policy");
    expect(byPath.get("programs[0].amount.bonus")?.location.line).toBe(149);
    expect(errs[0]?.format()).toMatch(/schema-error\.yaml:14\d programs\[0\]\.amount\./);
  });

  it("reports a program type the vocabulary does not define", () => {
    const [e, ...rest] = issues(() => loadPolicy(fixture("unknown-vocabulary-ref.yaml")));
    expect(rest).toHaveLength(0);
    expect(e?.code).toBe("policy-invalid");
    expect(e?.message).toBe("'green-factroy' is not in vocabulary.recognition_types; did you mean 'green-factory'?");
    expect(e?.location).toMatchObject({ line: 143, path: "programs[0].items.types[0]" });
  });

  it("reports a duplicate program id", () => {
    const [e] = issues(() => loadPolicy(fixture("duplicate-program-id.yaml")));
    expect(e?.message).toBe("duplicate id 'green-factory' in programs");
    expect(e?.location).toMatchObject({ line: 151, path: "programs[1].id" });
  });

  it("reports a rate of a text field and an unknown ownership", () => {
    const errs = issues(() => loadPolicy(fixture("bad-rate-field.yaml")));
    expect(errs.map((e) => [e.location.line, e.location.path, e.message])).toEqual([
      [148, "programs[0].enterprise.ownership[0]", "unknown ownership 'privat'; did you mean 'private'?; define it in vocabulary.ownership"],
      [154, "programs[0].amount.rate.of", "'product' is a text field; a rate needs a money field"],
    ]);
  });
});

describe("crossCheck", () => {
  // The mutations reach deep into untyped data: a loose type keeps them short.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  type Loose = Record<string, any>;
  const base = () => structuredClone(miniPolicyData) as unknown as Loose;
  const check = (mutate: (d: Loose) => void) => {
    const d = base();
    mutate(d);
    return crossCheck(policySchema.parse(d)).map(([p, m]) => `${p.join(".")}: ${say(m, { lang: "en" })}`);
  };

  it("passes the mini policy", () => {
    expect(check(() => {})).toEqual([]);
  });

  it("finds a district spelling that leads to two districts, folded as the lookup folds it", () => {
    expect(
      check((d) => {
        d.vocabulary.districts[1].en = "ZHANGDIAN District";
        d.vocabulary.districts[1].aliases = ["\u3000张店 "];
      }),
    ).toEqual([
      "vocabulary.districts.1.aliases.0: '\u3000张店 ' names both 张店区 and 文昌湖区",
      "vocabulary.districts.1.en: 'ZHANGDIAN District' names both 张店区 and 文昌湖区",
    ]);
  });

  it("checks every reference into the vocabulary", () => {
    expect(
      check((d) => {
        d.vocabulary.recognition_types[0].levels = ["nationl"];
        d.vocabulary.recognition_types[1].fields = ["prodcut"];
        d.vocabulary.recognition_types[2].action = "二(九)";
        d.programs[0].items.levels = ["galactic"];
        d.programs[0].items.requires = ["premium"];
        d.programs[0].amount = { kind: "fixed", per: "distinct", distinct_by: "colour", yuan: 1 };
      }),
    ).toEqual([
      "vocabulary.recognition_types.0.levels.0: unknown level 'nationl'; did you mean 'national'?; define it in vocabulary.levels",
      "vocabulary.recognition_types.1.fields.0: unknown field 'prodcut'; did you mean 'product'?; define it in vocabulary.fields",
      "vocabulary.recognition_types.2.action: unknown action '二(九)'; did you mean '二(一)'?; define it in vocabulary.actions",
      "programs.0.items.levels.0: unknown level 'galactic'; define it in vocabulary.levels",
      "programs.0.items.requires.0: requires 'premium', which type green-factory does not take (add it to that type's fields)",
      "programs.0.amount.distinct_by: unknown field 'colour'",
    ]);
  });

  it("checks duplicate ids and district spellings that name two districts", () => {
    expect(
      check((d) => {
        d.vocabulary.levels.push({ id: "national", zh: "国家", en: "national" });
        d.vocabulary.districts[1].aliases.push("ZHANGDIAN");
      }),
    ).toEqual([
      "vocabulary.levels.3.id: duplicate id 'national' in vocabulary.levels",
      "vocabulary.districts.1.aliases.2: 'ZHANGDIAN' names both 张店区 and 文昌湖区",
    ]);
  });

  it("refuses distinct_by without per: distinct", () => {
    expect(check((d) => (d.programs[0].amount.distinct_by = "product"))).toEqual([
      "programs.0.amount.distinct_by: distinct_by only applies with per: distinct (this program has per: enterprise)",
    ]);
  });
});

describe("indexPolicy", () => {
  const index = indexPolicy(miniPolicy().data);
  it("resolves districts by id, alias, English name and pinyin, case-folded and trimmed", () => {
    expect(resolveDistrict(index, "张店区")).toBe("张店区");
    expect(resolveDistrict(index, " 张店 ")).toBe("张店区");
    expect(resolveDistrict(index, "ZhangDian")).toBe("张店区");
    expect(resolveDistrict(index, "zhangdian district")).toBe("张店区");
    expect(resolveDistrict(index, "文昌湖省级旅游度假区")).toBe("文昌湖区");
  });
  it("matches nothing for prototype names", () => {
    for (const name of ["constructor", "__proto__", "toString", "valueOf", "hasOwnProperty"]) {
      expect(resolveDistrict(index, name)).toBeUndefined();
    }
  });
});

describe("the package's own policy.yaml", () => {
  const example = fs.readFileSync(path.join(import.meta.dirname, "..", "fixtures", "policies", "profile-md-example.yaml"));

  it("loads, and reads the example profile of profile.md", () => {
    const policy = loadPolicy();
    expect(policy.file).toBe(defaultPolicyFile());
    expect(policy.data.programs.length).toBeGreaterThan(0);
    expect(policy.sha256).toMatch(/^[0-9a-f]{64}$/);
    const p = parseProfileText(example, "example.yaml", policy, { asOf: "2025-01-01" });
    expect(p.enterprise).toMatchObject({ name: "淄博华创精密机械有限公司", zibo_district: "张店区", ownership: "private" });
    expect(p.recognitions.map((r) => r.type)).toEqual([
      "green-factory",
      "first-set-product",
      "single-champion",
      "first-set-insurance",
      "itm-certification",
    ]);
    expect(p.recognitions[3]?.premium).toBe(1500000);
    expect(p.projects[0]?.audited_investment).toBe(38000000);
    expect(p.standards[0]?.scope).toBe("national-military");
  });

  it("resolves every Zibo division and none other", () => {
    const policy = loadPolicy();
    for (const d of ["张店区", "淄川区", "博山区", "周村区", "临淄区", "桓台县", "高青县", "沂源县", "高新区", "经济开发区", "文昌湖区"]) {
      expect(resolveDistrict(policy.index, d)).toBe(d);
    }
    expect(resolveDistrict(policy.index, "文昌湖省级旅游度假区")).toBe("文昌湖区");
    expect(resolveDistrict(policy.index, "历下区")).toBeUndefined();
    expect(resolveDistrict(policy.index, "constructor")).toBeUndefined();
  });
});

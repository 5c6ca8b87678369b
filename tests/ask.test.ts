/** The questionnaire without a terminal: the plan answered by name through a scripted prompter. */
import { describe, expect, it } from "vitest";
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseSpokenMoney, fenToYuanNumber } from "../src/parse/money.js";
import { completeProfile, runInterview } from "../src/ask/interview.js";
import { itemChoiceQuestions, itemQuestions, levelQuestion } from "../src/ask/plan.js";
import { renderProfileYaml } from "../src/ask/save.js";
import { runAsk } from "../src/commands/ask.js";
import { evaluate } from "../src/engine/evaluate.js";
import { loadPolicy } from "../src/policy/load.js";
import { parseProfileText } from "../src/profile/load.js";
import { creditCodeCheckChar } from "../src/profile/credit-code.js";
import { SubsidyError, ValidationErrors } from "../src/errors.js";
import { say } from "../src/i18n/index.js";
import { realPolicy, root } from "./helpers/real-policy.js";
import { scripted, ScriptedAnswerError } from "./helpers/scripted-prompter.js";

const policy = realPolicy();
const AS_OF = "2024-12-31";
const ctx = { lang: "en" as const, asOf: AS_OF };

/** The loader's own message for a profile file holding one bad value. */
function loaderMessage(yaml: string): string {
  try {
    parseProfileText(yaml, "f.yaml", policy, { asOf: AS_OF });
  } catch (e) {
    if (e instanceof ValidationErrors) return e.issues[0]?.message ?? "";
  }
  throw new Error("expected the loader to reject the file");
}

describe("spoken money", () => {
  const yuan = (s: string) => {
    const m = parseSpokenMoney(s);
    return m.ok ? fenToYuanNumber(m.fen) : m.reason;
  };
  it("reads what people say, exactly", () => {
    expect(yuan("380万")).toBe(3800000);
    expect(yuan("3,800,000")).toBe(3800000);
    expect(yuan("1.2亿")).toBe(120000000);
    expect(yuan("38.5万元")).toBe(385000);
    expect(yuan("¥1,000")).toBe(1000);
    expect(yuan("￥１，０００")).toBe(1000);
    expect(yuan("3800000.5")).toBe(3800000.5);
    expect(yuan("1.23456万")).toBe(12345.6);
    expect(yuan("0.000001亿")).toBe(100);
    // 0.1 + 0.2 style float error cannot occur: 1.1亿 is exactly 110000000.
    expect(yuan("1.1亿")).toBe(110000000);
  });
  it("refuses what could be read two ways", () => {
    expect(yuan("1,20,000")).toBe("grouping");
    expect(yuan("1,5万")).toBe("grouping");
    expect(yuan("1.2.3")).toBe("format");
    expect(yuan("3.001")).toBe("precision");
    expect(yuan("三百万")).toBe("format");
    expect(yuan("-5")).toBe("negative");
    expect(yuan("  ")).toBe("empty");
    expect(yuan("380w")).toBe("format");
  });
});

describe("the question plan comes from the policy", () => {
  it("offers every kind some program reads, grouped by the policy's actions, and no kind nobody pays for", () => {
    const qs = itemChoiceQuestions(policy);
    const values = qs.flatMap((q) => (q.choices ?? []).map((c) => c.value));
    const read = policy.data.programs.flatMap((p) => p.items.types.map((t) => `${p.items.list}:${t}`));
    expect(new Set(values)).toEqual(new Set(read));
    // industry and group standards are only encouraged by the text: no program pays, so they are not asked.
    expect(values).not.toContain("standards:industry");
    expect(values).not.toContain("standards:group");
    for (const q of qs) {
      const action = q.name.slice("items.".length);
      for (const c of q.choices ?? []) {
        const [list, kind] = c.value.split(":") as [string, string];
        const v = policy.data.vocabulary;
        const def = (list === "recognitions" ? v.recognition_types : list === "projects" ? v.project_types : v.standard_scopes).find((d) => d.id === kind);
        expect(def?.action).toBe(action);
      }
    }
  });

  it("offers only the levels of the type's vocabulary, marking the ones no program pays", () => {
    const q = levelQuestion(policy, "recognitions", "green-factory", "recognitions[0]");
    expect(q?.choices?.map((c) => c.value)).toEqual(["national", "provincial", "municipal"]);
    expect(q?.choices?.filter((c) => c.hint).map((c) => c.value)).toEqual(["provincial", "municipal"]);
    // gazelle exists at one level only; the engine infers it, so it is not asked.
    expect(levelQuestion(policy, "recognitions", "gazelle", "recognitions[0]")).toBeUndefined();
    // the identifier node has no level at all.
    expect(levelQuestion(policy, "recognitions", "identifier-resolution-node", "recognitions[0]")).toBeUndefined();
  });

  it("never puts the cursor on a level that pays nothing (issue 16)", () => {
    const level = (kind: string) => itemQuestions(policy, AS_OF, "recognitions", kind, "recognitions[0]").find((q) => q.name.endsWith(".level"));
    // first-set insurance and products exist nationally and provincially; only the provincial lists pay.
    expect(level("first-set-insurance")?.default).toBe("provincial");
    expect(level("first-set-product")?.default).toBe("provincial");
    expect(level("green-factory")?.default).toBe("national");
    for (const kind of ["first-set-insurance", "first-set-product", "green-factory", "industrial-design-center", "quality-benchmark"]) {
      const q = level(kind);
      const chosen = q?.choices?.find((c) => c.value === q.default);
      expect(chosen?.hint, kind).toBeUndefined();
    }
  });

  it("asks a field only where a program reads it", () => {
    const names = (kind: string) => itemQuestions(policy, AS_OF, "recognitions", kind, "recognitions[0]").map((q) => q.name);
    // …and, for every item that can pay a sum, whether the city already paid for it and how much (issue 16).
    const paid = ["recognitions[0].rewarded", "recognitions[0].rewarded_yuan"];
    expect(names("first-set-product")).toEqual(["recognitions[0].level", "recognitions[0].date", "recognitions[0].product", ...paid]);
    // green-design-product takes a product, but its program pays once per enterprise whatever the product.
    expect(names("green-design-product")).toEqual(["recognitions[0].level", "recognitions[0].date", ...paid]);
    expect(names("first-set-insurance")).toEqual(["recognitions[0].level", "recognitions[0].premium", ...paid]);
    // Only items that can pay a sum are asked about: a discretionary one is not.
    expect(names("digital-demonstration")).toEqual([]);
  });

  it("a type added to the policy appears with its labels, levels and field, with no code change", async () => {
    const extra = loadPolicy(`${root}fixtures/policies/extra-type.yaml`);
    const qs = itemChoiceQuestions(extra);
    const q = qs.find((x) => (x.choices ?? []).some((c) => c.value === "recognitions:test-lighthouse"));
    expect(q?.name).toBe("items.二(四)");
    expect(itemChoiceQuestions(policy).map((x) => x.name)).not.toContain("items.二(四)");

    const s = scripted({
      "enterprise.name": "灯塔测试",
      "enterprise.district": "淄川区",
      "items.二(四)": ["recognitions:test-lighthouse"],
      "recognitions[0].level": "national",
      "recognitions[0].date": "2024-06-01",
      "recognitions[0].test_grant": "300万",
    });
    const r = await runInterview(extra, s.prompter, ctx);
    expect(s.names()).toContain("recognitions[0].test_grant");
    const level = s.asked.find((a) => a.name === "recognitions[0].level");
    expect(level?.choices?.map((c) => c.value)).toEqual(["national", "provincial"]);
    expect(s.asked.find((a) => a.name === "recognitions[0].test_grant")?.message).toContain("Test grant (yuan)");
    if (r.outcome !== "done") throw new Error("expected a profile");
    expect(r.data.recognitions[0]).toEqual({ type: "test-lighthouse", level: "national", date: "2024-06-01", test_grant: 3000000 });
    const res = evaluate(extra, r.profile, AS_OF).results.find((x) => x.program.id === "test-lighthouse");
    expect(res?.status).toBe("eligible");
    expect(res?.amount.yuan).toBe(300000); // 10% of 3,000,000
    expect(res?.reasons.map((m) => say(m, { lang: "en", policy: extra })).join(" ")).toMatch(/recognition 1: national test lighthouse factory \(2024-06-01\) qualifies: ¥300,000/);
  });
});

/** A consultant's whole interview, answered by name. */
const interview = {
  "enterprise.name": "淄博华创精密机械有限公司",
  "enterprise.district": "张店区",
  "enterprise.credit_code": "",
  "items.二(一)": ["recognitions:green-factory", "projects:technical-renovation"],
  "items.二(二)": ["recognitions:first-set-insurance", "recognitions:first-set-product"],
  "items.二(三)": ["recognitions:weapons-production-license", "standards:national-military"],
  "recognitions[0].level": "national",
  "recognitions[0].date": "2024-01-15",
  "recognitions[1].level": "provincial",
  "recognitions[1].premium": "150万",
  "recognitions[2].level": "provincial",
  "recognitions[2].date": "2024-03-01",
  "recognitions[2].product": "HC-5000 五轴加工中心",
  "recognitions[2].another": true,
  "recognitions[3].level": "provincial",
  "recognitions[3].date": "2024-04-01",
  "recognitions[3].product": "HC-6000",
  "recognitions[4].date": "2023-05-01",
  "projects[0].audited_investment": "3,800万",
  "projects[0].name": "智能化产线改造",
  "standards[0].code": "GJB 1234-2024",
  "enterprise.ownership": "private",
  "enterprise.military_civil": true,
};

describe("an interview", () => {
  it("assembles the profile a consultant would have written, and asks nothing that cannot change a result", async () => {
    const s = scripted(interview);
    const r = await runInterview(policy, s.prompter, ctx);
    if (r.outcome !== "done") throw new Error("expected a profile");
    expect(r.data).toEqual({
      enterprise: { name: "淄博华创精密机械有限公司", district: "张店区", ownership: "private", military_civil: true },
      recognitions: [
        { type: "green-factory", level: "national", date: "2024-01-15" },
        { type: "first-set-insurance", level: "provincial", premium: 1500000 },
        { type: "first-set-product", level: "provincial", date: "2024-03-01", product: "HC-5000 五轴加工中心" },
        { type: "first-set-product", level: "provincial", date: "2024-04-01", product: "HC-6000" },
        { type: "weapons-production-license", date: "2023-05-01" },
      ],
      projects: [{ type: "technical-renovation", audited_investment: 38000000, name: "智能化产线改造" }],
      standards: [{ scope: "national-military", code: "GJB 1234-2024" }],
    });
    // Every scripted answer was asked for (no question skipped that the script expected)…
    for (const name of Object.keys(interview)) expect(s.names()).toContain(name);
    // …and nothing else but the "another?" offers was asked.
    const extra = s.names().filter((n) => !Object.hasOwn(interview, n));
    expect(extra.every((n) => n.endsWith(".another") || n.endsWith(".rewarded") || n.startsWith("items."))).toBe(true);

    const results = evaluate(policy, r.profile, AS_OF).results;
    const get = (id: string) => results.find((x) => x.program.id === id);
    expect(get("green-factory")).toMatchObject({ status: "eligible", amount: { yuan: 1000000 } });
    expect(get("first-set-insurance")).toMatchObject({ status: "eligible", amount: { yuan: 300000 } }); // 20% of 1,500,000
    expect(get("first-set-product")).toMatchObject({ status: "eligible", amount: { yuan: 1000000 } }); // two products
    expect(get("tech-renovation")).toMatchObject({ status: "eligible", amount: { yuan: 3800000 } }); // 10% of 38,000,000
    expect(get("military-qualification")).toMatchObject({ status: "eligible", amount: { yuan: 200000 } });
    expect(get("military-standard")).toMatchObject({ status: "eligible", amount: { yuan: 300000 } });
    expect(get("military-standard")?.reasons.map((m) => say(m, { lang: "en", policy })).join(" ")).toContain("military–civil");
  });

  it("asks ownership and 军民结合 only when a chosen item makes them matter, and no date for an unpaid level", async () => {
    const s = scripted({
      "enterprise.name": "甲",
      "enterprise.district": "博山区",
      "items.二(一)": ["recognitions:green-factory"],
      "recognitions[0].level": "municipal",
    });
    const r = await runInterview(policy, s.prompter, ctx);
    expect(s.names()).not.toContain("enterprise.ownership");
    expect(s.names()).not.toContain("enterprise.military_civil");
    expect(s.names()).not.toContain("recognitions[0].date");
    expect(r.outcome).toBe("done");
  });

  it("ends early for an enterprise outside Zibo, with the explanation", async () => {
    const s = scripted({ "enterprise.name": "外地企业", "enterprise.district": "__elsewhere__" });
    const r = await runInterview(policy, s.prompter, ctx);
    expect(r.outcome).toBe("elsewhere");
    expect(s.names()).toEqual(["enterprise.name", "enterprise.district"]);
    expect(s.printed.join("")).toContain("not registered in one of Zibo's eleven divisions");
  });

  it("checks answers as typed, with the file loader's own messages", async () => {
    const first17 = "91370303MA3C0001X";
    const right = creditCodeCheckChar(first17) ?? "";
    const bad = first17 + (right === "0" ? "1" : "0");
    const s = scripted({ "enterprise.name": "甲", "enterprise.district": "张店区", "enterprise.credit_code": bad });
    const err = await runInterview(policy, s.prompter, ctx).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ScriptedAnswerError);
    const fileMessage = loaderMessage(`enterprise:\n  name: 甲\n  credit_code: ${bad}\n`);
    expect(fileMessage).toContain("check character");
    expect((err as Error).message).toBe(`enterprise.credit_code: ${fileMessage}`);

    // A date after --as-of is a fact like any other (issue 16): the evaluation leaves the item out and says so.
    const late = scripted({ ...interview, "recognitions[0].date": "2025-01-02" });
    const done = await runInterview(policy, late.prompter, ctx);
    expect(done.outcome).toBe("done");

    const money = scripted({ ...interview, "recognitions[1].premium": "1,50,000" });
    const err3 = await runInterview(policy, money.prompter, ctx).catch((e: unknown) => e);
    expect((err3 as Error).message).toContain("commas must group digits in threes");
  });

  it("echoes spoken money back in yuan for confirmation", async () => {
    const s = scripted(interview);
    await runInterview(policy, s.prompter, ctx);
    const q = s.asked.find((a) => a.name === "projects[0].audited_investment");
    expect(q?.echo?.("3,800万")).toBe("That is ¥38,000,000. Correct?");
  });
});

describe("saving", () => {
  it("writes a commented profile that subsidy check reads back to identical results", async () => {
    const s = scripted(interview);
    const r = await runInterview(policy, s.prompter, ctx);
    if (r.outcome !== "done") throw new Error("expected a profile");
    const yaml = renderProfileYaml(policy, r.data, { date: "2024-12-31", asOf: AS_OF, lang: "en" });
    expect(yaml).toMatch(/^# Enterprise profile \(企业情况\) written by subsidy ask/);
    // The header speaks the run's language; the profile itself is the same.
    const zhYaml = renderProfileYaml(policy, r.data, { date: "2024-12-31", asOf: AS_OF, lang: "zh" });
    expect(zhYaml).toMatch(/^# 企业情况文件，由 subsidy ask \S+ 于 2024-12-31 生成\n# 政策：zibo-five-optimizations/);
    expect(zhYaml.split("\n").slice(3).join("\n")).toBe(yaml.split("\n").slice(3).join("\n"));
    expect(yaml).toContain("type: green-factory # 绿色工厂");
    expect(yaml).toContain("level: national # 国家级");
    expect(yaml).toContain("premium: 1500000 # 实际缴纳保费（元） ¥1,500,000");
    const back = parseProfileText(yaml, "saved.yaml", policy, { asOf: AS_OF });
    expect(evaluate(policy, back, AS_OF)).toEqual(evaluate(policy, r.profile, AS_OF));
  });
});

describe("subsidy ask --from", () => {
  const partial = `enterprise:
  name: 淄博测试有限公司
  district: 张店区
recognitions:
  - type: industrial-design-center
  - type: first-set-insurance
    level: provincial
  - type: equipment-contractor
    date: 2022-01-01
`;
  it("asks exactly the facts programs wait for, one at a time, skipping what an answer made moot", async () => {
    const start = parseProfileText(partial, "p.yaml", policy, { asOf: AS_OF });
    const s = scripted({
      "recognitions[0].level": "provincial",
      "recognitions[0].date": "2023-09-01",
      "recognitions[1].premium": "40万",
      "enterprise.ownership": "private",
    });
    const r = await completeProfile(policy, s.prompter, ctx, start);
    expect(s.names()).toEqual(["recognitions[0].level", "recognitions[0].date", "recognitions[1].premium", "enterprise.ownership"]);
    // A municipal design centre is paid on merit with no date needed: the date question is then skipped.
    const s2 = scripted({ "recognitions[0].level": "municipal", "recognitions[1].premium": "40万", "enterprise.ownership": "private" });
    await completeProfile(policy, s2.prompter, ctx, start);
    expect(s2.names()).toEqual(["recognitions[0].level", "recognitions[1].premium", "enterprise.ownership"]);
    if (r.outcome !== "done") throw new Error("expected a profile");
    const results = evaluate(policy, r.profile, AS_OF).results;
    expect(results.filter((x) => x.status === "needs-info").map((x) => x.program.id)).toEqual([]);
    expect(results.find((x) => x.program.id === "industrial-design-center-provincial")).toMatchObject({ status: "eligible", amount: { yuan: 500000 } });
    expect(results.find((x) => x.program.id === "first-set-insurance")).toMatchObject({ status: "eligible", amount: { yuan: 80000 } });
    expect(results.find((x) => x.program.id === "military-qualification")).toMatchObject({ status: "eligible", amount: { yuan: 200000 } });
  });

  it("saves the completed profile next to the input, never over it", async () => {
    const dir = mkdtempSync(join(tmpdir(), "subsidy-ask-"));
    const input = join(dir, "client.yaml");
    writeFileSync(input, partial);
    const out: string[] = [];
    const io = { out: (x: string) => void out.push(x), err: (x: string) => void out.push(x) };
    const common = { asOf: AS_OF, lang: "en" as const, color: false, unit: "yuan" as const, width: 100 };
    const answers = { "recognitions[0].level": "municipal", "recognitions[1].premium": "", "enterprise.ownership": "state", save: true, "save.file": input };
    // Naming the input file is refused; the scripted prompter then has no other name, so it gives up.
    const s = scripted(answers);
    let calls = 0;
    const once = { ...s.prompter, ask: async (spec: Parameters<typeof s.prompter.ask>[0]) => (spec.name === "save.file" && calls++ > 0 ? "" : s.prompter.ask(spec)) };
    expect(await runAsk({ ...common, from: input }, io, { stdinIsTTY: true, stdoutIsTTY: true }, once)).toBe(0);
    expect(readFileSync(input, "utf8")).toBe(partial);
    expect(out.join("")).toContain("is the profile you started from");
    const saved = join(dir, "client.completed.yaml");
    expect(existsSync(saved)).toBe(true);
    const back = parseProfileText(readFileSync(saved), saved, policy, { asOf: AS_OF });
    expect(back.enterprise.ownership).toBe("state");
    expect(back.recognitions[0]?.level).toBe("municipal");

    // A second run finds client.completed.yaml taken: without an explicit yes it is not replaced.
    const before = readFileSync(saved, "utf8");
    const s2 = scripted({ ...answers, "save.overwrite": false });
    const names: string[] = [];
    const other = join(dir, "other.yaml");
    const p2 = { ...s2.prompter, ask: async (spec: Parameters<typeof s.prompter.ask>[0]) => {
      if (spec.name === "save.file") {
        names.push(String(spec.default));
        return names.length === 1 ? saved : other;
      }
      return s2.prompter.ask(spec);
    } };
    expect(await runAsk({ ...common, from: input }, io, { stdinIsTTY: true, stdoutIsTTY: true }, p2)).toBe(0);
    expect(s2.names()).toContain("save.overwrite");
    // After "no", the name is asked again, with no default to accept by mistake.
    expect(names).toEqual([saved, ""]);
    expect(existsSync(other)).toBe(true);
    expect(readFileSync(saved, "utf8")).toBe(before);
  });
});

describe("terminals", () => {
  it("refuses to start without a terminal on both ends", async () => {
    const common = { asOf: AS_OF, lang: "en" as const, color: false, unit: "yuan" as const, width: 100 };
    const io = { out: () => {}, err: () => {} };
    for (const term of [{ stdinIsTTY: false, stdoutIsTTY: true }, { stdinIsTTY: true, stdoutIsTTY: false }]) {
      const err = await runAsk(common, io, term).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(SubsidyError);
      expect((err as SubsidyError).exitCode).toBe(2);
      expect((err as SubsidyError).message).toBe("subsidy ask needs a terminal; to evaluate a file use: subsidy check FILE");
    }
  });
});

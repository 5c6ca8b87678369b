/**
 * Excel in, Excel out, through the real bin/subsidy.js: every workbook it writes is read back with
 * exceljs and its cells checked for type (text or number) and value; client workbooks round-trip
 * (export → batch, import → batch give the folder's results); errors name the sheet and the cell.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { root } from "./helpers/real-policy.js";
import { runCli } from "./helpers/cli.js";
import { csvRecords } from "./helpers/csv.js";

const AS_OF = "2026-11-25";
const profilesDir = path.join(root, "fixtures", "profiles");
let tmp: string;
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "subsidy-xlsx-"));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const run = (args: string[], env: Record<string, string> = {}) => runCli(args, { env });

async function read(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

function sheet(wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name}: ${wb.worksheets.map((w) => w.name).join(", ")}`);
  return ws;
}

/** The rows under the header as objects by header text, with each cell's exceljs type. */
function rows(ws: ExcelJS.Worksheet): { v: Record<string, unknown>; type: Record<string, ExcelJS.ValueType>; fmt: Record<string, string> }[] {
  const head = (ws.getRow(1).values as unknown[]).slice(1).map(String);
  const out: ReturnType<typeof rows> = [];
  ws.eachRow((row, n) => {
    if (n === 1) return;
    const r = { v: {} as Record<string, unknown>, type: {} as Record<string, ExcelJS.ValueType>, fmt: {} as Record<string, string> };
    head.forEach((h, i) => {
      const c = row.getCell(i + 1);
      r.v[h] = c.value;
      r.type[h] = c.type;
      r.fmt[h] = c.numFmt;
    });
    out.push(r);
  });
  return out;
}

function batchJson(target: string): { profiles: { profile: { file: string }; results?: unknown[]; totals?: unknown; error?: { message: string } }[]; summary: unknown } {
  const r = run(["batch", target, "--as-of", AS_OF, "--format", "json", "--lang", "en"]);
  expect(r.stderr).toBe("");
  return JSON.parse(r.stdout);
}

/** A batch's JSON with each profile named by its file's base name (a workbook names them by its file column). */
function normalised(doc: ReturnType<typeof batchJson>): string {
  for (const p of doc.profiles) p.profile.file = path.basename(p.profile.file).replace(/\.json$/, ".yaml");
  return JSON.stringify(doc);
}

describe("workbook reports", () => {
  it("check --out x.xlsx: summary, details and to-do sheets with text and number cells, ¥ formats, frozen filtered headers", async () => {
    const out = path.join(tmp, "check.xlsx");
    const files = ["fixtures/profiles/huachuang.yaml", "fixtures/profiles/luchuan-needs-info.yaml", "fixtures/profiles/bobeng-first-set.yaml"];
    const r = run(["check", ...files, "--as-of", AS_OF, "--lang", "zh", "--out", out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe("");
    const json = JSON.parse(run(["check", ...files, "--as-of", AS_OF, "--lang", "zh", "--format", "json"]).stdout);
    const wb = await read(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["企业汇总", "项目明细", "待补充信息", "按项目汇总", "可争取的项目", "可争取项目汇总"]);
    const sum = sheet(wb, "企业汇总");
    expect(sum.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(sum.autoFilter).toBe("A1:O1");
    const s = rows(sum).filter((x) => x.v["政策编号"] !== null && x.v["政策编号"] !== undefined);
    expect(s[0]?.v).toMatchObject({ 文件: files[0], 企业名称: "淄博华创精密机械有限公司", 统一社会信用代码: "91370303MA3C0001XY", 区县: "张店区", 企业性质: "民营企业", 定额合计: json[0].totals.fixedYuan, "最高合计（含上限）": json[0].totals.maxYuan, 政策编号: "zibo-five-optimizations", 评估日期: AS_OF });
    expect(s[0]?.type).toMatchObject({ 文件: ExcelJS.ValueType.String, 统一社会信用代码: ExcelJS.ValueType.String, 定额合计: ExcelJS.ValueType.Number, 符合条件项目数: ExcelJS.ValueType.Number });
    expect(s[0]?.fmt["定额合计"]).toBe('"¥"#,##0');
    // The totals at the lowest reading (bobeng: the insurance cap read per enterprise).
    expect(s.map((x) => [x.v["定额合计（按最低理解）"], x.v["最高合计（按最低理解）"]])).toEqual(json.map((d: { totals: { conservativeFixedYuan: number; conservativeMaxYuan: number } }) => [d.totals.conservativeFixedYuan, d.totals.conservativeMaxYuan]));
    expect(s[2]?.v["定额合计（按最低理解）"]).toBeLessThan(s[2]?.v["定额合计"] as number);
    // Details: one row per eligible or needs-info program, its amount the JSON's.
    const d = rows(sheet(wb, "项目明细"));
    type Result = { program: string; status: string; amount: { yuan: number | null }; alternatives: { yuan: number }[] };
    const applicable = json.flatMap((doc: { profile: { file: string }; results: Result[] }) => doc.results.filter((x) => x.status !== "ineligible").map((x) => ({ file: doc.profile.file, ...x })));
    expect(applicable.some((a: Result) => a.alternatives.length > 0)).toBe(true);
    expect(d.length).toBe(applicable.length);
    for (const [i, a] of applicable.entries()) {
      expect(d[i]?.v["文件"]).toBe(a.file);
      expect(d[i]?.v["项目编号"]).toBe(a.program);
      expect(d[i]?.v["状态"]).toBe(a.status === "eligible" ? "符合条件" : "待补充信息");
      expect(d[i]?.v["金额"]).toBe(a.status === "eligible" ? a.amount.yuan : null);
      const low = a.alternatives.reduce((m: number | null, x: { yuan: number }) => (m === null || x.yuan < m ? x.yuan : m), a.amount.yuan);
      expect(d[i]?.v["保守金额"]).toBe(a.status === "eligible" ? low : null);
      if (a.status === "eligible" && a.amount.yuan !== null) expect(d[i]?.type["金额"]).toBe(ExcelJS.ValueType.Number);
    }
    // To do: the needs-info facts in words (the field and the item), not profile paths.
    const todo = rows(sheet(wb, "待补充信息"));
    expect(todo.length).toBeGreaterThan(0);
    expect(todo.every((x) => x.v["文件"] === files[1])).toBe(true);
    // Opportunities: per enterprise as in the JSON, amounts as numbers.
    const opp = rows(sheet(wb, "可争取的项目"));
    const jsonOpp = json.flatMap((doc: { profile: { file: string }; opportunities: { program: string; yuan: number | null; change: string }[] }) => doc.opportunities.map((x) => [doc.profile.file, x.program, x.yuan, x.change]));
    expect(opp.map((x) => [x.v["文件"], x.v["项目编号"], x.v["金额"], x.v["怎样争取"]])).toEqual(jsonOpp);
    expect(todo.map((x) => x.v["需查明的事项"])).toContain("企业性质");
    expect(todo.some((x) => String(x.v["需查明的事项"]).includes("审核设备(软件)投资额（元） — 第1个项目：技术改造项目"))).toBe(true);
  });

  it("batch --out x.xlsx --unit wan: every file, 万元 formats, programs totals equal the JSON summary, an errors sheet", async () => {
    const dir = path.join(tmp, "mixed");
    fs.mkdirSync(dir);
    for (const f of fs.readdirSync(profilesDir)) fs.copyFileSync(path.join(profilesDir, f), path.join(dir, f));
    fs.writeFileSync(path.join(dir, "zz-bad.yaml"), "enterprise:\n  name: 坏档案\n  district: 张店区\nrecognitions:\n  - type: green-factroy\n    level: national\n    date: 2024-01-01\n");
    const out = path.join(tmp, "batch.xlsx");
    const r = run(["batch", dir, "--as-of", AS_OF, "--lang", "en", "--unit", "wan", "--out", out, "--opportunities"]);
    expect(r.code).toBe(1);
    expect(fs.readdirSync(tmp).filter((f) => f.endsWith(".tmp"))).toEqual([]);
    const json = JSON.parse(run(["batch", dir, "--as-of", AS_OF, "--lang", "en", "--format", "json"]).stdout);
    const wb = await read(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Enterprises", "Programs by enterprise", "To find out", "Programs", "Opportunities", "Opportunities by program", "Not evaluated"]);
    const s = rows(sheet(wb, "Enterprises")).filter((x) => x.v["File"] !== null && x.v["File"] !== undefined && String(x.v["File"]).includes(dir));
    expect(s.length).toBe(json.profiles.length);
    expect(s.map((x) => x.v["Fixed total"])).toEqual(json.profiles.map((p: { totals?: { fixedYuan: number } }) => p.totals?.fixedYuan ?? null));
    expect(s[0]?.fmt["Fixed total"]).toBe('0!.0000" wan yuan"');
    const bad = s.find((x) => String(x.v["File"]).endsWith("zz-bad.yaml"));
    expect(String(bad?.v["Error"])).toMatch(/unknown recognition type 'green-factroy'; did you mean 'green-factory'/);
    const programs = rows(sheet(wb, "Programs"));
    for (const p of json.summary.programs) {
      const row = programs.find((x) => x.v["Program id"] === p.program);
      expect(row?.v).toMatchObject({ "Eligible enterprises": p.eligible, "Enterprises needing info": p.needsInfo, "Fixed total": p.fixedYuan, "Up-to total": p.upToYuan });
    }
    expect(rows(sheet(wb, "Not evaluated")).map((x) => path.basename(String(x.v["File"])))).toEqual(["zz-bad.yaml"]);
  });

  it("no cell from profile text can start a formula: such text is a string cell with a leading '", async () => {
    const dir = path.join(tmp, "formula");
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, "a.yaml"), 'enterprise:\n  name: "=HYPERLINK(\\"http://x\\",\\"y\\")"\n  district: 张店区\n  note: "+86 533 1234567"\n');
    const out = path.join(tmp, "formula.xlsx");
    expect(run(["batch", dir, "--as-of", AS_OF, "--out", out]).code).toBe(0);
    const formulaBook = await read(out);
    // Without --opportunities a batch does not look for them: no opportunity sheets.
    expect(formulaBook.worksheets.map((w) => w.name)).toEqual(["Enterprises", "Programs by enterprise", "To find out", "Programs"]);
    const s = rows(sheet(formulaBook, "Enterprises"))[0];
    expect(s?.v["Enterprise"]).toBe('\'=HYPERLINK("http://x","y")');
    expect(s?.type["Enterprise"]).toBe(ExcelJS.ValueType.String);
    // The client workbook guards the same way, and import takes the guard off again.
    const client = path.join(tmp, "formula-client.xlsx");
    expect(run(["export", dir, "--out", client, "--as-of", AS_OF, "--lang", "en"]).code).toBe(0);
    const e = rows(sheet(await read(client), "Enterprises"))[0];
    expect([e?.v["name"], e?.v["note"], e?.type["note"]]).toEqual(['\'=HYPERLINK("http://x","y")', "'+86 533 1234567", ExcelJS.ValueType.String]);
    const back = path.join(tmp, "formula-back");
    expect(run(["import", client, "--out", back, "--as-of", AS_OF]).code).toBe(0);
    const yaml = fs.readFileSync(path.join(back, "a.yaml"), "utf8");
    expect(yaml).toContain('name: =HYPERLINK("http://x","y")');
    expect(yaml).toContain("note: +86 533 1234567");
    expect(run(["check", path.join(back, "a.yaml"), "--as-of", AS_OF]).code).toBe(0);
  });

  it("--format xlsx needs --out; .xlsx picks the format; exceljs is not loaded by check or the batch screen", () => {
    expect(run(["check", "fixtures/profiles/huachuang.yaml", "--format", "xlsx"]).code).toBe(2);
    expect(run(["batch", profilesDir, "--format", "xlsx"]).code).toBe(2);
    const hook = path.join(tmp, "hook.cjs");
    fs.writeFileSync(hook, 'const M = require("module"); const load = M._load; M._load = function (r, ...a) { if (/exceljs/.test(r)) process.stderr.write("LOADED exceljs\\n"); return load.call(this, r, ...a); };');
    for (const args of [["check", "fixtures/profiles/huachuang.yaml"], ["batch", profilesDir]]) {
      const r = run([...args, "--as-of", AS_OF], { NODE_OPTIONS: `--require ${hook}` });
      expect(r.code).toBe(0);
      expect(r.stderr).not.toContain("LOADED exceljs");
    }
    const r = run(["check", "fixtures/profiles/huachuang.yaml", "--as-of", AS_OF, "--out", path.join(tmp, "hooked.xlsx")], { NODE_OPTIONS: `--require ${hook}` });
    expect(r.stderr).toContain("LOADED exceljs");
  });
});

describe("the client workbook", () => {
  it("init --xlsx: the sheets, drop-down lists from the policy, one valid example enterprise; never overwrites", async () => {
    const out = path.join(tmp, "template.xlsx");
    const r = run(["init", "--xlsx", out, "--lang", "zh"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("subsidy batch");
    const wb = await read(out);
    expect(wb.worksheets.map((w) => [w.name, w.state])).toEqual([["企业", "visible"], ["认定", "visible"], ["项目", "visible"], ["标准", "visible"], ["选项", "hidden"]]);
    const e = rows(sheet(wb, "企业"));
    expect(e.length).toBe(1);
    expect(e[0]?.v).toMatchObject({ 企业名称: "示例企业有限公司", 统一社会信用代码: "91370303MA3C0001XY", 所在区县: "张店区", 企业性质: "民营企业", 军民结合企业: "否" });
    const rec = sheet(wb, "认定");
    expect((rec.getRow(1).values as unknown[]).slice(1, 5)).toEqual(["企业（信用代码或名称）", "类型", "级别", "日期"]);
    expect(rec.getCell("D2").type).toBe(ExcelJS.ValueType.Date);
    const validations = (rec as unknown as { dataValidations: { model: Record<string, { type: string; formulae: string[] }> } }).dataValidations.model;
    expect(Object.values(validations).map((v) => v.formulae[0])).toEqual(expect.arrayContaining([expect.stringMatching(/^'选项'!\$[A-Z]+\$2:\$[A-Z]+\$\d+$/)]));
    const lists = rows(sheet(wb, "选项")).map((x) => x.v["level"]).filter(Boolean);
    expect(lists).toEqual(["国家级", "省级", "市级"]);
    // The example evaluates.
    expect(run(["batch", out, "--as-of", AS_OF]).code).toBe(0);
    const again = run(["init", "--xlsx", out]);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/already exists/);
  });

  it("round trip on every fixture: export then batch of the workbook = batch of the folder; import gives profiles that evaluate the same", async () => {
    const wbFile = path.join(tmp, "clients.xlsx");
    const r = run(["export", profilesDir, "--out", wbFile, "--lang", "zh", "--as-of", AS_OF]);
    expect(r.code).toBe(0);
    const folder = normalised(batchJson(profilesDir));
    expect(normalised(batchJson(wbFile))).toBe(folder);
    // Cell types: credit codes and names as text, money as numbers, dates as dates.
    const wb = await read(wbFile);
    const e = rows(sheet(wb, "企业"));
    expect(e.length).toBe(fs.readdirSync(profilesDir).length);
    expect(e.every((x) => x.type["统一社会信用代码"] === ExcelJS.ValueType.String && x.type["企业名称"] === ExcelJS.ValueType.String)).toBe(true);
    const p = rows(sheet(wb, "项目"));
    expect(p.find((x) => x.v["名称"] === "智能化产线改造")?.v).toMatchObject({ "审核设备(软件)投资额（元）": 38000000, 日期: new Date("2024-06-30T00:00:00Z") });
    const imported = path.join(tmp, "imported");
    const i = run(["import", wbFile, "--out", imported, "--as-of", AS_OF, "--lang", "zh"]);
    expect(i.code).toBe(0);
    expect(fs.readdirSync(imported).sort()).toEqual(fs.readdirSync(profilesDir).map((f) => f.replace(/\.json$/, ".yaml")).sort());
    expect(fs.readFileSync(path.join(imported, "huachuang.yaml"), "utf8")).toMatch(/^# 由 subsidy import 自 clients\.xlsx 企业!A\d+ 导入/);
    expect(normalised(batchJson(imported))).toBe(folder);
    expect(run(["export", profilesDir, "--out", wbFile]).code).toBe(2);
    // Never overwrites: a second import refuses every file and says so.
    const again = run(["import", wbFile, "--out", imported, "--as-of", AS_OF, "--lang", "en"]);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/huachuang\.yaml: already exists/);
  });

  it("errors name the sheet and the cell; one bad row never stops the others; dates as dates or text; money exact", async () => {
    const wb = new ExcelJS.Workbook();
    const ent = wb.addWorksheet("企业");
    ent.addRow(["企业名称", "统一社会信用代码", "所在区县", "企业性质", "军民结合企业"]);
    ent.addRow([{ richText: [{ text: "好企业" }, { font: { bold: true }, text: "有限公司" }] }, "91370303MA3C0001XY", "张店区", "民营企业", "否"]);
    ent.addRow(["坏类型有限公司", null, "淄川区", "private", false]);
    ent.addRow(["坏金额有限公司", null, "博山区"]);
    ent.addRow(["数字代码有限公司", Number("913703031234567811"), "张店区"]); // as Excel keeps it: 913703031234567800
    const rec = wb.addWorksheet("认定");
    rec.addRow(["企业（信用代码或名称）", "类型", "级别", "日期", "实际缴纳保费(元)", "市里已奖励"]);
    rec.addRow(["91370303MA3C0001XY", "绿色工厂", "国家级", new Date(Date.UTC(2024, 0, 15))]);
    // Found by its name; its date a formula's result; rewarded written 是 (the city paid): no award again.
    rec.addRow([{ formula: "\"好企业有限公司\"", result: "好企业有限公司" }, "itm-certification", "national", "2021-06-30", null, "是"]);
    rec.addRow(["坏类型有限公司", "绿色工场", "national", "2024-01-15"]);
    rec.addRow(["坏金额有限公司", "first-set-insurance", "省级", "2024-05-01", 1500000.125]);
    rec.addRow(["不存在的企业", "green-factory", "national", "2024-01-15"]);
    const file = path.join(tmp, "bad.xlsx");
    await wb.xlsx.writeFile(file);
    const r = run(["batch", file, "--as-of", AS_OF, "--lang", "en", "--format", "json"]);
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout);
    const byFile = new Map<string, { results?: { program: string; status: string; amount: { yuan: number } }[]; error?: { message: string } }>(doc.profiles.map((p: { profile: { file: string } }) => [p.profile.file, p]));
    // The good enterprise: its green factory dated by an Excel date, national, ¥1,000,000 (二(一)3).
    const good = byFile.get("企业!A2")?.results?.find((x) => x.program === "green-factory");
    expect(good).toMatchObject({ status: "eligible", amount: { yuan: 1000000 } });
    const itm = byFile.get("企业!A2")?.results?.find((x) => x.program === "itm-certification");
    expect(itm?.status).toBe("ineligible");
    expect(JSON.stringify(itm)).toMatch(/already|rewarded/i);
    expect(byFile.get("企业!A3")?.error?.message).toMatch(/unknown recognition type '绿色工场'/);
    expect(byFile.get("企业!A4")?.error?.message).toMatch(/money has at most two decimals \(fen\), got 1500000\.125/);
    expect(byFile.get("认定!A6")?.error?.message).toMatch(/"不存在的企业" is not the credit code, profile file or name of any enterprise/);
    // A credit code Excel turned into a number has lost its last digits: refused, at its cell.
    expect(byFile.get("企业!A5")?.error?.message).toMatch(/expected text, got a number of 18 digits/);
    const screen = run(["batch", file, "--as-of", AS_OF, "--lang", "en"]);
    expect(screen.code).toBe(1);
    expect(screen.stdout).toContain(`${file} 认定!B4: unknown recognition type '绿色工场'`);
    expect(screen.stdout).toContain(`${file} 认定!E5: money has at most two decimals`);
    expect(screen.stdout).toContain(`${file} 企业!B5: expected text`);
    // import: the good one written, the bad ones named by cell, exit 1.
    const out = path.join(tmp, "bad-import");
    const i = run(["import", file, "--out", out, "--as-of", AS_OF, "--lang", "en"]);
    expect(i.code).toBe(1);
    expect(fs.readdirSync(out)).toEqual(["好企业有限公司.yaml"]);
    expect(i.stderr).toContain(`${file} 认定!B4: unknown recognition type`);
  });

  it("an unknown column names its cell with the nearest column", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Enterprises").addRow(["name", "credit_cod", "district"]);
    const file = path.join(tmp, "col.xlsx");
    await wb.xlsx.writeFile(file);
    const r = run(["batch", file, "--as-of", AS_OF, "--lang", "en"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${file} Enterprises!B1: unknown column "credit_cod"; did you mean "credit_code"?`);
  });
});

describe("CSV keeps credit codes as text in Excel", () => {
  it("an all-digit credit code is written =\"…\"; one with letters as it is", () => {
    const dir = path.join(tmp, "digits");
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, "a.yaml"), 'enterprise:\n  name: 数字代码有限公司\n  credit_code: "913703031234567811"\n  district: 张店区\n');
    fs.copyFileSync(path.join(profilesDir, "huachuang.yaml"), path.join(dir, "b.yaml"));
    const out = path.join(tmp, "digits.csv");
    expect(run(["batch", dir, "--as-of", AS_OF, "--out", out]).code).toBe(0);
    const text = fs.readFileSync(out, "utf8");
    expect(text).toContain(',"=""913703031234567811""",');
    const recs = csvRecords(text.slice(1));
    expect(recs[1]?.[2]).toBe('="913703031234567811"');
    expect(recs[2]?.[2]).toBe("91370303MA3C0001XY");
  });
});

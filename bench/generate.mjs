// Varied, realistic enterprise profiles for benchmarks: a seeded generator, so every run measures the same data.
import { readFileSync } from "node:fs";
import { Document, isScalar, parse, stringify } from "yaml";

const DISTRICTS = ["张店区", "淄川区", "博山区", "周村区", "临淄区", "桓台县", "高青县", "沂源县", "高新区", "经济开发区", "文昌湖区", "zhangdian", "济南市历下区"];
const OWNERSHIP = ["private", "private", "private", "state", "mixed", "foreign", "collective", undefined];
const LEVELS = ["national", "provincial", "municipal"];
const RECOGNITIONS = [
  "itm-certification", "industrial-internet-platform", "industrial-app", "identifier-resolution-node", "digital-demonstration",
  "green-factory", "green-design-product", "green-park", "green-supply-chain", "efficiency-leader", "industrial-design-center",
  "design-service-platform", "design-project", "design-partnership", "industrial-brand", "centennial-brand", "first-set-insurance",
  "first-set-product", "high-end-equipment-catalog", "quality-benchmark", "weapons-confidentiality", "weapons-production-license",
  "equipment-contractor", "single-champion", "gazelle", "unicorn",
];
const SINGLE_LEVEL = { "design-service-platform": "municipal", "design-project": "municipal", "design-partnership": "municipal", gazelle: "provincial", unicorn: "provincial" };
const NO_LEVEL = new Set(["identifier-resolution-node", "digital-demonstration", "weapons-confidentiality", "weapons-production-license", "equipment-contractor"]);
const SCOPES = ["international", "national", "industry", "group", "national-military"];
const PRODUCTS = ["HC-5000 五轴加工中心", "ZB-200 陶瓷膜过滤器", "LZ-9 高压反应釜", "BS-3 耐火材料窑炉", "GX-12 工业机器人", "ZC-7 数控折弯机", "HT-4 智能纺织机"];

/** mulberry32: small, fast, seeded. */
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = (r, xs) => xs[Math.floor(r() * xs.length)];
const date = (r) => {
  const y = 2019 + Math.floor(r() * 7);
  const m = 1 + Math.floor(r() * 12);
  const d = 1 + Math.floor(r() * 28);
  return `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
};

function recognition(r) {
  const type = pick(r, RECOGNITIONS);
  const item = { type };
  if (SINGLE_LEVEL[type]) item.level = SINGLE_LEVEL[type];
  else if (!NO_LEVEL.has(type) && r() < 0.95) item.level = pick(r, LEVELS);
  if (r() < 0.9) item.date = date(r);
  if (type === "first-set-product" || type === "high-end-equipment-catalog" || type === "green-design-product") item.product = pick(r, PRODUCTS);
  if (type === "first-set-insurance" && r() < 0.8) item.premium = Math.floor(r() * 3_000_000);
  if ((type === "single-champion" || type === "gazelle" || type === "unicorn") && r() < 0.8) item.provincial_award = Math.floor(r() * 2_000_000);
  if (r() < 0.1) item.rewarded = true;
  return item;
}

/**
 * One profile's data (the file format of spec/profile.md). By default the plain data the engine benchmark
 * and the tests have always used (a numbered test name, no credit code, no notes); with `realistic`, the
 * same draws and then what a consultant's file also holds: a real-looking name, a valid credit code on
 * ~70%, notes, project names and standard codes. Text styles are renderProfile's job.
 */
export function generateProfile(r, i, { realistic = false } = {}) {
  const enterprise = { name: `淄博测试制造有限公司${i}`, district: pick(r, DISTRICTS) };
  const own = pick(r, OWNERSHIP);
  if (own) enterprise.ownership = own;
  if (r() < 0.3) enterprise.military_civil = r() < 0.5;
  const recognitions = [];
  const n = Math.floor(r() * 9);
  for (let k = 0; k < n; k++) recognitions.push(recognition(r));
  const projects = [];
  for (let k = 0, m = Math.floor(r() * 3); k < m; k++) {
    const p = { type: r() < 0.8 ? "technical-renovation" : "resource-utilization", name: `改造项目${k + 1}`, date: date(r) };
    if (p.type === "technical-renovation" && r() < 0.85) p.audited_investment = Math.floor(r() * 80_000_000) + (r() < 0.2 ? 0.55 : 0);
    projects.push(p);
  }
  const standards = [];
  for (let k = 0, m = Math.floor(r() * 3); k < m; k++) standards.push({ scope: pick(r, SCOPES), role: r() < 0.5 ? "lead" : "participant", code: `GB/T ${1000 + k}-2024`, date: date(r) });
  const profile = { enterprise };
  if (recognitions.length) profile.recognitions = recognitions;
  if (projects.length) profile.projects = projects;
  if (standards.length) profile.standards = standards;
  return realistic ? enrich(r, profile) : profile;
}

// ------------------------------------------------------------------------------------------------
// Realistic data: what consultants' files hold besides the facts the engine reads.

const BRANDS = ["华创", "博泵", "临港", "鲁川", "瑞锦", "鑫盾", "康瑞", "金晶", "宏达", "齐鑫", "恒信", "顺达", "东岳", "龙泉", "万杰", "金城", "海益", "泰和", "新华", "正大", "天元", "立信", "永盛", "中润"];
const INDUSTRIES = [
  ["精密机械", "precision machinery"], ["智能流体装备", "pump and valve"], ["精细化工", "fine-chemicals"], ["耐火材料装备", "refractory-kiln equipment"],
  ["纺织", "silk and home-textile"], ["特种材料科技", "special materials"], ["医药包装", "pharmaceutical-glass packaging"], ["陶瓷", "ceramics"],
  ["新材料", "new materials"], ["电机", "electric motor"], ["汽车零部件", "auto parts"], ["环保设备", "environmental equipment"], ["铝业", "aluminium"], ["泵业", "pump"],
];
const SUFFIXES = ["有限公司", "有限公司", "有限公司", "股份有限公司", "集团有限公司", "科技有限公司"];
/** Administrative division codes (characters 3–8 of a credit code) by district; 370300 = Zibo city. */
const DIVISION = { 张店区: "370303", zhangdian: "370303", 淄川区: "370302", 博山区: "370304", 临淄区: "370305", 周村区: "370306", 桓台县: "370321", 高青县: "370322", 沂源县: "370323", 高新区: "370390", 经济开发区: "370391", 文昌湖区: "370392", 济南市历下区: "370102" };
const CONTACTS = ["王经理", "李会计", "张总", "刘主任", "陈经理", "赵部长", "孙工"];
const ENTERPRISE_NOTES = [
  (r) => `联系人 ${pick(r, CONTACTS)}, 首次走访 ${date(r)}`, () => "营业执照、审计报告已收", () => "财务部提供2024年度审计报告", () => "集团下属子公司, 单独申报",
  () => "股权结构见工商登记信息", (r) => `${pick(r, CONTACTS)}负责申报材料`,
];
const ITEM_NOTES = {
  recognitions: ["证书复印件已收", "工信部第六批绿色制造名单", "省工信厅公示", "等待正式文件", "网上公示截图已存档", "奖励是否到账待财务确认", "二级保密资格", "扩项后新证", "首次取得, 早于政策施行日, 不属新取得", "市级智能车间", "山东省瞪羚企业; TODO provincial_award — 等财务回复"],
  projects: ["第三方审计报告已出具", "审计报告预计12月出具", "已在省技改平台备案", "一期工程"],
  standards: ["已发布", "标准文本已收", "起草单位排名第三"],
};
const RENOVATIONS = ["智能化产线改造", "隧道窑智能化改造", "数码提花织造车间改造", "氯碱装置节能降耗改造(二期)", "年产10万吨环氧丙烷绿色工艺改造(一期)", "数控机床升级改造", "智能仓储物流系统建设", "涂装线环保改造", "余热回收利用改造"];
const RESOURCE = ["废硫酸再生循环利用", "废旧耐火材料再生利用", "工业固废综合利用", "粉煤灰综合利用"];
const STANDARD_CODE = {
  international: (r) => `ISO ${10000 + Math.floor(r() * 80000)}:${2020 + Math.floor(r() * 6)}`,
  national: (r) => `GB/T ${10000 + Math.floor(r() * 35000)}-${2020 + Math.floor(r() * 6)}`,
  industry: (r) => `${pick(r, ["JB/T", "HG/T", "QB/T", "JC/T"])} ${1000 + Math.floor(r() * 14000)}-${2020 + Math.floor(r() * 6)}`,
  group: (r) => `T/ZBXH ${String(1 + Math.floor(r() * 99)).padStart(3, "0")}-${2020 + Math.floor(r() * 6)}`,
  "national-military": (r) => `GJB ${1000 + Math.floor(r() * 9000)}-${2020 + Math.floor(r() * 6)}`,
};

/** GB 32100-2015: the 31-character alphabet and the weights of the check character (src/profile/credit-code.ts). */
const CC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const CC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
export function creditCodeCheckChar(first17) {
  let sum = 0;
  for (let k = 0; k < 17; k++) sum += CC_ALPHABET.indexOf(first17[k]) * CC_WEIGHTS[k];
  const c = 31 - (sum % 31);
  return CC_ALPHABET[c === 31 ? 0 : c];
}

/** A valid 统一社会信用代码 for an enterprise (登记管理部门 9, 类别 1): half new-style (MA…), half an old organization code (GB 11714, check 0–9 or X). */
function creditCode(r, district) {
  let org;
  if (r() < 0.5) {
    org = "MA";
    for (let k = 0; k < 7; k++) org += CC_ALPHABET[Math.floor(r() * CC_ALPHABET.length)];
  } else {
    const digits = Array.from({ length: 8 }, () => Math.floor(r() * 10));
    const w = [3, 7, 9, 10, 5, 8, 4, 2];
    const c = 11 - (digits.reduce((s, d, k) => s + d * w[k], 0) % 11);
    org = digits.join("") + (c === 10 ? "X" : c === 11 ? "0" : String(c));
  }
  const first17 = `91${DIVISION[district] ?? "370300"}${org}`;
  return first17 + creditCodeCheckChar(first17);
}

/** The realistic extras, drawn after the plain data (so the plain data's draws are unchanged). */
function enrich(r, p) {
  const e = p.enterprise;
  const [industry] = pick(r, INDUSTRIES);
  const place = r() < 0.7 ? "淄博" : (e.district.length === 3 && /[区县]$/.test(e.district) ? e.district.slice(0, 2) : "淄博");
  const enterprise = { name: `${place}${pick(r, BRANDS)}${industry}${pick(r, SUFFIXES)}` };
  if (r() < 0.7) enterprise.credit_code = creditCode(r, e.district);
  Object.assign(enterprise, { ...e, name: enterprise.name });
  if (r() < 0.15) enterprise.note = pick(r, ENTERPRISE_NOTES)(r);
  p.enterprise = enterprise;
  // Consultants' clients hold more listings than the plain data's 0–8 (the fixtures: 4–12).
  const more = 1 + Math.floor(r() * 6);
  if (more) p.recognitions = [...(p.recognitions ?? []), ...Array.from({ length: more }, () => recognition(r))];
  for (const list of ["recognitions", "projects", "standards"]) {
    for (const item of p[list] ?? []) {
      if (list === "projects") item.name = pick(r, item.type === "technical-renovation" ? RENOVATIONS : RESOURCE);
      if (list === "standards") item.code = STANDARD_CODE[item.scope](r);
      // As in the fixtures, a first-set insurance note names its insured year (a note that starts with digits).
      if (r() < 0.15) item.note = item.type === "first-set-insurance" && r() < 0.7 ? `${item.date?.slice(0, 4) ?? "2024"}保险年度` : pick(r, ITEM_NOTES[list]);
    }
  }
  return p;
}

// ------------------------------------------------------------------------------------------------
// Text styles: one profile's data as the file a consultant keeps.

/** Whether a plain YAML scalar would read this string as something else (a number, a boolean, …) or break the line. */
const needsQuotes = (s) => /^[-?:,[\]{}#&*!|>'"%@`.+ ]|: |:$| #|^(?:true|false|null|~|yes|no|on|off)$/i.test(s) || /^[0-9]+(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?$/.test(s);
const blockScalar = (v) => (typeof v === "string" && needsQuotes(v) ? `"${v}"` : String(v));
const flowScalar = (v) => (typeof v === "string" && (needsQuotes(v) || /[,[\]{}#]/.test(v) || /^[A-Z]+\/?[A-Z]* [0-9]/.test(v)) ? `"${v}"` : String(v));
const money = (v) => {
  const fen = Math.round(v * 100);
  const yuan = `¥${Math.floor(fen / 100).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ",")}`;
  return fen % 100 === 0 ? yuan : `${yuan}.${String(fen % 100).padStart(2, "0")}`;
};

let vocabulary;
/** The policy's Chinese words (policy.yaml), read once: what `ask --save` writes in its comments. */
function zh() {
  if (vocabulary) return vocabulary;
  const v = parse(readFileSync(new URL("../policy.yaml", import.meta.url), "utf8")).vocabulary;
  const words = (xs) => new Map(xs.map((x) => [x.id, x.zh]));
  vocabulary = {
    recognitions: words(v.recognition_types), projects: words(v.project_types), standards: words(v.standard_scopes),
    levels: words(v.levels), ownership: words(v.ownership),
    money: new Map(Object.entries(v.fields).filter(([, f]) => f.kind === "money").map(([k, f]) => [k, f.zh])),
  };
  return vocabulary;
}

const CONSULTANT_ORDER = ["type", "scope", "role", "name", "level", "product", "code", "audited_investment", "date", "premium", "provincial_award", "rewarded", "note"];
const ENTERPRISE_ORDER = ["name", "credit_code", "district", "ownership", "military_civil", "note"];
const inOrder = (o, order) => [...order.filter((k) => Object.hasOwn(o, k)), ...Object.keys(o).filter((k) => !order.includes(k))];
const OWNERSHIP_EN = { private: "private", state: "state-owned", mixed: "mixed-ownership", foreign: "foreign-invested", collective: "collective" };
const SECOND_LINES = [
  (r) => `Consultant: ${2025 + Math.floor(r() * 2)}-${String(1 + Math.floor(r() * 12)).padStart(2, "0")} intake. Credit code checked against the business licence.`,
  () => "First interview only: several facts are still being collected, some programs come out \"needs information\".",
  () => "Digital programs are \"up to\" sums: the departments decide the final amount.",
  () => "Design programs at municipal level are support on merit (no sum).",
  (r) => `联系人 ${pick(r, CONTACTS)}, 首次走访 ${date(r)}; 材料清单见共享盘`,
  () => "Kept on file for next year's filing; re-check the listings before submitting.",
];

/** Inline comments a consultant writes on a key, given its value (none when the list is empty). */
function consultantComments(key, value, list) {
  const w = zh();
  switch (key) {
    case "name": return list ? ["project name as in the filing"] : ["required", "as on the business licence", "营业执照上的名称"];
    case "credit_code": return ["统一社会信用代码", "optional: 18 characters, GB 32100-2015 check character", "checked against the business licence"];
    case "district": return ["required", "registered address (注册地)", "one of Zibo's eleven divisions"];
    case "ownership": return [w.ownership.get(value), "private | state | collective | foreign | mixed", "per the shareholder register"];
    case "military_civil": return ["军民结合企业", "optional: 军民结合企业"];
    case "type": return [w[list].get(value), "vocabulary in programs.md", list === "projects" ? "technical-renovation | resource-utilization" : undefined];
    case "scope": return [w.standards.get(value), "international | national | industry | group | national-military", value === "group" ? "团体标准: encouraged by the text, not rewarded" : undefined];
    case "role": return ["lead | participant", value === "lead" ? "主导" : "参与"];
    case "level": return [w.levels.get(value), "national | provincial | municipal", value === "provincial" ? "provincial listing" : undefined];
    case "date": return ["the day it was listed or certified (YYYY-MM-DD)", "date on the certificate", "公示日期", value < "2020-07-21" ? "listed before the policy took effect: not \"newly\"" : undefined];
    case "product": return ["as written on the list", "产品名称(型号)"];
    case "premium": return ["yuan of premium actually paid for the insured year", `20% = ${money(value * 0.2)}`];
    case "provincial_award": return ["yuan the province paid for this listing", "省级奖励已到账"];
    case "audited_investment": return ["yuan, third-party audited equipment and software investment", value * 0.1 > 5_000_000 ? `10% = ${money(value * 0.1)} → capped at ¥5,000,000` : `10% = ${money(value * 0.1)}`];
    case "rewarded": return ["the city already paid for this item"];
    case "code": return ["标准编号"];
    default: return [];
  }
}

/** A hand-written profile: a header, inline comments on some keys, sometimes blank lines and flow-style items. */
function renderConsultant(r, p) {
  const e = p.enterprise;
  const industry = INDUSTRIES.find(([z]) => e.name.includes(z))?.[1] ?? "manufacturing";
  const out = [`# ${e.name} — ${e.district}, ${OWNERSHIP_EN[e.ownership] ?? "ownership to confirm"} ${industry} maker.`];
  if (r() < 0.7) out.push(`# ${pick(r, SECOND_LINES)(r)}`);
  const col = 28 + Math.floor(r() * 9);
  const share = 0.3 + r() * 0.5;
  const blank = r() < 0.5;
  const flow = r() < 0.15;
  const line = (text, key, value, list) => {
    const c = r() < share ? pick(r, consultantComments(key, value, list).filter(Boolean)) : undefined;
    out.push(c ? `${text.padEnd(col)} # ${c}` : text);
  };
  out.push("enterprise:");
  for (const k of inOrder(e, ENTERPRISE_ORDER)) line(`  ${k}: ${blockScalar(e[k])}`, k, e[k]);
  if (!e.ownership && r() < 0.3) out.push("  # TODO ownership: the shareholder register was not in the file we received");
  for (const list of ["recognitions", "projects", "standards"]) {
    const items = p[list];
    if (!items) continue;
    if (blank) out.push("");
    out.push(list === "recognitions" && r() < 0.2 ? `${list}:`.padEnd(col) + " # listings, certifications and honours the enterprise obtained" : `${list}:`);
    for (const item of items) {
      const keys = inOrder(item, CONSULTANT_ORDER);
      if (flow) {
        const text = `  - {${keys.map((k) => `${k}: ${flowScalar(item[k])}`).join(", ")}}`;
        out.push(r() < share ? `${text}   # ${pick(r, consultantComments("date", item.date, list).filter(Boolean))}` : text);
        continue;
      }
      keys.forEach((k, n) => line(`${n === 0 ? "  - " : "    "}${k}: ${blockScalar(item[k])}`, k, item[k], list));
    }
  }
  return out.join("\n") + "\n";
}

const ITEM_ORDER = ["type", "scope", "role", "code", "name", "level", "date"];
/** src/ask/save.ts ordered(): the given keys first, then the rest, then rewarded and note. */
function saveOrdered(o, first) {
  const out = {};
  for (const k of first) if (Object.hasOwn(o, k)) out[k] = o[k];
  for (const k of Object.keys(o)) if (!first.includes(k) && k !== "rewarded" && k !== "note") out[k] = o[k];
  for (const k of ["rewarded", "note"]) if (Object.hasOwn(o, k) && !first.includes(k)) out[k] = o[k];
  return out;
}

/** As `subsidy ask --save` writes it (the format of src/ask/save.ts renderProfileYaml, imitated here). */
function renderAskSave(r, p) {
  const w = zh();
  const from = r() < 0.3;
  const written = `2026-${String(1 + Math.floor(r() * 11)).padStart(2, "0")}-${String(1 + Math.floor(r() * 28)).padStart(2, "0")}`;
  // The questionnaire asks for no notes; answers that completed a file (--from) keep the file's.
  const strip = (o) => (from ? o : Object.fromEntries(Object.entries(o).filter(([k]) => k !== "note")));
  const data = {
    enterprise: saveOrdered(strip(p.enterprise), ENTERPRISE_ORDER),
    recognitions: (p.recognitions ?? []).map((i) => saveOrdered(strip(i), ITEM_ORDER)),
    projects: (p.projects ?? []).map((i) => saveOrdered(strip(i), ITEM_ORDER)),
    standards: (p.standards ?? []).map((i) => saveOrdered(strip(i), ITEM_ORDER)),
  };
  const doc = new Document(data, { version: "1.2" });
  doc.commentBefore = [
    ` Enterprise profile (企业情况) written by subsidy ask 0.1.0 on ${written}`,
    ` Policy: zibo-five-optimizations 2020.1.0 (sha256 ca551607a47e); answers as of ${written}`,
    ...(from ? [` Completed from: clients/${data.enterprise.name}.yaml`] : []),
    " Format: spec/profile.md. Evaluate it with: subsidy check <this file>",
  ].join("\n");
  const comment = (node, text) => {
    if (text && isScalar(node)) node.comment = ` ${text}`;
  };
  const ent = doc.contents.get("enterprise", true);
  comment(ent.get("ownership", true), w.ownership.get(String(data.enterprise.ownership)));
  comment(ent.get("military_civil", true), "军民结合企业");
  comment(ent.get("credit_code", true), "统一社会信用代码");
  for (const list of ["recognitions", "projects", "standards"]) {
    const kindKey = list === "standards" ? "scope" : "type";
    doc.contents.get(list, true).items.forEach((node, n) => {
      const item = data[list][n];
      comment(node.get(kindKey, true), w[list].get(item[kindKey]));
      comment(node.get("level", true), w.levels.get(String(item.level)));
      for (const [field, label] of w.money) if (typeof item[field] === "number") comment(node.get(field, true), `${label} ${money(item[field])}`);
    });
  }
  return doc.toString({ lineWidth: 0 });
}

/** The style of the benchmark's first folders: `yaml`'s stringify under a one-line header. */
const renderBare = (p, i) => `# ${p.enterprise.name} — intake ${2024 + (i % 3)}\n` + stringify(p);

export const STYLES = ["consultant", "ask", "bare", "json"];

/** One profile as text in one of STYLES (`r` draws the style's own variations: comments, layout). */
export function renderProfile(r, p, i, style) {
  switch (style) {
    case "consultant": return renderConsultant(r, p);
    case "ask": return renderAskSave(r, p);
    case "bare": return renderBare(p, i);
    case "json": return JSON.stringify(p, null, 2);
    default: throw new Error(`unknown style ${style}`);
  }
}

/** Ways a real client folder goes wrong, for the batch benchmark: each writes one broken file. */
export const BROKEN = [
  (i) => [`bad-${i}-duplicate.yaml`, `enterprise:\n  name: 重复键${i}\n  name: 重复键\n  district: 张店区\n`],
  (i) => [`bad-${i}-date.yaml`, `enterprise:\n  name: 日期错误${i}\n  district: 张店区\nrecognitions:\n  - type: green-factory\n    level: national\n    date: 2024-02-30\n`],
  (i) => [`bad-${i}-unknown-key.yaml`, `enterprise:\n  name: 未知字段${i}\n  distrct: 张店区\n`],
  (i) => [`bad-${i}-tab.yaml`, `enterprise:\n\tname: 制表符${i}\n`],
  (i) => [`bad-${i}-wan.yaml`, `enterprise:\n  name: 万元${i}\n  district: 张店区\nprojects:\n  - type: technical-renovation\n    audited_investment: 380万\n    date: 2024-06-30\n`],
  (i) => [`bad-${i}-empty.yaml`, `# 待填写\n`],
  (i) => [`bad-${i}-gbk.yaml`, Buffer.concat([Buffer.from(`enterprise:\n  name: `), Buffer.from([0xd7, 0xc5, 0xb2, 0xa9]), Buffer.from(`${i}\n`)])],
  (i) => [`bad-${i}-fullwidth.yaml`, `企业名称：淄博${i}\n`],
  (i) => [`bad-${i}-syntax.json`, `{"enterprise": {"name": "括号${i}", "district": "张店区"}\n`],
  (i) => [`bad-${i}-alias.yaml`, `enterprise: &e\n  name: 别名${i}\nother: *e\n`],
];

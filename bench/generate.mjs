// Varied, realistic enterprise profiles for benchmarks: a seeded generator, so every run measures the same data.
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

/** One profile as a consultant would write it (the file format of spec/profile.md). */
export function generateProfile(r, i) {
  const enterprise = { name: `淄博测试制造有限公司${i}`, district: pick(r, DISTRICTS) };
  const own = pick(r, OWNERSHIP);
  if (own) enterprise.ownership = own;
  if (r() < 0.3) enterprise.military_civil = r() < 0.5;
  const recognitions = [];
  const n = Math.floor(r() * 9);
  for (let k = 0; k < n; k++) {
    const type = pick(r, RECOGNITIONS);
    const item = { type };
    if (SINGLE_LEVEL[type]) item.level = SINGLE_LEVEL[type];
    else if (!NO_LEVEL.has(type) && r() < 0.95) item.level = pick(r, LEVELS);
    if (r() < 0.9) item.date = date(r);
    if (type === "first-set-product" || type === "high-end-equipment-catalog" || type === "green-design-product") item.product = pick(r, PRODUCTS);
    if (type === "first-set-insurance" && r() < 0.8) item.premium = Math.floor(r() * 3_000_000);
    if ((type === "single-champion" || type === "gazelle" || type === "unicorn") && r() < 0.8) item.provincial_award = Math.floor(r() * 2_000_000);
    if (r() < 0.1) item.rewarded = true;
    recognitions.push(item);
  }
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
  return profile;
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

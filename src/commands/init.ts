/**
 * `subsidy init [FILE]`: a commented template profile, generated from the policy's vocabulary.
 * The template is valid as written (`subsidy check` accepts it): every list is empty and each
 * example entry is a comment. Never overwrites an existing file.
 */
import { loadPolicy } from "../policy/load.js";
import { writeFileAtomic } from "../io/write.js";
import { t } from "../i18n/index.js";
import { EXIT, SubsidyError } from "../errors.js";
import type { Lang, LoadedPolicy, Profile } from "../types.js";
import type { ItemTypeDef } from "../policy/schema.js";
import type { CommonOptions } from "./options.js";
import type { Io } from "./check.js";

const W = {
  zh: {
    head: "企业档案模板。填写后运行:subsidy check",
    schema: "编辑器校验与补全:见 subsidy schema",
    name: "必填:营业执照上的企业名称",
    credit: "可选:统一社会信用代码,18位",
    district: "淄博十一个区县之一(或其他地名)",
    ownership: "可选",
    military: "可选:是否军民结合企业(true / false)",
    recognitions: "取得的名单、认定、荣誉;每项一行,去掉 # 并修改。类型:",
    projects: "项目。类型:",
    standards: "主导或参与编制的标准。类别:",
    levels: "级别",
    date: "列入或取得日期 YYYY-MM-DD",
    fields: "附加字段",
    policy: "政策",
  },
  en: {
    head: "Enterprise profile template. Fill it in, then run: subsidy check",
    schema: "Validation and completion in editors: see subsidy schema",
    name: "required: the registered name on the business licence",
    credit: "optional: unified social credit code (统一社会信用代码), 18 characters",
    district: "one of Zibo's eleven divisions (or any other place name)",
    ownership: "optional",
    military: "optional: a military–civil integration enterprise (军民结合企业)? true / false",
    recognitions: "Listings, certifications and honours obtained; one entry each: remove the # and edit. Types:",
    projects: "Projects. Types:",
    standards: "Standards the enterprise led or took part in drafting. Scopes:",
    levels: "levels",
    date: "date listed or obtained, YYYY-MM-DD",
    fields: "extra fields",
    policy: "Policy",
  },
} as const;

function kindLines(kinds: readonly ItemTypeDef[], lang: Lang, w: (typeof W)[Lang]): string[] {
  return kinds.map((k) => {
    const extra = [k.levels.length > 0 ? `${w.levels}: ${k.levels.join(" | ")}` : "", k.fields.length > 0 ? `${w.fields}: ${k.fields.join(", ")}` : ""].filter(Boolean).join("; ");
    return `#   ${k.id} — ${k[lang]}${extra ? ` (${extra})` : ""}`;
  });
}

/** The template text: pure, from the policy's vocabulary. */
export function profileTemplate(policy: LoadedPolicy, lang: Lang): string {
  const w = W[lang];
  const v = policy.data.vocabulary;
  const d = policy.data;
  const district = v.districts[0]?.id ?? "";
  const rec = v.recognition_types.find((k) => k.levels.length > 0) ?? v.recognition_types[0];
  const proj = v.project_types[0];
  const std = v.standard_scopes[0];
  const fieldExample = (k: ItemTypeDef | undefined) => (k?.fields ?? []).map((f) => `, ${f}: ${v.fields[f]?.kind === "money" ? "0" : '"…"'}`).join("");
  const lines = [
    `# ${w.head} FILE`,
    `# ${w.policy}: ${d.id} ${d.version}`,
    `# ${w.schema}`,
    "enterprise:",
    `  name: ${lang === "zh" ? "示例企业有限公司" : "Example Enterprise Co., Ltd."}   # ${w.name}`,
    `  # credit_code: 91370303MA3C0001XY   # ${w.credit}`,
    `  district: ${district}   # ${w.district}: ${v.districts.map((x) => x.id).join(" ")}`,
    `  # ownership: ${v.ownership[0]?.id ?? ""}   # ${w.ownership}: ${v.ownership.map((o) => `${o.id} (${o[lang]})`).join(" | ")}`,
    `  # military_civil: false   # ${w.military}`,
    "",
    `# ${w.recognitions}`,
    ...kindLines(v.recognition_types, lang, w),
    "recognitions:",
    rec ? `#  - {type: ${rec.id}${rec.levels[0] ? `, level: ${rec.levels[0]}` : ""}, date: ${d.effective_from}${fieldExample(rec)}}   # ${w.date}` : "",
    "",
    `# ${w.projects}`,
    ...kindLines(v.project_types, lang, w),
    "projects:",
    proj ? `#  - {type: ${proj.id}, date: ${d.effective_from}${fieldExample(proj)}}` : "",
    "",
    `# ${w.standards}`,
    ...kindLines(v.standard_scopes, lang, w),
    `#   role: ${v.standard_roles.map((r) => `${r.id} (${r[lang]})`).join(" | ")}`,
    "standards:",
    std ? `#  - {scope: ${std.id}, role: ${v.standard_roles[0]?.id ?? ""}, code: "GB/T 0000-2024", date: ${d.effective_from}}` : "",
  ];
  return lines.filter((l, i) => l !== "" || lines[i - 1] !== "").join("\n") + "\n";
}

export async function runInit(file: string | undefined, o: CommonOptions, io: Io): Promise<number> {
  const policy = loadPolicy(o.policyFile);
  const target = file ?? "profile.yaml";
  writeFileAtomic(target, profileTemplate(policy, o.lang).replace(" FILE\n", ` ${target}\n`), { noOverwrite: true });
  io.err(t("init.written", o, { file: target }) + "\n");
  return EXIT.ok;
}

/** The example enterprise of the workbook template: valid as written, one item in each list. */
export function exampleProfile(policy: LoadedPolicy, lang: Lang): Profile {
  const v = policy.data.vocabulary;
  const date = policy.data.effective_from;
  const rec = v.recognition_types.find((k) => k.levels.length > 0) ?? v.recognition_types[0];
  const proj = v.project_types[0];
  const std = v.standard_scopes[0];
  const fields = (k: ItemTypeDef | undefined) => Object.fromEntries((k?.fields ?? []).map((f) => [f, v.fields[f]?.kind === "money" ? 1000000 : "…"]));
  return {
    enterprise: {
      name: lang === "zh" ? "示例企业有限公司" : "Example Enterprise Co., Ltd.",
      credit_code: "91370303MA3C0001XY",
      district: v.districts[0]?.id ?? "",
      ownership: v.ownership[0]?.id ?? "",
      military_civil: false,
    },
    recognitions: rec ? [{ type: rec.id, ...(rec.levels[0] ? { level: rec.levels[0] } : {}), date, ...fields(rec) }] : [],
    projects: proj ? [{ type: proj.id, name: lang === "zh" ? "智能化产线改造" : "Smart production line", date, ...fields(proj) }] : [],
    standards: std ? [{ scope: std.id, role: v.standard_roles[0]?.id ?? "", code: "GB/T 0000-2024", date }] : [],
  };
}

/** `subsidy init --xlsx FILE`: the client workbook template, with drop-down lists and one example enterprise. */
export async function runInitXlsx(file: string, o: CommonOptions, io: Io): Promise<number> {
  const { isWorkbookName } = await import("../xlsx/name.js");
  if (!isWorkbookName(file)) throw new SubsidyError("usage", { key: "xlsx.outName", params: { file } });
  const policy = loadPolicy(o.policyFile);
  const { writeClientWorkbook } = await import("../xlsx/client.js");
  await writeClientWorkbook(file, [{ profile: exampleProfile(policy, o.lang) }], policy, o.lang, { noOverwrite: true });
  io.err(t("xlsx.initWritten", o, { file }) + "\n");
  return EXIT.ok;
}

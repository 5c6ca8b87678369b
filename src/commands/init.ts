/**
 * `subsidy init [FILE]`: a commented template profile, generated from the policy's vocabulary.
 * The template is valid as written (`subsidy check` accepts it): every list is empty and each
 * example entry is a comment. Never overwrites an existing file.
 */
import { loadPolicy } from "../policy/load.js";
import { writeFileAtomic } from "../io/write.js";
import { t, type Params, type RenderContext } from "../i18n/index.js";
import { EXIT, SubsidyError } from "../errors.js";
import type { Lang, LoadedPolicy, Profile } from "../types.js";
import type { ItemTypeDef } from "../policy/schema.js";
import type { CommonOptions } from "./options.js";
import type { Io } from "./check.js";

/** One kind of item and what it takes: `id — label (levels: a | b; extra fields: x)`. */
function kindLines(kinds: readonly ItemTypeDef[], ctx: RenderContext): string[] {
  const lang = ctx.lang;
  return kinds.map((k) => `#   ${t("init.kind", ctx, { id: k.id, label: k[lang], levels: k.levels.join(" | "), fields: k.fields.join(", ") })}`);
}

/** The template text: pure, from the policy's vocabulary. */
export function profileTemplate(policy: LoadedPolicy, lang: Lang): string {
  const ctx: RenderContext = { lang };
  const w = (key: string, params: Params = {}) => t(`init.${key}`, ctx, params);
  const v = policy.data.vocabulary;
  const d = policy.data;
  const district = v.districts[0]?.id ?? "";
  const rec = v.recognition_types.find((k) => k.levels.length > 0) ?? v.recognition_types[0];
  const proj = v.project_types[0];
  const std = v.standard_scopes[0];
  const fieldExample = (k: ItemTypeDef | undefined) => (k?.fields ?? []).map((f) => `, ${f}: ${v.fields[f]?.kind === "money" ? "0" : '"…"'}`).join("");
  const lines = [
    `# ${w("head", { file: "FILE" })}`,
    `# ${w("policy", { id: d.id, version: d.version })}`,
    `# ${w("schema")}`,
    "enterprise:",
    `  name: ${lang === "zh" ? "示例企业有限公司" : "Example Enterprise Co., Ltd."}   # ${w("name")}`,
    `  # credit_code: 91370303MA3C0001XY   # ${w("credit")}`,
    `  district: ${district}   # ${w("district", { list: v.districts.map((x) => x.id).join(" ") })}`,
    `  # ownership: ${v.ownership[0]?.id ?? ""}   # ${w("ownership", { list: v.ownership.map((o) => w("term", { id: o.id, label: o[lang] })).join(" | ") })}`,
    `  # military_civil: false   # ${w("military")}`,
    "",
    `# ${w("recognitions")}`,
    ...kindLines(v.recognition_types, ctx),
    "recognitions:",
    rec ? `#  - {type: ${rec.id}${rec.levels[0] ? `, level: ${rec.levels[0]}` : ""}, date: ${d.effective_from}${fieldExample(rec)}}   # ${w("date")}` : "",
    "",
    `# ${w("projects")}`,
    ...kindLines(v.project_types, ctx),
    "projects:",
    proj ? `#  - {type: ${proj.id}, date: ${d.effective_from}${fieldExample(proj)}}` : "",
    "",
    `# ${w("standards")}`,
    ...kindLines(v.standard_scopes, ctx),
    `#   role: ${v.standard_roles.map((r) => w("term", { id: r.id, label: r[lang] })).join(" | ")}`,
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

/**
 * `subsidy import FILE.xlsx --out FOLDER`: one commented YAML profile per enterprise of a client
 * workbook (docs/workbook.md). Never overwrites a file; an enterprise whose rows are invalid is reported
 * (sheet and cell) and the others are still written.
 */
import { mkdirSync } from "node:fs";
import { basename, join } from "node:path";
import { SubsidyError, EXIT } from "../errors.js";
import { loadPolicyForCommand } from "../policy/compiled.js";
import { labelOf, t } from "../i18n/index.js";
import { ENTERPRISE_KEYS } from "../profile/rules.js";
import { writeFileAtomic } from "../io/write.js";
import { isWorkbookName } from "../xlsx/name.js";
import type { Lang, ListName, LoadedPolicy, Profile } from "../types.js";
import { clientSheets, profileFileName, readClientWorkbook } from "../xlsx/client.js";
import type { CommonOptions } from "./options.js";
import type * as YamlNs from "yaml";

type YamlModule = typeof YamlNs;
import type { Io } from "./check.js";

export interface ImportOptions extends CommonOptions {
  out: string;
}

export async function runImport(file: string, o: ImportOptions, io: Io): Promise<number> {
  if (!isWorkbookName(file)) throw new SubsidyError("usage", { key: "xlsx.inName", params: { file } });
  const policy = await loadPolicyForCommand(o.policyFile);
  const entries = await readClientWorkbook(file, policy, o.asOf);
  const YAML = await import("yaml");
  try {
    mkdirSync(o.out, { recursive: true });
  } catch (e) {
    throw new SubsidyError("usage", { key: "xlsx.cannotWrite", params: { file: o.out, code: (e as NodeJS.ErrnoException).code ?? String(e) } });
  }
  let code: number = EXIT.ok;
  let written = 0;
  for (const e of entries) {
    try {
      if (e.error || !e.profile) throw e.error ?? new Error("entry without profile");
      const target = join(o.out, profileFileName(e, e.profile));
      writeFileAtomic(target, profileYaml(YAML, e.profile, policy, o.lang, `${basename(file)} ${e.at}`), { noOverwrite: true });
      written++;
    } catch (err) {
      if (!(err instanceof SubsidyError)) throw err;
      io.err(err.format() + "\n");
      code = Math.max(code, EXIT.invalidProfile);
    }
  }
  io.err(t("xlsx.imported", o, { dir: o.out, count: written }) + "\n");
  return code;
}

/** The profile as YAML: the enterprise's own keys, each list's items with a comment naming the item, and where it came from. */
export function profileYaml(YAML: YamlModule, profile: Profile, policy: LoadedPolicy, lang: Lang, from: string): string {
  const e = profile.enterprise as unknown as Record<string, unknown>;
  const enterprise = Object.fromEntries(ENTERPRISE_KEYS.filter((k) => e[k] !== undefined).map((k) => [k, e[k]]));
  // Each item's keys in the order of the workbook's columns: the kind first, then level, date, fields.
  const order = (list: ListName) => clientSheets(policy).find((d) => d.list === list)?.cols.map((c) => c.key) ?? [];
  const sorted = (list: ListName) => {
    const keys = order(list);
    const at = (k: string) => (keys.includes(k) ? keys.indexOf(k) : keys.length);
    return profile[list].map((item) => Object.fromEntries(Object.entries(item).sort(([a], [b]) => at(a) - at(b))));
  };
  const data = { enterprise, recognitions: sorted("recognitions"), projects: sorted("projects"), standards: sorted("standards") };
  const doc = new YAML.Document(data);
  const ctx = { lang, policy };
  doc.commentBefore = ` ${t("xlsx.importedFrom", ctx, { from })}\n ${t("xlsx.importedCheck", ctx)}`;
  for (const list of ["recognitions", "projects", "standards"] as const) {
    profile[list].forEach((item, i) => {
      const node = doc.getIn([list, i], true) as { commentBefore?: string } | undefined;
      const kind = item.type ?? item.scope;
      const level = item.level ? labelOf(item.level, ctx) : "";
      if (node && kind) node.commentBefore = ` ${labelOf(kind, ctx)}${level ? (lang === "zh" ? `（${level}）` : ` (${level})`) : ""}`;
    });
  }
  return doc.toString({ lineWidth: 0 });
}

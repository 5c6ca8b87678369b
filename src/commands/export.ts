/** `subsidy export FOLDER --out FILE.xlsx`: a folder of profiles as one client workbook (docs/workbook.md). */
import { relative } from "node:path";
import { SubsidyError, EXIT } from "../errors.js";
import { loadPolicyForCommand } from "../policy/compiled.js";
import { walk } from "../batch/walk.js";
import { parseProfileText } from "../profile/load.js";
import { loadProfileFast } from "../profile/fast.js";
import { t } from "../i18n/index.js";
import { isWorkbookName } from "../xlsx/name.js";
import type { ClientRecord } from "../xlsx/client.js";
import type { CommonOptions } from "./options.js";
import type { Io } from "./check.js";
import type { ParseOptions } from "../parse/document.js";

export interface ExportOptions extends CommonOptions {
  out: string;
  recursive: boolean;
  limits?: ParseOptions;
}

export async function runExport(dir: string, o: ExportOptions, io: Io): Promise<number> {
  if (!isWorkbookName(o.out)) throw new SubsidyError("usage", { key: "xlsx.outName", params: { file: o.out } });
  const policy = await loadPolicyForCommand(o.policyFile);
  const entries = walk(dir, { recursive: o.recursive });
  if (entries.length === 0) throw new SubsidyError("usage", t("batch.noFiles", { lang: o.lang }, { dir }));
  const records: ClientRecord[] = [];
  let code: number = EXIT.ok;
  for (const e of entries) {
    try {
      if (e.error) throw e.error;
      // The fast path where it provably agrees (src/profile/fast.ts), else the loader that explains.
      const fast = loadProfileFast(e.file, policy, o.asOf, o.limits);
      const profile = fast.profile ?? parseProfileText(fast.bytes, e.file, policy, { ...o.limits, asOf: o.asOf });
      records.push({ file: relative(dir, e.file), profile });
    } catch (err) {
      if (!(err instanceof SubsidyError)) throw err;
      io.err(err.format() + "\n");
      code = Math.max(code, err.exitCode);
    }
  }
  const { writeClientWorkbook } = await import("../xlsx/client.js");
  // A client workbook is edited by hand: never written over (as init and import never overwrite).
  await writeClientWorkbook(o.out, records, policy, o.lang, { noOverwrite: true });
  io.err(t("xlsx.exported", o, { file: o.out, count: records.length }) + "\n");
  return code;
}

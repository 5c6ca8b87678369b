/**
 * What every workbook the tool writes or reads shares: exceljs, loaded only when a workbook is in hand
 * (so `check` and the batch screen never pay for it), formula-safe text cells, money formats, header
 * rows (bold, frozen, filtered) and the atomic write of a streamed workbook.
 */
import { FORMULA_START, neutralise } from "../render/cells.js";
import * as fs from "node:fs";
import { createRequire } from "node:module";
import { resolve } from "node:path";
import type * as ExcelJSNs from "exceljs";
import { SubsidyError } from "../errors.js";
import { checkTarget, removeStaleTemps, tempPathFor, writeFailed, type AtomicWriteOptions } from "../io/write.js";
import type { Lang } from "../types.js";
import type { MoneyUnit } from "../i18n/index.js";
import { displayWidth } from "../render/width.js";

export type ExcelJS = typeof ExcelJSNs;
export type Worksheet = ExcelJSNs.Worksheet;
export type WorkbookWriter = ExcelJSNs.stream.xlsx.WorkbookWriter;
export type CellValue = ExcelJSNs.CellValue;
export type ExcelJSRow = ExcelJSNs.Row;

let loaded: ExcelJS | undefined;
/**
 * exceljs (a CommonJS package), loaded once, on first use, from node_modules (the bundles keep it
 * external). Through require: dist/cli.cjs runs in a vm.Script, which has no dynamic import().
 */
export async function excel(): Promise<ExcelJS> {
  loaded ??= createRequire(import.meta.url)("exceljs") as ExcelJS;
  return Promise.resolve(loaded);
}

/**
 * Text as a cell: always a string cell (never a formula), and text that Excel would take for a formula
 * once the cell is edited (=, +, -, @, tab, CR) gets a leading ' as in the CSV reports (src/render/cells.ts).
 */
export function safeText(s: string): string {
  return neutralise(s);
}

/** What safeText added, taken off again when a workbook is read. */
export function unguard(s: string): string {
  return s.startsWith("'") && FORMULA_START.test(s.slice(1)) ? s.slice(1) : s;
}

/** The number format of whole-yuan cells: ¥4,870,000, or 487.0000万元 (exact to the yuan; the cell holds yuan). */
export function moneyFormat(unit: MoneyUnit | undefined, lang: Lang): string {
  if (unit === "wan") return lang === "zh" ? '0!.0000"万元"' : '0!.0000" wan yuan"';
  return '"¥"#,##0';
}

export interface Column {
  header: string;
  /** Characters of Chinese text (2 columns each) the column is sized for. */
  width: number;
  money?: boolean;
  wrap?: boolean;
  /** Any other number format: "@" (text), "yyyy-mm-dd". */
  numFmt?: string;
}

/** A sheet with a bold, frozen, filtered header row and columns wide enough for their header and content. */
export function addSheet(wb: WorkbookWriter, name: string, columns: Column[], o: { unit?: MoneyUnit; lang: Lang }): Worksheet {
  const ws = wb.addWorksheet(name, { views: [{ state: "frozen", ySplit: 1 }] });
  ws.columns = columns.map((c) => ({
    header: c.header,
    width: Math.min(80, Math.max(8, displayWidth(c.header) + 2, c.width)),
    ...(c.money ? { style: { numFmt: moneyFormat(o.unit, o.lang) } } : c.wrap ? { style: { alignment: { wrapText: true, vertical: "top" } } } : c.numFmt ? { style: { numFmt: c.numFmt } } : {}),
  }));
  const head = ws.getRow(1);
  head.font = { bold: true };
  head.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE8EEF4" } };
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  return ws;
}

/**
 * Writes a workbook atomically: exceljs streams it to a temporary file next to the target, which is
 * renamed over the target only when complete (a crash or Ctrl-C leaves the old file whole).
 */
export async function writeWorkbookAtomic(
  target: string,
  o: AtomicWriteOptions,
  fill: (wb: WorkbookWriter) => Promise<void>,
): Promise<void> {
  checkTarget(target, o);
  removeStaleTemps(resolve(target));
  const ExcelJS = await excel();
  const tmp = tempPathFor(resolve(target));
  let stream: fs.WriteStream;
  try {
    stream = fs.createWriteStream(tmp, { flags: "wx", mode: 0o644 });
    await new Promise<void>((res, rej) => stream.once("open", () => res()).once("error", rej));
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    throw new SubsidyError("usage", { key: "xlsx.cannotWrite", params: { file: target, code: err.code ?? err.message } });
  }
  const cleanup = () => fs.rmSync(tmp, { force: true });
  process.once("exit", cleanup);
  try {
    const closed = new Promise<void>((res, rej) => stream.once("close", () => res()).once("error", rej));
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false, zip: { zlib: { level: 1 } } });
    await fill(wb);
    await wb.commit();
    await closed;
    const fd = fs.openSync(tmp, "r");
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fs.renameSync(tmp, resolve(target));
  } catch (e) {
    stream.destroy();
    cleanup();
    // A full disk, a read-only file system: one true line (issue 18), not an internal error.
    throw e instanceof SubsidyError || !(e as NodeJS.ErrnoException | undefined)?.code ? e : writeFailed(target, e);
  } finally {
    process.removeListener("exit", cleanup);
  }
}

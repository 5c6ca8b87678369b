/**
 * The client workbook (docs/workbook.md): an enterprise sheet, one row per enterprise, and one sheet per
 * item list (recognitions, projects, standards), one row per item, tied to its enterprise by credit code
 * or name. Its columns are the profile's keys (src/profile/rules.ts), so a field the profile gains is a
 * column at once. Reading builds each enterprise's profile from its rows and validates it with the
 * profile validator; an error names the sheet and the cell. One bad row never stops the others.
 */
import { basename } from "node:path";
import { existsSync } from "node:fs";
import { SubsidyError, ValidationErrors } from "../errors.js";
import { t } from "../i18n/index.js";
import { closest } from "../parse/suggest.js";
import { ENTERPRISE_SHAPE, listSpecs, type ValueKind } from "../profile/rules.js";
import { validateProfileData } from "../profile/schema.js";
import type { Lang, ListName, LoadedPolicy, Profile } from "../types.js";
import type { BatchEntry } from "../batch/run.js";
import { addSheet, excel, safeText, unguard, writeWorkbookAtomic, type CellValue, type Column, type ExcelJSRow, type Worksheet, type WorkbookWriter } from "./excel.js";

type Kind = ValueKind | "file" | "owner";

interface Col {
  key: string;
  kind: Kind;
  /** The header in each language (en: the profile's own key). */
  zh: string;
  en: string;
  /** For a kind, level, role or ownership column: each accepted spelling (id, zh, en; lower-cased) → the id. */
  terms?: Map<string, string>;
  /** The drop-down's values, in the workbook's language. */
  choices?: (lang: Lang) => string[];
}

interface SheetDef {
  /** Undefined for the enterprise sheet. */
  list?: ListName;
  zh: string;
  en: string;
  cols: Col[];
}

interface Term {
  id: string;
  zh: string;
  en: string;
}

function termsOf(list: readonly Term[]): Pick<Col, "terms" | "choices"> {
  const terms = new Map<string, string>();
  for (const x of list) for (const s of [x.id, x.zh, x.en]) if (!terms.has(s.toLowerCase())) terms.set(s.toLowerCase(), x.id);
  return { terms, choices: (lang) => list.map((x) => (lang === "zh" ? x.zh : x.id)) };
}

const YES_NO: readonly Term[] = [
  { id: "true", zh: "是", en: "yes" },
  { id: "false", zh: "否", en: "no" },
];
const BOOLEAN_WORDS = new Map([...["true", "yes", "y", "是", "有", "对"].map((w) => [w, true] as const), ...["false", "no", "n", "否", "无", "错"].map((w) => [w, false] as const)]);

const sheetCache = new WeakMap<LoadedPolicy, SheetDef[]>();

/** The workbook's sheets and columns, from the profile's shape and the policy's vocabulary. */
export function clientSheets(policy: LoadedPolicy): SheetDef[] {
  const hit = sheetCache.get(policy);
  if (hit) return hit;
  const v = policy.data.vocabulary;
  const header = (key: string, lang: Lang, scope: string): string => {
    if (lang === "en") return key;
    const own = t(`xlsx.col.${scope}.${key}`, { lang, policy });
    if (own !== `xlsx.col.${scope}.${key}`) return own;
    const shared = t(`xlsx.col.${key}`, { lang, policy });
    return shared !== `xlsx.col.${key}` ? shared : (v.fields[key]?.zh ?? key);
  };
  const col = (key: string, kind: Kind, scope: string): Col => {
    const c: Col = { key, kind, zh: header(key, "zh", scope), en: header(key, "en", scope) };
    if (kind === "ownership") Object.assign(c, termsOf(v.ownership));
    if (kind === "level") Object.assign(c, termsOf(v.levels));
    if (kind === "role") Object.assign(c, termsOf(v.standard_roles));
    if (kind === "boolean") c.choices = (lang) => YES_NO.map((x) => x[lang]);
    return c;
  };
  const enterprise: SheetDef = { zh: "企业", en: "Enterprises", cols: [...ENTERPRISE_SHAPE.map(([k, kind]) => col(k, kind, "enterprise")), col("file", "file", "enterprise")] };
  const first = ["type", "scope", "level", "role", "code", "date"];
  const last = ["rewarded", "rewarded_yuan", "name", "note"];
  const rank = (k: string) => (first.includes(k) ? first.indexOf(k) : last.includes(k) ? 100 + last.indexOf(k) : 50);
  const names: Record<ListName, [string, string]> = { recognitions: ["认定", "Recognitions"], projects: ["项目", "Projects"], standards: ["标准", "Standards"] };
  const lists = listSpecs(policy).map((spec): SheetDef => {
    // A vocabulary field is a column of the lists whose kinds take it (the validator refuses it elsewhere).
    const taken = new Set(spec.kinds.flatMap((k) => k.fields));
    const shape = spec.shape.filter(([k]) => !Object.hasOwn(v.fields, k) || taken.has(k) || spec.base.includes(k)).sort((a, b) => rank(a[0]) - rank(b[0]));
    const cols = shape.map(([k, kind]) => {
      const c = col(k, kind, spec.list);
      if (kind === "kind") Object.assign(c, termsOf(spec.kinds));
      return c;
    });
    const [zh, en] = names[spec.list];
    return { list: spec.list, zh, en, cols: [col("enterprise", "owner", "item"), ...cols] };
  });
  const sheets = [enterprise, ...lists];
  sheetCache.set(policy, sheets);
  return sheets;
}

// ——— writing ———

/** A profile as the workbook shows it, with the file it came from (the enterprise sheet's last column). */
export interface ClientRecord {
  file?: string;
  profile: Profile;
}

const TEXT_KINDS: ReadonlySet<Kind> = new Set(["name", "text", "credit-code", "file", "owner"]);

/** A profile value as a cell in the workbook's language: terms as labels, dates as dates, money as numbers, text guarded. */
function toCell(c: Col, value: unknown, lang: Lang): CellValue {
  if (value === undefined || value === null) return null;
  if (c.kind === "boolean") return (YES_NO.find((x) => x.id === String(value)) ?? YES_NO[1] as Term)[lang];
  if (c.kind === "date" && typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const [y, m, d] = value.split("-").map(Number) as [number, number, number];
    return new Date(Date.UTC(y, m - 1, d));
  }
  if (c.terms && typeof value === "string" && lang === "zh") {
    const choices = c.choices?.("zh") ?? [];
    const ids = c.choices?.("en") ?? [];
    const i = ids.indexOf(value);
    return i >= 0 ? (choices[i] as string) : safeText(value);
  }
  if (typeof value === "number") return value;
  return safeText(String(value));
}

/** Writes the client workbook: the records (an export), or the one example (the template), with drop-down lists. */
export async function writeClientWorkbook(target: string, records: ClientRecord[], policy: LoadedPolicy, lang: Lang, o: { noOverwrite?: boolean }): Promise<void> {
  await writeWorkbookAtomic(target, o, async (wb) => {
    wb.creator = "subsidy";
    const sheets = clientSheets(policy);
    const lists = listsSheet(sheets, policy, lang);
    // An enterprise without a credit code is named on the item sheets by its name, or by its file when another has the same name.
    const names = new Map<string, number>();
    for (const r of records) names.set(r.profile.enterprise.name, (names.get(r.profile.enterprise.name) ?? 0) + 1);
    for (const def of sheets) {
      const columns: Column[] = def.cols.map((c) => ({
        header: c[lang],
        width: c.kind === "name" || c.kind === "owner" ? 34 : c.kind === "credit-code" || c.kind === "file" ? 22 : c.kind === "kind" ? 28 : 12,
        // Text columns stay text when typed into (an 18-digit credit code must never become 9.13703E+17).
        ...(TEXT_KINDS.has(c.kind) ? { numFmt: "@" } : c.kind === "date" ? { numFmt: "yyyy-mm-dd" } : {}),
      }));
      const ws = addSheet(wb, def[lang], columns, { lang });
      def.cols.forEach((c, i) => {
        const range = lists.ranges.get(c.kind === "kind" ? `${def.list}.${c.key}` : c.key);
        if (!range) return;
        const letter = ws.getColumn(i + 1).letter;
        // Strict for the vocabulary; a district may also be any other place name.
        (ws as Worksheet & { dataValidations: { add(range: string, v: object): void } }).dataValidations.add(`${letter}2:${letter}${Math.max(2000, records.length * 4)}`, {
          type: "list",
          allowBlank: true,
          formulae: [range],
          showErrorMessage: c.key !== "district",
        });
      });
      for (const r of records) {
        const owner = r.profile.enterprise.credit_code ?? (r.file !== undefined && (names.get(r.profile.enterprise.name) ?? 0) > 1 ? r.file : r.profile.enterprise.name);
        const rows: Record<string, unknown>[] = def.list ? (r.profile[def.list] as Record<string, unknown>[]) : [{ ...(r.profile.enterprise as unknown as Record<string, unknown>), file: r.file }];
        for (const item of rows) ws.addRow(def.cols.map((c) => (c.kind === "owner" ? safeText(owner) : toCell(c, item[c.key], lang)))).commit();
      }
      ws.commit();
    }
    lists.write(wb);
  });
}

/**
 * The hidden sheet that holds the drop-downs' values, one list per column: each list's range by key, and
 * the sheet's writer (called last, so that the workbook opens on the enterprise sheet, a visible one).
 */
function listsSheet(sheets: SheetDef[], policy: LoadedPolicy, lang: Lang): { ranges: Map<string, string>; write(wb: WorkbookWriter): void } {
  const name = lang === "zh" ? "选项" : "Lists";
  const values = new Map<string, string[]>([["district", policy.data.vocabulary.districts.map((d) => d.id)]]);
  for (const def of sheets) for (const c of def.cols) if (c.choices) values.set(c.kind === "kind" ? `${def.list}.${c.key}` : c.key, c.choices(lang));
  const keys = [...values.keys()];
  const letter = (i: number): string => (i >= 26 ? letter(Math.floor(i / 26) - 1) : "") + String.fromCharCode(65 + (i % 26));
  return {
    ranges: new Map(keys.map((k, i) => [k, `'${name}'!$${letter(i)}$2:$${letter(i)}$${(values.get(k)?.length ?? 0) + 1}`])),
    write: (wb) => {
      const ws = wb.addWorksheet(name, { state: "hidden" });
      ws.addRow(keys).commit();
      const longest = Math.max(...[...values.values()].map((v) => v.length));
      for (let i = 0; i < longest; i++) ws.addRow(keys.map((k) => values.get(k)?.[i] ?? null)).commit();
      ws.commit();
    },
  };
}

// ——— reading ———

/** An enterprise of a workbook: its profile or its error, shown as `file`; `save` is its file column. */
export interface WorkbookEntry extends BatchEntry {
  save?: string;
  /** Where its row is, e.g. 企业!A3. */
  at: string;
}

type Row = { sheet: string; row: number; values: Map<string, { value: unknown; at: string }> };

/** Reads a client workbook: one entry per enterprise (its profile, or why it is invalid), then one per orphan item row. */
export async function readClientWorkbook(file: string, policy: LoadedPolicy, asOf: string): Promise<WorkbookEntry[]> {
  if (!existsSync(file)) throw new SubsidyError("usage", { key: "xlsx.notFound", params: { file } });
  const ExcelJS = await excel();
  const where = (at: string) => ({ file, path: at });
  const sheets = clientSheets(policy);
  const found = new Map<SheetDef, Row[]>();
  // Read whole: exceljs's streaming reader names sheets and knows date formats only when the workbook's
  // index and styles come before the sheets in the file, which exceljs's own writer (and others) put last.
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.readFile(file);
  } catch (e) {
    throw new SubsidyError("file-unreadable", { key: "xlsx.unreadable", params: { file, reason: (e as Error).message } });
  }
  for (const ws of wb.worksheets) {
    const def = sheets.find((d) => [d.zh, d.en].some((n) => n.toLowerCase() === ws.name.trim().toLowerCase()));
    if (!def) continue;
    const rows: Row[] = [];
    let byCol: Map<number, Col> | undefined;
    ws.eachRow((row) => {
      // The first row that holds anything is the header.
      if (byCol === undefined) byCol = headerOf(row, def, file, ws.name);
      else addRow(rows, row, byCol, ws.name);
    });
    found.set(def, rows);
  }
  const enterpriseDef = sheets[0] as SheetDef;
  const enterprises = found.get(enterpriseDef);
  if (!enterprises) throw new SubsidyError("validation", { key: "xlsx.noEnterpriseSheet", params: { file, zh: enterpriseDef.zh, en: enterpriseDef.en } });

  const entries: (WorkbookEntry & { data: Record<string, unknown>; cells: Map<string, string> })[] = [];
  // An item names its enterprise by credit code, profile file or name. Codes and files are unique; two
  // enterprises may share a name, and then an item must name its enterprise otherwise.
  const byKey = new Map<string, (typeof entries)[number]>();
  const byName = new Map<string, (typeof entries)[number] | null>();
  const fold = (k: unknown) => String(k).trim().toUpperCase();
  const fail = (label: string, at: string, err: SubsidyError): WorkbookEntry => ({ file: label, at, error: err });
  const out: WorkbookEntry[] = [];
  for (const r of enterprises) {
    const at = `${r.sheet}!A${r.row}`;
    const enterprise: Record<string, unknown> = {};
    const cells = new Map<string, string>();
    for (const c of enterpriseDef.cols) {
      const v = r.values.get(c.key);
      if (!v || v.value === undefined) continue;
      cells.set(`enterprise.${c.key}`, v.at);
      if (c.key !== "file") enterprise[c.key] = cellToValue(c, v.value);
    }
    const save = r.values.get("file")?.value;
    const label = typeof save === "string" && save.trim() !== "" ? save.trim() : at;
    const entry = { file: label, at, data: { enterprise, recognitions: [], projects: [], standards: [] }, cells, ...(typeof save === "string" && save.trim() !== "" ? { save: save.trim() } : {}) };
    const keys = [enterprise.credit_code, entry.save].filter((k): k is string => typeof k === "string" && k.trim() !== "").map(fold);
    const dup = keys.find((k) => byKey.has(k));
    if (dup !== undefined) {
      out.push(fail(label, at, new SubsidyError("validation", { key: "xlsx.duplicate", params: { value: dup, other: byKey.get(dup)?.at ?? "" } }, where(at))));
      continue;
    }
    for (const k of keys) byKey.set(k, entry);
    if (typeof enterprise.name === "string") {
      const name = fold(enterprise.name);
      byName.set(name, byName.has(name) ? null : entry);
    }
    entries.push(entry);
  }
  for (const def of sheets.slice(1)) {
    for (const r of found.get(def) ?? []) {
      const at = `${r.sheet}!A${r.row}`;
      const ref = r.values.get("enterprise")?.value;
      const owner = ref === undefined ? undefined : (byKey.get(fold(ref)) ?? byName.get(fold(ref)));
      if (!owner) {
        const key = ref === undefined ? "xlsx.noOwner" : owner === null ? "xlsx.ambiguousOwner" : "xlsx.unknownOwner";
        const sheet = r.sheet.toLowerCase() === def.en.toLowerCase() ? enterpriseDef.en : enterpriseDef.zh;
        out.push(fail(at, at, new SubsidyError("validation", { key, params: { value: ref === undefined ? "" : String(ref), sheet } }, where(at))));
        continue;
      }
      const list = owner.data[def.list as ListName] as Record<string, unknown>[];
      const item: Record<string, unknown> = {};
      const base = `${def.list}[${list.length}]`;
      owner.cells.set(base, at);
      for (const c of def.cols) {
        const v = r.values.get(c.key);
        if (c.kind === "owner" || !v || v.value === undefined) continue;
        owner.cells.set(`${base}.${c.key}`, v.at);
        item[c.key] = cellToValue(c, v.value);
      }
      list.push(item);
    }
  }
  const valid: WorkbookEntry[] = entries.map((e) => {
    try {
      const profile: Profile = validateProfileData(e.data, policy, { asOf, file: e.file });
      return { file: e.file, at: e.at, profile, ...(e.save !== undefined ? { save: e.save } : {}) };
    } catch (err) {
      if (!(err instanceof SubsidyError)) throw err;
      const issues = err instanceof ValidationErrors ? err.issues : [err];
      const located = issues.map((i) => new SubsidyError(i.code, i.msg ?? i.message, where(cellOf(i.location.path, e.cells, e.at))));
      return fail(e.file, e.at, new ValidationErrors(located));
    }
  });
  return [...valid, ...out];
}

/** The cell of a profile path: its own, else its item's row, else the enterprise's row. */
function cellOf(path: string | undefined, cells: Map<string, string>, fallback: string): string {
  for (let p = path ?? ""; p !== ""; p = p.replace(/(\.[^.[\]]*|\[\d+\])$/, "")) {
    const hit = cells.get(p);
    if (hit) return hit;
    if (!/(\.[^.[\]]*|\[\d+\])$/.test(p)) break;
  }
  return fallback;
}

/** A sheet's header row: each column's key by its number; a header that is no column is an error naming its cell. */
function headerOf(head: ExcelJSRow, def: SheetDef, file: string, sheet: string): Map<number, Col> {
  const byCol = new Map<number, Col>();
  // Width folded too: 金额（元） and 金额(元) are one header, whichever the template was made with.
  const norm = (s: string) => s.normalize("NFKC").trim().toLowerCase().replace(/[\s\-_]+/g, "_");
  head.eachCell((cell, n) => {
    const h = String(plain(cell.value) ?? "").trim();
    if (h === "") return;
    const c = def.cols.find((x) => norm(x.zh) === norm(h) || norm(x.en) === norm(h));
    if (!c) {
      const hint = closest(h, def.cols.flatMap((x) => [x.zh, x.en]));
      throw new SubsidyError("validation", { key: hint ? "xlsx.unknownColumnHint" : "xlsx.unknownColumn", params: { header: h, hint: hint ?? "", valid: def.cols.map((x) => x.zh).join("、") } }, { file, path: `${sheet}!${cell.address}` });
    }
    byCol.set(n, c);
  });
  return byCol;
}

/** A row's non-empty cells by column key, each with its address; an empty row is skipped. */
function addRow(rows: Row[], row: ExcelJSRow, byCol: Map<number, Col>, sheet: string): void {
  const values = new Map<string, { value: unknown; at: string }>();
  row.eachCell((cell, k) => {
    const c = byCol.get(k);
    const v = plain(cell.value);
    if (!c || v === undefined || (typeof v === "string" && v.trim() === "")) return;
    values.set(c.key, { value: v, at: `${sheet}!${cell.address}` });
  });
  if (values.size > 0) rows.push({ sheet, row: row.number, values });
}

/** A cell's value as plain data: rich text joined, a formula's result, a link's text; empty as undefined. */
function plain(v: CellValue): unknown {
  if (v === null || v === undefined) return undefined;
  if (typeof v !== "object" || v instanceof Date) return v;
  if ("richText" in v) return v.richText.map((r) => r.text).join("");
  if ("result" in v) return plain(v.result as CellValue);
  if ("text" in v) return plain(v.text as CellValue);
  if ("error" in v) return undefined;
  return undefined;
}

/** A cell as the profile would hold it; anything else is passed on as it is, for the validator to explain. */
function cellToValue(c: Col, v: unknown): unknown {
  if (typeof v === "string") v = unguard(v.trim());
  // exceljs reads a date cell as midnight UTC of its day.
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (c.kind === "boolean" && typeof v === "string") return BOOLEAN_WORDS.get(v.toLowerCase()) ?? v;
  if (c.terms && typeof v === "string") return c.terms.get(v.toLowerCase()) ?? v;
  // A number typed into a text column (a product model, a standard's number) is the text it shows; a
  // credit code typed as a number has lost its digits already: the validator says to type it as text.
  if (typeof v === "number" && (c.kind === "text" || c.kind === "name") && Number.isSafeInteger(v)) return String(v);
  return v;
}

/** A file name for an enterprise's profile: its file column, else its name, made safe for every file system. */
export function profileFileName(e: WorkbookEntry, profile: Profile): string {
  // eslint-disable-next-line no-control-regex
  const base = basename(e.save ?? `${profile.enterprise.name}.yaml`).replace(/[\\/:*?"<>|\u0000-\u001f]/g, "_");
  return /\.(ya?ml|json)$/i.test(base) ? base.replace(/\.json$/i, ".yaml") : `${base}.yaml`;
}

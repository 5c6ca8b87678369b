/** Cell escaping shared by the spreadsheet and Markdown renderers. */
import { visible, visibleLines } from "../text/visible.js";

/** What a spreadsheet would read as the start of a formula. */
export const FORMULA_START = /^[=+\-@\t\r]/;

/** Text a spreadsheet would run as a formula, kept as text: a leading '. */
export function neutralise(s: string): string {
  return FORMULA_START.test(s) ? `'${s}` : s;
}

/** RFC 4180 quoting, with cells that Excel would run as formulas neutralised. Numbers stay numbers. */
export function csvCell(v: string | number | boolean | null | undefined): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  // Control characters (ESC, BEL) shown escaped; line breaks inside a cell stay (quoted below).
  const s = neutralise(visibleLines(v));
  return /[",\r\n]/.test(s) || s !== s.trim() ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * A text cell that Excel would read as a number — an all-digit credit code becomes 9.13703E+17, its last
 * digits lost; digits around an E read as a power of ten — written as the formula ="…" (RFC 4180-quoted),
 * which Excel, WPS and LibreOffice show as exactly that text. Any other text is csvCell's.
 */
export function csvTextCell(s: string): string {
  return /^\d+(E\d+)?$/i.test(s) ? `"=""${s}"""` : csvCell(s);
}

export function csvRow(cells: (string | number | boolean | null | undefined)[]): string {
  return cells.map(csvCell).join(",") + "\r\n";
}

/** UTF-8 byte order mark, so that Excel shows Chinese correctly. */
export const CSV_BOM = "\uFEFF";

/**
 * Characters Markdown reads as markup anywhere in a line: escaped with a backslash (raw HTML, emphasis,
 * code); a `]` only where it would close a link or image, `[x](url)` or `[x][ref]` (a reference
 * definition, `[x]: url`, needs a line start, and mdText escapes those).
 */
const MD_INLINE = /[\\`*_<>|~&]|\](?=[([])/g;

/** Markdown table cell: markup escaped, control characters shown escaped, line breaks as <br>. */
export function mdCell(v: string | number | null | undefined): string {
  if (v === null || v === undefined) return "";
  return visibleLines(String(v)).replace(MD_INLINE, "\\$&").replace(/\n/g, "<br>");
}

/**
 * Markdown text outside tables (a heading, a list item, a paragraph): markup escaped, and a line break
 * or control character shown escaped (\n), so that text from a profile never opens a heading, a list,
 * a link or raw HTML.
 */
export function mdText(s: string): string {
  return visible(s)
    .replace(MD_INLINE, "\\$&")
    .replace(/^(\s*)([#>+=-]|\d+[.)])/, "$1\\$2");
}

/** A Markdown code span of any text: fenced by more backticks than it holds, so nothing inside ends it early. */
export function mdCode(s: string): string {
  const text = visible(s);
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((r) => r.length));
  const fence = "`".repeat(longest + 1);
  const pad = text.startsWith("`") || text.endsWith("`") ? " " : "";
  return `${fence}${pad}${text}${pad}${fence}`;
}

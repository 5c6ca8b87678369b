/** Cell escaping shared by the spreadsheet and Markdown renderers. */

/** RFC 4180 quoting, with cells that Excel would run as formulas neutralised. Numbers stay numbers. */
export function csvCell(v: string | number | boolean | null | undefined): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  let s = v;
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) || s !== s.trim() ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvRow(cells: (string | number | boolean | null | undefined)[]): string {
  return cells.map(csvCell).join(",") + "\r\n";
}

/** UTF-8 byte order mark, so that Excel shows Chinese correctly. */
export const CSV_BOM = "\uFEFF";

/** Markdown table cell: `|` escaped, newlines as <br>. */
export function mdCell(v: string | number | null | undefined): string {
  if (v === null || v === undefined) return "";
  return String(v).replace(/\\/g, "\\\\").replace(/\|/g, "\\|").replace(/\r?\n/g, "<br>");
}

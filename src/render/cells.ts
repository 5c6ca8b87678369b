/** Cell escaping shared by the spreadsheet and Markdown renderers. */

/** RFC 4180 quoting, with cells that Excel would run as formulas neutralised. Numbers stay numbers. */
export function csvCell(v: string | number | boolean | null | undefined): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  let s = v;
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
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

/** Markdown table cell: `|` escaped, newlines as <br>. */
export function mdCell(v: string | number | null | undefined): string {
  if (v === null || v === undefined) return "";
  return String(v).replace(/\\/g, "\\\\").replace(/\|/g, "\\|").replace(/\r?\n/g, "<br>");
}

/** The formats of `check`, without loading any renderer (they are imported when one is needed). */
import type { Evaluated } from "./document.js";
import type { TableOptions } from "./table.js";

export type CheckFormat = "table" | "json" | "md" | "html" | "csv" | "xlsx";
export type CheckRenderer = (profiles: Evaluated[], o: TableOptions) => string;
export const CHECK_FORMATS: readonly CheckFormat[] = ["table", "json", "md", "html", "csv", "xlsx"];

export function isCheckFormat(f: string): f is CheckFormat {
  return (CHECK_FORMATS as readonly string[]).includes(f);
}

/** The format an --out file's extension implies, when --format is not given. */
export function formatForPath(file: string): CheckFormat | undefined {
  const ext = /\.([a-z]+)$/i.exec(file)?.[1]?.toLowerCase();
  if (ext === "md" || ext === "markdown") return "md";
  if (ext === "html" || ext === "htm") return "html";
  if (ext === "csv") return "csv";
  if (ext === "json") return "json";
  if (ext === "xlsx") return "xlsx";
  if (ext === "txt") return "table";
  return undefined;
}

/** The renderer of one text format, loading only its own module (a workbook is written by src/xlsx/report.ts). */
export async function loadCheckRenderer(format: Exclude<CheckFormat, "xlsx">): Promise<CheckRenderer> {
  switch (format) {
    case "table":
      return (await import("./table.js")).renderTables;
    case "json":
      return (await import("./json.js")).renderJson;
    case "md":
      return (await import("./markdown.js")).renderMarkdown;
    case "html":
      return (await import("./html.js")).renderHtml;
    case "csv":
      return (await import("./csv.js")).renderCsv;
  }
}

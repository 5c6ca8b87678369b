/** Renderers are a registry of pure functions: evaluated profiles in, a string out. Printing happens at the edge. */
import type { Evaluated } from "./document.js";
import { checkDocument } from "./document.js";
import { renderTable, type TableOptions } from "./table.js";
import { renderMarkdown } from "./markdown.js";
import { renderHtml } from "./html.js";
import { renderCsv } from "./csv.js";

export type CheckFormat = "table" | "json" | "md" | "html" | "csv";
export type CheckRenderer = (profiles: Evaluated[], o: TableOptions) => string;

export const checkRenderers: Record<CheckFormat, CheckRenderer> = {
  table: (profiles, o) => profiles.map((p) => renderTable(p, o)).join("\n"),
  json: (profiles, o) => {
    const docs = profiles.map((p) => checkDocument(p, o));
    return JSON.stringify(docs.length === 1 ? docs[0] : docs, null, 2) + "\n";
  },
  md: (profiles, o) => renderMarkdown(profiles, o),
  html: (profiles, o) => renderHtml(profiles, o),
  csv: (profiles, o) => renderCsv(profiles, o),
};

/** The format an --out file's extension implies, when --format is not given. */
export function formatForPath(file: string): CheckFormat | undefined {
  const ext = /\.([a-z]+)$/i.exec(file)?.[1]?.toLowerCase();
  if (ext === "md" || ext === "markdown") return "md";
  if (ext === "html" || ext === "htm") return "html";
  if (ext === "csv") return "csv";
  if (ext === "json") return "json";
  if (ext === "txt") return "table";
  return undefined;
}

export function isCheckFormat(f: string): f is CheckFormat {
  return Object.hasOwn(checkRenderers, f);
}

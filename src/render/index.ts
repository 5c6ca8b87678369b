/** Renderers are a registry of pure functions: evaluated profiles in, a string out. Printing happens at the edge. */
import { renderTables } from "./table.js";
import { renderJson } from "./json.js";
import { renderMarkdown } from "./markdown.js";
import { renderHtml } from "./html.js";
import { renderCsv } from "./csv.js";
import type { CheckFormat, CheckRenderer } from "./formats.js";

export { formatForPath, isCheckFormat, loadCheckRenderer, CHECK_FORMATS, type CheckFormat, type CheckRenderer } from "./formats.js";

/** Every text renderer of `check`, loaded (the CLI loads only the one it needs: loadCheckRenderer); a workbook is src/xlsx/report.ts. */
export const checkRenderers: Record<Exclude<CheckFormat, "xlsx">, CheckRenderer> = {
  table: renderTables,
  json: renderJson,
  md: renderMarkdown,
  html: renderHtml,
  csv: renderCsv,
};

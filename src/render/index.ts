/** Renderers are a registry of pure functions: evaluated profiles in, a string out. Printing happens at the edge. */
import type { Evaluated } from "./document.js";
import { checkDocument } from "./document.js";
import { renderTable, type TableOptions } from "./table.js";

export type CheckFormat = "table" | "json";
export type CheckRenderer = (profiles: Evaluated[], o: TableOptions) => string;

export const checkRenderers: Record<CheckFormat, CheckRenderer> = {
  table: (profiles, o) => profiles.map((p) => renderTable(p, o)).join("\n"),
  json: (profiles, o) => {
    const docs = profiles.map((p) => checkDocument(p, o));
    return JSON.stringify(docs.length === 1 ? docs[0] : docs, null, 2) + "\n";
  },
};

export function isCheckFormat(f: string): f is CheckFormat {
  return Object.hasOwn(checkRenderers, f);
}

/** The JSON document of spec/output.md; several profiles give an array of documents. */
import { checkDocument, type Evaluated } from "./document.js";
import type { TableOptions } from "./table.js";

export function renderJson(profiles: Evaluated[], o: TableOptions): string {
  const docs = profiles.map((p) => checkDocument(p, o));
  return JSON.stringify(docs.length === 1 ? docs[0] : docs, null, 2) + "\n";
}

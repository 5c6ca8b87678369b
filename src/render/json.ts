/** The JSON document of spec/output.md; several profiles give an array of documents. */
import { checkDocument, failedDoc, type Evaluated, type FileErrors } from "./document.js";
import type { TableOptions } from "./table.js";

export function renderJson(profiles: Evaluated[], o: TableOptions): string {
  const docs = profiles.map((p) => checkDocument(p, o));
  return JSON.stringify(docs.length === 1 ? docs[0] : docs, null, 2) + "\n";
}

/** `check` of several files: an array with, in the order given, each file's document or its errors; of one file that failed, its entry alone. */
export function renderJsonEntries(entries: (Evaluated | FileErrors)[], o: TableOptions, asArray = true): string {
  const docs = entries.map((e) => ("evaluation" in e ? checkDocument(e, o) : failedDoc(e)));
  return JSON.stringify(asArray ? docs : docs[0], null, 2) + "\n";
}

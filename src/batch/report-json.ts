/** The batch JSON document of spec/output.md, streamed: `{ policy, asOf, profiles: [ … ], summary }`. */
import { failedDoc, policyRef } from "../render/document.js";
import type { Outcome } from "./evaluate-one.js";
import type { ReportContext, ReportRenderer } from "./report.js";
import { summaryJson, type BatchSummary } from "./summary.js";

/** One entry of `profiles`: the check document without policy and asOf, or the file's error. */
export function profileEntryJson(o: Outcome): string {
  if (o.ok) {
    if (o.json === undefined) throw new Error("the JSON report needs outcomes built with json: true");
    return o.json;
  }
  return JSON.stringify(failedDoc({ file: o.file, issues: o.error.issues }));
}

export function jsonReport(ctx: ReportContext): ReportRenderer {
  return {
    head: () => `{\n  "policy": ${JSON.stringify(policyRef(ctx.policy))},\n  "asOf": ${JSON.stringify(ctx.asOf)},\n  "warnings": ${JSON.stringify(ctx.warnings)},\n  "profiles": [`,
    row: (o, index) => [index === 0 ? "\n    " : ",\n    ", profileEntryJson(o)],
    tail: (s: BatchSummary) => `${s.files > 0 ? "\n  " : ""}],\n  "summary": ${JSON.stringify(summaryJson(s), null, 2).replace(/\n/g, "\n  ")}\n}\n`,
  };
}

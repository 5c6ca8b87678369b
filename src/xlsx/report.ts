/**
 * The report as a workbook (`check --out x.xlsx`, `batch --out x.xlsx`): a summary per enterprise, the
 * details (enterprise × eligible or needs-info program), a to-do sheet (what to find out, from the
 * needs-info programs), the programs across the profiles, what else each enterprise could obtain and
 * the pipeline per program, and the files that could not be evaluated.
 * Sheets are streamed one after the other from `outcomes()`, which is read once per sheet, so a batch of
 * any size never holds its rows in memory. Credit codes, names and files are text cells; amounts are
 * numbers (whole yuan) shown as ¥ or 万元.
 */
import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
import { labelOf, t, type MoneyUnit } from "../i18n/index.js";
import type { Lang, LoadedPolicy } from "../types.js";
import type { Outcome } from "../batch/evaluate-one.js";
import { opportunityRanking, type BatchSummary } from "../batch/summary.js";
import type { AtomicWriteOptions } from "../io/write.js";
import { addSheet, safeText, writeWorkbookAtomic, type CellValue, type Column } from "./excel.js";

export interface WorkbookReportContext {
  policy: LoadedPolicy;
  lang: Lang;
  unit: MoneyUnit;
  asOf: string;
  /** The policy-window warnings for asOf, rendered. */
  warnings: string[];
}

const text = (s: string | undefined): string => (s === undefined ? "" : safeText(s));
/** Whole yuan as a number cell; a sum past 2^53 (never met in practice) stays exact as text. */
const money = (yuan: number | bigint | null): CellValue => (yuan === null ? null : typeof yuan === "bigint" ? (yuan <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(yuan) : yuan.toString()) : yuan);

export async function writeReportWorkbook(
  target: string,
  ctx: WorkbookReportContext,
  outcomes: () => AsyncIterable<Outcome> | Iterable<Outcome>,
  summary: BatchSummary,
  protect: AtomicWriteOptions["protect"],
): Promise<void> {
  const c = (key: string) => t(`xlsx.report.${key}`, ctx);
  const col = (key: string, width: number, more: Partial<Column> = {}): Column => ({ header: c(key), width, ...more });
  const p = ctx.policy.data;
  await writeWorkbookAtomic(target, { protect }, async (wb) => {
    wb.creator = "subsidy";
    const so = { unit: ctx.unit, lang: ctx.lang };

    const sum = addSheet(
      wb,
      c("sheet.summary"),
      [
        col("file", 28), col("enterprise", 36), col("creditCode", 22), col("district", 10), col("ownership", 14),
        col("eligible", 8), col("needsInfo", 8), col("fixed", 14, { money: true }), col("max", 14, { money: true }),
        col("lowFixed", 14, { money: true }), col("lowMax", 14, { money: true }), col("policyId", 24), col("policyVersion", 10), col("asOf", 11), col("error", 60, { wrap: true }),
      ],
      so,
    );
    for await (const o of outcomes()) {
      const where = [p.id, p.version, ctx.asOf];
      if (!o.ok) {
        sum.addRow([text(o.file), "", "", "", "", null, null, null, null, null, null, ...where, text(o.error.text)]).commit();
        continue;
      }
      const eligible = o.programs.filter((l) => l.status === "eligible").length;
      const ownership = o.ownership === undefined ? "" : labelOf(o.ownership, ctx);
      sum.addRow([text(o.file), text(o.name), text(o.creditCode), text(o.district), ownership, eligible, o.programs.length - eligible, o.fixedYuan, o.maxYuan, o.conservativeFixedYuan, o.conservativeMaxYuan, ...where, ""]).commit();
    }
    // The policy's warnings for the date, under the table, so the sheet read alone is not misread.
    for (const w of ctx.warnings) sum.addRow([text(w)]).commit();
    sum.commit();

    const details = addSheet(
      wb,
      c("sheet.details"),
      [
        col("file", 28), col("enterprise", 36), col("creditCode", 22), col("program", 22), col("title", 40), col("clause", 10), col("status", 12), col("kind", 10),
        col("amount", 14, { money: true }), col("low", 14, { money: true }), col("reasons", 80, { wrap: true }), col("missing", 40, { wrap: true }),
      ],
      so,
    );
    for await (const o of outcomes()) {
      if (!o.ok) continue;
      for (const l of o.programs) {
        details
          .addRow([
            text(o.file), text(o.name), text(o.creditCode), l.program, text(l.title), l.clause, t(`ui.status.${l.status}`, ctx), t(`ui.kind.${l.kind}`, ctx),
            l.status === "eligible" ? money(l.yuan) : null, l.status === "eligible" ? money(l.lowYuan) : null, text(l.reasons.join("\n")), text((l.todo ?? l.missing).join("\n")),
          ])
          .commit();
      }
    }
    details.commit();

    const todo = addSheet(wb, c("sheet.todo"), [col("file", 28), col("enterprise", 36), col("creditCode", 22), col("title", 40), col("clause", 10), col("find", 60, { wrap: true })], so);
    for await (const o of outcomes()) {
      if (!o.ok) continue;
      for (const l of o.programs) {
        if (l.status !== "needs-info") continue;
        for (const what of l.todo ?? l.missing) todo.addRow([text(o.file), text(o.name), text(o.creditCode), text(l.title), l.clause, text(what)]).commit();
      }
    }
    todo.commit();

    const programs = addSheet(
      wb,
      c("sheet.programs"),
      [col("program", 22), col("title", 40), col("clause", 10), col("kind", 10), col("eligibleCount", 10), col("needsInfoCount", 10), col("fixed", 16, { money: true }), col("upTo", 16, { money: true })],
      so,
    );
    for (const r of summary.programs) {
      programs.addRow([r.program, text(r.title), r.clause, t(`ui.kind.${r.kind}`, ctx), r.eligible, r.needsInfo, money(r.fixedYuan), money(r.upToYuan)]).commit();
    }
    const upTo = summary.programs.reduce((a, r) => a + r.upToYuan, 0n);
    programs.addRow([c("total"), "", "", "", null, null, money(summary.fixedYuan), money(upTo)]).commit();
    programs.commit();

    // What else the enterprises could obtain: per enterprise, then the pipeline per program, largest first.
    if (summary.opportunities) {
      const titles = new Map(ctx.policy.data.programs.map((x) => [x.id, x.title[ctx.lang]]));
      const opp = addSheet(wb, c("sheet.opportunities"), [col("file", 28), col("enterprise", 36), col("creditCode", 22), col("program", 22), col("title", 40), col("amount", 14, { money: true }), col("change", 48)], so);
      for await (const o of outcomes()) {
        if (!o.ok) continue;
        for (const x of o.opportunities ?? []) opp.addRow([text(o.file), text(o.name), text(o.creditCode), x.program, text(titles.get(x.program) ?? ""), money(x.yuan), text(x.change)]).commit();
      }
      opp.commit();
      const pipeline = addSheet(wb, c("sheet.pipeline"), [col("program", 22), col("title", 40), col("clause", 10), col("kind", 10), col("enterprises", 10), col("atStake", 16, { money: true })], so);
      for (const r of opportunityRanking(summary)) pipeline.addRow([r.program, text(r.title), r.clause, t(`ui.kind.${r.kind}`, ctx), r.enterprises, money(r.yuan)]).commit();
      pipeline.commit();
    }

    if (summary.errors.length > 0) {
      const errors = addSheet(wb, c("sheet.errors"), [col("file", 28), col("error", 100, { wrap: true })], so);
      for (const e of summary.errors) errors.addRow([text(e.file), text(e.error.text)]).commit();
      errors.commit();
    }
  });
}

/** The outcomes a batch spooled, one JSON line each (src/batch/report-xlsx.ts), read back in order. */
export async function* spooled(file: string): AsyncGenerator<Outcome> {
  const lines = createInterface({ input: createReadStream(file, { encoding: "utf8" }), crlfDelay: Infinity });
  for await (const line of lines) if (line !== "") yield JSON.parse(line) as Outcome;
}

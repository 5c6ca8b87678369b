/** The Markdown report, to paste into a memo: the enterprise table (streamed), then programs, totals and errors. */
import { formatYuan, t } from "../i18n/index.js";
import { mdCell } from "../render/cells.js";
import type { Outcome } from "./evaluate-one.js";
import type { ReportContext, ReportRenderer } from "./report.js";
import { opportunityRanking, type BatchSummary, type OpportunityTotals } from "./summary.js";

const row = (cells: (string | number)[]) => `| ${cells.map((c) => mdCell(c)).join(" | ")} |\n`;

export function mdReport(ctx: ReportContext): ReportRenderer {
  const money = (v: number | bigint) => formatYuan(v, ctx.lang, ctx.unit);
  /** The sum at stake: on merit, a share whose base is not known, or the sum (of those that name one). */
  const atStake = (p: OpportunityTotals) => (p.kind === "discretionary" ? t("ui.onMerit", ctx) : p.withoutSum === p.enterprises ? t("ui.opp.share", ctx) : money(p.yuan));
  return {
    head: () => {
      const p = ctx.policy.data;
      return (
        `# ${t("batch.title", ctx)}\n\n` +
        `${mdCell(t("ui.labelled", ctx, { label: t("ui.policy", ctx), value: `${p.id} ${p.version} (sha256 ${ctx.policy.sha256})` }))} · ${t("ui.labelled", ctx, { label: t("ui.asOf", ctx), value: ctx.asOf })}\n\n` +
        ctx.warnings.map((w) => `> ${mdCell(w)}\n\n`).join("") +
        row([t("batch.file", ctx), t("ui.enterprise", ctx), t("ui.district", ctx), t("batch.eligible", ctx), t("batch.fixed", ctx), t("batch.max", ctx), t("batch.needsInfo", ctx)]) +
        "|---|---|---|---:|---:|---:|---:|\n"
      );
    },
    row: (o: Outcome) => {
      if (!o.ok) return row([o.file, t("batch.error", ctx, { message: o.error.text }), "", "", "", "", ""]);
      const eligible = o.programs.filter((p) => p.status === "eligible");
      return row([
        o.file,
        o.warnings ? `${o.name}\n${o.warnings.join("\n")}` : o.name,
        o.district ?? "",
        eligible.map((p) => p.program).join(", ") || "0",
        money(o.fixedYuan),
        money(o.maxYuan),
        o.programs.length - eligible.length,
      ]);
    },
    tail: (s: BatchSummary) => {
      let out = `\n## ${t("batch.programsHeading", ctx)}\n\n`;
      out += row([t("ui.program", ctx), t("ui.clause", ctx), t("batch.qualify", ctx), t("batch.needsInfo", ctx), t("batch.fixedSum", ctx), t("batch.upToSum", ctx)]);
      out += "|---|---|---:|---:|---:|---:|\n";
      for (const p of s.programs) {
        if (p.eligible === 0 && p.needsInfo === 0) continue;
        out += row([
          `${p.title} (${p.program})`,
          p.clause,
          p.eligible,
          p.needsInfo,
          p.kind === "fixed" ? money(p.fixedYuan) : "",
          p.kind === "up-to" ? money(p.upToYuan) : p.kind === "discretionary" && p.eligible ? t("ui.onMerit", ctx) : "",
        ]);
      }
      if (s.opportunities) {
        out += `\n## ${t("ui.section.opportunities", ctx)}\n\n`;
        out += row([t("ui.program", ctx), t("ui.clause", ctx), t("ui.opp.enterprises", ctx), t("ui.opp.atStake", ctx)]);
        out += "|---|---|---:|---:|\n";
        for (const p of opportunityRanking(s)) out += row([`${p.title} (${p.program})`, p.clause, p.enterprises, atStake(p)]);
      }
      out += `\n**${t("batch.grandTotals", ctx, { files: s.files, evaluated: s.evaluated, fixed: s.fixedYuan.toString(), max: s.maxYuan.toString() })}**\n`;
      if (s.conservativeFixedYuan !== s.fixedYuan || s.conservativeMaxYuan !== s.maxYuan) out += `\n**${t("batch.conservativeTotals", ctx, { fixed: s.conservativeFixedYuan.toString(), max: s.conservativeMaxYuan.toString() })}**\n`;
      if (s.maxYuan > s.fixedYuan) out += `\n${t("ui.ceilingNotice", ctx)}\n`;
      if (s.errors.length > 0) {
        out += `\n## ${t("batch.errorsHeading", ctx, { count: s.errors.length })}\n\n`;
        for (const e of s.errors) out += `- ${mdCell(e.error.text)}\n`;
      }
      return out;
    },
  };
}

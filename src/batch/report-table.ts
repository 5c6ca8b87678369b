/**
 * The on-screen batch summary: one line per enterprise as it is evaluated (fixed columns, so the
 * lines stream without holding the batch in memory), then the per-program table, the grand totals
 * and the files that could not be evaluated, each with its file:line message.
 */
import { child } from "./walk.js";
import { visible } from "../text/visible.js";
import { Chalk } from "chalk";
import { formatYuan, t } from "../i18n/index.js";
import { charWidth, displayWidth } from "../render/table.js";
import type { Outcome } from "./evaluate-one.js";
import type { ReportContext, ReportRenderer } from "./report.js";
import { opportunityRanking, type BatchSummary, type OpportunityTotals } from "./summary.js";

/** Cuts text to a display width with an ellipsis (from the left for paths, whose end matters). */
export function fit(s: string, width: number, from: "left" | "right" = "right"): string {
  // Most names and paths have no whitespace but single spaces: nothing to fold, no new string. Runs of
  // whitespace (a newline in a name too) fold to one space; other control characters (ESC, BEL) are shown
  // escaped, never sent to the terminal raw.
  const flat = visible(SPACE_RUN.test(s) ? s.replace(/\s+/g, " ") : s);
  const full = displayWidth(flat);
  if (full <= width) return flat + " ".repeat(width - full);
  // By code point (a surrogate pair is one character); the ellipsis takes one column.
  let w = 1;
  let cut: number;
  if (from === "right") {
    cut = 0;
    while (cut < flat.length) {
      const c = flat.codePointAt(cut) as number;
      const cw = charWidth(c);
      if (w + cw > width) break;
      w += cw;
      cut += c > 0xffff ? 2 : 1;
    }
  } else {
    cut = flat.length;
    while (cut > 0) {
      const low = flat.charCodeAt(cut - 1);
      const pair = cut >= 2 && low >= 0xdc00 && low <= 0xdfff && isHighSurrogate(flat.charCodeAt(cut - 2));
      const cw = charWidth(flat.codePointAt(pair ? cut - 2 : cut - 1) as number);
      if (w + cw > width) break;
      w += cw;
      cut -= pair ? 2 : 1;
    }
  }
  const out = from === "right" ? flat.slice(0, cut) + "…" : "…" + flat.slice(cut);
  // w counts every character kept; colour codes among them take no column once cut (rare: callers colour after fitting).
  return out + " ".repeat(Math.max(0, width - (flat.includes("\u001b") ? displayWidth(out) : w)));
}

const isHighSurrogate = (c: number): boolean => c >= 0xd800 && c <= 0xdbff;

/** Where /\s+/g → " " changes something: two whitespace characters in a row, or one that is not a space. */
const SPACE_RUN = /\s\s|[^\S ]/;

const right = (s: string, width: number) => " ".repeat(Math.max(0, width - displayWidth(s))) + s;

export function tableReport(ctx: ReportContext): ReportRenderer {
  const c = new Chalk({ level: ctx.color ? 1 : 0 });
  const money = (v: number | bigint) => formatYuan(v, ctx.lang, ctx.unit);
  const width = Math.max(80, Math.min(ctx.width ?? 100, 200));
  const moneyW = ctx.unit === "wan" ? 14 : 13;
  const fixedCols = 10 + 8 + moneyW + moneyW + 10 + 2 * 6;
  const fileW = Math.max(12, Math.floor((width - fixedCols) * 0.5));
  const nameW = Math.max(12, width - fixedCols - fileW);
  const prefix = ctx.base ? child(ctx.base, "") : "";
  const shown = (file: string) => (prefix && file.startsWith(prefix) ? file.slice(prefix.length) : file);
  const line = (cells: string[]) => cells.join("  ").trimEnd() + "\n";

  /** The sum at stake: on merit, a share whose base is not known, or the sum (of those that name one). */
  const atStake = (p: OpportunityTotals) => (p.kind === "discretionary" ? t("ui.onMerit", ctx) : p.withoutSum === p.enterprises ? t("ui.opp.share", ctx) : money(p.yuan));
  return {
    head: () => {
      const p = ctx.policy.data;
      const head = line([
        fit(t("batch.file", ctx), fileW),
        fit(t("ui.enterprise", ctx), nameW),
        fit(t("ui.district", ctx), 10),
        right(t("batch.eligible", ctx), 8),
        right(t("batch.fixed", ctx), moneyW),
        right(t("batch.max", ctx), moneyW),
        right(t("batch.needsInfo", ctx), 10),
      ]);
      return (
        c.dim(`${t("ui.policy", ctx)}: ${p.id} ${p.version} (${ctx.policy.sha256.slice(0, 12)}) · ${t("ui.asOf", ctx)}: ${ctx.asOf}`) +
        "\n" +
        ctx.warnings.map((w) => c.yellow(w) + "\n").join("") +
        "\n" +
        c.bold(head) +
        c.dim("─".repeat(Math.min(width, displayWidth(head) - 1))) +
        "\n"
      );
    },
    row: (o: Outcome) => {
      if (!o.ok) return line([fit(shown(o.file), fileW, "left"), c.red(fit(t("batch.error", ctx, { message: o.error.message }), width - fileW - 2))]);
      const eligible = o.programs.filter((p) => p.status === "eligible").length;
      const needs = o.programs.length - eligible;
      return line([
        fit(shown(o.file), fileW, "left"),
        fit(o.name, nameW),
        fit(o.district ?? "", 10),
        right(String(eligible), 8),
        right(money(o.fixedYuan), moneyW),
        right(money(o.maxYuan), moneyW),
        right(needs ? c.yellow(String(needs)) : "0", 10),
      ]) + (o.warnings ?? []).map((w) => c.yellow(`  ${w}`) + "\n").join("");
    },
    tail: (s: BatchSummary) => {
      const out: string[] = ["", c.bold(t("batch.programsHeading", ctx))];
      const progW = Math.max(30, width - (10 + 10 + 10 + 2 * moneyW + 2 * 5));
      out.push(
        c.bold(
          line([
            fit(t("ui.program", ctx), progW),
            fit(t("ui.clause", ctx), 10),
            right(t("batch.qualify", ctx), 10),
            right(t("batch.needsInfo", ctx), 10),
            right(t("batch.fixedSum", ctx), moneyW),
            right(t("batch.upToSum", ctx), moneyW),
          ]).trimEnd(),
        ),
      );
      for (const p of s.programs) {
        if (p.eligible === 0 && p.needsInfo === 0) continue;
        out.push(
          line([
            fit(`${p.title} (${p.program})`, progW),
            fit(p.clause, 10),
            right(String(p.eligible), 10),
            right(String(p.needsInfo), 10),
            right(p.kind === "fixed" ? money(p.fixedYuan) : "", moneyW),
            right(p.kind === "up-to" ? money(p.upToYuan) : p.kind === "discretionary" && p.eligible ? t("ui.onMerit", ctx) : "", moneyW),
          ]).trimEnd(),
        );
      }
      if (s.opportunities) {
        out.push("", c.bold(t("ui.section.opportunities", ctx)));
        out.push(c.bold(line([fit(t("ui.program", ctx), progW), fit(t("ui.clause", ctx), 10), right(t("ui.opp.enterprises", ctx), 10), right(t("ui.opp.atStake", ctx), moneyW)]).trimEnd()));
        for (const p of opportunityRanking(s)) {
          out.push(line([fit(`${p.title} (${p.program})`, progW), fit(p.clause, 10), right(String(p.enterprises), 10), right(atStake(p), moneyW)]).trimEnd());
        }
      }
      out.push("", c.bold(t("batch.grandTotals", ctx, { files: s.files, evaluated: s.evaluated, fixed: s.fixedYuan.toString(), max: s.maxYuan.toString() })));
      if (s.conservativeFixedYuan !== s.fixedYuan || s.conservativeMaxYuan !== s.maxYuan) out.push(c.bold(t("batch.conservativeTotals", ctx, { fixed: s.conservativeFixedYuan.toString(), max: s.conservativeMaxYuan.toString() })));
      if (s.maxYuan > s.fixedYuan) out.push(c.dim(t("ui.ceilingNotice", ctx)));
      if (s.errors.length > 0) {
        out.push("", c.red.bold(t("batch.errorsHeading", ctx, { count: s.errors.length })));
        for (const e of s.errors) out.push(...e.error.text.split("\n").map((l) => `  ${l}`));
      } else {
        out.push(c.dim(t("batch.noErrors", ctx)));
      }
      return out.join("\n") + "\n";
    },
  };
}

/**
 * The on-screen batch summary: one line per enterprise as it is evaluated (fixed columns, so the
 * lines stream without holding the batch in memory), then the per-program table, the grand totals
 * and the files that could not be evaluated, each with its file:line message.
 */
import { child } from "./walk.js";
import { visible } from "../text/visible.js";
import { Chalk } from "chalk";
import { formatYuan, t } from "../i18n/index.js";
import { charWidth, displayWidth, packParts, setAmbiguousWide, wrapText } from "../render/width.js";
import type { Outcome } from "./evaluate-one.js";
import type { ReportContext, ReportRenderer } from "./report.js";
import { opportunityRanking, type BatchSummary, type OpportunityTotals } from "./summary.js";

const CUT = "\u22ef";

/** Cuts text to a display width with an ellipsis (from the left for paths, whose end matters). */
export function fit(s: string, width: number, from: "left" | "right" = "right"): string {
  // Most names and paths have no whitespace but single spaces: nothing to fold, no new string. Runs of
  // whitespace (a newline in a name too) fold to one space; other control characters (ESC, BEL) are shown
  // escaped, never sent to the terminal raw.
  const flat = visible(SPACE_RUN.test(s) ? s.replace(/\s+/g, " ") : s);
  const full = displayWidth(flat);
  if (full <= width) return flat + " ".repeat(width - full);
  // By code point (a surrogate pair is one character). The mark of a cut is ⋯ (U+22EF): neutral width,
  // one column in every terminal — … (U+2026) is ambiguous, one column in some and two in others.
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
  const out = from === "right" ? flat.slice(0, cut) + CUT : CUT + flat.slice(cut);
  // w counts every character kept; colour codes among them take no column once cut (rare: callers colour after fitting).
  return out + " ".repeat(Math.max(0, width - (flat.includes("\u001b") ? displayWidth(out) : w)));
}

const isHighSurrogate = (c: number): boolean => c >= 0xd800 && c <= 0xdbff;

/** Where /\s+/g → " " changes something: two whitespace characters in a row, or one that is not a space. */
const SPACE_RUN = /\s\s|[^\S ]/;

const right = (s: string, width: number) => " ".repeat(Math.max(0, width - displayWidth(s))) + s;

/**
 * An enterprise's name as a column shows it: without the 淄博 / 淄博市 every client shares and the company-form
 * suffix (有限公司, 股份有限公司, 有限责任公司), so that the part that tells clients apart survives the cut.
 */
export function shortName(name: string): string {
  const short = name.replace(/^淄博(?:市)?/, "").replace(/(?:股份有限公司|有限责任公司|有限公司)$/, "");
  return short.trim() ? short : name;
}

/** A file as a column shows it: relative to the batch folder, and without its extension when it does not fit. */
function shortFile(file: string, width: number): string {
  return displayWidth(file) <= width ? file : file.replace(/\.(?:ya?ml|json)$/i, "");
}

/** Columns the screen summary is laid out to: the terminal's (or COLUMNS), within 60 and 200. */
const screenWidth = (ctx: ReportContext): number => Math.max(60, Math.min(ctx.width ?? 100, 200));

export function tableReport(ctx: ReportContext): ReportRenderer {
  setAmbiguousWide(ctx.lang === "zh");
  const c = new Chalk({ level: ctx.color ? 1 : 0 });
  const money = (v: number | bigint) => formatYuan(v, ctx.lang, ctx.unit);
  const width = screenWidth(ctx);
  const GAP = 2;
  // Numbers take their heading's width (at least what they hold); names and files share what is left.
  const moneyW = ctx.unit === "wan" ? 14 : 12;
  const eligibleW = Math.max(4, displayWidth(t("batch.eligible", ctx)));
  const needsW = Math.max(4, displayWidth(t("batch.needsInfo", ctx)));
  const fixedW = Math.max(moneyW, displayWidth(t("batch.fixed", ctx)));
  const maxW = Math.max(moneyW, displayWidth(t("batch.max", ctx)));
  // Below 100 columns the district gives way to the name (the reports written with --out keep it).
  const districtW = width >= 100 ? 10 : 0;
  const numbersW = eligibleW + fixedW + maxW + needsW + 4 * GAP;
  const free = width - numbersW - GAP - (districtW ? districtW + GAP : 0);
  const fileW = Math.max(8, Math.floor(free * 0.4));
  const nameW = Math.max(8, free - fileW);
  const prefix = ctx.base ? child(ctx.base, "") : "";
  const shown = (file: string) => shortFile(prefix && file.startsWith(prefix) ? file.slice(prefix.length) : file, fileW);
  const line = (cells: string[]) => cells.join(" ".repeat(GAP)).trimEnd() + "\n";
  const para = (text: string, indent = "") => wrapText(text, width - indent.length).split("\n").map((l) => indent + l);

  /** The sum at stake: on merit, a share whose base is not known, or the sum (of those that name one). */
  const atStake = (p: OpportunityTotals) => (p.kind === "discretionary" ? t("ui.onMerit", ctx) : p.withoutSum === p.enterprises ? t("ui.opp.share", ctx) : money(p.yuan));
  return {
    head: () => {
      const p = ctx.policy.data;
      const head = line([
        fit(t("batch.file", ctx), fileW),
        fit(t("ui.enterprise", ctx), nameW),
        ...(districtW ? [fit(t("ui.district", ctx), districtW)] : []),
        right(t("batch.eligible", ctx), eligibleW),
        right(t("batch.fixed", ctx), fixedW),
        right(t("batch.max", ctx), maxW),
        right(t("batch.needsInfo", ctx), needsW),
      ]);
      const provenance = [t("ui.labelled", ctx, { label: t("ui.policy", ctx), value: `${p.id} ${p.version} (${ctx.policy.sha256.slice(0, 12)})` }), t("ui.labelled", ctx, { label: t("ui.asOf", ctx), value: ctx.asOf })];
      return (
        packParts(provenance, " · ", width).split("\n").map((l) => c.dim(l) + "\n").join("") +
        ctx.warnings.flatMap((w) => para(w)).map((l) => c.yellow(l) + "\n").join("") +
        "\n" +
        c.bold(head) +
        c.dim("─".repeat(Math.min(width, displayWidth(head) - 1))) +
        "\n"
      );
    },
    row: (o: Outcome) => {
      if (!o.ok) return line([fit(shown(o.file), fileW), c.red(fit(t("batch.error", ctx, { message: o.error.message }), width - fileW - GAP))]);
      const eligible = o.programs.filter((p) => p.status === "eligible").length;
      const needs = o.programs.length - eligible;
      return line([
        fit(shown(o.file), fileW),
        fit(shortName(o.name), nameW),
        ...(districtW ? [fit(o.district ?? "", districtW)] : []),
        right(String(eligible), eligibleW),
        right(money(o.fixedYuan), fixedW),
        right(money(o.maxYuan), maxW),
        right(needs ? c.yellow(String(needs)) : "0", needsW),
      ]) + (o.warnings ?? []).flatMap((w) => para(w, "  ")).map((l) => c.yellow(l) + "\n").join("");
    },
    tail: (s: BatchSummary) => {
      const out: string[] = ["", c.bold(t("batch.programsHeading", ctx))];
      const clauseW = 8;
      const qualifyW = Math.max(4, displayWidth(t("batch.qualify", ctx)));
      const sumW = Math.max(moneyW, displayWidth(t("batch.fixedSum", ctx)));
      const upToW = Math.max(moneyW, displayWidth(t("batch.upToSum", ctx)));
      const progW = Math.max(12, width - (clauseW + qualifyW + needsW + sumW + upToW + 5 * GAP));
      out.push(
        c.bold(
          line([
            fit(t("ui.program", ctx), progW),
            fit(t("ui.clause", ctx), clauseW),
            right(t("batch.qualify", ctx), qualifyW),
            right(t("batch.needsInfo", ctx), needsW),
            right(t("batch.fixedSum", ctx), sumW),
            right(t("batch.upToSum", ctx), upToW),
          ]).trimEnd(),
        ),
      );
      for (const p of s.programs) {
        if (p.eligible === 0 && p.needsInfo === 0) continue;
        out.push(
          line([
            fit(p.title, progW),
            fit(p.clause, clauseW),
            right(String(p.eligible), qualifyW),
            right(String(p.needsInfo), needsW),
            right(p.kind === "fixed" ? money(p.fixedYuan) : "", sumW),
            right(p.kind === "up-to" ? money(p.upToYuan) : p.kind === "discretionary" && p.eligible ? t("ui.onMerit", ctx) : "", upToW),
          ]).trimEnd(),
        );
      }
      if (s.opportunities) {
        const enterprisesW = Math.max(4, displayWidth(t("ui.opp.enterprises", ctx)));
        const stakeW = Math.max(moneyW, displayWidth(t("ui.opp.atStake", ctx)));
        const oppW = Math.max(12, width - (clauseW + enterprisesW + stakeW + 3 * GAP));
        out.push("", c.bold(t("ui.section.opportunities", ctx)));
        out.push(c.bold(line([fit(t("ui.program", ctx), oppW), fit(t("ui.clause", ctx), clauseW), right(t("ui.opp.enterprises", ctx), enterprisesW), right(t("ui.opp.atStake", ctx), stakeW)]).trimEnd()));
        for (const p of opportunityRanking(s)) {
          out.push(line([fit(p.title, oppW), fit(p.clause, clauseW), right(String(p.enterprises), enterprisesW), right(atStake(p), stakeW)]).trimEnd());
        }
      }
      out.push("", ...para(t("batch.grandTotals", ctx, { files: s.files, evaluated: s.evaluated, fixed: s.fixedYuan.toString(), max: s.maxYuan.toString() })).map((l) => c.bold(l)));
      if (s.conservativeFixedYuan !== s.fixedYuan || s.conservativeMaxYuan !== s.maxYuan) out.push(...para(t("batch.conservativeTotals", ctx, { fixed: s.conservativeFixedYuan.toString(), max: s.conservativeMaxYuan.toString() })).map((l) => c.bold(l)));
      if (s.maxYuan > s.fixedYuan) out.push(...para(t("ui.ceilingNotice", ctx)).map((l) => c.dim(l)));
      if (s.errors.length > 0) {
        out.push("", c.red.bold(t("batch.errorsHeading", ctx, { count: s.errors.length })));
        // Each message indented by two, its continuation lines by four.
        for (const e of s.errors) for (const l of e.error.text.split("\n")) out.push(...para(l, "    ").map((x, i) => (i === 0 ? x.slice(2) : x)));
      } else {
        out.push(...para(t("batch.noErrors", ctx)).map((l) => c.dim(l)));
      }
      return out.join("\n") + "\n";
    },
  };
}

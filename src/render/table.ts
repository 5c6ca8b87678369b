/** The terminal table of `subsidy check`: eligible programs by amount kind, then what to find out. */
import { visible } from "../text/visible.js";
import { Chalk, type ChalkInstance } from "chalk";
import type { LoadedPolicy, ProgramResult } from "../types.js";
import { formatYuan, say, t, type RenderContext } from "../i18n/index.js";
import type { Evaluated } from "./document.js";
import { alternativesText, amountText, conservativeText, explain, joinList, noneText } from "./report.js";
import { opportunityRows, type OpportunityRow } from "./opportunities.js";
import type { Opportunity } from "../engine/opportunities.js";
import { displayWidth, packParts, setAmbiguousWide, wrapText } from "./width.js";

export interface TableOptions extends RenderContext {
  policy: LoadedPolicy;
  color: boolean;
  /** Show ineligible programs with their reasons. */
  all?: boolean;
  /** Under each program, its decision trace and computation. */
  explain?: boolean;
  /** Terminal width in columns. */
  width?: number;
  /** Add what else the enterprise could obtain (check --opportunities). */
  opportunities?: boolean;
}

/**
 * A box-drawn table over pre-wrapped cells. Our own, not cli-table3: its first table costs about
 * 20 ms of start-up (string-width and emoji-regex warming up), more than the rest of `check` together,
 * and it truncates long unbroken CJK runs. Cells here are already wrapped by `wrapText`.
 */
export function boxTable(head: string[], widths: number[], rows: string[][], border: (s: string) => string): string {
  const line = (l: string, m: string, r: string) => border(l + widths.map((w) => "─".repeat(w)).join(m) + r);
  const pad = (s: string, w: number) => s + " ".repeat(Math.max(0, w - displayWidth(s)));
  const renderRow = (cells: string[]): string[] => {
    const split = cells.map((c) => c.split("\n"));
    const height = Math.max(1, ...split.map((l) => l.length));
    const out: string[] = [];
    for (let i = 0; i < height; i++) {
      out.push(border("│") + split.map((l, j) => ` ${pad(l[i] ?? "", (widths[j] ?? 2) - 2)} `).join(border("│")) + border("│"));
    }
    return out;
  };
  const out = [line("┌", "┬", "┐"), ...renderRow(head)];
  for (const r of rows) out.push(line("├", "┼", "┤"), ...renderRow(r));
  out.push(line("└", "┴", "┘"));
  return out.join("\n");
}

function programCell(r: ProgramResult, o: TableOptions, c: ChalkInstance): string {
  return `${r.program.title[o.lang]}\n${c.dim(r.program.id)}`;
}

/**
 * The decision trace of one program, printed under its section's table rather than inside a cell:
 * it stays readable at any width instead of one very tall cell.
 */
function explainBlock(r: ProgramResult, o: TableOptions, c: ChalkInstance, width: number): string {
  const mark = { met: c.green("✓"), "not-met": c.red("✗"), unknown: c.yellow("?") } as const;
  const x = explain(r, o);
  const lines: string[] = wrapText(`${c.bold(r.program.title[o.lang])} ${c.dim(`(${r.program.id})`)}`, width).split("\n");
  const wrapped = (text: string, indent: string) => wrapText(text, width - indent.length).split("\n").map((l) => indent + l);
  lines.push(`  ${c.bold(t("ui.explain.conditions", o))}`);
  for (const cond of x.conditions) {
    // The fact in brackets unless the sentence already shows its value.
    const shown = cond.value === undefined || cond.text.includes(cond.value);
    const text = `${cond.text}${cond.fact && !shown ? ` [${cond.fact}]` : ""}`;
    const [first, ...rest] = wrapped(text, "      ");
    lines.push(`    ${mark[cond.outcome]} ${(first ?? "").trimStart()}`, ...rest);
  }
  if (x.computation.length > 0) {
    lines.push(`  ${c.bold(t("ui.explain.computation", o))}`);
    for (const m of x.computation) lines.push(...wrapped(m, "    "));
  }
  lines.push(`  ${c.bold(`${t("ui.explain.clause", o)} ${x.clause}`)}`, ...wrapped(x.quote, "    "));
  lines.push(`  ${c.bold(t("ui.explain.departments", o))}`, ...wrapped(joinList(x.departments, o), "    "));
  return lines.join("\n");
}

/** The width every line is laid out to: the terminal's (or COLUMNS), within 60 and 160. */
const tableWidth = (o: TableOptions): number => Math.max(60, Math.min(o.width ?? 100, 160));

function section(title: string, rows: ProgramResult[], o: TableOptions, c: ChalkInstance, kind: "eligible" | "needs" | "ineligible"): string {
  const width = tableWidth(o);
  const programW = Math.max(22, Math.floor(width * 0.3));
  const clauseW = 10;
  // The amount column is as wide as its widest amount: what is left goes to the reasons.
  // (at most 20 columns: the other readings beside an amount wrap inside it).
  const amountW = kind === "eligible" ? Math.min(20, Math.floor(width / 5), Math.max(8, ...rows.flatMap((r) => amountText(r, o).split("\n").map(displayWidth)))) + 2 : 0;
  const whyW = Math.max(20, width - programW - clauseW - amountW - (kind === "eligible" ? 5 : 4));
  const head = [t("ui.program", o), t("ui.clause", o)];
  const widths = [programW, clauseW];
  if (kind === "eligible") {
    head.push(t("ui.amount", o));
    widths.push(amountW);
  }
  head.push(kind === "needs" ? t("ui.whatToFind", o) : t("ui.why", o));
  widths.push(whyW);
  const body: string[][] = [];
  const fit = (text: string, w: number) => wrapText(text, w - 2);
  for (const r of rows) {
    const why = r.reasons.map((m) => say(m, o));
    // The reasons already say in words what is missing; the profile paths are for --explain.
    if (kind === "needs" && o.explain && r.missing.length > 0) why.push(c.yellow(r.missing.join(", ")));
    // Another reading that pays what the adopted one does not (or pays less) is said where the amount would be.
    if (kind !== "eligible") why.push(...alternativesText(r, o).map((x) => c.cyan(x)));
    const row = [fit(programCell(r, o, c), programW), fit(r.program.clause, clauseW)];
    if (kind === "eligible") row.push(fit(amountText(r, o), amountW));
    row.push(fit(why.join("\n"), whyW));
    body.push(row);
  }
  const heading = kind === "eligible" ? c.green.bold(title) : kind === "needs" ? c.yellow.bold(title) : c.dim.bold(title);
  const table = boxTable(
    head.map((h, i) => fit(c.bold(h), widths[i] ?? 10)),
    widths,
    body,
    (x) => c.gray(x),
  );
  const blocks = o.explain ? rows.map((r) => explainBlock(r, o, c, width)) : [];
  return [`${heading}\n${table}`, ...blocks].join("\n\n");
}

/** What else the enterprise could obtain: program, clause, sum and what it takes. */
function opportunitiesSection(rows: OpportunityRow[], o: TableOptions, c: ChalkInstance): string {
  const title = c.cyan.bold(t("ui.section.opportunities", o));
  const width = tableWidth(o);
  if (rows.length === 0) return `${title}\n${wrapText(t("ui.opp.none", o), width)}`;
  const programW = Math.max(22, Math.floor(width * 0.3));
  const clauseW = 10;
  const amountW = 18;
  const changeW = Math.max(20, width - programW - clauseW - amountW - 5);
  const widths = [programW, clauseW, amountW, changeW];
  const fit = (text: string, w: number) => wrapText(text, w - 2);
  const head = [t("ui.program", o), t("ui.clause", o), t("ui.amount", o), t("ui.opp.change", o)].map((h, i) => fit(c.bold(h), widths[i] ?? 10));
  const body = rows.map((r) => [fit(`${r.title}\n${c.dim(r.program)}`, programW), fit(r.clause, clauseW), fit(r.amount, amountW), fit(r.change, changeW)]);
  return `${title}\n${boxTable(head, widths, body, (x) => c.gray(x))}`;
}

/** The opportunities section on its own (at the end of `ask`). */
export function renderOpportunities(opps: readonly Opportunity[], o: TableOptions): string {
  return opportunitiesSection(opportunityRows(opps, o), o, new Chalk({ level: o.color ? 1 : 0 }));
}

/** Several profiles: one table section each. */
export function renderTables(profiles: Evaluated[], o: TableOptions): string {
  return profiles.map((p) => renderTable(p, o)).join("\n");
}

export function renderTable(e: Evaluated, o: TableOptions): string {
  setAmbiguousWide(o.lang === "zh");
  const c = new Chalk({ level: o.color ? 1 : 0 });
  const { evaluation, meta } = e;
  const out: string[] = [];
  const policy = o.policy.data;
  const width = tableWidth(o);
  // Every line outside the tables is wrapped to the width too (words in English, characters in Chinese), then coloured.
  const para = (text: string, style: (s: string) => string = (s) => s) => wrapText(text, width).split("\n").map((l) => style(l)).join("\n");
  const labelled = (key: string, value: string) => t("ui.labelled", o, { label: t(key, o), value });
  // Names and paths from the profile and the file system: control characters shown escaped, never sent raw.
  out.push(para(`${visible(meta.name)}${meta.district ? `  ${labelled("ui.district", visible(meta.district))}` : ""}`, c.bold));
  const provenance = [visible(meta.file), labelled("ui.policy", `${policy.id} ${policy.version} (${o.policy.sha256.slice(0, 12)})`), labelled("ui.asOf", evaluation.asOf)];
  out.push(c.dim(packParts(provenance, " · ", width)));
  for (const w of evaluation.warnings) out.push(para(say(w, o), c.yellow));
  out.push("");
  const eligible = evaluation.results.filter((r) => r.status === "eligible");
  const byKind = (k: string) => eligible.filter((r) => r.amount.kind === k);
  const needs = evaluation.results.filter((r) => r.status === "needs-info");
  const ineligible = evaluation.results.filter((r) => r.status === "ineligible");
  const groups: [string, ProgramResult[]][] = [
    ["ui.section.fixed", byKind("fixed")],
    ["ui.section.upTo", byKind("up-to")],
    ["ui.section.discretionary", byKind("discretionary")],
  ];
  for (const [key, rows] of groups) if (rows.length > 0) out.push(section(t(key, o), rows, o, c, "eligible"), "");
  if (needs.length > 0) out.push(section(t("ui.section.needsInfo", o), needs, o, c, "needs"), "");
  // Without --all, the ineligible programs another reading would pay are shown all the same.
  const shownIneligible = o.all ? ineligible : ineligible.filter((r) => r.alternatives.length > 0);
  if (shownIneligible.length > 0) out.push(section(t("ui.section.ineligible", o), shownIneligible, o, c, "ineligible"), "");
  if (eligible.length === 0 && needs.length === 0) out.push(para(noneText(evaluation, o)), "");

  const { fixedYuan, maxYuan } = evaluation.totals;
  const discretionary = byKind("discretionary").length;
  const parts = [
    `${t("ui.totals.fixed", o)} ${c.bold(formatYuan(fixedYuan, o.lang, o.unit))}`,
    `${t("ui.totals.max", o)} ${c.bold(formatYuan(maxYuan, o.lang, o.unit))}`,
  ];
  if (discretionary > 0) parts.push(`${t("ui.totals.discretionary", o)} ${discretionary}`);
  if (needs.length > 0) parts.push(`${t("ui.totals.needsInfo", o)} ${needs.length}`);
  out.push(packParts(parts, "  ·  ", width));
  const low = conservativeText(evaluation.totals, o);
  if (low) out.push(para(low));
  if (maxYuan > fixedYuan) out.push(para(t("ui.ceilingNotice", o), c.dim));
  if (!o.all && ineligible.length > shownIneligible.length) out.push(para(`${ineligible.length - shownIneligible.length} ${t("ui.hiddenIneligible", o)}`, c.dim));
  if (o.opportunities && e.opportunities) out.push("", opportunitiesSection(opportunityRows(e.opportunities, o), o, c));
  return out.join("\n") + "\n";
}

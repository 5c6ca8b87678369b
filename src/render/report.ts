/**
 * The client report as data: one model built from an evaluation, rendered as Markdown and as HTML
 * (and its explanation parts by the table). Every string in it is already in the chosen language;
 * the renderers only lay it out and escape it.
 */
import type { AmountKind, ConditionTrace, Evaluation, LoadedPolicy, Outcome, Profile, ProfileItem, ProgramResult, Status } from "../types.js";
import { formatters, formatYuan, labelOf, say, t, type RenderContext } from "../i18n/index.js";
import type { Evaluated } from "./document.js";
import { opportunityAmount, opportunityRows, type OpportunityRow } from "./opportunities.js";

export interface ReportContext extends RenderContext {
  policy: LoadedPolicy;
  /** Include ineligible programs with their reasons. */
  all?: boolean;
  /** Include each program's condition trace. */
  explain?: boolean;
}

export interface ExplainCondition {
  outcome: Outcome;
  text: string;
  /** The fact the condition looked at: `path = value`, or `path: not given`. Empty when there is none. */
  fact: string;
  /** The fact's value as written in the profile, when there is one. */
  value?: string;
}

export interface Explanation {
  conditions: ExplainCondition[];
  computation: string[];
  clause: string;
  /** The clause in the policy's own words. */
  quote: string;
  departments: string[];
}

export interface MissingFact {
  /** Profile path, e.g. recognitions[1].provincial_award. */
  path: string;
  /** What to provide, in words: the field and the item it belongs to. */
  what: string;
}

export interface ReportRow {
  id: string;
  title: string;
  clause: string;
  status: Status;
  kind: AmountKind;
  yuan: number | null;
  /** The amount as shown: ¥500,000, up to ¥3,800,000, on merit. */
  amount: string;
  reasons: string[];
  missing: MissingFact[];
  departments: string[];
  explain: Explanation;
}

export interface ReportGroup {
  kind: AmountKind;
  heading: string;
  rows: ReportRow[];
}

export interface ReportModel {
  lang: RenderContext["lang"];
  enterprise: { name: string; creditCode?: string; district?: string; file: string };
  asOf: string;
  policy: { id: string; version: string; sha256: string; title: string };
  warnings: string[];
  claim: ReportGroup[];
  needsInfo: ReportRow[];
  /** Only with --all. */
  ineligible: ReportRow[];
  /** What else the enterprise could obtain; undefined when not looked for. */
  opportunities?: OpportunityRow[];
  totals: { fixed: string; upTo: string; max: string; hasCeilings: boolean; discretionary: number; needsInfo: number; ineligible: number };
}

/** The amount cell: a fixed sum, "up to" a ceiling, or "on merit". */
export function amountText(r: ProgramResult, ctx: RenderContext): string {
  if (r.amount.kind === "discretionary") return t("ui.onMerit", ctx);
  const shown = opportunityAmount(r.amount.kind, r.amount.yuan ?? 0, ctx);
  // Full-width in zh: a middle dot is drawn one column wide by some terminals and two by others.
  return [shown, ...alternativesText(r, ctx)].join(ctx.lang === "zh" ? "；" : " · ");
}

/** Each other reading that changes the money, as shown beside the amount: "¥1,000,000 if the cap is per enterprise (二(二)3)". */
export function alternativesText(r: ProgramResult, ctx: RenderContext): string[] {
  return r.alternatives.map((a) => t("ui.alternative", ctx, { yuan: a.yuan, note: say(a.note, ctx), clause: a.clause }));
}

/** The totals at each program's lowest reading, when they differ from the headline totals (else undefined). */
export function conservativeText(totals: Evaluation["totals"], ctx: RenderContext): string | undefined {
  if (totals.conservativeFixedYuan === totals.fixedYuan && totals.conservativeMaxYuan === totals.maxYuan) return undefined;
  const [colon, sep] = ctx.lang === "zh" ? ["：", "，"] : [": ", " · "];
  return `${t("ui.totals.conservative", ctx)}${colon}${t("ui.totals.fixed", ctx)} ${formatYuan(totals.conservativeFixedYuan, ctx.lang, ctx.unit)}${sep}${t("ui.totals.max", ctx)} ${formatYuan(totals.conservativeMaxYuan, ctx.lang, ctx.unit)}`;
}

/** Why no program applies, in one line: the enterprise is outside Zibo, or the profile lists nothing a program reads. */
export function noneText(e: Evaluation, ctx: RenderContext): string {
  const district = e.results[0]?.conditions.find((c) => c.check === "district");
  if (district?.outcome === "not-met") return t("ui.none.outsideZibo", ctx, { value: String(district.value ?? "") });
  const first = e.results.find((r) => r.reasons.length > 0 && r.items.length > 0) ?? e.results.find((r) => r.reasons.length > 0);
  const why = first?.reasons[0];
  return why && first.items.length > 0 ? t("ui.none.why", ctx, { why: say(why, ctx) }) : t("ui.none", ctx);
}

function factOf(c: ConditionTrace, ctx: RenderContext): string {
  if (c.value !== undefined) return `${c.path} = ${String(c.value)}`;
  if (c.outcome === "unknown") return `${c.path}: ${t("ui.notGiven", ctx)}`;
  return "";
}

export function joinList(xs: readonly string[], ctx: RenderContext): string {
  return xs.join(ctx.lang === "zh" ? "、" : ", ");
}

/** Each condition with its outcome and fact, the amount step by step, the clause and who handles it. */
export function explain(r: ProgramResult, ctx: RenderContext): Explanation {
  const conditions: ExplainCondition[] = [];
  const add = (c: ConditionTrace) => {
    const x: ExplainCondition = { outcome: c.outcome, text: say(c.message, ctx), fact: factOf(c, ctx) };
    if (c.value !== undefined) x.value = String(c.value);
    conditions.push(x);
  };
  for (const c of r.conditions) add(c);
  for (const item of r.items) for (const c of item.conditions) add(c);
  const computation = r.computation.map((m) => say(m, ctx));
  for (const item of r.items) if (item.note) computation.push(say(item.note, ctx));
  // Every other reading that changes the money, with what it pays.
  computation.push(...alternativesText(r, ctx));
  return { conditions, computation, clause: r.program.clause, quote: r.program.quote, departments: [...r.program.departments] };
}

const ITEM_PATH = /^(recognitions|projects|standards)\[(\d+)\](?:\.(.+))?$/;

/** An item in words, as reasons name it: 第2项认定：省级… HC-5000（2024-03-01）. */
function describeItem(item: ProfileItem, ref: string, ctx: RenderContext): string {
  const kind = item.type ?? item.scope;
  const named = item.product ?? item.name ?? item.code;
  return formatters(ctx).item({
    ref,
    ...(kind ? { type: kind } : {}),
    ...(item.level ? { level: item.level } : {}),
    ...(named !== undefined ? { name: String(named) } : {}),
    ...(item.date ? { date: item.date } : {}),
  });
}

/** What a missing profile path asks for, in words. */
export function describeMissing(path: string, profile: Profile | undefined, ctx: RenderContext): string {
  if (path.startsWith("enterprise.")) return labelOf(path.slice("enterprise.".length), ctx);
  const m = ITEM_PATH.exec(path);
  if (!m) return path;
  const list = m[1] as "recognitions" | "projects" | "standards";
  const item = profile?.[list][Number(m[2])];
  const field = m[3] ? labelOf(m[3], ctx) : "";
  const where = item ? describeItem(item, `${list}[${m[2]}]`, ctx) : "";
  if (!where) return field || path;
  return field ? `${field} — ${where}` : where;
}

function row(r: ProgramResult, e: Evaluated, ctx: ReportContext): ReportRow {
  return {
    id: r.program.id,
    title: r.program.title[ctx.lang],
    clause: r.program.clause,
    status: r.status,
    kind: r.amount.kind,
    yuan: r.amount.yuan,
    amount: amountText(r, ctx),
    // Where no amount is shown (not eligible, needs information), another reading's sum is said with the reasons.
    reasons: [...r.reasons.map((m) => say(m, ctx)), ...(r.status === "eligible" ? [] : alternativesText(r, ctx))],
    missing: r.missing.map((path) => ({ path, what: describeMissing(path, e.profile, ctx) })),
    departments: [...r.program.departments],
    explain: explain(r, ctx),
  };
}

const GROUPS: [AmountKind, string][] = [
  ["fixed", "ui.section.fixed"],
  ["up-to", "ui.section.upTo"],
  ["discretionary", "ui.section.discretionary"],
];

export function reportModel(e: Evaluated, ctx: ReportContext): ReportModel {
  const { evaluation, meta } = e;
  const results = evaluation.results;
  const eligible = results.filter((r) => r.status === "eligible");
  const claim: ReportGroup[] = [];
  for (const [kind, key] of GROUPS) {
    const rows = eligible.filter((r) => r.amount.kind === kind).map((r) => row(r, e, ctx));
    if (rows.length > 0) claim.push({ kind, heading: t(key, ctx), rows });
  }
  const needsInfo = results.filter((r) => r.status === "needs-info").map((r) => row(r, e, ctx));
  const ineligibleAll = results.filter((r) => r.status === "ineligible");
  const { fixedYuan, maxYuan } = evaluation.totals;
  const upTo = BigInt(maxYuan) - BigInt(fixedYuan);
  const money = (y: number | bigint) => formatYuan(y, ctx.lang, ctx.unit);
  const enterprise: ReportModel["enterprise"] = { name: meta.name, file: meta.file };
  if (e.profile?.enterprise.credit_code) enterprise.creditCode = e.profile.enterprise.credit_code;
  if (meta.district) enterprise.district = meta.district;
  return {
    lang: ctx.lang,
    enterprise,
    asOf: evaluation.asOf,
    // A client report names the policy by id, version and a 12-character digest (enough to tell versions apart);
    // the full digest and the local file path stay in the JSON document.
    policy: { id: ctx.policy.data.id, version: ctx.policy.data.version, sha256: ctx.policy.sha256.slice(0, 12), title: ctx.policy.data.title[ctx.lang] },
    warnings: evaluation.warnings.map((w) => say(w, ctx)),
    claim,
    needsInfo,
    // Without --all, still the programs another reading would pay.
    ineligible: (ctx.all ? ineligibleAll : ineligibleAll.filter((r) => r.alternatives.length > 0)).map((r) => row(r, e, ctx)),
    ...(e.opportunities ? { opportunities: opportunityRows(e.opportunities, ctx) } : {}),
    totals: {
      fixed: money(fixedYuan),
      upTo: money(upTo),
      max: money(maxYuan),
      hasCeilings: upTo > 0n,
      discretionary: eligible.filter((r) => r.amount.kind === "discretionary").length,
      needsInfo: needsInfo.length,
      ineligible: ineligibleAll.length,
    },
  };
}

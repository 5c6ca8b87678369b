/** Pure renderers of `subsidy policy …`: list, show, validate, diff and test results as text. */
import type { LoadedPolicy, ProgramData } from "../types.js";
import type { Dated } from "../policy/schema.js";
import { isDatedMap } from "../engine/dated.js";
import { formatYuan, labelOf, t, type RenderContext } from "../i18n/index.js";
import type { FieldChange, PolicyDiff, ProfileImpact } from "../policy/diff.js";
import { formatLocated } from "../errors.js";
import { displayWidth, packParts, setAmbiguousWide, wrapText } from "./width.js";

export interface PolicyRenderContext extends RenderContext {
  policy: LoadedPolicy;
}

/** `¥1,000,000`, or every dated value: `¥1,000,000 (2020-07-21) → ¥1,500,000 (2023-01-01)`. */
export function datedText<T>(v: Dated<T>, show: (x: T) => string): string {
  if (!isDatedMap(v)) return show(v);
  return Object.entries(v)
    .map(([d, x]) => `${show(x)} (${d})`)
    .join(" → ");
}

export function amountText(p: ProgramData, ctx: RenderContext): string {
  const a = p.amount;
  const money = (y: number) => formatYuan(y, ctx.lang, ctx.unit);
  const parts: string[] = [];
  if (a.kind === "discretionary") parts.push(t("ui.onMerit", ctx));
  else if (a.yuan !== undefined) parts.push(datedText(a.yuan, money));
  else if (a.rate) parts.push(t("policy.rateOf", ctx, { percent: datedText(a.rate.percent, (x) => `${x}%`), field: labelOf(a.rate.of, ctx) }));
  if (a.kind === "up-to") parts[0] = `${t("ui.upTo", ctx)} ${parts[0] ?? ""}`;
  for (const k of ["item", "year", "total"] as const) {
    const c = a.cap?.[k];
    if (c !== undefined) parts.push(t(`policy.cap.${k}`, ctx, { cap: datedText(c, money) }));
  }
  parts.push(t(`policy.per.${a.per}`, ctx, { by: a.distinct_by ? labelOf(a.distinct_by, ctx) : "" }));
  return parts.join(ctx.lang === "zh" ? "；" : "; ");
}

/** The policy's title, id, version, digest and window; wrapped at its separators when a width is given. */
export function policyHeader(ctx: PolicyRenderContext, width = Infinity): string {
  const d = ctx.policy.data;
  const window = d.effective_until ? `${d.effective_from} – ${d.effective_until}` : `${d.effective_from} –`;
  const labelled = (key: string, value: string) => t("ui.labelled", ctx, { label: t(key, ctx), value });
  const parts = [labelled("ui.policy", `${d.id} ${d.version}`), `sha256 ${ctx.policy.sha256}`, labelled("policy.window", window)];
  if (d.review_after) parts.push(labelled("policy.reviewAfter", d.review_after));
  return `${wrapText(d.title[ctx.lang], width)}\n${packParts(parts, " · ", width)}\n`;
}

/**
 * Rows laid out in columns that fit the width: the narrow columns keep their natural width, the columns
 * named in `wrap` share what is left and wrap inside their cells (words in English, characters in Chinese).
 */
function columns(rows: string[][], width: number, wrap: readonly number[]): string {
  const GAP = 2;
  const natural: number[] = [];
  for (const r of rows) r.forEach((c, i) => (natural[i] = Math.max(natural[i] ?? 0, ...c.split("\n").map(displayWidth))));
  const widths = [...natural];
  const fixed = natural.reduce((sum, w, i) => (wrap.includes(i) ? sum : sum + w), 0) + GAP * (natural.length - 1);
  const wanted = wrap.reduce((sum, i) => sum + (natural[i] ?? 0), 0);
  const room = Math.max(wrap.length * 10, width - fixed);
  if (wanted > room) for (const i of wrap) widths[i] = Math.max(10, Math.floor(((natural[i] ?? 0) / wanted) * room));
  const out: string[] = [];
  for (const r of rows) {
    const cells = r.map((c, i) => (wrap.includes(i) ? wrapText(c, widths[i] ?? 10) : c).split("\n"));
    const height = Math.max(...cells.map((l) => l.length));
    for (let k = 0; k < height; k++) {
      const line = cells.map((l, i) => {
        const text = l[k] ?? "";
        return i === cells.length - 1 ? text : text + " ".repeat(Math.max(0, (widths[i] ?? 0) - displayWidth(text)));
      });
      out.push(line.join(" ".repeat(GAP)).trimEnd());
    }
  }
  return out.join("\n");
}

export function renderPolicyList(ctx: PolicyRenderContext & { width?: number }): string {
  setAmbiguousWide(ctx.lang === "zh");
  const width = Math.max(60, ctx.width ?? 100);
  const rows = [[`${t("ui.program", ctx)}\n${t("policy.col.id", ctx)}`, t("ui.clause", ctx), t("policy.col.kind", ctx), t("ui.amount", ctx)]];
  for (const p of ctx.policy.data.programs) {
    const window = p.ends ? ` [${t("policy.endsOn", ctx, { date: p.ends })}]` : p.starts ? ` [${t("policy.startsOn", ctx, { date: p.starts })}]` : "";
    rows.push([`${p.title[ctx.lang]}${window}\n${p.id}`, p.clause, t(`ui.kind.${p.amount.kind}`, ctx), amountText(p, ctx)]);
  }
  return `${policyHeader(ctx, width)}\n${columns(rows, width, [0, 3])}\n`;
}

export function renderPolicyShow(p: ProgramData, ctx: PolicyRenderContext): string {
  const d = ctx.policy.data;
  const L = (key: string) => t(key, ctx);
  const list = (ids: readonly string[]) => ids.map((x) => labelOf(x, ctx)).join(ctx.lang === "zh" ? "、" : ", ");
  const out: string[] = [];
  out.push(`${p.title[ctx.lang]} (${p.id})`);
  out.push(`${L("ui.clause")}: ${p.clause}`);
  out.push(`${L("policy.quote")}: ${p.quote}`);
  out.push(`${L("ui.explain.departments")}: ${p.departments.join(ctx.lang === "zh" ? "、" : ", ")}`);
  out.push(`${L("policy.window")}: ${p.starts ?? d.effective_from} – ${p.ends ?? ""}`);
  out.push("");
  out.push(L("policy.rule"));
  out.push(`  ${L("policy.items")}: ${labelOf(p.items.list, ctx)} — ${list(p.items.types)}`);
  if (p.items.levels) out.push(`  ${L("policy.levels")}: ${list(p.items.levels)}`);
  if (p.items.newly) out.push(`  ${t("policy.newly", ctx, { date: p.starts ?? d.effective_from })}`);
  if (p.items.needs_date) out.push(`  ${L("policy.needsDate")}`);
  if (p.items.requires.length > 0) out.push(`  ${L("policy.requires")}: ${list(p.items.requires)}`);
  if (p.enterprise?.ownership) out.push(`  ${L("policy.ownership")}: ${list(p.enterprise.ownership)}`);
  if (p.enterprise?.military_civil) out.push(`  ${L("policy.militaryCivil")}`);
  out.push(`  ${L("ui.amount")} (${t(`ui.kind.${p.amount.kind}`, ctx)}): ${amountText(p, ctx)}`);
  const dated: [string, Dated<number> | undefined, (x: number) => string][] = [
    ["amount.yuan", p.amount.yuan, (x) => formatYuan(x, ctx.lang, ctx.unit)],
    ["amount.rate.percent", p.amount.rate?.percent, (x) => `${x}%`],
    ["amount.cap.item", p.amount.cap?.item, (x) => formatYuan(x, ctx.lang, ctx.unit)],
    ["amount.cap.year", p.amount.cap?.year, (x) => formatYuan(x, ctx.lang, ctx.unit)],
    ["amount.cap.total", p.amount.cap?.total, (x) => formatYuan(x, ctx.lang, ctx.unit)],
  ];
  const withDates = dated.filter(([, v]) => v !== undefined && isDatedMap(v));
  if (withDates.length > 0) {
    out.push("");
    out.push(L("policy.datedValues"));
    for (const [field, v, show] of withDates) {
      for (const [date, x] of Object.entries(v as Record<string, number>)) out.push(`  ${field}  ${t("policy.fromDate", ctx, { date })}: ${show(x)}`);
    }
  }
  if (p.notes.length > 0) {
    out.push("");
    out.push(L("policy.notes"));
    for (const n of p.notes) out.push(`  - ${n[ctx.lang]}`);
  }
  // The other readings of the clause that the engine computes beside the adopted one (issue 16).
  if (p.amount.identity) out.push("", `${L("policy.identity")}: ${p.amount.identity.join(", ")}`);
  const readings = (d.readings ?? []).filter((r) => r.programs.includes(p.id));
  if (readings.length > 0) {
    out.push("", L("policy.readings"));
    for (const r of readings) out.push(`  - ${r.id} (${r.clause}): ${r.note[ctx.lang]}`, `    ${t("policy.readings.adopted", ctx, { text: r.adopted[ctx.lang] })}`);
  }
  return out.join("\n") + "\n";
}

export interface LocatedLint {
  severity: "error" | "warning";
  file: string;
  line?: number;
  path?: string;
  message: string;
}

export function renderValidation(problems: readonly LocatedLint[], file: string, ctx: RenderContext): string {
  const out = problems.map((p) => formatLocated(t(`policy.severity.${p.severity}`, ctx, { message: p.message }), { file: p.file, ...(p.line !== undefined ? { line: p.line } : {}), ...(p.path !== undefined ? { path: p.path } : {}) }));
  const errors = problems.filter((p) => p.severity === "error").length;
  const warnings = problems.length - errors;
  out.push(t(errors > 0 ? "policy.validate.invalid" : "policy.validate.valid", ctx, { file, errors, warnings }));
  return out.join("\n") + "\n";
}

function valueText(v: unknown): string {
  if (v === undefined) return "—";
  if (Array.isArray(v)) return `[${v.map(valueText).join(", ")}]`;
  if (typeof v === "object" && v !== null) {
    return `{${Object.entries(v)
      .map(([k, x]) => `${k}: ${valueText(x)}`)
      .join(", ")}}`;
  }
  return String(v);
}

function changeLine(c: FieldChange): string {
  return `    ${c.field}: ${valueText(c.before)} → ${valueText(c.after)}`;
}

function signed(n: number, ctx: RenderContext): string {
  const s = formatYuan(Math.abs(n), ctx.lang, ctx.unit);
  return n > 0 ? `+${s}` : n < 0 ? `-${s}` : s;
}

export interface DiffRenderInput {
  oldPolicy: LoadedPolicy;
  newPolicy: LoadedPolicy;
  diff: PolicyDiff;
  /** With --profiles: the profiles whose results change, the number evaluated, the files that could not be read. */
  impacts?: { asOf: string; evaluated: number; changed: ProfileImpact[]; errors: string[] };
}

export function renderPolicyDiff(x: DiffRenderInput, ctx: RenderContext): string {
  const ref = (p: LoadedPolicy) => `${p.data.id} ${p.data.version} (sha256 ${p.sha256.slice(0, 12)})`;
  const out: string[] = [`${t("policy.diff.head", ctx, { old: ref(x.oldPolicy), new: ref(x.newPolicy) })}`, ""];
  const { diff } = x;
  if (diff.policy.length > 0) {
    out.push(t("policy.diff.policyFields", ctx));
    for (const c of diff.policy) out.push(changeLine(c));
    out.push("");
  }
  if (diff.added.length + diff.removed.length + diff.changed.length === 0) out.push(t("policy.diff.noProgramChange", ctx));
  for (const p of diff.added) out.push(`+ ${p.id}  ${p.title[ctx.lang]} (${p.clause}) — ${t("policy.diff.added", ctx)}: ${amountText(p, ctx)}`);
  for (const p of diff.removed) out.push(`- ${p.id}  ${p.title[ctx.lang]} (${p.clause}) — ${t("policy.diff.removed", ctx)}`);
  for (const c of diff.changed) {
    const title = x.newPolicy.index.programs.get(c.id)?.title[ctx.lang] ?? "";
    out.push(`~ ${c.id}  ${title}`);
    for (const f of c.changes) out.push(changeLine(f));
  }
  if (x.impacts) {
    const im = x.impacts;
    out.push("", t("policy.diff.impactHead", ctx, { asOf: im.asOf, evaluated: im.evaluated, changed: im.changed.length }));
    for (const e of im.errors) out.push(`  ${e}`);
    for (const p of im.changed) {
      out.push(`  ${p.name} (${p.file})`);
      out.push(`    ${t("ui.totals.fixed", ctx)}: ${formatYuan(p.fixed.before, ctx.lang, ctx.unit)} → ${formatYuan(p.fixed.after, ctx.lang, ctx.unit)} (${signed(p.fixed.delta, ctx)})`);
      out.push(`    ${t("ui.totals.max", ctx)}: ${formatYuan(p.max.before, ctx.lang, ctx.unit)} → ${formatYuan(p.max.after, ctx.lang, ctx.unit)} (${signed(p.max.delta, ctx)})`);
      for (const q of p.programs) {
        const side = (s: { status: string; yuan: number | null }) =>
          s.status === "absent" ? t("policy.diff.absent", ctx) : `${t(`ui.status.${s.status}`, ctx)} ${s.yuan === null ? t("ui.onMerit", ctx) : formatYuan(s.yuan, ctx.lang, ctx.unit)}`;
        out.push(`    ${q.id}: ${side(q.before)} → ${side(q.after)} (${signed(q.delta, ctx)})`);
      }
    }
  }
  return out.join("\n") + "\n";
}

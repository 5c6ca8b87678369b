/** The client report as Markdown: the report model laid out for a letter or a wiki page. */
import { t, type RenderContext } from "../i18n/index.js";
import { mdCell, mdCode, mdText } from "./cells.js";
import type { Evaluated } from "./document.js";
import { joinList, reportModel, type ReportContext, type ReportModel, type ReportRow } from "./report.js";

const MARK = { met: "✓", "not-met": "✗", unknown: "?" } as const;

/** Text outside tables: characters Markdown would read as markup are escaped (see mdText). */
const md = mdText;

function table(head: string[], rows: (string | number)[][]): string[] {
  const out = [`| ${head.map(mdCell).join(" | ")} |`, `|${head.map(() => "---").join("|")}|`];
  for (const r of rows) out.push(`| ${r.map(mdCell).join(" | ")} |`);
  return out;
}

function details(r: ReportRow, ctx: ReportContext): string[] {
  const out: string[] = [`### ${md(r.title)} (${md(r.id)})`, ""];
  for (const reason of r.reasons) out.push(`- ${md(reason)}`);
  for (const m of r.missing) out.push(`- ${t("report.provide", ctx)}: ${md(m.what)} (${mdCode(m.path)})`);
  out.push("");
  if (ctx.explain && r.explain.conditions.length > 0) {
    out.push(`**${t("ui.explain.conditions", ctx)}**`, "");
    for (const c of r.explain.conditions) out.push(`- ${MARK[c.outcome]} ${t(`ui.outcome.${c.outcome}`, ctx)}: ${md(c.text)}${c.fact ? ` — ${mdCode(c.fact)}` : ""}`);
    out.push("");
  }
  if (r.explain.computation.length > 0 && r.status === "eligible") {
    out.push(`**${t("ui.explain.computation", ctx)}**`, "");
    for (const c of r.explain.computation) out.push(`- ${md(c)}`);
    out.push("");
  }
  out.push(`**${t("ui.explain.clause", ctx)} ${md(r.clause)}**`, "", `> ${md(r.explain.quote)}`, "");
  out.push(`**${t("ui.explain.departments", ctx)}**: ${md(joinList(r.departments, ctx))}`, "");
  return out;
}

export function modelToMarkdown(m: ReportModel, ctx: ReportContext): string {
  const out: string[] = [];
  out.push(`# ${t("report.title", ctx)}: ${md(m.enterprise.name)}`, "", `*${md(m.policy.title)}*`, "");
  const facts: [string, string][] = [[t("report.enterprise", ctx), m.enterprise.name]];
  if (m.enterprise.creditCode) facts.push([t("report.creditCode", ctx), m.enterprise.creditCode]);
  if (m.enterprise.district) facts.push([t("ui.district", ctx), m.enterprise.district]);
  facts.push(
    [t("ui.asOf", ctx), m.asOf],
    [t("ui.policy", ctx), `${m.policy.id} ${m.policy.version}`],
    [t("report.sha256", ctx), m.policy.sha256],
    [t("report.profileFile", ctx), m.enterprise.file],
  );
  out.push(...table(["", ""], facts), "");
  for (const w of m.warnings) out.push(`> **${md(w)}**`, "");

  out.push(`## ${t("report.toClaim", ctx)}`, "");
  if (m.claim.length === 0) out.push(t("report.toClaim.none", ctx), "");
  for (const g of m.claim) {
    out.push(`### ${md(g.heading)}`, "");
    out.push(
      ...table(
        [t("ui.program", ctx), t("ui.clause", ctx), t("ui.amount", ctx), t("ui.explain.departments", ctx)],
        g.rows.map((r) => [`${r.title}\n${r.id}`, r.clause, r.amount, joinList(r.departments, ctx)]),
      ),
      "",
    );
  }
  if (m.needsInfo.length > 0) {
    out.push(`## ${t("ui.section.needsInfo", ctx)}`, "", t("report.needsInfo.intro", ctx), "");
    out.push(
      ...table(
        [t("ui.program", ctx), t("ui.clause", ctx), t("report.provide", ctx)],
        m.needsInfo.map((r) => [`${r.title}\n${r.id}`, r.clause, r.missing.map((x) => `${x.what} (${x.path})`).join("\n")]),
      ),
      "",
    );
  }
  if (m.ineligible.length > 0) {
    out.push(`## ${t("report.ineligible", ctx)}`, "");
    out.push(...table([t("ui.program", ctx), t("ui.clause", ctx), t("ui.why", ctx)], m.ineligible.map((r) => [`${r.title}\n${r.id}`, r.clause, r.reasons.join("\n")])), "");
  }

  out.push(`## ${t("report.totals", ctx)}`, "");
  const totals: [string, string | number][] = [
    [t("report.totals.fixed", ctx), m.totals.fixed],
    [t("report.totals.upTo", ctx), m.totals.upTo],
    [t("report.totals.max", ctx), m.totals.max],
    [t("report.totals.discretionary", ctx), m.totals.discretionary],
    [t("report.totals.needsInfo", ctx), m.totals.needsInfo],
  ];
  out.push(...table(["", ""], totals), "", `> ${md(t("report.notice", ctx))}`, "");

  if (m.opportunities) {
    out.push(`## ${t("ui.section.opportunities", ctx)}`, "");
    if (m.opportunities.length === 0) out.push(t("ui.opp.none", ctx), "");
    else out.push(...table([t("ui.program", ctx), t("ui.clause", ctx), t("ui.amount", ctx), t("ui.opp.change", ctx)], m.opportunities.map((o) => [`${o.title}\n${o.program}`, o.clause, o.amount, o.change])), "");
  }

  const all = [...m.claim.flatMap((g) => g.rows), ...m.needsInfo, ...m.ineligible];
  if (all.length > 0) {
    out.push(`## ${t("report.details", ctx)}`, "");
    for (const r of all) out.push(...details(r, ctx));
  }
  out.push("---", "", `*${md(t("report.footer", ctx, { id: m.policy.id, version: m.policy.version, sha256: m.policy.sha256, asOf: m.asOf }))}*`, "");
  return out.join("\n");
}

export function renderMarkdown(profiles: Evaluated[], ctx: ReportContext & RenderContext): string {
  return profiles.map((e) => modelToMarkdown(reportModel(e, ctx), ctx)).join("\n");
}

/**
 * The client report as one self-contained HTML file: inline CSS, no scripts, no remote assets.
 * It reads on screen and prints to A4 from a browser. Every value is escaped.
 */
import { visibleLines } from "../text/visible.js";
import { t } from "../i18n/index.js";
import type { Evaluated } from "./document.js";
import { joinList, reportModel, type ReportContext, type ReportModel, type ReportRow } from "./report.js";

export function esc(s: string | number): string {
  // Control characters (ESC, BEL, bidi overrides) shown escaped; line breaks are laid out by the caller.
  return visibleLines(String(s)).replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c);
}

const CSS = `
:root { --ink: #1a1a1a; --muted: #5b5b5b; --line: #c9ced6; --head: #eef1f5; --ok: #1b6e3a; --warn: #8a5a00; --no: #9b1c1c; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0 auto; max-width: 60rem; padding: 2rem 1.5rem; color: var(--ink); background: #fff;
  font: 15px/1.6 -apple-system, BlinkMacSystemFont, "Segoe UI", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei",
  "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", "Helvetica Neue", Arial, sans-serif; }
h1 { font-size: 1.5rem; margin: 0 0 .25rem; }
h2 { font-size: 1.2rem; margin: 2rem 0 .6rem; padding-bottom: .2rem; border-bottom: 2px solid var(--ink); }
h3 { font-size: 1.05rem; margin: 1.4rem 0 .4rem; }
p.subtitle { margin: 0 0 1rem; color: var(--muted); }
table { width: 100%; border-collapse: collapse; margin: .4rem 0 1rem; }
th, td { border: 1px solid var(--line); padding: .35rem .5rem; vertical-align: top; text-align: left; }
thead th { background: var(--head); }
th[scope=row] { background: var(--head); width: 30%; font-weight: 600; }
td.num, th.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
td.clause { white-space: nowrap; }
.id, code { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: .85em; color: var(--muted); }
.hash { word-break: break-all; }
body, h1, h2, h3, p, li, th, td, blockquote, code, .id { overflow-wrap: anywhere; word-break: break-word; }
.warning { border-left: 4px solid var(--warn); background: #fff7e6; padding: .5rem .75rem; margin: .5rem 0; }
.notice { border-left: 4px solid var(--line); background: #f6f7f9; padding: .5rem .75rem; }
blockquote { margin: .4rem 0; padding: .4rem .75rem; border-left: 4px solid var(--line); background: #fafafa; }
ul { margin: .3rem 0 .6rem; padding-left: 1.3rem; }
.met { color: var(--ok); } .not-met { color: var(--no); } .unknown { color: var(--warn); }
.program { break-inside: avoid; page-break-inside: avoid; }
footer { margin-top: 2rem; padding-top: .5rem; border-top: 1px solid var(--line); color: var(--muted); font-size: .85rem; }
section.report + section.report { break-before: page; page-break-before: always; }
@page { size: A4; margin: 15mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 10.5pt; }
  table { width: 100%; max-width: 100%; }
  h2 { break-after: avoid; page-break-after: avoid; }
  tr, blockquote, .warning { break-inside: avoid; page-break-inside: avoid; }
  thead { display: table-header-group; }
  a { color: inherit; text-decoration: none; }
}
`;

const MARK = { met: "✓", "not-met": "✗", unknown: "?" } as const;

function programCell(r: ReportRow): string {
  return `${esc(r.title)}<br><span class="id">${esc(r.id)}</span>`;
}

function list(items: string[]): string {
  return items.length === 0 ? "" : `<ul>${items.map((i) => `<li>${i}</li>`).join("")}</ul>`;
}

function details(r: ReportRow, ctx: ReportContext): string {
  const out: string[] = [`<article class="program"><h3>${esc(r.title)} <span class="id">${esc(r.id)}</span></h3>`];
  out.push(list([...r.reasons.map(esc), ...r.missing.map((m) => `${esc(t("report.provide", ctx))}: ${esc(m.what)} <code>${esc(m.path)}</code>`)]));
  if (ctx.explain && r.explain.conditions.length > 0) {
    out.push(`<table><caption class="id">${esc(t("ui.explain.conditions", ctx))}</caption><tbody>`);
    for (const c of r.explain.conditions) {
      out.push(
        `<tr><td class="${c.outcome}">${MARK[c.outcome]} ${esc(t(`ui.outcome.${c.outcome}`, ctx))}</td><td>${esc(c.text)}</td><td>${c.fact ? `<code>${esc(c.fact)}</code>` : ""}</td></tr>`,
      );
    }
    out.push(`</tbody></table>`);
  }
  if (r.explain.computation.length > 0 && r.status === "eligible") {
    out.push(`<p><strong>${esc(t("ui.explain.computation", ctx))}</strong></p>`, list(r.explain.computation.map(esc)));
  }
  out.push(`<p><strong>${esc(t("ui.explain.clause", ctx))} ${esc(r.clause)}</strong></p><blockquote lang="zh">${esc(r.explain.quote)}</blockquote>`);
  out.push(`<p><strong>${esc(t("ui.explain.departments", ctx))}</strong>: ${esc(joinList(r.departments, ctx))}</p></article>`);
  return out.join("\n");
}

function kv(rows: [string, string, string?][]): string {
  return `<table><tbody>${rows.map(([k, v, cls]) => `<tr><th scope="row">${esc(k)}</th><td${cls ? ` class="${cls}"` : ""}>${v}</td></tr>`).join("")}</tbody></table>`;
}

export function modelToHtml(m: ReportModel, ctx: ReportContext): string {
  const out: string[] = [`<section class="report">`, `<header><h1>${esc(t("report.title", ctx))}: ${esc(m.enterprise.name)}</h1>`, `<p class="subtitle">${esc(m.policy.title)}</p>`];
  const facts: [string, string, string?][] = [[t("report.enterprise", ctx), esc(m.enterprise.name)]];
  if (m.enterprise.creditCode) facts.push([t("report.creditCode", ctx), esc(m.enterprise.creditCode)]);
  if (m.enterprise.district) facts.push([t("ui.district", ctx), esc(m.enterprise.district)]);
  facts.push(
    [t("ui.asOf", ctx), esc(m.asOf)],
    [t("ui.policy", ctx), `${esc(m.policy.id)} ${esc(m.policy.version)}`],
    [t("report.sha256", ctx), `<code>${esc(m.policy.sha256)}</code>`, "hash"],
    [t("report.profileFile", ctx), `<code>${esc(m.enterprise.file)}</code>`],
  );
  out.push(kv(facts), `</header>`);
  for (const w of m.warnings) out.push(`<p class="warning" role="note"><strong>${esc(w)}</strong></p>`);

  out.push(`<h2>${esc(t("report.toClaim", ctx))}</h2>`);
  if (m.claim.length === 0) out.push(`<p>${esc(t("report.toClaim.none", ctx))}</p>`);
  for (const g of m.claim) {
    out.push(`<h3>${esc(g.heading)}</h3>`, `<table><thead><tr><th>${esc(t("ui.program", ctx))}</th><th>${esc(t("ui.clause", ctx))}</th><th class="num">${esc(t("ui.amount", ctx))}</th><th>${esc(t("ui.explain.departments", ctx))}</th></tr></thead><tbody>`);
    for (const r of g.rows) out.push(`<tr><td>${programCell(r)}</td><td class="clause">${esc(r.clause)}</td><td class="num">${esc(r.amount)}</td><td>${esc(joinList(r.departments, ctx))}</td></tr>`);
    out.push(`</tbody></table>`);
  }
  if (m.needsInfo.length > 0) {
    out.push(`<h2>${esc(t("ui.section.needsInfo", ctx))}</h2>`, `<p>${esc(t("report.needsInfo.intro", ctx))}</p>`);
    out.push(`<table><thead><tr><th>${esc(t("ui.program", ctx))}</th><th>${esc(t("ui.clause", ctx))}</th><th>${esc(t("report.provide", ctx))}</th></tr></thead><tbody>`);
    for (const r of m.needsInfo) out.push(`<tr><td>${programCell(r)}</td><td class="clause">${esc(r.clause)}</td><td>${list(r.missing.map((x) => `${esc(x.what)} <code>${esc(x.path)}</code>`))}</td></tr>`);
    out.push(`</tbody></table>`);
  }
  if (m.ineligible.length > 0) {
    out.push(`<h2>${esc(t("report.ineligible", ctx))}</h2>`);
    out.push(`<table><thead><tr><th>${esc(t("ui.program", ctx))}</th><th>${esc(t("ui.clause", ctx))}</th><th>${esc(t("ui.why", ctx))}</th></tr></thead><tbody>`);
    for (const r of m.ineligible) out.push(`<tr><td>${programCell(r)}</td><td class="clause">${esc(r.clause)}</td><td>${r.reasons.map(esc).join("<br>")}</td></tr>`);
    out.push(`</tbody></table>`);
  }

  out.push(`<h2>${esc(t("report.totals", ctx))}</h2>`);
  out.push(
    kv([
      [t("report.totals.fixed", ctx), esc(m.totals.fixed), "num"],
      [t("report.totals.upTo", ctx), esc(m.totals.upTo), "num"],
      [t("report.totals.max", ctx), esc(m.totals.max), "num"],
      [t("report.totals.discretionary", ctx), esc(m.totals.discretionary), "num"],
      [t("report.totals.needsInfo", ctx), esc(m.totals.needsInfo), "num"],
    ]),
  );
  out.push(`<p class="notice">${esc(t("report.notice", ctx))}</p>`);

  if (m.opportunities) {
    out.push(`<h2>${esc(t("ui.section.opportunities", ctx))}</h2>`);
    if (m.opportunities.length === 0) out.push(`<p>${esc(t("ui.opp.none", ctx))}</p>`);
    else {
      out.push(`<table><thead><tr><th>${esc(t("ui.program", ctx))}</th><th>${esc(t("ui.clause", ctx))}</th><th class="num">${esc(t("ui.amount", ctx))}</th><th>${esc(t("ui.opp.change", ctx))}</th></tr></thead><tbody>`);
      for (const o of m.opportunities) out.push(`<tr><td>${esc(o.title)}<br><small>${esc(o.program)}</small></td><td class="clause">${esc(o.clause)}</td><td class="num">${esc(o.amount)}</td><td>${esc(o.change)}</td></tr>`);
      out.push(`</tbody></table>`);
    }
  }

  const all = [...m.claim.flatMap((g) => g.rows), ...m.needsInfo, ...m.ineligible];
  if (all.length > 0) {
    out.push(`<h2>${esc(t("report.details", ctx))}</h2>`);
    for (const r of all) out.push(details(r, ctx));
  }
  out.push(`<footer>${esc(t("report.footer", ctx, { id: m.policy.id, version: m.policy.version, sha256: m.policy.sha256, asOf: m.asOf }))}</footer>`, `</section>`);
  return out.join("\n");
}

export function renderHtml(profiles: Evaluated[], ctx: ReportContext): string {
  const models = profiles.map((e) => reportModel(e, ctx));
  const title = models.length === 1 && models[0] ? `${t("report.title", ctx)} — ${models[0].enterprise.name}` : t("report.title", ctx);
  return [
    "<!DOCTYPE html>",
    `<html lang="${ctx.lang === "zh" ? "zh-CN" : "en"}">`,
    "<head>",
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    `<title>${esc(title)}</title>`,
    `<style>${CSS}</style>`,
    "</head>",
    "<body>",
    ...models.map((m) => modelToHtml(m, ctx)),
    "</body>",
    "</html>",
    "",
  ].join("\n");
}

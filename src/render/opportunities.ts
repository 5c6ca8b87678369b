/** Opportunities as every output shows them: the JSON entries, and rows for the table and the reports. */
import type { AmountKind } from "../types.js";
import type { Opportunity } from "../engine/opportunities.js";
import { formatYuan, say, t, type RenderContext } from "../i18n/index.js";

/** The check document's `opportunities` entry (spec/output.md). */
export interface OpportunityDoc {
  program: string;
  kind: AmountKind;
  yuan: number | null;
  change: string;
}

export interface OpportunityRow extends OpportunityDoc {
  title: string;
  clause: string;
  /** The sum as shown: ¥1,000,000, up to ¥5,000,000, a share, on merit. */
  amount: string;
}

export function opportunityDocs(opps: readonly Opportunity[], ctx: RenderContext): OpportunityDoc[] {
  return opps.map((o) => ({ program: o.program.id, kind: o.kind, yuan: o.yuan, change: say(o.change, ctx) }));
}

/** An amount in words: ¥1,000,000, up to ¥5,000,000, on merit, or a share (a sum that cannot be named). */
export function opportunityAmount(kind: AmountKind, yuan: number | null, ctx: RenderContext): string {
  if (yuan === null) return t(kind === "discretionary" ? "ui.onMerit" : "ui.opp.share", ctx);
  const money = formatYuan(yuan, ctx.lang, ctx.unit);
  return kind === "up-to" ? `${t("ui.upTo", ctx)} ${money}` : money;
}

export function opportunityRows(opps: readonly Opportunity[], ctx: RenderContext): OpportunityRow[] {
  return opps.map((o) => ({
    program: o.program.id,
    title: o.program.title[ctx.lang],
    clause: o.program.clause,
    kind: o.kind,
    yuan: o.yuan,
    amount: opportunityAmount(o.kind, o.yuan, ctx),
    // The clause has its own column: the sentence without it.
    change: say({ key: o.change.key, ...(o.change.params ? { params: o.change.params } : {}) }, ctx),
  }));
}

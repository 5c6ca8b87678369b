/** The machine-readable check document of spec/output.md, built from an evaluation. */
import type { Evaluation, LoadedPolicy, Message, Profile, ProgramResult } from "../types.js";
import { say, type RenderContext } from "../i18n/index.js";
import { policyWarnings } from "../engine/evaluate.js";
import type { Opportunity } from "../engine/opportunities.js";
import { opportunityDocs, type OpportunityDoc } from "./opportunities.js";

export interface ProfileMeta {
  file: string;
  name: string;
  district?: string;
}

/** What a report says about the enterprise beside its results: the file, its name, and its district (Zibo's canonical name where it is one). */
export function profileMeta(file: string, profile: Profile): ProfileMeta {
  const district = profile.enterprise.zibo_district ?? profile.enterprise.district;
  return { file, name: profile.enterprise.name, ...(district ? { district } : {}) };
}

export interface CheckResultDoc {
  program: string;
  title: string;
  clause: string;
  status: ProgramResult["status"];
  amount: { kind: ProgramResult["amount"]["kind"]; yuan: number | null };
  items: { ref: string; yuan: number; note: string }[];
  reasons: string[];
  missing: string[];
  /** The amount under each other reading that changes the money (issue 16; empty when none). */
  alternatives: { reading: string; yuan: number; note: string }[];
}

export interface CheckDocument {
  policy: { id: string; version: string; sha256: string };
  asOf: string;
  /** The policy's window on the as-of date (not yet in force, ended, to be confirmed); empty when nothing to say. */
  warnings: string[];
  profile: { file: string; name: string };
  results: CheckResultDoc[];
  totals: { fixedYuan: number; maxYuan: number; conservativeFixedYuan: number; conservativeMaxYuan: number };
  /** What else the enterprise could obtain, largest sum first (when they were looked for). */
  opportunities?: OpportunityDoc[];
}

export interface Evaluated {
  meta: ProfileMeta;
  evaluation: Evaluation;
  /** The profile as loaded, when the caller has it: reports describe the items a missing fact belongs to. */
  profile?: Profile;
  /** What else the enterprise could obtain (findOpportunities), when the caller looked. */
  opportunities?: Opportunity[];
}

export function policyRef(policy: LoadedPolicy): CheckDocument["policy"] {
  return { id: policy.data.id, version: policy.data.version, sha256: policy.sha256 };
}

/** What an item's line says: its own note, how its sum was computed, else the condition that decided it. */
export function itemNote(item: ProgramResult["items"][number]): Message | undefined {
  if (item.note) return item.note;
  const decisive = item.conditions.find((c) => c.outcome === "not-met") ?? item.conditions.find((c) => c.outcome === "unknown");
  return decisive?.message ?? item.conditions[item.conditions.length - 1]?.message;
}

export function resultDoc(r: ProgramResult, ctx: RenderContext): CheckResultDoc {
  return {
    program: r.program.id,
    title: r.program.title[ctx.lang],
    clause: r.program.clause,
    status: r.status,
    amount: { kind: r.amount.kind, yuan: r.amount.yuan },
    items: r.items.map((i) => {
      const steps = i.outcome === "met" && !i.note ? r.computation.filter((m) => m.params?.ref === i.ref) : [];
      if (steps.length > 0) return { ref: i.ref, yuan: i.yuan, note: steps.map((m) => say(m, ctx)).join("; ") };
      const note = itemNote(i);
      return { ref: i.ref, yuan: i.yuan, note: note ? say(note, ctx) : "" };
    }),
    reasons: reasonsText(r, ctx),
    missing: [...r.missing],
    alternatives: r.alternatives.map((a) => ({ reading: a.reading, yuan: a.yuan, note: say(a.note, ctx) })),
  };
}

/** A result's reasons as the check document gives them. */
export function reasonsText(r: ProgramResult, ctx: RenderContext): string[] {
  return r.reasons.map((m) => say(m, ctx));
}

/**
 * What every report must carry so it can be reproduced: the policy's id, version and sha256, the
 * evaluation date, and the policy-window warnings for that date (not yet in force, a program ended,
 * confirm still in force), rendered. The same for every profile of a run, so a batch or a report
 * with many profiles can print it once at the top. Every renderer (table, JSON, CSV, Markdown,
 * HTML…) shows all three; see docs/policy.md "For renderer authors".
 */
export function provenance(policy: LoadedPolicy, asOf: string, ctx: RenderContext): Pick<CheckDocument, "policy" | "asOf" | "warnings"> {
  return { policy: policyRef(policy), asOf, warnings: policyWarnings(policy, asOf).map((m) => say(m, ctx)) };
}

export function checkDocument(e: Evaluated, ctx: RenderContext & { policy: LoadedPolicy }): CheckDocument {
  return {
    policy: policyRef(ctx.policy),
    asOf: e.evaluation.asOf,
    warnings: e.evaluation.warnings.map((m) => say(m, ctx)),
    profile: { file: e.meta.file, name: e.meta.name },
    results: e.evaluation.results.map((r) => resultDoc(r, ctx)),
    totals: { ...e.evaluation.totals },
    ...(e.opportunities ? { opportunities: opportunityDocs(e.opportunities, ctx) } : {}),
  };
}

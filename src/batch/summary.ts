/**
 * The batch totals, gathered one outcome at a time: memory is bounded by the policy's programs and
 * the number of files with errors, never by the number of profiles. Sums are bigint (exact yuan).
 */
import type { AmountKind, LoadedPolicy } from "../types.js";
import type { Lang } from "../types.js";
import type { Outcome, ProfileFailed } from "./evaluate-one.js";

export interface ProgramTotals {
  program: string;
  title: string;
  clause: string;
  kind: AmountKind;
  /** Enterprises eligible for the program. */
  eligible: number;
  /** Enterprises whose answer turns on facts their profile lacks. */
  needsInfo: number;
  /** Sum over eligible enterprises of fixed amounts (kind fixed) and ceilings (kind up-to). */
  fixedYuan: bigint;
  upToYuan: bigint;
}

/** Per program: how many enterprises are one step from it, and the sum at stake (where one can be named). */
export interface OpportunityTotals {
  program: string;
  title: string;
  clause: string;
  kind: AmountKind;
  enterprises: number;
  yuan: bigint;
  /** Enterprises whose sum cannot be named (a share of a base not known, or on merit). */
  withoutSum: number;
}

export interface BatchSummary {
  files: number;
  evaluated: number;
  errors: ProfileFailed[];
  fixedYuan: bigint;
  maxYuan: bigint;
  /** The sums with every program of every enterprise at its lowest reading (issue 16). */
  conservativeFixedYuan: bigint;
  conservativeMaxYuan: bigint;
  programs: ProgramTotals[];
  /** In the policy's order; undefined when the run did not look for opportunities. */
  opportunities?: OpportunityTotals[];
}

export class SummaryBuilder {
  private readonly s: BatchSummary;
  private readonly byId = new Map<string, ProgramTotals>();

  private readonly oppById = new Map<string, OpportunityTotals>();

  constructor(policy: LoadedPolicy, lang: Lang, opportunities = false) {
    this.s = { files: 0, evaluated: 0, errors: [], fixedYuan: 0n, maxYuan: 0n, conservativeFixedYuan: 0n, conservativeMaxYuan: 0n, programs: [] };
    if (opportunities) this.s.opportunities = [];
    for (const p of policy.data.programs) {
      const t: ProgramTotals = { program: p.id, title: p.title[lang], clause: p.clause, kind: p.amount.kind, eligible: 0, needsInfo: 0, fixedYuan: 0n, upToYuan: 0n };
      this.s.programs.push(t);
      this.byId.set(p.id, t);
      if (this.s.opportunities) {
        const o: OpportunityTotals = { program: p.id, title: p.title[lang], clause: p.clause, kind: p.amount.kind, enterprises: 0, yuan: 0n, withoutSum: 0 };
        this.s.opportunities.push(o);
        this.oppById.set(p.id, o);
      }
    }
  }

  add(o: Outcome): void {
    this.s.files++;
    if (!o.ok) {
      this.s.errors.push(o);
      return;
    }
    this.s.evaluated++;
    this.s.fixedYuan += BigInt(o.fixedYuan);
    this.s.maxYuan += BigInt(o.maxYuan);
    this.s.conservativeFixedYuan += BigInt(o.conservativeFixedYuan);
    this.s.conservativeMaxYuan += BigInt(o.conservativeMaxYuan);
    for (const x of o.opportunities ?? []) {
      const t = this.oppById.get(x.program);
      if (!t) continue;
      t.enterprises++;
      if (x.yuan !== null) t.yuan += BigInt(x.yuan);
      else t.withoutSum++;
    }
    for (const line of o.programs) {
      const t = this.byId.get(line.program);
      if (!t) continue;
      if (line.status === "needs-info") {
        t.needsInfo++;
        continue;
      }
      t.eligible++;
      if (line.kind === "fixed") t.fixedYuan += BigInt(line.yuan ?? 0);
      else if (line.kind === "up-to") t.upToYuan += BigInt(line.yuan ?? 0);
    }
  }

  get summary(): BatchSummary {
    return this.s;
  }
}

/** A whole-yuan sum for JSON: a number while exact, else a string of digits. */
export function yuanJson(v: bigint): number | string {
  const n = Number(v);
  return Number.isSafeInteger(n) ? n : v.toString();
}

/** The programs some enterprise is one step from, largest sum at stake first (then most enterprises). */
export function opportunityRanking(s: BatchSummary): OpportunityTotals[] {
  return (s.opportunities ?? []).filter((o) => o.enterprises > 0).sort((a, b) => (b.yuan > a.yuan ? 1 : b.yuan < a.yuan ? -1 : b.enterprises - a.enterprises));
}

/** The `summary` member of the batch JSON document (output.md). */
export function summaryJson(s: BatchSummary): object {
  return {
    files: s.files,
    evaluated: s.evaluated,
    errors: s.errors.length,
    totals: { fixedYuan: yuanJson(s.fixedYuan), maxYuan: yuanJson(s.maxYuan), conservativeFixedYuan: yuanJson(s.conservativeFixedYuan), conservativeMaxYuan: yuanJson(s.conservativeMaxYuan) },
    programs: s.programs.map((p) => ({
      program: p.program,
      title: p.title,
      clause: p.clause,
      kind: p.kind,
      eligible: p.eligible,
      needsInfo: p.needsInfo,
      fixedYuan: yuanJson(p.fixedYuan),
      upToYuan: yuanJson(p.upToYuan),
    })),
    errorFiles: s.errors.map((e) => e.file),
    ...(s.opportunities ? { opportunities: opportunityRanking(s).map((o) => ({ program: o.program, enterprises: o.enterprises, yuan: o.withoutSum === o.enterprises ? null : yuanJson(o.yuan) })) } : {}),
  };
}

/**
 * Structural diff of two policy versions, program by program, and the effect of the change on a
 * set of profiles. Pure: policies and profiles in, data out; the command reads files and renders.
 */
import type { Evaluation, LoadedPolicy, PolicyData, Profile, ProgramData } from "../types.js";
import { evaluate } from "../engine/evaluate.js";

export interface FieldChange {
  /** e.g. amount.yuan, items.types, ends */
  field: string;
  /** The values as written in the policy (undefined: absent). */
  before: unknown;
  after: unknown;
}

export interface ProgramChange {
  id: string;
  changes: FieldChange[];
}

export interface PolicyDiff {
  /** Changes to the policy's own fields: version, effective_from, review_after, effective_until… */
  policy: FieldChange[];
  added: ProgramData[];
  removed: ProgramData[];
  changed: ProgramChange[];
}

/** The program fields compared, in display order. */
const PROGRAM_FIELDS: readonly (readonly string[])[] = [
  ["title", "zh"],
  ["title", "en"],
  ["clause"],
  ["quote"],
  ["departments"],
  ["starts"],
  ["ends"],
  ["items", "list"],
  ["items", "types"],
  ["items", "levels"],
  ["items", "newly"],
  ["items", "needs_date"],
  ["items", "requires"],
  ["enterprise", "ownership"],
  ["enterprise", "military_civil"],
  ["amount", "kind"],
  ["amount", "per"],
  ["amount", "distinct_by"],
  ["amount", "yuan"],
  ["amount", "rate", "percent"],
  ["amount", "rate", "of"],
  ["amount", "cap", "item"],
  ["amount", "cap", "year"],
  ["amount", "cap", "total"],
];

const POLICY_FIELDS = ["id", "version", "issued", "effective_from", "review_after", "effective_until"] as const;

function get(o: unknown, path: readonly string[]): unknown {
  let cur = o;
  for (const k of path) {
    if (typeof cur !== "object" || cur === null || !Object.hasOwn(cur, k)) return undefined;
    cur = (cur as Record<string, unknown>)[k];
  }
  return cur;
}

/** Equal as data; dated maps compare with their dates in order, lists as written. */
function same(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
}

function canonical(v: unknown): string {
  if (v === undefined) return "undefined";
  if (Array.isArray(v)) return `[${v.map(canonical).join(",")}]`;
  if (typeof v === "object" && v !== null) {
    const entries = Object.entries(v).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0));
    return `{${entries.map(([k, x]) => `${JSON.stringify(k)}:${canonical(x)}`).join(",")}}`;
  }
  return JSON.stringify(v);
}

export function diffProgram(a: ProgramData, b: ProgramData): FieldChange[] {
  const out: FieldChange[] = [];
  for (const path of PROGRAM_FIELDS) {
    const before = get(a, path);
    const after = get(b, path);
    if (!same(before, after)) out.push({ field: path.join("."), before, after });
  }
  return out;
}

export function diffPolicies(a: PolicyData, b: PolicyData): PolicyDiff {
  const policy: FieldChange[] = [];
  for (const f of POLICY_FIELDS) if (!same(a[f], b[f])) policy.push({ field: f, before: a[f], after: b[f] });
  const oldById = new Map(a.programs.map((p) => [p.id, p]));
  const newById = new Map(b.programs.map((p) => [p.id, p]));
  const added = b.programs.filter((p) => !oldById.has(p.id));
  const removed = a.programs.filter((p) => !newById.has(p.id));
  const changed: ProgramChange[] = [];
  for (const p of a.programs) {
    const q = newById.get(p.id);
    if (!q) continue;
    const changes = diffProgram(p, q);
    if (changes.length > 0) changed.push({ id: p.id, changes });
  }
  return { policy, added, removed, changed };
}

/** One profile whose result differs between the two versions. Money in whole yuan. */
export interface ProfileImpact {
  file: string;
  name: string;
  fixed: { before: number; after: number; delta: number };
  max: { before: number; after: number; delta: number };
  /** Programs whose amount or status changed. yuan null: discretionary; absent program: 0 / "absent". */
  programs: { id: string; before: { status: string; yuan: number | null }; after: { status: string; yuan: number | null }; delta: number }[];
}

export interface ProfileInput {
  file: string;
  /** The profile as validated under the old and under the new policy (each may reject it). */
  before: Profile;
  after: Profile;
}

function byProgram(e: Evaluation): Map<string, { status: string; yuan: number | null }> {
  return new Map(e.results.map((r) => [r.program.id, { status: r.status, yuan: r.amount.yuan }]));
}

/** Evaluate one profile under both versions on `asOf`; undefined when nothing it would get changes. */
export function profileImpact(oldPolicy: LoadedPolicy, newPolicy: LoadedPolicy, input: ProfileInput, asOf: string): ProfileImpact | undefined {
  const before = evaluate(oldPolicy, input.before, asOf);
  const after = evaluate(newPolicy, input.after, asOf);
  const b = byProgram(before);
  const a = byProgram(after);
  const absent = { status: "absent", yuan: 0 };
  const programs: ProfileImpact["programs"] = [];
  const ids = [...new Set([...b.keys(), ...a.keys()])];
  for (const id of ids) {
    const x = b.get(id) ?? absent;
    const y = a.get(id) ?? absent;
    // A program absent from one version pays what an ineligible one pays: only a real difference counts.
    const norm = (s: { status: string; yuan: number | null }) => (s.status === "absent" ? { status: "ineligible", yuan: 0 } : s);
    if (norm(x).status === norm(y).status && norm(x).yuan === norm(y).yuan) continue;
    programs.push({ id, before: x, after: y, delta: (y.yuan ?? 0) - (x.yuan ?? 0) });
  }
  const fixed = { before: before.totals.fixedYuan, after: after.totals.fixedYuan, delta: after.totals.fixedYuan - before.totals.fixedYuan };
  const max = { before: before.totals.maxYuan, after: after.totals.maxYuan, delta: after.totals.maxYuan - before.totals.maxYuan };
  if (programs.length === 0 && fixed.delta === 0 && max.delta === 0) return undefined;
  return { file: input.file, name: input.before.enterprise.name, fixed, max, programs };
}

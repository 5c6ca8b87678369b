/**
 * Opportunities: what else the enterprise could obtain under the policy, and what it would take.
 *
 * Derived from policy.yaml alone, with no code per program: for each program, candidate changes of
 * the facts are built from the program's own rule (the list it reads, the types and levels it pays,
 * the fields it requires, its caps), each candidate is applied to a copy of the profile and the
 * profile evaluated again. A candidate is an opportunity only when the program then pays more (or,
 * for a discretionary program, becomes one the enterprise may apply for). So every stated sum is what
 * the engine itself computes for the changed facts, and the change is kept as data (`patch`) so a
 * test can apply it and see the same.
 *
 * What cannot be had is left out by construction: a place outside Zibo or an unknown district (no
 * program applies), enterprise facts a client cannot change (a program whose ownership or 军民结合
 * condition is not met), a once-per-enterprise program already obtained or paid (a second item pays
 * nothing), a program past its end date and levels the policy does not pay (no candidate pays).
 */
import type { AmountKind, Evaluation, ListName, LoadedPolicy, Message, Profile, ProfileItem, ProgramData, ProgramResult } from "../types.js";
import { valueOn } from "./dated.js";
import { percentToBasisPoints, yuanToFen } from "./money.js";
import { evaluate } from "./evaluate.js";

/** A change of facts, as data: items to add to a list, and facts to set by profile path. */
export interface ProfilePatch {
  add?: { list: ListName; items: ProfileItem[] };
  set?: { path: string; value: string | number | boolean }[];
}

export interface Opportunity {
  program: ProgramData;
  kind: AmountKind;
  /** Whole yuan the change adds to what the program pays today; null where no sum can be named. */
  yuan: number | null;
  /** The change, as a sentence to render in the chosen language. */
  change: Message;
  patch: ProfilePatch;
}

/** Placeholder text for a required text field of an item the enterprise does not hold yet. */
const NEW_TEXT = "(new)";

export function applyPatch(profile: Profile, patch: ProfilePatch): Profile {
  const copy: Profile = {
    enterprise: { ...profile.enterprise },
    recognitions: profile.recognitions.map((i) => ({ ...i })),
    projects: profile.projects.map((i) => ({ ...i })),
    standards: profile.standards.map((i) => ({ ...i })),
  };
  if (patch.add) copy[patch.add.list].push(...patch.add.items.map((i) => ({ ...i })));
  for (const { path, value } of patch.set ?? []) {
    const m = /^(enterprise|recognitions|projects|standards)(?:\[(\d+)\])?\.([a-z_]+)$/.exec(path);
    if (!m) continue;
    const [, list, index, field] = m as unknown as [string, string, string | undefined, string];
    const target = list === "enterprise" ? (copy.enterprise as unknown as Record<string, unknown>) : (copy[list as ListName][Number(index)] as Record<string, unknown> | undefined);
    if (target) target[field] = value;
  }
  return copy;
}

/** The base (yuan) at which a rate reaches the program's per-item cap; undefined when there is no cap. */
function baseReachingCap(program: ProgramData, on: string): number | undefined {
  const { rate, cap } = program.amount;
  if (!rate || cap?.item === undefined) return undefined;
  const bp = percentToBasisPoints(valueOn(rate.percent, on).value);
  const capFen = yuanToFen(valueOn(cap.item, on).value);
  // ceil(cap × 10000 / bp), in whole yuan.
  const fen = (capFen * 10000n + bp - 1n) / bp;
  return Number((fen + 99n) / 100n);
}

/** What a rate-based sum turns on, for the sentence: the base that reaches the cap, or the share and its base. */
function rateParams(program: ProgramData, on: string): Record<string, string | number> {
  const rate = program.amount.rate;
  if (!rate) return {};
  const base = baseReachingCap(program, on);
  return base !== undefined ? { of: rate.of, base } : { of: rate.of, percent: valueOn(rate.percent, on).value };
}

/** The facts to find out, by field, and the item they belong to when it is one item with a name of its own. */
function findOutParams(missing: readonly string[], profile: Profile): Record<string, string | number> {
  const fields = [...new Set(missing.map((p) => p.slice(p.lastIndexOf(".") + 1)))];
  const params: Record<string, string | number> = { fields: fields.join("|") };
  const items = new Set(missing.map((p) => p.slice(0, p.lastIndexOf("."))));
  const only = items.size === 1 ? /^(recognitions|projects|standards)\[(\d+)\]$/.exec([...items][0] as string) : null;
  if (only) {
    const item = profile[only[1] as ListName][Number(only[2])];
    const name = item?.product ?? item?.name ?? item?.code;
    if (typeof name === "string" && name !== "") params.item = name;
  }
  return params;
}

/** Without a cap a rate has no highest sum: the candidate uses a nominal base, and no sum is named. */
const NOMINAL_BASE = 1_000_000;

/** A new item of `type` at `level` that this program would count, dated on the evaluation date. */
function newItem(program: ProgramData, policy: LoadedPolicy, type: string, level: string | undefined, asOf: string, n: number): ProfileItem {
  const rule = program.items;
  const item: ProfileItem = rule.list === "standards" ? { scope: type, role: "lead", code: `${NEW_TEXT} ${n}` } : { type };
  if (level !== undefined) item.level = level;
  item.date = asOf;
  const fields = policy.data.vocabulary.fields;
  const needed = new Set<string>(rule.requires);
  if (program.amount.distinct_by && program.amount.distinct_by !== "type") needed.add(program.amount.distinct_by);
  if (program.amount.rate) needed.add(program.amount.rate.of);
  for (const f of needed) {
    const def = Object.hasOwn(fields, f) ? fields[f] : undefined;
    if (def?.kind === "money") item[f] = baseReachingCap(program, asOf) ?? NOMINAL_BASE;
    else item[f] = `${NEW_TEXT} ${n}`;
  }
  if (rule.list === "projects") item.name ??= `${NEW_TEXT} ${n}`;
  return item;
}

/** The levels a candidate of `type` may carry: those the program pays, among those the type exists at. */
function levelsFor(program: ProgramData, policy: LoadedPolicy, type: string): (string | undefined)[] {
  const idx = policy.index;
  const def = program.items.list === "recognitions" ? idx.recognitionTypes.get(type) : program.items.list === "projects" ? idx.projectTypes.get(type) : idx.standardScopes.get(type);
  const exists = def?.levels ?? [];
  if (exists.length === 0) return [undefined];
  const paid = program.items.levels;
  return paid ? exists.filter((l) => paid.includes(l)) : exists;
}

function resultOf(e: Evaluation, id: string): ProgramResult | undefined {
  return e.results.find((r) => r.program.id === id);
}

/** What the program pays, as a number to compare: discretionary eligible counts as "something". */
function paysNow(r: ProgramResult | undefined): { eligible: boolean; yuan: number } {
  return { eligible: r?.status === "eligible", yuan: r?.status === "eligible" ? (r.amount.yuan ?? 0) : 0 };
}

interface Candidate {
  patch: ProfilePatch;
  change: Message;
  /** The rate's base was nominal: the sum is not one the text names. */
  nominal: boolean;
  /** Headroom under a yearly cap: what each further item pays (the patch is cut to as many as the cap still pays). */
  each?: number;
}

function candidatesFor(program: ProgramData, policy: LoadedPolicy, profile: Profile, base: ProgramResult, asOf: string): Candidate[] {
  const out: Candidate[] = [];
  const rule = program.items;
  const amount = program.amount;
  const nominal = amount.rate !== undefined && baseReachingCap(program, asOf) === undefined;

  // A missing fact with money at stake: fill what is missing the way that pays, and say what to find out.
  if (base.status === "needs-info") {
    const set: { path: string; value: string | number | boolean }[] = [];
    for (const path of base.missing) {
      const field = path.slice(path.lastIndexOf(".") + 1);
      if (field === "district") return [];
      let value: string | number | boolean | undefined;
      if (field === "ownership") value = program.enterprise?.ownership?.[0];
      else if (field === "military_civil") value = true;
      else if (field === "date") value = asOf;
      else if (field === "level") value = rule.levels?.[0];
      else {
        const def = Object.hasOwn(policy.data.vocabulary.fields, field) ? policy.data.vocabulary.fields[field] : undefined;
        value = def?.kind === "money" ? (baseReachingCap(program, asOf) ?? NOMINAL_BASE) : `${NEW_TEXT}`;
      }
      if (value === undefined) return [];
      set.push({ path, value });
    }
    const params = findOutParams(base.missing, profile);
    const ownership = set.find((x) => x.path === "enterprise.ownership");
    if (ownership) params.ownership = String(ownership.value);
    if (set.length > 0) out.push({ patch: { set }, change: { key: "opp.findOut", params }, nominal });
    return out;
  }

  const held = profile[rule.list];
  // Headroom under a yearly cap: as many more distinct items, dated this year, as the cap still allows.
  if (amount.cap?.year !== undefined && amount.yuan !== undefined) {
    const each = valueOn(amount.yuan, asOf).value;
    const cap = valueOn(amount.cap.year, `${asOf.slice(0, 4)}-12-31`).value;
    const n = each > 0 ? Math.floor(cap / each) : 0;
    const type = rule.types[0] as string;
    const level = levelsFor(program, policy, type)[0];
    const items = Array.from({ length: n }, (_, i) => newItem(program, policy, type, level, asOf, i + 1));
    if (n > 0) out.push({ patch: { add: { list: rule.list, items } }, change: { key: "opp.headroom", params: { year: asOf.slice(0, 4), type, each, cap } }, nominal: false, each });
    return out;
  }

  // An item the enterprise does not hold, at each level the program pays: a new listing, or a higher level.
  for (const type of rule.types) {
    for (const level of levelsFor(program, policy, type)) {
      const item = newItem(program, policy, type, level, asOf, 1);
      const holdsOther = level !== undefined && held.some((h) => (h.type ?? h.scope) === type && h.level !== undefined && h.level !== level);
      const key = holdsOther ? "opp.higherLevel" : `opp.new.${rule.list}`;
      const params: Record<string, string | number> = { type, ...rateParams(program, asOf) };
      if (level !== undefined) params.level = level;
      if (holdsOther) params.now = held.find((h) => (h.type ?? h.scope) === type && h.level !== level)?.level ?? "";
      out.push({ patch: { add: { list: rule.list, items: [item] } }, change: { key, params }, nominal });
    }
  }
  return out;
}

/**
 * Opportunities already found, for a run over many profiles (a batch): the caller holds it. Only a
 * program that found no item of its own in the profile is looked up here, by the facts its result
 * says it read (its enterprise conditions: district, ownership, 军民结合…, each with its outcome and
 * value): what a new item would pay then depends on nothing else.
 */
export type OpportunityCache = Map<string, Opportunity | null>;

function cacheKey(base: ProgramResult, asOf: string): string | undefined {
  if (base.items.length > 0) return undefined;
  let key = `${base.program.id}\u0000${asOf}`;
  for (const c of base.conditions) key += `\u0000${c.check}\u0001${c.outcome}\u0001${String(c.value ?? "")}`;
  return key;
}

/**
 * Every opportunity of this profile, largest sum first (those without a sum last), at most one per
 * program: the candidate that adds the most.
 */
export function findOpportunities(
  policy: LoadedPolicy,
  profile: Profile,
  asOf: string,
  current: Evaluation = evaluate(policy, profile, asOf, { reasons: "none" }),
  cache?: OpportunityCache,
): Opportunity[] {
  if (asOf < policy.data.effective_from) return [];
  const found: Opportunity[] = [];
  for (const base of current.results) {
    const key = cache ? cacheKey(base, asOf) : undefined;
    const hit = key !== undefined ? cache?.get(key) : undefined;
    if (hit !== undefined) {
      if (hit) found.push(hit);
      continue;
    }
    const o = bestFor(base, policy, profile, asOf);
    if (key !== undefined && cache && cache.size < 4096) cache.set(key, o ?? null);
    if (o) found.push(o);
  }
  return found.sort((a, b) => (b.yuan ?? -1) - (a.yuan ?? -1));
}

/** The candidate that adds the most to what the program pays, if any does. */
function bestFor(base: ProgramResult, policy: LoadedPolicy, profile: Profile, asOf: string): Opportunity | undefined {
  const program = base.program;
  // Facts a client cannot change, and places outside Zibo: nothing to be had.
  if (base.conditions.some((c) => c.outcome === "not-met")) return undefined;
  if (base.conditions.some((c) => c.check === "district" && c.outcome !== "met")) return undefined;
  const before = paysNow(base);
  // Paid once per enterprise, or on merit, and already eligible: nothing more to be had.
  if (before.eligible && (program.amount.per === "enterprise" || program.amount.kind === "discretionary")) return undefined;
  let best: Opportunity | undefined;
  for (const c of candidatesFor(program, policy, profile, base, asOf)) {
    const after = paysNow(resultOf(evaluate(policy, applyPatch(profile, c.patch), asOf, { reasons: "none", only: program }), program.id));
    if (!after.eligible) continue;
    const kind = program.amount.kind;
    let yuan: number | null;
    if (kind === "discretionary") {
      if (before.eligible) continue;
      yuan = null;
    } else {
      const gain = after.yuan - before.yuan;
      if (gain <= 0) continue;
      yuan = c.nominal ? null : gain;
    }
    let patch = c.patch;
    const params: Record<string, string | number> = { ...c.change.params, program: program.id, ...(yuan !== null ? { yuan } : {}) };
    if (c.each !== undefined && patch.add) {
      const count = Math.floor((after.yuan - before.yuan) / c.each);
      patch = { add: { list: patch.add.list, items: patch.add.items.slice(0, count) } };
      params.count = count;
    }
    const o: Opportunity = { program, kind, yuan, change: { key: c.change.key, params, clause: program.clause }, patch };
    if (!best || (o.yuan ?? -1) > (best.yuan ?? -1)) best = o;
  }
  return best;
}

/**
 * The engine: a pure function (policy, profile, asOf) → results. No I/O, no clock.
 *
 * Every condition is three-valued (met / not met / unknown). A program is eligible when its
 * enterprise conditions are met and at least one item is met; it needs information when the
 * outcome turns on a fact the profile lacks; otherwise it is ineligible. Each result keeps the
 * trace of every condition it checked, so "why", "why not" and "what is missing" come from
 * the same data as "how much".
 */
import type {
  Alternative,
  ConditionTrace,
  Evaluation,
  ItemResult,
  ListName,
  LoadedPolicy,
  Message,
  Outcome,
  Profile,
  ProfileItem,
  ProgramData,
  ProgramResult,
  ReadingData,
  Status,
} from "../types.js";
import { applyRate, floorYuan, percentToBasisPoints, toFen, yuanToFen } from "./money.js";
import { valueOn } from "./dated.js";
import { resolveDistrict } from "../policy/index-policy.js";

const fen = (n: bigint): string => n.toString();

function and(a: Outcome, b: Outcome): Outcome {
  if (a === "not-met" || b === "not-met") return "not-met";
  if (a === "unknown" || b === "unknown") return "unknown";
  return "met";
}

function all(conds: readonly ConditionTrace[]): Outcome {
  let o: Outcome = "met";
  for (const c of conds) o = and(o, c.outcome);
  return o;
}

/** Product names, codes and similar keys: the same thing written with other spacing, width or punctuation counts once. */
export function distinctKey(v: string | number | boolean | undefined): string {
  // Case, width (NFKC), spaces and punctuation variants: BT-100 压滤机 = BT-100压滤机 = ＢＴ１００压滤机.
  return String(v ?? "").normalize("NFKC").toLowerCase().replace(/[\s\p{P}]+/gu, "");
}

function districtConditions(profile: Profile, policy: LoadedPolicy): ConditionTrace {
  const e = profile.enterprise;
  if (e.district === undefined || e.district === "") {
    return { check: "district", outcome: "unknown", path: "enterprise.district", message: { key: "cond.district.missing" } };
  }
  const zibo = e.zibo_district ?? resolveDistrict(policy.index, e.district);
  if (zibo) {
    return { check: "district", outcome: "met", path: "enterprise.district", value: zibo, message: { key: "cond.district.met", params: { value: zibo } } };
  }
  return {
    check: "district",
    outcome: "not-met",
    path: "enterprise.district",
    value: e.district,
    message: { key: "cond.district.notZibo", params: { value: e.district } },
  };
}

function enterpriseConditions(program: ProgramData, profile: Profile, district: ConditionTrace): ConditionTrace[] {
  const out: ConditionTrace[] = [district];
  const rule = program.enterprise;
  if (!rule) return out;
  const e = profile.enterprise;
  if (rule.ownership) {
    const expected = rule.ownership.join("|");
    if (e.ownership === undefined) {
      out.push({ check: "ownership", outcome: "unknown", path: "enterprise.ownership", expected, message: { key: "cond.ownership.missing", params: { expected } } });
    } else if (rule.ownership.includes(e.ownership)) {
      out.push({ check: "ownership", outcome: "met", path: "enterprise.ownership", value: e.ownership, expected, message: { key: "cond.ownership.met", params: { value: e.ownership } } });
    } else {
      out.push({
        check: "ownership",
        outcome: "not-met",
        path: "enterprise.ownership",
        value: e.ownership,
        expected,
        message: { key: "cond.ownership.notMet", params: { value: e.ownership, expected } },
      });
    }
  }
  if (rule.military_civil) {
    if (e.military_civil === undefined) {
      out.push({ check: "military_civil", outcome: "unknown", path: "enterprise.military_civil", message: { key: "cond.militaryCivil.missing" } });
    } else {
      out.push({
        check: "military_civil",
        outcome: e.military_civil ? "met" : "not-met",
        path: "enterprise.military_civil",
        value: e.military_civil,
        message: { key: e.military_civil ? "cond.militaryCivil.met" : "cond.militaryCivil.notMet" },
      });
    }
  }
  return out;
}

interface Candidate {
  ref: string;
  index: number;
  item: ProfileItem;
  conditions: ConditionTrace[];
  outcome: Outcome;
  /** Passed type and level: it is the kind of item the program pays for (used for "already rewarded once"). */
  relevant: boolean;
  yuan: number;
  note?: Message;
}

function itemConditions(program: ProgramData, policy: LoadedPolicy, item: ProfileItem, ref: string, asOf: string): { conds: ConditionTrace[]; relevant: boolean } {
  const rule = program.items;
  const conds: ConditionTrace[] = [];
  let relevant = true;
  if (rule.levels) {
    const expected = rule.levels.join("|");
    // A type that exists at one level only (a municipal design project, say) needs no level written.
    const kind = rule.list === "standards" ? item.scope : item.type;
    const typeDef = kind === undefined ? undefined : rule.list === "recognitions" ? policy.index.recognitionTypes.get(kind) : rule.list === "projects" ? policy.index.projectTypes.get(kind) : policy.index.standardScopes.get(kind);
    const level = item.level ?? (typeDef?.levels.length === 1 ? typeDef.levels[0] : undefined);
    if (level === undefined) {
      conds.push({ check: "level", outcome: "unknown", path: `${ref}.level`, expected, message: { key: "cond.level.missing", params: { ref, expected } } });
    } else if (rule.levels.includes(level)) {
      conds.push({ check: "level", outcome: "met", path: `${ref}.level`, value: level, expected, message: { key: "cond.level.met", params: { ref, value: level } } });
    } else {
      relevant = false;
      conds.push({
        check: "level",
        outcome: "not-met",
        path: `${ref}.level`,
        value: level,
        expected,
        message: { key: "cond.level.notPaid", params: { ref, value: level, expected } },
      });
    }
  }
  if (isRewarded(item)) {
    const stated = typeof item.rewarded_yuan === "number";
    conds.push({
      check: "rewarded",
      outcome: "not-met",
      path: stated ? `${ref}.rewarded_yuan` : `${ref}.rewarded`,
      value: stated ? (item.rewarded_yuan as number) : true,
      message: stated ? { key: "cond.rewarded.stated", params: { ref, yuan: item.rewarded_yuan as number } } : { key: "cond.rewarded", params: { ref } },
    });
  }
  const since = program.starts ?? policy.data.effective_from;
  // A reading under which items from before the policy earn nothing although the clause has no 新.
  if (rule.exclude_before && !rule.newly && item.date !== undefined && item.date < since) {
    conds.push({ check: "before", outcome: "not-met", path: `${ref}.date`, value: item.date, expected: `>= ${since}`, message: { key: "cond.beforePolicy", params: { ref, date: item.date, since } } });
  }
  if (rule.newly || rule.needs_date || program.ends) {
    if (item.date === undefined) {
      if (rule.newly || rule.needs_date) {
        conds.push({ check: "date", outcome: "unknown", path: `${ref}.date`, message: { key: rule.newly ? "cond.newly.missing" : "cond.date.missing", params: { ref, since } } });
      }
    } else if (rule.newly) {
      const ok = item.date >= since;
      conds.push({
        check: "newly",
        outcome: ok ? "met" : "not-met",
        path: `${ref}.date`,
        value: item.date,
        expected: `>= ${since}`,
        message: { key: ok ? "cond.newly.met" : program.starts ? "cond.newly.notMetProgram" : "cond.newly.notMet", params: { ref, date: item.date, since } },
      });
    }
  }
  if (program.ends) {
    const on = item.date ?? asOf;
    if (on > program.ends) {
      conds.push({ check: "ends", outcome: "not-met", path: item.date ? `${ref}.date` : "asOf", value: on, expected: `<= ${program.ends}`, message: { key: "cond.ended", params: { ref, date: on, ends: program.ends } } });
    }
  }
  for (const field of rule.requires) {
    const v = item[field];
    if (v === undefined || v === "") {
      conds.push({ check: "requires", outcome: "unknown", path: `${ref}.${field}`, message: { key: "cond.requires.missing", params: { ref, field } } });
    } else if (v === 0 && program.amount.rate?.of === field) {
      // A rate of nothing is nothing: a zero base (no provincial award) leaves nothing to match.
      conds.push({ check: "base", outcome: "not-met", path: `${ref}.${field}`, value: 0, message: { key: "cond.base.zero", params: { ref, field } } });
    } else {
      conds.push({ check: "requires", outcome: "met", path: `${ref}.${field}`, value: v, message: { key: "cond.requires.met", params: { ref, field, value: String(v) } } });
    }
  }
  return { conds, relevant };
}

/** The sum one qualifying item earns before any per-year or total cap, with its computation. */
function itemAmountFen(program: ProgramData, item: ProfileItem, ref: string, on: string, steps: Message[]): bigint {
  const a = program.amount;
  let amount: bigint;
  if (a.yuan !== undefined) {
    const v = valueOn(a.yuan, on);
    amount = yuanToFen(v.value);
    steps.push({ key: "comp.fixed", params: { ref, yuan: v.value, ...(v.since ? { since: v.since } : {}) } });
  } else if (a.rate) {
    const pct = valueOn(a.rate.percent, on);
    const base = item[a.rate.of];
    const baseFen = typeof base === "number" ? toFen(base) : 0n;
    const exact = applyRate(baseFen, percentToBasisPoints(pct.value));
    amount = (exact / 100n) * 100n;
    steps.push({
      key: "comp.rate",
      params: { ref, percent: pct.value, field: a.rate.of, baseFen: fen(baseFen), exactFen: fen(exact), yuan: floorYuan(exact), ...(pct.since ? { since: pct.since } : {}) },
    });
  } else {
    return 0n;
  }
  const capItem = a.cap?.item;
  if (capItem !== undefined) {
    const cap = valueOn(capItem, on);
    const capFen = yuanToFen(cap.value);
    if (amount > capFen) {
      steps.push({ key: "comp.itemCap.reached", params: { ref, cap: cap.value, ...(cap.since ? { since: cap.since } : {}) } });
      amount = capFen;
    } else {
      steps.push({ key: "comp.itemCap.notReached", params: { ref, cap: cap.value, ...(cap.since ? { since: cap.since } : {}) } });
    }
  }
  return amount;
}

function compareByDate(a: Candidate, b: Candidate): number {
  const da = a.item.date ?? "";
  const db = b.item.date ?? "";
  return da < db ? -1 : da > db ? 1 : a.index - b.index;
}

/** What the engine derives once per policy: which programs read which kind of item. */
interface Compiled {
  /** Per list, item type (scope for standards) → indices of the programs that read such items. */
  readers: Record<ListName, Map<string, number[]>>;
  /** Per program (by position), the item types "the profile lists no …" names. */
  typesText: string[];
}

const compiledPolicies = new WeakMap<LoadedPolicy, Compiled>();

function compile(policy: LoadedPolicy): Compiled {
  let c = compiledPolicies.get(policy);
  if (c) return c;
  const readers: Compiled["readers"] = { recognitions: new Map(), projects: new Map(), standards: new Map() };
  policy.data.programs.forEach((p, i) => {
    const byType = readers[p.items.list];
    for (const t of p.items.types) {
      const at = byType.get(t);
      if (at) at.push(i);
      else byType.set(t, [i]);
    }
  });
  c = { readers, typesText: policy.data.programs.map((p) => p.items.types.join(", ")) };
  compiledPolicies.set(policy, c);
  return c;
}

/** For each program, the positions of the profile's items it reads, in profile order; one pass over the items. */
function positionsByProgram(compiled: Compiled, profile: Profile, programCount: number, asOf: string, later: Message[], cut: (string[] | undefined)[]): (number[] | undefined)[] {
  const out: (number[] | undefined)[] = new Array(programCount);
  const scan = (list: ListName, items: ProfileItem[], key: "type" | "scope") => {
    const byType = compiled.readers[list];
    for (let i = 0; i < items.length; i++) {
      const item = items[i];
      const k = item?.[key];
      if (typeof k !== "string") continue;
      // --as-of cuts the facts: an item dated after it is left out of this evaluation, and named.
      if (item?.date !== undefined && item.date > asOf) {
        later.push({ key: "warn.afterAsOf", params: { ref: `${list}[${i}]`, ...describeItem(item), asOf } });
        const programs = byType.get(k);
        if (programs) for (const p of programs) (cut[p] ??= []).push(`${list}[${i}]`);
        continue;
      }
      const programs = byType.get(k);
      if (!programs) continue;
      for (const p of programs) (out[p] ??= []).push(i);
    }
  };
  scan("recognitions", profile.recognitions, "type");
  scan("projects", profile.projects, "type");
  scan("standards", profile.standards, "scope");
  return out;
}

/** A program none of whose items the profile lists: ineligible, with the enterprise conditions and "the profile lists no …". */
function noItemsResult(program: ProgramData, profile: Profile, district: ConditionTrace, types: string, reasonsFor: ReasonsFor): ProgramResult {
  const enterprise = enterpriseConditions(program, profile, district);
  return {
    program,
    status: "ineligible",
    amount: { kind: program.amount.kind, yuan: 0 },
    items: [],
    conditions: enterprise,
    // Always ineligible: its reasons only when every result's are wanted (a batch screen wants none of these).
    reasons: reasonsFor === "all" ? buildReasons(program, "ineligible", enterprise, [], all(enterprise), types) : [],
    missing: [],
    computation: [],
    alternatives: [],
  };
}

/** Whether the city already paid for the item: `rewarded: true`, or a sum received written in `rewarded_yuan`. */
export function isRewarded(item: ProfileItem): boolean {
  return item.rewarded === true || (item.rewarded !== false && item.rewarded_yuan !== undefined);
}

/** The item fields that make two items of the program the same thing (policy.yaml `identity`, or `distinct_by`). */
function identityFields(amount: ProgramData["amount"]): readonly string[] | undefined {
  return amount.identity ?? (amount.distinct_by ? [amount.distinct_by] : undefined);
}

/** An item's identity under the program: its identity fields compared loosely; an item naming none of them is its own. */
function identityOf(c: Candidate, fields: readonly string[] | undefined, per: ProgramData["amount"]["per"], renewalsNew = false): string {
  if (per === "enterprise" && fields === undefined) return "";
  if (!fields || fields.length === 0) return `#${c.ref}`;
  const parts = fields.map((f) => {
    const v = c.item[f];
    if (v === undefined || v === "") return "";
    // Vocabulary ids and dates are written one way; only free text (product, code, name) is folded.
    return EXACT_FIELDS.has(f) ? String(v) : distinctKey(v);
  });
  if (parts.every((x) => x === "")) return `#${c.ref}`;
  // Read so that a renewal or re-review is new: the same thing obtained on another day is another item.
  return renewalsNew ? `${parts.join("\u0000")}\u0000${c.item.date ?? ""}` : parts.join("\u0000");
}

/** Item fields whose values are vocabulary ids or dates, compared as written. */
const EXACT_FIELDS: ReadonlySet<string> = new Set(["type", "scope", "level", "date", "role"]);

/** Whether every condition but "already rewarded" is met: the item was one the program pays for. */
function paidKind(c: Candidate): boolean {
  return c.relevant && c.conditions.every((x) => x.check === "rewarded" || x.outcome === "met");
}

/**
 * "Once per enterprise" and "the same thing once": an item already rewarded blocks the others of its
 * identity (every item, for a program paid once per enterprise).
 */
function blockRewardedGroups(candidates: Candidate[], amount: ProgramData["amount"], fields: readonly string[] | undefined): void {
  // Most profiles have no rewarded item of the program's: then nothing is blocked.
  if (!candidates.some((c) => c.relevant && isRewarded(c.item))) return;
  const groupOf = (c: Candidate): string => (amount.per === "enterprise" ? "" : identityOf(c, fields, amount.per));
  const rewardedGroups = new Map<string, string>();
  for (const c of candidates) if (c.relevant && isRewarded(c.item) && !rewardedGroups.has(groupOf(c))) rewardedGroups.set(groupOf(c), c.ref);
  for (const c of candidates) {
    const by = rewardedGroups.get(groupOf(c));
    if (by !== undefined && by !== c.ref && c.outcome !== "not-met") {
      c.conditions.push({
        check: "rewarded",
        outcome: "not-met",
        path: `${c.ref}`,
        message: { key: amount.per === "enterprise" ? "cond.rewardedOnce" : "cond.rewardedSame", params: { ref: c.ref, by } },
      });
      c.outcome = "not-met";
    }
  }
}

/**
 * A renewal or re-review (复核) is not a new recognition: where the program pays only what is newly
 * obtained, an item of the same identity as one obtained before the program started is not new.
 */
function blockRenewals(program: ProgramData, candidates: Candidate[], fields: readonly string[] | undefined, since: string): void {
  if (!program.items.newly || program.items.renewals_new || fields === undefined || fields.length === 0) return;
  const firstOld = new Map<string, Candidate>();
  for (const c of candidates) {
    if (!c.relevant || !c.conditions.some((x) => x.check === "newly" && x.outcome === "not-met")) continue;
    const k = identityOf(c, fields, program.amount.per);
    const seen = firstOld.get(k);
    if (!seen || compareByDate(c, seen) < 0) firstOld.set(k, c);
  }
  if (firstOld.size === 0) return;
  for (const c of candidates) {
    if (c.outcome !== "met") continue;
    const old = firstOld.get(identityOf(c, fields, program.amount.per));
    if (!old) continue;
    c.conditions.push({
      check: "renewal",
      outcome: "not-met",
      path: `${c.ref}.date`,
      value: c.item.date ?? "",
      message: { key: "cond.renewal", params: { ref: c.ref, by: old.ref, date: old.item.date ?? "", since } },
    });
    c.outcome = "not-met";
  }
}

/** What the items already paid by the city used of each cap: per year of their dates, and in all. */
interface CapsUsed {
  year: Map<number, bigint>;
  total: bigint;
}

/** Items the city already paid count against the program's yearly and total caps, with what they were paid. */
function rewardedUse(program: ProgramData, candidates: Candidate[], asOf: string, computation: Message[]): CapsUsed {
  const cap = program.amount.cap;
  if (cap?.year === undefined && cap?.total === undefined) return NOTHING_USED;
  if (!candidates.some((c) => isRewarded(c.item))) return NOTHING_USED;
  const used: CapsUsed = { year: new Map(), total: 0n };
  for (const c of candidates) {
    if (!isRewarded(c.item) || !paidKind(c)) continue;
    const on = c.item.date ?? asOf;
    const given = c.item.rewarded_yuan;
    const a = typeof given === "number" ? toFen(given) : itemAmountFen(program, c.item, c.ref, on, []);
    if (a === 0n) continue;
    // A yearly cap counts it in the year of its date (an undated item in none); a total cap counts it always.
    const year = cap.year !== undefined && c.item.date !== undefined ? Number(c.item.date.slice(0, 4)) : undefined;
    if (year !== undefined) used.year.set(year, (used.year.get(year) ?? 0n) + a);
    if (year !== undefined || cap.year === undefined || cap.total !== undefined) {
      computation.push({ key: typeof given === "number" ? "comp.rewardedCounted.stated" : "comp.rewardedCounted", params: { ref: c.ref, yuan: floorYuan(a), year: year ?? "" } });
    }
    used.total += a;
  }
  return used;
}

/** The per-year sums of a program that pays no item: empty, and never written to. */
const NOTHING_PAID: ReadonlyMap<number, bigint> = new Map();
/** The same, where a writable map is expected but never written (a program without a yearly cap). */
const NOTHING_PAID_RW = NOTHING_PAID as Map<number, bigint>;
/** Nothing already paid (never written to). */
const NOTHING_USED: CapsUsed = { year: NOTHING_PAID_RW, total: 0n };

/**
 * The met items in date order: which are paid (once per enterprise; once per identity; each) and
 * what each earns after the yearly and total caps, which count what the city already paid. Notes
 * say, for every item that earns less than its sum, why — never "paid" or "counted" of an item that
 * earned ¥0.
 */
function pay(
  program: ProgramData,
  met: Candidate[],
  used: CapsUsed,
  fields: readonly string[] | undefined,
  asOf: string,
  computation: Message[],
): { counted: Candidate[]; perItemFen: bigint[]; yearUsed: ReadonlyMap<number, bigint>; yearWanted: ReadonlyMap<number, bigint>; sumFen: bigint } {
  if (met.length === 0) return { counted: [], perItemFen: [], yearUsed: NOTHING_PAID, yearWanted: NOTHING_PAID, sumFen: 0n };
  const amount = program.amount;
  const yearly = amount.cap?.year !== undefined;
  const yearUsed = yearly ? new Map<number, bigint>(used.year) : NOTHING_PAID_RW;
  /** Per year, what the items would earn before the yearly cap (with what was already paid). */
  const yearWanted = yearly ? new Map<number, bigint>(used.year) : NOTHING_PAID_RW;
  const counted: Candidate[] = [];
  const perItemFen: bigint[] = [];
  let totalUsed = used.total;
  let sumFen = 0n;
  /** Per identity, the item paid for it (or cut to ¥0). */
  const paidFor = amount.per !== "enterprise" && met.length > 1 ? new Map<string, Candidate>() : undefined;
  for (const c of met) {
    if (amount.per === "enterprise") {
      const first = counted[0];
      if (first) {
        c.note = { key: "note.onceEnterprise", params: { ref: c.ref, by: first.ref } };
        continue;
      }
    } else {
      const k = paidFor ? identityOf(c, fields, amount.per, program.items.renewals_new) : "";
      const by = paidFor?.get(k);
      if (by) {
        if (by.yuan > 0 || !amount.repeat_after_zero) {
          c.note = by.yuan > 0
            ? { key: "note.sameCounted", params: { ref: c.ref, by: by.ref, value: identityText(c, fields) } }
            : { key: "note.sameCutToZero", params: { ref: c.ref, by: by.ref, value: identityText(c, fields) } };
          continue;
        }
      }
      paidFor?.set(k, c);
    }
    counted.push(c);
    const on = c.item.date ?? asOf;
    let a = itemAmountFen(program, c.item, c.ref, on, computation);
    perItemFen.push(a);
    const capYear = amount.cap?.year;
    if (capYear !== undefined) {
      const year = Number(on.slice(0, 4));
      yearWanted.set(year, (yearWanted.get(year) ?? 0n) + a);
      const capV = valueOn(capYear, on);
      const cap = yuanToFen(capV.value);
      const before = yearUsed.get(year) ?? 0n;
      const allowed = cap > before ? cap - before : 0n;
      if (a > allowed) {
        computation.push({ key: "comp.yearCap.reached", params: { ref: c.ref, year, cap: floorYuan(cap), yuan: floorYuan(allowed), ...(capV.since ? { since: capV.since } : {}) } });
        c.note = { key: allowed === 0n ? "note.yearCap.zero" : "note.yearCap", params: { ref: c.ref, year, cap: floorYuan(cap), before: floorYuan(before), yuan: floorYuan(allowed) } };
        a = allowed;
      }
      yearUsed.set(year, before + a);
    }
    const capTotal = amount.cap?.total;
    if (capTotal !== undefined) {
      const capV = valueOn(capTotal, on);
      const cap = yuanToFen(capV.value);
      const allowed = cap > totalUsed ? cap - totalUsed : 0n;
      if (a > allowed) {
        computation.push({ key: "comp.totalCap.reached", params: { ref: c.ref, cap: floorYuan(cap), yuan: floorYuan(allowed), ...(capV.since ? { since: capV.since } : {}) } });
        c.note = { key: allowed === 0n ? "note.totalCap.zero" : "note.totalCap", params: { ref: c.ref, cap: floorYuan(cap), before: floorYuan(totalUsed), yuan: floorYuan(allowed) } };
        a = allowed;
      }
      totalUsed += a;
    }
    c.yuan = floorYuan(a);
    sumFen += a;
  }
  return { counted, perItemFen, yearUsed, yearWanted, sumFen };
}

/** The identity of an item as written, for a note: "BT-100 压滤机", "GJB 1234-2024". */
function identityText(c: Candidate, fields: readonly string[] | undefined): string {
  // Type, level and date are said by the item's own description; the note quotes what was written.
  const named = (fields ?? []).filter((f) => f !== "type" && f !== "level" && f !== "date" && f !== "scope");
  return named.map((f) => c.item[f]).filter((v) => typeof v === "string" && v !== "").join(" · ");
}

/** The summary of a program paid per identity: items × the sum each, and which items were the same thing. */
function distinctSummary(program: ProgramData, met: Candidate[], counted: Candidate[], perItemFen: bigint[], fields: readonly string[] | undefined, computation: Message[]): void {
  const first = perItemFen[0] ?? 0n;
  const same = perItemFen.every((x) => x === first);
  const before = perItemFen.reduce((x, y) => x + y, 0n);
  const by = fields?.length === 1 ? (fields[0] as string) : "";
  if (program.amount.per === "distinct") {
    computation.push({ key: same ? "comp.distinct.each" : "comp.distinct.sum", params: { count: counted.length, by, each: floorYuan(first), yuan: floorYuan(before) } });
  }
  if (met.length < 2) return;
  const groups = new Map<string, Candidate[]>();
  for (const c of met) {
    const k = identityOf(c, fields, program.amount.per, program.items.renewals_new);
    groups.set(k, [...(groups.get(k) ?? []), c]);
  }
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    const types = new Set(group.map((c) => c.item[program.items.list === "standards" ? "scope" : "type"]));
    computation.push({
      key: types.size > 1 ? "comp.countedOnce.lists" : "comp.countedOnce.repeated",
      params: { value: identityText(group[0] as Candidate, fields), refs: group.map((c) => c.ref).join(", "), count: group.length },
    });
  }
}

/** The facts to find out: the enterprise's unknown conditions, then each undecided item's, once each, in order. */
function missingFacts(enterprise: ConditionTrace[], candidates: Candidate[]): string[] {
  const missing: string[] = [];
  for (const c of enterprise) if (c.outcome === "unknown") missing.push(c.path);
  // A Set beside the list: `missing.includes` made a profile of 10,000 items take minutes.
  const seen = new Set(missing);
  for (const c of candidates) {
    if (c.outcome !== "unknown") continue;
    for (const cond of c.conditions) {
      if (cond.outcome === "unknown" && !seen.has(cond.path)) {
        seen.add(cond.path);
        missing.push(cond.path);
      }
    }
  }
  return missing;
}

function evaluateProgram(
  program: ProgramData,
  policy: LoadedPolicy,
  profile: Profile,
  asOf: string,
  district: ConditionTrace,
  positions: number[],
  reasonsFor: ReasonsFor,
  /** The policy's own program, which the result names (`program` is its canonical form, maybe under a reading). */
  shown: ProgramData = program,
): ProgramResult {
  const rule = program.items;
  const list = profile[rule.list];
  const enterprise = enterpriseConditions(program, profile, district);
  const eOutcome = all(enterprise);
  const candidates: Candidate[] = [];
  for (const i of positions) {
    const item = list[i] as ProfileItem;
    const ref = `${rule.list}[${i}]`;
    const { conds, relevant } = itemConditions(program, policy, item, ref, asOf);
    candidates.push({ ref, index: i, item, conditions: conds, outcome: all(conds), relevant, yuan: 0 });
  }

  const amount = program.amount;
  const fields = identityFields(amount);
  const computation: Message[] = [];

  // A renewal is not new; an item already rewarded blocks the others of its identity.
  blockRenewals(program, candidates, fields, program.starts ?? policy.data.effective_from);
  if (amount.per === "enterprise" || fields !== undefined) blockRewardedGroups(candidates, amount, fields);

  const met = candidates.filter((c) => c.outcome === "met").sort(compareByDate);
  const paying = eOutcome === "met" && amount.kind !== "discretionary";
  // What the city already paid uses the caps first; then each paid item in date order.
  const used = paying && met.length > 0 ? rewardedUse(program, candidates, asOf, computation) : NOTHING_USED;
  const { counted, perItemFen, yearUsed, yearWanted, sumFen } = pay(program, paying ? met : [], used, fields, asOf, computation);
  // The program's summary: items × the sum each, what was the same thing, and each year's cap.
  if (amount.per !== "enterprise" && counted.length > 0) distinctSummary(program, met, counted, perItemFen, fields, computation);
  if (amount.cap?.year !== undefined) {
    for (const [year, usedY] of [...yearUsed].sort((x, y) => x[0] - y[0])) {
      const wanted = yearWanted.get(year) ?? usedY;
      const cap = floorYuan(yuanToFen(valueOn(amount.cap.year, `${year}-12-31`).value));
      computation.push({
        key: wanted > usedY ? "comp.yearCap.sumReached" : "comp.yearCap.sumNotReached",
        params: { year, wanted: floorYuan(wanted), yuan: floorYuan(usedY), cap },
      });
    }
  }

  // Status in Kleene logic: enterprise conditions AND the best item.
  let best: Outcome = "not-met";
  for (const c of candidates) {
    if (c.outcome === "met") best = "met";
    else if (c.outcome === "unknown" && best === "not-met") best = "unknown";
  }
  const outcome = and(eOutcome, best);
  let status: Status = outcome === "met" ? "eligible" : outcome === "unknown" ? "needs-info" : "ineligible";
  // Nothing is not something: every qualifying item cut to ¥0 by a cap leaves nothing to claim.
  if (status === "eligible" && paying && sumFen === 0n) status = "ineligible";

  const missing = status === "ineligible" ? [] : missingFacts(enterprise, candidates);

  const reasons = reasonsFor === "all" || (reasonsFor === "applicable" && status !== "ineligible") ? buildReasons(program, status, enterprise, candidates, eOutcome) : [];
  const yuan = status !== "eligible" ? 0 : amount.kind === "discretionary" ? null : floorYuan(sumFen);
  if (status === "eligible" && amount.kind !== "discretionary" && counted.length > 1) {
    computation.push({ key: "comp.sum", params: { count: counted.length, yuan: yuan ?? 0 } });
  }
  const items: ItemResult[] = candidates.map((c) => {
    const r: ItemResult = { ref: c.ref, outcome: c.outcome, yuan: status === "eligible" ? c.yuan : 0, conditions: c.conditions };
    if (c.note) r.note = c.note;
    return r;
  });
  return { program: shown, status, amount: { kind: amount.kind, yuan }, items, conditions: enterprise, reasons, missing, computation, alternatives: [] };
}


/** What identifies an item to a reader: its type (or scope), level, date and own name, product or code. */
function describeItem(item: ProfileItem): Record<string, string> {
  const d: Record<string, string> = { type: String(item.type ?? item.scope ?? "") };
  if (item.level) d.level = item.level;
  if (item.date) d.date = item.date;
  const name = item.product ?? item.name ?? item.code;
  if (typeof name === "string" && name) d.name = name;
  return d;
}

/** "The profile lists no …". */
function noItemsMessage(program: ProgramData, types = program.items.types.join(", ")): Message {
  return { key: "reason.noItems", params: { list: program.items.list, types }, clause: program.clause };
}

function buildReasons(program: ProgramData, status: Status, enterprise: ConditionTrace[], candidates: Candidate[], eOutcome: Outcome, types?: string): Message[] {
  const clause = program.clause;
  const reasons: Message[] = [];
  const withClause = (m: Message): Message => (m.params ? { key: m.key, params: m.params, clause } : { key: m.key, clause });
  // Enterprise-wide: say what failed or is missing; when met, name the facts that matter beyond the district.
  for (const c of enterprise) {
    if (c.outcome !== "met" || (c.check !== "district" && status === "eligible")) reasons.push(withClause(c.message));
  }
  if (eOutcome === "not-met") return reasons;
  if (candidates.length === 0) {
    reasons.push(noItemsMessage(program, types));
    return reasons;
  }
  for (const c of candidates) {
    if (c.outcome === "met") {
      const kind = program.amount.kind;
      if (c.note) reasons.push(withClause(c.note));
      else if (status !== "eligible") continue;
      else reasons.push({ key: kind === "discretionary" ? "reason.item.mayApply" : "reason.item.qualifies", params: { ref: c.ref, yuan: c.yuan, kind, ...describeItem(c.item) }, clause });
    } else {
      const decisive = c.conditions.find((x) => x.outcome === "not-met") ?? c.conditions.find((x) => x.outcome === "unknown");
      if (decisive) reasons.push(withClause(decisive.message));
    }
  }
  return reasons;
}

/** What every output must say about the policy's window on the evaluation date. */
export function policyWarnings(policy: LoadedPolicy, asOf: string): Message[] {
  const d = policy.data;
  const w: Message[] = [];
  if (asOf < d.effective_from) w.push({ key: "warn.beforeEffective", params: { asOf, from: d.effective_from } });
  if (d.effective_until && asOf > d.effective_until) w.push({ key: "warn.afterUntil", params: { asOf, until: d.effective_until } });
  else if (d.review_after && asOf > d.review_after) w.push({ key: "warn.confirmInForce", params: { asOf, date: d.review_after } });
  for (const p of d.programs) if (p.ends && asOf > p.ends) w.push({ key: "warn.programEnded", params: { program: p.id, ends: p.ends } });
  return w;
}

/**
 * Which results built for this profile get their reasons: all (the default), only eligible and
 * needs-info ones, or none. A batch whose reports print no reasons, or only those of programs that
 * apply, skips building the rest; everything else about a result (status, amount, items, conditions,
 * missing facts) is the same. A program with no item in the profile is ineligible, so it has reasons
 * only in "all" mode.
 */
export type ReasonsFor = "all" | "applicable" | "none";


/** Which headline a run shows: the policy's adopted reading (default), or each program's lowest reading. */
export type ReadingMode = "adopted" | "conservative";

/** The policy's readings by the program they concern, and each program as a reading changes it (made once per policy). */
const readingsByPolicy = new WeakMap<LoadedPolicy, Map<string, { reading: ReadingData; program: ProgramData }[]>>();

function readingsOf(policy: LoadedPolicy): Map<string, { reading: ReadingData; program: ProgramData }[]> {
  let m = readingsByPolicy.get(policy);
  if (m) return m;
  m = new Map();
  const byId = policy.index.programs;
  for (const reading of policy.data.readings ?? []) {
    for (const id of reading.programs) {
      const p = byId.get(id);
      if (!p) continue;
      const list = m.get(id) ?? [];
      list.push({ reading, program: canonical(p, reading.change) });
      m.set(id, list);
    }
  }
  readingsByPolicy.set(policy, m);
  return m;
}

/**
 * The program as the engine reads it: every key present, in one order, whatever the policy wrote
 * (absent ones undefined), and with what a reading changes (each key it names replaces the
 * program's own). Every program and every reading of one then has the same object shapes, so the
 * engine's property reads stay monomorphic: with the shapes spread from the policy's own objects,
 * evaluating under the readings made the whole engine 2.5 times slower.
 */
function canonical(p: ProgramData, ch: ReadingData["change"] = {}): ProgramData {
  const i = p.items;
  const a = p.amount;
  const e = p.enterprise;
  return {
    id: p.id,
    title: p.title,
    clause: p.clause,
    quote: p.quote,
    departments: p.departments,
    items: {
      list: i.list,
      types: i.types,
      levels: ch.levels ?? i.levels,
      newly: ch.newly ?? i.newly,
      needs_date: i.needs_date,
      requires: i.requires,
      exclude_before: ch.exclude_before ?? i.exclude_before,
      renewals_new: ch.renewals_new ?? i.renewals_new,
    },
    enterprise: { ownership: ch.ownership ?? e?.ownership, military_civil: e?.military_civil },
    amount: {
      kind: a.kind,
      per: ch.per ?? a.per,
      distinct_by: a.distinct_by,
      identity: ch.identity ?? a.identity,
      repeat_after_zero: ch.repeat_after_zero ?? a.repeat_after_zero,
      yuan: a.yuan,
      rate: a.rate,
      cap: ch.cap ?? a.cap,
    },
    starts: p.starts,
    ends: p.ends,
    notes: p.notes,
  } as unknown as ProgramData;
}

/** Each program of the policy as the engine reads it (canonical), by position. */
const canonicalByPolicy = new WeakMap<LoadedPolicy, ProgramData[]>();
function canonicalPrograms(policy: LoadedPolicy): ProgramData[] {
  let c = canonicalByPolicy.get(policy);
  if (!c) {
    c = policy.data.programs.map((p) => canonical(p));
    canonicalByPolicy.set(policy, c);
  }
  return c;
}

/**
 * Whether a reading could change anything for these items at all: most cannot (one item, nothing
 * older than the policy, the enterprise's ownership not concerned), and then the program is not
 * evaluated again. Only a quick filter: the readings that pass it are computed and compared.
 */
function mayChange(ch: ReadingData["change"], program: ProgramData, list: readonly ProfileItem[], at: readonly number[], profile: Profile, since: string): boolean {
  const several = at.length > 1;
  if ((ch.per !== undefined || ch.identity !== undefined || ch.repeat_after_zero !== undefined || ch.renewals_new !== undefined) && several) return true;
  if (ch.cap !== undefined && (several || ch.cap.item !== program.amount.cap?.item)) return true;
  const dated = (pred: (d: string) => boolean) => at.some((i) => {
    const d = list[i]?.date;
    return d !== undefined && pred(d);
  });
  if ((ch.exclude_before !== undefined || ch.newly !== undefined) && dated((d) => d < since)) return true;
  if (ch.levels !== undefined && at.some((i) => !(program.items.levels ?? []).includes(String(list[i]?.level ?? "")))) return true;
  const own = profile.enterprise.ownership;
  if (ch.ownership !== undefined && own !== undefined && ch.ownership.includes(own) !== (program.enterprise?.ownership?.includes(own) ?? true)) return true;
  return false;
}

/** What a result pays: its sum when eligible, else nothing. */
const paid = (r: ProgramResult): number => (r.status === "eligible" ? (r.amount.yuan ?? 0) : 0);

/**
 * The program under its adopted reading and under every other reading of its clause; the other
 * readings that change the money are listed beside it. In conservative mode the lowest reading is
 * the headline and the adopted one is listed beside it.
 */
function withReadings(
  adopted: ProgramResult,
  alts: { reading: ReadingData; program: ProgramData }[],
  run: (p: ProgramData, reasons: ReasonsFor) => ProgramResult,
  reasons: ReasonsFor,
  mode: ReadingMode,
): ProgramResult {
  if (adopted.amount.kind === "discretionary") return adopted;
  const base = paid(adopted);
  const found: { alt: Alternative; program: ProgramData }[] = [];
  for (const { reading, program } of alts) {
    const yuan = paid(run(program, "none"));
    if (yuan !== base) found.push({ alt: { reading: reading.id, yuan, note: { key: "reading.note", params: { zh: reading.note.zh, en: reading.note.en } }, clause: adopted.program.clause }, program });
  }
  if (found.length === 0) return adopted;
  const alternatives = found.map((f) => f.alt);
  if (mode === "conservative") {
    const low = found.reduce((a, b) => (b.alt.yuan < a.alt.yuan ? b : a));
    if (low.alt.yuan < base) {
      const headline = run(low.program, reasons);
      const others = alternatives.filter((a) => a !== low.alt);
      return { ...headline, program: adopted.program, alternatives: [{ reading: "adopted", yuan: base, note: { key: "reading.adopted" }, clause: adopted.program.clause }, ...others], headlineReading: low.alt.reading };
    }
  }
  return { ...adopted, alternatives };
}

/** Evaluate every program of the policy, in the policy's order. */
export function evaluate(
  policy: LoadedPolicy,
  profile: Profile,
  asOf: string,
  { reasons = "all", reading = "adopted", only }: { reasons?: ReasonsFor; reading?: ReadingMode; only?: ProgramData } = {},
): Evaluation {
  const district = districtConditions(profile, policy);
  const compiled = compile(policy);
  const programs = policy.data.programs;
  const later: Message[] = [];
  /** Per program, the items of its kind left out for being dated after as-of. */
  const cut: (string[] | undefined)[] = [];
  const positions = positionsByProgram(compiled, profile, programs.length, asOf, later, cut);
  const readings = readingsOf(policy);
  const canon = canonicalPrograms(policy);
  const results: ProgramResult[] = [];
  let fixed = 0n;
  let upTo = 0n;
  let lowFixed = 0n;
  let lowUpTo = 0n;
  for (let i = 0; i < programs.length; i++) {
    const program = programs[i] as ProgramData;
    // What-if questions (opportunities) ask about one program at a time.
    if (only !== undefined && program !== only) continue;
    const at = positions[i];
    let r: ProgramResult;
    if (at) {
      r = evaluateProgram(canon[i] as ProgramData, policy, profile, asOf, district, at, reasons, program);
      const declared = readings.get(program.id);
      if (declared) {
        const since = program.starts ?? policy.data.effective_from;
        const list = profile[program.items.list];
        const alts = declared.filter((a) => mayChange(a.reading.change, program, list, at, profile, since));
        if (alts.length > 0) r = withReadings(r, alts, (p, why) => evaluateProgram(p, policy, profile, asOf, district, at, why), reasons, reading);
      }
    } else {
      r = noItemsResult(program, profile, district, compiled.typesText[i] as string, reasons);
      // Its only items are dated after as-of: say so, not "the profile lists no …".
      const left = cut[i];
      if (left && r.reasons.some((m) => m.key === "reason.noItems")) {
        r = { ...r, reasons: r.reasons.map((m) => (m.key === "reason.noItems" ? { key: "reason.afterAsOf", params: { refs: left.join(", "), asOf }, clause: program.clause } : m)) };
      }
    }
    results.push(r);
    // Most results pay nothing: no bigint is made for them (each is an allocation, and there are many).
    const yuan = paid(r);
    let low = yuan;
    for (const alt of r.alternatives) if (alt.yuan < low) low = alt.yuan;
    if (yuan === 0 && low === 0) continue;
    if (r.amount.kind === "fixed") {
      fixed += BigInt(yuan);
      lowFixed += BigInt(low);
    } else if (r.amount.kind === "up-to") {
      upTo += BigInt(yuan);
      lowUpTo += BigInt(low);
    }
  }
  const window = policyWarnings(policy, asOf);
  return {
    asOf,
    warnings: later.length > 0 ? [...window, ...later] : window,
    results,
    totals: { fixedYuan: Number(fixed), maxYuan: Number(fixed + upTo), conservativeFixedYuan: Number(lowFixed), conservativeMaxYuan: Number(lowFixed + lowUpTo) },
  };
}

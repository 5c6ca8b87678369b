/**
 * The questionnaire as data, derived from a LoadedPolicy: which questions exist, their choices, when each
 * is asked and how each answer is checked. Pure: no terminal, no clock. Nothing here names a type id —
 * a type added to policy.yaml shows up with its labels, levels and follow-ups without a code change.
 *
 * "Ask only what can change a result": a type appears only if some program reads it; a level is asked only
 * if some program of the type pays at particular levels; a date, a field, a second item of the same kind,
 * ownership and 军民结合 are asked only when a program that could pay for the chosen item reads them.
 */
import { SubsidyError, ValidationErrors } from "../errors.js";
import { validateProfileData } from "../profile/schema.js";
import { formatYuan, formatFen } from "../i18n/index.js";
import type { ItemTypeDef, Lang, ListName, LoadedPolicy, Message, ProgramData } from "../types.js";
import { fenToYuanNumber, parseSpokenMoney } from "../parse/money.js";

export type QuestionKind = "input" | "select" | "checkbox" | "confirm" | "money" | "date";

/** A sentence in the chosen language: a catalog message, or the policy's own zh/en label. */
export type Text = Message | { zh: string; en: string };

export interface Choice {
  value: string;
  label: Text;
  hint?: Text;
}

export type Answer = string | number | boolean | string[] | undefined;
export type Answers = ReadonlyMap<string, Answer>;

export interface Question {
  /** Unique in an interview; for a profile fact it is the fact's profile path (recognitions[0].date). */
  name: string;
  kind: QuestionKind;
  message: Text;
  /** A sentence under the question: what the fact is and where to find it. */
  help?: Text;
  choices?: Choice[];
  default?: string | boolean | string[];
  /** Empty input is accepted and means "not known" (the program then needs information). */
  optional?: boolean;
  /** Asked only when this returns true for the answers so far. */
  when?(answers: Answers): boolean;
  /** The typed text → a problem, or undefined when acceptable. The same rules as the file loader. */
  validate?(raw: string, answers: Answers): Message | undefined;
  /** money: what the typed text means, in yuan, for the consultant to confirm. */
  echo?(raw: string, lang: Lang): string;
  /** The typed text → the profile value (money: a number of yuan; others: the trimmed text). */
  parse?(raw: string): Answer;
}

export const ELSEWHERE = "__elsewhere__";

const KIND_KEY: Record<ListName, "type" | "scope"> = { recognitions: "type", projects: "type", standards: "scope" };
/** The field that tells two items of a list apart, asked when each item counts separately. */
const ID_FIELD: Partial<Record<ListName, string>> = { projects: "name", standards: "code" };
const LISTS: readonly ListName[] = ["recognitions", "projects", "standards"];

export function kindKey(list: ListName): "type" | "scope" {
  return KIND_KEY[list];
}

export function kindsOf(policy: LoadedPolicy, list: ListName): readonly ItemTypeDef[] {
  const v = policy.data.vocabulary;
  return list === "recognitions" ? v.recognition_types : list === "projects" ? v.project_types : v.standard_scopes;
}

export function kindDef(policy: LoadedPolicy, list: ListName, kind: string): ItemTypeDef | undefined {
  const i = policy.index;
  return (list === "recognitions" ? i.recognitionTypes : list === "projects" ? i.projectTypes : i.standardScopes).get(kind);
}

/** Every program that reads items of this kind, at any level. */
export function programsFor(policy: LoadedPolicy, list: ListName, kind: string): ProgramData[] {
  return policy.data.programs.filter((p) => p.items.list === list && p.items.types.includes(kind));
}

/** The level the engine will see: the one given, or the only level the type exists at. */
function effectiveLevel(def: ItemTypeDef | undefined, level: string | undefined): string | undefined {
  return level ?? (def?.levels.length === 1 ? def.levels[0] : undefined);
}

/** The programs that could pay for an item of this kind at this level (all of them when the level is unknown). */
export function payingPrograms(policy: LoadedPolicy, list: ListName, kind: string, level: string | undefined): ProgramData[] {
  const lv = effectiveLevel(kindDef(policy, list, kind), level);
  return programsFor(policy, list, kind).filter((p) => !p.items.levels || lv === undefined || p.items.levels.includes(lv));
}

/** Whether a program reads this item field (requires it, computes a rate of it, or counts distinct values of it). */
function reads(p: ProgramData, field: string): boolean {
  return p.items.requires.includes(field) || p.amount.rate?.of === field || (p.amount.per === "distinct" && p.amount.distinct_by === field);
}

/** Several items of a kind matter when each counts on its own, or when different levels pay under different programs. */
function severalMatter(policy: LoadedPolicy, list: ListName, kind: string): boolean {
  const programs = programsFor(policy, list, kind);
  return programs.length > 1 || programs.some((p) => p.amount.per === "item" || (p.amount.per === "distinct" && p.amount.distinct_by !== kindKey(list)));
}

// ------------------------------------------------------------------ validation shared with the file loader

/** The loader's message for one field, by validating a minimal profile that holds it (so the wording is identical). */
function loaderMessage(policy: LoadedPolicy, asOf: string, data: unknown, path: string): Message | undefined {
  try {
    validateProfileData(data, policy, { asOf });
    return undefined;
  } catch (e) {
    if (e instanceof ValidationErrors) {
      const hit = e.issues.find((i) => i.location.path === path);
      return hit ? { key: "ask.loader", params: { message: hit.message } } : undefined;
    }
    if (e instanceof SubsidyError) return { key: "ask.loader", params: { message: e.message } };
    throw e;
  }
}

function enterpriseFieldMessage(policy: LoadedPolicy, asOf: string, field: string, value: unknown): Message | undefined {
  const enterprise: Record<string, unknown> = { name: "x" };
  enterprise[field] = value;
  return loaderMessage(policy, asOf, { enterprise }, `enterprise.${field}`);
}

function itemFieldMessage(policy: LoadedPolicy, asOf: string, list: ListName, kind: string, field: string, value: unknown): Message | undefined {
  const item: Record<string, unknown> = { [kindKey(list)]: kind };
  item[field] = value;
  return loaderMessage(policy, asOf, { enterprise: { name: "x" }, [list]: [item] }, `${list}[0].${field}`);
}

function moneyQuestionParts(check: (yuan: number) => Message | undefined): Pick<Question, "validate" | "parse" | "echo"> {
  return {
    validate: (raw) => {
      const m = parseSpokenMoney(raw);
      if (!m.ok) return { key: `ask.money.${m.reason}`, params: { value: raw.trim() } };
      return check(fenToYuanNumber(m.fen));
    },
    parse: (raw) => {
      const m = parseSpokenMoney(raw);
      return m.ok ? fenToYuanNumber(m.fen) : undefined;
    },
    echo: (raw, lang) => {
      const m = parseSpokenMoney(raw);
      if (!m.ok) return raw;
      return m.fen % 100n === 0n ? formatYuan(m.fen / 100n, lang) : formatFen(m.fen, lang);
    },
  };
}

// ------------------------------------------------------------------ the enterprise

export function nameQuestion(policy: LoadedPolicy, asOf: string): Question {
  return {
    name: "enterprise.name",
    kind: "input",
    message: { key: "ask.name" },
    validate: (raw) => enterpriseFieldMessage(policy, asOf, "name", raw.trim()),
  };
}

export function districtQuestion(policy: LoadedPolicy): Question {
  return {
    name: "enterprise.district",
    kind: "select",
    message: { key: "ask.district" },
    choices: [
      ...policy.data.vocabulary.districts.map((d) => ({ value: d.id, label: { zh: d.id, en: `${d.en} (${d.id})` } })),
      { value: ELSEWHERE, label: { key: "ask.district.elsewhere" } },
    ],
  };
}

export function creditCodeQuestion(policy: LoadedPolicy, asOf: string): Question {
  return {
    name: "enterprise.credit_code",
    kind: "input",
    message: { key: "ask.creditCode" },
    optional: true,
    validate: (raw) => enterpriseFieldMessage(policy, asOf, "credit_code", raw.trim()),
  };
}

export function ownershipQuestion(policy: LoadedPolicy): Question {
  return {
    name: "enterprise.ownership",
    kind: "select",
    message: { key: "ask.ownership" },
    choices: policy.data.vocabulary.ownership.map((o) => ({ value: o.id, label: { zh: o.zh, en: o.en } })),
  };
}

export function militaryCivilQuestion(): Question {
  return { name: "enterprise.military_civil", kind: "confirm", message: { key: "ask.militaryCivil" }, default: false };
}

/** Name, district, credit code: asked of every enterprise. */
export function enterpriseQuestions(policy: LoadedPolicy, asOf: string): Question[] {
  return [nameQuestion(policy, asOf), districtQuestion(policy), creditCodeQuestion(policy, asOf)];
}

// ------------------------------------------------------------------ which items

/** A chosen item kind, as checkbox value `list:kind`. */
export function choiceValue(list: ListName, kind: string): string {
  return `${list}:${kind}`;
}

export function parseChoice(value: string): { list: ListName; kind: string } | undefined {
  const i = value.indexOf(":");
  const list = value.slice(0, i) as ListName;
  return i > 0 && LISTS.includes(list) ? { list, kind: value.slice(i + 1) } : undefined;
}

/** One checkbox list per action of the policy, with every kind some program reads. Kinds no program reads change nothing. */
export function itemChoiceQuestions(policy: LoadedPolicy): Question[] {
  const groups = new Map<string, Choice[]>();
  for (const a of policy.data.vocabulary.actions) groups.set(a.id, []);
  const other: Choice[] = [];
  for (const list of LISTS) {
    for (const def of kindsOf(policy, list)) {
      if (programsFor(policy, list, def.id).length === 0) continue;
      const choice: Choice = { value: choiceValue(list, def.id), label: { zh: def.zh, en: def.en } };
      (groups.get(def.action) ?? other).push(choice);
    }
  }
  const out: Question[] = [];
  for (const a of policy.data.vocabulary.actions) {
    const choices = groups.get(a.id) ?? [];
    if (choices.length === 0) continue;
    out.push({ name: `items.${a.id}`, kind: "checkbox", message: { key: "ask.items", params: { action: a.id, zh: a.zh, en: a.en } }, choices, default: [] });
  }
  if (other.length > 0) out.push({ name: "items.other", kind: "checkbox", message: { key: "ask.items.other" }, choices: other, default: [] });
  return out;
}

// ------------------------------------------------------------------ follow-ups of one item

/** The item's labels, and a tag telling items of a kind apart: " #2" in an interview, " (recognitions[2])" for --from. */
function itemLabel(def: ItemTypeDef | undefined, kind: string, n: number | string): Record<string, string> {
  const tag = typeof n === "string" ? ` (${n})` : n > 1 ? ` #${n}` : "";
  return { zh: def?.zh ?? kind, en: def?.en ?? kind, tag };
}

/** The level question of an item, or undefined when the level cannot change a result. */
export function levelQuestion(policy: LoadedPolicy, list: ListName, kind: string, ref: string, n: number | string = 1): Question | undefined {
  const def = kindDef(policy, list, kind);
  const programs = programsFor(policy, list, kind);
  if (!programs.some((p) => p.items.levels)) return undefined;
  const levels = def && def.levels.length > 0 ? def.levels : policy.data.vocabulary.levels.map((l) => l.id);
  if (levels.length < 2) return undefined;
  const vocab = new Map(policy.data.vocabulary.levels.map((l) => [l.id, l]));
  const pays = (id: string) => programs.some((p) => (!p.items.levels || p.items.levels.includes(id)) && p.amount.kind !== "discretionary");
  // The cursor starts on a level that pays (never on one that pays nothing).
  const first = levels.find(pays) ?? levels.find((id) => programs.some((p) => !p.items.levels || p.items.levels.includes(id)));
  return {
    name: `${ref}.level`,
    kind: "select",
    message: { key: "ask.item.level", params: itemLabel(def, kind, n) },
    ...(first !== undefined ? { default: first } : {}),
    choices: levels.map((id) => {
      const l = vocab.get(id);
      const paid = programs.some((p) => !p.items.levels || p.items.levels.includes(id));
      const c: Choice = { value: id, label: { zh: l?.zh ?? id, en: l?.en ?? id } };
      if (!paid) c.hint = { key: "ask.level.notPaid" };
      return c;
    }),
  };
}

/** The date question of an item: asked when a program that could pay for it needs the date. */
export function dateQuestion(policy: LoadedPolicy, asOf: string, list: ListName, kind: string, ref: string, n: number | string = 1): Question {
  const def = kindDef(policy, list, kind);
  const since = policy.data.effective_from;
  const newly = programsFor(policy, list, kind).some((p) => p.items.newly);
  return {
    name: `${ref}.date`,
    kind: "date",
    message: { key: "ask.item.date", params: { ...itemLabel(def, kind, n), since } },
    help: { key: newly ? "ask.item.date.help" : "ask.item.date.help.year", params: { since } },
    optional: true,
    validate: (raw) => itemFieldMessage(policy, asOf, list, kind, "date", raw.trim()),
  };
}

/** A vocabulary field of an item (product, premium, audited investment…), with the policy's own label and help. */
export function fieldQuestion(policy: LoadedPolicy, asOf: string, list: ListName, kind: string, field: string, ref: string, n: number | string = 1): Question | undefined {
  const fdef = Object.hasOwn(policy.data.vocabulary.fields, field) ? policy.data.vocabulary.fields[field] : undefined;
  const def = kindDef(policy, list, kind);
  const params = { ...itemLabel(def, kind, n), fieldZh: fdef?.zh ?? field, fieldEn: fdef?.en ?? field };
  const base = { name: `${ref}.${field}`, message: { key: "ask.item.field", params }, optional: true } as const;
  if (fdef?.kind === "money") {
    return { ...base, kind: "money", help: fdef.help, ...moneyQuestionParts((yuan) => itemFieldMessage(policy, asOf, list, kind, field, yuan)) };
  }
  if (fdef) return { ...base, kind: "input", help: fdef.help, validate: (raw) => itemFieldMessage(policy, asOf, list, kind, field, raw.trim()) };
  if (field === ID_FIELD[list]) return { ...base, kind: "input", message: { key: `ask.item.${field}`, params } };
  return undefined;
}

function levelOf(answers: Answers, ref: string): string | undefined {
  const v = answers.get(`${ref}.level`);
  return typeof v === "string" ? v : undefined;
}

/**
 * The follow-ups of one item, in order: level, then — only if a program pays at that level — its date,
 * the fields those programs read, and the identifying code or name when each item counts on its own.
 */
export function itemQuestions(policy: LoadedPolicy, asOf: string, list: ListName, kind: string, ref: string, n: number | string = 1): Question[] {
  const out: Question[] = [];
  const level = levelQuestion(policy, list, kind, ref, n);
  if (level) out.push(level);
  const paying = (answers: Answers) => payingPrograms(policy, list, kind, levelOf(answers, ref));
  const def = kindDef(policy, list, kind);

  if (programsFor(policy, list, kind).some((p) => p.items.newly || p.items.needs_date || p.ends !== undefined)) {
    out.push({ ...dateQuestion(policy, asOf, list, kind, ref, n), when: (a) => paying(a).some((p) => p.items.newly || p.items.needs_date || p.ends !== undefined) });
  }
  for (const field of def?.fields ?? []) {
    if (!programsFor(policy, list, kind).some((p) => reads(p, field))) continue;
    const q = fieldQuestion(policy, asOf, list, kind, field, ref, n);
    if (q) out.push({ ...q, when: (a) => paying(a).some((p) => reads(p, field)) });
  }
  const idField = ID_FIELD[list];
  if (idField && programsFor(policy, list, kind).some((p) => p.amount.per === "item")) {
    const q = fieldQuestion(policy, asOf, list, kind, idField, ref, n);
    if (q) out.push({ ...q, when: (a) => paying(a).some((p) => p.amount.per === "item") });
  }
  // Whether the city already paid for it (issue 16): for every item that can pay a sum; what was
  // received counts against the caps.
  const paysSum = (a: Answers) => paying(a).some((p) => p.amount.kind !== "discretionary");
  if (programsFor(policy, list, kind).some((p) => p.amount.kind !== "discretionary")) {
    const params = itemLabel(def, kind, n);
    out.push({ name: `${ref}.rewarded`, kind: "confirm", message: { key: "ask.item.rewarded", params }, default: false, when: paysSum });
    out.push({
      name: `${ref}.rewarded_yuan`,
      kind: "money",
      message: { key: "ask.item.rewardedYuan", params },
      optional: true,
      when: (a) => paysSum(a) && a.get(`${ref}.rewarded`) === true,
      ...moneyQuestionParts((yuan) => itemFieldMessage(policy, asOf, list, kind, "rewarded_yuan", yuan)),
    });
  }
  return out;
}

/** "Another one of this kind?" — only where a second item can add to the result. */
export function anotherQuestion(policy: LoadedPolicy, list: ListName, kind: string, ref: string, n: number | string = 1): Question | undefined {
  if (!severalMatter(policy, list, kind)) return undefined;
  const def = kindDef(policy, list, kind);
  return { name: `${ref}.another`, kind: "confirm", message: { key: "ask.item.another", params: itemLabel(def, kind, n) }, default: false };
}

/** Ownership and 军民结合, when a program that could pay for one of the chosen items has that condition. */
export function enterpriseFollowUps(policy: LoadedPolicy, items: readonly { list: ListName; kind: string; level?: string }[]): Question[] {
  const programs = items.flatMap((i) => payingPrograms(policy, i.list, i.kind, i.level));
  const out: Question[] = [];
  if (programs.some((p) => p.enterprise?.ownership)) out.push(ownershipQuestion(policy));
  if (programs.some((p) => p.enterprise?.military_civil)) out.push(militaryCivilQuestion());
  return out;
}

// ------------------------------------------------------------------ one missing fact (subsidy ask --from)

/** The question that fills a profile path the engine reported missing, or undefined when the tool cannot ask it. */
export function questionForPath(policy: LoadedPolicy, asOf: string, data: Readonly<Record<ListName, readonly Readonly<Record<string, unknown>>[]>>, path: string): Question | undefined {
  if (path === "enterprise.district") return districtQuestion(policy);
  if (path === "enterprise.ownership") return ownershipQuestion(policy);
  if (path === "enterprise.military_civil") return militaryCivilQuestion();
  const m = /^(recognitions|projects|standards)\[(\d+)\]\.([a-z_]+)$/.exec(path);
  if (!m) return undefined;
  const list = m[1] as ListName;
  const index = Number(m[2]);
  const field = m[3] as string;
  const item = data[list][index];
  const kind = item?.[kindKey(list)];
  if (typeof kind !== "string") return undefined;
  const ref = `${list}[${index}]`;
  // --from names the item by its place in the file, not by its ordinal among items of its kind.
  if (field === "level") return levelQuestion(policy, list, kind, ref, ref);
  if (field === "date") return dateQuestion(policy, asOf, list, kind, ref, ref);
  return fieldQuestion(policy, asOf, list, kind, field, ref, ref);
}

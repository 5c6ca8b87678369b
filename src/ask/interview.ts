/**
 * Drives the question plan through an abstract Prompter: the terminal adapter in production, a scripted
 * prompter that answers by question name in tests. The result is plain profile data, validated by the
 * same schema as a profile file.
 */
import { evaluate } from "../engine/evaluate.js";
import { say, type RenderContext } from "../i18n/index.js";
import { validateProfileData } from "../profile/schema.js";
import type { Lang, ListName, LoadedPolicy, Profile } from "../types.js";
import {
  ELSEWHERE,
  anotherQuestion,
  enterpriseFollowUps,
  enterpriseQuestions,
  itemChoiceQuestions,
  itemQuestions,
  kindKey,
  parseChoice,
  questionForPath,
  type Answer,
  type Question,
  type QuestionKind,
  type Text,
} from "./plan.js";

/** A question rendered in the chosen language, as a terminal (or a script) sees it. */
export interface PromptSpec {
  name: string;
  kind: QuestionKind;
  message: string;
  help?: string;
  choices?: { value: string; label: string; hint?: string }[];
  default?: string | boolean | string[];
  /** The typed text → true, or the problem to show. */
  validate?: (raw: string) => true | string;
  /** money: the typed text in yuan, for confirmation. */
  echo?: (raw: string) => string;
}

export interface Prompter {
  /** input, date, money: the typed text; select: the value; checkbox: the values; confirm: a boolean. */
  ask(spec: PromptSpec): Promise<string | boolean | string[]>;
  /** A line of explanation between questions. */
  print(text: string): void;
}

export interface InterviewContext {
  lang: Lang;
  asOf: string;
}

export interface ProfileData {
  enterprise: Record<string, string | number | boolean>;
  recognitions: Record<string, string | number | boolean>[];
  projects: Record<string, string | number | boolean>[];
  standards: Record<string, string | number | boolean>[];
}

export type InterviewResult = { outcome: "done"; data: ProfileData; profile: Profile } | { outcome: "elsewhere" };

export function renderText(x: Text, ctx: RenderContext): string {
  return "key" in x ? say(x, ctx) : x[ctx.lang];
}

export function renderQuestion(q: Question, ctx: RenderContext): PromptSpec {
  const spec: PromptSpec = { name: q.name, kind: q.kind, message: renderText(q.message, ctx) };
  if (q.help) spec.help = renderText(q.help, ctx);
  if (q.optional) spec.help = [spec.help, say({ key: "ask.optional" }, ctx)].filter(Boolean).join(" ");
  if (q.choices) {
    spec.choices = q.choices.map((c) => ({ value: c.value, label: renderText(c.label, ctx), ...(c.hint ? { hint: renderText(c.hint, ctx) } : {}) }));
  }
  if (q.default !== undefined) spec.default = q.default;
  const validate = q.validate;
  if (validate || q.kind === "input" || q.kind === "date" || q.kind === "money") {
    spec.validate = (raw: string) => {
      if (raw.trim() === "") return q.optional ? true : say({ key: "ask.required" }, ctx);
      const m = validate?.(raw, new Map());
      return m ? say(m, ctx) : true;
    };
  }
  const echo = q.echo;
  if (echo) spec.echo = (raw) => say({ key: "ask.money.echo", params: { yuan: echo(raw, ctx.lang) } }, ctx);
  return spec;
}

/** Ask one question; the answer as it goes into the profile (undefined: not known). */
export async function askOne(q: Question, prompter: Prompter, ctx: RenderContext): Promise<Answer> {
  const spec = renderQuestion(q, ctx);
  const raw = await prompter.ask(spec);
  if (typeof raw !== "string") return raw;
  if (q.kind === "select") return raw;
  if (raw.trim() === "") return undefined;
  const problem = spec.validate?.(raw);
  if (problem !== undefined && problem !== true) throw new Error(`${q.name}: the prompter accepted an invalid answer: ${problem}`);
  return q.parse ? q.parse(raw) : raw.trim();
}

function setField(target: Record<string, string | number | boolean>, field: string, value: Answer): void {
  if (value === undefined || Array.isArray(value)) return;
  target[field] = value;
}

/** The whole interview: the enterprise, the items by action, each item's follow-ups, then ownership and 军民结合. */
export async function runInterview(policy: LoadedPolicy, prompter: Prompter, ictx: InterviewContext): Promise<InterviewResult> {
  const ctx: RenderContext = { lang: ictx.lang, policy };
  const answers = new Map<string, Answer>();
  const data: ProfileData = { enterprise: {}, recognitions: [], projects: [], standards: [] };

  for (const q of enterpriseQuestions(policy, ictx.asOf)) {
    const a = await askOne(q, prompter, ctx);
    answers.set(q.name, a);
    if (q.name === "enterprise.district" && a === ELSEWHERE) {
      prompter.print(say({ key: "ask.elsewhere" }, ctx) + "\n");
      return { outcome: "elsewhere" };
    }
    setField(data.enterprise, q.name.slice("enterprise.".length), a);
  }

  const chosen: { list: ListName; kind: string }[] = [];
  for (const q of itemChoiceQuestions(policy)) {
    const a = await askOne(q, prompter, ctx);
    answers.set(q.name, a);
    for (const v of Array.isArray(a) ? a : []) {
      const c = parseChoice(v);
      if (c) chosen.push(c);
    }
  }
  // Items go into their lists in vocabulary order, whatever order the actions listed them in.
  const order = (c: { list: ListName; kind: string }) => ["recognitions", "projects", "standards"].indexOf(c.list);
  chosen.sort((a, b) => order(a) - order(b));

  const items: { list: ListName; kind: string; level?: string }[] = [];
  for (const { list, kind } of chosen) {
    for (let n = 1; ; n++) {
      const ref = `${list}[${data[list].length}]`;
      const item: Record<string, string | number | boolean> = { [kindKey(list)]: kind };
      for (const q of itemQuestions(policy, ictx.asOf, list, kind, ref, n)) {
        if (q.when && !q.when(answers)) continue;
        const a = await askOne(q, prompter, ctx);
        answers.set(q.name, a);
        // "Not yet paid" is the default of a profile: only a yes is written.
        if (q.name === `${ref}.rewarded` && a !== true) continue;
        setField(item, q.name.slice(ref.length + 1), a);
      }
      data[list].push(item);
      items.push({ list, kind, ...(typeof item.level === "string" ? { level: item.level } : {}) });
      const another = anotherQuestion(policy, list, kind, ref, n);
      if (!another) break;
      const more = await askOne(another, prompter, ctx);
      answers.set(another.name, more);
      if (more !== true) break;
    }
  }

  for (const q of enterpriseFollowUps(policy, items)) {
    const a = await askOne(q, prompter, ctx);
    answers.set(q.name, a);
    setField(data.enterprise, q.name.slice("enterprise.".length), a);
  }

  return { outcome: "done", data, profile: validateProfileData(data, policy, { asOf: ictx.asOf }) };
}

/** A loaded profile as plain data again (without what the loader derived). */
export function profileData(profile: Profile): ProfileData {
  const enterprise: Record<string, string | number | boolean> = {};
  for (const [k, v] of Object.entries(profile.enterprise)) if (k !== "zibo_district" && v !== undefined) enterprise[k] = v;
  const items = (list: Profile["recognitions"]) =>
    list.map((i) => {
      const o: Record<string, string | number | boolean> = {};
      for (const [k, v] of Object.entries(i)) if (v !== undefined) o[k] = v;
      return o;
    });
  return { enterprise, recognitions: items(profile.recognitions), projects: items(profile.projects), standards: items(profile.standards) };
}

/** The facts the programs that may still pay turn on (eligible programs' missing facts included), in policy order. */
export function missingPaths(policy: LoadedPolicy, profile: Profile, asOf: string): string[] {
  const out: string[] = [];
  for (const r of evaluate(policy, profile, asOf).results) {
    if (r.status === "ineligible") continue;
    for (const p of r.missing) if (!out.includes(p)) out.push(p);
  }
  return out;
}

/**
 * subsidy ask --from: ask exactly the facts that leave programs needing information, one at a time with a
 * re-evaluation after each answer, so an answer that settles a program skips its other questions; never the same twice.
 */
export async function completeProfile(policy: LoadedPolicy, prompter: Prompter, ictx: InterviewContext, start: Profile): Promise<InterviewResult & { asked: string[] }> {
  const ctx: RenderContext = { lang: ictx.lang, policy };
  const data = profileData(start);
  const asked: string[] = [];
  let profile = start;
  // One fact at a time, re-evaluating after each answer: a level that no program pays makes its date moot.
  for (;;) {
    const path = missingPaths(policy, profile, ictx.asOf).find((p) => !asked.includes(p));
    if (path === undefined) break;
    asked.push(path);
    const q = questionForPath(policy, ictx.asOf, data, path);
    if (!q) continue;
    const a = await askOne(q, prompter, ctx);
    if (path === "enterprise.district" && a === ELSEWHERE) {
      prompter.print(say({ key: "ask.elsewhere" }, ctx) + "\n");
      return { outcome: "elsewhere", asked };
    }
    const m = /^(enterprise)\.(\w+)$|^(recognitions|projects|standards)\[(\d+)\]\.(\w+)$/.exec(path);
    if (!m) continue;
    if (m[1]) setField(data.enterprise, m[2] as string, a);
    else {
      const item = data[m[3] as ListName][Number(m[4])];
      if (item) setField(item, m[5] as string, a);
    }
    profile = validateProfileData(data, policy, { asOf: ictx.asOf });
  }
  return { outcome: "done", data, profile, asked };
}

/**
 * Every user-facing sentence in zh and en. Messages are data (key + params) until the edge,
 * where `say` renders them in the chosen language with the policy's own labels.
 */
import type { Lang, LoadedPolicy, Message } from "../types.js";
import { zh } from "./zh.js";
import { en } from "./en.js";
import { visible } from "../text/visible.js";

export type Params = Record<string, string | number>;
export type Catalog = Record<string, (p: Params, f: Formatters) => string>;
export const catalogs: Record<Lang, Catalog> = { zh, en };

export type MoneyUnit = "yuan" | "wan";

export interface RenderContext {
  lang: Lang;
  policy?: LoadedPolicy;
  unit?: MoneyUnit;
}

export interface Formatters {
  /** Whole yuan, e.g. ¥1,000,000 or 100万元. */
  money(yuan: number | string | undefined): string;
  /** Integer fen as a string, e.g. ¥3,800,000.90. */
  fen(fen: string | number | undefined): string;
  /** A vocabulary id (level, ownership, type, scope, field, list) in the chosen language. */
  label(id: string | number | undefined): string;
  /** `a|b` alternatives, labelled and joined with 或 / or. */
  oneOf(ids: string | number | undefined): string;
  /** A profile field's value: money fields as money, others as written. */
  field(field: string | number | undefined, value: string | number | undefined): string;
  /** A vocabulary field's help: what the fact is and where to find it (empty when none). */
  help(field: string | number | undefined): string;
  /** An item described by the params type, level, date, name: " (HC-5000, provincial first-set product, 2024-03-01)". */
  item(p: Params): string;
}

/** "1234567" → "1,234,567" (a leading "-" stays in front). */
function groupThousands(digits: string): string {
  const sign = digits.startsWith("-") ? "-" : "";
  const d = sign ? digits.slice(1) : digits;
  if (d.length <= 3) return digits;
  let out = d.slice(0, d.length % 3 || 3);
  for (let i = out.length; i < d.length; i += 3) out += "," + d.slice(i, i + 3);
  return sign + out;
}

/** Formats whole yuan without floating point. */
export function formatYuan(yuan: number | string | bigint, lang: Lang, unit: MoneyUnit = "yuan"): string {
  const s = BigInt(yuan).toString();
  if (unit === "wan") {
    const whole = s.length > 4 ? s.slice(0, -4) : "0";
    const rest = s.length > 4 ? s.slice(-4) : s.padStart(4, "0");
    const frac = rest.replace(/0+$/, "");
    const n = groupThousands(whole) + (frac ? `.${frac}` : "");
    return lang === "zh" ? `${n}万元` : `${n} wan yuan`;
  }
  return `¥${groupThousands(s)}`;
}

export function formatFen(fen: string | number | bigint, lang: Lang, unit: MoneyUnit = "yuan"): string {
  const f = BigInt(fen);
  const yuan = f / 100n;
  const cents = (f % 100n).toString().padStart(2, "0");
  if (unit === "wan") {
    return cents === "00" ? formatYuan(yuan, lang, unit) : `${formatYuan(yuan, lang, "yuan")}.${cents}`;
  }
  return `${formatYuan(yuan, lang, unit)}.${cents}`;
}

/** Every vocabulary label of a policy by id, first match in the order labelOf has always looked them up. */
const vocabularyLabels = new WeakMap<LoadedPolicy, Map<string, { zh: string; en: string }>>();
function labelsOf(policy: LoadedPolicy): Map<string, { zh: string; en: string }> {
  let m = vocabularyLabels.get(policy);
  if (m) return m;
  m = new Map();
  const v = policy.data.vocabulary;
  for (const list of [v.levels, v.ownership, v.recognition_types, v.project_types, v.standard_scopes, v.standard_roles]) {
    for (const e of list) if (!m.has(e.id)) m.set(e.id, e);
  }
  for (const [id, f] of Object.entries(v.fields)) if (!m.has(id)) m.set(id, f);
  vocabularyLabels.set(policy, m);
  return m;
}

/** Labels for vocabulary ids: the policy's own, then the tool's built-in ones. */
export function labelOf(id: string, ctx: RenderContext): string {
  if (ctx.policy) {
    const hit = labelsOf(ctx.policy).get(id);
    if (hit) return hit[ctx.lang];
  }
  const builtIn = catalogs[ctx.lang][`label.${id}`];
  return builtIn ? builtIn({}, formatters(ctx)) : id;
}

/** Formatters depend only on the language, the unit and the policy: made once for each (a batch renders thousands of messages). */
type ByUnit = Partial<Record<MoneyUnit | "none", Formatters>>;
const formattersCache = new WeakMap<object, Record<Lang, ByUnit>>();
const NO_POLICY = {};

export function formatters(ctx: RenderContext): Formatters {
  const byPolicy = ctx.policy ?? NO_POLICY;
  let m = formattersCache.get(byPolicy);
  if (!m) formattersCache.set(byPolicy, (m = { zh: {}, en: {} }));
  const byUnit = m[ctx.lang];
  const unit = ctx.unit ?? "none";
  return (byUnit[unit] ??= makeFormatters({ lang: ctx.lang, ...(ctx.policy ? { policy: ctx.policy } : {}), ...(ctx.unit ? { unit: ctx.unit } : {}) }));
}

function makeFormatters(ctx: RenderContext): Formatters {
  const f: Formatters = {
    money: (yuan) => formatYuan(yuan ?? 0, ctx.lang, ctx.unit),
    fen: (x) => formatFen(x ?? 0, ctx.lang, ctx.unit),
    label: (id) => (id === undefined ? "" : labelOf(String(id), ctx)),
    oneOf: (ids) =>
      String(ids ?? "")
        .split("|")
        .map((x) => labelOf(x, ctx))
        .join(ctx.lang === "zh" ? "或" : " or "),
    field: (field, value) => {
      const v = String(value ?? "");
      const def = field !== undefined && ctx.policy && Object.hasOwn(ctx.policy.data.vocabulary.fields, String(field)) ? ctx.policy.data.vocabulary.fields[String(field)] : undefined;
      const m = /^(\d+)(?:\.(\d{1,2}))?$/.exec(v);
      if (def?.kind !== "money" || !m) return v;
      return m[2] ? formatFen(`${m[1]}${m[2].padEnd(2, "0")}`, ctx.lang, ctx.unit) : formatYuan(m[1] ?? "0", ctx.lang, ctx.unit);
    },
    help: (field) => {
      const fields = ctx.policy?.data.vocabulary.fields;
      const key = String(field ?? "");
      return fields && Object.hasOwn(fields, key) ? (fields[key]?.help[ctx.lang] ?? "") : "";
    },
    item: (p) => {
      if (p.type === undefined) return "";
      let type = labelOf(String(p.type), ctx);
      // "national green factory", but "national ITM certification": lower-case only a capitalised word.
      if (ctx.lang === "en" && /^[A-Z][a-z]/.test(type)) type = type[0]?.toLowerCase() + type.slice(1);
      const what = [p.level !== undefined ? labelOf(String(p.level), ctx) : "", type].filter(Boolean).join(ctx.lang === "zh" ? "" : " ");
      // An item's name comes from the profile: control characters shown escaped in every report.
      const parts = [p.name !== undefined ? visible(String(p.name)) : "", what, p.date !== undefined ? String(p.date) : ""].filter(Boolean);
      return ctx.lang === "zh" ? `(${parts.join(",")})` : ` (${parts.join(", ")})`;
    },
  };
  return f;
}

/** Renders one message. A message that names a clause ends with it, so every reason cites its clause. */
export function say(m: Message, ctx: RenderContext): string {
  const catalog = catalogs[ctx.lang];
  const fn = catalog[m.key];
  const params = m.params ?? {};
  const f = formatters(ctx);
  const text = fn ? fn(params, f) : m.key;
  const clause = m.clause ?? params.clause;
  if (clause === undefined) return text;
  return ctx.lang === "zh" ? `${text}(${clause})` : `${text} (${clause})`;
}

/** A fixed UI string by key (table headings, labels). */
export function t(key: string, ctx: RenderContext, params: Params = {}): string {
  return say({ key, params }, ctx);
}

let runLang: Lang = "en";
/** The language of the run's messages, errors included: set once by the CLI before any command runs. */
export function setMessageLang(lang: Lang): void {
  runLang = lang;
}
export function messageLang(): Lang {
  return runLang;
}

/** --lang, else zh when LANG (or LC_ALL / LC_MESSAGES) starts with zh, else en. */
export function detectLang(explicit: string | undefined, env: NodeJS.ProcessEnv): Lang {
  if (explicit === "zh" || explicit === "en") return explicit;
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || "";
  return locale.toLowerCase().startsWith("zh") ? "zh" : "en";
}

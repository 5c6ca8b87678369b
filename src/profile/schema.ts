/**
 * The profile schema, built from the policy's vocabulary (types, levels, fields), and the step that
 * turns zod issues into located errors that say how to fix the file.
 *
 * Nothing is coerced: "380万" is not money, `no` is not false (YAML 1.2 reads it as text), a number is
 * not a credit code. Every object is strict at every depth, so a typo never silently drops a fact.
 */
import { z } from "zod";
import { SubsidyError, ValidationErrors } from "../errors.js";
import { isRealDate } from "../dates.js";
import { districtSlip, resolveDistrict } from "../policy/index-policy.js";
import { closest } from "../parse/suggest.js";
import { labelOf, messageLang, say, type Params } from "../i18n/index.js";
import type { ParsedDocument } from "../parse/document.js";
import { formatPath } from "../parse/path.js";
import type { ListName, LoadedPolicy, Message, Profile, ProfileItem } from "../types.js";
import { checkCreditCode } from "./credit-code.js";
import { fenToYuanText, parseSpokenMoney } from "../parse/money.js";
import { decimals, ENTERPRISE_KEYS, ENTERPRISE_SHAPE, listSpecs, TOP_KEYS, type ListSpec, type Shape, type ValueKind } from "./rules.js";

export { ENTERPRISE_KEYS, TOP_KEYS };

/** Validation for a handful of profiles: zod's compiled fast paths (new Function) cost more than they save there. */
export function validateWithoutJit(): void {
  z.config({ jitless: true });
}

export interface ProfileSchemaOptions {
  /** The evaluation date (YYYY-MM-DD): no item may be dated after it. */
  asOf: string;
}

export interface ValidateOptions extends ProfileSchemaOptions {
  file?: string;
  locate?: ParsedDocument["locate"];
}

type Path = readonly PropertyKey[];

export { formatPath };
type Iss = { input?: unknown };


/** Keys people write in Chinese, for the suggestion only (the profile's keys are English). */
const CHINESE_KEYS: ReadonlyMap<string, string> = new Map([
  ["名称", "name"],
  ["企业名称", "name"],
  ["统一社会信用代码", "credit_code"],
  ["信用代码", "credit_code"],
  ["区县", "district"],
  ["所在区县", "district"],
  ["企业性质", "ownership"],
  ["所有制", "ownership"],
  ["军民结合", "military_civil"],
  ["类型", "type"],
  ["级别", "level"],
  ["日期", "date"],
  ["备注", "note"],
  ["已奖励", "rewarded"],
  ["企业", "enterprise"],
  ["项目", "projects"],
  ["标准", "standards"],
]);

const BOOLEAN_WORDS: ReadonlyMap<string, boolean> = new Map([
  ["yes", true],
  ["no", false],
  ["y", true],
  ["n", false],
  ["on", true],
  ["off", false],
  ["true", true],
  ["false", false],
  ["是", true],
  ["否", false],
  ["有", true],
  ["无", false],
  ["对", true],
  ["错", false],
]);

/**
 * zod carries an issue's message as a string: ours are catalogue messages, encoded behind a NUL (no
 * message text starts with one) and decoded into a Message where the error is located.
 */
const ENCODED = "\u0000";
function msg(key: string, params: Params = {}): string {
  return ENCODED + JSON.stringify({ key, params });
}
function decoded(message: string): Message {
  // Anything zod says itself (no check of ours gives it a chance to) is passed on as its detail.
  return message.startsWith(ENCODED) ? (JSON.parse(message.slice(1)) as Message) : { key: "err.profile.invalid", params: { detail: message } };
}

/** What a value is, for "expected X, got Y": params `got` (its kind) and `value`, rendered by the catalogue's got(). */
export function describe(v: unknown): Params {
  if (v === undefined || v === null) return { got: "nothing" };
  if (typeof v === "string") return { got: "text", value: v.length > 40 ? v.slice(0, 40) + "…" : v, colon: v.includes("：") ? 1 : 0 };
  if (typeof v === "number") {
    if (!Number.isFinite(v)) return { got: "number", value: String(v) };
    // Past 2^53 the number read is not the one written (913703051632400210 reads as …300): never quote it.
    if (Number.isInteger(v) && !Number.isSafeInteger(v)) {
      // From 10^21 on, String() writes an exponent: no digit count to give then.
      return Math.abs(v) < 1e21 ? { got: "long-number", value: String(Math.abs(v)).length } : { got: "huge-number" };
    }
    return { got: "number", value: v };
  }
  if (typeof v === "boolean") return { got: "boolean", value: String(v) };
  if (Array.isArray(v)) return { got: "list" };
  if (typeof v === "object") return { got: "mapping" };
  return { got: "other", value: typeof v };
}

const textSchema = z.string({
  error: (iss: Iss) => (iss.input === undefined ? msg("err.profile.required") : msg("err.profile.expectedText", describe(iss.input))),
});

const booleanSchema = z.boolean({
  error: (iss: Iss) => {
    const word = typeof iss.input === "string" ? BOOLEAN_WORDS.get(iss.input.trim().toLowerCase()) : undefined;
    return word !== undefined
      ? msg("err.profile.booleanWord", { word: String(word), value: String(iss.input) })
      : msg("err.profile.expectedBoolean", describe(iss.input));
  },
});

/** A money string as people write it ("380万", "3,800,000", "¥1.2亿") → the plain number to write instead. */
export function moneyFromText(s: string): string | undefined {
  const r = parseSpokenMoney(s);
  return r.ok ? fenToYuanText(r.fen) : undefined;
}

const moneySchema = z
  .number({
    error: (iss: Iss) => {
      const v = iss.input;
      if (typeof v === "string") return msg("err.profile.moneyText", { value: v, suggest: moneyFromText(v) ?? "3800000" });
      if (typeof v === "number") return msg("err.profile.moneyNumber", { value: String(v) });
      return msg("err.profile.moneyExpected", describe(v));
    },
  })
  .superRefine((n, ctx) => {
    if (n < 0) ctx.addIssue({ code: "custom", message: msg("err.profile.moneyNegative", { value: n }), input: n });
    else if (!Number.isSafeInteger(Math.trunc(n))) ctx.addIssue({ code: "custom", message: msg("err.profile.moneyTooLarge", { value: String(n) }), input: n });
    else if (decimals(n) > 2) ctx.addIssue({ code: "custom", message: msg("err.profile.moneyDecimals", { value: n }), input: n });
  });


function dateSchema(asOf: string) {
  return z
    .string({
      error: (iss: Iss) => (iss.input === undefined ? msg("err.profile.required") : msg("err.profile.dateExpected", describe(iss.input))),
    })
    .superRefine((s, ctx) => {
      const loose = /^\s*(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?\s*$/.exec(s);
      if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) {
        const suggest = loose ? `${loose[1]}-${(loose[2] as string).padStart(2, "0")}-${(loose[3] as string).padStart(2, "0")}` : "";
        ctx.addIssue({ code: "custom", message: msg("err.profile.dateFormat", { value: s, suggest }), input: s });
      } else if (!isRealDate(s)) {
        ctx.addIssue({ code: "custom", message: msg("err.profile.dateNotReal", { value: s }), input: s });
      }
      // A date after --as-of is valid: the engine leaves the item out of that evaluation and names it
      // in the warnings (issue 16); `asOf` stays in the signature for the schema cache.
      void asOf;
    });
}

/**
 * A string that must be one of `ids` (looked up in a Set, never on an object). `what`: the kind of term,
 * as the catalogue names it (recognition type, project type, standard scope, ownership, level, standard role).
 */
function oneOf(what: string, ids: readonly string[]) {
  const set = new Set(ids);
  const all = ids.join("|");
  return z
    .string({
      error: (iss: Iss) =>
        iss.input === undefined ? msg("err.profile.termMissing", { what, ids: all }) : msg("err.profile.termExpected", { what, ids: all, ...describe(iss.input) }),
    })
    .superRefine((s, ctx) => {
      if (!set.has(s)) {
        const c = closest(s, ids);
        ctx.addIssue({ code: "custom", message: msg("err.profile.termUnknown", { what, value: s, suggest: c !== undefined && c !== s ? c : "", ids: all }), input: s });
      }
    });
}

/** `what`: enterprise, or a list whose items the mapping is. */
function objectError(what: string, missing: string) {
  return (iss: Iss & { code?: string }) =>
    iss.code === "invalid_type" ? (iss.input === undefined ? missing : msg("err.profile.expectedMapping", { what, ...describe(iss.input) })) : undefined;
}

function listOf<T extends z.ZodType>(list: ListName, item: T) {
  return z.array(item, { error: (iss: Iss) => msg("err.profile.expectedList", { list, ...describe(iss.input) }) }).nullish();
}

/** Every key an item of the list may carry: its own keys and every vocabulary field. */
function itemKeys(policy: LoadedPolicy, spec: ListSpec): string[] {
  return [...new Set([...spec.base, ...Object.keys(policy.data.vocabulary.fields)])];
}

export function buildProfileSchema(policy: LoadedPolicy, opts: ProfileSchemaOptions) {
  const v = policy.data.vocabulary;
  const date = dateSchema(opts.asOf);
  const fields = new Map(Object.entries(v.fields));

  // One zod schema for each kind of value of rules.ts; its shapes give the keys and their order.
  const valueSchema = (kind: ValueKind, spec?: ListSpec): z.ZodType => {
    switch (kind) {
      case "name":
        return textSchema.refine((s) => s.trim() !== "", msg("err.profile.nameEmpty"));
      case "kind":
        return oneOf((spec as ListSpec).kindWord, (spec as ListSpec).kinds.map((k) => k.id));
      case "text":
        return textSchema.nullish();
      case "credit-code":
        return textSchema
          .superRefine((s, ctx) => {
            const r = checkCreditCode(s);
            if (!r.ok) ctx.addIssue({ code: "custom", message: msg(r.reason.key, r.reason.params), input: s });
          })
          .nullish();
      case "ownership":
        return oneOf("ownership", v.ownership.map((o) => o.id)).nullish();
      case "boolean":
        return booleanSchema.nullish();
      case "money":
        return moneySchema.nullish();
      case "date":
        return date.nullish();
      case "level":
        return oneOf("level", v.levels.map((l) => l.id)).nullish();
      case "role":
        return oneOf("standard role", v.standard_roles.map((r) => r.id)).nullish();
    }
  };
  const shapeOf = (shape: Shape, spec?: ListSpec): Record<string, z.ZodType> => Object.fromEntries(shape.map(([key, kind]) => [key, valueSchema(kind, spec)]));

  const enterprise = z.strictObject(shapeOf(ENTERPRISE_SHAPE), {
    error: objectError("enterprise", msg("err.profile.missingEnterprise")),
  });

  const itemSchema = (spec: ListSpec) => {
    const kinds = new Map(spec.kinds.map((k) => [k.id, k]));
    return z
      .strictObject(shapeOf(spec.shape, spec), { error: objectError(spec.list, msg("err.profile.missingItem", { list: spec.list })) })
      .superRefine((item, ctx) => {
        const kindValue = item[spec.kindKey];
        const kind = typeof kindValue === "string" ? kinds.get(kindValue) : undefined;
        if (!kind) return;
        for (const key of Object.keys(item)) {
          if (spec.base.includes(key) || !fields.has(key) || item[key] === undefined || item[key] === null) continue;
          if (kind.fields.includes(key)) continue;
          ctx.addIssue({ code: "custom", path: [key], message: fieldNotTaken(policy, spec, kind.id, key), input: item[key] });
        }
      });
  };

  const specs = listSpecs(policy);
  const [rec, proj, std] = specs as [ListSpec, ListSpec, ListSpec];
  return z.strictObject(
    {
      enterprise,
      recognitions: listOf("recognitions", itemSchema(rec)),
      projects: listOf("projects", itemSchema(proj)),
      standards: listOf("standards", itemSchema(std)),
    },
    {
      error: (iss: Iss & { code?: string }) => (iss.code === "invalid_type" ? msg("err.profile.notMapping", describe(iss.input)) : undefined),
    },
  );
}

function fieldNotTaken(policy: LoadedPolicy, spec: ListSpec, kindId: string, key: string): string {
  const takers = spec.kinds.filter((k) => k.fields.includes(key)).map((k) => k.id);
  const at = { key, list: spec.list, kindKey: spec.kindKey, kind: kindId };
  if (takers.length > 0) return msg("err.profile.fieldForOtherKinds", { ...at, kinds: takers.join("|") });
  // Elsewhere: "list kindKey id" for each kind of another list that takes the field.
  const elsewhere = listSpecs(policy)
    .filter((s) => s.list !== spec.list)
    .flatMap((s) => s.kinds.filter((k) => k.fields.includes(key)).map((k) => `${s.list} ${s.kindKey} ${k.id}`));
  return elsewhere.length > 0 ? msg("err.profile.fieldOfOtherList", { ...at, elsewhere: elsewhere.join("|") }) : msg("err.profile.fieldNotApplicable", at);
}

/** The keys the object at `path` accepts, for "did you mean". */
function knownKeysAt(policy: LoadedPolicy, path: Path): readonly string[] {
  if (path.length === 0) return TOP_KEYS;
  if (path.length === 1 && path[0] === "enterprise") return ENTERPRISE_KEYS;
  if (path.length === 2) {
    const spec = listSpecs(policy).find((s) => s.list === path[0]);
    if (spec) return itemKeys(policy, spec);
  }
  return [];
}

function unknownKeyMessage(policy: LoadedPolicy, path: Path, key: string): Message {
  const known = knownKeysAt(policy, path);
  const zh = CHINESE_KEYS.get(key.trim());
  const c = zh !== undefined && known.includes(zh) ? zh : closest(key, known);
  const suggest = c !== undefined && c !== key ? c : "";
  const params = {
    key,
    where: path.length ? formatPath(path) : "",
    suggest,
    colon: !suggest && key.includes("：") ? 1 : 0,
    known: known.length > 0 && known.length <= 12 ? known.join("|") : "",
  };
  return { key: "err.profile.unknownField", params };
}

/**
 * The message for a value at `path`: in Chinese led by the field's name as people say it (审核设备投资额：…),
 * the profile path staying in the location prefix.
 */
/** Messages that name what they are about themselves. */
const SAYS_WHAT_IT_IS = new Set([
  "err.profile.unknownField",
  "err.profile.missingEnterprise",
  "err.profile.nameEmpty",
  "err.profile.expectedList",
  "err.profile.expectedMapping",
  "err.profile.notMapping",
  "err.profile.termMissing",
  "err.profile.termExpected",
  "err.profile.termUnknown",
  "err.creditCode.length",
  "err.creditCode.char",
  "err.creditCode.check",
  "profile.district.slip",
]);

function atField(policy: LoadedPolicy, path: Path, m: Message): Message {
  const last = path[path.length - 1];
  // Rendered here, where the policy is at hand: it names the types, levels and fields the message cites.
  const ctx = { lang: messageLang(), policy };
  const named = typeof last === "string" && !SAYS_WHAT_IT_IS.has(m.key) ? labelOf(last, ctx) : "";
  return { key: "err.profile.atField", params: { label: named === last ? "" : named, message: say(m, ctx) } };
}

/** A batch validates thousands of files against one policy and date: build each schema once. */
const schemaCache = new WeakMap<LoadedPolicy, Map<string, ReturnType<typeof buildProfileSchema>>>();
function cachedSchema(policy: LoadedPolicy, asOf: string): ReturnType<typeof buildProfileSchema> {
  let byDate = schemaCache.get(policy);
  if (!byDate) schemaCache.set(policy, (byDate = new Map()));
  let schema = byDate.get(asOf);
  if (!schema) byDate.set(asOf, (schema = buildProfileSchema(policy, { asOf })));
  return schema;
}

/** Validate parsed profile data against the policy: the Profile, or ValidationErrors with every issue located. */
export function validateProfileData(data: unknown, policy: LoadedPolicy, opts: ValidateOptions): Profile {
  const schema = cachedSchema(policy, opts.asOf);
  const result = schema.safeParse(data);
  const slip = districtSlipOf(data, policy);
  if (!result.success || slip) {
    const errors: { err: SubsidyError; order: number }[] = [];
    const located = (path: Path, message: Message) => {
      const pos = opts.locate?.(path.filter((s): s is string | number => typeof s !== "symbol"));
      const err = new SubsidyError("validation", atField(policy, path, message), {
        ...(opts.file !== undefined ? { file: opts.file } : {}),
        ...(pos ? { line: pos.line, col: pos.col } : {}),
        ...(path.length ? { path: formatPath(path) } : {}),
      });
      errors.push({ err, order: errors.length });
    };
    if (slip) located(["enterprise", "district"], slip);
    for (const issue of result.success ? [] : result.error.issues) {
      if (issue.code === "unrecognized_keys") {
        for (const key of issue.keys) located([...issue.path, key], unknownKeyMessage(policy, issue.path, key));
      } else {
        located(issue.path, decoded(issue.message));
      }
    }
    errors.sort((a, b) => (a.err.location.line ?? Infinity) - (b.err.location.line ?? Infinity) || a.order - b.order);
    throw new ValidationErrors(errors.map((e) => e.err));
  }

  const parsed = result.data as {
    enterprise: Record<string, unknown>;
    recognitions?: Record<string, unknown>[] | null;
    projects?: Record<string, unknown>[] | null;
    standards?: Record<string, unknown>[] | null;
  };
  const enterprise = dropNulls(parsed.enterprise) as unknown as Profile["enterprise"];
  if (enterprise.district !== undefined) {
    const zibo = resolveDistrict(policy.index, enterprise.district);
    if (zibo !== undefined) enterprise.zibo_district = zibo;
  }
  return {
    enterprise,
    recognitions: (parsed.recognitions ?? []).map((i) => dropNulls(i) as ProfileItem),
    projects: (parsed.projects ?? []).map((i) => dropNulls(i) as ProfileItem),
    standards: (parsed.standards ?? []).map((i) => dropNulls(i) as ProfileItem),
  };
}

/** A district one character from a Zibo division (张店去): a profile error with did-you-mean, never a silent "outside Zibo". */
function districtSlipOf(data: unknown, policy: LoadedPolicy): Message | undefined {
  const e = data !== null && typeof data === "object" ? (data as { enterprise?: unknown }).enterprise : undefined;
  const value = e !== null && typeof e === "object" ? (e as { district?: unknown }).district : undefined;
  if (typeof value !== "string") return undefined;
  const suggestion = districtSlip(policy.index, value);
  return suggestion === undefined ? undefined : { key: "profile.district.slip", params: { value, suggestion } };
}

/** A blank value (`date:` with nothing after it) means "not given", like leaving the line out. */
function dropNulls(o: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, val] of Object.entries(o)) if (val !== null && val !== undefined) out[k] = val;
  return out;
}

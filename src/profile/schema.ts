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
import { didYouMean } from "../parse/suggest.js";
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

/** What a value is, in words, for "expected X, got Y". */
export function describe(v: unknown): string {
  if (v === undefined || v === null) return "nothing";
  if (typeof v === "string") return `the text "${v.length > 40 ? v.slice(0, 40) + "…" : v}"`;
  if (typeof v === "number") {
    if (!Number.isFinite(v)) return `${v}`;
    // Past 2^53 the number read is not the one written (913703051632400210 reads as …300): never quote it.
    if (Number.isInteger(v) && !Number.isSafeInteger(v)) {
      // From 10^21 on, String() writes an exponent: no digit count to give then.
      return Math.abs(v) < 1e21 ? `a number of ${String(Math.abs(v)).length} digits, too long to be kept exactly` : "a number too long to be kept exactly";
    }
    return `the number ${v}`;
  }
  if (typeof v === "boolean") return String(v);
  if (Array.isArray(v)) return "a list";
  if (typeof v === "object") return "a mapping (key: value lines)";
  return typeof v;
}

function fullWidthHint(v: unknown): string {
  return typeof v === "string" && v.includes("：")
    ? " — this line uses the full-width colon '：', so it reads as text; use ':' followed by a space"
    : "";
}

const textSchema = z.string({
  error: (iss: Iss) =>
    iss.input === undefined
      ? "missing: this field is required"
      : `expected text, got ${describe(iss.input)}${typeof iss.input === "number" ? "; put it in quotes" : ""}`,
});

const booleanSchema = z.boolean({
  error: (iss: Iss) => {
    const word = typeof iss.input === "string" ? BOOLEAN_WORDS.get(iss.input.trim().toLowerCase()) : undefined;
    return word !== undefined
      ? `expected true or false: write ${word}, not '${String(iss.input)}' (YAML reads '${String(iss.input)}' as text)`
      : `expected true or false, got ${describe(iss.input)}`;
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
      if (typeof v === "string") {
        const n = moneyFromText(v);
        return `write money as a plain number of yuan, e.g. ${n ?? "3800000"}, not "${v}"`;
      }
      if (typeof v === "number") return `expected a number of yuan, got ${v}`;
      return `expected a plain number of yuan, e.g. 3800000; got ${describe(v)}`;
    },
  })
  .superRefine((n, ctx) => {
    if (n < 0) ctx.addIssue({ code: "custom", message: `money cannot be negative (got ${n})`, input: n });
    else if (!Number.isSafeInteger(Math.trunc(n)))
      ctx.addIssue({
        code: "custom",
        message: `${n} yuan is too large to be exact (the most is 9007199254740991); check the figure is in yuan`,
        input: n,
      });
    else if (decimals(n) > 2)
      ctx.addIssue({ code: "custom", message: `money has at most two decimals (fen), got ${n}`, input: n });
  });


function dateSchema(asOf: string) {
  return z
    .string({
      error: (iss: Iss) =>
        iss.input === undefined
          ? "missing: this field is required"
          : `expected a date written YYYY-MM-DD (in quotes is fine), got ${describe(iss.input)}`,
    })
    .superRefine((s, ctx) => {
      const loose = /^\s*(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?\s*$/.exec(s);
      if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) {
        const hint = loose ? `, e.g. ${loose[1]}-${(loose[2] as string).padStart(2, "0")}-${(loose[3] as string).padStart(2, "0")}` : "";
        ctx.addIssue({ code: "custom", message: `expected a date written YYYY-MM-DD${hint}, got "${s}"`, input: s });
      } else if (!isRealDate(s)) {
        ctx.addIssue({ code: "custom", message: `${s} is not a real calendar date; check the month and day`, input: s });
      }
      // A date after --as-of is valid: the engine leaves the item out of that evaluation and names it
      // in the warnings (issue 16); `asOf` stays in the signature for the schema cache.
      void asOf;
    });
}

/** A string that must be one of `ids` (looked up in a Set, never on an object). */
function oneOf(what: string, ids: readonly string[]) {
  const set = new Set(ids);
  return z
    .string({
      error: (iss: Iss) =>
        iss.input === undefined
          ? `missing ${what}: write one of ${ids.join(", ")}`
          : `expected a ${what} (one of ${ids.join(", ")}), got ${describe(iss.input)}${fullWidthHint(iss.input)}`,
    })
    .superRefine((s, ctx) => {
      if (!set.has(s)) {
        ctx.addIssue({
          code: "custom",
          message: `unknown ${what} '${s}'${didYouMean(s, ids)} — valid: ${ids.join(", ")}`,
          input: s,
        });
      }
    });
}

function objectError(what: string, missing = `missing ${what}`) {
  return (iss: Iss & { code?: string }) =>
    iss.code === "invalid_type"
      ? iss.input === undefined
        ? missing
        : `expected ${what} as a mapping (key: value lines), got ${describe(iss.input)}${fullWidthHint(iss.input)}`
      : undefined;
}

function listOf<T extends z.ZodType>(list: ListName, item: T) {
  return z
    .array(item, {
      error: (iss: Iss) =>
        `expected ${list} as a list (lines starting with '- '), got ${describe(iss.input)}${fullWidthHint(iss.input)}`,
    })
    .nullish();
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
        return textSchema.refine((s) => s.trim() !== "", "the enterprise name is empty; write the registered name");
      case "kind":
        return oneOf((spec as ListSpec).kindWord, (spec as ListSpec).kinds.map((k) => k.id));
      case "text":
        return textSchema.nullish();
      case "credit-code":
        return textSchema
          .superRefine((s, ctx) => {
            const r = checkCreditCode(s);
            if (!r.ok) ctx.addIssue({ code: "custom", message: `invalid credit code (统一社会信用代码): ${r.reason}`, input: s });
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
    error: objectError("enterprise", "missing the enterprise section: add 'enterprise:' with at least 'name:' under it"),
  });

  const itemSchema = (spec: ListSpec) => {
    const kinds = new Map(spec.kinds.map((k) => [k.id, k]));
    return z
      .strictObject(shapeOf(spec.shape, spec), { error: objectError(`each item of ${spec.list}`) })
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
      error: (iss: Iss & { code?: string }) =>
        iss.code === "invalid_type"
          ? `a profile is a mapping with enterprise:, recognitions:, projects: and standards:, got ${describe(iss.input)}${fullWidthHint(iss.input)}`
          : undefined,
    },
  );
}

function fieldNotTaken(policy: LoadedPolicy, spec: ListSpec, kindId: string, key: string): string {
  const takers = spec.kinds.filter((k) => k.fields.includes(key)).map((k) => k.id);
  const kindWord = spec.kindKey;
  if (takers.length > 0) {
    return `'${key}' does not apply to ${spec.list} of ${kindWord} '${kindId}'; it is for ${kindWord} ${takers.join(", ")}`;
  }
  const elsewhere = listSpecs(policy)
    .filter((s) => s.list !== spec.list)
    .flatMap((s) => s.kinds.filter((k) => k.fields.includes(key)).map((k) => `${s.list} of ${s.kindKey} ${k.id}`));
  return elsewhere.length > 0
    ? `'${key}' does not apply to ${spec.list}; it belongs to ${elsewhere.join(", ")}`
    : `'${key}' does not apply to ${spec.list} of ${kindWord} '${kindId}'; remove it`;
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

function unknownKeyMessage(policy: LoadedPolicy, path: Path, key: string): string {
  const known = knownKeysAt(policy, path);
  const zh = CHINESE_KEYS.get(key.trim());
  let hint = zh !== undefined && known.includes(zh) ? `; did you mean '${zh}'?` : didYouMean(key, known);
  if (!hint && key.includes("：")) hint = " — the full-width colon '：' does not separate a key from its value; use ':' and a space";
  const where = path.length ? ` in ${formatPath(path)}` : "";
  const list = known.length > 0 && known.length <= 12 ? ` (known: ${known.join(", ")})` : "";
  return `unknown field '${key}'${where}${hint || list}`;
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
    const located = (path: Path, message: string | Message) => {
      const pos = opts.locate?.(path.filter((s): s is string | number => typeof s !== "symbol"));
      const err = new SubsidyError("validation", message, {
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
        located(issue.path, issue.message);
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

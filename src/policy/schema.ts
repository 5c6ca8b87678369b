/**
 * The zod schema of policy.yaml. The policy is data, never code: every condition and amount rule
 * is one of the declarative shapes below, and the engine interprets them.
 */
import { z } from "zod";
import { isRealDate } from "../dates.js";

export { isRealDate };

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "expected a date written YYYY-MM-DD")
  .refine(isRealDate, "not a real calendar date");


const text = z.string().min(1);
/** A label in both languages. */
const bilingual = z.strictObject({ zh: text, en: text });
const slug = z.string().regex(/^[a-z][a-z0-9-]*$/, "expected a lower-case id such as green-factory");

const yuanValue = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);
/** A percentage with at most two decimals (so it is a whole number of basis points). */
const percentValue = z
  .number()
  .positive()
  .max(100)
  .refine((n) => Number.isInteger(Math.round(n * 100)) && Math.abs(n * 100 - Math.round(n * 100)) < 1e-9, "at most two decimals");

/**
 * A value that may change over time: either a plain value, or a map from the date each value
 * takes effect to the value (`{2020-07-21: 1000000, 2023-01-01: 1500000}`), as OpenFisca parameters do.
 */
export function dated<T extends z.ZodType>(value: T) {
  return z.union([value, z.record(isoDate, value).refine((r) => Object.keys(r).length > 0, "needs at least one dated value")]);
}

const datedYuan = dated(yuanValue);
const datedPercent = dated(percentValue);

const vocabEntry = z.strictObject({ id: slug, zh: text, en: text });

const fieldDef = z.strictObject({
  /** money: a non-negative number of yuan; text: a free string. */
  kind: z.enum(["money", "text"]),
  zh: text,
  en: text,
  /** A sentence for the consultant: what this fact is and where to find it. */
  help: bilingual,
});

const itemTypeDef = z.strictObject({
  id: slug,
  zh: text,
  en: text,
  /** The action (二(一)…二(五)) the type belongs to, for grouping in the questionnaire. */
  action: z.string(),
  /** The levels at which this type exists (the questionnaire offers only these). Empty: level does not apply. */
  levels: z.array(slug).default([]),
  /** Extra item fields this type takes, by id in vocabulary.fields. */
  fields: z.array(z.string()).default([]),
});

const districtDef = z.strictObject({
  /** The Chinese name printed in every output. */
  id: text,
  en: text,
  /** Other spellings accepted in profiles: short names, pinyin, the text's own long name. */
  aliases: z.array(text).default([]),
  /** Real places outside Zibo written one character from this division (沂水县 beside 沂源县): never read as a slip. */
  elsewhere: z.array(text).default([]),
});

const actionDef = z.strictObject({ id: z.string(), zh: text, en: text });

export const vocabularySchema = z.strictObject({
  districts: z.array(districtDef).min(1),
  levels: z.array(vocabEntry).min(1),
  ownership: z.array(vocabEntry).min(1),
  actions: z.array(actionDef).min(1),
  fields: z.record(z.string().regex(/^[a-z][a-z0-9_]*$/), fieldDef),
  recognition_types: z.array(itemTypeDef).min(1),
  project_types: z.array(itemTypeDef).min(1),
  standard_scopes: z.array(itemTypeDef).min(1),
  standard_roles: z.array(vocabEntry).min(1),
});

/** Which items a program looks at, and what each must satisfy. */
const itemRule = z.strictObject({
  /** The profile list the program reads. */
  list: z.enum(["recognitions", "projects", "standards"]),
  /** Item types (recognitions, projects) or scopes (standards) the program pays for. */
  types: z.array(slug).min(1),
  /** Levels the program pays for; absent: any level. */
  levels: z.array(slug).optional(),
  /** The item must be newly obtained: dated on or after the policy's effective date (新列入/新认定/新取得). */
  newly: z.boolean().default(false),
  /** The item needs a date even when newness is not required (e.g. a per-calendar-year cap). */
  needs_date: z.boolean().default(false),
  /** Item fields that must be known (e.g. audited_investment); missing → needs information. */
  requires: z.array(z.string()).default([]),
  /**
   * Items dated before the policy took effect earn nothing, although the clause has no 新 (a reading's
   * alternative: "obtained before the policy took effect — confirm with the department").
   */
  exclude_before: z.boolean().default(false),
  /** A renewal or re-review (复核) of an item counts as newly obtained (a reading's alternative). */
  renewals_new: z.boolean().default(false),
});

const enterpriseRule = z.strictObject({
  /** Ownership kinds the program is for (民营企业 = private). */
  ownership: z.array(slug).optional(),
  /** The enterprise must be a 军民结合企业. */
  military_civil: z.literal(true).optional(),
});

const capRule = z.strictObject({
  /** The most one item (project, listing, standard) can earn. */
  item: datedYuan.optional(),
  /** The most the enterprise can earn per calendar year of the items' dates. */
  year: datedYuan.optional(),
  /** The most the enterprise can earn under the program in all. */
  total: datedYuan.optional(),
});

const amountRule = z
  .strictObject({
    /** fixed: the text names the sum; up-to: the text names a ceiling; discretionary: on merit, no sum. */
    kind: z.enum(["fixed", "up-to", "discretionary"]),
    /**
     * What one payment is for. enterprise: once however many items (一次性 / 每家企业);
     * item: each qualifying item; distinct: each distinct value of `distinct_by` (同一产品不重复享受).
     */
    per: z.enum(["enterprise", "item", "distinct"]).default("item"),
    /** With per: distinct — the item field whose value identifies "the same" thing (product, type). */
    distinct_by: z.string().optional(),
    /**
     * What makes two items the same (issue 16): the item fields compared, ignoring case, width, spaces
     * and punctuation. Two items with the same identity are paid once (per: item, per: distinct), and
     * with `newly`, a later one of an identity first obtained before the program is a renewal, not new.
     * An item with none of the fields written is its own identity. Empty: every item is its own.
     */
    identity: z.array(z.string()).optional(),
    /**
     * An item of an identity cut to ¥0 by a cap did not enjoy support, so a later item of the same
     * identity may still be paid (同一产品不重复享受支持: nothing was enjoyed). false: it was counted all the same.
     */
    repeat_after_zero: z.boolean().optional(),
    /** A named sum in yuan. */
    yuan: datedYuan.optional(),
    /** A share of an item's money field. */
    rate: z.strictObject({ percent: datedPercent, of: z.string() }).optional(),
    cap: capRule.optional(),
  })
  .superRefine((a, ctx) => {
    if (a.kind === "discretionary") {
      if (a.yuan !== undefined || a.rate !== undefined) ctx.addIssue({ code: "custom", message: "err.policy.discretionaryWithSum" });
    } else if ((a.yuan === undefined) === (a.rate === undefined)) {
      ctx.addIssue({ code: "custom", message: "err.policy.yuanOrRate" });
    }
    if (a.per === "distinct" && !a.distinct_by) ctx.addIssue({ code: "custom", message: "err.policy.distinctNeedsBy", path: ["distinct_by"] });
  });

export const programSchema = z.strictObject({
  id: slug,
  title: bilingual,
  /** The clause, e.g. 二(一)1 = part 二, action (一), item 1. */
  clause: z.string().regex(/^[一二三四五六七八九十]+\([一二三四五六七八九十]+\)\d+$/, "expected a clause such as 二(一)1"),
  /** The clause's own words, quoted exactly from the policy text. */
  quote: text,
  /** 责任单位 */
  departments: z.array(text).min(1),
  items: itemRule,
  enterprise: enterpriseRule.optional(),
  amount: amountRule,
  /** The first day the program applies (defaults to the policy's effective date). */
  starts: isoDate.optional(),
  /** The last day the program applies; absent: no end named. */
  ends: isoDate.optional(),
  /** How the text was read where it could be read otherwise. */
  notes: z.array(bilingual).default([]),
});

/**
 * What a reading changes in the programs it names (issue 16): each key replaces the program's own
 * (cap replaces the whole cap). Only what can be computed from a profile.
 */
const readingChange = z.strictObject({
  exclude_before: z.boolean().optional(),
  renewals_new: z.boolean().optional(),
  newly: z.boolean().optional(),
  levels: z.array(slug).optional(),
  ownership: z.array(slug).optional(),
  per: z.enum(["enterprise", "item", "distinct"]).optional(),
  identity: z.array(z.string()).optional(),
  cap: capRule.optional(),
  repeat_after_zero: z.boolean().optional(),
});

/** Another way the text can be read: the engine computes every program it names under it too. */
export const readingSchema = z.strictObject({
  id: slug,
  /** The clause whose words can be read this way. */
  clause: z.string().min(1),
  programs: z.array(slug).min(1),
  /** Shown beside the amount: "if the cap is per enterprise". */
  note: bilingual,
  /** What the adopted reading is and why it was adopted. */
  adopted: bilingual,
  change: readingChange,
});

export const policySchema = z.strictObject({
  id: slug,
  version: z.string().min(1),
  title: bilingual,
  issuer: bilingual,
  issued: isoDate,
  effective_from: isoDate,
  /** The text names targets to this date but no expiry: after it, outputs ask to confirm the policy is still in force. */
  review_after: isoDate.optional(),
  effective_until: isoDate.optional(),
  /** The policy text the quotes come from, relative to the policy file. */
  source: z.strictObject({ file: z.string(), title: bilingual }).optional(),
  vocabulary: vocabularySchema,
  programs: z.array(programSchema).min(1),
  /** The other ways the text can be read, computed beside the adopted amounts (issue 16). */
  readings: z.array(readingSchema).default([]),
});

export type ReadingData = z.infer<typeof readingSchema>;
export type PolicyData = z.infer<typeof policySchema>;
export type ProgramData = z.infer<typeof programSchema>;
export type VocabularyData = z.infer<typeof vocabularySchema>;
export type ItemTypeDef = z.infer<typeof itemTypeDef>;
export type FieldDef = z.infer<typeof fieldDef>;
export type Dated<T> = T | Record<string, T>;

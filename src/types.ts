/** Types shared by the loaders, the engine and the renderers. */
import type { PolicyData, ProgramData, ItemTypeDef, ReadingData } from "./policy/schema.js";

export type { PolicyData, ProgramData, ItemTypeDef, ReadingData };

export type Lang = "zh" | "en";

/** A policy as loaded: the data, where it came from, and lookup maps (never `obj[userString]`). */
export interface LoadedPolicy {
  data: PolicyData;
  /** The path the policy was read from. */
  file: string;
  /** sha256 (hex) of the policy file's bytes. */
  sha256: string;
  /** The policy text the quotes come from, when its source file was found. */
  sourceText?: string;
  index: PolicyIndex;
}

export interface PolicyIndex {
  /** Every accepted spelling of a Zibo district (id, aliases, case-folded) → the canonical Chinese name. */
  districtByName: Map<string, string>;
  /** Real places outside Zibo one character from a division's name (沂水县 beside 沂源县), folded: never a slip. */
  districtElsewhere: Set<string>;
  recognitionTypes: Map<string, ItemTypeDef>;
  projectTypes: Map<string, ItemTypeDef>;
  standardScopes: Map<string, ItemTypeDef>;
  levels: Map<string, { zh: string; en: string }>;
  ownership: Map<string, { zh: string; en: string }>;
  programs: Map<string, ProgramData>;
}

export type ListName = "recognitions" | "projects" | "standards";

/** One entry of a profile list, as validated. Extra fields (product, premium…) come from the policy's vocabulary. */
export interface ProfileItem {
  /** recognitions and projects */
  type?: string;
  /** standards */
  scope?: string;
  role?: string;
  code?: string;
  level?: string;
  /** YYYY-MM-DD */
  date?: string;
  rewarded?: boolean;
  name?: string;
  note?: string;
  /** Money fields are yuan as written (non-negative, at most two decimals); text fields are strings. */
  [field: string]: string | number | boolean | undefined;
}

export interface Enterprise {
  name: string;
  credit_code?: string;
  /** As written in the profile. */
  district?: string;
  /** The canonical Chinese name when `district` is one of Zibo's divisions (or an alias of one). */
  zibo_district?: string;
  ownership?: string;
  military_civil?: boolean;
  note?: string;
}

export interface Profile {
  enterprise: Enterprise;
  recognitions: ProfileItem[];
  projects: ProfileItem[];
  standards: ProfileItem[];
}

export type Status = "eligible" | "ineligible" | "needs-info";
export type AmountKind = "fixed" | "up-to" | "discretionary";
export type Outcome = "met" | "not-met" | "unknown";

/** A sentence to be rendered in the chosen language: a message key and its parameters. */
export interface Message {
  key: string;
  params?: Record<string, string | number>;
  /** The clause the sentence cites; rendered at its end. */
  clause?: string;
}

/** One evaluated condition: the trace that explains "why", "why not" and "what is missing". */
export interface ConditionTrace {
  /** What was checked: district, type, rewarded, level, newly, date, requires, ownership, military_civil. */
  check: string;
  outcome: Outcome;
  /** The profile path of the fact. */
  path: string;
  /** The fact's value, as in the profile (undefined when missing). */
  value?: string | number | boolean;
  /** What the rule expects, for display. */
  expected?: string;
  message: Message;
}

export interface ItemResult {
  /** The item's profile path, e.g. recognitions[1]. */
  ref: string;
  outcome: Outcome;
  /** Whole yuan this item earns (0 when it earns nothing). */
  yuan: number;
  conditions: ConditionTrace[];
  /** Why the item earns what it earns (counted once, cap reached…). */
  note?: Message;
}

export interface ProgramResult {
  program: ProgramData;
  status: Status;
  amount: { kind: AmountKind; yuan: number | null };
  items: ItemResult[];
  /** Enterprise-wide conditions (district, ownership…). */
  conditions: ConditionTrace[];
  reasons: Message[];
  /** Profile paths of the facts the outcome turns on. */
  missing: string[];
  /** The computation of the amount, step by step. */
  computation: Message[];
  /** The amount under each other reading of the clause that changes the money (empty when none). */
  alternatives: Alternative[];
  /** With --reading conservative, the reading whose amount is the headline (absent: the adopted one). */
  headlineReading?: string;
}

/** A program's amount under another reading of its clause (policy.yaml `readings`). */
export interface Alternative {
  /** The reading's id; "adopted" for the policy's own reading when another one is the headline. */
  reading: string;
  /** Whole yuan the program pays under that reading (0 when it is not eligible then). */
  yuan: number;
  /** What the reading is, as shown beside the amount ("if the cap is per enterprise"). */
  note: Message;
  clause: string;
}

export interface Evaluation {
  asOf: string;
  /** About the policy's window on the as-of date: not yet in force, ended, or to be confirmed. */
  warnings: Message[];
  results: ProgramResult[];
  totals: { fixedYuan: number; maxYuan: number; conservativeFixedYuan: number; conservativeMaxYuan: number };
}

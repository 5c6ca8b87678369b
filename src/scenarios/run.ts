/**
 * Policy scenarios: small YAML files in which a policy author writes a profile (inline or as a
 * path to a profile file), an evaluation date and what the policy must give for it, program by
 * program. Each scenario runs through the same validation and engine as `subsidy check`, and
 * every field that differs is reported as expected vs actual.
 *
 * A scenario file holds one scenario at the top level, or a list under `scenarios:`:
 *
 *   name: tech renovation — cap exactly reached
 *   as_of: 2026-11-25
 *   profile: { enterprise: {name: 测试, district: 张店区}, projects: [...] }   # or profile_file: ../profiles/x.yaml
 *   expected:
 *     totals: {fixedYuan: 0, maxYuan: 5000000}
 *     programs:
 *       tech-renovation: {status: eligible, yuan: 5000000, reason_contains: "up to ¥5,000,000"}
 *
 * No I/O beyond reading the files it is given (the scenario file, the profiles it names, the
 * files of a directory it is given). Nothing is printed: callers render the results.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { SubsidyError, ValidationErrors } from "../errors.js";
import { evaluate } from "../engine/evaluate.js";
import { messageLang, say, type Params } from "../i18n/index.js";
import { parseDocument, type ParsedDocument } from "../parse/document.js";
import { formatPath } from "../parse/path.js";
import { readRegularFile } from "../parse/read.js";
import { suggestion } from "../parse/suggest.js";
import { validateProfileData } from "../profile/schema.js";
import { isRealDate } from "../dates.js";
import type { Evaluation, LoadedPolicy, Status } from "../types.js";

export const SCENARIO_STATUSES: readonly Status[] = ["eligible", "ineligible", "needs-info"];

export interface ExpectedProgram {
  status?: Status;
  /** Whole yuan as the engine reports it: null for discretionary programs, 0 when not eligible. */
  yuan?: number | null;
  /** Profile paths of the missing facts, in any order; compared as a set. */
  missing?: string[];
  /** Text (English rendering) that must occur in the program's reasons; a list means every entry. */
  reason_contains?: string | string[];
  /** The amount under each other reading that changes the money, by reading id (exactly these; {} for none). */
  alternatives?: Record<string, number>;
}

export interface ExpectedOutcome {
  totals?: { fixedYuan?: number; maxYuan?: number; conservativeFixedYuan?: number; conservativeMaxYuan?: number };
  /** Text (English rendering) each of which must occur in the warnings. */
  warnings_contain?: string[];
  programs: Record<string, ExpectedProgram>;
}

/** Where a profile came from: its data, the file to name in messages, and positions in that file. */
export interface ScenarioProfile {
  data: unknown;
  /** The file the profile is in (the scenario file itself for an inline profile). */
  file: string;
  /** The position of a profile path (relative to the profile) in `file`. */
  locate?: ParsedDocument["locate"];
}

export interface Scenario {
  name: string;
  /** The scenario file, when the scenario came from one. */
  file?: string;
  /** 1-based line of the scenario in its file. */
  line?: number;
  asOf: string;
  profile: ScenarioProfile;
  expected: ExpectedOutcome;
}

export interface FieldDiff {
  /** e.g. totals.fixedYuan, programs.tech-renovation.yuan */
  field: string;
  expected: string;
  actual: string;
}

export interface ScenarioResult {
  name: string;
  file?: string;
  line?: number;
  passed: boolean;
  diffs: FieldDiff[];
  /** Set when the scenario could not be run at all (invalid profile, unreadable file…). */
  error?: string;
}

// ------------------------------------------------------------------ reading scenario files

const SCENARIO_KEYS = ["name", "as_of", "profile", "profile_file", "expected", "note"] as const;
const FILE_KEYS = ["scenarios", "note"] as const;
const EXPECTED_KEYS = ["totals", "programs", "warnings_contain"] as const;
const TOTAL_KEYS = ["fixedYuan", "maxYuan", "conservativeFixedYuan", "conservativeMaxYuan"] as const;
const PROGRAM_KEYS = ["status", "yuan", "missing", "reason_contains", "alternatives", "note"] as const;

type Seg = string | number;

function isMapping(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

class Reader {
  constructor(
    readonly file: string,
    readonly locate: ParsedDocument["locate"] | undefined,
  ) {}

  error(p: readonly Seg[], key: string, params: Params = {}): SubsidyError {
    const pos = this.locate?.(p);
    return new SubsidyError("validation", { key, params }, {
      file: this.file,
      ...(pos ? { line: pos.line, col: pos.col } : {}),
      ...(p.length ? { path: formatPath(p) } : {}),
    });
  }

  line(p: readonly Seg[]): number | undefined {
    return this.locate?.(p)?.line;
  }

  /** `what`: file, scenario, expected, totals, programs, or program (whose `id` is given). */
  mapping(v: unknown, p: readonly Seg[], what: string, keys: readonly string[], id = ""): Record<string, unknown> {
    if (!isMapping(v)) throw this.error(p, "err.scenario.mapping", { what, id });
    for (const k of Object.keys(v)) {
      if (!keys.includes(k)) throw this.error([...p, k], "err.scenario.unknownField", { key: k, what, id, suggest: suggestion(k, keys), known: keys.join("|") });
    }
    return v;
  }

  /** `what`: name, asOf or profileFile. */
  text(v: unknown, p: readonly Seg[], what: string): string {
    if (typeof v !== "string" || v.trim() === "") throw this.error(p, "err.scenario.text", { what });
    return v;
  }

  yuan(v: unknown, p: readonly Seg[], nullable: boolean): number | null {
    if (v === null && nullable) return null;
    if (typeof v !== "number" || !Number.isSafeInteger(v) || v < 0) throw this.error(p, "err.scenario.yuan", { nullable: nullable ? 1 : 0 });
    return v;
  }
}

/** Turn parsed scenario data into scenarios. `file` names the scenario file; profile_file is relative to it. */
export function parseScenarios(data: unknown, file: string, locate?: ParsedDocument["locate"]): Scenario[] {
  const r = new Reader(file, locate);
  if (isMapping(data) && "scenarios" in data) {
    const top = r.mapping(data, [], "file", FILE_KEYS);
    const list = top.scenarios;
    if (!Array.isArray(list) || list.length === 0) throw r.error(["scenarios"], "err.scenario.list");
    return list.map((s, i) => parseOne(r, s, ["scenarios", i]));
  }
  return [parseOne(r, data, [])];
}

function parseOne(r: Reader, v: unknown, at: readonly Seg[]): Scenario {
  const s = r.mapping(v, at, "scenario", SCENARIO_KEYS);
  const name = r.text(s.name, [...at, "name"], "name");
  const asOf = r.text(s.as_of, [...at, "as_of"], "asOf");
  if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf) || !isRealDate(asOf)) throw r.error([...at, "as_of"], "err.scenario.asOf", { value: asOf });

  let profile: ScenarioProfile;
  if (s.profile !== undefined && s.profile_file !== undefined) {
    throw r.error([...at, "profile_file"], "err.scenario.bothProfiles");
  } else if (s.profile !== undefined) {
    const prefix = [...at, "profile"];
    const loc = r.locate;
    profile = { data: s.profile, file: r.file, ...(loc ? { locate: (p: readonly Seg[]) => loc([...prefix, ...p]) } : {}) };
  } else if (s.profile_file !== undefined) {
    const rel = r.text(s.profile_file, [...at, "profile_file"], "profileFile");
    const target = path.resolve(path.dirname(r.file), rel);
    let doc: ParsedDocument;
    try {
      doc = parseDocument(readRegularFile(target, "profile"), target);
    } catch (e) {
      if (e instanceof SubsidyError) throw r.error([...at, "profile_file"], "err.scenario.profileFile", { rel, message: e.format() });
      throw e;
    }
    profile = { data: doc.data, file: target, locate: doc.locate };
  } else {
    throw r.error(at, "err.scenario.noProfile");
  }

  const e = r.mapping(s.expected, [...at, "expected"], "expected", EXPECTED_KEYS);
  const expected: ExpectedOutcome = { programs: {} };
  if (e.totals !== undefined) {
    const t = r.mapping(e.totals, [...at, "expected", "totals"], "totals", TOTAL_KEYS);
    expected.totals = {};
    for (const k of TOTAL_KEYS) if (t[k] !== undefined) expected.totals[k] = r.yuan(t[k], [...at, "expected", "totals", k], false) as number;
  }
  const programsAt = [...at, "expected", "programs"];
  const programs = e.programs === undefined ? {} : r.mapping(e.programs, programsAt, "programs", Object.keys(isMapping(e.programs) ? e.programs : {}));
  for (const [id, pv] of Object.entries(programs)) {
    const pAt = [...programsAt, id];
    const p = r.mapping(pv, pAt, "program", PROGRAM_KEYS, id);
    const out: ExpectedProgram = {};
    if (p.status !== undefined) {
      if (typeof p.status !== "string" || !(SCENARIO_STATUSES as readonly string[]).includes(p.status)) {
        throw r.error([...pAt, "status"], "err.scenario.status", { statuses: SCENARIO_STATUSES.join("|"), suggest: typeof p.status === "string" ? suggestion(p.status, SCENARIO_STATUSES) : "" });
      }
      out.status = p.status as Status;
    }
    if ("yuan" in p) out.yuan = r.yuan(p.yuan, [...pAt, "yuan"], true);
    if (p.missing !== undefined) {
      if (!Array.isArray(p.missing) || p.missing.some((m) => typeof m !== "string")) throw r.error([...pAt, "missing"], "err.scenario.missing");
      out.missing = p.missing as string[];
    }
    if (p.reason_contains !== undefined) {
      const rc = p.reason_contains;
      if (typeof rc === "string") out.reason_contains = rc;
      else if (Array.isArray(rc) && rc.length > 0 && rc.every((x) => typeof x === "string")) out.reason_contains = rc as string[];
      else throw r.error([...pAt, "reason_contains"], "err.scenario.reasonContains");
    }
    if (p.alternatives !== undefined) {
      const alts = r.mapping(p.alternatives, [...pAt, "alternatives"], "alternatives (reading id: yuan)", Object.keys(isMapping(p.alternatives) ? p.alternatives : {}));
      out.alternatives = {};
      for (const [reading, y] of Object.entries(alts)) out.alternatives[reading] = r.yuan(y, [...pAt, "alternatives", reading], false) as number;
    }
    expected.programs[id] = out;
  }
  if (e.warnings_contain !== undefined) {
    const w = e.warnings_contain;
    if (!Array.isArray(w) || w.some((x) => typeof x !== "string")) throw r.error([...at, "expected", "warnings_contain"], "warnings_contain must be a list of texts found in the English warnings");
    expected.warnings_contain = w as string[];
  }
  if (Object.keys(expected.programs).length === 0 && expected.totals === undefined) {
    throw r.error([...at, "expected"], "err.scenario.nothingToCheck");
  }

  const line = r.line(at);
  return { name, file: r.file, ...(line !== undefined ? { line } : {}), asOf, profile, expected };
}

/** Read one scenario file (YAML or JSON). Throws SubsidyError, located, when the file is malformed. */
export function loadScenarioFile(file: string): Scenario[] {
  const doc = parseDocument(readRegularFile(file, "scenario file"), file);
  return parseScenarios(doc.data, file, doc.locate);
}

// ------------------------------------------------------------------ running

function show(v: unknown): string {
  if (v === undefined) return "(nothing)";
  if (Array.isArray(v)) return `[${v.join(", ")}]`;
  if (typeof v === "string") return JSON.stringify(v);
  return String(v);
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const sa = new Set(a);
  const sb = new Set(b);
  return sa.size === sb.size && [...sa].every((x) => sb.has(x));
}

/** A catalogue message in the run's language (a scenario's result is text, printed or put in JSON). */
function text(key: string, params: Params = {}): string {
  return say({ key, params }, { lang: messageLang() });
}

function errorText(e: unknown): string {
  if (e instanceof ValidationErrors) return e.format();
  if (e instanceof SubsidyError) return e.format();
  return e instanceof Error ? e.message : String(e);
}

/** Run one scenario against a policy: validate its profile, evaluate, compare field by field. */
export function runScenario(policy: LoadedPolicy, scenario: Scenario): ScenarioResult {
  const base = { name: scenario.name, ...(scenario.file !== undefined ? { file: scenario.file } : {}), ...(scenario.line !== undefined ? { line: scenario.line } : {}) };
  let evaluation: Evaluation;
  try {
    const p = scenario.profile;
    const profile = validateProfileData(p.data, policy, { asOf: scenario.asOf, file: p.file, ...(p.locate ? { locate: p.locate } : {}) });
    evaluation = evaluate(policy, profile, scenario.asOf);
  } catch (e) {
    return { ...base, passed: false, diffs: [], error: text("err.scenario.profileFailed", { message: errorText(e) }) };
  }

  const diffs: FieldDiff[] = [];
  const diff = (field: string, expected: unknown, actual: unknown) => diffs.push({ field, expected: show(expected), actual: show(actual) });

  const t = scenario.expected.totals;
  for (const k of TOTAL_KEYS) if (t?.[k] !== undefined && t[k] !== evaluation.totals[k]) diff(`totals.${k}`, t[k], evaluation.totals[k]);
  if (scenario.expected.warnings_contain) {
    const text = evaluation.warnings.map((m) => say(m, { lang: "en", policy })).join(" | ");
    for (const w of scenario.expected.warnings_contain) if (!text.includes(w)) diff("warnings_contain", w, text);
  }

  const byId = new Map(evaluation.results.map((r) => [r.program.id, r]));
  for (const [id, exp] of Object.entries(scenario.expected.programs)) {
    const at = `programs.${id}`;
    const r = byId.get(id);
    if (!r) {
      diff(at, text("err.scenario.aProgram"), text("err.scenario.noProgram", { id, policy: policy.data.id, suggest: suggestion(id, byId.keys()) }));
      continue;
    }
    if (exp.status !== undefined && exp.status !== r.status) diff(`${at}.status`, exp.status, r.status);
    if (exp.yuan !== undefined && exp.yuan !== r.amount.yuan) diff(`${at}.yuan`, exp.yuan, r.amount.yuan);
    if (exp.missing !== undefined && !sameSet(exp.missing, r.missing)) diff(`${at}.missing`, exp.missing, r.missing);
    if (exp.reason_contains !== undefined) {
      const text = r.reasons.map((m) => say(m, { lang: "en", policy })).join(" | ");
      const wanted = typeof exp.reason_contains === "string" ? [exp.reason_contains] : exp.reason_contains;
      for (const w of wanted) if (!text.includes(w)) diff(`${at}.reason_contains`, w, text);
    }
    if (exp.alternatives !== undefined) {
      const actual = Object.fromEntries(r.alternatives.map((a) => [a.reading, a.yuan]));
      const show = (o: Record<string, number>) => Object.entries(o).map(([k, v]) => `${k}: ${v}`).sort().join(", ") || "none";
      if (show(exp.alternatives) !== show(actual)) diff(`${at}.alternatives`, show(exp.alternatives), show(actual));
    }
  }
  return { ...base, passed: diffs.length === 0, diffs };
}

/** Run every scenario of one file; a file that cannot be read gives one failed result naming it. */
export function runScenarioFile(policy: LoadedPolicy, file: string): ScenarioResult[] {
  let scenarios: Scenario[];
  try {
    scenarios = loadScenarioFile(file);
  } catch (e) {
    return [{ name: path.basename(file), file, passed: false, diffs: [], error: text("err.scenario.fileFailed", { message: errorText(e) }) }];
  }
  return scenarios.map((s) => runScenario(policy, s));
}

/** The scenario files of a directory (.yaml, .yml, .json), sorted by name; not recursive. */
export function scenarioFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isFile() && /\.(ya?ml|json)$/i.test(d.name))
    .map((d) => path.join(dir, d.name))
    .sort();
}

/** Run every scenario file of a directory. */
export function runScenarioDir(policy: LoadedPolicy, dir: string): ScenarioResult[] {
  return scenarioFiles(dir).flatMap((f) => runScenarioFile(policy, f));
}

/** A result as plain text: one line when it passed, then one line per differing field or the error. */
export function formatScenarioResult(r: ScenarioResult): string {
  const where = r.file !== undefined ? ` (${r.file}${r.line !== undefined ? `:${r.line}` : ""})` : "";
  const head = `${text(r.passed ? "scenario.pass" : "scenario.fail")} ${r.name}${where}`;
  if (r.passed) return head;
  const lines = [head];
  if (r.error !== undefined) lines.push(`  ${r.error.replace(/\n/g, "\n  ")}`);
  for (const d of r.diffs) lines.push(`  ${d.field}\n    ${text("scenario.expected")}${d.expected}\n    ${text("scenario.actual")}${d.actual}`);
  return lines.join("\n");
}

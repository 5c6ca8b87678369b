/**
 * Lint of a policy that already passed its schema: everything `policy validate` reports beyond
 * "does it load". Pure: returns located problems as data (a path into the policy; the command turns
 * paths into file:line). Errors make the policy invalid (exit 2); warnings are advice.
 *
 * - unknown references and duplicate ids: `crossCheck` of the loader (one implementation);
 * - dated values (`{2020-07-21: 1000000, 2023-01-01: 1500000}`): dates must be written in
 *   ascending order — YAML keeps the written order and a reader takes the last line for the
 *   newest value, so an unordered map is an error; duplicate dates are rejected by the parser;
 *   a value dated after the program's end, or a first value dated after the program starts, is a warning;
 * - translations: a zh or en label that is blank, or an en label that is still Chinese;
 * - vocabulary that nothing uses (warning): actions, levels, fields and item types no program or type names.
 *   Districts, ownership kinds and standard roles describe enterprises and are not checked for use.
 */
import type { PolicyData, ProgramData } from "./schema.js";
import { crossCheck } from "./load.js";
import { isDatedMap } from "../engine/dated.js";
import type { Message } from "../types.js";
import type { Params } from "../i18n/index.js";

const m = (key: string, params: Params = {}): Message => ({ key, params });

export type Severity = "error" | "warning";

export interface LintProblem {
  severity: Severity;
  path: readonly (string | number)[];
  message: Message;
}

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;
const LATIN = /[A-Za-z]/;

/** The dated amounts of a program, with their paths under the program. */
export function datedFields(p: ProgramData): [readonly (string | number)[], unknown][] {
  const a = p.amount;
  const out: [readonly (string | number)[], unknown][] = [];
  if (a.yuan !== undefined) out.push([["amount", "yuan"], a.yuan]);
  if (a.rate) out.push([["amount", "rate", "percent"], a.rate.percent]);
  for (const k of ["item", "year", "total"] as const) {
    const v = a.cap?.[k];
    if (v !== undefined) out.push([["amount", "cap", k], v]);
  }
  return out;
}

function lintDated(data: PolicyData, out: LintProblem[]): void {
  data.programs.forEach((p, i) => {
    const starts = p.starts ?? data.effective_from;
    for (const [sub, v] of datedFields(p)) {
      if (!isDatedMap(v as number | Record<string, number>)) continue;
      const keys = Object.keys(v as Record<string, number>);
      const path = ["programs", i, ...sub];
      for (let k = 1; k < keys.length; k++) {
        const prev = keys[k - 1] as string;
        const cur = keys[k] as string;
        if (cur <= prev) {
          out.push({ severity: "error", path: [...path, cur], message: m("err.policy.datedOrder", { date: cur, prev }) });
        }
      }
      const sorted = [...keys].sort();
      const first = sorted[0];
      if (first !== undefined && first > starts) {
        out.push({
          severity: "warning",
          path: [...path, first],
          message: m("err.policy.firstDatedLate", { first, starts }),
        });
      }
      if (p.ends) {
        for (const k of sorted) {
          if (k > p.ends) out.push({ severity: "warning", path: [...path, k], message: m("err.policy.datedAfterEnd", { date: k, ends: p.ends }) });
        }
      }
    }
    if (p.starts && p.starts < data.effective_from) {
      out.push({ severity: "warning", path: ["programs", i, "starts"], message: m("err.policy.startsBeforeEffective", { starts: p.starts, from: data.effective_from }) });
    }
    if (p.ends && data.effective_until && p.ends > data.effective_until) {
      out.push({ severity: "warning", path: ["programs", i, "ends"], message: m("err.policy.endsAfterUntil", { ends: p.ends, until: data.effective_until }) });
    }
  });
  if (data.effective_until && data.effective_until < data.effective_from) {
    out.push({ severity: "error", path: ["effective_until"], message: m("err.policy.untilBeforeFrom", { until: data.effective_until, from: data.effective_from }) });
  }
  if (data.review_after && data.review_after < data.effective_from) {
    out.push({ severity: "error", path: ["review_after"], message: m("err.policy.reviewBeforeFrom", { review: data.review_after, from: data.effective_from }) });
  }
}

function lintTranslations(data: PolicyData, out: LintProblem[]): void {
  const check = (zh: string | undefined, en: string | undefined, path: readonly (string | number)[]) => {
    if (zh !== undefined && zh.trim() === "") out.push({ severity: "error", path: [...path, "zh"], message: m("err.policy.blankText", { lang: "zh" }) });
    if (en !== undefined && en.trim() === "") out.push({ severity: "error", path: [...path, "en"], message: m("err.policy.blankText", { lang: "en" }) });
    else if (en !== undefined && CJK.test(en) && !LATIN.test(en)) {
      out.push({ severity: "warning", path: [...path, "en"], message: m("err.policy.enStillChinese", { text: en }) });
    }
  };
  check(data.title.zh, data.title.en, ["title"]);
  check(data.issuer.zh, data.issuer.en, ["issuer"]);
  if (data.source) check(data.source.title.zh, data.source.title.en, ["source", "title"]);
  const v = data.vocabulary;
  const lists = { levels: v.levels, ownership: v.ownership, actions: v.actions, recognition_types: v.recognition_types, project_types: v.project_types, standard_scopes: v.standard_scopes, standard_roles: v.standard_roles };
  for (const [name, list] of Object.entries(lists)) list.forEach((e, i) => check(e.zh, e.en, ["vocabulary", name, i]));
  v.districts.forEach((d, i) => check(undefined, d.en, ["vocabulary", "districts", i]));
  for (const [id, f] of Object.entries(v.fields)) {
    check(f.zh, f.en, ["vocabulary", "fields", id]);
    check(f.help.zh, f.help.en, ["vocabulary", "fields", id, "help"]);
  }
  data.programs.forEach((p, i) => {
    check(p.title.zh, p.title.en, ["programs", i, "title"]);
    p.notes.forEach((n, j) => check(n.zh, n.en, ["programs", i, "notes", j]));
  });
}

function lintUnused(data: PolicyData, out: LintProblem[]): void {
  const v = data.vocabulary;
  const kinds = [...v.recognition_types, ...v.project_types, ...v.standard_scopes];
  const usedActions = new Set(kinds.map((k) => k.action));
  const usedLevels = new Set([...kinds.flatMap((k) => k.levels), ...data.programs.flatMap((p) => p.items.levels ?? [])]);
  const usedFields = new Set([
    ...kinds.flatMap((k) => k.fields),
    ...data.programs.flatMap((p) => [...p.items.requires, ...(p.amount.rate ? [p.amount.rate.of] : []), ...(p.amount.distinct_by ? [p.amount.distinct_by] : [])]),
  ]);
  const paid = {
    recognitions: new Set(data.programs.filter((p) => p.items.list === "recognitions").flatMap((p) => p.items.types)),
    projects: new Set(data.programs.filter((p) => p.items.list === "projects").flatMap((p) => p.items.types)),
    standards: new Set(data.programs.filter((p) => p.items.list === "standards").flatMap((p) => p.items.types)),
  };
  /** `why`: what would use it — action, level, field (no item type or program), paid (no program pays it). */
  const unused = (path: readonly (string | number)[], what: string, id: string, why: string) =>
    out.push({ severity: "warning", path, message: m("err.policy.unused", { what, id, why }) });
  v.actions.forEach((a, i) => {
    if (!usedActions.has(a.id)) unused(["vocabulary", "actions", i, "id"], "action", a.id, "action");
  });
  v.levels.forEach((l, i) => {
    if (!usedLevels.has(l.id)) unused(["vocabulary", "levels", i, "id"], "level", l.id, "level");
  });
  for (const id of Object.keys(v.fields)) if (!usedFields.has(id)) unused(["vocabulary", "fields", id], "field", id, "field");
  const lists = [
    ["recognition_types", v.recognition_types, paid.recognitions],
    ["project_types", v.project_types, paid.projects],
    ["standard_scopes", v.standard_scopes, paid.standards],
  ] as const;
  for (const [name, list, used] of lists) {
    list.forEach((t, i) => {
      if (!used.has(t.id)) unused(["vocabulary", name, i, "id"], name.replace(/_/g, " ").replace(/s$/, ""), t.id, "paid");
    });
  }
}

/** Every problem of a schema-valid policy, errors first, each in file order of its path. */
export function lintPolicy(data: PolicyData): LintProblem[] {
  const out: LintProblem[] = crossCheck(data).map(([path, message]) => ({ severity: "error" as const, path, message }));
  lintDated(data, out);
  lintTranslations(data, out);
  lintUnused(data, out);
  return out;
}

/**
 * Loading policy.yaml: bytes → sha256 → parse → schema → cross-references. Every fault is a
 * `policy-invalid` SubsidyError (exit 2) with file:line and the field; a missing file is `policy-missing`.
 */
import { createHash } from "node:crypto";
import { SubsidyError, ValidationErrors } from "../errors.js";
import { parseDocument, type ParsedDocument } from "../parse/document.js";
import { suggestion } from "../parse/suggest.js";
import { formatPath } from "../parse/path.js";
import type { LoadedPolicy, Message, PolicyData } from "../types.js";
import type { Params } from "../i18n/index.js";
import { policySchema } from "./schema.js";
import { foldName } from "./index-policy.js";
import { compiledPolicy, loadedPolicy, readPolicyFile, type PolicyFile } from "./compiled.js";

export { packageRoot, defaultPolicyFile } from "./compiled.js";

/** A policy is bigger than a profile, but still text written by hand. */
export const POLICY_MAX_BYTES = 8 * 1024 * 1024;

/**
 * The policy, from the precompiled copy when its bytes hash the same (start-up never needs the YAML
 * parser then), else parsed and checked in full.
 */
export function loadPolicy(file?: string): LoadedPolicy {
  return policyFromFile(readPolicyFile(file));
}

/** A policy file already read (its bytes, its path): precompiled if it is the bundled one, else parsed and checked. */
export function policyFromFile({ bytes, policyFile }: PolicyFile): LoadedPolicy {
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  const data = compiledPolicy(sha256) ?? parsePolicyBytes(bytes, policyFile);
  return loadedPolicy(data, policyFile, sha256);
}

/** Parse and check policy bytes (a file already read). */
export function parsePolicyBytes(bytes: Uint8Array, file: string): PolicyData {
  let doc: ParsedDocument;
  try {
    doc = parseDocument(bytes, file, { maxBytes: POLICY_MAX_BYTES, maxItems: 100000, kind: "policy" });
  } catch (e) {
    if (e instanceof SubsidyError) throw new SubsidyError("policy-invalid", { key: "err.policy.file", params: { message: e.message } }, e.location);
    throw e;
  }

  const at = (p: readonly PropertyKey[], message: Message): SubsidyError => {
    const segs = p.filter((s): s is string | number => typeof s !== "symbol");
    const pos = doc.locate(segs);
    return new SubsidyError("policy-invalid", message, {
      file,
      ...(pos ? { line: pos.line, col: pos.col } : {}),
      ...(segs.length ? { path: formatPath(segs) } : {}),
    });
  };

  const checked = checkPolicyData(doc.data);
  if ("problems" in checked) throw new ValidationErrors(checked.problems.map(([p, message]) => at(p, message)));
  return checked.data;
}

/** Schema, then cross-references: the policy data, or every problem found, each with its path. */
export function checkPolicyData(raw: unknown): { data: PolicyData } | { problems: Problem[] } {
  const result = policySchema.safeParse(raw);
  if (!result.success) {
    const problems: Problem[] = [];
    for (const issue of result.error.issues) {
      const p = issue.path.filter((s): s is string | number => typeof s !== "symbol");
      if (issue.code === "unrecognized_keys") {
        for (const key of issue.keys) problems.push([[...p, key], m("err.policy.unknownField", { key })]);
      } else {
        problems.push([p, zodMessage(issue)]);
      }
    }
    return { problems };
  }
  const problems = crossCheck(result.data);
  return problems.length > 0 ? { problems } : { data: result.data };
}

export type Problem = [readonly (string | number)[], Message];

const m = (key: string, params: Params = {}): Message => ({ key, params });

const OWN_CHECKS = new Set(["err.policy.discretionaryWithSum", "err.policy.yuanOrRate", "err.policy.distinctNeedsBy"]);

/** A zod issue of the policy schema as a catalogue message: its own checks' keys, else by zod's issue code. */
function zodMessage(issue: { code: string; message: string; expected?: unknown; values?: unknown; minimum?: unknown; maximum?: unknown }): Message {
  // The schema's own checks give their catalogue key as the message (policy/schema.ts).
  if (OWN_CHECKS.has(issue.message)) return m(issue.message);
  const detail = issue.message;
  switch (issue.code) {
    case "invalid_type":
      // zod's wording for an absent field is "Invalid input: expected string, received undefined"
      return /received undefined$/.test(detail) ? m("err.policy.required", { expected: String(issue.expected) }) : m("err.policy.wrongType", { expected: String(issue.expected), detail });
    case "invalid_value":
      return m("err.policy.notOneOf", { values: Array.isArray(issue.values) ? issue.values.join("|") : "", detail });
    case "too_small":
      return m("err.policy.tooSmall", { limit: String(issue.minimum), detail });
    case "too_big":
      return m("err.policy.tooBig", { limit: String(issue.maximum), detail });
    case "invalid_format":
      return m("err.policy.format", { detail });
    default:
      return m("err.policy.invalid", { detail });
  }
}

/** References between parts of the policy that the schema alone cannot check. */
export function crossCheck(data: PolicyData): Problem[] {
  const problems: Problem[] = [];
  const v = data.vocabulary;
  const ids = (xs: readonly { id: string }[]) => xs.map((x) => x.id);

  const unique = (list: readonly { id: string }[], where: string) => {
    const seen = new Set<string>();
    list.forEach((x, i) => {
      if (seen.has(x.id)) problems.push([[...where.split("."), i, "id"], m("err.policy.duplicateId", { id: x.id, where })]);
      seen.add(x.id);
    });
  };
  unique(v.districts, "vocabulary.districts");
  unique(v.levels, "vocabulary.levels");
  unique(v.ownership, "vocabulary.ownership");
  unique(v.actions, "vocabulary.actions");
  unique(v.recognition_types, "vocabulary.recognition_types");
  unique(v.project_types, "vocabulary.project_types");
  unique(v.standard_scopes, "vocabulary.standard_scopes");
  unique(v.standard_roles, "vocabulary.standard_roles");
  unique(data.programs, "programs");

  // Every spelling of a district must lead to one district only.
  const spelling = new Map<string, string>();
  v.districts.forEach((d, i) => {
    // The same folding and the same spellings as the lookup table (indexPolicy), or a clash slips through.
    for (const [j, name] of [d.id, ...d.aliases, d.en].entries()) {
      const key = foldName(name);
      const owner = spelling.get(key);
      if (owner !== undefined && owner !== d.id) {
        const at = j === 0 ? ["vocabulary", "districts", i, "id"] : j <= d.aliases.length ? ["vocabulary", "districts", i, "aliases", j - 1] : ["vocabulary", "districts", i, "en"];
        problems.push([at, m("err.policy.districtClash", { name, a: owner, b: d.id })]);
      }
      spelling.set(key, d.id);
    }
  });

  const levels = new Set(ids(v.levels));
  const fields = new Map(Object.entries(v.fields));
  const actions = new Set(ids(v.actions));
  const kindLists = [
    ["recognition_types", v.recognition_types],
    ["project_types", v.project_types],
    ["standard_scopes", v.standard_scopes],
  ] as const;
  for (const [name, list] of kindLists) {
    list.forEach((t, i) => {
      const base = ["vocabulary", name, i] as const;
      if (!actions.has(t.action)) problems.push([[...base, "action"], unknownRef("action", t.action, actions, "actions")]);
      t.levels.forEach((l, j) => {
        if (!levels.has(l)) problems.push([[...base, "levels", j], unknownRef("level", l, levels, "levels")]);
      });
      t.fields.forEach((f, j) => {
        if (!fields.has(f)) problems.push([[...base, "fields", j], unknownRef("field", f, fields.keys(), "fields")]);
      });
    });
  }

  const kindsOf = {
    recognitions: new Map(v.recognition_types.map((t) => [t.id, t])),
    projects: new Map(v.project_types.map((t) => [t.id, t])),
    standards: new Map(v.standard_scopes.map((t) => [t.id, t])),
  };
  const ownership = new Set(ids(v.ownership));
  /** Item keys a rule may name besides the vocabulary fields. */
  const itemKeys = new Set(["type", "scope", "role", "code", "level", "name", "date"]);

  data.programs.forEach((p, i) => {
    const base = ["programs", i] as const;
    const kinds = kindsOf[p.items.list];
    const vocabName = p.items.list === "recognitions" ? "recognition_types" : p.items.list === "projects" ? "project_types" : "standard_scopes";
    p.items.types.forEach((t, j) => {
      if (!kinds.has(t)) {
        problems.push([[...base, "items", "types", j], m("err.policy.typeNotInVocabulary", { value: t, vocabulary: vocabName, suggest: suggestion(t, kinds.keys()) })]);
      }
    });
    p.items.levels?.forEach((l, j) => {
      if (!levels.has(l)) problems.push([[...base, "items", "levels", j], unknownRef("level", l, levels, "levels")]);
    });
    p.items.requires.forEach((f, j) => {
      if (!fields.has(f) && !itemKeys.has(f)) {
        problems.push([[...base, "items", "requires", j], unknownRef("field", f, fields.keys(), "fields")]);
      } else if (fields.has(f)) {
        const lacking = p.items.types.filter((t) => kinds.get(t) && !kinds.get(t)?.fields.includes(f));
        if (lacking.length > 0) problems.push([[...base, "items", "requires", j], m("err.policy.requiresNotTaken", { field: f, types: lacking.join("|") })]);
      }
    });
    p.enterprise?.ownership?.forEach((o, j) => {
      if (!ownership.has(o)) problems.push([[...base, "enterprise", "ownership", j], unknownRef("ownership", o, ownership, "ownership")]);
    });
    const a = p.amount;
    if (a.rate) {
      const f = fields.get(a.rate.of);
      if (!f) problems.push([[...base, "amount", "rate", "of"], unknownRef("field", a.rate.of, fields.keys(), "fields")]);
      else if (f.kind !== "money") problems.push([[...base, "amount", "rate", "of"], m("err.policy.rateNotMoney", { field: a.rate.of, kind: f.kind })]);
    }
    if (a.per === "distinct") {
      if (!a.distinct_by) problems.push([[...base, "amount", "per"], m("err.policy.distinctNeedsBy")]);
      else if (!fields.has(a.distinct_by) && !itemKeys.has(a.distinct_by)) {
        problems.push([[...base, "amount", "distinct_by"], m("err.policy.unknownDistinctBy", { value: a.distinct_by, suggest: suggestion(a.distinct_by, [...fields.keys(), ...itemKeys]) })]);
      }
    } else if (a.distinct_by) {
      problems.push([[...base, "amount", "distinct_by"], m("err.policy.distinctByOnly", { per: a.per })]);
    }
    a.identity?.forEach((f, j) => {
      if (!fields.has(f) && !itemKeys.has(f)) problems.push([[...base, "amount", "identity", j], m("policy.identity.unknownField", { field: f, suggest: suggestion(f, [...fields.keys(), ...itemKeys]) })]);
    });
    if (p.starts && p.ends && p.starts > p.ends) problems.push([[...base, "ends"], m("err.policy.endsBeforeStarts", { ends: p.ends, starts: p.starts })]);
  });
  // issue 16: every reading names programs of this policy, once per id.
  const programIds = new Set(data.programs.map((p) => p.id));
  unique(data.readings, "readings");
  data.readings.forEach((r, i) => {
    r.programs.forEach((id, j) => {
      if (!programIds.has(id)) problems.push([["readings", i, "programs", j], m("policy.reading.unknownProgram", { id, suggest: suggestion(id, programIds) })]);
    });
  });
  return problems;
}

/** An id the vocabulary does not define: `what` is action, level, field or ownership; `list` the vocabulary list to define it in. */
function unknownRef(what: string, value: string, known: Iterable<string>, list: string): Message {
  return m("err.policy.unknownRef", { what, value, suggest: suggestion(value, known), list });
}

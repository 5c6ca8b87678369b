/** A Prompter that answers by question name, without a terminal; it records what was asked and printed. */
import type { Prompter, PromptSpec } from "../../src/ask/interview.js";

export type ScriptAnswer = string | boolean | string[];

export class ScriptedAnswerError extends Error {}

export function scripted(answers: Record<string, ScriptAnswer>) {
  const asked: PromptSpec[] = [];
  const printed: string[] = [];
  const prompter: Prompter = {
    print: (s) => void printed.push(s),
    async ask(spec) {
      asked.push(spec);
      let a: ScriptAnswer | undefined = Object.hasOwn(answers, spec.name) ? answers[spec.name] : undefined;
      if (a === undefined) {
        if (spec.kind === "confirm") a = spec.default === true;
        else if (spec.kind === "checkbox") a = [];
        else if (spec.kind === "select") throw new ScriptedAnswerError(`no answer scripted for select ${spec.name}`);
        else a = typeof spec.default === "string" ? spec.default : "";
      }
      if (typeof a === "string" && spec.kind !== "select" && spec.validate) {
        const v = spec.validate(a);
        if (v !== true) throw new ScriptedAnswerError(`${spec.name}: ${v}`);
      }
      if (spec.kind === "select" && !(spec.choices ?? []).some((c) => c.value === a)) {
        throw new ScriptedAnswerError(`${spec.name}: '${String(a)}' is not one of ${(spec.choices ?? []).map((c) => c.value).join(", ")}`);
      }
      return a;
    },
  };
  return { prompter, asked, printed, names: () => asked.map((s) => s.name) };
}

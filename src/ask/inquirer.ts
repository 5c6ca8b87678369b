/**
 * The thin terminal adapter: PromptSpec → @inquirer/prompts. Imported only by `subsidy ask`, after the
 * terminal check, so no other command pays for loading inquirer. Ctrl-C makes inquirer reject with
 * ExitPromptError, which the command turns into "Aborted" and exit 130.
 */
import { checkbox, confirm, input, select } from "@inquirer/prompts";
import type { Prompter, PromptSpec } from "./interview.js";

function label(c: { label: string; hint?: string }): string {
  return c.hint ? `${c.label}  (${c.hint})` : c.label;
}

export function inquirerPrompter(out: (s: string) => void): Prompter {
  return {
    print: out,
    async ask(spec: PromptSpec) {
      if (spec.help) out(`  ${spec.help}\n`);
      switch (spec.kind) {
        case "select":
          return select({
            message: spec.message,
            choices: (spec.choices ?? []).map((c) => ({ value: c.value, name: label(c) })),
            ...(typeof spec.default === "string" ? { default: spec.default } : {}),
            pageSize: 15,
          });
        case "checkbox":
          return checkbox({
            message: spec.message,
            choices: (spec.choices ?? []).map((c) => ({
              value: c.value,
              name: label(c),
              checked: Array.isArray(spec.default) && spec.default.includes(c.value),
            })),
            pageSize: 20,
          });
        case "confirm":
          return confirm({ message: spec.message, default: spec.default === true });
        case "money":
          for (;;) {
            const raw = await input({ message: spec.message, ...(spec.validate ? { validate: spec.validate } : {}) });
            if (raw.trim() === "" || !spec.echo) return raw;
            if (await confirm({ message: spec.echo(raw), default: true })) return raw;
          }
        default:
          return input({
            message: spec.message,
            ...(typeof spec.default === "string" ? { default: spec.default } : {}),
            ...(spec.validate ? { validate: spec.validate } : {}),
          });
      }
    },
  };
}

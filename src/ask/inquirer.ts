/**
 * The thin terminal adapter: PromptSpec → @inquirer/prompts. Imported only by `subsidy ask`, after the
 * terminal check, so no other command pays for loading inquirer. Ctrl-C makes inquirer reject with
 * ExitPromptError, which the command turns into "Aborted" and exit 130.
 */
import { checkbox, confirm, input, select } from "@inquirer/prompts";
import chalk from "chalk";
import type { Prompter, PromptSpec } from "./interview.js";
import { t } from "../i18n/index.js";
import type { Lang } from "../types.js";

/**
 * What inquirer writes itself, in the run's language: the key hints under a list (`↑↓ navigate • space
 * select`), the Yes/No echo of a confirmation and the ticked choices, through each prompt's theme.
 */
function themes(lang: Lang) {
  const ctx = { lang };
  // inquirer names each key's action in English (navigate, select, all, invert, submit): by prompt, since
  // "select" is enter in a list and space in a checklist.
  const keysHelpTip = (prompt: "select" | "checkbox") => (keys: [string, string][]) =>
    keys.map(([key, action]) => `${chalk.bold(key === "space" ? t("ask.key.space", ctx) : key)} ${chalk.dim(t(`ask.key.${prompt}.${action}`, ctx))}`).join(chalk.dim(" • "));
  return {
    select: { style: { keysHelpTip: keysHelpTip("select") } },
    checkbox: {
      style: {
        keysHelpTip: keysHelpTip("checkbox"),
        renderSelectedChoices: (chosen: readonly { short: string }[]) => chosen.map((c) => c.short).join(t("ask.listJoin", ctx)),
      },
    },
    yesNo: (yes: boolean) => t(yes ? "ask.yes" : "ask.no", ctx),
  };
}

function label(c: { label: string; hint?: string }): string {
  return c.hint ? `${c.label}  (${c.hint})` : c.label;
}

export function inquirerPrompter(out: (s: string) => void, lang: Lang): Prompter {
  const theme = themes(lang);
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
            theme: theme.select,
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
            theme: theme.checkbox,
          });
        case "confirm":
          return confirm({ message: spec.message, default: spec.default === true, transformer: theme.yesNo });
        case "money":
          for (;;) {
            const raw = await input({ message: spec.message, ...(spec.validate ? { validate: spec.validate } : {}) });
            if (raw.trim() === "" || !spec.echo) return raw;
            if (await confirm({ message: spec.echo(raw), default: true, transformer: theme.yesNo })) return raw;
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

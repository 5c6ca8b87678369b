/**
 * `subsidy ask [--from PROFILE]`: the interactive questionnaire. Interview (or complete a profile) →
 * evaluate → the same table as `subsidy check` → offer to save the answers as a commented profile file.
 * Needs a terminal on both ends; Ctrl-C at any prompt ends with "Aborted", exit 130, nothing written.
 */
import { existsSync } from "node:fs";
import { basename, dirname, extname, join, resolve } from "node:path";
import { loadPolicy } from "../policy/load.js";
import { loadProfile, parseProfileText } from "../profile/load.js";
import { evaluate } from "../engine/evaluate.js";
import { SubsidyError, EXIT } from "../errors.js";
import { renderOpportunities, renderTable } from "../render/table.js";
import { findOpportunities } from "../engine/opportunities.js";
import { profileMeta } from "../render/document.js";
import { say, t, type RenderContext } from "../i18n/index.js";
import { writeFileAtomic } from "../io/write.js";
import { completeProfile, runInterview, type InterviewResult, type Prompter, type ProfileData } from "../ask/interview.js";
import { defaultFileName, renderProfileYaml } from "../ask/save.js";
import type { CommonOptions } from "./options.js";
import { today } from "./options.js";
import type { Io } from "./check.js";
import type { LoadedPolicy, Profile } from "../types.js";

export interface AskOptions extends CommonOptions {
  from?: string;
}

export interface Terminal {
  stdinIsTTY: boolean;
  stdoutIsTTY: boolean;
}

function isPromptExit(e: unknown): boolean {
  return e instanceof Error && (e.name === "ExitPromptError" || e.name === "AbortPromptError");
}

export async function runAsk(o: AskOptions, io: Io, term: Terminal = { stdinIsTTY: Boolean(process.stdin.isTTY), stdoutIsTTY: Boolean(process.stdout.isTTY) }, prompter?: Prompter): Promise<number> {
  const ctx: RenderContext = { lang: o.lang };
  // Before anything reads stdin: an open, silent pipe must not hang the command.
  if (!prompter && !(term.stdinIsTTY && term.stdoutIsTTY)) throw new SubsidyError("not-a-terminal", t("ask.notTerminal", ctx));
  const policy = loadPolicy(o.policyFile);
  const start = o.from !== undefined ? loadProfile(o.from, policy, { asOf: o.asOf }) : undefined;
  if (!prompter) {
    const { inquirerPrompter } = await import("../ask/inquirer.js");
    prompter = inquirerPrompter(io.out, o.lang);
  }
  try {
    return await interviewAndSave(policy, prompter, o, io, start);
  } catch (e) {
    if (isPromptExit(e)) throw new SubsidyError("aborted", t("ask.aborted", ctx));
    throw e;
  }
}

async function interviewAndSave(policy: LoadedPolicy, prompter: Prompter, o: AskOptions, io: Io, start: Profile | undefined): Promise<number> {
  const ctx: RenderContext = { lang: o.lang, policy };
  const ictx = { lang: o.lang, asOf: o.asOf };
  let result: InterviewResult;
  if (start) {
    const done = await completeProfile(policy, prompter, ictx, start);
    if (done.asked.length === 0) io.out(t("ask.from.nothing", ctx) + "\n");
    result = done;
  } else {
    result = await runInterview(policy, prompter, ictx);
  }
  if (result.outcome === "elsewhere") return EXIT.ok;

  const { data, profile } = result;
  const file = o.from ?? t("ask.interviewFile", ctx);
  const evaluation = evaluate(policy, profile, o.asOf);
  io.out("\n" + renderTable({ meta: profileMeta(file, profile), evaluation }, { ...o, policy }));
  if ((await prompter.ask({ name: "opportunities", kind: "confirm", message: t("ask.opportunities", ctx), default: true })) === true) {
    io.out("\n" + renderOpportunities(findOpportunities(policy, profile, o.asOf, evaluation), { ...o, policy }) + "\n");
  }

  await offerSave(policy, prompter, o, io, data, ctx);
  return EXIT.ok;
}

async function offerSave(policy: LoadedPolicy, prompter: Prompter, o: AskOptions, io: Io, data: ProfileData, ctx: RenderContext): Promise<void> {
  const save = await prompter.ask({ name: "save", kind: "confirm", message: t("ask.save", ctx), default: true });
  if (save !== true) return;
  const yaml = renderProfileYaml(policy, data, { date: today(), asOf: o.asOf, lang: o.lang, ...(o.from !== undefined ? { from: o.from } : {}) });
  const suggested = o.from !== undefined ? join(dirname(o.from), `${basename(o.from, extname(o.from))}.completed.yaml`) : defaultFileName(String(data.enterprise.name ?? ""));
  let def = suggested;
  for (;;) {
    const answer = await prompter.ask({ name: "save.file", kind: "input", message: t("ask.save.file", ctx), default: def, validate: (raw) => (raw.trim() === "" && def === "" ? t("ask.required", ctx) : true) });
    const target = String(answer).trim() || def;
    if (o.from !== undefined && resolve(target) === resolve(o.from)) {
      io.out(t("ask.save.isInput", ctx, { file: target }) + "\n");
      def = suggested;
      continue;
    }
    let overwrite = false;
    if (existsSync(target)) {
      overwrite = (await prompter.ask({ name: "save.overwrite", kind: "confirm", message: t("ask.save.exists", ctx, { file: target }), default: false })) === true;
      if (!overwrite) {
        def = "";
        continue;
      }
    }
    // The file must read back as the same profile: validate the text before it replaces anything.
    parseProfileText(yaml, target, policy, { asOf: o.asOf });
    writeFileAtomic(target, yaml, { noOverwrite: !overwrite, ...(o.from !== undefined ? { protect: [o.from] } : {}) });
    const shown = /[\s'"$`\\]/.test(target) ? `'${target.replace(/'/g, "'\\''")}'` : target;
    io.out(say({ key: "ask.saved", params: { file: shown } }, ctx) + "\n");
    return;
  }
}

/**
 * The commander program: flags → typed options → command. The only place that sets the exit code.
 * Commands are imported lazily so that start-up loads only what the command in hand needs.
 */
import { Command, CommanderError, Option } from "commander";
import type { Lang } from "./types.js";
import { displayWidth, setAmbiguousWide, wrapText } from "./render/width.js";
import { loadConfig, resolveLang, resolvePolicy, resolveUnit, setConfig, type ConfigFile, type Setting, type Source } from "./commands/prefs.js";
import { SubsidyError, EXIT, formatLocated } from "./errors.js";
import { detectLang, messageLang, say, setMessageLang, t } from "./i18n/index.js";
import { removeLiveTemps, writeReason } from "./io/write.js";
import type { Message } from "./types.js";
import { parseCommon, parseLimits, screenWidth, type RawCommon, type RawLimits } from "./commands/options.js";
import type { Io } from "./commands/check.js";

declare const __SUBSIDY_VERSION__: string | undefined;
const VERSION = typeof __SUBSIDY_VERSION__ === "string" ? __SUBSIDY_VERSION__ : "dev";

/**
 * A reader that stops early (`subsidy batch clients | head`) closes the pipe: what is still written to it
 * is dropped, quietly, and the command goes on (a batch still writes its --out report whole) and ends with
 * its own exit code. Without this, Node reports the EPIPE as an unhandled 'error' event, with a stack trace.
 */
/**
 * Any other failure (a full disk, /dev/full, a read-only file system) is output lost: one line on stderr
 * saying why, and a non-zero exit, never exit 0 with a truncated or empty report.
 */
let outputLost: number = EXIT.ok;
function closable(stream: NodeJS.WriteStream, name: "stdout" | "stderr"): (s: string | Uint8Array) => void {
  let closed = false;
  stream.on("error", (e: NodeJS.ErrnoException) => {
    closed = true;
    if (e.code === "EPIPE" || e.code === "ERR_STREAM_DESTROYED") return;
    outputLost = EXIT.usage;
    process.exitCode = Math.max(Number(process.exitCode ?? 0), outputLost);
    if (name === "stdout") toStderr(formatLocated(say({ key: "err.write.stdout", params: { reason: writeReason(e) } }, { lang: messageLang() }), {}) + "\n");
  });
  return (s) => {
    if (!closed) stream.write(s);
  };
}
const toStdout = closable(process.stdout, "stdout");
const toStderr = closable(process.stderr, "stderr");

const io: Io = {
  out: (s) => toStdout(s),
  err: (s) => toStderr(s),
  outBytes: (b) => toStdout(b),
};

/** The run's help texts in its language, and where each preference now comes from. */
interface HelpContext {
  lang: Lang;
  /** "(now: zh, from SUBSIDY_LANG)" for --lang, --unit, --policy. */
  now: { lang: string; unit: string; policy: string };
}
let help: HelpContext = { lang: "en", now: { lang: "", unit: "", policy: "" } };
const h = (key: string) => t(`help.${key}`, { lang: help.lang });

/** What --help says of a preference: its value and where it comes from (flag, environment, config file, locale, default). */
function nowText(lang: Lang, value: string, from: Source, envName: string, config: ConfigFile | undefined): string {
  const where = t(`prefs.from.${from}`, { lang }, { name: envName, file: config?.file ?? "" });
  return (lang === "zh" ? "" : " ") + t("prefs.now", { lang }, { value, from: where });
}

/** Options every evaluating command takes. */
function withCommon(cmd: Command): Command {
  return cmd
    .option("--as-of <date>", h("asOf"))
    .option("--policy <file>", h("policy") + help.now.policy)
    .option("--lang <lang>", h("lang") + help.now.lang)
    .option("--unit <unit>", h("unit") + help.now.unit)
    .option("--reading <reading>", h("reading"))
    .option("--no-color", h("noColor"));
}

/** Limits on each profile file, for the rare client file that is big on purpose. */
function withLimits(cmd: Command): Command {
  return cmd.option("--max-file-size <size>", h("maxFileSize")).option("--max-depth <n>", h("maxDepth")).option("--max-items <n>", h("maxItems"));
}

/** Help in the run's language: titles, help and version options, CJK-aware columns. */
function localise(cmd: Command): Command {
  const titles: Record<string, string> = { "Usage:": h("usage"), "Arguments:": h("arguments"), "Options:": h("options"), "Commands:": h("commands") };
  return cmd
    .helpOption("-h, --help", h("help"))
    .configureHelp({
      styleTitle: (s) => titles[s] ?? s,
      // The screen's width (COLUMNS when piped), and our wrapping: Chinese breaks between characters.
      helpWidth: screenWidth(process.env, process.stdout),
      displayWidth: (s) => displayWidth(s),
      boxWrap: (s, w) => wrapText(s, w),
      // Choices and defaults are in our own descriptions, in the run's language.
      optionDescription: (o) => o.description,
    });
}

/** The top-level help's end: the options every command takes, where settings come from, and examples. */
function helpFooter(): string {
  const shared = withLimits(withCommon(new Command()));
  const screen = screenWidth(process.env, process.stdout);
  const flagsW = Math.max(...shared.options.map((o) => displayWidth(o.flags)));
  // Each description wrapped beside its flags, its continuation lines under its first.
  const indent = " ".repeat(flagsW + 4);
  const options = shared.options.map((o) =>
    wrapText(o.description, Math.max(20, screen - indent.length))
      .split("\n")
      .map((l, i) => (i === 0 ? `  ${o.flags}${" ".repeat(flagsW - displayWidth(o.flags) + 2)}${l}` : indent + l))
      .join("\n"),
  );
  const examples: [string, string][] = [
    ["subsidy check client.yaml --unit wan", "check"],
    ["subsidy check client.yaml --explain", "explain"],
    ["subsidy check client.yaml --out client.html", "html"],
    ["cat client.yaml | subsidy check - --format json", "stdin"],
    ["subsidy batch clients/ --out report.csv", "batch"],
    ["subsidy ask", "ask"],
  ];
  return [
    "",
    h("shared"),
    ...options,
    "",
    wrapText(h("settings"), screen),
    "",
    h("examples"),
    // Each example under what it does: fits any width a command fits.
    ...examples.flatMap(([cmd, key]) => [...wrapText(`# ${h(`example.${key}`)}`, screen - 2).split("\n").map((l) => `  ${l}`), `  ${cmd}`]),
    "",
  ].join("\n");
}

const text = (m: Message): string => say(m, { lang: messageLang() });

/** commander's own errors (unknown option, missing argument, a choice not allowed…) as catalogue messages. */
export function commanderMessage(raw: string): Message {
  const [first = "", hint = ""] = raw.trim().replace(/^error: /, "").split("\n");
  const suggest = /^\(Did you mean (?:one of )?(.*)\?\)$/.exec(hint)?.[1] ?? "";
  let m: RegExpExecArray | null;
  if ((m = /^unknown option '(.*)'$/.exec(first))) return { key: "err.cli.unknownOption", params: { flag: m[1] ?? "", suggest } };
  if ((m = /^unknown command '(.*)'$/.exec(first))) return { key: "err.cli.unknownCommand", params: { name: m[1] ?? "", suggest } };
  if ((m = /^missing required argument '(.*)'$/.exec(first))) return { key: "err.cli.missingArgument", params: { name: m[1] ?? "" } };
  if ((m = /^option '(.*)' argument missing$/.exec(first))) return { key: "err.cli.optionValueMissing", params: { flags: m[1] ?? "" } };
  if ((m = /^required option '(.*)' not specified$/.exec(first))) return { key: "err.cli.requiredOption", params: { flags: m[1] ?? "" } };
  if ((m = /^too many arguments(?: for '(.*)')?\. Expected (\d+) arguments? but got (\d+)\.$/.exec(first))) {
    return { key: "err.cli.tooManyArguments", params: { command: m[1] ?? "", expected: m[2] ?? "", got: m[3] ?? "" } };
  }
  if ((m = /^(?:option|command-argument value) '(.*)'(?: argument)? '(.*)' is invalid(?: for argument '(.*)')?\. Allowed choices are (.*)\.$/.exec(first))) {
    return { key: "err.cli.notAChoice", params: { flags: m[3] ?? m[1] ?? "", value: m[2] ?? "", choices: (m[4] ?? "").split(", ").join("|") } };
  }
  if ((m = /^command-argument value '(.*)' is invalid for argument '(.*)'\. Allowed choices are (.*)\.$/.exec(first))) {
    return { key: "err.cli.notAChoice", params: { flags: m[2] ?? "", value: m[1] ?? "", choices: (m[3] ?? "").split(", ").join("|") } };
  }
  return { key: "err.cli.other", params: { detail: first } };
}

/** Where commander writes: help and version as they are, its errors through the catalogue. */
const output = {
  writeOut: (s: string) => io.out(s),
  writeErr: (s: string) => io.err(s),
  outputError: (s: string, write: (s: string) => void) => write(text(commanderMessage(s)) + "\n"),
};

let exitCode: number = EXIT.ok;
const setExit = (code: number) => {
  exitCode = Math.max(exitCode, code);
};

export function buildProgram(): Command {
  const program = new Command();
  program
    .name("subsidy")
    .description(h("program"))
    .version(VERSION, "-V, --version", h("version"))
    .helpCommand("help [command]", h("helpCommand"))
    .addHelpText("after", helpFooter)
    .showHelpAfterError(text({ key: "err.cli.helpHint" }))
    .exitOverride()
    .configureOutput(output);

  withLimits(withCommon(
    program
      .command("check")
      .description(h("check"))
      .argument("<profile...>", h("check.profiles"))
      .option("-f, --format <format>", h("check.format"))
      .option("-o, --out <file>", h("check.out"))
      .option("--all", h("check.all"), false)
      .option("--explain", h("check.explain"), false)
      .option("--opportunities", h("check.opportunities"), false),
  )).action(async (files: string[], raw: RawCommon & RawLimits & { format?: string; out?: string; all: boolean; explain: boolean; opportunities: boolean }) => {
    const { runCheck } = await import("./commands/check.js");
    const o = { ...parseCommon(raw), limits: parseLimits(raw), all: raw.all, explain: raw.explain, opportunities: raw.opportunities, ...(raw.format !== undefined ? { format: raw.format } : {}), ...(raw.out !== undefined ? { out: raw.out } : {}) };
    setExit(await runCheck(files, o, io));
  });

  const policyCmd = program.command("policy").description(h("policyCmd"));
  const fmt = () => new Option("-f, --format <format>", h("format")).choices(["table", "json"]).default("table");
  withCommon(policyCmd.command("list").description(h("policy.list")).addOption(fmt())).action(
    async (raw: RawCommon & { format: string }) => {
      const { runPolicyList } = await import("./commands/policy.js");
      setExit(await runPolicyList({ ...parseCommon(raw), format: raw.format }, io));
    },
  );
  withCommon(policyCmd.command("show").description(h("policy.show")).argument("<id>", h("policy.show.id")).addOption(fmt())).action(
    async (id: string, raw: RawCommon & { format: string }) => {
      const { runPolicyShow } = await import("./commands/policy.js");
      setExit(await runPolicyShow(id, { ...parseCommon(raw), format: raw.format }, io));
    },
  );
  withCommon(policyCmd.command("validate").description(h("policy.validate")).argument("<file>", h("policy.file")).addOption(fmt())).action(
    async (file: string, raw: RawCommon & { format: string }) => {
      const { runPolicyValidate } = await import("./commands/policy.js");
      setExit(await runPolicyValidate(file, { ...parseCommon(raw), format: raw.format }, io));
    },
  );
  withCommon(
    policyCmd
      .command("diff")
      .description(h("policy.diff"))
      .argument("<old>", h("policy.diff.old"))
      .argument("<new>", h("policy.diff.new"))
      .option("--profiles <dir>", h("policy.diff.profiles"))
      .addOption(fmt()),
  ).action(async (oldFile: string, newFile: string, raw: RawCommon & { format: string; profiles?: string }) => {
    const { runPolicyDiff } = await import("./commands/policy.js");
    setExit(await runPolicyDiff(oldFile, newFile, { ...parseCommon(raw), format: raw.format, ...(raw.profiles !== undefined ? { profiles: raw.profiles } : {}) }, io));
  });
  withCommon(
    policyCmd
      .command("test")
      .description(h("policy.test"))
      .argument("[dir]", h("policy.test.dir"))
      .option("-v, --verbose", h("policy.test.verbose"), false)
      .addOption(fmt()),
  ).action(async (dir: string | undefined, raw: RawCommon & { format: string; verbose: boolean }) => {
    const { runPolicyTest } = await import("./commands/policy.js");
    setExit(await runPolicyTest(dir, { ...parseCommon(raw), format: raw.format, verbose: raw.verbose }, io));
  });

  withCommon(
    program
      .command("schema")
      .description(h("schema"))
      .option("-o, --out <file>", h("schema.out")),
  ).action(async (raw: RawCommon & { out?: string }) => {
    const { runSchema } = await import("./commands/schema.js");
    setExit(await runSchema({ ...parseCommon(raw), ...(raw.out !== undefined ? { out: raw.out } : {}) }, io));
  });
  withCommon(
    program
      .command("init")
      .description(h("init"))
      .argument("[file]", h("init.file"), "profile.yaml")
      .option("--xlsx <file>", h("init.xlsx")),
  ).action(async (file: string, raw: RawCommon & { xlsx?: string }) => {
    const init = await import("./commands/init.js");
    setExit(raw.xlsx !== undefined ? await init.runInitXlsx(raw.xlsx, parseCommon(raw), io) : await init.runInit(file, parseCommon(raw), io));
  });
  withLimits(withCommon(
    program
      .command("export")
      .description(h("export"))
      .argument("<dir>", h("batch.dir"))
      .requiredOption("-o, --out <file>", h("export.out"))
      .option("-r, --recursive", h("batch.recursive"), false),
  )).action(async (dir: string, raw: RawCommon & RawLimits & { out: string; recursive: boolean }) => {
    const { runExport } = await import("./commands/export.js");
    setExit(await runExport(dir, { ...parseCommon(raw), limits: parseLimits(raw), out: raw.out, recursive: raw.recursive }, io));
  });
  withCommon(
    program
      .command("import")
      .description(h("import"))
      .argument("<file>", h("import.file"))
      .requiredOption("-o, --out <dir>", h("import.out")),
  ).action(async (file: string, raw: RawCommon & { out: string }) => {
    const { runImport } = await import("./commands/import.js");
    setExit(await runImport(file, { ...parseCommon(raw), out: raw.out }, io));
  });
  withCommon(
    program
      .command("ask")
      .description(h("ask"))
      .option("--from <profile>", h("askFrom")),
  ).action(async (raw: RawCommon & { from?: string }) => {
    const { runAsk } = await import("./commands/ask.js");
    setExit(await runAsk({ ...parseCommon(raw), ...(raw.from !== undefined ? { from: raw.from } : {}) }, io));
  });

  withLimits(withCommon(
    program
      .command("batch")
      .description(h("batch"))
      .argument("<dir>", h("batch.dir"))
      .option("-r, --recursive", h("batch.recursive"), false)
      .option("--follow-links", h("batch.followLinks"), false)
      .option("-o, --out <file>", h("batch.out"))
      .option("-f, --format <format>", h("batch.format"))
      .option("--opportunities", h("batch.opportunities"), false),
  )).action(async (dir: string, raw: RawCommon & RawLimits & { recursive: boolean; followLinks: boolean; out?: string; format?: string; opportunities: boolean }) => {
    const { runBatchCommand } = await import("./commands/batch.js");
    const o = { ...parseCommon(raw), limits: parseLimits(raw), recursive: raw.recursive, followLinks: raw.followLinks, opportunities: raw.opportunities, ...(raw.out !== undefined ? { out: raw.out } : {}), ...(raw.format !== undefined ? { format: raw.format } : {}) };
    const progress = process.stderr.isTTY ? { write: (s: string) => void process.stderr.write(s), columns: process.stderr.columns } : undefined;
    setExit(await runBatchCommand(dir, o, { ...io, ...(progress ? { progress } : {}) }));
  });

  return program;
}

/** `--lang X` or `--lang=X` anywhere on the command line: errors raised before a command parses its options speak it too. */
function langFromArgv(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? "";
    if (a === "--lang") return argv[i + 1];
    if (a.startsWith("--lang=")) return a.slice(7);
  }
  return undefined;
}

export async function main(argv: string[]): Promise<number> {
  // The language of messages and help: --lang, SUBSIDY_LANG, the config file, the locale. A config file
  // that cannot be read is reported in the language known without it.
  const flagLang = langFromArgv(argv);
  let config: ConfigFile | undefined;
  let lang: Setting<Lang>;
  try {
    setMessageLang(detectLang(flagLang === "zh" || flagLang === "en" ? flagLang : process.env.SUBSIDY_LANG, process.env));
    config = await loadConfig();
    setConfig(config);
    lang = resolveLang(flagLang === "zh" || flagLang === "en" ? flagLang : undefined, process.env, config);
    const unit = resolveUnit(undefined, process.env, config);
    const policy = resolvePolicy(undefined, config);
    help = {
      lang: lang.value,
      now: {
        lang: nowText(lang.value, lang.value, lang.from, "SUBSIDY_LANG", config),
        unit: nowText(lang.value, unit.value, unit.from, "SUBSIDY_UNIT", config),
        // The bundled policy is what the description already says: only another one is worth naming.
        policy: policy.value === undefined ? "" : nowText(lang.value, policy.value, policy.from, "", config),
      },
    };
  } catch (e) {
    if (!(e instanceof SubsidyError)) throw e;
    io.err(e.format() + "\n");
    return e.exitCode;
  }
  setMessageLang(lang.value);
  setAmbiguousWide(lang.value === "zh");
  const program = buildProgram();
  for (const cmd of [program, ...program.commands, ...program.commands.flatMap((c) => c.commands)]) {
    localise(cmd).exitOverride().configureOutput(output);
  }
  try {
    await program.parseAsync(argv);
    return exitCode;
  } catch (e) {
    if (e instanceof CommanderError) {
      // --help and --version end with exit 0; every other commander failure is a usage error (exit 2, not commander's 1).
      if (e.code === "commander.helpDisplayed" || e.code === "commander.version" || e.code === "commander.help") return EXIT.ok;
      return EXIT.usage;
    }
    if (e instanceof SubsidyError) {
      io.err(e.format() + "\n");
      return e.exitCode;
    }
    const err = e as Error;
    io.err(text({ key: "err.cli.internal", params: { detail: err?.message ?? String(e) } }) + "\n");
    if (process.env.DEBUG) io.err(`${err?.stack ?? ""}\n`);
    else io.err(text({ key: "err.cli.reportBug" }) + "\n");
    return EXIT.usage;
  }
}

/** Ctrl-C, kill (SIGTERM) and a closed terminal (SIGHUP) alike: temporary files removed, "Aborted", 128 + the signal. */
for (const [signal, code] of [["SIGINT", EXIT.interrupted], ["SIGTERM", EXIT.terminated], ["SIGHUP", EXIT.hangup]] as const) {
  process.on(signal, () => {
    removeLiveTemps();
    io.err(`\n${text({ key: "err.aborted" })}\n`);
    process.exit(code);
  });
}

// Not a top-level await: the same source is also bundled as CommonJS (dist/cli.cjs, see bin/subsidy.js).
void main(process.argv).then((done) => {
  // A write error on stdout arrives as an event after the write: let it land before deciding the exit code.
  setImmediate(() => {
    const code = Math.max(done, outputLost);
    process.exitCode = code;
    // The command has finished its work (every command awaits its own) and its output is written: end now,
    // rather than let Node free the whole heap first (about 30 ms after a batch of 10,000 profiles). Unless
    // output is still queued on a stream, or a 'beforeExit' hook waits to run (the build's code-cache writers).
    if (process.stdout.writableLength === 0 && process.stderr.writableLength === 0 && process.listenerCount("beforeExit") === 0) process.exit(code);
  });
});

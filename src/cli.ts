/**
 * The commander program: flags → typed options → command. The only place that sets the exit code.
 * Commands are imported lazily so that start-up loads only what the command in hand needs.
 */
import { Command, CommanderError, Option } from "commander";
import { SubsidyError, EXIT, formatLocated } from "./errors.js";
import { detectLang, messageLang, say, setMessageLang } from "./i18n/index.js";
import { removeLiveTemps, writeReason } from "./io/write.js";
import { parseCommon, parseLimits, type RawCommon, type RawLimits } from "./commands/options.js";
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

/** Options every evaluating command takes. */
function withCommon(cmd: Command): Command {
  return cmd
    .option("--as-of <date>", "evaluation date YYYY-MM-DD (default: today)")
    .option("--policy <file>", "policy file (default: the bundled policy.yaml)")
    .addOption(new Option("--lang <lang>", "output language (default: zh when LANG starts with zh, else en)").choices(["zh", "en"]))
    .addOption(new Option("--unit <unit>", "money as ¥1,000,000 (yuan) or 100万元 (wan)").choices(["yuan", "wan"]).default("yuan"))
    .addOption(new Option("--reading <reading>", "headline amounts: the policy's adopted reading, or each program's lowest (conservative)").choices(["adopted", "conservative"]).default("adopted"))
    .option("--no-color", "no colour (also when piped or NO_COLOR is set)");
}

/** Limits on each profile file, for the rare client file that is big on purpose. */
function withLimits(cmd: Command): Command {
  return cmd
    .option("--max-file-size <size>", "largest profile file read, e.g. 4MiB (default 1MiB)")
    .option("--max-depth <n>", "deepest nesting of lists and mappings in a profile (default 32)")
    .option("--max-items <n>", "most entries in one list or mapping of a profile (default 10000)");
}

let exitCode: number = EXIT.ok;
const setExit = (code: number) => {
  exitCode = Math.max(exitCode, code);
};

export function buildProgram(): Command {
  const program = new Command();
  program
    .name("subsidy")
    .description('淄博制造业"五个优化"惠企政策计算器 — which Zibo manufacturing subsidies an enterprise qualifies for, and how much')
    .version(VERSION, "-V, --version")
    .showHelpAfterError("(run with --help for usage)")
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) });

  withLimits(withCommon(
    program
      .command("check")
      .description("evaluate one or more enterprise profiles (YAML or JSON)")
      .argument("<profile...>", "profile files")
      .addOption(new Option("-f, --format <format>", "output format (default: from the --out file's extension, else table)").choices(["table", "json", "md", "html", "csv", "xlsx"]))
      .option("-o, --out <file>", "write the report to FILE (atomically) instead of standard output")
      .option("--all", "also list the programs the enterprise does not qualify for, with reasons", false)
      .option("--explain", "under each program, its conditions, computation, clause and departments", false)
      .option("--opportunities", "add what else the enterprise could obtain, and what it would take (JSON and reports always carry it)", false),
  )).action(async (files: string[], raw: RawCommon & RawLimits & { format?: string; out?: string; all: boolean; explain: boolean; opportunities: boolean }) => {
    const { runCheck } = await import("./commands/check.js");
    const o = { ...parseCommon(raw), limits: parseLimits(raw), all: raw.all, explain: raw.explain, opportunities: raw.opportunities, ...(raw.format !== undefined ? { format: raw.format } : {}), ...(raw.out !== undefined ? { out: raw.out } : {}) };
    setExit(await runCheck(files, o, io));
  });

  const policyCmd = program.command("policy").description("for whoever maintains policy.yaml: list, show, validate, diff and test policy versions");
  const fmt = () => new Option("-f, --format <format>", "output format").choices(["table", "json"]).default("table");
  withCommon(policyCmd.command("list").description("the programs of the policy: id, title, clause, amount kind and amount").addOption(fmt())).action(
    async (raw: RawCommon & { format: string }) => {
      const { runPolicyList } = await import("./commands/policy.js");
      setExit(await runPolicyList({ ...parseCommon(raw), format: raw.format }, io));
    },
  );
  withCommon(policyCmd.command("show").description("one program: its rule, dated values, clause text and departments").argument("<id>", "program id (see policy list)").addOption(fmt())).action(
    async (id: string, raw: RawCommon & { format: string }) => {
      const { runPolicyShow } = await import("./commands/policy.js");
      setExit(await runPolicyShow(id, { ...parseCommon(raw), format: raw.format }, io));
    },
  );
  withCommon(policyCmd.command("validate").description("schema and lint of a policy file; errors name file:line; exit 2 when invalid").argument("<file>", "policy file").addOption(fmt())).action(
    async (file: string, raw: RawCommon & { format: string }) => {
      const { runPolicyValidate } = await import("./commands/policy.js");
      setExit(await runPolicyValidate(file, { ...parseCommon(raw), format: raw.format }, io));
    },
  );
  withCommon(
    policyCmd
      .command("diff")
      .description("what changed between two policy versions, program by program; with --profiles, whose amounts change")
      .argument("<old>", "old policy file")
      .argument("<new>", "new policy file")
      .option("--profiles <dir>", "re-evaluate the profiles of this folder under both versions (on --as-of)")
      .addOption(fmt()),
  ).action(async (oldFile: string, newFile: string, raw: RawCommon & { format: string; profiles?: string }) => {
    const { runPolicyDiff } = await import("./commands/policy.js");
    setExit(await runPolicyDiff(oldFile, newFile, { ...parseCommon(raw), format: raw.format, ...(raw.profiles !== undefined ? { profiles: raw.profiles } : {}) }, io));
  });
  withCommon(
    policyCmd
      .command("test")
      .description("run the YAML scenario tests of a folder (default fixtures/scenarios) or file against a policy")
      .argument("[dir]", "scenario folder or file")
      .option("-v, --verbose", "list passing scenarios too", false)
      .addOption(fmt()),
  ).action(async (dir: string | undefined, raw: RawCommon & { format: string; verbose: boolean }) => {
    const { runPolicyTest } = await import("./commands/policy.js");
    setExit(await runPolicyTest(dir, { ...parseCommon(raw), format: raw.format, verbose: raw.verbose }, io));
  });

  withCommon(
    program
      .command("schema")
      .description("the JSON Schema of a profile, for YAML editors (# yaml-language-server: $schema=…)")
      .option("-o, --out <file>", "write to this file instead of standard output"),
  ).action(async (raw: RawCommon & { out?: string }) => {
    const { runSchema } = await import("./commands/schema.js");
    setExit(await runSchema({ ...parseCommon(raw), ...(raw.out !== undefined ? { out: raw.out } : {}) }, io));
  });
  withCommon(
    program
      .command("init")
      .description("write a commented template profile, or with --xlsx a client workbook template (never overwrites a file)")
      .argument("[file]", "profile to create", "profile.yaml")
      .option("--xlsx <file>", "write the client workbook template (drop-down lists, one example enterprise) to FILE.xlsx instead"),
  ).action(async (file: string, raw: RawCommon & { xlsx?: string }) => {
    const init = await import("./commands/init.js");
    setExit(raw.xlsx !== undefined ? await init.runInitXlsx(raw.xlsx, parseCommon(raw), io) : await init.runInit(file, parseCommon(raw), io));
  });
  withLimits(withCommon(
    program
      .command("export")
      .description("write a folder of profiles as one client workbook (.xlsx): an enterprise sheet and a sheet per item list")
      .argument("<dir>", "folder of profiles (.yaml, .yml, .json)")
      .requiredOption("-o, --out <file>", "the workbook to write (.xlsx)")
      .option("-r, --recursive", "also read the folders inside", false),
  )).action(async (dir: string, raw: RawCommon & RawLimits & { out: string; recursive: boolean }) => {
    const { runExport } = await import("./commands/export.js");
    setExit(await runExport(dir, { ...parseCommon(raw), limits: parseLimits(raw), out: raw.out, recursive: raw.recursive }, io));
  });
  withCommon(
    program
      .command("import")
      .description("write one commented YAML profile per enterprise of a client workbook (.xlsx) into a folder (never overwrites a file)")
      .argument("<file>", "client workbook (.xlsx)")
      .requiredOption("-o, --out <dir>", "the folder to write the profiles into (created when missing)"),
  ).action(async (file: string, raw: RawCommon & { out: string }) => {
    const { runImport } = await import("./commands/import.js");
    setExit(await runImport(file, { ...parseCommon(raw), out: raw.out }, io));
  });
  withCommon(
    program
      .command("ask")
      .description("interactive questionnaire in a terminal: answers → the same table as check → save as a profile file")
      .option("--from <profile>", "start from an existing profile and ask only for the facts programs are waiting for"),
  ).action(async (raw: RawCommon & { from?: string }) => {
    const { runAsk } = await import("./commands/ask.js");
    setExit(await runAsk({ ...parseCommon(raw), ...(raw.from !== undefined ? { from: raw.from } : {}) }, io));
  });

  withLimits(withCommon(
    program
      .command("batch")
      .description("evaluate every profile in a folder (or every enterprise of a client workbook): a summary on screen, and a CSV, JSON, Markdown or Excel report with --out")
      .argument("<dir>", "folder of profiles (.yaml, .yml, .json), or a client workbook (.xlsx)")
      .option("-r, --recursive", "also read the folders inside", false)
      .option("--follow-links", "with --recursive, also read folders reached through symbolic links", false)
      .option("-o, --out <file>", "write the report to this file (format from its extension: .csv, .json, .md, .xlsx)")
      .addOption(new Option("-f, --format <format>", "report format (default: table on screen; with --out, from the file's extension)").choices(["table", "json", "csv", "md", "xlsx"]))
      .option("--opportunities", "add, per program, how many enterprises are one step from it and the sum at stake (the JSON report always carries it)", false),
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
  setMessageLang(detectLang(langFromArgv(argv), process.env));
  const program = buildProgram();
  for (const cmd of program.commands) cmd.exitOverride().configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) });
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
    io.err(`subsidy: internal error: ${err?.message ?? String(e)}\n`);
    if (process.env.DEBUG) io.err(`${err?.stack ?? ""}\n`);
    else io.err("This is a bug in subsidy, not in your files. Run again with DEBUG=1 for details and report it.\n");
    return EXIT.usage;
  }
}

/** Ctrl-C, kill (SIGTERM) and a closed terminal (SIGHUP) alike: temporary files removed, "Aborted", 128 + the signal. */
for (const [signal, code] of [["SIGINT", EXIT.interrupted], ["SIGTERM", EXIT.terminated], ["SIGHUP", EXIT.hangup]] as const) {
  process.on(signal, () => {
    removeLiveTemps();
    io.err(`\n${say({ key: "err.aborted" }, { lang: messageLang() })}\n`);
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

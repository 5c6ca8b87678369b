/**
 * The commander program: flags → typed options → command. The only place that sets the exit code.
 * Commands are imported lazily so that start-up loads only what the command in hand needs.
 */
import { Command, CommanderError, Option } from "commander";
import { SubsidyError, EXIT } from "./errors.js";
import { parseCommon, type RawCommon } from "./commands/options.js";
import type { Io } from "./commands/check.js";

declare const __SUBSIDY_VERSION__: string | undefined;
const VERSION = typeof __SUBSIDY_VERSION__ === "string" ? __SUBSIDY_VERSION__ : "dev";

const io: Io = {
  out: (s) => void process.stdout.write(s),
  err: (s) => void process.stderr.write(s),
};

/** Options every evaluating command takes. */
function withCommon(cmd: Command): Command {
  return cmd
    .option("--as-of <date>", "evaluation date YYYY-MM-DD (default: today)")
    .option("--policy <file>", "policy file (default: the bundled policy.yaml)")
    .addOption(new Option("--lang <lang>", "output language (default: zh when LANG starts with zh, else en)").choices(["zh", "en"]))
    .addOption(new Option("--unit <unit>", "money as ¥1,000,000 (yuan) or 100万元 (wan)").choices(["yuan", "wan"]).default("yuan"))
    .option("--no-color", "no colour (also when piped or NO_COLOR is set)");
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

  withCommon(
    program
      .command("check")
      .description("evaluate one or more enterprise profiles (YAML or JSON)")
      .argument("<profile...>", "profile files")
      .addOption(new Option("-f, --format <format>", "output format (default: from the --out file's extension, else table)").choices(["table", "json", "md", "html", "csv"]))
      .option("-o, --out <file>", "write the report to FILE (atomically) instead of standard output")
      .option("--all", "also list the programs the enterprise does not qualify for, with reasons", false)
      .option("--explain", "under each program, its conditions, computation, clause and departments", false),
  ).action(async (files: string[], raw: RawCommon & { format?: string; out?: string; all: boolean; explain: boolean }) => {
    const { runCheck } = await import("./commands/check.js");
    const o = { ...parseCommon(raw), all: raw.all, explain: raw.explain, ...(raw.format !== undefined ? { format: raw.format } : {}), ...(raw.out !== undefined ? { out: raw.out } : {}) };
    setExit(await runCheck(files, o, io));
  });

  return program;
}

export async function main(argv: string[]): Promise<number> {
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

process.on("SIGINT", () => {
  io.err("\nAborted\n");
  process.exit(EXIT.interrupted);
});

const code = await main(process.argv);
process.exitCode = code;

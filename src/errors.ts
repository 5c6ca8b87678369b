/**
 * Expected failures are typed errors with a stable code and a message that says how to fix the input.
 * Anything else is an internal error: the CLI reports it once, without a stack trace unless DEBUG is set.
 */

import type { Message } from "./types.js";
import { messageLang, say } from "./i18n/index.js";
import { visible } from "./text/visible.js";

export const EXIT = { ok: 0, invalidProfile: 1, usage: 2, hangup: 129, interrupted: 130, terminated: 143 } as const;

/** The most problems of one file shown on screen; the rest are counted ("and N more"). JSON keeps them all. */
export const SHOWN_ISSUES = 20;

export type ErrorCode =
  | "usage"
  | "policy-invalid"
  | "policy-missing"
  | "file-unreadable"
  | "file-not-regular"
  | "file-too-large"
  | "file-empty"
  | "file-encoding"
  | "file-binary"
  | "parse"
  | "validation"
  | "not-a-terminal"
  | "write-failed"
  | "aborted";

export interface ErrorLocation {
  /** The file as the user named it. */
  file?: string;
  /** 1-based line, where the fault has one. */
  line?: number;
  /** 1-based column. */
  col?: number;
  /** The field as a profile path, e.g. recognitions[2].date. */
  path?: string;
}

export class SubsidyError extends Error {
  readonly code: ErrorCode;
  readonly location: ErrorLocation;
  /** The catalogue message this error was made from, when it was (rendered into `message` in the run's language). */
  readonly msg: Message | undefined;
  /** `message`: a catalogue message (key + params), rendered now in the run's language; a plain string is taken as it is. */
  constructor(code: ErrorCode, message: string | Message, location: ErrorLocation = {}) {
    super(typeof message === "string" ? message : say(message, { lang: messageLang() }));
    this.name = "SubsidyError";
    this.code = code;
    this.location = location;
    this.msg = typeof message === "string" ? undefined : message;
  }

  /** `file:line field: message`, the one line a user sees. */
  format(): string {
    return formatLocated(this.message, this.location);
  }

  get exitCode(): number {
    switch (this.code) {
      case "usage":
      case "policy-invalid":
      case "policy-missing":
      case "not-a-terminal":
      case "write-failed":
        return EXIT.usage;
      case "aborted":
        return EXIT.interrupted;
      default:
        return EXIT.invalidProfile;
    }
  }
}

/** Several located problems in one file (every zod issue, say). The first is the headline. */
export class ValidationErrors extends SubsidyError {
  readonly issues: SubsidyError[];
  constructor(issues: SubsidyError[]) {
    const first = issues[0];
    if (!first) throw new Error("ValidationErrors needs at least one issue");
    super(first.code, first.message, first.location);
    this.issues = issues;
  }
  /** One line per problem, the first SHOWN_ISSUES of them, then "and N more". */
  override format(): string {
    const lines = this.issues.slice(0, SHOWN_ISSUES).map((i) => i.format());
    const more = this.issues.length - SHOWN_ISSUES;
    if (more > 0) lines.push(formatLocated(say({ key: "err.moreIssues", params: { count: more } }, { lang: messageLang() }), { file: this.location.file }));
    return lines.join("\n");
  }
}

/**
 * `file:line field: message` on one line: control characters and line breaks in any part (a file name,
 * a key or a value quoted from a profile) are shown escaped, so that no input can forge a second line.
 */
export function formatLocated(message: string, loc: ErrorLocation): string {
  let where = loc.file ?? "";
  if (loc.file && loc.line !== undefined) where += `:${loc.line}`;
  if (loc.path) where += where ? ` ${loc.path}` : loc.path;
  return visible(where ? `${where}: ${message}` : message);
}

/** A fault no check foresaw (a stack overflow, say) while reading one profile: reported as that file's error, so the others go on. */
export function unforeseen(file: string, e: unknown): SubsidyError {
  return new SubsidyError("parse", { key: "err.unforeseen", params: { detail: e instanceof Error ? e.message : String(e) } }, { file });
}

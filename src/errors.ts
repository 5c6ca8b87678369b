/**
 * Expected failures are typed errors with a stable code and a message that says how to fix the input.
 * Anything else is an internal error: the CLI reports it once, without a stack trace unless DEBUG is set.
 */

import type { Message } from "./types.js";
import { messageLang, say } from "./i18n/index.js";

export const EXIT = { ok: 0, invalidProfile: 1, usage: 2, interrupted: 130 } as const;

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
  override format(): string {
    return this.issues.map((i) => i.format()).join("\n");
  }
}

export function formatLocated(message: string, loc: ErrorLocation): string {
  let where = loc.file ?? "";
  if (loc.file && loc.line !== undefined) where += `:${loc.line}`;
  if (loc.path) where += where ? ` ${loc.path}` : loc.path;
  return where ? `${where}: ${message}` : message;
}

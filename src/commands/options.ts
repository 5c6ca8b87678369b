/** Options shared by the commands, turned from raw flags into typed values in one place. */
import { isRealDate } from "../dates.js";
import { SubsidyError } from "../errors.js";
import type { MoneyUnit } from "../i18n/index.js";
import { currentConfig, resolveLang, resolvePolicy, resolveUnit } from "./prefs.js";
import type { Lang } from "../types.js";
import type { ReadingMode } from "../engine/evaluate.js";
import { DEFAULT_MAX_BYTES, DEFAULT_MAX_DEPTH, DEFAULT_MAX_ITEMS } from "../parse/limits.js";
import type { ParseOptions } from "../parse/document.js";

export interface CommonOptions {
  asOf: string;
  policyFile?: string;
  lang: Lang;
  color: boolean;
  unit: MoneyUnit;
  width: number;
  /** Which reading's amount is the headline (issue 16): the adopted one, or each program's lowest. */
  reading?: ReadingMode;
}

export interface RawCommon {
  asOf?: string;
  policy?: string;
  lang?: string;
  color?: boolean;
  unit?: string;
  reading?: string;
}

/** Today's date on this machine's clock, YYYY-MM-DD. */
export function today(now: Date = new Date()): string {
  const p = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}

/** No colour when piped, with --no-color or NO_COLOR; FORCE_COLOR forces it. */
export function useColor(flag: boolean | undefined, env: NodeJS.ProcessEnv, isTTY: boolean | undefined): boolean {
  if (flag === false) return false;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== "") return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== "0" && env.FORCE_COLOR !== "false") return true;
  return Boolean(isTTY);
}

/** Columns to lay out to: the terminal's; when piped, COLUMNS; else 100. */
export function screenWidth(env: NodeJS.ProcessEnv, stdout: { columns?: number }): number {
  if (stdout.columns && stdout.columns > 40) return stdout.columns;
  const n = Number(env.COLUMNS);
  return Number.isInteger(n) && n > 40 ? n : 100;
}

export function parseCommon(raw: RawCommon, env: NodeJS.ProcessEnv = process.env, stdout: { isTTY?: boolean; columns?: number } = process.stdout): CommonOptions {
  const asOf = raw.asOf ?? today();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf) || !isRealDate(asOf)) {
    throw new SubsidyError("usage", { key: "err.usage.asOf", params: { value: asOf } });
  }
  if (raw.lang !== undefined && raw.lang !== "zh" && raw.lang !== "en") {
    throw new SubsidyError("usage", { key: "err.usage.lang", params: { value: raw.lang } });
  }
  const reading = raw.reading ?? "adopted";
  if (reading !== "adopted" && reading !== "conservative") throw new SubsidyError("usage", { key: "usage.reading", params: { value: reading } });
  // Flags, then SUBSIDY_LANG / SUBSIDY_UNIT, then the config file, then the locale or the default.
  const config = currentConfig();
  const o: CommonOptions = {
    reading,
    asOf,
    lang: resolveLang(raw.lang, env, config).value,
    color: useColor(raw.color, env, stdout.isTTY),
    unit: resolveUnit(raw.unit, env, config).value,
    width: screenWidth(env, stdout),
  };
  const policy = resolvePolicy(raw.policy, config).value;
  if (policy !== undefined) o.policyFile = policy;
  return o;
}

/** The raw limit flags every profile-reading command takes (--max-file-size, --max-depth, --max-items). */
export interface RawLimits {
  maxFileSize?: string;
  maxDepth?: string;
  maxItems?: string;
}

/** The parser's structural limit: deeper than this, yaml's own recursion is at risk. */
export const MAX_DEPTH_CEILING = 1000;
const MAX_ITEMS_CEILING = 10_000_000;
const MAX_FILE_CEILING = 1024 * 1024 * 1024;

/** `2MiB`, `512KB`, `1048576` → bytes (K and M are binary: a consultant means "about a megabyte"). */
export function parseSize(s: string): number | undefined {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(b|k|kb|kib|m|mb|mib|g|gb|gib)?\s*$/i.exec(s);
  if (!m) return undefined;
  const unit = (m[2] ?? "b").toLowerCase()[0];
  const mult = unit === "k" ? 1024 : unit === "m" ? 1024 ** 2 : unit === "g" ? 1024 ** 3 : 1;
  const n = Math.floor(Number(m[1]) * mult);
  return Number.isSafeInteger(n) ? n : undefined;
}

function positiveInt(flag: string, raw: string, max: number, example: string): number {
  const n = /^\s*\d+\s*$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isSafeInteger(n) || n < 1 || n > max) {
    throw new SubsidyError("usage", { key: "err.usage.wholeNumber", params: { flag, value: raw, max, example } });
  }
  return n;
}

export function parseLimits(raw: RawLimits): Required<Omit<ParseOptions, "kind" | "moneyKeys">> {
  let maxBytes = DEFAULT_MAX_BYTES;
  if (raw.maxFileSize !== undefined) {
    const n = parseSize(raw.maxFileSize);
    if (n === undefined || n < 1 || n > MAX_FILE_CEILING) {
      throw new SubsidyError("usage", { key: "err.usage.fileSize", params: { value: raw.maxFileSize } });
    }
    maxBytes = n;
  }
  return {
    maxBytes,
    maxDepth: raw.maxDepth === undefined ? DEFAULT_MAX_DEPTH : positiveInt("--max-depth", raw.maxDepth, MAX_DEPTH_CEILING, "64"),
    maxItems: raw.maxItems === undefined ? DEFAULT_MAX_ITEMS : positiveInt("--max-items", raw.maxItems, MAX_ITEMS_CEILING, "50000"),
  };
}

/** Options shared by the commands, turned from raw flags into typed values in one place. */
import { isRealDate } from "../dates.js";
import { SubsidyError } from "../errors.js";
import { detectLang, type MoneyUnit } from "../i18n/index.js";
import type { Lang } from "../types.js";

export interface CommonOptions {
  asOf: string;
  policyFile?: string;
  lang: Lang;
  color: boolean;
  unit: MoneyUnit;
  width: number;
}

export interface RawCommon {
  asOf?: string;
  policy?: string;
  lang?: string;
  color?: boolean;
  unit?: string;
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

export function parseCommon(raw: RawCommon, env: NodeJS.ProcessEnv = process.env, stdout: { isTTY?: boolean; columns?: number } = process.stdout): CommonOptions {
  const asOf = raw.asOf ?? today();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf) || !isRealDate(asOf)) {
    throw new SubsidyError("usage", `--as-of ${asOf}: expected a real date written YYYY-MM-DD, e.g. --as-of 2024-12-31`);
  }
  if (raw.lang !== undefined && raw.lang !== "zh" && raw.lang !== "en") {
    throw new SubsidyError("usage", `--lang ${raw.lang}: expected zh or en`);
  }
  const unit = raw.unit ?? "yuan";
  if (unit !== "yuan" && unit !== "wan") throw new SubsidyError("usage", `--unit ${unit}: expected yuan or wan`);
  const o: CommonOptions = {
    asOf,
    lang: detectLang(raw.lang, env),
    color: useColor(raw.color, env, stdout.isTTY),
    unit,
    width: stdout.columns && stdout.columns > 40 ? stdout.columns : 100,
  };
  if (raw.policy !== undefined) o.policyFile = raw.policy;
  return o;
}

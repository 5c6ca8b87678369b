/**
 * Preferences that stick between runs: the language, the money unit and the policy file, from (highest
 * first) the command's flags, the SUBSIDY_LANG / SUBSIDY_UNIT environment variables, a config file, and
 * the locale (language) or the built-in default.
 *
 * The config file is `subsidy.config.yaml` in the working folder, else the user's config folder
 * (`$XDG_CONFIG_HOME/subsidy/config.yaml`, `~/.config/subsidy/config.yaml`; `%APPDATA%\subsidy\config.yaml`
 * on Windows). A lookup of our own rather than a config library: two fixed places, no search up the tree,
 * no JavaScript config files to run; the `yaml` parser we already depend on reads it, and is loaded only
 * when a config file exists, so a run without one starts as fast as before.
 */
import { existsSync, readFileSync } from "node:fs";
import { homedir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { SubsidyError } from "../errors.js";
import type { MoneyUnit } from "../i18n/index.js";
import type { Lang } from "../types.js";

export type Source = "flag" | "env" | "config" | "locale" | "default";

export interface Setting<T> {
  value: T;
  from: Source;
}

/** What a config file sets; `policy` is resolved against the config file's folder. */
export interface ConfigFile {
  file: string;
  lang?: Lang;
  unit?: MoneyUnit;
  policy?: string;
}

/** Where a config file is looked for, in order: the working folder, then the user's config folder. */
export function configPlaces(env: NodeJS.ProcessEnv, cwd: string, platform: NodeJS.Platform = process.platform): string[] {
  const user =
    platform === "win32"
      ? env.APPDATA
        ? join(env.APPDATA, "subsidy", "config.yaml")
        : undefined
      : join(env.XDG_CONFIG_HOME || join(env.HOME || homedir(), ".config"), "subsidy", "config.yaml");
  return [join(cwd, "subsidy.config.yaml"), ...(user ? [user] : [])];
}

const KEYS = ["lang", "unit", "policy"] as const;

/** The first config file found, read and checked; undefined when there is none. A bad file is a one-line located error (exit 2). */
export async function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd: string = process.cwd()): Promise<ConfigFile | undefined> {
  const file = configPlaces(env, cwd).find((f) => existsSync(f));
  if (!file) return undefined;
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (e) {
    throw new SubsidyError("usage", { key: "config.unreadable", params: { reason: (e as Error).message } }, { file });
  }
  const { parseDocument, LineCounter, isMap, isScalar } = await import("yaml");
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false });
  const lineOf = (offset: number | undefined) => (offset === undefined ? undefined : lines.linePos(offset).line);
  const bad = (line: number | undefined, key: string, params: Record<string, string> = {}, path?: string) =>
    new SubsidyError("usage", { key, params }, { file, ...(line !== undefined ? { line } : {}), ...(path ? { path } : {}) });
  const err = doc.errors[0];
  if (err) throw bad(lineOf(err.pos[0]), "config.syntax", { reason: err.message.split("\n")[0] ?? "" });
  const config: ConfigFile = { file };
  if (doc.contents === null) return config;
  if (!isMap(doc.contents)) throw bad(lineOf(doc.contents.range?.[0]), "config.notMapping");
  for (const pair of doc.contents.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : "";
    const line = lineOf(isScalar(pair.key) ? pair.key.range?.[0] : undefined);
    const value = isScalar(pair.value) ? pair.value.value : undefined;
    if (!(KEYS as readonly string[]).includes(key)) throw bad(line, "config.unknownKey", { keys: KEYS.join(", ") }, key);
    if (key === "lang") {
      if (value !== "zh" && value !== "en") throw bad(line, "config.badValue", { expected: "zh, en" }, key);
      config.lang = value;
    } else if (key === "unit") {
      if (value !== "yuan" && value !== "wan") throw bad(line, "config.badValue", { expected: "yuan, wan" }, key);
      config.unit = value;
    } else {
      if (typeof value !== "string" || value === "") throw bad(line, "config.badValue", { expected: "a file path" }, key);
      config.policy = resolve(dirname(file), value);
    }
  }
  return config;
}

/** --lang, else SUBSIDY_LANG, else the config file, else zh when LANG (or LC_ALL / LC_MESSAGES) starts with zh, else en. */
export function resolveLang(flag: string | undefined, env: NodeJS.ProcessEnv, config: ConfigFile | undefined): Setting<Lang> {
  if (flag === "zh" || flag === "en") return { value: flag, from: "flag" };
  const fromEnv = env.SUBSIDY_LANG;
  if (fromEnv !== undefined && fromEnv !== "") {
    if (fromEnv !== "zh" && fromEnv !== "en") throw new SubsidyError("usage", { key: "prefs.badEnv", params: { name: "SUBSIDY_LANG", value: fromEnv, expected: "zh, en" } });
    return { value: fromEnv, from: "env" };
  }
  if (config?.lang) return { value: config.lang, from: "config" };
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || "";
  return { value: locale.toLowerCase().startsWith("zh") ? "zh" : "en", from: "locale" };
}

/** --unit, else SUBSIDY_UNIT, else the config file, else yuan. */
export function resolveUnit(flag: string | undefined, env: NodeJS.ProcessEnv, config: ConfigFile | undefined): Setting<MoneyUnit> {
  if (flag !== undefined) {
    if (flag !== "yuan" && flag !== "wan") throw new SubsidyError("usage", { key: "err.usage.unit", params: { value: flag } });
    return { value: flag, from: "flag" };
  }
  const fromEnv = env.SUBSIDY_UNIT;
  if (fromEnv !== undefined && fromEnv !== "") {
    if (fromEnv !== "yuan" && fromEnv !== "wan") throw new SubsidyError("usage", { key: "prefs.badEnv", params: { name: "SUBSIDY_UNIT", value: fromEnv, expected: "yuan, wan" } });
    return { value: fromEnv, from: "env" };
  }
  if (config?.unit) return { value: config.unit, from: "config" };
  return { value: "yuan", from: "default" };
}

/** --policy, else the config file's, else the bundled policy (undefined). */
export function resolvePolicy(flag: string | undefined, config: ConfigFile | undefined): Setting<string | undefined> {
  if (flag !== undefined) return { value: flag, from: "flag" };
  if (config?.policy) return { value: config.policy, from: "config" };
  return { value: undefined, from: "default" };
}

let current: ConfigFile | undefined;
/** The config file of this run, found once by the CLI before the commands parse their options. */
export function setConfig(config: ConfigFile | undefined): void {
  current = config;
}
export function currentConfig(): ConfigFile | undefined {
  return current;
}

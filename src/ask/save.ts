/**
 * The questionnaire's answers as a profile file (spec/profile.md), with comments a consultant can read:
 * a header naming the tool, the date and the policy, and each type, level and sum in the policy's own
 * Chinese words. The text is pure; writing it is the command's job (atomically, never overwriting silently).
 */
import { Document, isMap, isScalar, isSeq, type Scalar } from "yaml";
import { formatFen, formatYuan, t } from "../i18n/index.js";
import type { Lang, ListName, LoadedPolicy } from "../types.js";
import { kindDef, kindKey } from "./plan.js";
import type { ProfileData } from "./interview.js";

declare const __SUBSIDY_VERSION__: string | undefined;
const VERSION = typeof __SUBSIDY_VERSION__ === "string" ? __SUBSIDY_VERSION__ : "dev";

export interface SaveMeta {
  /** The day the file is written, YYYY-MM-DD. */
  date: string;
  asOf: string;
  /** The profile the answers completed (subsidy ask --from). */
  from?: string;
  /** The language of the header comment (default zh). */
  lang?: Lang;
}

const ENTERPRISE_ORDER = ["name", "credit_code", "district", "ownership", "military_civil", "note"];
const ITEM_ORDER = ["type", "scope", "role", "code", "name", "level", "date"];

function ordered<T>(o: Record<string, T>, first: readonly string[]): Record<string, T> {
  const out: Record<string, T> = {};
  for (const k of first) if (Object.hasOwn(o, k)) out[k] = o[k] as T;
  for (const k of Object.keys(o)) if (!first.includes(k) && k !== "rewarded" && k !== "note") out[k] = o[k] as T;
  for (const k of ["rewarded", "note"]) if (Object.hasOwn(o, k) && !first.includes(k)) out[k] = o[k] as T;
  return out;
}

function moneyComment(v: number): string {
  const fen = BigInt(Math.round(v * 100));
  return fen % 100n === 0n ? formatYuan(fen / 100n, "zh") : formatFen(fen, "zh");
}

/** The profile YAML, commented. */
export function renderProfileYaml(policy: LoadedPolicy, data: ProfileData, meta: SaveMeta): string {
  const v = policy.data.vocabulary;
  const plain = {
    enterprise: ordered(data.enterprise, ENTERPRISE_ORDER),
    recognitions: data.recognitions.map((i) => ordered(i, ITEM_ORDER)),
    projects: data.projects.map((i) => ordered(i, ITEM_ORDER)),
    standards: data.standards.map((i) => ordered(i, ITEM_ORDER)),
  };
  const doc = new Document(plain, { version: "1.2" });
  const ctx = { lang: meta.lang ?? "zh" };
  doc.commentBefore = [
    ` ${t("ask.file.header", ctx, { version: VERSION, date: meta.date })}`,
    ` ${t("ask.file.policy", ctx, { id: policy.data.id, version: policy.data.version, sha: policy.sha256.slice(0, 12), asOf: meta.asOf })}`,
    ...(meta.from ? [` ${t("ask.file.from", ctx, { from: meta.from })}`] : []),
    ` ${t("ask.file.format", ctx)}`,
  ].join("\n");

  const comment = (node: unknown, text: string | undefined) => {
    if (text && isScalar(node)) (node as Scalar).comment = ` ${text}`;
  };
  const contents = doc.contents;
  if (!isMap(contents)) return doc.toString();
  const levels = new Map(v.levels.map((l) => [l.id, l.zh]));
  const ownership = new Map(v.ownership.map((o) => [o.id, o.zh]));

  const ent = contents.get("enterprise", true);
  if (isMap(ent)) {
    comment(ent.get("ownership", true), ownership.get(String(data.enterprise.ownership)));
    comment(ent.get("military_civil", true), "军民结合企业");
    comment(ent.get("credit_code", true), "统一社会信用代码");
  }
  for (const list of ["recognitions", "projects", "standards"] as ListName[]) {
    const seq = contents.get(list, true);
    if (!isSeq(seq)) continue;
    seq.items.forEach((node, i) => {
      if (!isMap(node)) return;
      const item = data[list][i] ?? {};
      const kind = item[kindKey(list)];
      comment(node.get(kindKey(list), true), typeof kind === "string" ? kindDef(policy, list, kind)?.zh : undefined);
      comment(node.get("level", true), levels.get(String(item.level)));
      for (const [field, def] of Object.entries(v.fields)) {
        const value = item[field];
        if (def.kind === "money" && typeof value === "number") comment(node.get(field, true), `${def.zh} ${moneyComment(value)}`);
      }
    });
  }
  return doc.toString({ lineWidth: 0 });
}

/** A default file name from the enterprise name: characters file systems refuse become '-'. */
export function defaultFileName(name: string, suffix = ".yaml"): string {
  // eslint-disable-next-line no-control-regex
  const safe = name.trim().replace(/[\u0000-\u001f/\\:*?"<>|]+/g, "-").replace(/^\.+/, "").slice(0, 80);
  return `${safe || "profile"}${suffix}`;
}

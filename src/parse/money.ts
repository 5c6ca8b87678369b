/**
 * Money as people say it on the phone — `380万`, `3,800,000`, `1.2亿`, `38.5万元`, `¥1,000` — to exact
 * integer fen, by string arithmetic (never a float). The questionnaire accepts these; files stay strict and only use it to suggest the number to write.
 *
 * Anything that could be read two ways is refused rather than guessed: commas not in groups of three
 * (`1,20,000`), several decimal points, a decimal comma (`1,5万`), more precision than a fen.
 */

import type { Message } from "../types.js";

export type MoneyParse = { ok: true; fen: bigint } | { ok: false; reason: "empty" | "format" | "grouping" | "precision" | "negative" };

const UNITS: ReadonlyMap<string, number> = new Map([
  ["", 0],
  ["万", 4],
  ["万元", 4],
  ["亿", 8],
  ["亿元", 8],
  ["元", 0],
  ["yuan", 0],
  ["rmb", 0],
  ["cny", 0],
]);

export function parseSpokenMoney(input: string): MoneyParse {
  // NFKC folds full-width digits, commas and the full-width yen sign; spaces inside are dropped.
  const s = input.normalize("NFKC").replace(/\s+/g, "").toLowerCase();
  if (s === "") return { ok: false, reason: "empty" };
  if (s.startsWith("-")) return { ok: false, reason: "negative" };
  const m = /^(?:¥|rmb|cny)?([0-9][0-9,]*(?:\.[0-9]+)?)(万元|亿元|万|亿|元|yuan|rmb|cny)?$/.exec(s);
  if (!m) return { ok: false, reason: "format" };
  const number = m[1] as string;
  const shift = UNITS.get(m[2] ?? "") ?? 0;
  const [whole = "", frac = ""] = number.split(".");
  if (whole.includes(",") && !/^[0-9]{1,3}(,[0-9]{3})+$/.test(whole)) return { ok: false, reason: "grouping" };
  const digits = whole.replace(/,/g, "");
  // Shift the decimal point `shift` places right, then two more for fen.
  const fracPadded = frac.padEnd(shift + 2, "0");
  const intFen = digits + fracPadded.slice(0, shift + 2);
  const rest = fracPadded.slice(shift + 2);
  if (/[1-9]/.test(rest)) return { ok: false, reason: "precision" };
  return { ok: true, fen: BigInt(intFen) };
}

/** Fen → yuan written as a profile writes it: "3800000", "3800000.5" (exact at any size). */
export function fenToYuanText(fen: bigint): string {
  const yuan = fen / 100n;
  const cents = (fen % 100n).toString().padStart(2, "0").replace(/0+$/, "");
  return cents ? `${yuan}.${cents}` : String(yuan);
}

/** Fen → the number of yuan a profile file holds (at most two decimals), exact for amounts below 2^53 fen. */
export function fenToYuanNumber(fen: bigint): number {
  return Number(fenToYuanText(fen));
}

/** The largest amount with fen whose two decimals a number still tells apart exactly (2^45 yuan). */
const FEN_EXACT_BELOW = 2 ** 45;
const PLAIN_NUMBER = /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?$/;

/**
 * Why a number written in a profile cannot be taken as written, or undefined when it can: it must be a
 * plain decimal (not 0x10, 0o17, 1e6, +100, 0100, .inf), and the number read must be the one written
 * (9007199254740993 reads as …992, 90071992547409.99 as …409.98): such figures are refused, quoting
 * what was written, never rounded.
 */
export function numberFault(written: string, value: number): Message | undefined {
  const text = written.trim();
  if (!PLAIN_NUMBER.test(text)) return { key: "err.numberForm", params: { value: text, plain: Number.isSafeInteger(value) ? String(value) : "3800000" } };
  if (!Number.isFinite(value)) return { key: "err.numberExact", params: { value: text } };
  if (!text.includes(".")) return Number.isSafeInteger(value) ? undefined : { key: "err.numberExact", params: { value: text } };
  const canonical = text.replace(/0+$/, "").replace(/\.$/, "").replace(/^-0$/, "0");
  if (Math.abs(value) >= FEN_EXACT_BELOW || (String(value) !== canonical && value !== 0)) return { key: "err.numberExact", params: { value: text } };
  return undefined;
}

/** A number the fast path may take as written (see numberFault): anything else goes to the loader, which says why. */
export function exactNumber(text: string): number | undefined {
  const n = Number(text);
  return numberFault(text, n) ? undefined : n;
}

/**
 * 统一社会信用代码 (unified social credit code), GB 32100-2015: 18 characters from a 31-character
 * alphabet (digits and capitals without I, O, Z, S, V); the last is a check character over the first 17.
 */
import type { Message } from "../types.js";

export const CREDIT_CODE_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

/** Whether a credit code is valid: exactly what checkCreditCode(s).ok says, without building a reason (batches check thousands). */
export function isValidCreditCode(s: string): boolean {
  // 18 characters of the (ASCII) alphabet are 18 UTF-16 units; any other length has another count or a character
  // outside it. creditCodeCheckChar reads the first 17 and refuses any outside the alphabet.
  return s.length === 18 && creditCodeCheckChar(s) === s.charAt(17);
}

export type CreditCodeCheck = { ok: true } | { ok: false; reason: Message };

/** The check character for the first 17 characters, or undefined if one of them is outside the alphabet. */
export function creditCodeCheckChar(first17: string): string | undefined {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = CREDIT_CODE_ALPHABET.indexOf(first17.charAt(i));
    if (v < 0) return undefined;
    sum += v * (WEIGHTS[i] as number);
  }
  const c = 31 - (sum % 31);
  return CREDIT_CODE_ALPHABET.charAt(c === 31 ? 0 : c);
}

export function checkCreditCode(s: string): CreditCodeCheck {
  const chars = [...s];
  if (chars.length !== 18) {
    return { ok: false, reason: { key: "err.creditCode.length", params: { count: chars.length } } };
  }
  for (let i = 0; i < 18; i++) {
    const ch = chars[i] as string;
    if (!CREDIT_CODE_ALPHABET.includes(ch)) {
      const upper = CREDIT_CODE_ALPHABET.includes(ch.toUpperCase()) ? ch.toUpperCase() : "";
      const never = /[IOZSV]/i.test(ch) && !upper ? 1 : 0;
      return { ok: false, reason: { key: "err.creditCode.char", params: { index: i + 1, char: ch, upper, never } } };
    }
  }
  const expected = creditCodeCheckChar(chars.slice(0, 17).join(""));
  if (expected !== chars[17]) {
    return { ok: false, reason: { key: "err.creditCode.check", params: { expected: expected ?? "", actual: chars[17] ?? "" } } };
  }
  return { ok: true };
}

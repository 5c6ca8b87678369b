/** Calendar dates as written in profiles and policies: YYYY-MM-DD strings, compared as text. */

/** A real calendar date (2024-02-29 yes, 2023-02-29 and 2024-02-30 no), written YYYY-MM-DD with ASCII digits. */
export function isRealDate(s: string): boolean {
  // What /^(\d{4})-(\d{2})-(\d{2})$/ accepts, read by character codes (batches check thousands of dates).
  if (s.length !== 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return false;
  const y = digits(s, 0, 4);
  const mo = digits(s, 5, 7);
  const d = digits(s, 8, 10);
  if (y < 0 || mo < 1 || mo > 12 || d < 1) return false;
  const days = mo === 2 ? (y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28) : mo === 4 || mo === 6 || mo === 9 || mo === 11 ? 30 : 31;
  return d <= days;
}

/** The number that s[from, to) writes in ASCII digits, or -1 if any character is not one. */
function digits(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

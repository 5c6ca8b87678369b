/** "Did you mean …?" for typed keys and vocabulary ids. */

/** Optimal-string-alignment distance: Levenshtein plus adjacent transpositions (factroy → factory is 1). */
export function editDistance(a: string, b: string): number {
  const m = a.length;
  const n = b.length;
  if (m === 0) return n;
  if (n === 0) return m;
  const d: number[][] = Array.from({ length: m + 1 }, (_, i) => {
    const row = new Array<number>(n + 1).fill(0);
    row[0] = i;
    return row;
  });
  const row0 = d[0] as number[];
  for (let j = 0; j <= n; j++) row0[j] = j;
  for (let i = 1; i <= m; i++) {
    const row = d[i] as number[];
    const prev = d[i - 1] as number[];
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min((prev[j] as number) + 1, (row[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        v = Math.min(v, ((d[i - 2] as number[])[j - 2] as number) + 1);
      }
      row[j] = v;
    }
  }
  return (d[m] as number[])[n] as number;
}

function normalize(s: string): string {
  return s.trim().toLowerCase().replace(/[\s_-]+/g, "-");
}

/**
 * The candidate closest to `input`, if it is close enough to be a plausible typo: case, `_` versus `-`
 * and spaces are ignored, and at most about a third of the characters may differ.
 */
export function closest(input: string, candidates: Iterable<string>): string | undefined {
  const norm = normalize(input);
  let best: string | undefined;
  let bestD = Infinity;
  for (const c of candidates) {
    const d = editDistance(norm, normalize(c));
    if (d < bestD) {
      bestD = d;
      best = c;
    }
  }
  if (best === undefined) return undefined;
  const limit = Math.max(1, Math.floor(Math.max(norm.length, best.length) / 3));
  return bestD <= limit ? best : undefined;
}

/** The candidate to suggest for a mistyped `input` (a message's did-you-mean), or "" when there is none. */
export function suggestion(input: string, candidates: Iterable<string>): string {
  const c = closest(input, candidates);
  return c !== undefined && c !== input ? c : "";
}

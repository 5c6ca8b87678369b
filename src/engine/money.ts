/**
 * Money without floating point: amounts are carried as integer fen (bigint) and rounded down
 * to the whole yuan only at the end of each item's computation.
 */

/** Yuan as written in a profile (at most two decimals, validated by the loader) → exact fen. */
export function toFen(yuan: number): bigint {
  if (!Number.isFinite(yuan) || yuan < 0) throw new RangeError(`not a money amount: ${yuan}`);
  if (Number.isInteger(yuan)) return BigInt(yuan) * 100n;
  // toFixed(2) rounds the binary value to the nearest two-decimal string, which is exactly what was written.
  const [whole, frac = "00"] = yuan.toFixed(2).split(".");
  return BigInt(whole ?? "0") * 100n + BigInt(frac.padEnd(2, "0"));
}

export function yuanToFen(yuan: number): bigint {
  return BigInt(yuan) * 100n;
}

/** Whole yuan, rounded down (floor: amounts are never negative). */
export function floorYuan(fen: bigint): number {
  return Number(fen / 100n);
}

/** `percent` has at most two decimals: it is a whole number of basis points. */
export function percentToBasisPoints(percent: number): bigint {
  return BigInt(Math.round(percent * 100));
}

/** fen × basisPoints / 10000, rounded down to the fen. */
export function applyRate(fen: bigint, basisPoints: bigint): bigint {
  return (fen * basisPoints) / 10000n;
}

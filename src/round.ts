/** Rounds to a fixed number of decimals, so reported figures are short and byte-stable. */
export function round(x: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(x * f) / f;
}

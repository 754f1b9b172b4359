import type { Character } from './collate.js';

/**
 * For each pair of members, the word readings the two have alone against all the others, counted
 * where every member has the passage: pairs[x][y] (symmetric). With four members a reading split
 * two against two counts for both pairs.
 */
export function pairedReadings(k: number, characters: readonly Character[]): number[][] {
  const pairs = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  const count = (x: number, y: number): void => {
    (pairs[x] as number[])[y] = ((pairs[x] as number[])[y] ?? 0) + 1;
    (pairs[y] as number[])[x] = ((pairs[y] as number[])[x] ?? 0) + 1;
  };
  for (const ch of characters) {
    if ((ch.word === undefined && !ch.site) || ch.state.includes(-1)) continue;
    const ones: number[] = [];
    const zeros: number[] = [];
    ch.state.forEach((v, m) => (v === 1 ? ones : zeros).push(m));
    for (const side of [ones, zeros]) if (side.length === 2) count(side[0] as number, side[1] as number);
  }
  return pairs;
}

/** The passages member `y` has and member `x` lacks: a copy of x would have had to regain them. */
export function passagesLacked(characters: readonly Character[], x: number, y: number): number {
  let n = 0;
  for (const ch of characters) if (ch.word === undefined && !ch.site && ch.unit >= 0 && ch.state[x] === 0 && ch.state[y] === 1) n++;
  return n;
}

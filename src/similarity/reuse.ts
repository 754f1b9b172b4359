import { hash } from './shingles.js';

/**
 * Word n-gram length for verbatim passage runs: five words in a row rarely recur by chance, yet
 * a run of them survives the odd changed word (a run may skip up to RUN_GAP positions).
 */
export const RUN_GRAM = 5;
const RUN_GAP = 3;

/** Hashes of every RUN_GRAM-word window, in text order. */
export function runGrams(words: readonly string[]): Uint32Array {
  const out = new Uint32Array(Math.max(0, words.length - RUN_GRAM + 1));
  for (let i = 0; i < out.length; i++) out[i] = hash(words.slice(i, i + RUN_GRAM).join(' '));
  return out;
}

/**
 * Length in words of the longest stretch of `a` copied from `b`: consecutive windows of `a` found
 * in `b`, allowing small gaps. Independent reports quoting the same speaker share runs of about a
 * dozen words; a reused passage runs for sentences.
 */
export function longestSharedRun(a: Uint32Array, b: ReadonlySet<number>): number {
  let best = 0;
  let start = -1;
  let last = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < a.length; i++) {
    if (!b.has(a[i] as number)) continue;
    if (i - last > RUN_GAP) start = i;
    last = i;
    best = Math.max(best, last - start + RUN_GRAM);
  }
  return best;
}

/** Hashes of adjacent stem pairs: wording, as opposed to vocabulary. */
export function stemPairs(stems: readonly string[]): Set<number> {
  const out = new Set<number>();
  for (let i = 0; i + 1 < stems.length; i++) out.add(hash(`${stems[i]} ${stems[i + 1]}`));
  return out;
}

/** How many documents of the folder use each stem pair. */
export function pairFrequencies(sets: readonly ReadonlySet<number>[]): Map<number, number> {
  const df = new Map<number, number>();
  for (const s of sets) for (const h of s) df.set(h, (df.get(h) ?? 0) + 1);
  return df;
}

/**
 * Shared wording beyond the topic's vocabulary: the IDF-weighted share of the smaller side's
 * stem pairs found in the other document. Pairs used by every document of the folder (the
 * subject's stock phrases, boilerplate) weigh almost nothing, so independent texts on one
 * subject score low while even heavily revised copies keep enough rare pairs.
 */
export function rareOverlap(a: ReadonlySet<number>, b: ReadonlySet<number>, df: ReadonlyMap<number, number>, documents: number): number {
  const idf = (h: number): number => Math.log((documents + 1) / (df.get(h) ?? 1));
  let shared = 0;
  let totalA = 0;
  let totalB = 0;
  for (const h of a) {
    const w = idf(h);
    totalA += w;
    if (b.has(h)) shared += w;
  }
  for (const h of b) totalB += idf(h);
  const smaller = Math.min(totalA, totalB);
  return smaller === 0 ? 0 : Math.min(1, shared / smaller);
}

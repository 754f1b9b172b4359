import { normalize } from '../normalize.js';
import { quotations } from '../speech.js';
import { WORD } from '../tokenize.js';
import { distinctSorted, hash, mix32, sortedHas, windowHashes, wordHashes } from './shingles.js';

/**
 * Word n-gram length for verbatim passage runs: five words in a row rarely recur by chance, yet
 * a run of them survives the odd changed word (a run may skip up to RUN_GAP positions).
 */
export const RUN_GRAM = 5;
const RUN_GAP = 3;
const NONE = new Uint32Array(0);

/**
 * Length in words of the longest stretch of `a` copied from `b`: consecutive windows of `a` found
 * in `b`, allowing small gaps. Independent reports quoting the same speaker share runs of about a
 * dozen words; a reused passage runs for sentences. `b` is the other text's windows, sorted and
 * distinct (Fingerprint.gramSet); windows in `common` (boilerplate.ts, sorted) count as not shared.
 * Windows in `neutral` (sorted) are shared but neither lengthen a run nor break it, as if `a`
 * did not write them: a quotation both texts write (quotedWindows) inside a passage one quotes
 * from the other.
 */
export function longestSharedRun(a: Uint32Array, b: Uint32Array, common: Uint32Array = NONE, neutral: Uint32Array = NONE): number {
  let best = 0;
  let start = -1;
  let last = Number.NEGATIVE_INFINITY;
  let removed = 0;
  for (let i = 0; i < a.length; i++) {
    const h = a[i] as number;
    if (!sortedHas(b, h) || (common.length > 0 && sortedHas(common, h))) continue;
    if (neutral.length > 0 && sortedHas(neutral, h)) {
      removed++;
      continue;
    }
    const at = i - removed;
    if (at - last > RUN_GAP) start = at;
    last = at;
    best = Math.max(best, last - start + RUN_GRAM);
  }
  return best;
}

/** Hashes of adjacent stem pairs in text order (pair i is stems i and i+1): wording, as opposed to vocabulary. */
export function stemPairRun(stems: readonly string[]): Uint32Array {
  const out = new Uint32Array(Math.max(0, stems.length - 1));
  let previous = stems.length > 0 ? hash(stems[0] as string) : 0;
  for (let i = 0; i + 1 < stems.length; i++) {
    const next = hash(stems[i + 1] as string);
    out[i] = mix32(Math.imul(previous, 0x01000193) ^ next);
    previous = next;
  }
  return out;
}

/** How many documents use each stem pair. */
export function pairFrequencies(sets: readonly Uint32Array[]): Map<number, number> {
  const df = new Map<number, number>();
  for (const s of sets) for (const h of s) df.set(h, (df.get(h) ?? 0) + 1);
  return df;
}

/**
 * Inverse document frequency of a stem pair, the weight of shared wording; 0 above `maxDf`,
 * where wording shared by that many documents is boilerplate (see candidates.ts).
 */
export function pairWeight(df: number, documents: number, maxDf = Infinity): number {
  return df > maxDf ? 0 : Math.log((documents + 1) / Math.max(1, df));
}

/**
 * Shared wording beyond the topic's vocabulary: the IDF-weighted share of the smaller side's
 * stem pairs found in the other document. Pairs used by every document of the folder (the
 * subject's stock phrases, boilerplate) weigh almost nothing, so independent texts on one
 * subject score low while even heavily revised copies keep enough rare pairs. Both inputs are
 * sorted distinct hashes (see stemPairs), merged in one pass.
 */
export function rareOverlap(
  a: Uint32Array,
  b: Uint32Array,
  df: ReadonlyMap<number, number>,
  documents: number,
  maxDf = Infinity,
): number {
  let shared = 0;
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] as number;
    const y = b[j] as number;
    if (x === y) {
      shared += pairWeight(df.get(x) ?? 1, documents, maxDf);
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  const totalA = totalWeight(a, df, documents, maxDf);
  const totalB = totalWeight(b, df, documents, maxDf);
  const smaller = Math.min(totalA, totalB);
  return smaller === 0 ? 0 : Math.min(1, shared / smaller);
}

/**
 * The summed weight of a document's stem pairs, in their sorted order (so the very sum a merge
 * with another document would add up), worked out once per document and weighting: a document
 * is compared with dozens of candidates.
 */
function totalWeight(pairs: Uint32Array, df: ReadonlyMap<number, number>, documents: number, maxDf: number): number {
  const known = totals.get(pairs);
  if (known && known.df === df && known.documents === documents && known.maxDf === maxDf) return known.total;
  let total = 0;
  for (const h of pairs) total += pairWeight(df.get(h) ?? 1, documents, maxDf);
  totals.set(pairs, { df, documents, maxDf, total });
  return total;
}

const totals = new WeakMap<Uint32Array, { df: ReadonlyMap<number, number>; documents: number; maxDf: number; total: number }>();

/**
 * The RUN_GRAM-word windows a text writes inside quotation marks, sorted and distinct, hashed as
 * Fingerprint.runGrams hashes them. Two reports that quote one statement in full share its
 * words as a run as long as a borrowed paragraph, and neither took it from the other: a
 * company's 45-word statement, quoted by a wire and by an independent report, made the report
 * the source of the wire's passage (fixtures/story/stmt-present).
 */
export function quotedWindows(text: string): Uint32Array {
  const windows: number[] = [];
  for (const [start, end] of quotations(text)) {
    const words = normalize(text.slice(start, end)).text.match(WORD) ?? [];
    for (const h of windowHashes(wordHashes(words), RUN_GRAM)) windows.push(h);
  }
  return distinctSorted(Uint32Array.from(windows));
}

/** The windows of `a` that `b` has too, both sorted and distinct. */
export function sharedWindows(a: Uint32Array, b: Uint32Array): Uint32Array {
  const out: number[] = [];
  for (const h of a) if (sortedHas(b, h)) out.push(h);
  return Uint32Array.from(out);
}

import type { Fingerprint } from './similarity/fingerprint.js';
import { bandKeys } from './similarity/minhash.js';
import { PASSAGE_WORDS, RELATED_WORDING } from './derive/relation.js';
import { longestSharedRun, pairWeight, RUN_GRAM } from './similarity/reuse.js';
import { sharedCount } from './similarity/shingles.js';

/**
 * Candidate generation: which pairs of a large corpus deserve sentence alignment. Two
 * independent finders, whose union is returned:
 *
 * 1. An inverted index of stem pairs (the wording measure of rareOverlap), with document
 *    frequency capped as passim and TextPAIR do: wording shared by more than `maxDf` documents
 *    (signatures, disclaimers, list footers, stock phrases) is boilerplate, weighs nothing and
 *    never links two documents, which also bounds the work at maxDf per posting. The index
 *    adds up, for every pair sharing indexed wording, exactly the IDF-weighted overlap that
 *    rareOverlap computes with the same cap, so a pair is kept when that overlap reaches
 *    RELATED_WORDING (the least a related pair has, see relation.ts), or when it shares
 *    MIN_SHARED_PAIRS stem pairs and a verbatim run of PASSAGE_WORDS (a passage reused inside a
 *    long text, whatever its share).
 * 2. MinHash with LSH banding over five-word windows (minhash.ts): near copies whose wording is
 *    all above the cap, such as a campaign of hundreds of near-identical messages. A bucket of
 *    up to SMALL_BUCKET documents gives all its pairs; a larger one links each member to the
 *    next only, which keeps its members connected at linear cost.
 *
 * Deterministic: pairs come sorted, the lower index first.
 */
export const DEFAULT_MAX_DF = 30;
/** A 30-word verbatim passage shares about 29 stem pairs; fewer cannot hold one. */
const MIN_SHARED_PAIRS = PASSAGE_WORDS - 10;
const SMALL_BUCKET = 8;
/**
 * A run of PASSAGE_WORDS words, with gaps of up to three windows (see longestSharedRun), holds
 * at least this many distinct shared five-word windows; a cheap merge rules most pairs out.
 */
const MIN_PASSAGE_GRAMS = Math.ceil((PASSAGE_WORDS - RUN_GRAM + 1) / 4);

export interface CandidateOptions {
  /** Stem pairs found in more documents than this are boilerplate to the index. */
  readonly maxDf?: number;
}

export function candidatePairs(
  prints: readonly Fingerprint[],
  df: ReadonlyMap<number, number>,
  options: CandidateOptions = {},
): Array<readonly [number, number]> {
  const found = new Set<number>();
  const n = prints.length;
  const add = (x: number, y: number): void => void found.add(Math.min(x, y) * n + Math.max(x, y));
  indexPairs(prints, df, options.maxDf ?? DEFAULT_MAX_DF, add);
  lshPairs(prints, add);
  return [...found].sort((x, y) => x - y).map((key) => [Math.floor(key / n), key % n] as const);
}

function indexPairs(
  prints: readonly Fingerprint[],
  df: ReadonlyMap<number, number>,
  maxDf: number,
  add: (x: number, y: number) => void,
): void {
  const n = prints.length;
  // Compressed postings: feature ids for indexable stem pairs, then each feature's documents in
  // index order. Each document's stem pairs are looked up once, as feature ids (-1: not indexed).
  const featureOf = new Map<number, number>();
  const weights: number[] = [];
  const totals = new Float64Array(n);
  const features = prints.map((p, d) => {
    const ids = new Int32Array(p.stemPairs.length).fill(-1);
    p.stemPairs.forEach((h, k) => {
      const f = df.get(h) ?? 1;
      const w = pairWeight(f, n, maxDf);
      totals[d] = (totals[d] as number) + w;
      if (f < 2 || f > maxDf) return;
      let id = featureOf.get(h);
      if (id === undefined) {
        id = weights.length;
        featureOf.set(h, id);
        weights.push(w);
      }
      ids[k] = id;
    });
    return ids;
  });
  const start = new Int32Array(weights.length + 1);
  for (const ids of features) for (const id of ids) if (id >= 0) start[id + 1] = (start[id + 1] as number) + 1;
  for (let f = 0; f < weights.length; f++) start[f + 1] = (start[f + 1] as number) + (start[f] as number);
  const postings = new Int32Array(start[weights.length] as number);
  const fill = start.slice(0, weights.length);
  features.forEach((ids, d) => {
    for (const id of ids) if (id >= 0) postings[(fill[id] as number)++] = d;
  });

  const shared = new Float64Array(n);
  const count = new Int32Array(n);
  const touched: number[] = [];
  prints.forEach((p, d) => {
    for (const id of features[d] as Int32Array) {
      if (id < 0) continue;
      const w = weights[id] as number;
      for (let k = (start[id + 1] as number) - 1; k >= (start[id] as number); k--) {
        const other = postings[k] as number;
        if (other <= d) break;
        if (count[other] === 0) touched.push(other);
        shared[other] = (shared[other] as number) + w;
        count[other] = (count[other] as number) + 1;
      }
    }
    for (const other of touched) {
      const smaller = Math.min(totals[d] as number, totals[other] as number);
      const wording = smaller > 0 ? (shared[other] as number) / smaller : 0;
      if (wording >= RELATED_WORDING - 1e-9 || ((count[other] as number) >= MIN_SHARED_PAIRS && sharesPassage(p, prints[other] as Fingerprint))) {
        add(d, other);
      }
      shared[other] = 0;
      count[other] = 0;
    }
    touched.length = 0;
  });
}

function lshPairs(prints: readonly Fingerprint[], add: (x: number, y: number) => void): void {
  const buckets = new Map<string, number[]>();
  prints.forEach((p, d) => {
    if (!p.signature) return;
    for (const key of bandKeys(p.signature)) {
      const bucket = buckets.get(key);
      if (bucket) bucket.push(d);
      else buckets.set(key, [d]);
    }
  });
  for (const members of buckets.values()) {
    if (members.length <= SMALL_BUCKET) {
      for (let x = 0; x < members.length; x++) for (let y = x + 1; y < members.length; y++) add(members[x] as number, members[y] as number);
    } else {
      for (let x = 1; x < members.length; x++) add(members[x - 1] as number, members[x] as number);
    }
  }
}

function sharesPassage(a: Fingerprint, b: Fingerprint): boolean {
  if (sharedCount(a.gramSet, b.gramSet) < MIN_PASSAGE_GRAMS) return false;
  return Math.max(longestSharedRun(a.runGrams, b.gramSet), longestSharedRun(b.runGrams, a.gramSet)) >= PASSAGE_WORDS;
}


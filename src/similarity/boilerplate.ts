/**
 * Boilerplate: wording that texts share without one being taken from another. A newsroom's
 * footer, a licence notice, a manual page's "REPORTING BUGS" section, a formula every writer of
 * a genre uses: the same run of words turns up in texts that are otherwise unrelated. Verbatim
 * passage reuse (PAN13's kind) is a run that two texts share and few others; a family of
 * versions shares runs among texts that also share their other wording. So a run is boilerplate
 * when the texts holding it fall into at least MIN_GROUPS groups that share no rare wording
 * outside such runs, whatever their number: a footer in three unrelated articles of a folder of
 * five is as much boilerplate as one in 500 of a 6,000-file archive, and a passage in every copy
 * of a story is none.
 *
 * Passim and TextPAIR drop n-grams by document frequency alone; that cannot tell a footer from
 * the text every version of a story shares, which is the whole of the task here.
 */
import { DisjointSets } from '../disjoint.js';
import type { Fingerprint } from './fingerprint.js';
import { RUN_GRAM, rareOverlap } from './reuse.js';
import { distinctSorted, sortedHas } from './shingles.js';

/** A run held by this many mutually unrelated groups of texts is common material, not reuse. */
export const MIN_GROUPS = 3;
/**
 * A text counts as a holder only when at least this share of its words lie outside the runs
 * three or more texts share. Identical copies, or edits of one text that each dropped a few
 * sentences, share nearly all their words with one another and have too little text of their
 * own to tell whether they are related beyond the runs; they neither make a run boilerplate nor
 * keep it from being one.
 */
const MIN_OWN_SHARE = 0.25;

/** What boilerplate detection reads of the comparison. */
export interface BoilerplateInput {
  /** Fingerprints by document; undefined for a document outside the comparison. */
  readonly prints: readonly (Fingerprint | undefined)[];
  /** The pairs compared, whose wording may relate two holders. */
  readonly pairs: readonly (readonly [number, number])[];
  /** Stem-pair document frequencies and the weighting of rareOverlap. */
  readonly pairDf: ReadonlyMap<number, number>;
  readonly maxDf: number;
  /** Two texts whose own wording overlaps this much (rareOverlap) are related. */
  readonly relatedWording: number;
}

/** The window hashes (see Fingerprint.runGrams) that are boilerplate, sorted and distinct. */
export function boilerplateWindows(input: BoilerplateInput): Uint32Array {
  const { prints } = input;
  const shared = windowsInAtLeast(
    prints.map((p) => p?.gramSet),
    MIN_GROUPS,
  );
  if (shared.length === 0) return shared;
  const own = prints.map((p) => (p ? ownStemPairs(p, shared) : undefined));
  const holders = prints.map((p, d) => (p && own[d] ? own[d].share >= MIN_OWN_SHARE : false));
  const related = input.pairs.filter(([a, b]) => {
    if (!holders[a] || !holders[b]) return false;
    const x = own[a]?.pairs as Uint32Array;
    const y = own[b]?.pairs as Uint32Array;
    return rareOverlap(x, y, input.pairDf, prints.length, input.maxDf) >= input.relatedWording;
  });
  return windowsHeldBy(
    own.map((o, d) => (holders[d] ? o?.windows : undefined)),
    relatedGroups(prints.length, related),
    MIN_GROUPS,
  );
}

/** The windows in at least `min` of the given sets (sorted, distinct), sorted. */
function windowsInAtLeast(gramSets: readonly (Uint32Array | undefined)[], min: number): Uint32Array {
  let total = 0;
  for (const g of gramSets) total += g?.length ?? 0;
  const all = new Uint32Array(total);
  let at = 0;
  for (const g of gramSets) {
    if (!g) continue;
    all.set(g, at);
    at += g.length;
  }
  all.sort();
  const out: number[] = [];
  for (let i = 0; i < all.length; ) {
    let j = i + 1;
    while (j < all.length && all[j] === all[i]) j++;
    if (j - i >= min) out.push(all[i] as number);
    i = j;
  }
  return Uint32Array.from(out);
}



/**
 * The stem pairs of a text outside the shared windows, and the share of its words outside them:
 * the text's own wording, which says whether two holders are related beyond the runs they share.
 * With them, the shared windows the text holds (sorted, distinct).
 */
function ownStemPairs(print: Fingerprint, shared: Uint32Array): { pairs: Uint32Array; share: number; windows: Uint32Array } {
  const held = new Uint32Array(print.runGrams.length);
  let k = 0;
  const covered = new Uint8Array(print.words);
  print.runGrams.forEach((h, i) => {
    if (!sortedHas(shared, h)) return;
    covered.fill(1, i, i + RUN_GRAM);
    held[k++] = h;
  });
  const run = print.stemPairRun;
  const pairs = new Uint32Array(run.length);
  let n = 0;
  for (let i = 0; i < run.length; i++) if (covered[i] === 0 && covered[i + 1] === 0) pairs[n++] = run[i] as number;
  let free = 0;
  for (const c of covered) if (c === 0) free++;
  return { pairs: distinctSorted(pairs.subarray(0, n)), share: print.words === 0 ? 0 : free / print.words, windows: distinctSorted(held.subarray(0, k)) };
}

/** 1 for each word of a text that lies inside one of the given windows. */
function coveredWords(runGrams: Uint32Array, words: number, windows: Uint32Array): Uint8Array {
  const covered = new Uint8Array(words);
  for (let i = 0; i < runGrams.length; i++) if (sortedHas(windows, runGrams[i] as number)) covered.fill(1, i, i + RUN_GRAM);
  return covered;
}

/**
 * The windows held by documents of at least `min` different groups, sorted. `gramSets[d]` is
 * document d's distinct windows, or undefined to leave it out.
 */
function windowsHeldBy(gramSets: readonly (Uint32Array | undefined)[], groupOf: readonly number[], min: number): Uint32Array {
  let total = 0;
  for (const g of gramSets) total += g?.length ?? 0;
  // Window and group packed into one float (32 + 21 bits, exact below 2^53) and sorted: each
  // window's groups then come together and in order, and millions of windows need no map.
  const packed = new Float64Array(total);
  let at = 0;
  gramSets.forEach((g, d) => {
    if (!g) return;
    const group = groupOf[d] as number;
    for (const h of g) packed[at++] = h * GROUP_SPAN + group;
  });
  packed.sort();
  const out: number[] = [];
  for (let i = 0; i < packed.length; ) {
    const window = Math.floor((packed[i] as number) / GROUP_SPAN);
    let groups = 0;
    let last = -1;
    let j = i;
    for (; j < packed.length && Math.floor((packed[j] as number) / GROUP_SPAN) === window; j++) {
      const group = (packed[j] as number) % GROUP_SPAN;
      if (group !== last) groups++;
      last = group;
    }
    if (groups >= min) out.push(window);
    i = j;
  }
  return Uint32Array.from(out);
}

/** Groups are numbered by a document index: a corpus may hold up to 2^21 (two million) files. */
const GROUP_SPAN = 2 ** 21;

/**
 * Groups of documents connected by the given related pairs, numbered by their lowest document:
 * the same whatever order the pairs come in.
 */
export function relatedGroups(n: number, related: Iterable<readonly [number, number]>): number[] {
  const sets = new DisjointSets(n);
  for (const [a, b] of related) sets.union(a, b);
  return Array.from({ length: n }, (_, i) => sets.find(i));
}

/**
 * The sentences of a document made wholly of boilerplate: every word inside a boilerplate
 * window. `runGrams` are the document's windows in text order (one per word position) and
 * `sentenceWords` the word count of each sentence, in order; when the two do not describe the
 * same words (a segmentation that dropped some), no sentence is called boilerplate.
 */
export function boilerplateSentences(runGrams: Uint32Array, sentenceWords: readonly number[], common: Uint32Array): number[] {
  if (common.length === 0) return [];
  const words = sentenceWords.reduce((sum, n) => sum + n, 0);
  if (words !== runGrams.length + RUN_GRAM - 1) return [];
  const covered = coveredWords(runGrams, words, common);
  const out: number[] = [];
  let at = 0;
  sentenceWords.forEach((n, s) => {
    if (n > 0 && covered.subarray(at, at + n).every((c) => c === 1)) out.push(s);
    at += n;
  });
  return out;
}

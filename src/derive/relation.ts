import type { PairLink } from './collate.js';

/** A compared pair, as the derivation stage needs it. */
export interface ComparedPair extends PairLink {
  /** Share of each document's sentences that align with the other. */
  readonly shareA: number;
  readonly shareB: number;
  /** IDF-weighted shared stem pairs (see similarity/reuse.ts). */
  readonly rareOverlap: number;
  /** Longest verbatim run of words shared by the two, allowing small gaps. */
  readonly sharedRun: number;
  /** How well each side's aligned sentences fit their unaligned neighbours (passage.ts). */
  readonly fitA: number;
  readonly fitB: number;
}

/**
 * Whole-text relation: at least this share of one document's sentences align with the other,
 * and they share at least RELATED_WORDING of their rare wording. Sentence alignment alone links
 * independent texts on one subject (they say similar things); rare wording alone misses heavy
 * paraphrase. Measured on the Clough corpus and the seeds, accuracy stays on a plateau for
 * shares 0.3-0.5 and wordings 0.08-0.12; these values sit in its middle.
 */
export const RELATED_SHARE = 0.4;
export const RELATED_WORDING = 0.1;
/**
 * Passage reuse: a verbatim run this long (in words) links two texts whatever their overall
 * overlap. Independent reports quoting the same people share runs of about a dozen words (seed
 * 004 at most 12); the reused passages of PAN13 run 33 words and more.
 */
export const PASSAGE_WORDS = 30;

export type Relation = 'text' | 'passage' | 'none';

/** x as a share of `of`, 0 when there is nothing to share (a text without sentences). */
export function share(x: number, of: number): number {
  return of === 0 ? 0 : x / of;
}

export function relation(p: ComparedPair): Relation {
  if (Math.max(p.shareA, p.shareB) >= RELATED_SHARE && p.rareOverlap >= RELATED_WORDING) return 'text';
  return p.sharedRun >= PASSAGE_WORDS ? 'passage' : 'none';
}

/** How strongly a pair is related, in [0,1], for the "closest other text" of an independent document. */
export function closeness(p: ComparedPair): number {
  return Math.min(Math.max(p.shareA, p.shareB), p.rareOverlap / RELATED_WORDING, p.sharedRun / PASSAGE_WORDS);
}

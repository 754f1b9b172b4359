import type { PairAlignment, StemWeights } from '../align.js';
import type { PreparedDocument } from '../document.js';
import { isFunctionWord } from '../lexicon.js';
import { round } from '../round.js';
import type { Token } from '../tokenize.js';
import { excerpt, type Evidence } from './evidence.js';
import { PASSAGE_WORDS, type ComparedPair } from './relation.js';

/**
 * Below this share of its sentences shared, a document's overlap with another is a passage of
 * it, not the text: the two are not versions of one text but a text and a borrower.
 */
export const PASSAGE_SHARE = 0.5;
/** Sentences on each side of the shared passage that make its context. */
const CONTEXT_SENTENCES = 3;
const MAX_CONFIDENCE = 0.9;
/** A copy that is (nearly) all of its source's first sentences is a truncation. */
const TRUNCATED_WHOLE = 0.9;
/** Score gap that moves the confidence most of the way from 0.5 to its maximum. */
const GAP_SCALE = 0.25;

export interface PassageVerdict {
  /** Index into the pair: 'a' or 'b' is the source. */
  readonly sourceIsA: boolean;
  readonly confidence: number;
  readonly evidence: Evidence;
}

/**
 * Whether two related documents share a passage rather than a text: the overlap is a minor part
 * of at least one of them, and that one did not simply keep its other's beginning (a truncated
 * copy is a version of its source, left to the stemma).
 */
export function isPassageReuse(p: ComparedPair): boolean {
  if (!isMinorOverlap(p.shareA, p.shareB)) return false;
  const containerIsA = p.shareA < p.shareB;
  const kept = alignedIndexes(p, containerIsA);
  const contained = containerIsA ? p.shareB : p.shareA;
  const isPrefix = kept.length > 0 && (kept[0] as number) <= 1 && (kept.at(-1) as number) <= kept.length + 1;
  return !(isPrefix && contained >= TRUNCATED_WHOLE);
}

/** The overlap is a minor part of at least one of the two texts: the first test of isPassageReuse. */
function isMinorOverlap(shareA: number, shareB: number): boolean {
  return Math.min(shareA, shareB) < PASSAGE_SHARE;
}

/**
 * Which side of a shared passage is its source. A passage is at home where it makes up more of
 * the text and where its neighbouring sentences speak of the same things; a borrower sets it
 * amid material of its own. Both pointers are summed (centrality in [0,1], context cosine in
 * [0,1]); the gap between the two sides sets the confidence, which stays modest: this is a
 * judgement of fit, not of inherited error.
 */
export function passageDirection(p: ComparedPair, a: PassageSide, b: PassageSide): PassageVerdict {
  const inA = alignedIndexes(p, true);
  const inB = alignedIndexes(p, false);
  const { fitA, fitB } = p;
  const scoreA = p.shareA + fitA;
  const scoreB = p.shareB + fitB;
  const sourceIsA = scoreA > scoreB || (scoreA === scoreB && a.wordCount <= b.wordCount);
  const gap = Math.abs(scoreA - scoreB);
  const confidence = round(0.5 + (MAX_CONFIDENCE - 0.5) * (1 - Math.exp(-gap / GAP_SCALE)), 2);
  const [src, tgt] = sourceIsA ? [a, b] : [b, a];
  const [srcIdx, tgtIdx] = sourceIsA ? [inA, inB] : [inB, inA];
  const [srcShare, tgtShare] = sourceIsA ? [p.shareA, p.shareB] : [p.shareB, p.shareA];
  const [srcFit, tgtFit] = sourceIsA ? [fitA, fitB] : [fitB, fitA];
  return {
    sourceIsA,
    confidence,
    evidence: {
      kind: 'embedded',
      sourceText: excerpt(src.spans[srcIdx[0] ?? 0]?.text ?? ''),
      targetText: excerpt(tgt.spans[tgtIdx[0] ?? 0]?.text ?? ''),
      support: Math.min(srcIdx.length, tgtIdx.length),
      detail:
        `shared passage is ${percent(tgtShare)} of the target, amid text that fits it ${round(tgtFit, 2)}; ` +
        `${percent(srcShare)} of the source, fit ${round(srcFit, 2)}`,
    },
  };
}

function percent(x: number): string {
  return `${Math.round(x * 100)}%`;
}

/** What passageDirection needs of each document besides the pair's figures. */
export type PassageSide = Pick<PreparedDocument, 'spans' | 'wordCount'>;

function alignedIndexes(p: Pick<ComparedPair, 'alignment'>, sideA: boolean): number[] {
  return [...new Set(p.alignment.units.flatMap((u) => (sideA ? u.a : u.b)))].sort((x, y) => x - y);
}

/**
 * How well each side's shared sentences fit their own neighbours (see passageDirection), worked
 * out where both documents are at hand, with the alignment. Only a pair that may be read as a
 * passage and its borrower needs them: one that shares less than PASSAGE_SHARE of a side's
 * sentences (isPassageReuse) or a verbatim run of PASSAGE_WORDS (relation 'passage'); any other
 * pair gets 0, which nothing reads.
 */
export function contextFits(
  alignment: PairAlignment,
  a: PreparedDocument,
  b: PreparedDocument,
  weights: StemWeights,
  sharedRun: number,
): { fitA: number; fitB: number } {
  const inA = alignedIndexes({ alignment }, true);
  const inB = alignedIndexes({ alignment }, false);
  const shareA = a.spans.length === 0 ? 0 : inA.length / a.spans.length;
  const shareB = b.spans.length === 0 ? 0 : inB.length / b.spans.length;
  if (!isMinorOverlap(shareA, shareB) && sharedRun < PASSAGE_WORDS) return { fitA: 0, fitB: 0 };
  return { fitA: contextFit(a, inA, weights), fitB: contextFit(b, inB, weights) };
}

/** Cosine of IDF-weighted content stems between the shared sentences and their unshared neighbours. */
function contextFit(doc: PreparedDocument, shared: readonly number[], weights: StemWeights): number {
  // Marked in one pass over the shared sentences: every aligned pair is measured, and a long
  // text shares hundreds of sentences with its copy.
  const isNear = new Uint8Array(doc.tokens.length);
  for (const j of shared) {
    for (let i = Math.max(0, j - CONTEXT_SENTENCES); i <= Math.min(doc.tokens.length - 1, j + CONTEXT_SENTENCES); i++) isNear[i] = 1;
  }
  for (const j of shared) isNear[j] = 0;
  const near = doc.tokens.filter((_, i) => isNear[i] === 1);
  // With no neighbours the cosine is 0 (see cosine), whatever the shared sentences say.
  if (near.length === 0) return 0;
  return cosine(vector(shared.map((i) => doc.tokens[i] ?? []), weights), vector(near, weights));
}

function vector(sentences: readonly (readonly Token[])[], weights: StemWeights): Map<string, number> {
  const v = new Map<string, number>();
  for (const t of sentences.flat()) {
    if (isFunctionWord(t.norm) || /^\d+$/u.test(t.norm)) continue;
    v.set(t.stem, (v.get(t.stem) ?? 0) + (weights.get(t.stem) ?? 1));
  }
  return v;
}

function cosine(x: ReadonlyMap<string, number>, y: ReadonlyMap<string, number>): number {
  let dot = 0;
  let nx = 0;
  let ny = 0;
  for (const [k, v] of x) {
    nx += v * v;
    dot += v * (y.get(k) ?? 0);
  }
  for (const v of y.values()) ny += v * v;
  return nx === 0 || ny === 0 ? 0 : dot / Math.sqrt(nx * ny);
}

import type { PairAlignment, StemWeights } from '../align.js';
import type { PreparedDocument } from '../document.js';
import { functionWords } from '../language.js';
import { round } from '../round.js';
import { stemId, stemIndexOf, type StemIndex } from '../similarity/stemsets.js';
import { excerpt, type Evidence } from './evidence.js';
import { PASSAGE_WORDS, share, type ComparedPair } from './relation.js';

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
  // A text that says where it has the passage from ("As the Courier reported on Thursday:") is
  // its borrower, however well the passage fits it: a column quoting two paragraphs of a report,
  // on the same matter, fitted them better than the scraped copy of the report did.
  // So is one that marks the passage as quoted ("> "), where the other writes it as its own: a
  // reply. The message may quote a line or two of it too (a signature a reply quotes back).
  const quotesA = quotesShared(a.quoted, inA);
  const quotesB = quotesShared(b.quoted, inB);
  const creditA = citesSource(a, inA) || (quotesA && !quotesB);
  const creditB = citesSource(b, inB) || (quotesB && !quotesA);
  const cited = creditA !== creditB;
  const sourceIsA = cited ? creditB : scoreA > scoreB || (scoreA === scoreB && a.wordCount <= b.wordCount);
  const gap = cited ? CITED_GAP : Math.abs(scoreA - scoreB);
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

/** The gap a citation counts for: most of the way to the passage judge's maximum confidence. */
const CITED_GAP = 0.5;
/**
 * A reporting clause that names where a passage comes from: "as the Courier reported", "as
 * Reuters wrote", "according to the BBC", "the report quoted". Read in a shared sentence and in
 * the sentence before it.
 */
const CITATION = /\b(?:[Aa]s|[Ww]hat)\s+(?:the\s+)?\p{Lu}[\p{L}'&.-]*(?:\s+\p{Lu}[\p{L}'&.-]*){0,3}\s+(?:has\s+|had\s+)?(?:reported|wrote|noted|put it|reports|writes|notes|published)\b|\b[Aa]ccording to (?:the\s+)?\p{Lu}|\b(?:[Tt]he same|[Tt]hat|[Tt]his) (?:report|article|story) (?:quoted|said|says|quotes)\b/u;

/** Whether the document introduces one of its shared sentences with a citation of another text. */
function citesSource(side: PassageSide, shared: readonly number[]): boolean {
  const isShared = new Set(shared);
  return shared.some((i) => CITATION.test(side.spans[i]?.text ?? '') || (!isShared.has(i - 1) && CITATION.test(side.spans[i - 1]?.text ?? '')));
}

/** Whether a text marks half of the sentences it shares with another as quoted (`quoted`), two at least: a reply's mark. */
export function quotesShared(quoted: ReadonlySet<number> | undefined, shared: readonly number[]): boolean {
  const n = shared.filter((i) => quoted?.has(i) === true).length;
  return n >= MIN_QUOTED && n * 2 >= shared.length;
}

const MIN_QUOTED = 2;

function percent(x: number): string {
  return `${Math.round(x * 100)}%`;
}

/** What passageDirection needs of each document besides the pair's figures: with `quoted`, the sentences it marks as quoted ("> "). */
export type PassageSide = Pick<PreparedDocument, 'spans' | 'wordCount'> & { readonly quoted?: ReadonlySet<number> };

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
  // The shares as the pipeline computes them (ComparedPair.shareA/B), before any set is built.
  const shareA = share(a.spans.length - alignment.unalignedA.length, a.spans.length);
  const shareB = share(b.spans.length - alignment.unalignedB.length, b.spans.length);
  if (!isMinorOverlap(shareA, shareB) && sharedRun < PASSAGE_WORDS) return { fitA: 0, fitB: 0 };
  return { fitA: contextFit(a, alignedIndexes({ alignment }, true), weights), fitB: contextFit(b, alignedIndexes({ alignment }, false), weights) };
}

/**
 * Cosine of IDF-weighted content stems between the shared sentences and their unshared neighbours.
 * Each stem counts once per occurrence, and the sums run in text order, over the document's
 * content stems numbered once (contentStems), not over its token objects.
 */
function contextFit(doc: PreparedDocument, shared: readonly number[], weights: StemWeights): number {
  const n = doc.tokens.length;
  // Marked in one pass over the shared sentences: every aligned pair is measured, and a long
  // text shares hundreds of sentences with its copy.
  const isNear = new Uint8Array(n);
  for (const j of shared) {
    for (let i = Math.max(0, j - CONTEXT_SENTENCES); i <= Math.min(n - 1, j + CONTEXT_SENTENCES); i++) isNear[i] = 1;
  }
  for (const j of shared) isNear[j] = 0;
  if (!isNear.includes(1)) return 0;
  const index = stemIndexOf(weights);
  const stems = contentStems(doc, index);
  ofShared.reset(index.weight.length);
  for (const j of shared) ofShared.addSentence(stems, j, index.weight);
  ofNear.reset(index.weight.length);
  for (let i = 0; i < n; i++) if (isNear[i] === 1) ofNear.addSentence(stems, i, index.weight);
  // With no neighbours the cosine is 0, whatever the shared sentences say.
  return ofShared.cosine(ofNear);
}

/** A document's content stems (no function words, no bare numbers) by sentence, as stem ids in text order. */
interface ContentStems {
  readonly ids: Int32Array;
  readonly start: Int32Array;
}

const contentStemsOf = new WeakMap<PreparedDocument, { index: StemIndex; stems: ContentStems }>();

function contentStems(doc: PreparedDocument, index: StemIndex): ContentStems {
  const cached = contentStemsOf.get(doc);
  if (cached && cached.index === index) return cached.stems;
  const ids: number[] = [];
  const start = new Int32Array(doc.tokens.length + 1);
  const functional = functionWords(doc.language);
  doc.tokens.forEach((sentence, s) => {
    start[s] = ids.length;
    for (const t of sentence) if (!functional.has(t.norm) && !/^\d+$/u.test(t.norm)) ids.push(stemId(index, t.stem));
  });
  start[doc.tokens.length] = ids.length;
  const stems = { ids: Int32Array.from(ids), start };
  contentStemsOf.set(doc, { index, stems });
  return stems;
}

/**
 * A weighted stem vector over a scratch array indexed by stem id, with its stems in order of
 * first occurrence, so that the cosine sums in the order a Map of the same entries would.
 */
class StemVector {
  private value = new Float64Array(0);
  private order: number[] = [];

  reset(size: number): void {
    for (const id of this.order) this.value[id] = 0;
    this.order = [];
    if (this.value.length < size) this.value = new Float64Array(Math.max(size, 2 * this.value.length));
  }

  addSentence(stems: ContentStems, s: number, weight: readonly number[]): void {
    for (let k = stems.start[s] as number; k < (stems.start[s + 1] as number); k++) {
      const id = stems.ids[k] as number;
      // Stem weights are positive (log(1 + N/df), or 1), so 0 means not yet in the vector.
      if (this.value[id] === 0) this.order.push(id);
      this.value[id] = (this.value[id] as number) + (weight[id] as number);
    }
  }

  cosine(other: StemVector): number {
    let dot = 0;
    let nx = 0;
    let ny = 0;
    for (const id of this.order) {
      const v = this.value[id] as number;
      nx += v * v;
      dot += v * (other.value[id] ?? 0);
    }
    for (const id of other.order) {
      const v = other.value[id] as number;
      ny += v * v;
    }
    return nx === 0 || ny === 0 ? 0 : dot / Math.sqrt(nx * ny);
  }
}

const ofShared = new StemVector();
const ofNear = new StemVector();

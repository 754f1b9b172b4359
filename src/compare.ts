import { round } from './round.js';
import { alignDocuments, stemWeights, type AlignedUnit, type EditKind, type UnitKind } from './align.js';
import { derive, type ComparedPair, type Derivation } from './derive/index.js';
import { prepareDocument, type DocumentInput, type PreparedDocument } from './document.js';
import { basicLexicon, type Lexicon } from './lexicon.js';
import type { SpanKind } from './segment.js';
import { diceOfProfiles } from './similarity/dice.js';
import { longestSharedRun, pairFrequencies, rareOverlap } from './similarity/reuse.js';
import { containment } from './similarity/shingles.js';

export const SCHEMA_VERSION = 1;

export interface CompareOptions {
  /** Word knowledge for drift direction and synonym detection; `loadWordNetLexicon()` gives the full one. */
  readonly lexicon?: Lexicon;
  /** Include each document's sentence spans (offsets into the original text) in the result. */
  readonly spans?: boolean;
}

export interface DocumentSummary {
  readonly id: string;
  readonly sha256: string;
  readonly characters: number;
  readonly words: number;
  readonly sentences: number;
  readonly spans?: ReadonlyArray<{ readonly start: number; readonly end: number; readonly kind: SpanKind }>;
}

export interface PairSimilarity {
  /** Character-bigram Dice of the normalized texts (string-similarity's measure). */
  readonly dice: number;
  /** Share of a's 3-word shingles found in b. */
  readonly aInB: number;
  /** Share of b's 3-word shingles found in a. */
  readonly bInA: number;
  /** Share of all sentences of both documents that are aligned. */
  readonly aligned: number;
  /** Shared rare wording: IDF-weighted share of the smaller side's adjacent word pairs (stems) found in the other. */
  readonly wording: number;
  /** Longest verbatim run of words the two share (small gaps allowed). */
  readonly sharedRun: number;
}

export interface AlignmentRecord {
  readonly a: readonly number[];
  readonly b: readonly number[];
  readonly score: number;
  readonly kind: UnitKind;
  readonly edits: ReadonlyArray<{ readonly kind: EditKind; readonly aText: string; readonly bText: string }>;
}

export interface PairResult {
  readonly a: string;
  readonly b: string;
  readonly similarity: PairSimilarity;
  readonly alignments: readonly AlignmentRecord[];
  readonly unalignedA: readonly number[];
  readonly unalignedB: readonly number[];
}

export interface CompareResult {
  readonly schemaVersion: typeof SCHEMA_VERSION;
  readonly documents: readonly DocumentSummary[];
  /** Every pair with at least one aligned sentence, a before b in id order. */
  readonly pairs: readonly PairResult[];
  /** One entry per document, in document order. */
  readonly derivations: readonly Derivation[];
}

/**
 * The whole analysis: segment and fingerprint every document, compare and align every pair,
 * estimate derivations. Pure and deterministic: documents are taken in id order whatever order
 * they come in; nothing is read or printed.
 */
export function compare(inputs: readonly DocumentInput[], options: CompareOptions = {}): CompareResult {
  const lexicon = options.lexicon ?? basicLexicon;
  const documents = [...inputs].sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0)).map(prepareDocument);
  const weights = stemWeights(documents);
  const pairDf = pairFrequencies(documents.map((d) => d.stemPairs));
  const compared: ComparedPair[] = [];
  const pairs: PairResult[] = [];
  for (let i = 0; i < documents.length; i++) {
    for (let j = i + 1; j < documents.length; j++) {
      const a = documents[i] as PreparedDocument;
      const b = documents[j] as PreparedDocument;
      const alignment = alignDocuments(a, b, weights);
      const alignedA = a.spans.length - alignment.unalignedA.length;
      const alignedB = b.spans.length - alignment.unalignedB.length;
      const wording = rareOverlap(a.stemPairs, b.stemPairs, pairDf, documents.length);
      const sharedRun = Math.max(longestSharedRun(a.runGrams, b.runGramSet), longestSharedRun(b.runGrams, a.runGramSet));
      compared.push({
        a: i,
        b: j,
        alignment,
        shareA: share(alignedA, a.spans.length),
        shareB: share(alignedB, b.spans.length),
        rareOverlap: wording,
        sharedRun,
      });
      if (alignment.units.length === 0) continue;
      pairs.push({
        a: a.id,
        b: b.id,
        similarity: {
          dice: round(diceOfProfiles(a.profile, b.profile), 4),
          aInB: round(containment(a.shingles, b.shingles), 4),
          bInA: round(containment(b.shingles, a.shingles), 4),
          aligned: round(share(alignedA + alignedB, a.spans.length + b.spans.length), 4),
          wording: round(wording, 4),
          sharedRun,
        },
        alignments: alignment.units.map(toRecord),
        unalignedA: alignment.unalignedA,
        unalignedB: alignment.unalignedB,
      });
    }
  }
  return {
    schemaVersion: SCHEMA_VERSION,
    documents: documents.map((d) => ({
      id: d.id,
      sha256: d.sha256,
      characters: d.text.length,
      words: d.wordCount,
      sentences: d.spans.length,
      ...(options.spans ? { spans: d.spans.map((s) => ({ start: s.start, end: s.end, kind: s.kind })) } : {}),
    })),
    pairs,
    derivations: derive(documents, compared, lexicon, weights),
  };
}

function toRecord(u: AlignedUnit): AlignmentRecord {
  return {
    a: u.a,
    b: u.b,
    score: u.score,
    kind: u.kind,
    edits: u.edits.map((e) => ({ kind: e.kind, aText: e.aText, bText: e.bText })),
  };
}

function share(x: number, of: number): number {
  return of === 0 ? 0 : x / of;
}


import { languageOf, type Language } from '../language.js';
import { normalize } from '../normalize.js';
import { stemOf, WORD } from '../tokenize.js';
import { minhash } from './minhash.js';
import { RUN_GRAM, stemPairRun } from './reuse.js';
import { distinctSorted, windowHashes, wordHashes } from './shingles.js';

/**
 * What candidate generation and the whole-text measures need from a document, built in one
 * pass over its normalized words, without sentence segmentation: cheap enough to compute for
 * every file of a large corpus before deciding which pairs deserve alignment.
 */
export interface Fingerprint {
  readonly words: number;
  /** Sorted distinct hashes of adjacent stem pairs (see rareOverlap). */
  readonly stemPairs: Uint32Array;
  /** The same in text order, one per word but the last (see boilerplate.ts). */
  readonly stemPairRun: Uint32Array;
  /** Hash of every RUN_GRAM-word window, in text order (see longestSharedRun). */
  readonly runGrams: Uint32Array;
  /** The same, sorted and distinct, for merging and binary search. */
  readonly gramSet: Uint32Array;
  /** MinHash signature of the run grams; undefined for texts shorter than RUN_GRAM words. */
  readonly signature: Uint32Array | undefined;
  /** The language its function words say it is in (language.ts). */
  readonly language: Language;
}

export function fingerprint(text: string): Fingerprint {
  const words = normalize(text).text.match(WORD) ?? [];
  const runGrams = windowHashes(wordHashes(words), RUN_GRAM);
  const gramSet = distinctSorted(runGrams);
  const pairRun = stemPairRun(words.map(stemOf));
  return {
    words: words.length,
    stemPairs: distinctSorted(pairRun),
    stemPairRun: pairRun,
    runGrams,
    gramSet,
    signature: minhash(gramSet),
    language: languageOf(words),
  };
}

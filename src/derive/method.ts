import type { EdgeFeatures } from './features.js';

export type Method =
  | 'copy'
  | 'typographic'
  | 'truncation'
  | 'edit'
  | 'spin'
  | 'machine-translation'
  | 'paraphrase'
  | 'passage-reuse'
  | 'original'
  | 'independent';

/**
 * A spinner replaces content words and leaves every function word; a machine round trip swaps
 * content words for dictionary equivalents too, but also rewrites articles, prepositions and
 * pronouns. Measured on the generated families: spin edges keep 0.98-1.00 of the source's
 * function words, Apertium round trips 0.69-0.84.
 */
const SPIN_FUNCTION_KEPT = 0.93;

export interface MethodContext {
  readonly features: EdgeFeatures;
  /** The target's text carries spinner syntax ("{that a}", "{word|word}"). */
  readonly spintax: boolean;
  /** The source is a document (so typography and passage order can be compared), not a reconstruction. */
  readonly sourceObserved: boolean;
  /** Source and target are equal after normalization / byte for byte (observed sources only). */
  readonly sameNormalized: boolean;
  readonly sameRaw: boolean;
  /** The passages the target keeps are the source's first ones, in order. */
  readonly keptPrefix: boolean;
}

/**
 * Names how a target was made from its source, from what changed between them:
 * - nothing but typography, or nothing at all: typographic / copy;
 * - whole passages dropped at the end, words untouched: truncation; dropped or added elsewhere: edit;
 * - content words swapped in place, function words kept, many swaps dictionary synonyms, or
 *   leftover spinner syntax: spin (the article-spinner signature);
 * - passages dropped, added or reordered, or most wording replaced: paraphrase;
 * - otherwise (wording drifts through content and function words alike, order kept): machine translation.
 */
/** Share of new words in kept passages below which a text is taken as not reworded (diff noise). */
const NO_NEW_WORDS = 0.03;

export function classifyMethod(c: MethodContext): Method {
  const f = c.features;
  if (c.sourceObserved && c.sameRaw) return 'copy';
  if (c.sourceObserved && c.sameNormalized) return 'typographic';
  const wordsIntact = f.contentKept >= 0.97 && f.functionKept >= 0.95 && f.novel <= NO_NEW_WORDS;
  if (wordsIntact) {
    if (f.kept >= 0.98 && f.added <= 0.02) return c.sourceObserved ? 'typographic' : 'copy';
    if (f.added <= 0.02 && c.keptPrefix) return 'truncation';
    return 'edit';
  }
  // No new words in the passages it keeps: the text was cut (whole passages or words inside
  // them) and perhaps reordered, but nothing was reworded, which every paraphrase, translation
  // and spin does.
  // A truncation keeps a prefix and adds no word at all; one that also rewords a few is an edit.
  if (f.novel <= NO_NEW_WORDS) return f.added <= 0.02 && c.keptPrefix && f.novel <= 0.01 ? 'truncation' : 'edit';
  if (f.contentKept >= 0.85 && f.novel <= 0.15 && f.kept >= 0.8) return 'edit';
  if (c.spintax || (f.functionKept >= SPIN_FUNCTION_KEPT && f.synonymSwaps >= 0.15) || (f.functionKept - f.contentKept >= 0.17 && f.orderKept >= 0.9)) {
    return 'spin';
  }
  if (f.kept < 0.8 || f.added >= 0.1 || f.orderKept < 0.85 || f.contentKept < 0.5) return 'paraphrase';
  return 'machine-translation';
}

/** Spinner syntax left in the output ({a|b} alternatives or a braced fragment), if any. */
export function findSpintax(text: string): string | undefined {
  return /\{[^{}\n]{1,40}\}/u.exec(text)?.[0];
}

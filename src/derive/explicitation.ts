import type { PreparedDocument } from '../document.js';
import type { Evidence } from './evidence.js';

/**
 * The words a translation adds where its source left a relation implicit (explicitation,
 * Blum-Kulka 1986; Baker 1993): a round trip through a Romance language unpacks noun compounds
 * and genitives ("package management" -> "the management of packages") and adds articles.
 */
export const EXPLICIT_WORDS: ReadonlySet<string> = new Set(['the', 'of']);

/** How often a text spells relations out: its explicit words among all its words. */
export interface Explicitness {
  readonly explicit: number;
  readonly words: number;
}

export function explicitness(doc: Pick<PreparedDocument, 'tokens'>): Explicitness {
  let words = 0;
  let explicit = 0;
  for (const sentence of doc.tokens) {
    for (const t of sentence) {
      words++;
      if (EXPLICIT_WORDS.has(t.norm)) explicit++;
    }
  }
  return { explicit, words };
}

/**
 * How many more explicit words `copy` has than it would at `source`'s rate: at least one means
 * the copy spells out more. Counted in words, not as a share, so that a difference of a fraction
 * of a word (two texts at 15.7% and 15.6%) says nothing.
 */
export function spelledOut(copy: Explicitness, source: Explicitness): number {
  if (copy.words === 0 || source.words === 0) return 0;
  return copy.explicit - (source.explicit / source.words) * copy.words;
}

/**
 * A spinner swaps content words and leaves the function words, so a spin writes "the" and "of"
 * at its source's rate: on the 376 spin edges of the eval sets with the source present, within
 * 0.015 of it and 4.9 words either way (a multiword swap adds an "of": "system of rules"). Two
 * copies of a lost source made otherwise (two round trips, a round trip and a spin of the source)
 * differ as a spin would, content words swapped in place, but their rates lie 0.02-0.11 and 7-40
 * words apart: all 18 such pairs on those sets read as spins, and made two round trips of a lost
 * source look like one spinner's work (agreementTest). In words as well as in rate: in a short
 * text a few words move the rate. Rates are the whole texts': they say so of a copy that keeps
 * its source's passages, not of one that dropped some. Which way the rate moved says which of
 * the two went through a machine: a round trip spells out (spelledOutBeyondSpin).
 */
const SPIN_RATE_KEPT = 0.02;
const SPIN_RATE_WORDS = 5;

/** Whether `copy` writes "the" and "of" at a rate that `spins` spins of `source` could (SPIN_RATE_KEPT). */
export function rateKeptBySpin(copy: Explicitness, source: Explicitness, spins = 1): boolean {
  return !beyondSpin(Math.abs(spelledOut(copy, source)), copy.words, spins);
}

/** Whether `copy` writes "the" and "of" more often than a spin of `source` could: it spelled out, as a round trip does. */
export function spelledOutBeyondSpin(copy: Explicitness, source: Explicitness): boolean {
  return beyondSpin(spelledOut(copy, source), copy.words, 1);
}

/**
 * Whether `copy` writes "the" and "of" less often than two spins of `source` could, which only a
 * writer's rewording does. On the eval sets' edges with the source present, machine round trips
 * (564) fell at most 0.017 and 4.5 words below their source, spins (552) 0.015 and 4.9 words,
 * edits (282) 0.029 and 6.6 words, truncations (107) 9.5 words; paraphrases (85) fell as far as
 * 0.076 and 14.5 words.
 */
export function condensedBeyondCopying(copy: Explicitness, source: Explicitness): boolean {
  return beyondSpin(-spelledOut(copy, source), copy.words, 2);
}

function beyondSpin(shift: number, words: number, spins: number): boolean {
  return shift >= spins * SPIN_RATE_WORDS && shift >= spins * SPIN_RATE_KEPT * words;
}

/** The evidence of an edge that explicitation decided: how often each side writes "the" and "of". */
export function explicitationEvidence(source: Explicitness, copy: Explicitness): Evidence {
  const share = (e: Explicitness): string => `${e.explicit} of ${e.words} words (${((100 * e.explicit) / e.words).toFixed(1)}%)`;
  return {
    kind: 'explicitation',
    sourceText: share(source),
    targetText: share(copy),
    detail: 'a translation spells out what its source left implicit',
  };
}

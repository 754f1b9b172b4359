import type { PreparedDocument } from '../document.js';
import type { Lexicon } from '../lexicon.js';

/**
 * Words a text writes in lower case that its language's dictionary does not list: what a poor
 * machine round trip leaves ("ima", "naime", "parquotethe", "kartaj": words of the pivot language
 * it could not render back, tokens glued by its deformatter) and a writer does not. Names are
 * written with a capital and are not counted, nor are words with digits.
 */
export interface Garble {
  readonly unknown: number;
  readonly words: number;
}

export function garble(doc: Pick<PreparedDocument, 'tokens' | 'text'>, lexicon: Lexicon): Garble {
  let words = 0;
  let unknown = 0;
  const knows = lexicon.knows?.bind(lexicon);
  for (const sentence of doc.tokens) {
    for (const t of sentence) {
      words++;
      if (!knows || !/^\p{Ll}+$/u.test(t.norm) || !/^\p{Ll}/u.test(doc.text.slice(t.start, t.start + 1))) continue;
      if (!knows(t.norm)) unknown++;
    }
  }
  return { unknown, words };
}

/**
 * How many more unknown words `copy` has than it would at `source`'s rate: a machine copy of a
 * text has at least as many as its source, so a text with MIN_GARBLED more than its supposed
 * source was not made from it by a machine.
 */
export function garbledMore(copy: Garble, source: Garble): number {
  if (copy.words === 0 || source.words === 0) return 0;
  return copy.unknown - (source.unknown / source.words) * copy.words;
}

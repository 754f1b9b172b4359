import { normalize } from './normalize.js';

/** A word of a sentence: its comparison form and where it stands in the original text. */
export interface Token {
  /** Normalized form (case-folded, NFKC, straight apostrophes). */
  readonly norm: string;
  /** Crude stem (first five characters) used to match inflected forms when aligning. */
  readonly stem: string;
  readonly start: number;
  readonly end: number;
}

/**
 * Letters and digits form words; an inner apostrophe or dot keeps "don't" and "u.s" whole. Han,
 * Hiragana and Katakana are written without spaces, so each of their characters is a word of
 * its own (character n-grams are the usual unit for Chinese and Japanese text reuse). Built from
 * a string because TypeScript's ES2022 target does not know the `v` flag Node 20 supports.
 */
const CJK = '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}';
const LETTER = `[[\\p{L}\\p{N}]--[${CJK}]]`;
export const WORD = new RegExp(`[${CJK}]|${LETTER}+(?:['.]${LETTER}+)*`, 'gv');
const STEM_LENGTH = 5;

/**
 * One copy of each distinct word and of its stem for a whole run, so that a corpus's millions of
 * tokens share a vocabulary's worth of strings (6,124 files: 54 of the 298 MB of prepared
 * documents), looked up once per token: the stem comes with the word. Owned by the caller, so
 * nothing outlives the run.
 */
export type WordTable = Map<string, WordForms>;

interface WordForms {
  readonly norm: string;
  readonly stem: string;
}

function formsOf(table: WordTable | undefined, word: string): WordForms {
  const known = table?.get(word);
  if (known !== undefined) return known;
  const forms = { norm: word, stem: stemOf(word) };
  table?.set(word, forms);
  return forms;
}

/** Words of `text` (a slice of a document starting at `offset`), with offsets into the document. */
export function tokenize(text: string, offset = 0, table?: WordTable): Token[] {
  const { text: norm, origin } = normalize(text);
  const tokens: Token[] = [];
  for (const m of norm.matchAll(WORD)) {
    const from = m.index;
    const to = from + m[0].length;
    const { norm: word, stem } = formsOf(table, m[0]);
    tokens.push({
      norm: word,
      stem,
      start: offset + (origin[from] ?? 0),
      end: offset + endOrigin(origin, to),
    });
  }
  return tokens;
}

/** Prefix stemming: cheap, language-blind, and good enough to match "negotiation(s)". */
export function stemOf(word: string): string {
  return word.replace(/[.']/g, '').slice(0, STEM_LENGTH);
}

function endOrigin(origin: Int32Array, to: number): number {
  // The character before `to` may be the tail of a multi-character fold; the original end is
  // the start of the next source cluster.
  const last = origin[to - 1] ?? 0;
  let k = to;
  while (k < origin.length - 1 && origin[k] === last) k++;
  return origin[k] ?? last + 1;
}

import type { Language } from './language.js';
import { withoutMarkup } from './markup.js';
import { normalize } from './normalize.js';
import { segment, type Span } from './segment.js';
import { bigramProfile, type BigramProfile } from './similarity/dice.js';
import { fingerprint, type Fingerprint } from './similarity/fingerprint.js';
import { shingleSet } from './similarity/shingles.js';
import { tokenize, type Token, type WordTable } from './tokenize.js';

/** A document ready for comparison: its units, their words, and whole-text fingerprints. */
export interface PreparedDocument {
  readonly id: string;
  readonly text: string;
  readonly sha256: string;
  readonly spans: readonly Span[];
  /** tokens[i] = words of spans[i]. */
  readonly tokens: readonly (readonly Token[])[];
  readonly wordCount: number;
  readonly profile: BigramProfile;
  /** Sorted distinct hashes of the word shingles (see shingleSet). */
  readonly shingles: Uint32Array;
  /** Sorted distinct adjacent stem pairs, for shared-wording overlap. */
  readonly stemPairs: Uint32Array;
  /** Five-word windows in order, and sorted and distinct, for verbatim passage runs. */
  readonly runGrams: Uint32Array;
  readonly gramSet: Uint32Array;
  /** The language its function words say it is in (language.ts). */
  readonly language: Language;
}

export interface DocumentInput {
  readonly id: string;
  readonly text: string;
  readonly sha256: string;
}

const pages = new WeakMap<PreparedDocument, string>();

/**
 * The document's text as a reader of the page sees it: its markup blanked, every offset kept
 * (markup.ts). What quotes are read from, so that no "&quot;" or "<table ...>" between two words
 * reaches the evidence. Worked out once per document.
 */
export function pageText(doc: PreparedDocument): string {
  let text = pages.get(doc);
  if (text === undefined) pages.set(doc, (text = withoutMarkup(doc.text)));
  return text;
}

/** Segments and tokenizes one document and builds its fingerprints. Pure. */
export function prepareDocument(input: DocumentInput, print?: Fingerprint, table?: WordTable): PreparedDocument {
  // Markup is blanked to spaces, so offsets into `visible` are offsets into the text as written.
  const visible = withoutMarkup(input.text);
  const spans = segment(visible);
  const tokens = spans.map((s) => tokenize(s.text, s.start, table));
  const prints = print ?? fingerprint(visible);
  const words = tokens.flat().map((t) => t.norm);
  return {
    id: input.id,
    text: input.text,
    sha256: input.sha256,
    spans,
    tokens,
    wordCount: prints.words,
    profile: bigramProfile(normalize(visible).text),
    shingles: shingleSet(words),
    stemPairs: prints.stemPairs,
    runGrams: prints.runGrams,
    gramSet: prints.gramSet,
    language: prints.language,
  };
}

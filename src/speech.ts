import type { Span } from './segment.js';
import type { Token } from './tokenize.js';

/**
 * Direct speech: which words of a text stand inside quotation marks. Two reports of one event
 * quote the same people word for word, each from the speaker and not from the other (the seed
 * story's 004, a broadcaster's report, shares its quotes with the wire copies and none of their
 * narration); so whether a text was made from another is read from its narration, and the
 * quotes it shares say little (relation.ts).
 *
 * Curly quotes, guillemets and low-9 quotes open and close by their shape. A straight quote
 * opens after a space, a bracket or a dash, or at the start of a line, and closes elsewhere: the
 * rule typographers' "smart quotes" use, which needs no count of marks, so one stray inch mark
 * cannot turn a whole text inside out. Single quotes are left alone: "’" is far more often an
 * apostrophe. A quotation ends at the end of its line, since a paragraph of speech that goes on
 * opens its next paragraph with a new mark, and an unclosed one must not run on into narration.
 */
const CLOSER: Readonly<Record<string, string>> = { '\u201C': '\u201D', '\u201E': '\u201C', '\u00AB': '\u00BB', '"': '"' };
const OPENS_AFTER = /[\s([{\u2014\u2013-]/u;

/** The character ranges [start, end) of a text's quotations, in order. */
export function quotations(text: string): Array<readonly [number, number]> {
  const out: Array<readonly [number, number]> = [];
  let open = -1;
  let closer = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (c === '\n' || c === '\r') {
      if (open >= 0) out.push([open, i]);
      open = -1;
      continue;
    }
    if (open >= 0) {
      if (c === closer && (c !== '"' || !opensHere(text, i))) {
        out.push([open, i + 1]);
        open = -1;
      }
    } else if (c in CLOSER && (c !== '"' || opensHere(text, i))) {
      open = i;
      closer = CLOSER[c] as string;
    }
  }
  if (open >= 0) out.push([open, text.length]);
  return out;
}

function opensHere(text: string, i: number): boolean {
  return i === 0 || OPENS_AFTER.test(text[i - 1] as string);
}

/**
 * The quotation of `text` each word stands in, or undefined in narration, asked of words in
 * text order (the ranges are walked once).
 */
export function quotationAt(text: string): (start: number) => readonly [number, number] | undefined {
  const ranges = quotations(text);
  let r = 0;
  return (start) => {
    while (r < ranges.length && (ranges[r] as readonly [number, number])[1] <= start) r++;
    const range = ranges[r];
    return range !== undefined && range[0] <= start ? range : undefined;
  };
}

/** For each span, the share of its words that are direct speech (0 when it has no words). */
export function speechShares(text: string, spans: readonly Span[], tokens: readonly (readonly Token[])[]): number[] {
  const inQuotation = quotationAt(text);
  return spans.map((_, s) => {
    const words = tokens[s] ?? [];
    let quoted = 0;
    for (const t of words) if (inQuotation(t.start)) quoted++;
    return words.length === 0 ? 0 : quoted / words.length;
  });
}

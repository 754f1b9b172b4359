import sbd from 'sbd';

export type SpanKind = 'headline' | 'heading' | 'sentence';

/** One unit of a document: a sentence, a headline or a sub-heading, located in the original. */
export interface Span {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly kind: SpanKind;
}

const TERMINAL = /[.!?:;"'\u201D\u2019)\]…。！？」』؟]\s*$/u;
const MAX_HEADING_WORDS = 16;

/**
 * Splits a text into sentences with offsets into the text as given. Each non-empty line is a
 * paragraph; a short line without closing punctuation is a heading (the first one in the text a
 * headline), because news copies keep headings as lines of their own and sentence splitters
 * would otherwise glue them to the next sentence.
 *
 * Sentences inside a paragraph come from sbd, which on the seed story handled every hard case
 * ("U.S.", "p.m.", "Vice-President", curly quotes, a quotation of two sentences, "{that a}")
 * where Intl.Segmenter broke 6 of 16; it returns strings, which are located back in the line.
 */
export function segment(text: string): Span[] {
  const spans: Span[] = [];
  let sawHeadline = false;
  for (const { start, end, lines } of paragraphs(text)) {
    const line = text.slice(start, end);
    if (lines === 1 && isHeading(line)) {
      const lead = line.length - line.trimStart().length;
      const kind: SpanKind = sawHeadline || spans.length > 0 ? 'heading' : 'headline';
      spans.push(trimmed(text, start + lead, end, kind));
      sawHeadline = true;
    } else {
      for (const s of splitParagraph(line)) {
        for (const c of chunkLong(line, s)) spans.push(trimmed(text, start + c.start, start + c.end, 'sentence'));
      }
    }
  }
  return spans.filter((s) => s.text !== '');
}

/**
 * The paragraphs of a text: its non-empty lines, except that a line hard-wrapped into the next
 * is joined to it. Plain-text mail, course answers and e-texts wrap prose at 60-80 columns; read
 * line by line, every line of such a text was a "paragraph" (and, short and without closing
 * punctuation, a heading), so a wrapped copy and an unwrapped one had no unit in common. A line
 * wraps when it stops without closing punctuation and the next line goes on in lower case, or
 * fills most of its block's width (WRAPPED_WIDTH): a heading is shorter than the prose under it.
 */
function paragraphs(text: string): Array<{ start: number; end: number; lines: number }> {
  const lines: Array<{ start: number; end: number; content: string }> = [];
  const lineBreak = /\r\n|\r|\n/g;
  for (let from = 0; ; ) {
    const m = lineBreak.exec(text);
    const end = m ? m.index : text.length;
    // A mail or forum reply quotes with "> " at each line: the marks are no words, and a line
    // of marks alone is the blank line between quoted paragraphs.
    lines.push({ start: from, end, content: text.slice(from, end).trim().replace(QUOTE_MARKS, '') });
    if (!m) break;
    from = m.index + m[0].length;
  }
  // The widest line of each block of non-empty lines, for every line of the block.
  const width = new Array<number>(lines.length).fill(0);
  for (let i = 0; i < lines.length; i++) {
    let j = i;
    let widest = 0;
    for (; j < lines.length && lines[j]?.content !== ''; j++) widest = Math.max(widest, lines[j]?.content.length ?? 0);
    width.fill(widest, i, j);
    i = j;
  }
  const out: Array<{ start: number; end: number; lines: number }> = [];
  lines.forEach((l, i) => {
    if (l.content === '') return;
    const above = lines[i - 1];
    const previous = out.at(-1);
    if (previous && above && above.content !== '' && wrapsInto(above.content, l.content, width[i] as number)) {
      out[out.length - 1] = { start: previous.start, end: l.end, lines: previous.lines + 1 };
    } else {
      out.push({ start: l.start, end: l.end, lines: 1 });
    }
  });
  return out;
}

const QUOTE_MARKS = /^(?:>[ \t]?)+/u;

/** A wrapped line fills at least this share of the widest line of its block. */
const WRAPPED_WIDTH = 0.75;
/** Below this width a block is not wrapped prose (a list of short lines, a poem). */
const MIN_WRAP_COLUMNS = 40;

function wrapsInto(line: string, next: string, width: number): boolean {
  if (TERMINAL.test(line)) return false;
  if (/^\p{Ll}/u.test(next)) return true;
  return width >= MIN_WRAP_COLUMNS && line.length >= WRAPPED_WIDTH * width && !/^([-*•]|\d+[.)])\s/u.test(next);
}

function isHeading(line: string): boolean {
  const t = line.trim();
  if (TERMINAL.test(t)) return false;
  const words = t.split(/\s+/).length;
  return words <= MAX_HEADING_WORDS && /\p{L}/u.test(t);
}

/**
 * Chinese and Japanese end sentences with full-width marks and no space after, which sbd does
 * not know; the line is cut after them first, and sbd splits each piece.
 */
const CJK_STOP = /[。！？]+/gu;

function splitParagraph(line: string): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  let from = 0;
  for (const m of line.matchAll(CJK_STOP)) {
    const to = m.index + m[0].length;
    out.push(...splitLatin(line.slice(from, to)).map((p) => ({ start: from + p.start, end: from + p.end })));
    from = to;
  }
  if (from < line.length) out.push(...splitLatin(line.slice(from)).map((p) => ({ start: from + p.start, end: from + p.end })));
  return out.filter((p) => line.slice(p.start, p.end).trim() !== '');
}

/**
 * sbd only starts a sentence at a Latin capital; text in other alphabets (Cyrillic, Greek,
 * Arabic) is cut after a stop followed by a space instead.
 */
const NON_LATIN_STOP = /(?<=[.!?؟۔])\s+/u;

/**
 * sbd never ends a sentence after "etc.", one of its abbreviations, though a list that ends a
 * sentence is where "etc." mostly stands. Glued to whichever sentence follows, it made units
 * that differ between a text and its edit: the edit that dropped the next sentence glued another
 * one on (fresh seed 1818, independent-3: the edit passed for the original).
 */
const AFTER_ETC = /(?<=\betc\.)\s+(?=[A-Z][a-z])/u;

function splitLatin(line: string): Array<{ start: number; end: number }> {
  const pieces = /[A-Za-z]/.test(line)
    ? sbd.sentences(line, { preserve_whitespace: true, newline_boundaries: false }).flatMap((p: string) => p.split(AFTER_ETC))
    : line.split(NON_LATIN_STOP);
  const out: Array<{ start: number; end: number }> = [];
  let cursor = 0;
  for (const piece of pieces) {
    const core = piece.trim();
    if (core === '') continue;
    const at = line.indexOf(core, cursor);
    if (at < 0) {
      // sbd rewrote the text (it should not with preserve_whitespace); fall back to the rest of the line.
      out.push({ start: cursor, end: line.length });
      return out;
    }
    out.push({ start: at, end: at + core.length });
    cursor = at + core.length;
  }
  if (out.length === 0) out.push({ start: 0, end: line.length });
  return out;
}

/** A "sentence" longer than this is not one (unpunctuated text, a transcript, a table flattened to a line). */
const MAX_SENTENCE_WORDS = 80;
/**
 * A long sentence with clause punctuation (at least one comma, semicolon, colon, parenthesis or
 * dash per WORDS_PER_CLAUSE_MARK words) is prose and stays whole up to MAX_PUNCTUATED_WORDS. A
 * spinner's multiword synonyms push a sentence of 70 words past 80, and cut into chunks there
 * (at other landmark words than its source's, which stays whole) it no longer aligned with its
 * source: the spin then "had" passages its source lacked and passed for the original (held-out
 * seed 101, tree-2). Unpunctuated text (a manuscript transcription) is still cut.
 */
const MAX_PUNCTUATED_WORDS = 300;
const WORDS_PER_CLAUSE_MARK = 40;
const CLAUSE_MARK = /[,;:()\u2013\u2014]/gu;
/** Chunks of such text end at a landmark word once they hold this many words, and always at the maximum. */
const MIN_CHUNK_WORDS = 12;
const MAX_CHUNK_WORDS = 48;
/** One word in this many is a landmark, so chunks average about MIN_CHUNK_WORDS + LANDMARK_RATE words. */
const LANDMARK_RATE = 12;

/**
 * Cuts an overlong sentence into chunks by content-defined chunking (as rsync and
 * deduplicating stores cut byte streams): a chunk ends after a word whose hash marks it as a
 * landmark. The same words give the same cuts in every copy, so an insertion early in one
 * witness does not shift every later boundary, and the copies' chunks still align one to one.
 * Keeps alignment and collation of unpunctuated text (a manuscript transcription, a 20 MB line)
 * at sentence granularity and bounded cost.
 */
function chunkLong(line: string, span: { start: number; end: number }): Array<{ start: number; end: number }> {
  const piece = line.slice(span.start, span.end);
  const words = [...piece.matchAll(/\S+/gu)];
  if (words.length <= MAX_SENTENCE_WORDS) return [span];
  if (words.length <= MAX_PUNCTUATED_WORDS && (piece.match(CLAUSE_MARK)?.length ?? 0) * WORDS_PER_CLAUSE_MARK >= words.length) return [span];
  const out: Array<{ start: number; end: number }> = [];
  let from = 0;
  let count = 0;
  for (const w of words) {
    count++;
    const end = w.index + w[0].length;
    if ((count >= MIN_CHUNK_WORDS && landmark(w[0])) || count >= MAX_CHUNK_WORDS) {
      out.push({ start: span.start + from, end: span.start + end });
      from = end;
      count = 0;
    }
  }
  if (count > 0) out.push({ start: span.start + from, end: span.end });
  return out;
}

/** FNV-1a of the word's letters and digits, lower-cased: punctuation and case do not move a cut. */
function landmark(word: string): boolean {
  let h = 0x811c9dc5;
  for (const ch of word.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '')) {
    h ^= ch.codePointAt(0) ?? 0;
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) % LANDMARK_RATE === 0;
}

function trimmed(text: string, start: number, end: number, kind: SpanKind): Span {
  let s = start;
  let e = end;
  while (s < e && /\s/u.test(text[s] ?? '')) s++;
  while (e > s && /\s/u.test(text[e - 1] ?? '')) e--;
  return { start: s, end: e, text: text.slice(s, e), kind };
}

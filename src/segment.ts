import sbd from 'sbd';

export type SpanKind = 'headline' | 'heading' | 'sentence';

/** One unit of a document: a sentence, a headline or a sub-heading, located in the original. */
export interface Span {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly kind: SpanKind;
}

const WORDED = /[\p{L}\p{N}]/u;
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
export function segment(written: string): Span[] {
  const text = withoutFurniture(written);
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
  // A rule of marks ("-----", a Setext heading's "=====", "* * *") has no words: it is layout,
  // and as a unit it was a passage one copy had and another lacked.
  return spans.filter((s) => WORDED.test(s.text));
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
  const lines: Array<{ start: number; end: number; content: string; pageBreak: boolean }> = [];
  const lineBreak = /\r\n|\r|\n/g;
  for (let from = 0; ; ) {
    const m = lineBreak.exec(text);
    const end = m ? m.index : text.length;
    // A mail or forum reply quotes with "> " at each line: the marks are no words, and a line
    // of marks alone is the blank line between quoted paragraphs.
    const line = text.slice(from, end);
    lines.push({ start: from, end, content: line.trim().replace(QUOTE_MARKS, ''), pageBreak: line.includes('\f') });
    if (!m) break;
    from = m.index + m[0].length;
  }
  // The width of each block of non-empty lines, for every line of the block: the length a
  // quarter of its lines reach. Not the widest line: text extracted from a PDF glues a few lines
  // into one twice as wide, and against that width no other line of the block looked wrapped.
  const width = new Array<number>(lines.length).fill(0);
  for (let i = 0; i < lines.length; i++) {
    let j = i;
    const lengths: number[] = [];
    for (; j < lines.length && lines[j]?.content !== ''; j++) lengths.push(lines[j]?.content.length ?? 0);
    lengths.sort((x, y) => y - x);
    width.fill(lengths[Math.floor((lengths.length - 1) / WIDTH_QUANTILE)] ?? 0, i, j);
    i = j;
  }
  const out: Array<{ start: number; end: number; lines: number }> = [];
  // The last line with words, and whether a page break (a form feed, or page furniture blanked
  // to an empty line by withoutFurniture) lies between it and the line at hand: a sentence
  // that runs on over a page break is one sentence.
  let above: { content: string; width: number } | undefined;
  let acrossPage = false;
  let blank = false;
  lines.forEach((l, i) => {
    if (l.content === '') {
      blank = true;
      acrossPage ||= l.pageBreak;
      return;
    }
    const previous = out.at(-1);
    const continues = !blank || acrossPage;
    if (previous && above && continues && wrapsInto(above.content, l.content, above.width)) {
      out[out.length - 1] = { start: previous.start, end: l.end, lines: previous.lines + 1 };
    } else {
      out.push({ start: l.start, end: l.end, lines: 1 });
    }
    above = { content: l.content, width: width[i] as number };
    acrossPage = l.pageBreak;
    blank = false;
  });
  return out;
}

/**
 * Page furniture: the running header and the page number that text extracted from a PDF or a
 * printed page carries on every page ("The Evening Gazette", "Page 7", "- 12 -"). They are not
 * the text's wording, and a copy extracted from print "added" them as passages its source lacks
 * (a pdftotext copy of a handbook chapter had 33 such lines and passed for a sibling of its
 * source). A page shows where a form feed (pdftotext's page break) or a page number is; a page
 * number is a short line that recurs, its number rising by one or two each time, at a regular
 * spacing. A running header is a short line that recurs at FURNITURE_REPEATS pages or more,
 * within PAGE_MARGIN lines of where each page shows. Repeated lines without pages (a mail
 * digest's "URL:" lines, a refrain, "Chapter 3") are wording, and stay.
 */
const FURNITURE_REPEATS = 3;
const PAGE_MARGIN = 3;
/**
 * The spacing of page numbers: each gap between two within this share of their median, and that
 * median a page's worth of lines (a numbered list, "Step 4" ... "Step 5", is spaced regularly too).
 */
const PAGE_SPACING = 0.3;
const MIN_PAGE_LINES = 15;
const GUTENBERG_START = /^\s*\*{3}\s*START OF (?:THE|THIS) PROJECT GUTENBERG E-?BOOK/iu;
const GUTENBERG_END = /^\s*\*{3}\s*END OF (?:THE|THIS) PROJECT GUTENBERG E-?BOOK/iu;
const CUE_TIMING = /^\s*(?:\d{1,2}:)?\d{1,2}:\d{2}[,.]\d{3}\s*-->\s*(?:\d{1,2}:)?\d{1,2}:\d{2}[,.]\d{3}/u;
/**
 * A web page's furniture that a scrape keeps as lines of their own: an advertisement marker, a
 * teaser for another story ("Read more: ..."), a newsletter or subscription pitch, a copyright
 * or share line; and a wire service's or a live page's marker that the story goes on elsewhere
 * or later ("More to follow.", "Developing story", "Continue reading", "Read the full story at
 * ...", "Read more at ...", and the like in Spanish, French, German, Italian and Portuguese:
 * "Seguir leyendo en ...", "Lire la suite"; a recipe page's "Jump to Recipe"; a shop's "Free
 * delivery on orders over ...", "Add to basket", "In stock"; a thread unroller's "Thread by
 * @name" and "Read on Twitter"; a lyrics site's "Lyrics licensed and provided by ..."), which a
 * first take or an aggregator's excerpt ends with and its full version does not have: it made
 * a prefix of a match report, or of a syndicated hospital report, an edit (fixtures/story/match,
 * fixtures/story/attack). No other copy of the story has them, and read as passages they made
 * the scraped copy the source of the report it was scraped from, its furniture "dropped" by
 * every other copy (copies lose more than they add).
 */
const WEB_FURNITURE =
  /^\s*(?:(?:advertisement|advertising|sponsored(?: content)?)\s*$|(?:read more|read also|also read|related|see also|more on this story|recommended|watch)\s*:|(?:read more|continue reading|(?:get |see )?(?:the )?full (?:story|article|report|recipe|method|instructions)) (?:at|on)\b|(?:jump to|print|pin|rate this) recipe\W*$|thread by @\w|read on (?:twitter|x|mastodon|bluesky|threads)\W*$|lyrics (?:licensed|provided|powered)\b.{0,40}\bby\b|(?:free (?:uk |us |eu )?(?:delivery|shipping|returns)|add to (?:basket|cart|bag)|(?:in|out of) stock)\b|(?:seguir leyendo|sigue leyendo|leer más|lire la suite|lire aussi|weiterlesen|lesen sie auch|continua a leggere|leggi anche|continuar lendo|leia mais|leia também)(?:\s*:|\W*$|\s+(?:en|sur|auf|su|em|no)\b)|(?:sign up|subscribe)\b.*\b(?:newsletter|inbox|updates|today)\b|(?:\(c\)|©|copyright\b).*(?:rights reserved|\d{4})|(?:share this (?:article|story)|follow us on)\b|(?:more to follow|more follows|developing(?: story)?|this is a developing story|this story is developing|continue reading)\W*$|read the (?:full|whole|rest of the) (?:story|article|report)\b)/iu;
const MAX_WEB_FURNITURE_CHARACTERS = 200;
/** A running header or a page number longer than this is rare; a longer repeated line stays. */
const MAX_FURNITURE_CHARACTERS = 80;

/**
 * A story's credits and stamps, which each outlet writes its own: a byline ("By Tom Reyes,
 * National Wire Service", "By Staff Reporter"), a wire's "(Reporting by ...; Editing by ...)",
 * a page's "Published 14:02, 3 June | Updated 16:40", a picture's "Photo: Getty Images". Read
 * as passages, an outlet's copy that added its byline and stamp and dropped the wire's byline
 * had added two passages for one dropped, and the wire read as its copy
 * (fixtures/story/heat-present). A byline is names after
 * "By" and at most a role after a comma, with no sentence's end: "By Friday, the heat will
 * break." is the story's own. A stamp has a clock time: a document's own "Last updated: 3 March
 * 2025" dates its version (terms of service copied from another company's changed it), and a
 * note that a story was corrected says what was wrong, a fact.
 */
const CREDITS =
  /^\s*(?:(?:By|BY)\s+\p{Lu}[\p{L}.'’-]*(?:\s+(?:\p{Lu}[\p{L}.'’-]*|and|&|de|da|di|van|von|der|le|la|del|bin|al))*(?:\s*,\s*[^.!?,]{1,60})?\s*$|\(?(?:[Aa]dditional )?(?:[Rr]eporting|[Ww]riting|[Ee]diting) by\b|(?:[Ff]irst |[Ll]ast )?(?:[Pp]ublished|[Uu]pdated|[Pp]osted)\b[^!?]{0,60}\b\d{1,2}[:.]\d{2}\b[^.!?]*$|(?:[Pp]hoto(?:graph)?|[Pp]icture|[Ii]mage|[Ii]llustration|[Vv]ideo)(?: [Cc]aption| [Cc]redit)?\s*:\s*[^.!?]{1,80}$)/u;

function isWebFurniture(line: string): boolean {
  return (WEB_FURNITURE.test(line) || CREDITS.test(line)) && line.trim().length <= MAX_WEB_FURNITURE_CHARACTERS;
}

/** The distinct lines of web furniture a text has (WEB_FURNITURE), case and spacing folded. */
export function webFurniture(text: string): string[] {
  return [...new Set(text.split('\n').filter(isWebFurniture).map((line) => line.trim().toLowerCase().replace(/\s+/gu, ' ')))];
}

/**
 * A page's invitation to read on elsewhere: the text was cut where the rest is a link away; or a
 * wire's first take that says the rest will follow ("More to follow."): a brief of three
 * paragraphs had kept too little of its wire to break off, and the six it never had counted as
 * omissions it shared with an outlet's cut copy, which it then hung under
 * (fixtures/story/unit-present).
 * Checked among the furniture that ends a text (cutWithLink), not at any line: "Read more: ..."
 * mid-text names another story.
 */
const READ_ON =
  /^\s*(?:more to follow|more follows|read more|continue reading|keep reading|read on\b(?!\s+(?:twitter|x|mastodon|bluesky|threads)\W*$)|read the (?:full|whole|rest of the) (?:story|article|report|notice|statement|release)|(?:get |see )?(?:the )?full (?:story|article|report|notice|statement|release)\b|seguir leyendo|sigue leyendo|leer más|lire la suite|weiterlesen|continua a leggere|continuar lendo|leia mais)/iu;

/**
 * Whether a text ends, after its last line of prose, in furniture that sends the reader on to
 * the rest ("Read more: the full notice on ..."): an aggregator's or a newsletter's teaser keeps
 * the opening and links to the rest, however little of it it kept.
 */
export function cutWithLink(text: string): boolean {
  const lines = text.split('\n');
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i] as string;
    if (line.trim() === '') continue;
    if (!isWebFurniture(line)) return false;
    if (READ_ON.test(line)) return true;
  }
  return false;
}

/**
 * The text with what is not its wording blanked: page furniture (above), subtitle cues' timing
 * lines, a Project Gutenberg e-text's header and licence, the labels at the head of a line
 * (LINE_LABEL). Blanked as withoutMarkup does, so
 * offsets stay those of the text as written: a form feed, the break it stands for, then spaces.
 */
function withoutFurniture(text: string): string {
  const lines = text.split('\n');
  const byKey = new Map<string, number[]>();
  lines.forEach((line, i) => {
    const t = line.trim();
    if (t === '' || t.length > MAX_FURNITURE_CHARACTERS || SENTENCE_END.test(t)) return;
    const key = t.toLowerCase().replace(/\d+/gu, '0');
    const at = byKey.get(key);
    if (at) at.push(i);
    else byKey.set(key, [i]);
  });
  const pages: number[] = [];
  const furniture = new Set<number>();
  // A Project Gutenberg e-text's header and licence, before its START line and from its END
  // line on: some thousands of words that no other edition of the book carries.
  const start = lines.findIndex((line) => GUTENBERG_START.test(line));
  const end = lines.findIndex((line) => GUTENBERG_END.test(line));
  if (start >= 0) for (let i = 0; i <= start; i++) furniture.add(i);
  if (end > start) for (let i = end; i < lines.length; i++) furniture.add(i);
  lines.forEach((line, i) => {
    if (isWebFurniture(line)) furniture.add(i);
    if (line.includes('\f')) pages.push(i);
    // A subtitle cue's timing line and the number above it (SRT, WebVTT): a sentence runs on
    // from one cue into the next as over a page break. Two rips of one film differ in timing.
    if (CUE_TIMING.test(line)) {
      furniture.add(i);
      if (/^\s*\d+\s*$/u.test(lines[i - 1] ?? '')) furniture.add(i - 1);
    }
  });
  for (const at of byKey.values()) {
    if (at.length >= FURNITURE_REPEATS && arePageNumbers(at.map((i) => lines[i] ?? ''), at)) {
      pages.push(...at);
      for (const i of at) furniture.add(i);
    }
  }
  if (pages.length > 0) {
    const nearPage = new Uint8Array(lines.length);
    for (const p of pages) nearPage.fill(1, Math.max(0, p - PAGE_MARGIN), p + PAGE_MARGIN + 1);
    for (const at of byKey.values()) {
      if (at.length >= FURNITURE_REPEATS && at.every((i) => nearPage[i] === 1)) for (const i of at) furniture.add(i);
    }
  }
  if (furniture.size === 0 && !lines.some((line) => LINE_LABEL.test(line))) return text;
  return lines.map((line, i) => (furniture.has(i) ? `\f${line.slice(1).replace(/[^\r]/gu, ' ')}` : line.replace(LINE_LABEL, (mark) => ' '.repeat(mark.length)))).join('\n');
}

/**
 * A list item's or a section's number at the head of its line ("5. Changes", "2) Beat", "(b)"):
 * layout, not wording. Whoever drops or adds an item renumbers the rest, so a copy that took a
 * section out and its own copy that put one in wrote "6." where the original had "6." and the
 * first copy "5.", and read as siblings (fixtures/story/terms). Likewise a thread's "2/6", which
 * an unroller drops (fixtures/story/thread), and a repost's "RT @name:", which says who is
 * quoted, not what: with it, a retweet cut short read as a paraphrase (fixtures/story/alert).
 */
const LINE_LABEL = /^[ \t]*(?:\d{1,2}[.)]|\d{1,2}\/\d{0,2}|\([a-z\d]{1,2}\)|RT @\w{1,30}:)(?=[ \t])/u;

/** Lines `at` (indices, in order) of one key number pages: each number one or two above the last, evenly spaced. */
function arePageNumbers(written: readonly string[], at: readonly number[]): boolean {
  const numbers = written.map((w) => Number(/\d+/u.exec(w)?.[0] ?? NaN));
  if (numbers.some(Number.isNaN)) return false;
  for (let k = 1; k < numbers.length; k++) {
    const step = (numbers[k] ?? 0) - (numbers[k - 1] ?? 0);
    if (step < 1 || step > 2) return false;
  }
  const gaps = at.slice(1).map((i, k) => i - (at[k] ?? 0));
  const median = [...gaps].sort((x, y) => x - y)[Math.floor(gaps.length / 2)] ?? 0;
  return median >= MIN_PAGE_LINES && gaps.every((g) => Math.abs(g - median) <= PAGE_SPACING * median);
}

const QUOTE_MARKS = /^(?:>[ \t]?)+/u;

/** A wrapped line fills at least this share of its block's width. */
const WRAPPED_WIDTH = 0.75;
/** A block's width is the length its widest 1/WIDTH_QUANTILE of lines reach. */
const WIDTH_QUANTILE = 4;
/** Below this width a block is not wrapped prose (a list of short lines, a poem). */
const MIN_WRAP_COLUMNS = 40;

/**
 * A line that ends a sentence: a stop, then perhaps closing quotes or brackets. A bracket alone
 * does not end one ("...to other services. The [Service]" wraps into "part contains...").
 */
const SENTENCE_END = /[.!?:;\u2026\u3002\uFF01\uFF1F\u061F]["'\u201D\u2019)\]\u300D\u300F]*\s*$/u;

function wrapsInto(line: string, next: string, width: number): boolean {
  if (SENTENCE_END.test(line)) return false;
  if (/^[(\[\u201C\u2018"']*\p{Ll}/u.test(next)) return true;
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
  if (!/[A-Za-z]/.test(line)) {
    const out: Array<{ start: number; end: number }> = [];
    let from = 0;
    for (const piece of line.split(NON_LATIN_STOP)) {
      const at = line.indexOf(piece, from);
      out.push({ start: at, end: at + piece.length });
      from = at + piece.length;
    }
    return out;
  }
  const sentences = sbd.sentences(line, { newline_boundaries: false }).flatMap((p: string) => p.split(AFTER_ETC));
  return located(line, sentences);
}

/**
 * sbd's sentences located in the line they came from. Not with sbd's preserve_whitespace, which
 * returns the line's own characters but miscounts: where it cuts a word in two ("there.Then",
 * common in scraped and extracted text) every later sentence of the paragraph starts a word too
 * late, so one missing space after a stop garbled a whole unwrapped paragraph. Its plain
 * sentences are the line's words joined by single spaces, less the stop between two cut halves
 * and a closing quote it strips inside a sentence; those are skipped here. Should sbd have
 * rewritten more than that, the rest of the line is one sentence.
 */
function located(line: string, sentences: readonly string[]): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  let pos = 0;
  for (const sentence of sentences) {
    let start = -1;
    const from = pos;
    for (const word of sentence.split(/\s+/u)) {
      if (word === '') continue;
      while (pos < line.length && !line.startsWith(word, pos) && SKIPPED.test(line[pos] ?? '')) pos++;
      if (!line.startsWith(word, pos)) return [...out, { start: from, end: line.length }];
      if (start < 0) start = pos;
      pos += word.length;
    }
    if (start < 0) continue;
    while (pos < line.length && CLOSING.test(line[pos] ?? '')) pos++;
    out.push({ start, end: pos });
  }
  return out;
}

/** What lies between two of sbd's words in the line: space, the stop it cut a word at, a quote it stripped. */
const SKIPPED = /[\s.!?"\u201D]/u;
/** Closing punctuation that belongs to the sentence before it. */
const CLOSING = /[.!?"'\u201D\u2019)\]]/u;

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

/**
 * Comparison form of a text. Every character of `text` remembers where it came from in the
 * original (`origin[i]`), so evidence found on normalized text can be quoted as written.
 */
export interface NormalizedText {
  readonly text: string;
  /** origin[i] = offset in the original of normalized character i; origin[text.length] = end. */
  readonly origin: Int32Array;
}

const ZERO_WIDTH = /[\u00AD\u200B-\u200D\u2060\uFEFF]/u;
const SPACE = /[\s\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/u;
const COMBINING = /\p{M}/u;

/**
 * Folds what varies between copies of one text without changing its words: Unicode
 * compatibility forms (NFKC), case, curly quotes and apostrophes, dash variants, exotic spaces,
 * CRLF, zero-width characters. Runs of spaces collapse to one; line breaks are kept because
 * segmentation needs them.
 *
 * A base character and the combining marks after it are normalized together (NFKC composes
 * them); all output characters of such a cluster point at the cluster's start.
 */
export function normalize(original: string): NormalizedText {
  const out = new TextBuilder(original.length);
  let lastWasSpace = false;
  let i = 0;
  while (i < original.length) {
    const start = i;
    const code = original.charCodeAt(i);
    // Fast path: ASCII not followed by a combining mark needs no NFKC, only case folding.
    if (code < 0x80 && !(i + 1 < original.length && original.charCodeAt(i + 1) >= 0x300)) {
      i++;
      if (code === 13) {
        if (original.charCodeAt(i) !== 10) out.push(10, start);
        continue;
      }
      if (code === 32 || code === 9 || code === 11 || code === 12) {
        if (!lastWasSpace) out.push(32, start);
        lastWasSpace = true;
        continue;
      }
      if (code === HYPHEN && isLetter(out.last())) {
        const resumed = afterLineEndHyphen(original, i);
        if (resumed !== undefined) {
          i = resumed;
          continue;
        }
      }
      lastWasSpace = false;
      out.push(code === 96 ? 39 : code >= 65 && code <= 90 ? code + 32 : code, start);
      continue;
    }
    const first = original.codePointAt(i) ?? 0;
    i += first > 0xffff ? 2 : 1;
    while (i < original.length) {
      const next = original.codePointAt(i) ?? 0;
      if (next < 0x300 || !COMBINING.test(String.fromCodePoint(next))) break;
      i += next > 0xffff ? 2 : 1;
    }
    const cluster = original.slice(start, i);
    if (ZERO_WIDTH.test(cluster)) continue;
    if (SPACE.test(cluster)) {
      if (!lastWasSpace) out.push(32, start);
      lastWasSpace = true;
      continue;
    }
    lastWasSpace = false;
    const folded = foldCluster(cluster);
    for (let k = 0; k < folded.length; k++) out.push(folded.charCodeAt(k), start);
  }
  return out.finish(original.length);
}

const HYPHEN = 45;

/**
 * Where a word hyphenated at a line's end goes on ("cab-\n    bage": the "b" of "bage"), or
 * undefined when the hyphen does not end a line or the next line does not go on in lower case.
 * Print and text extracted from it with its layout (`pdftotext -layout`, OCR) keep such hyphens;
 * read as written, the word was two words, other ones in each copy set to another measure. The
 * hyphen and the line break are dropped, so "cab-\nbage" compares as "cabbage"; a compound
 * hyphenated at its own hyphen ("multi-\ncore") becomes "multicore", which alignment takes for
 * the same letters cut otherwise (typography).
 */
function afterLineEndHyphen(text: string, from: number): number | undefined {
  let j = from;
  while (text.charCodeAt(j) === 32 || text.charCodeAt(j) === 9) j++;
  if (text.charCodeAt(j) === 13) j++;
  if (text.charCodeAt(j) !== 10) return undefined;
  j++;
  while (text.charCodeAt(j) === 32 || text.charCodeAt(j) === 9) j++;
  return /\p{Ll}/u.test(text[j] ?? '') ? j : undefined;
}

function isLetter(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 0xc0 && /\p{L}/u.test(String.fromCharCode(code)));
}

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
const UTF16 = new TextDecoder('utf-16le');

/**
 * UTF-16 code units to a string. The native decoder is an order of magnitude faster than
 * String.fromCharCode; it turns a lone surrogate into U+FFFD, one unit for one, so offsets hold.
 */
function decodeUnits(units: Uint16Array): string {
  if (LITTLE_ENDIAN) return UTF16.decode(units);
  const parts: string[] = [];
  for (let k = 0; k < units.length; k += 8192) parts.push(String.fromCharCode(...units.subarray(k, k + 8192)));
  return parts.join('');
}

/**
 * Growable UTF-16 buffer with a parallel origin array, kept between calls: normalize runs once
 * per sentence (300,000 times on the 6,124-file bench folder), and allocating two typed arrays
 * per call took more time than the folding itself. Only `finish` allocates, for its result.
 */
let scratchCodes = new Uint16Array(1024);
let scratchOrigin = new Int32Array(1025);

class TextBuilder {
  private length = 0;

  constructor(capacity: number) {
    if (scratchCodes.length < capacity) grow(capacity);
  }

  /** The last code unit pushed, or -1. */
  last(): number {
    return this.length === 0 ? -1 : (scratchCodes[this.length - 1] as number);
  }

  push(code: number, from: number): void {
    if (this.length === scratchCodes.length) grow(scratchCodes.length * 2);
    scratchCodes[this.length] = code;
    scratchOrigin[this.length++] = from;
  }

  finish(end: number): NormalizedText {
    scratchOrigin[this.length] = end;
    return { text: decodeUnits(scratchCodes.subarray(0, this.length)), origin: scratchOrigin.slice(0, this.length + 1) };
  }
}

function grow(capacity: number): void {
  const codes = new Uint16Array(capacity);
  codes.set(scratchCodes);
  scratchCodes = codes;
  const origin = new Int32Array(capacity + 1);
  origin.set(scratchOrigin);
  scratchOrigin = origin;
}

function foldCluster(cluster: string): string {
  switch (cluster) {
    case '\u2018': case '\u2019': case '\u201A': case '\u201B': case '\u2032': case '\u02BC': case '`': case '\u00B4':
      return "'";
    case '\u201C': case '\u201D': case '\u201E': case '\u201F': case '\u2033': case '\u00AB': case '\u00BB':
      return '"';
    case '\u2010': case '\u2011': case '\u2012': case '\u2013': case '\u2014': case '\u2015': case '\u2212':
      return '-';
    case '\u2026':
      return '...';
    default:
      return cluster.normalize('NFKC').toLowerCase();
  }
}

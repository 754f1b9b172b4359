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
  const out: string[] = [];
  const origin: number[] = [];
  let lastWasSpace = false;
  let i = 0;
  while (i < original.length) {
    const start = i;
    const first = original.codePointAt(i) ?? 0;
    i += first > 0xffff ? 2 : 1;
    while (i < original.length) {
      const next = original.codePointAt(i) ?? 0;
      if (!COMBINING.test(String.fromCodePoint(next))) break;
      i += next > 0xffff ? 2 : 1;
    }
    const cluster = original.slice(start, i);
    if (cluster === '\r') {
      if (original[i] === '\n') continue;
      pushChar('\n', start);
      continue;
    }
    if (ZERO_WIDTH.test(cluster)) continue;
    if (cluster !== '\n' && SPACE.test(cluster)) {
      if (!lastWasSpace) pushChar(' ', start);
      lastWasSpace = true;
      continue;
    }
    lastWasSpace = false;
    for (const ch of foldCluster(cluster)) pushChar(ch, start);
  }
  origin.push(original.length);
  return { text: out.join(''), origin: Int32Array.from(origin) };

  function pushChar(ch: string, from: number): void {
    for (let k = 0; k < ch.length; k++) {
      out.push(ch[k] ?? '');
      origin.push(from);
    }
  }
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

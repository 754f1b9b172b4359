/**
 * Anchors: the words a translation keeps as they are. A translation of a text shares almost none
 * of its words, but it keeps its numbers, its names and its identifiers (a path, a version, a
 * product code), and in the same order, since a translator follows the source sentence by
 * sentence. Cross-language text reuse detection (Potthast et al. 2011; Barrón-Cedeño's
 * CL-ASA and CL-CNG families) knows this: the surface left untranslated ties a translation to
 * its source when nothing else of the wording does.
 */

/** A name, number or identifier of a text, folded for comparison, and as the text writes it. */
export interface Anchors {
  /** Folded forms in text order: numbers as their digits ("#1000"), words lower case, accents off. */
  readonly keys: readonly string[];
  /** The same anchors as written, for evidence. */
  readonly forms: readonly string[];
  /**
   * Whether most of its names are written in the Latin alphabet. Names in another script (a
   * Russian or Greek text) key otherwise than their Latin spelling, so only numbers and
   * identifiers could tie such a text to a Latin one.
   */
  readonly latin: boolean;
}

/** A number's key is its digits behind this mark, so that no word keys as a number. */
export const NUMBER_MARK = '#';

/** A number as written: digits, with the separators of thousands or decimals between them. */
const NUMBER = /\d+(?:[.,]\d+)*/gu;
const TOKEN = new RegExp(`${NUMBER.source}|[\\p{L}\\p{N}][\\p{L}\\p{M}\\p{N}'’_/-]*`, 'gu');
const DIGIT = /\d/u;
const CAPITAL = /^\p{Lu}/u;
const IDENTIFIER = /[\d_/]/u;
/** A sentence, a quotation or a line opens here: a capital after it is no name. */
const OPENING = /(?:^|[.!?:;"“”«»„()[\]\n]\s*)$/u;
const COMBINING = /\p{M}/gu;
const LATIN = /^\p{Script=Latin}/u;
const TRAILING = /['’-]+$/u;

/** A number's digits behind NUMBER_MARK: "1,000", "1.000" and "1000" key alike, "007" as "7". */
function numberKey(word: string): string {
  return `${NUMBER_MARK}${word.replace(/\D/gu, '').replace(/^0+(?=\d)/u, '')}`;
}

/** The distinct numbers a text writes in digits, keyed as anchors key them. */
export function figuresOf(text: string): Set<string> {
  const out = new Set<string>();
  for (const m of text.matchAll(NUMBER)) out.add(numberKey(m[0]));
  return out;
}

/**
 * The anchors of a text: numbers (digits only, so "1,000", "1.000" and "1 000" are one number and
 * "30-day" keeps its 30), words with a digit, an underscore or a slash (identifiers, paths), and
 * capitalized words that do not open a sentence (names; a language that capitalizes fewer
 * words, such as Spanish its months and nationalities, keeps fewer, which the ordered comparison
 * below tolerates). A lone capital letter is no anchor: "I", "A".
 */
export function anchorsOf(text: string): Anchors {
  const keys: string[] = [];
  const forms: string[] = [];
  let latinNames = 0;
  let otherNames = 0;
  for (const match of text.matchAll(TOKEN)) {
    const word = match[0].replace(TRAILING, '');
    const at = match.index;
    if (DIGIT.test(word[0] as string)) {
      keys.push(numberKey(word));
      forms.push(word);
      continue;
    }
    const identifier = IDENTIFIER.test(word);
    if (!identifier && (word.length < 2 || !CAPITAL.test(word) || OPENING.test(text.slice(Math.max(0, at - 4), at)))) continue;
    keys.push(word.normalize('NFD').replace(COMBINING, '').toLowerCase().replace(/['’].*$/u, ''));
    forms.push(word);
    if (LATIN.test(word)) latinNames++;
    else otherNames++;
  }
  return { keys, forms, latin: latinNames >= otherNames };
}

/**
 * An anchor a text names more than this often (the subject of an article, its main actor) is
 * left out of the ordered comparison: every report of the event repeats it, so matching it says
 * nothing about order, and it would let two independent reports line up.
 */
const MAX_REPEATS = 2;

/** The anchors named at most MAX_REPEATS times, in text order, as indexes into `keys`. */
export function rareAnchors(keys: readonly string[]): number[] {
  const counts = new Map<string, number>();
  for (const k of keys) counts.set(k, (counts.get(k) ?? 0) + 1);
  const out: number[] = [];
  keys.forEach((k, i) => {
    if ((counts.get(k) as number) <= MAX_REPEATS) out.push(i);
  });
  return out;
}

/** Anchors two texts share in the same order, and the share of the shorter list that makes. */
export interface AnchorOrder {
  readonly inOrder: number;
  readonly share: number;
  /** The same share of the longer list. */
  readonly ofLonger: number;
  /** Index pairs (into each text's keys) of the anchors in order. */
  readonly matches: ReadonlyArray<readonly [number, number]>;
}

/**
 * The longest common subsequence of two texts' rare anchors. A rare anchor stands at most twice
 * in either list, so the pairs of equal anchors are at most four per anchor, and the longest
 * common subsequence is the longest chain of them rising in both texts (Hunt and Szymanski
 * 1977): patience sorting over the pairs, in time and memory near linear in the lists. A table
 * of every cell would take 1.6 GB for two books of 20,000 rare anchors each.
 */
export function anchorOrder(a: readonly string[], b: readonly string[]): AnchorOrder {
  const ra = rareAnchors(a);
  const rb = rareAnchors(b);
  const where = new Map<string, number[]>();
  rb.forEach((j, k) => {
    const key = b[j] as string;
    const list = where.get(key);
    if (list) list.push(k);
    else where.set(key, [k]);
  });
  // Each pair (i, k) of equal anchors, i rising and, within one i, k falling, so that a chain
  // rising in k takes at most one pair of each i.
  const pairI: number[] = [];
  const pairK: number[] = [];
  ra.forEach((i, at) => {
    const list = where.get(a[i] as string);
    if (!list) return;
    for (let q = list.length - 1; q >= 0; q--) {
      pairI.push(at);
      pairK.push(list[q] as number);
    }
  });
  // tails[t]: the pair ending the best chain of length t + 1 found so far (the lowest k).
  const tails: number[] = [];
  const before = new Int32Array(pairI.length);
  for (let p = 0; p < pairI.length; p++) {
    const k = pairK[p] as number;
    let low = 0;
    let high = tails.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if ((pairK[tails[mid] as number] as number) < k) low = mid + 1;
      else high = mid;
    }
    before[p] = low === 0 ? -1 : (tails[low - 1] as number);
    tails[low] = p;
  }
  const matches: Array<readonly [number, number]> = [];
  for (let p = tails.length === 0 ? -1 : (tails[tails.length - 1] as number); p !== -1; p = before[p] as number) {
    matches.push([ra[pairI[p] as number] as number, rb[pairK[p] as number] as number]);
  }
  matches.reverse();
  const inOrder = matches.length;
  const shorter = Math.min(ra.length, rb.length);
  const longer = Math.max(ra.length, rb.length);
  return { inOrder, share: shorter === 0 ? 0 : inOrder / shorter, ofLonger: longer === 0 ? 0 : inOrder / longer, matches };
}

/**
 * Anchors found in more documents than this are left out when looking for pairs: a corpus's
 * common names (a list's name, a company) pair everything with everything.
 */
const MAX_DOCUMENT_FREQUENCY = 30;

/**
 * Pairs of documents that may be translations of each other: in different languages (`language`
 * undefined for a document whose language is not known, which pairs with nothing), sharing at
 * least `minShared` distinct rare anchors (`shared`). An inverted index over the anchors finds
 * them without looking at every pair. Pairs come a < b, sorted.
 */
export function crossLanguagePairs(
  keys: readonly (readonly string[])[],
  language: readonly (string | undefined)[],
  minShared: number,
): Array<{ readonly a: number; readonly b: number; readonly shared: number }> {
  const postings = new Map<string, number[]>();
  keys.forEach((k, d) => {
    if (language[d] === undefined) return;
    for (const key of new Set(rareAnchors(k).map((i) => k[i] as string))) {
      const list = postings.get(key);
      if (list) list.push(d);
      else postings.set(key, [d]);
    }
  });
  const shared = new Map<number, number>();
  const n = keys.length;
  for (const list of postings.values()) {
    if (list.length > MAX_DOCUMENT_FREQUENCY) continue;
    for (let p = 0; p < list.length; p++) {
      for (let q = p + 1; q < list.length; q++) {
        const x = list[p] as number;
        const y = list[q] as number;
        if (language[x] === language[y]) continue;
        const pair = x * n + y;
        shared.set(pair, (shared.get(pair) ?? 0) + 1);
      }
    }
  }
  return [...shared]
    .filter(([, count]) => count >= minShared)
    .map(([pair, count]) => ({ a: Math.floor(pair / n), b: pair % n, shared: count }))
    .sort((p, q) => p.a - q.a || p.b - q.b);
}

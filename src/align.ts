import { round } from './round.js';
import { commonLength, diffWords, type DiffOp } from './diff.js';
import { pageText, type PreparedDocument } from './document.js';
import { basicLexicon, type Lexicon } from './lexicon.js';
import type { Token } from './tokenize.js';
import { prefixOrder, StemMarks, StemSlots, stemIndexOf, stemSets, type StemSets, type StemWeights } from './similarity/stemsets.js';

export type UnitKind = 'identical' | 'typographic' | 'edited' | 'substituted' | 'translated' | 'paraphrase' | 'truncated';
export type EditKind = 'substitution' | 'insertion' | 'deletion';

/** A word-level change inside an aligned unit, quoted from the two files as written. */
export interface Edit {
  readonly kind: EditKind;
  readonly aText: string;
  readonly bText: string;
  /** Normalized words of each side, for comparison by later stages. */
  readonly aWords: readonly string[];
  readonly bWords: readonly string[];
  /** Offset in each document of each word of `aWords` / `bWords`. */
  readonly aOffsets: readonly number[];
  readonly bOffsets: readonly number[];
}

/** Sentences of A and of B that render the same content (1:1, 1:2 or 2:1 and so on). */
export interface AlignedUnit {
  readonly a: readonly number[];
  readonly b: readonly number[];
  /** IDF-weighted overlap of word stems, in [0,1]. */
  readonly score: number;
  /** Share of words kept in order: 2 * LCS / (|a| + |b|). */
  readonly retention: number;
  readonly kind: UnitKind;
  readonly edits: readonly Edit[];
  /**
   * For a `truncated` unit, the side whose text stops inside the sentence (cutShort), and the
   * normalized words of the other side's sentence beyond the cut: what the cut text never had.
   */
  readonly cut?: { readonly side: 'a' | 'b'; readonly beyond: readonly string[]; readonly partial?: string };
}

export interface PairAlignment {
  readonly units: readonly AlignedUnit[];
  readonly unalignedA: readonly number[];
  readonly unalignedB: readonly number[];
}

export type { StemWeights };

/**
 * Below this weighted stem overlap two sentences are not taken as renderings of one another.
 * Chosen on the seed story: paraphrased sentence pairs score 0.3-0.6, and sentences of an
 * independent article on the same event that share names but not content stay under 0.3.
 */
export const MIN_SENTENCE_SIMILARITY = 0.32;
/** A neighbour joins a unit (merge or split) when this share of its stem weight is found on the other side. */
const MERGE_CONTAINMENT = 0.5;
const MAX_UNIT_SENTENCES = 3;
/**
 * For a sentence whose place its neighbours fix (pairSandwiched): half the floor, and twice the
 * resemblance to any neighbour. Over 31 generated sets: +24 drift words, +2 method, no parent
 * moved; without the margin (+54 words) two neighbouring sentences of one text were paired.
 */
const SANDWICH_SIMILARITY = 0.15;
const SANDWICH_MARGIN = 2;

/**
 * Aligns the sentences of two documents. Not monotone: a rewrite may reorder paragraphs, so
 * sentence pairs are taken greedily by similarity (best first, ties by position) rather than
 * by a diagonal dynamic programme. Then an unaligned sentence whose content sits in the
 * counterpart of its neighbour's unit joins that unit, which yields 1:2 and 2:1 units where a
 * copy merged or split sentences, and two left between the same aligned neighbours may pair up.
 */
export function alignDocuments(a: PreparedDocument, b: PreparedDocument, weights: StemWeights, words: WordKnowledge = basicLexicon): PairAlignment {
  const index = stemIndexOf(weights);
  const va = stemSets(a, a.tokens, index);
  const vb = stemSets(b, b.tokens, index);
  const candidates = sentencePairs(va, vb);
  candidates.sort((x, y) => y.s - x.s || x.i - y.i || x.j - y.j);
  const unitOfA = new Int32Array(a.tokens.length).fill(-1);
  const unitOfB = new Int32Array(b.tokens.length).fill(-1);
  const groups: Array<{ a: number[]; b: number[] }> = [];
  for (const c of candidates) {
    if (unitOfA[c.i] !== -1 || unitOfB[c.j] !== -1) continue;
    unitOfA[c.i] = groups.length;
    unitOfB[c.j] = groups.length;
    groups.push({ a: [c.i], b: [c.j] });
  }
  absorbNeighbours(groups, 'a', unitOfA, va, vb);
  absorbNeighbours(groups, 'b', unitOfB, vb, va);
  pairSandwiched(groups, unitOfA, unitOfB, va, vb);
  const cuts = new Map<number, NonNullable<AlignedUnit['cut']>>();
  for (const end of ['last', 'first'] as const) {
    pairCutShort(groups, unitOfA, unitOfB, a.tokens, b.tokens, 'a', end, cuts);
    pairCutShort(groups, unitOfB, unitOfA, b.tokens, a.tokens, 'b', end, cuts);
  }

  const units = groups
    .map((g, k) => ({ a: [...g.a].sort((x, y) => x - y), b: [...g.b].sort((x, y) => x - y), cut: cuts.get(k) }))
    .sort((x, y) => (x.a[0] ?? 0) - (y.a[0] ?? 0))
    .map((g): AlignedUnit =>
      g.cut
        ? { a: g.a, b: g.b, score: round(weightedDice(va, g.a, vb, g.b), 4), retention: 1, kind: 'truncated', edits: [], cut: g.cut }
        : describeUnit(a, b, g.a, g.b, weightedDice(va, g.a, vb, g.b), words),
    );
  return {
    units,
    unalignedA: indexesWhere(unitOfA, -1),
    unalignedB: indexesWhere(unitOfB, -1),
  };
}

/**
 * A sentence left unaligned on both sides between the same two aligned neighbours is paired
 * when the two share some content (SANDWICH_SIMILARITY) and resemble each other more than either
 * resembles the other side's neighbours (SANDWICH_MARGIN): a spin that swapped half the words of
 * a short sentence ("See Introduction to i18n for details." / "Take in Innovation to i18n for
 * inside information.") falls under the similarity floor, while its place says which sentence
 * it renders, as sentence aligners that follow the diagonal (Gale and Church's) pair it. The
 * margin keeps apart two different sentences in that place: where two copies each dropped a
 * different one of two neighbouring sentences, those share the story's words with every
 * sentence around them about as much as with each other.
 */
function pairSandwiched(groups: Array<{ a: number[]; b: number[] }>, unitOfA: Int32Array, unitOfB: Int32Array, va: StemSets, vb: StemSets): void {
  const nb = vb.total.length;
  for (let x = 1; x + 1 < va.total.length; x++) {
    if (unitOfA[x] !== -1) continue;
    const before = unitOfA[x - 1] ?? -1;
    const after = unitOfA[x + 1] ?? -1;
    if (before === -1 || after === -1 || before === after) continue;
    const gb = groups[before] as { a: number[]; b: number[] };
    const ga = groups[after] as { a: number[]; b: number[] };
    const y = Math.max(...gb.b) + 1;
    if (y >= nb || unitOfB[y] !== -1 || Math.min(...ga.b) !== y + 1 || Math.max(...gb.a) !== x - 1 || Math.min(...ga.a) !== x + 1) continue;
    const s = weightedDice(va, [x], vb, [y]);
    if (s < SANDWICH_SIMILARITY) continue;
    const rival = Math.max(weightedDice(va, [x], vb, [y - 1]), weightedDice(va, [x], vb, [y + 1]), weightedDice(va, [x - 1], vb, [y]), weightedDice(va, [x + 1], vb, [y]));
    if (s < SANDWICH_MARGIN * rival) continue;
    unitOfA[x] = groups.length;
    unitOfB[y] = groups.length;
    groups.push({ a: [x], b: [y] });
  }
}

/**
 * A text cut off inside a sentence ("... different releases of Debian had different defaults"
 * ending "... I.e., diff", or an excerpt opening "...ferent defaults."): its last (first)
 * sentence, left unaligned, is paired with the other side's sentence after (before) the
 * counterpart of its neighbour when it is that sentence's opening (close), the outer word
 * perhaps cut inside. A truncation keeps a prefix down to the word; unpaired, the fragment was a
 * passage of its own and the truncated copy passed for a text that borrowed from its source, or
 * the other way round. `own` is the side whose outer sentence may be cut.
 */
function pairCutShort(
  groups: Array<{ a: number[]; b: number[] }>,
  unitOfOwn: Int32Array,
  unitOfOther: Int32Array,
  own: readonly (readonly Token[])[],
  other: readonly (readonly Token[])[],
  side: 'a' | 'b',
  end: 'last' | 'first',
  cuts: Map<number, NonNullable<AlignedUnit['cut']>>,
): void {
  if (own.length < 2) return;
  const last = end === 'last';
  const x = last ? own.length - 1 : 0;
  const inward = last ? x - 1 : 1;
  const otherSide = side === 'a' ? 'b' : 'a';
  // Words read from the cut inwards: a sentence's close, read backwards, is an opening.
  const read = (tokens: readonly Token[] | undefined): string[] => {
    const words = (tokens ?? []).map((t) => t.norm);
    return last ? words : words.reverse().map((w) => [...w].reverse().join(''));
  };
  const fragment = read(own[x]);
  const record = (k: number, whole: string[]): void => {
    const cut = cutOf(side, fragment, whole);
    const forwards = (w: string): string => [...w].reverse().join('');
    cuts.set(k, last ? cut : { ...cut, beyond: cut.beyond.map(forwards).reverse(), ...(cut.partial !== undefined ? { partial: forwards(cut.partial) } : {}) });
  };
  const paired = unitOfOwn[x] ?? -1;
  if (paired !== -1) {
    // Already paired by its words: a cut sentence still, if the pair is one to one.
    const group = groups[paired] as { a: number[]; b: number[] };
    const whole = group[otherSide].length === 1 && group[side].length === 1 ? read(other[group[otherSide][0] as number]) : [];
    if (isOpening(fragment, whole)) record(paired, whole);
    return;
  }
  const neighbour = unitOfOwn[inward] ?? -1;
  if (neighbour === -1) return;
  const group = groups[neighbour] as { a: number[]; b: number[] };
  if ((last ? Math.max(...group[side]) : Math.min(...group[side])) !== inward) return;
  const y = last ? Math.max(...group[otherSide]) + 1 : Math.min(...group[otherSide]) - 1;
  if (y < 0 || y >= other.length || unitOfOther[y] !== -1) return;
  const whole = read(other[y]);
  if (!isOpening(fragment, whole)) return;
  unitOfOwn[x] = groups.length;
  unitOfOther[y] = groups.length;
  record(groups.length, whole);
  groups.push(side === 'a' ? { a: [x], b: [y] } : { a: [y], b: [x] });
}

/** The cut of a fragment that opens `whole` (both read from the cut inwards). */
function cutOf(side: 'a' | 'b', fragment: readonly string[], whole: readonly string[]): NonNullable<AlignedUnit['cut']> {
  const outer = fragment.at(-1) as string;
  const inside = outer !== whole[fragment.length - 1];
  return { side, beyond: whole.slice(fragment.length - (inside ? 1 : 0)), ...(inside ? { partial: outer } : {}) };
}

/** A cut sentence keeps at least this many letters: a lone "I" or "A" is anyone's opening. */
const MIN_FRAGMENT_LETTERS = 4;

/** The words open the sentence `whole`, which goes on; the last of them may be cut inside a word. */
function isOpening(fragment: readonly string[], whole: readonly string[]): boolean {
  if (fragment.length === 0 || fragment.length > whole.length) return false;
  if (fragment.join('').length < MIN_FRAGMENT_LETTERS) return false;
  const last = fragment.length - 1;
  for (let i = 0; i < last; i++) if (fragment[i] !== whole[i]) return false;
  const tail = fragment[last] as string;
  const word = whole[last] as string;
  return word.startsWith(tail) && (word !== tail || fragment.length < whole.length);
}

function absorbNeighbours(
  groups: Array<{ a: number[]; b: number[] }>,
  side: 'a' | 'b',
  unitOf: Int32Array,
  own: StemSets,
  other: StemSets,
): void {
  const otherSide = side === 'a' ? 'b' : 'a';
  let changed = true;
  while (changed) {
    changed = false;
    for (let x = 0; x < own.total.length; x++) {
      if (unitOf[x] !== -1) continue;
      let best = -1;
      let bestGain = 0;
      for (const n of [x - 1, x + 1]) {
        const g = n >= 0 && n < own.total.length ? (unitOf[n] ?? -1) : -1;
        if (g === -1) continue;
        const group = groups[g] as { a: number[]; b: number[] };
        if (group[side].length >= MAX_UNIT_SENTENCES) continue;
        const inside = containmentOf(own, x, other, group[otherSide]);
        if (inside < MERGE_CONTAINMENT) continue;
        const before = weightedDice(own, group[side], other, group[otherSide]);
        const after = weightedDice(own, [...group[side], x], other, group[otherSide]);
        if (after > before && after - before > bestGain) {
          best = g;
          bestGain = after - before;
        }
      }
      if (best !== -1) {
        (groups[best] as { a: number[]; b: number[] })[side].push(x);
        unitOf[x] = best;
        changed = true;
      }
    }
  }
}

function describeUnit(a: PreparedDocument, b: PreparedDocument, ia: number[], ib: number[], score: number, words: WordKnowledge): AlignedUnit {
  // One sentence written the same on both sides (most units of copies): its words are the same,
  // so the diff has nothing to say; worked out in full, they took 40% of the time of this function
  // on the bench folder.
  const onlyA = ia.length === 1 ? a.spans[ia[0] as number] : undefined;
  const onlyB = ib.length === 1 ? b.spans[ib[0] as number] : undefined;
  if (onlyA && onlyB && onlyA.text === onlyB.text) {
    return { a: ia, b: ib, score: round(score, 4), retention: 1, kind: 'identical', edits: [] };
  }
  const ta = ia.flatMap((i) => a.tokens[i] ?? []);
  const tb = ib.flatMap((i) => b.tokens[i] ?? []);
  const wa = ta.map((t) => t.norm);
  const wb = tb.map((t) => t.norm);
  const ops = withJoinsEqual(diffWords(wa, wb), wa, wb);
  const retention = wa.length + wb.length === 0 ? 1 : (2 * commonLength(ops)) / (wa.length + wb.length);
  const rawA = ia.map((i) => a.spans[i]?.text ?? '').join(' ');
  const rawB = ib.map((i) => b.spans[i]?.text ?? '').join(' ');
  const edits = withContext(ops, wa, wb, words).map((o) => toEdit(o, quoter(a), ta, wa, quoter(b), tb, wb));
  return { a: ia, b: ib, score: round(score, 4), retention: round(retention, 4), kind: unitKind(rawA, rawB, retention, ops), edits };
}

/**
 * A replacement whose two sides are the same letters cut differently ("avail-\nable" and
 * "available", "non-LTS" and "nonLTS", "can not" and "cannot") is typography: the line-end
 * hyphen a text extracted from print or OCR keeps, or an extractor's join of a hyphenated
 * compound. Read as equal, a unit that differs only so is typographic, and no drift is
 * reported for it.
 */
function withJoinsEqual(ops: readonly DiffOp[], wa: readonly string[], wb: readonly string[]): DiffOp[] {
  const letters = (words: readonly string[]): string => words.join('').replace(ABBREVIATION_DOT, '');
  return ops.map((o) => (o.op === 'replace' && letters(wa.slice(o.a[0], o.a[1])) === letters(wb.slice(o.b[0], o.b[1])) ? { ...o, op: 'equal' } : o));
}
/**
 * A full stop after a letter inside a word: an abbreviation's, which house styles keep or drop
 * ("7 a.m." / "7am", "U.S." / "US"). Not one between digits: "1.5" is no "15".
 */
const ABBREVIATION_DOT = /(?<=\p{L})\./gu;

/**
 * Labels how one aligned unit was rewritten, from its word diff: `substituted` when most changed
 * words sit in short in-place swaps (an article spinner's signature), `translated` when the
 * order and function words shift but much of the wording survives, `paraphrase` when little does.
 */
function unitKind(rawA: string, rawB: string, retention: number, ops: readonly DiffOp[]): UnitKind {
  if (rawA === rawB) return 'identical';
  if (ops.every((o) => o.op === 'equal')) return 'typographic';
  if (retention >= 0.9) return 'edited';
  let changed = 0;
  let swapped = 0;
  for (const o of ops) {
    if (o.op === 'equal') continue;
    const size = o.a[1] - o.a[0] + (o.b[1] - o.b[0]);
    changed += size;
    if (o.op === 'replace' && o.a[1] - o.a[0] <= 3 && o.b[1] - o.b[0] <= 3) swapped += size;
  }
  if (retention >= 0.45 && swapped / changed >= 0.6) return 'substituted';
  if (retention >= 0.3) return 'translated';
  return 'paraphrase';
}

const CONTEXT_MAX_WORDS = 2;

/** What attaching an edit to its context asks of the words: which phrases are lemmas, which words function words. */
export type WordKnowledge = Pick<Lexicon, 'isLemma' | 'isFunctionWord'>;

/**
 * The non-equal runs of a diff as edits. A short pure insertion or deletion takes the word next
 * to it along, so that "court" + "docket" reads as the substitution "court" -> "court docket",
 * which is how a reader names such drift. Which neighbour: the one it makes a dictionary lemma
 * with ("software" -> "computer software", "more" -> "sir thomas more": a spinner's multiword
 * synonym, named by the word it replaced); failing that, the word before it, unless that is a
 * function word and the word after is not ("the backing" + "financial" reads "backing" ->
 * "financial backing"). `wa` and `wb` are the words of the two sides; the neighbours are read
 * from `wa` (they are equal runs).
 */
function withContext(ops: readonly DiffOp[], wa: readonly string[], wb: readonly string[], words: WordKnowledge): DiffOp[] {
  const out: DiffOp[] = [];
  ops.forEach((o, k) => {
    if (o.op === 'equal') return;
    const size = Math.max(o.a[1] - o.a[0], o.b[1] - o.b[0]);
    if (o.op === 'replace' || size > CONTEXT_MAX_WORDS) {
      out.push(o);
      return;
    }
    const before = ops[k - 1]?.op === 'equal';
    const after = ops[k + 1]?.op === 'equal';
    const previous = wa[o.a[0] - 1] ?? '';
    const next = wa[o.a[1]] ?? '';
    const changed = (o.op === 'insert' ? wb.slice(o.b[0], o.b[1]) : wa.slice(o.a[0], o.a[1])).join(' ');
    const isLemma = (phrase: string): boolean => words.isLemma?.(phrase) ?? false;
    const lemmaBefore = before && isLemma(`${previous} ${changed}`);
    const lemmaAfter = after && isLemma(`${changed} ${next}`);
    const preferAfter =
      before && after && (lemmaAfter !== lemmaBefore ? lemmaAfter : words.isFunctionWord(previous) && !words.isFunctionWord(next));
    if (before && !preferAfter) {
      out.push({ op: 'replace', a: [o.a[0] - 1, o.a[1]], b: [o.b[0] - 1, o.b[1]] });
    } else if (after) {
      out.push({ op: 'replace', a: [o.a[0], o.a[1] + 1], b: [o.b[0], o.b[1] + 1] });
    } else {
      out.push(o);
    }
  });
  return out;
}

/**
 * What an edit quotes between two offsets of a text: the text as written, but where markup lies
 * between the words ("Pirillo&nbsp;</font></P> <p><br><table bgcolor=...>", "&quot;Drive"), what
 * a reader of the page sees, read from the text with its markup blanked: of the same length, so
 * that offsets still find words in it (evidence.ts cuts quotes by them); the reports drop the
 * blanks (visibleQuote).
 */
type Quoter = (start: number, end: number) => string;

function quoter(doc: PreparedDocument): Quoter {
  return (start, end) => {
    const raw = doc.text.slice(start, end);
    return raw.includes('<') || raw.includes('&') ? pageText(doc).slice(start, end) : raw;
  };
}

function toEdit(
  o: DiffOp,
  textA: Quoter,
  ta: readonly Token[],
  wa: readonly string[],
  textB: Quoter,
  tb: readonly Token[],
  wb: readonly string[],
): Edit {
  const kind: EditKind = o.op === 'replace' ? 'substitution' : o.op === 'delete' ? 'deletion' : 'insertion';
  return {
    kind,
    aText: quote(textA, ta, o.a[0], o.a[1]),
    bText: quote(textB, tb, o.b[0], o.b[1]),
    aWords: wa.slice(o.a[0], o.a[1]),
    bWords: wb.slice(o.b[0], o.b[1]),
    aOffsets: ta.slice(o.a[0], o.a[1]).map((t) => t.start),
    bOffsets: tb.slice(o.b[0], o.b[1]).map((t) => t.start),
  };
}

function quote(text: Quoter, tokens: readonly Token[], from: number, to: number): string {
  if (to <= from) return '';
  const first = tokens[from];
  const last = tokens[to - 1];
  return first && last ? text(first.start, last.end) : '';
}

/**
 * Every sentence pair at or above MIN_SENTENCE_SIMILARITY, by weightedDice computed on the
 * packed stem sets, summed in the same order as weightedDice's, so the scores are the same
 * numbers to the last bit; the caller sorts the pairs, so their order here does not matter.
 *
 * Only pairs that pass prefix filtering (Bayardo, Ma and Srikant 2007, "Scaling up all pairs
 * similarity search") are scored: a pair of Dice t must share weight at least t / (2 - t) of
 * either sentence's total, so its rarest shared stem lies in both sentences' prefixes (their
 * stems in one global order, rarest first, up to the point where what is left weighs less than
 * that). An inverted index of the prefixes of x finds, for each sentence of y, the sentences
 * worth scoring; common words, which most sentences share, stay out of it. Two mails of 500
 * lines no longer cost 250,000 sentence comparisons.
 */
export function sentencePairs(xs: StemSets, ys: StemSets): Array<{ i: number; j: number; s: number }> {
  const px = prefixes(xs);
  const py = prefixes(ys);
  postingOf.clear(xs.index.weight.length);
  px.keys.forEach((id, q) => postingOf.set(id, q));
  const seen = new Int32Array(xs.total.length).fill(-1);
  const out: Array<{ i: number; j: number; s: number }> = [];
  for (let j = 0; j < ys.total.length; j++) {
    inY.clear(xs.index.weight.length);
    const y0 = ys.start[j] as number;
    const y1 = ys.start[j + 1] as number;
    for (let k = y0; k < y1; k++) inY.add(ys.ids[k] as number);
    const ty = ys.total[j] as number;
    for (let q = py.start[j] as number; q < (py.start[j + 1] as number); q++) {
      const posting = postingOf.get(py.ids[q] as number);
      if (posting < 0) continue;
      for (let r = px.postings[posting] as number; r < (px.postings[posting + 1] as number); r++) {
        const i = px.sentences[r] as number;
        if (seen[i] === j) continue;
        seen[i] = j;
        // The shared weight is at most the lighter sentence's, so a pair of very unequal sentences
        // cannot reach the threshold; skipping it changes no score (the margin covers rounding).
        const tx = xs.total[i] as number;
        if ((2 * Math.min(tx, ty)) / (tx + ty) < MIN_SENTENCE_SIMILARITY - 1e-9) continue;
        let shared = 0;
        for (let k = xs.start[i] as number; k < (xs.start[i + 1] as number); k++) if (inY.has(xs.ids[k] as number)) shared += xs.weights[k] as number;
        let total = tx;
        for (let k = y0; k < y1; k++) total += ys.weights[k] as number;
        const s = total === 0 ? 0 : (2 * shared) / total;
        if (s >= MIN_SENTENCE_SIMILARITY) out.push({ i, j, s });
      }
    }
  }
  return out;
}

/**
 * Each sentence's prefix (see sentencePairs), for the index's order when it was built, and their
 * inverted index, kept with the document since it is the x of many pairs: the sentences whose
 * prefix holds stem keys[q] are sentences[postings[q]..postings[q + 1]), in order.
 */
interface Prefixes {
  readonly rank: Int32Array;
  readonly ids: Int32Array;
  readonly start: Int32Array;
  readonly keys: Int32Array;
  readonly postings: Int32Array;
  readonly sentences: Int32Array;
}

const prefixCache = new WeakMap<StemSets, Prefixes>();

function prefixes(sets: StemSets): Prefixes {
  const rank = prefixOrder(sets.index);
  const cached = prefixCache.get(sets);
  if (cached && cached.rank === rank) return cached;
  // Slightly less than the least shared weight, so that rounding never drops a pair.
  const needed = (MIN_SENTENCE_SIMILARITY / (2 - MIN_SENTENCE_SIMILARITY)) * (1 - 1e-9);
  const ids: number[] = [];
  const start = new Int32Array(sets.total.length + 1);
  for (let s = 0; s < sets.total.length; s++) {
    start[s] = ids.length;
    const from = sets.start[s] as number;
    const order = Array.from({ length: (sets.start[s + 1] as number) - from }, (_, k) => from + k).sort(
      (p, q) => (rank[sets.ids[p] as number] as number) - (rank[sets.ids[q] as number] as number),
    );
    const total = sets.total[s] as number;
    let rest = total;
    for (const k of order) {
      if (rest < needed * total) break;
      ids.push(sets.ids[k] as number);
      rest -= sets.weights[k] as number;
    }
  }
  start[sets.total.length] = ids.length;
  const out = { rank, ids: Int32Array.from(ids), start, ...invertedIndex(ids, start) };
  prefixCache.set(sets, out);
  return out;
}

/** Stem -> sentences of the prefixes, in compressed rows (see Prefixes). */
function invertedIndex(ids: readonly number[], start: Int32Array): Pick<Prefixes, 'keys' | 'postings' | 'sentences'> {
  const sentenceOf = new Int32Array(ids.length);
  for (let s = 0; s + 1 < start.length; s++) sentenceOf.fill(s, start[s] as number, start[s + 1] as number);
  const order = Array.from({ length: ids.length }, (_, k) => k).sort((p, q) => (ids[p] as number) - (ids[q] as number) || p - q);
  const keys: number[] = [];
  const postings: number[] = [];
  const sentences = new Int32Array(ids.length);
  order.forEach((k, r) => {
    const id = ids[k] as number;
    if (keys.length === 0 || keys[keys.length - 1] !== id) {
      keys.push(id);
      postings.push(r);
    }
    sentences[r] = sentenceOf[k] as number;
  });
  postings.push(ids.length);
  return { keys: Int32Array.from(keys), postings: Int32Array.from(postings), sentences };
}

const inY = new StemMarks();
const postingOf = new StemSlots();
const inX = new StemMarks();
const counted = new StemMarks();

/**
 * Dice of the union of sentences `ia` of x and of `ib` of y, each stem counted once, summed in
 * the order of first occurrence as a Map of the union would be.
 */
function weightedDice(x: StemSets, ia: readonly number[], y: StemSets, ib: readonly number[]): number {
  markUnion(inY, y, ib);
  counted.clear(x.index.weight.length);
  let total = 0;
  let shared = 0;
  for (const s of ia) {
    for (let k = x.start[s] as number; k < (x.start[s + 1] as number); k++) {
      const id = x.ids[k] as number;
      if (counted.has(id)) continue;
      counted.add(id);
      const w = x.weights[k] as number;
      total += w;
      if (inY.has(id)) shared += w;
    }
  }
  counted.clear(x.index.weight.length);
  for (const s of ib) {
    for (let k = y.start[s] as number; k < (y.start[s + 1] as number); k++) {
      const id = y.ids[k] as number;
      if (counted.has(id)) continue;
      counted.add(id);
      total += y.weights[k] as number;
    }
  }
  return total === 0 ? 0 : (2 * shared) / total;
}

/** Share of sentence s of x's stem weight found in the union of sentences `ib` of y. */
function containmentOf(x: StemSets, s: number, y: StemSets, ib: readonly number[]): number {
  markUnion(inX, y, ib);
  let total = 0;
  let found = 0;
  for (let k = x.start[s] as number; k < (x.start[s + 1] as number); k++) {
    const w = x.weights[k] as number;
    total += w;
    if (inX.has(x.ids[k] as number)) found += w;
  }
  return total === 0 ? 0 : found / total;
}

function markUnion(marks: StemMarks, sets: StemSets, sentences: readonly number[]): void {
  marks.clear(sets.index.weight.length);
  for (const s of sentences) for (let k = sets.start[s] as number; k < (sets.start[s + 1] as number); k++) marks.add(sets.ids[k] as number);
}

/**
 * Inverse document frequency of each stem over all units of all documents: log(1 + N / df).
 * Topic words that every version repeats ("Trump", "ceasefire") weigh little; what only some
 * sentences share weighs much.
 */
export function stemWeights(documents: Iterable<Pick<PreparedDocument, 'tokens'>>): Map<string, number> {
  // Per stem, the units holding it and the last unit counted (a stem counts once per unit), in
  // one entry looked up once per word: a Set of each sentence's stems cost more than the counting.
  const df = new Map<string, { units: number; last: number }>();
  let units = 0;
  for (const d of documents) {
    for (const tokens of d.tokens) {
      units++;
      for (const { stem } of tokens) {
        const entry = df.get(stem);
        if (!entry) df.set(stem, { units: 1, last: units });
        else if (entry.last !== units) {
          entry.units++;
          entry.last = units;
        }
      }
    }
  }
  const weights = new Map<string, number>();
  for (const [stem, entry] of df) weights.set(stem, Math.log(1 + units / entry.units));
  return weights;
}

function indexesWhere(values: Int32Array, wanted: number): number[] {
  const out: number[] = [];
  values.forEach((v, i) => {
    if (v === wanted) out.push(i);
  });
  return out;
}


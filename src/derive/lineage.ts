import { isPassage, type Character, type CollationUnit } from './collate.js';
import type { Reading } from './features.js';
import { keptTooFew } from './inheritance.js';
import { ROOT } from './stemma.js';

/**
 * Passages a text has and its source lacks must number at least this many before they speak for
 * another source: a single shared sentence is as often a quotation both texts took from elsewhere.
 */
export const MIN_LINEAGE_PASSAGES = 2;

/** Distinct words in a passage that make it a paragraph of its own, no quotation (see fewerBorrowers). */
const LONG_PASSAGE_WORDS = 25;

/** A member moved to an ancestor of the parent the stemma gave it (see regainedPassages). */
export interface Rehung {
  readonly parent: number;
  /** The parent the stemma gave it. */
  readonly from: number;
  /** Collation units the member has, `from` lacks and `parent` has. */
  readonly passages: readonly number[];
}

/**
 * Members the stemma hangs under a parent p that lacks passages they have, where an ancestor q of
 * p has them: a copy does not regain a passage its source dropped (Dollo's law, for characters
 * that are hard to gain and easy to lose), so q is the simpler source unless the member and p
 * share innovations against q (a reading they have and q lacks, or a substitution) and the
 * member kept p's innovations as a copy keeps its exemplar's (keptTooFew, as inheritedDrift
 * asks of the aligned words). Two round trips through related languages share a third to two
 * thirds of their changes by chance, Apertium's Spanish and Galician engines being near kin: a
 * Galician round trip of a wire that kept two paragraphs an outlet's edit of it dropped was hung
 * under the edit's Spanish round trip on 18 such agreements, though it undid 9 of that round
 * trip's changes (fixtures/story/ruling-present). Shared omissions are no such proof: two
 * copies that each drop a fifth of the sentences, or one that is truncated, drop some of the
 * same ones by chance, and that is what drew the stemma to p.
 * The ancestor is the one that has the most of those passages; on a tie, the one whose readings
 * the member departs from least, then the nearest (a paraphrase hung under a brief of a
 * retypeset copy had gone to the copy, whose curly apostrophes it does not write, rather than to
 * the original it was made from, fixtures/story/budget-present); it needs
 * MIN_LINEAGE_PASSAGES of them, or one that the member has word for word as the ancestor does: a
 * sentence copied verbatim is no independent creation, while one paraphrased sentence may be a
 * loose alignment (on Clough's answers, accepting any single passage moved 2 parents wrongly).
 * Nor is a sentence that MIN_LINEAGE_PASSAGES other members write too, none quoting it (`quotes`:
 * a reply chooses what it quotes): three texts do not align loosely on one place. Clough answers
 * hung under another answer that lacks a sentence of the article, which they and two more answers
 * keep, went back to the article (57 -> 62 of 100 parents), and a King James original hung under
 * the lost source of its own edit went back to the root (generated s3202, 73 -> 75 of 78, two false derivations fewer).
 * A lost source has the passages its parsimony leaves undecided too: the stemma that hung the
 * member under p is what made them tie (a Catalan round trip of a lost wire hung under the
 * Spanish one, the two agreeing on their engines' renderings, though it keeps the paragraph the
 * Spanish one dropped, fixtures/story/stmt).
 * `readingOf(x)` is member x's reading, or the lost source's for x = k; `lostStates` the lost
 * source's states per character. Returns member -> new parent.
 */
export function regainedPassages(
  k: number,
  parent: readonly number[],
  units: readonly CollationUnit[],
  characters: readonly Character[],
  readingOf: (x: number) => Reading,
  lostStates: Int8Array,
  quotes: (x: number, u: number) => boolean,
): Map<number, Rehung> {
  const out = new Map<number, Rehung>();
  const stateOf = (ch: Character, i: number, x: number): number => (x === k ? (lostStates[i] as number) : (ch.state[x] as number));
  // Members other than m that have passage u as their own text, not quoting it.
  const heldElsewhere = (u: number, m: number): boolean => {
    let n = 0;
    for (let x = 0; x < k; x++) if (x !== m && readingOf(x).has(u) && !quotes(x, u)) n++;
    return n >= MIN_LINEAGE_PASSAGES;
  };
  const undecided = new Set(characters.flatMap((ch, i) => (isPassage(ch) && lostStates[i] === -1 ? [ch.unit] : [])));
  for (let m = 0; m < k; m++) {
    const p = parent[m] as number;
    if (p === ROOT || p === k) continue;
    const own = readingOf(m);
    const from = readingOf(p);
    const regained = passagesBeyond(units, own, from);
    if (regained.length === 0) continue;
    let best: { q: number; passages: number[]; verbatim: number; differ: number } | undefined;
    for (let q = parent[p] as number; q !== ROOT; q = q === k ? ROOT : (parent[q] as number)) {
      const ancestor = readingOf(q);
      const passages = regained.filter((u) => ancestor.has(u) || (q === k && undecided.has(u)));
      const verbatim = passages.filter((u) => sameWords(own.words(u), ancestor.words(u))).length;
      const differ = characters.filter((ch, i) => {
        const [sm, sq] = [ch.state[m] as number, stateOf(ch, i, q)];
        return sm >= 0 && sq >= 0 && sm !== sq;
      }).length;
      if (!best || passages.length > best.passages.length || (passages.length === best.passages.length && differ < best.differ)) best = { q, passages, verbatim, differ };
    }
    if (!best || (best.passages.length < MIN_LINEAGE_PASSAGES && best.verbatim === 0 && !best.passages.some((u) => heldElsewhere(u, m)))) continue;
    const q = best.q;
    const { shared, undone } = innovationsKept(characters, m, p, (ch, i) => stateOf(ch, i, q));
    if (shared === 0 || keptTooFew(undone, shared + undone)) out.set(m, { parent: q, from: p, passages: best.passages });
  }
  return out;
}

/**
 * Of the innovations of p against an ancestor (a reading p has and the ancestor lacks, or a
 * substitution), how many member m shares and how many it does not: a copy of p keeps them.
 * `ancestorState(ch, i)` is the ancestor's state of character i. With `rewordedAgain`, a word of
 * p's that m lacks outside a substitution site is not counted as undone: m may have reworded it
 * in its turn, which a word's presence cannot tell from going back to the ancestor's.
 */
export function innovationsKept(
  characters: readonly Character[],
  m: number,
  p: number,
  ancestorState: (ch: Character, i: number) => number,
  rewordedAgain = false,
): { shared: number; undone: number } {
  let shared = 0;
  let undone = 0;
  characters.forEach((ch, i) => {
    const [sm, sp, sq] = [ch.state[m] as number, ch.state[p] as number, ancestorState(ch, i)];
    if (sm < 0 || sp < 0 || sq < 0 || sp === sq) return;
    if (ch.site === undefined && sp !== 1) return;
    if (sm === sp) shared++;
    else if (!rewordedAgain || ch.site !== undefined || ch.word === undefined) undone++;
  });
  return { shared, undone };
}

/** The collation units a reading has and another lacks. */
function passagesBeyond(units: readonly CollationUnit[], own: Reading, other: Reading): number[] {
  return units.flatMap((_, u) => (own.has(u) && !other.has(u) ? [u] : []));
}

function sameWords(x: ReadonlySet<string>, y: ReadonlySet<string>): boolean {
  if (x.size !== y.size) return false;
  for (const w of x) if (!y.has(w)) return false;
  return true;
}

/** Another member that lent member m passages its source lacks (see secondSource). */
export interface LentPassages {
  readonly member: number;
  readonly passages: readonly number[];
}

/**
 * A second source of member m (contamination): the member, other than m's source and m's own
 * descendants, that has the most of the passages m has and its source lacks, at least
 * MIN_LINEAGE_PASSAGES of them. The passages must be that member's by descent (its own source has
 * them too, or it is the original) or its own before m had them (a copy of it, outside m's line,
 * has them too: an outlet's added paragraph that its round trip keeps was the outlet's, and the
 * round trip, which has it by descent, is not the lender). Where neither holds, either of the two
 * may have added them first, and nothing says which way they went.
 * `sourceOf(q)` is the reading member q was made from, undefined for the original.
 */
export function secondSource(
  units: readonly CollationUnit[],
  parent: readonly number[],
  m: number,
  readingOf: (x: number) => Reading,
  sourceOf: (q: number) => Reading | undefined,
): LentPassages | undefined {
  const source = sourceOf(m);
  if (!source) return undefined;
  const own = readingOf(m);
  const added = passagesBeyond(units, own, source);
  if (added.length < MIN_LINEAGE_PASSAGES) return undefined;
  const below = descendants(parent, m);
  let found: LentPassages | undefined;
  for (let q = 0; q < parent.length; q++) {
    if (q === parent[m] || below.has(q)) continue;
    const lender = readingOf(q);
    const before = sourceOf(q);
    const copies = [...descendants(parent, q)].filter((x) => x !== q && !below.has(x)).map(readingOf);
    const passages = added.filter((u) => lender.has(u) && (before === undefined || before.has(u) || copies.some((c) => c.has(u))));
    if (passages.length >= Math.max(MIN_LINEAGE_PASSAGES, (found?.passages.length ?? 0) + 1)) found = { member: q, passages };
  }
  return found;
}

/**
 * Two texts of one line, a copy m under its exemplar p, where m has passages p lacks that an
 * ancestor q of p has: as drawn, m took them from q besides p, a second source. Drawn the other
 * way round (m from q, p from m) those passages are m's by descent, and p's passages beyond m
 * may be borrowed instead. Contamination is rarer than copying, and a text borrows no more than
 * it needs, so the stemma with fewer borrowed passages is taken: a text within the original's
 * content is nearer the original than one that mixes in another branch's. A blog that ran a
 * paraphrase's first paragraphs and then two of an outlet's edit had been drawn as the
 * paraphrase's exemplar, the paraphrase taking from the wire the four paragraphs the blog
 * lacks (fixtures/story/ruling-present). A passage is borrowed when the text has it, its source
 * lacks it and a text outside its own descendants has it; the swap needs MIN_LINEAGE_PASSAGES of
 * m's, or one of LONG_PASSAGE_WORDS words: a quotation two texts took from elsewhere is a
 * sentence, not a paragraph. An outlet's copy of a round trip that mended four of its garbled
 * phrases and dropped its last paragraph had been drawn as the round trip's exemplar, the round
 * trip taking that paragraph from the wire (fixtures/story/chip).
 * An exemplar that breaks off is no exception: its copy could not have its end either. Sparing
 * it kept the round trip under its copy with the lost source withheld (fixtures/story/chip); the
 * one text that spared it was Notre besoin's F, which took C's text and U's readings and is drawn
 * above U without it (its parent unchanged: 8 of 13 either way, one direction fewer).
 * Nor is a message turned below a member that quotes it (`quoting`: reply, message pairs): a
 * reply quotes what it answers and leaves out the rest.
 * Returns the new parents, and for each member a swap moved, the passages that decided it.
 */
export function fewerBorrowers(
  k: number,
  parent: readonly number[],
  units: readonly CollationUnit[],
  readingOf: (x: number) => Reading,
  quoting: readonly (readonly [number, number])[] = [],
): { parent: readonly number[]; swapped: Map<number, readonly number[]> } {
  const out = [...parent];
  const swapped = new Map<number, readonly number[]>();
  const borrowed = (tree: readonly number[], x: number, y: number): number[] => {
    const below = descendants(tree, x);
    const lenders = [...Array(k).keys(), ...(tree.includes(k) ? [k] : [])].filter((z) => !below.has(z)).map(readingOf);
    const own = readingOf(x);
    const from = readingOf(y);
    return units.flatMap((_, u) => (own.has(u) && !from.has(u) && lenders.some((z) => z.has(u)) ? [u] : []));
  };
  const up = (x: number): number => (x === k ? ROOT : (out[x] as number));
  for (let m = 0; m < k; m++) {
    const p = out[m] as number;
    if (p === ROOT || p === k || swapped.has(m) || swapped.has(p) || quoting.some(([reply, message]) => reply === m && message === p)) continue;
    const lent = borrowed(out, m, p);
    if (lent.length < MIN_LINEAGE_PASSAGES && !lent.some((u) => readingOf(m).words(u).size >= LONG_PASSAGE_WORDS)) continue;
    let q = ROOT;
    let most = 0;
    for (let a = up(p); a !== ROOT; a = up(a)) {
      const ancestor = readingOf(a);
      const has = lent.filter((u) => ancestor.has(u)).length;
      if (has > most) [q, most] = [a, has];
    }
    if (q === ROOT) continue;
    const turned = out.map((x, i) => (i === m ? q : i === p ? m : x));
    const before = lent.length + borrowed(out, p, out[p] as number).length;
    const after = borrowed(turned, m, q).length + borrowed(turned, p, m).length;
    if (after >= before) continue;
    out[m] = q;
    out[p] = m;
    swapped.set(m, lent);
    swapped.set(p, lent);
  }
  return { parent: out, swapped };
}

/** Member m and every member that descends from it in the stemma. */
export function descendants(parent: readonly number[], m: number): Set<number> {
  const out = new Set([m]);
  for (let q = 0; q < parent.length; q++) {
    const path: number[] = [];
    let x = q;
    while (x >= 0 && x < parent.length && !out.has(x) && path.length <= parent.length) {
      path.push(x);
      x = parent[x] as number;
    }
    if (out.has(x)) for (const y of path) out.add(y);
  }
  return out;
}

/**
 * Passages whose presence a stemma cannot explain without a copy regaining what its source had
 * lost (Dollo's law broken): the members that have the passage are not all reached from their
 * common ancestor through members that have it too. A lost node on the way is free to have had
 * it. A stemma of the documents alone that needs such regains, where one with a lost source does
 * not, is evidence for the lost source even when no reading is shared by two witnesses: eight
 * copies that each dropped a different sentence of a lost original can have no copy as their
 * source. The rest of a text that breaks off counts too, once for each line below it that has
 * the rest (tailRegains).
 */
export function dolloViolations(k: number, parent: readonly number[], characters: readonly Character[]): number {
  const up = (x: number): number => (x === k || parent[x] === ROOT ? -1 : (parent[x] as number));
  const depth = (x: number): number => {
    let d = 0;
    for (let y = up(x); y !== -1; y = up(y)) d++;
    return d;
  };
  const depths = Array.from({ length: k + 1 }, (_, x) => depth(x));
  let count = 0;
  for (const ch of characters) {
    if (ch.tail === true) {
      count += tailRegains(ch.state, up);
      continue;
    }
    if (!isPassage(ch)) continue;
    const holders: number[] = [];
    for (let m = 0; m < k; m++) if (ch.state[m] === 1) holders.push(m);
    if (holders.length < 2) continue;
    let top = holders[0] as number;
    for (const h of holders.slice(1)) {
      let x = h;
      let y = top;
      while (depths[x] !== depths[y]) if ((depths[x] as number) > (depths[y] as number)) x = up(x); else y = up(y);
      while (x !== y) {
        x = up(x);
        y = up(y);
      }
      top = x;
    }
    const broken = holders.some((h) => {
      for (let x = h; x !== top; x = up(x)) if (x < k && ch.state[x] === 0) return true;
      return top < k && ch.state[top] === 0;
    });
    if (broken) count++;
  }
  return count;
}

/**
 * The rest of a text that breaks off (collate's tail), had by members copied below the text that
 * lacks it: each such line had it from another exemplar, one regain each. Counted by line, not
 * once: the copies that go on beyond a faithful brief's end are each a regain if the brief is
 * their source, and two or three of them are what tells the brief from the original.
 */
function tailRegains(state: Int8Array, up: (x: number) => number): number {
  let regains = 0;
  state.forEach((v, h) => {
    if (v !== 1) return;
    let x = up(h);
    while (x !== -1 && x < state.length && state[x] === -1) x = up(x);
    if (x !== -1 && x < state.length && state[x] === 0) regains++;
  });
  return regains;
}

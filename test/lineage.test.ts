import { describe, expect, it } from 'vitest';
import type { Character, CollationUnit } from '../src/derive/collate.js';
import { memberReading } from '../src/derive/features.js';
import { dolloViolations, fewerBorrowers, innovationsKept, regainedPassages, secondSource } from '../src/derive/lineage.js';
import { ROOT } from '../src/derive/stemma.js';

const passage = (state: number[]): Character => ({ state: Int8Array.from(state), gain: 2, loss: 1, unit: 0, word: undefined });
const tail = (state: number[]): Character => ({ state: Int8Array.from(state), gain: 2, loss: 0, unit: -1, word: 'breaks off', tail: true });
/** Collation units 0..count-1, each had by the members whose list holds it, one word each. */
const unitsHeld = (members: readonly (readonly number[])[], count: number): CollationUnit[] =>
  Array.from({ length: count }, (_, u) => ({
    members: members.map((held) => (held.includes(u) ? [u] : [])),
    words: members.map((held) => (held.includes(u) ? new Set(['w']) : undefined)),
    unknown: members.map(() => undefined),
  }));

describe('dolloViolations', () => {
  it('counts a passage had by copies of a member that lacks it, not one a lost source may have had', () => {
    const characters = [passage([0, 1, 1])];
    expect(dolloViolations(3, [ROOT, 0, 0], characters)).toBe(1);
    expect(dolloViolations(3, [ROOT, ROOT, 1], characters)).toBe(0);
    expect(dolloViolations(3, [3, 3, 3], characters)).toBe(0);
  });

  it('counts the rest of a text that breaks off, had by its copies: a truncation is no one\'s source', () => {
    // A brief that keeps the opening paragraphs, and two copies that have the rest.
    // Each copy below the brief that goes on had the rest from elsewhere: one regain each.
    const characters = [tail([0, 1, 1])];
    expect(dolloViolations(3, [ROOT, 0, 0], characters)).toBe(2);
    expect(dolloViolations(3, [ROOT, 0, 1], characters)).toBe(1);
    expect(dolloViolations(3, [3, 3, 3], characters)).toBe(0);
    expect(dolloViolations(3, [1, ROOT, 1], characters)).toBe(0);
  });
});

describe('regainedPassages', () => {
  // Member 0 is the original; 1 a round trip of it that dropped passages 2 and 3; 2 a round trip
  // of 0 that kept them. The stemma hangs 2 under 1 because the two agree on some changes.
  const units = unitsHeld([[0, 1, 2, 3], [0, 1], [0, 1, 2, 3]], 4);
  const site = (state: number[]): Character => ({ state: Int8Array.from(state), gain: 1, loss: 1, unit: 0, word: 'x', site: [['x'], ['y']] });
  const rehang = (characters: Character[]) =>
    regainedPassages(3, [ROOT, 0, 1], units, characters, (x) => memberReading(units, x), new Int8Array(characters.length), () => false);

  it('moves a copy that has passages its parent lacks, and undid many of its changes, to the ancestor that has them', () => {
    // Two engines through related languages agree on 6 of the first round trip's changes and not on 6 others.
    const characters = [...Array.from({ length: 6 }, () => site([0, 1, 1])), ...Array.from({ length: 6 }, () => site([0, 1, 0]))];
    expect(rehang(characters).get(2)).toEqual({ parent: 0, from: 1, passages: [2, 3] });
  });

  it("leaves a copy that kept its parent's changes: their agreement is inherited, the passages borrowed", () => {
    const characters = [...Array.from({ length: 12 }, () => site([0, 1, 1])), site([0, 1, 0])];
    expect(rehang(characters).has(2)).toBe(false);
  });

  it('counts a passage the lost source may or may not have had (parsimony tying) as one it had', () => {
    // Under a lost source (3): 0 and 1 its copies, 2 hung under 1 though it has passages 2 and 3,
    // which 1 lacks; the lost source's state is undecided for passage 2 and present for 3.
    const lostUnits = unitsHeld([[0, 1, 2, 3], [0, 1], [0, 1, 2, 3]], 4);
    const characters = [
      { ...passage([1, 0, 1]), unit: 2 },
      { ...passage([1, 0, 1]), unit: 3 },
      ...Array.from({ length: 6 }, () => site([0, 1, 0])),
    ];
    const lostStates = Int8Array.from([-1, 1, ...Array.from({ length: 6 }, () => 0)]);
    const lostReading = (x: number) => (x === 3 ? { ...memberReading(lostUnits, 0), has: (u: number) => u !== 2 } : memberReading(lostUnits, x));
    const rehung = regainedPassages(3, [3, 3, 1], lostUnits, characters, lostReading, lostStates, () => false);
    expect(rehung.get(2)).toEqual({ parent: 3, from: 1, passages: [2, 3] });
  });
});

describe('regainedPassages, one reworded passage', () => {
  // 0: the original, passages 0-3. 1: a copy that dropped passage 3. 2: a copy of 0 that the
  // stemma hung under 1, with passage 3 in words of its own. 3: another copy of 0.
  const held = [[0, 1, 2, 3], [0, 1, 2], [0, 1, 2, 3], [0, 1, 2, 3]];
  const units: CollationUnit[] = [0, 1, 2, 3].map((u) => ({
    members: held.map((h) => (h.includes(u) ? [u] : [])),
    words: held.map((h, x) => (h.includes(u) ? new Set([`w${x}`]) : undefined)),
    unknown: held.map(() => undefined),
  }));
  // 1's changes against 0, which 2 does not share.
  const characters: Character[] = Array.from({ length: 6 }, () => ({ state: Int8Array.from([0, 1, 0, 0]), gain: 1, loss: 1, unit: 0, word: 'x', site: [['x'], ['y']] }));
  const rehang = (unitsOf: CollationUnit[], quotes: (x: number, u: number) => boolean) =>
    regainedPassages(4, [ROOT, 0, 1, 0], unitsOf, characters, (x) => memberReading(unitsOf, x), new Int8Array(characters.length), quotes);

  it('moves the copy to the ancestor when two other members write the passage too', () => {
    expect(rehang(units, () => false).get(2)).toEqual({ parent: 0, from: 1, passages: [3] });
  });

  it('leaves it where one other member quotes the passage (a reply chooses what it quotes) or lacks it', () => {
    expect(rehang(units, (x, u) => x === 3 && u === 3).has(2)).toBe(false);
    const lacked = units.map((unit, u) => (u === 3 ? { ...unit, members: unit.members.map((m, x) => (x === 3 ? [] : m)), words: unit.words.map((w, x) => (x === 3 ? undefined : w)) } : unit));
    expect(rehang(lacked, () => false).has(2)).toBe(false);
  });
});

describe('fewerBorrowers', () => {
  // 0: the original, passages 0-5. 1: an outlet's edit, 0-3 and an added passage 6.
  // 2: a paraphrase of 0 that kept 0-5. 3: a blog, the paraphrase's 0-1 and the edit's 3 and 6.
  // The stemma drew the paraphrase under the blog (it shares the blog's wording), so the
  // paraphrase took 2, 4 and 5 from the original besides, while the blog borrowed nothing.
  const members = [
    [0, 1, 2, 3, 4, 5],
    [0, 1, 2, 3, 6],
    [0, 1, 2, 3, 4, 5],
    [0, 1, 3, 6],
  ];
  const units = unitsHeld(members, 7);
  const readingOf = (x: number) => memberReading(units, x);

  it('turns a copy and its exemplar round when that leaves fewer passages borrowed', () => {
    // As drawn: the paraphrase borrows 2, 4 and 5; turned round, the blog borrows 6 from the edit.
    const { parent, swapped } = fewerBorrowers(4, [ROOT, 0, 3, 1], units, readingOf);
    expect(parent).toEqual([ROOT, 0, 0, 2]);
    expect(swapped.get(2)).toEqual([2, 4, 5]);
  });

  it('turns a copy round from an exemplar that lacks one paragraph it has, not one sentence', () => {
    // 0: the original, passages 0-3. 1: a round trip of it, all four. 2: an outlet's copy of the
    // round trip without its last paragraph, drawn as the round trip's exemplar.
    const words = (n: number): Set<string> => new Set(Array.from({ length: n }, (_, i) => `w${i}`));
    const held = (lastWords: number): CollationUnit[] =>
      [0, 1, 2, 3].map((u) => ({
        members: [[u], [u], u === 3 ? [] : [u]],
        words: [words(u === 3 ? lastWords : 5), words(u === 3 ? lastWords : 5), u === 3 ? undefined : words(5)],
        unknown: [undefined, undefined, undefined],
      }));
    const paragraph = held(30);
    expect(fewerBorrowers(3, [ROOT, 2, 0], paragraph, (x) => memberReading(paragraph, x)).parent).toEqual([ROOT, 0, 1]);
    const sentence = held(8);
    expect(fewerBorrowers(3, [ROOT, 2, 0], sentence, (x) => memberReading(sentence, x)).parent).toEqual([ROOT, 2, 0]);
  });
});

describe('secondSource', () => {
  // 0: the original, passages 0-3. 1: an edit that adds passage 4 and 5. 2: a round trip of the
  // edit, keeping them. 3: a copy of the original that took 4 and 5 too.
  const units = unitsHeld([[0, 1, 2, 3], [0, 1, 2, 3, 4, 5], [0, 1, 2, 3, 4, 5], [0, 1, 2, 3, 4, 5]], 6);
  const readingOf = (x: number) => memberReading(units, x);

  it('names the text that added the passages, not a copy that has them by descent', () => {
    const parent = [ROOT, 0, 1, 0];
    const sourceOf = (q: number) => (parent[q] === ROOT ? undefined : readingOf(parent[q] as number));
    expect(secondSource(units, parent, 3, readingOf, sourceOf)).toEqual({ member: 1, passages: [4, 5] });
  });
});

describe('innovationsKept', () => {
  const word = (state: number[]): Character => ({ state: Int8Array.from(state), gain: 1, loss: 1, unit: 0, word: 'w' });
  const site = (state: number[]): Character => ({ state: Int8Array.from(state), gain: 1, loss: 1, unit: 0, word: 'x', site: [['x'], ['y']] });
  // Member 0 the ancestor, 1 its copy p, 2 the text asked about (m).
  const ancestor = (ch: Character): number => ch.state[0] as number;

  it('counts the innovations of p that m shares and those it undid', () => {
    const characters = [site([0, 1, 1]), site([0, 1, 0]), word([0, 1, 1]), word([0, 1, 0]), word([1, 1, 0])];
    expect(innovationsKept(characters, 2, 1, ancestor)).toEqual({ shared: 2, undone: 2 });
  });

  it('with rewordedAgain, takes a word of p that m lacks outside a site for reworded, not undone', () => {
    const characters = [site([0, 1, 1]), site([0, 1, 0]), word([0, 1, 1]), word([0, 1, 0])];
    expect(innovationsKept(characters, 2, 1, ancestor, true)).toEqual({ shared: 2, undone: 1 });
  });
});

import { describe, expect, it } from 'vitest';
import type { Character, CollationUnit } from '../src/derive/collate.js';
import { memberReading } from '../src/derive/features.js';
import { dolloViolations, regainedPassages } from '../src/derive/lineage.js';
import { ROOT } from '../src/derive/stemma.js';

const passage = (state: number[]): Character => ({ state: Int8Array.from(state), gain: 2, loss: 1, unit: 0, word: undefined });
const tail = (state: number[]): Character => ({ state: Int8Array.from(state), gain: 2, loss: 0, unit: -1, word: 'breaks off', tail: true });

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
  const has = (members: number[]): CollationUnit => ({
    members: [0, 1, 2].map((m) => (members.includes(m) ? [0] : [])),
    words: [0, 1, 2].map((m) => (members.includes(m) ? new Set(['w']) : undefined)),
    unknown: [undefined, undefined, undefined],
  });
  const units = [has([0, 1, 2]), has([0, 1, 2]), has([0, 2]), has([0, 2])];
  const site = (state: number[]): Character => ({ state: Int8Array.from(state), gain: 1, loss: 1, unit: 0, word: 'x', site: [['x'], ['y']] });
  const rehang = (characters: Character[]) =>
    regainedPassages(3, [ROOT, 0, 1], units, characters, (x) => memberReading(units, x), new Int8Array(characters.length));

  it('moves a copy that has passages its parent lacks, and undid many of its changes, to the ancestor that has them', () => {
    // Two engines through related languages agree on 6 of the first round trip's changes and not on 6 others.
    const characters = [...Array.from({ length: 6 }, () => site([0, 1, 1])), ...Array.from({ length: 6 }, () => site([0, 1, 0]))];
    expect(rehang(characters).get(2)).toEqual({ parent: 0, from: 1, passages: [2, 3] });
  });

  it("leaves a copy that kept its parent's changes: their agreement is inherited, the passages borrowed", () => {
    const characters = [...Array.from({ length: 12 }, () => site([0, 1, 1])), site([0, 1, 0])];
    expect(rehang(characters).has(2)).toBe(false);
  });
});

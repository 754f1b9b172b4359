import stringSimilarity from 'string-similarity';
import { describe, expect, it } from 'vitest';
import { bigramProfile, dice, diceOfProfiles } from '../src/similarity/dice.js';
import { containment, shingleSet } from '../src/similarity/shingles.js';
import { readFixture } from './helpers.js';

describe('bigram Dice', () => {
  const samples = [
    ['', ''], ['a', 'a'], ['a', 'b'], ['ab', 'ab'], ['ball is in their court', 'ball is actually of their court docket'],
    ['aaaa', 'aa'], ['Micheál Martin', 'Micheal Martin'], ['  spaced out ', 'spacedout'], ['📰 news', 'news 📰'],
    ...readFixture('seeds').map((d, i, all) => [d.text, all[(i + 1) % all.length]?.text ?? ''] as [string, string]),
  ] as Array<[string, string]>;

  it.each(samples)('agrees with string-similarity on %#', (a, b) => {
    expect(dice(a, b)).toBeCloseTo(stringSimilarity.compareTwoStrings(a, b), 12);
  });

  it('reuses profiles', () => {
    const p = bigramProfile('court docket');
    expect(diceOfProfiles(p, bigramProfile('court'))).toBeCloseTo(stringSimilarity.compareTwoStrings('court docket', 'court'), 12);
  });
});

describe('shingle containment', () => {
  it('is asymmetric: a cut copy is wholly inside its source', () => {
    const source = 'the ball is in their court said the secretary of state on tuesday'.split(' ');
    const cut = source.slice(0, 8);
    expect(containment(shingleSet(cut), shingleSet(source))).toBe(1);
    expect(containment(shingleSet(source), shingleSet(cut))).toBeCloseTo(6 / 11, 10);
  });
});

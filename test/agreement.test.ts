import { describe, expect, it } from 'vitest';
import type { Character } from '../src/derive/collate.js';
import { pairedReadings, passagesLacked, singularReadings } from '../src/derive/agreement.js';

const word = (state: number[]): Character => ({ state: Int8Array.from(state), gain: 1, loss: 1, unit: 0, word: 'w' });
const passage = (state: number[]): Character => ({ state: Int8Array.from(state), gain: 2, loss: 1, unit: 0, word: undefined });

describe('pairedReadings', () => {
  it('counts the readings two members have alone, whichever state they share', () => {
    const pairs = pairedReadings(5, [word([1, 1, 0, 0, 0]), word([0, 0, 1, 1, 1]), word([1, 0, 1, 1, 1]), word([0, 0, 0, 1, 1])]);
    expect(pairs[0]?.[1]).toBe(2);
    expect(pairs[1]?.[0]).toBe(2);
    expect(pairs[3]?.[4]).toBe(1);
    // A lone reading (member 1 against the rest) and a split of three are no pair's.
    expect(pairs.flat().reduce((s, x) => s + x, 0)).toBe(2 * 3);
  });

  it('counts a split two against two for both pairs', () => {
    const pairs = pairedReadings(4, [word([1, 1, 0, 0])]);
    expect([pairs[0]?.[1], pairs[2]?.[3], pairs[0]?.[2]]).toEqual([1, 1, 0]);
  });

  it('leaves out passages, and readings where a member lacks the passage', () => {
    const pairs = pairedReadings(4, [passage([1, 1, 0, 0]), word([1, 1, 0, -1])]);
    expect(pairs.flat().every((x) => x === 0)).toBe(true);
  });
});

describe('passagesLacked', () => {
  it('counts the passages one member has and the other lacks, not word readings', () => {
    const characters = [passage([1, 0, 1]), passage([1, 0, 0]), passage([0, 1, 1]), word([1, 0, 1])];
    expect(passagesLacked(characters, 1, 0)).toBe(2);
    expect(passagesLacked(characters, 0, 1)).toBe(1);
    expect(passagesLacked(characters, 2, 0)).toBe(1);
  });
});

describe('singularReadings', () => {
  // Member 0 faithful; member 1 a round trip and member 2 the spin made of it (one line); member 3 a paraphrase.
  const characters = [word([0, 1, 1, 0]), word([0, 1, 1, 0]), word([0, 0, 1, 0]), word([0, 0, 0, 1]), word([1, 0, 0, 0]), word([0, 1, -1, -1])];
  it('counts the readings a member has alone, where enough members have the passage', () => {
    expect(singularReadings(4, characters)).toEqual([1, 0, 1, 1]);
  });

  it('counts, given lines, the readings no member outside the line has: a copy does not vouch for its exemplar', () => {
    expect(singularReadings(4, characters, 3, [0, 1, 1, 3])).toEqual([1, 2, 3, 1]);
  });
});

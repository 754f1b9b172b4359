import { describe, expect, it } from 'vitest';
import { chanceOfLosing, departsOnItsOwn, keptChanges } from '../src/derive/inheritance.js';

describe('keptChanges', () => {
  it('counts a change as kept when the copy departs at half its words or more', () => {
    const ofP = [[0], [10, 16, 22], [40, 46], [60]];
    // departs at 0, at two of the three words of the second change, at one of the two of the third
    expect(keptChanges(ofP, new Set([0, 10, 16, 46]))).toBe(3);
    expect(keptChanges(ofP, new Set())).toBe(0);
    expect(keptChanges([], new Set([1]))).toBe(0);
  });
});

describe('chanceOfLosing', () => {
  const binomialTail = (lost: number, n: number, rate: number): number => {
    let sum = 0;
    for (let x = lost; x <= n; x++) {
      let choose = 1;
      for (let i = 0; i < x; i++) choose = (choose * (n - i)) / (i + 1);
      sum += choose * rate ** x * (1 - rate) ** (n - x);
    }
    return sum;
  };

  it('is the upper tail of the binomial distribution', () => {
    expect(chanceOfLosing(0, 20, 0.05)).toBe(1);
    expect(chanceOfLosing(1, 10, 0.05)).toBeCloseTo(1 - 0.95 ** 10, 12);
    for (const [lost, n] of [[3, 17], [6, 63], [11, 87], [20, 80]] as const) expect(chanceOfLosing(lost, n, 0.05)).toBeCloseTo(binomialTail(lost, n, 0.05), 10);
  });

  it('tells a copy that lost a few changes from a text that shares a quarter of them by chance', () => {
    // The generated spins of round trips: 6 of 63 lost at worst; two round trips of one original: 20 of 80.
    expect(chanceOfLosing(6, 63, 0.05)).toBeGreaterThan(0.05);
    expect(chanceOfLosing(20, 80, 0.05)).toBeLessThan(1e-4);
  });
});

describe('departsOnItsOwn', () => {
  it('tells a machine copy made beside another from a copy that mended a few of its changes', () => {
    // Two Apertium round trips beside a spin (fixtures/wide wide-lost-3): 8 of 86 departures their own.
    expect(departsOnItsOwn(8, 86)).toBe(true);
    // An outlet's edit of a round trip (fixtures/story/chip): 1 of 92, the rest the round trip's.
    expect(departsOnItsOwn(1, 92)).toBe(false);
    expect(departsOnItsOwn(0, 0)).toBe(false);
  });
});

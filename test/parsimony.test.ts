import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Character } from '../src/derive/collate.js';
import { countChanges, patternsOf, shapeOf, sumsOf } from '../src/derive/parsimony.js';

const SETTINGS = { seed: 20261124, numRuns: 200 } as const;
const ROOT = -1;

/** A random valid stemma over k members: each member hangs under an earlier one, or all under a lost source. */
function stemma(k: number, picks: readonly number[], lost: boolean): number[] {
  const order = [...Array(k).keys()];
  return order.map((m, i) => {
    if (lost && i < 2) return k;
    if (i === 0) return ROOT;
    const pick = (picks[i] ?? 0) % (i + (lost ? 1 : 0));
    return pick === i ? k : (order[pick] as number);
  });
}

/** Fitch-free reference: every assignment of the free nodes tried, unit price per differing edge. */
function bruteChanges(k: number, parent: readonly number[], state: Int8Array): number {
  const nodes = parent.some((p) => p === k) ? k + 1 : k;
  const free = [...Array(nodes).keys()].filter((n) => n === k || state[n] === -1);
  let best = Number.POSITIVE_INFINITY;
  for (let mask = 0; mask < 1 << free.length; mask++) {
    const value = (n: number): number => {
      const f = free.indexOf(n);
      return f >= 0 ? (mask >> f) & 1 : (state[n] as number);
    };
    let cost = 0;
    parent.forEach((p, m) => {
      if (p !== ROOT && value(p) !== value(m)) cost++;
    });
    best = Math.min(best, cost);
  }
  return best;
}

const character = (state: number[]): Character => ({ state: Int8Array.from(state), gain: 1, loss: 1, unit: 0, word: undefined });

const family = fc.integer({ min: 3, max: 7 }).chain((k) =>
  fc.record({
    k: fc.constant(k),
    a: fc.array(fc.nat(), { minLength: k, maxLength: k }),
    b: fc.array(fc.nat(), { minLength: k, maxLength: k }),
    lostA: fc.boolean(),
    lostB: fc.boolean(),
    states: fc.array(fc.array(fc.constantFrom(-1, 0, 1), { minLength: k, maxLength: k }), { minLength: 1, maxLength: 40 }),
  }),
);

describe('change counting over pattern blocks', () => {
  it('counts what trying every assignment of the free nodes counts', () => {
    fc.assert(
      fc.property(family, ({ k, a, lostA, states }) => {
        const parent = stemma(k, a, lostA);
        const characters = states.map(character);
        const expected = characters.reduce((sum, ch) => sum + bruteChanges(k, parent, ch.state), 0);
        const got = countChanges(shapeOf(k, parent), patternsOf(characters), 0, Number.POSITIVE_INFINITY);
        expect(got).toEqual({ changes: expected, complete: true });
      }),
      SETTINGS,
    );
  });

  it('gives the same count updated from another stemma as computed from scratch', () => {
    fc.assert(
      fc.property(family, ({ k, a, b, lostA, lostB, states }) => {
        const characters = states.map(character);
        const blocks = patternsOf(characters);
        const base = sumsOf(shapeOf(k, stemma(k, a, lostA)), blocks);
        const shape = shapeOf(k, stemma(k, b, lostB));
        expect(countChanges(shape, blocks, 0, Number.POSITIVE_INFINITY, base)).toEqual(countChanges(shape, blocks, 0, Number.POSITIVE_INFINITY));
      }),
      SETTINGS,
    );
  });

  it('stops at the bound with a lower bound above it, never below the true count', () => {
    const k = 5;
    const characters = [
      [1, 0, 0, 0, 0],
      [0, 1, 0, 0, 0],
      [1, 1, 0, 0, 0],
      [0, 0, 1, 1, 0],
      [1, 0, 1, 0, 1],
    ].map(character);
    const shape = shapeOf(k, [ROOT, 0, 1, 2, 3]);
    const full = countChanges(shape, patternsOf(characters), 0, Number.POSITIVE_INFINITY);
    const cut = countChanges(shape, patternsOf(characters), 0, 2);
    expect(full.complete).toBe(true);
    expect(cut.complete).toBe(false);
    expect(cut.changes).toBeGreaterThan(2);
    expect(cut.changes).toBeLessThanOrEqual(full.changes);
  });
});

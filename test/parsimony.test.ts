import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Character } from '../src/derive/collate.js';
import { countChanges, patternsOf, shapeOf, sumsOf } from '../src/derive/parsimony.js';
import { exploreStemmata, HIDDEN_SOURCE_PENALTY, scoreStemma, searchStemma, usesHidden, type StemmaSearch } from '../src/derive/stemma.js';

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
  const unit = character([...state]);
  return Math.min(bruteDirected(k, parent, unit, 0), bruteDirected(k, parent, unit, 1));
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

/**
 * Reference directed cost of one character: every assignment of the free nodes tried with the
 * stemma's root fixed to `rootValue`, a gain (0 above 1) and a loss (1 above 0) priced apart.
 */
function bruteDirected(k: number, parent: readonly number[], ch: Character, rootValue: number): number {
  const nodes = parent.some((p) => p === k) ? k + 1 : k;
  const root = parent.some((p) => p === k) ? k : parent.indexOf(ROOT);
  const free = [...Array(nodes).keys()].filter((n) => n === k || ch.state[n] === -1);
  let best = Number.POSITIVE_INFINITY;
  for (let mask = 0; mask < 1 << free.length; mask++) {
    const value = (n: number): number => {
      const f = free.indexOf(n);
      return f >= 0 ? (mask >> f) & 1 : (ch.state[n] as number);
    };
    if (value(root) !== rootValue) continue;
    let cost = 0;
    parent.forEach((p, m) => {
      if (p === ROOT) return;
      if (value(p) === 0 && value(m) === 1) cost += ch.gain;
      if (value(p) === 1 && value(m) === 0) cost += ch.loss;
    });
    best = Math.min(best, cost);
  }
  return best;
}

describe('directed cost', () => {
  it('prices each character as trying every reconstruction does, the root read by the change count', () => {
    const priced = fc.integer({ min: 3, max: 6 }).chain((k) =>
      fc.record({
        k: fc.constant(k),
        a: fc.array(fc.nat(), { minLength: k, maxLength: k }),
        lost: fc.boolean(),
        characters: fc.array(
          fc.record({
            state: fc.array(fc.constantFrom(-1, 0, 1), { minLength: k, maxLength: k }),
            gain: fc.constantFrom(0.5, 1, 1.5, 2),
            loss: fc.constantFrom(0.5, 1, 1.5, 2),
          }),
          { minLength: 1, maxLength: 30 },
        ),
      }),
    );
    fc.assert(
      fc.property(priced, ({ k, a, lost, characters }) => {
        const parent = stemma(k, a, lost);
        const chars: Character[] = characters.map((c) => ({ ...character(c.state), gain: c.gain, loss: c.loss }));
        let free = lost ? HIDDEN_SOURCE_PENALTY : 0;
        let read = free;
        for (const ch of chars) {
          const z = bruteDirected(k, parent, ch, 0);
          const o = bruteDirected(k, parent, ch, 1);
          free += Math.min(z, o);
          if (!Number.isFinite(z) || !Number.isFinite(o)) {
            read += Math.min(z, o);
            continue;
          }
          const unit = { ...ch, gain: 1, loss: 1 };
          const z1 = bruteDirected(k, parent, unit, 0);
          const o1 = bruteDirected(k, parent, unit, 1);
          read += z1 < o1 ? z : o1 < z1 ? o : (z + o) / 2;
        }
        const scored = scoreStemma(k, parent, chars);
        expect(scored.freeRootCost).toBeCloseTo(free, 9);
        expect(scored.cost).toBeCloseTo(read, 9);
      }),
      SETTINGS,
    );
  });
});

/** Every stemma of k members without a lost source: one root, every other member under another, no cycle. */
function observedStemmata(k: number): number[][] {
  const out: number[][] = [];
  const parent = new Array<number>(k).fill(ROOT);
  const acyclic = (): boolean =>
    parent.every((_, m) => {
      let x = m;
      for (let steps = 0; steps <= k; steps++) {
        if (parent[x] === ROOT) return true;
        x = parent[x] as number;
      }
      return false;
    });
  const walk = (m: number): void => {
    if (m === k) {
      if (parent.filter((p) => p === ROOT).length === 1 && acyclic()) out.push([...parent]);
      return;
    }
    for (let p = ROOT; p < k; p++) {
      if (p === m) continue;
      parent[m] = p;
      walk(m + 1);
    }
  };
  walk(0);
  return out;
}

describe('one exploration, two selections', () => {
  it('finds the best stemma without a lost source, scored in full, though bounds were set by stemmata with one', () => {
    const small = fc.integer({ min: 4, max: 5 }).chain((k) =>
      fc.record({
        k: fc.constant(k),
        states: fc.array(fc.array(fc.constantFrom(-1, 0, 1), { minLength: k, maxLength: k }), { minLength: 0, maxLength: 12 }),
        lost: fc.array(fc.integer({ min: 1, max: 4 }), { minLength: k, maxLength: k }),
      }),
    );
    fc.assert(
      fc.property(small, ({ k, states, lost }) => {
        // Each member lacks passages every other member has: what makes a lost source the best
        // stemma, so that its counts set the bounds that cut the others short.
        const uniqueLosses = lost.flatMap((times, m) => Array.from({ length: times }, () => Array.from({ length: k }, (_, x) => (x === m ? 0 : 1))));
        const characters = [...uniqueLosses, ...states].map(character);
        const explored = exploreStemmata(k, characters);
        const withLost = searchStemma(explored, 'allowed') as StemmaSearch;
        const without = searchStemma(explored, 'forbidden') as StemmaSearch;
        const fewest = Math.min(...observedStemmata(k).map((p) => scoreStemma(k, p, characters).changes));
        expect(usesHidden(k, without.best.parent)).toBe(false);
        expect(without.best.changes).toBe(fewest);
        expect(scoreStemma(k, [...without.best.parent], characters).changes).toBe(without.best.changes);
        expect(withLost.best.changes).toBeLessThanOrEqual(fewest);
      }),
      { seed: 20261202, numRuns: 60 },
    );
  });
});

import { describe, expect, it } from 'vitest';
import type { Character } from '../src/derive/collate.js';
import { dolloViolations } from '../src/derive/lineage.js';
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

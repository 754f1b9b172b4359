import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compare } from '../src/compare.js';
import type { DocumentInput } from '../src/document.js';
import { normalize } from '../src/normalize.js';
import { renderJson } from '../src/report/json.js';
import { renderTable } from '../src/report/table.js';
import { segment } from '../src/segment.js';
import { Chalk } from 'chalk';
import { readFixture } from './helpers.js';

const SETTINGS = { seed: 20261124, numRuns: 40 } as const;
const seeds = readFixture('seeds');

/** Every invariant a result must keep, whatever the input. */
function checkResult(inputs: readonly DocumentInput[]): void {
  const result = compare(inputs);
  const json = renderJson(result);
  const parsed = JSON.parse(json) as typeof result;
  expect(parsed.derivations.map((d) => d.target)).toEqual([...inputs.map((d) => d.id)].sort());
  for (const p of result.pairs) {
    for (const v of [p.similarity.dice, p.similarity.aInB, p.similarity.bInA, p.similarity.aligned, p.similarity.wording]) {
      expect(v).toBeGreaterThanOrEqual(0);
      expect(v).toBeLessThanOrEqual(1);
    }
  }
  for (const d of result.derivations) {
    expect(d.confidence).toBeGreaterThanOrEqual(0);
    expect(d.confidence).toBeLessThanOrEqual(1);
    if (d.source !== null) expect(d.source).not.toBe(d.target);
  }
  expect(renderTable(result, { chalk: new Chalk({ level: 0 }) })).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f\u202a-\u202e]/u);
}

const doc = (id: string, text: string): DocumentInput => ({ id, text, sha256: '' });

describe('properties (fast-check, fixed seed)', () => {
  it('any Unicode text: no exception, valid JSON, one derivation per document, figures in [0,1]', () => {
    fc.assert(
      fc.property(fc.array(fc.fullUnicodeString({ maxLength: 300 }), { minLength: 2, maxLength: 4 }), (texts) => {
        checkResult(texts.map((t, i) => doc(`d${i}.txt`, t)));
      }),
      SETTINGS,
    );
  });

  it('random mutations of the seeds: deleted, repeated and swapped words', () => {
    const mutation = fc.record({ at: fc.nat(), kind: fc.constantFrom('delete', 'repeat', 'swap'), length: fc.integer({ min: 1, max: 40 }) });
    fc.assert(
      fc.property(fc.nat({ max: seeds.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 30 }), (which, edits) => {
        const source = seeds[which] as DocumentInput;
        const words = source.text.split(' ');
        for (const e of edits) {
          const at = e.at % words.length;
          if (e.kind === 'delete') words.splice(at, e.length);
          else if (e.kind === 'repeat') words.splice(at, 0, ...words.slice(at, at + e.length));
          else words.reverse();
          if (words.length === 0) words.push('x');
        }
        checkResult([source, doc('mutant.txt', words.join(' '))]);
      }),
      { ...SETTINGS, numRuns: 15 },
    );
  });

  it('the same documents in any order give the same bytes', () => {
    fc.assert(
      fc.property(fc.shuffledSubarray(seeds, { minLength: 2 }), (subset) => {
        const sorted = [...subset].sort((a, b) => (a.id < b.id ? -1 : 1));
        expect(renderJson(compare(subset))).toBe(renderJson(compare(sorted)));
      }),
      { ...SETTINGS, numRuns: 8 },
    );
  });

  it('normalization maps every character back into the original, in order', () => {
    fc.assert(
      fc.property(fc.fullUnicodeString({ maxLength: 200 }), (text) => {
        const { text: norm, origin } = normalize(text);
        expect(origin).toHaveLength(norm.length + 1);
        for (let i = 0; i < origin.length; i++) {
          expect(origin[i]).toBeGreaterThanOrEqual(i === 0 ? 0 : (origin[i - 1] as number));
          expect(origin[i]).toBeLessThanOrEqual(text.length);
        }
      }),
      SETTINGS,
    );
  });

  it('sentences are non-empty, in order, and inside the text', () => {
    fc.assert(
      fc.property(fc.fullUnicodeString({ maxLength: 400 }), (text) => {
        let last = 0;
        for (const s of segment(text)) {
          expect(s.start).toBeGreaterThanOrEqual(last);
          expect(s.end).toBeLessThanOrEqual(text.length);
          expect(s.text).toBe(text.slice(s.start, s.end));
          expect(s.text.trim()).not.toBe('');
          last = s.end;
        }
      }),
      SETTINGS,
    );
  });
});

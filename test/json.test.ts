import { describe, expect, it } from 'vitest';
import { compare } from '../src/compare.js';
import { renderJson, renderJsonChunks } from '../src/report/json.js';
import { readFixture } from './helpers.js';

describe('JSON written a piece at a time', () => {
  const whole = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

  it('gives the bytes of one JSON.stringify of the whole result', () => {
    const result = compare(readFixture('seeds'), { spans: true });
    const skipped = [{ path: 'image.png', reason: 'binary file (contains NUL bytes)' }];
    const { schemaVersion, stats, documents, pairs, derivations } = result;
    expect(renderJson(result, skipped)).toBe(whole({ schemaVersion, stats, skipped, documents, pairs, derivations }));
    expect([...renderJsonChunks(result, skipped)].length).toBeGreaterThan(documents.length + pairs.length);
  });

  it('keeps empty lists as []', () => {
    const result = compare(readFixture('unrelated'));
    const { schemaVersion, stats, documents, derivations } = result;
    expect(result.pairs).toEqual([]);
    expect(renderJson(result)).toBe(whole({ schemaVersion, stats, skipped: [], documents, pairs: [], derivations }));
  });
});

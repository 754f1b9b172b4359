import { describe, expect, it } from 'vitest';
import { normalize } from '../src/normalize.js';

describe('normalize', () => {
  it('folds quotes, dashes, spaces, case and zero-width characters', () => {
    expect(normalize('“Ball” – it’s\u00A0IN\u200B their court\r\n').text).toBe('"ball" - it\'s in their court\n');
  });

  it('keeps offsets into the original text', () => {
    const original = 'Micheál  “Martin”';
    const n = normalize(original);
    const at = n.text.indexOf('martin');
    expect(original.slice(n.origin[at], n.origin[at + 6])).toBe('Martin');
  });

  it('composes a base letter with its combining mark (NFKC)', () => {
    expect(normalize('Mic\u0065\u0301al').text).toBe('micéal');
  });
});

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

  it('reads a word hyphenated at a line\'s end whole, and leaves other hyphens', () => {
    const text = 'run cab-\n      bage(1) and multi-\r\ncore; the end -\nnext, ABC-\nDef, well-known';
    const { text: folded, origin } = normalize(text);
    expect(folded).toBe('run cabbage(1) and multicore; the end -\nnext, abc-\ndef, well-known');
    expect(text.slice(origin[folded.indexOf('bage')], (origin[folded.indexOf('bage')] ?? 0) + 4)).toBe('bage');
  });

  it('composes a base letter with its combining mark (NFKC)', () => {
    expect(normalize('Mic\u0065\u0301al').text).toBe('micéal');
  });

  it('gives every call its own result, however long the texts around it', () => {
    // normalize reuses one buffer between calls: a result must not change when a later call
    // writes over the buffer or grows it.
    const short = normalize('a  b');
    const same = normalize('xyz');
    const long = normalize(`${'Kursk \u2013 Kusk '.repeat(500)}END`);
    expect(short.text).toBe('a b');
    expect([...short.origin]).toEqual([0, 1, 3, 4]);
    expect([...same.origin]).toEqual([0, 1, 2, 3]);
    expect(long.text).toBe(`${'kursk - kusk '.repeat(500)}end`);
    expect(long.origin[long.text.length]).toBe(long.text.length);
    expect(normalize('a  b')).toEqual(short);
  });
});

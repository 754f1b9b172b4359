import { describe, expect, it } from 'vitest';
import { compare } from '../src/compare.js';
import { typographyStates } from '../src/derive/typography.js';
import { loadWordNetLexicon } from '../src/wordnet.js';
import { readFixture } from './helpers.js';

describe('typographyStates', () => {
  it('keeps only the habits that set texts apart', () => {
    const states = typographyStates(['He said "no" - twice.', 'He said \u201cno\u201d \u2014 twice.', 'He said "no" - twice.']);
    expect(states.map((s) => [s.habit, [...s.state]])).toEqual([
      ['straight double quotes', [1, 0, 1]],
      ['curly double quotes', [0, 1, 0]],
      ['dash as hyphens', [1, 0, 1]],
      ['em or en dash', [0, 1, 0]],
    ]);
    // A typesetter's characters are the ones machines carry over but do not add.
    expect(states.filter((s) => s.typeset).map((s) => s.habit)).toEqual(['curly double quotes', 'em or en dash']);
    expect(typographyStates(['«Sí», dijo.', '"Sí", dijo.']).map((s) => [s.habit, s.typeset])).toEqual([
      ['straight double quotes', false],
      ['guillemets', true],
    ]);
    expect(typographyStates(['Notes\n\n\u2022 Faster start-up.', 'Notes\n\n* Faster start-up.']).map((s) => [s.habit, s.typeset])).toEqual([
      ['bullet characters', true],
      ['asterisk or hyphen bullets', false],
    ]);
  });
});

describe('a typography-only copy in a family', () => {
  it('hangs under its source, which the other copies share their typography with', async () => {
    // star-2: b is original.txt retypeset (curly quotes, dashes); a and c are an edit and an MT copy.
    const result = compare(readFixture('generated/star-2'), { lexicon: await loadWordNetLexicon() });
    const by = Object.fromEntries(result.derivations.map((d) => [d.target, d]));
    expect(by['b.txt']).toMatchObject({ source: 'original.txt', method: 'typographic' });
    expect(by['original.txt']?.source).toBeNull();
  });
});

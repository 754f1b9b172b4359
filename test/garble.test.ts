import { describe, expect, it } from 'vitest';
import { compare } from '../src/compare.js';
import { prepareDocument } from '../src/document.js';
import { garble, garbledMore } from '../src/derive/garble.js';
import { basicLexicon } from '../src/lexicon.js';
import { loadWordNetLexicon } from '../src/wordnet.js';
import { readFixture } from './helpers.js';

const doc = (text: string) => prepareDocument({ id: 'x', text, sha256: '' });

describe('garble', () => {
  it('counts the lower-case words no dictionary lists, not names or figures', async () => {
    const lexicon = await loadWordNetLexicon();
    const source = doc('Only 31 people have completed the crossing since Lea Morand began in 1986.');
    const roundTrip = doc('Own 31 people ima completed the crossing since Lea Morand begin in 1986, naime.');
    expect(garble(source, lexicon)).toEqual({ unknown: 0, words: 13 });
    expect(garble(roundTrip, lexicon).unknown).toBe(2);
    expect(garbledMore(garble(roundTrip, lexicon), garble(source, lexicon))).toBe(2);
    expect(garbledMore(garble(source, lexicon), garble(roundTrip, lexicon))).toBeLessThan(0);
  });

  it('counts nothing with a lexicon that lists no words', () => {
    expect(garble(doc('Own 31 people ima completed the crossing.'), basicLexicon).unknown).toBe(0);
  });

  it('keeps a wire above its Croatian round trip, which writes fewer articles and leaves words untranslated', async () => {
    const result = compare(readFixture('story/swim-present'), { lexicon: await loadWordNetLexicon() });
    const by = Object.fromEntries(result.derivations.map((d) => [d.target, d]));
    expect(by['760_wire.txt']?.source).toBeNull();
    expect(by['763_hr_mt.txt']).toMatchObject({ source: '760_wire.txt', method: 'machine-translation' });
  });
});

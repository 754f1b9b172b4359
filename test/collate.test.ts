import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { alignDocuments, stemWeights } from '../src/align.js';
import { collate, type PairLink } from '../src/derive/collate.js';
import { edgeFeatures, memberReading } from '../src/derive/features.js';
import { prepareDocument } from '../src/document.js';
import { basicLexicon } from '../src/lexicon.js';
import { HARBOUR } from './helpers.js';

const BESOIN = path.resolve(import.meta.dirname, '..', '..', 'shared', 'benchmarks', 'tla-stemmata', 'besoin');

/** The collation characters of some witnesses of Notre besoin, aligned pairwise as compare does. */
function charactersOf(names: readonly string[]) {
  const documents = names.map((n) => prepareDocument({ id: n, text: readFileSync(path.join(BESOIN, `${n}.txt`), 'utf8'), sha256: '' }));
  const weights = stemWeights(documents);
  const links: PairLink[] = [];
  documents.forEach((x, a) => documents.slice(a + 1).forEach((y, i) => links.push({ a, b: a + 1 + i, alignment: alignDocuments(x, y, weights) })));
  return { documents, ...collate(documents, names.map((_, i) => i), links, basicLexicon) };
}

describe.skipIf(!existsSync(BESOIN))('collation of texts cut at different places', () => {
  // A's misspelt "talents" ends a chunk of the unpunctuated text where T2's "talent" does not, so
  // the words up to the next common cut sit in one passage in A and J and in the next one in T2
  // and C ("Je suis ton aspiration à la mort alors tranche Le fil").
  const { documents, characters } = charactersOf(['A', 'J', 'T2', 'C']);

  it('is cut differently in the first place', () => {
    const chunkWith = (d: number, word: string) => documents[d]?.spans.find((s) => s.text.includes(word))?.text ?? '';
    expect(chunkWith(0, 'aspiration')).toContain('gourmets');
    expect(chunkWith(2, 'aspiration')).not.toContain('gourmets');
  });

  it('makes no character of a word that only crossed a cut', () => {
    const words = characters.filter((c) => c.site === undefined).map((c) => c.word);
    for (const moved of ['aspiration', 'mort', 'tranche', 'fil']) expect(words).not.toContain(moved);
  });

  it('keeps the change that moved the cut', () => {
    expect(characters.some((c) => c.site?.flat().includes('talents'))).toBe(true);
  });
});

describe.skipIf(!existsSync(BESOIN))('a change of spelling alone', () => {
  const { characters } = charactersOf(['T2', 'A', 'C', 'S']);
  const weightOf = (word: string) => characters.find((c) => c.site?.flat().includes(word))?.gain;

  it('weighs half a changed word: a lost accent, a doubled letter', () => {
    expect(weightOf('connait')).toBe(0.5);
    expect(weightOf('chuchottements')).toBeCloseTo(0.5, 1);
  });

  it('while a changed word weighs one', () => {
    expect(weightOf('talents')).toBe(1);
  });
});

describe('a text cut off inside a sentence', () => {
  const whole = prepareDocument({ id: 'whole.txt', text: HARBOUR.join(' '), sha256: '' });
  const cut = prepareDocument({ id: 'cut.txt', text: `${HARBOUR.slice(0, 6).join(' ')} A great fire in the aut`, sha256: '' });
  const documents = [whole, cut];
  const { units, characters } = collate(documents, [0, 1], [{ a: 0, b: 1, alignment: alignDocuments(whole, cut, stemWeights(documents)) }], basicLexicon);

  it('lost none of the words beyond the cut, and wrote no new word in the one it cut inside', () => {
    const features = edgeFeatures(units.length, memberReading(units, 0), memberReading(units, 1), basicLexicon);
    expect(features).toMatchObject({ contentKept: 1, functionKept: 1, novel: 0 });
  });

  it('makes no character of them', () => {
    expect(characters.map((c) => c.word)).not.toContain('destroyed');
    expect(characters.map((c) => c.word)).not.toContain('aut');
  });
});

import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { alignDocuments, stemWeights } from '../src/align.js';
import { collate, orderCharacters, type CollationUnit, type PairLink } from '../src/derive/collate.js';
import { edgeFeatures, memberReading } from '../src/derive/features.js';
import { prepareDocument } from '../src/document.js';
import { UNDETERMINED } from '../src/language.js';
import { basicLexicon, lexiconFor } from '../src/lexicon.js';
import { HARBOUR } from './helpers.js';

const BESOIN = path.resolve(import.meta.dirname, '..', '..', 'shared', 'benchmarks', 'tla-stemmata', 'besoin');

/** The collation characters of some witnesses of Notre besoin, aligned pairwise as compare does. */
function charactersOf(names: readonly string[]) {
  const documents = names.map((n) => prepareDocument({ id: n, text: readFileSync(path.join(BESOIN, `${n}.txt`), 'utf8'), sha256: '' }));
  const weights = stemWeights(documents);
  const links: PairLink[] = [];
  documents.forEach((x, a) => documents.slice(a + 1).forEach((y, i) => links.push({ a, b: a + 1 + i, alignment: alignDocuments(x, y, weights) })));
  // The lexicon of the texts' language, as compare gives the derivation stage: French here.
  const lexicon = lexiconFor(basicLexicon, documents[0]?.language ?? UNDETERMINED);
  return { documents, ...collate(documents, names.map((_, i) => i), links, lexicon) };
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

describe('a text copied with a name replaced throughout', () => {
  const text = 'Zenith Journal keeps your notes in sync. You can cancel Zenith Journal at any time. Your notes in Zenith Journal remain yours. We may update these terms from time to time.';
  const source = prepareDocument({ id: 'zenith.txt', text, sha256: '' });
  const copy = prepareDocument({ id: 'nova.txt', text: text.replaceAll('Zenith Journal', 'Nova Pad'), sha256: '' });
  const documents = [source, copy];
  const { units } = collate(documents, [0, 1], [{ a: 0, b: 1, alignment: alignDocuments(source, copy, stemWeights(documents)) }], basicLexicon);

  it('counts the renaming beyond its first place, and nothing where the name was kept', () => {
    const features = edgeFeatures(units.length, memberReading(units, 0), memberReading(units, 1), basicLexicon);
    // Of 16 content words, "zenith" and "journal" dropped in three sentences each, "nova" and
    // "pad" in their places: one change each, the other two places counted as kept.
    expect(features.contentKept).toBeCloseTo(10 / 16, 5);
    expect(features.renamed).toBeCloseTo(4 / 16, 5);
    const same = edgeFeatures(units.length, memberReading(units, 0), memberReading(units, 0), basicLexicon);
    expect(same.renamed).toBe(0);
  });
});

describe('orderCharacters: the order of passages as a reading', () => {
  /** Units from each member's passage order: orders[m] lists unit indexes in the member's reading order. */
  const unitsOf = (unitCount: number, orders: readonly (readonly number[])[]): CollationUnit[] =>
    Array.from({ length: unitCount }, (_, u) => ({
      members: orders.map((order) => (order.includes(u) ? [order.indexOf(u)] : [])),
      words: orders.map((order) => (order.includes(u) ? new Set<string>() : undefined)),
      unknown: orders.map(() => undefined),
    }));
  const states = (units: CollationUnit[]): string[] => orderCharacters(units).map((ch) => Array.from(ch.state).join(','));

  it('reads a block of passages moved by one member, and nothing from a passage dropped', () => {
    const kept = [0, 1, 2, 3, 4, 5];
    // Member 3 moved passages 3-4 before 1-2; member 2 dropped passage 2.
    const units = unitsOf(6, [kept, kept, [0, 1, 3, 4, 5], [0, 3, 4, 1, 2, 5]]);
    // Three pairs broken: 2 and 3 (member 2 lacks 2), 1 and 3, 1 and 4.
    expect(states(units)).toEqual(['1,1,1,0', '1,1,1,0', '1,1,-1,0']);
    expect(orderCharacters(unitsOf(6, [kept, kept, [0, 1, 3, 4, 5], kept]))).toEqual([]);
  });

  it('leaves out pairs fewer than three members have both of', () => {
    // Members 0 and 1 disagree on 0 and 1, which no one else has; three members have 2 and 3.
    const units = unitsOf(4, [[0, 1, 2, 3], [1, 0], [2, 3], [3, 2]]);
    expect(states(units)).toEqual(['1,-1,1,0']);
  });
});

describe('a truncation of an edit whose opening the longest text does not share', () => {
  // fixtures/story/study: the agency's edit, its three-paragraph truncation, a round trip of the
  // press release and a blog's paraphrase. The blog has the most passages but its own opening,
  // so read against it the truncation kept no opening and its lost end counted as omissions: the
  // blog, which also drops paragraphs, hung under it, and the edit passed for the original.
  const dir = path.resolve(import.meta.dirname, '..', 'fixtures', 'story', 'study');
  const names = ['151_wire.txt', '152_wire_trunc.txt', '154_eo_mt.txt', '156_blog.txt'];
  const documents = names.map((n) => prepareDocument({ id: n, text: readFileSync(path.join(dir, n), 'utf8'), sha256: '' }));
  const weights = stemWeights(documents);
  const links: PairLink[] = [];
  documents.forEach((x, a) => documents.slice(a + 1).forEach((y, i) => links.push({ a, b: a + 1 + i, alignment: alignDocuments(x, y, weights) })));
  const { characters } = collate(documents, names.map((_, i) => i), links, basicLexicon);

  it('breaks off where the text it shares most with goes on', () => {
    const tails = characters.filter((c) => c.tail === true);
    expect(tails.map((c) => Array.from(c.state).indexOf(0))).toEqual([1]);
  });
});

describe('a teaser that links to the rest', () => {
  // fixtures/story/recall: an aggregator kept the headline and two of eight paragraphs and ends
  // "Read more: the full notice on ...". Under a third of the text, it read as an excerpt, and
  // the paragraphs it never had counted as omissions shared with a paraphrase that reworded them.
  const dir = path.resolve(import.meta.dirname, '..', 'fixtures', 'story', 'recall');
  const names = ['131_aggregator.txt', '132_radio.txt', '134_spin.txt'];
  const documents = names.map((n) => prepareDocument({ id: n, text: readFileSync(path.join(dir, n), 'utf8'), sha256: '' }));
  const collateOf = (docs: typeof documents) => {
    const weights = stemWeights(docs);
    const links: PairLink[] = [];
    docs.forEach((x, a) => docs.slice(a + 1).forEach((y, i) => links.push({ a, b: a + 1 + i, alignment: alignDocuments(x, y, weights) })));
    return collate(docs, docs.map((_, i) => i), links, basicLexicon).characters;
  };
  const brokenOff = (characters: ReturnType<typeof collateOf>) => characters.filter((c) => c.tail === true).map((c) => Array.from(c.state).indexOf(0));

  it('breaks off however little it kept', () => {
    expect(brokenOff(collateOf(documents))).toEqual([0]);
  });

  it('without the link, is an excerpt', () => {
    const aggregator = documents[0] as (typeof documents)[number];
    const unlinked = prepareDocument({ id: 'a', text: aggregator.text.replace(/\n*Read more:[^\n]*\s*$/u, '\n'), sha256: '' });
    expect(brokenOff(collateOf([unlinked, ...documents.slice(1)]))).toEqual([]);
  });
});

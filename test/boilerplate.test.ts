import { describe, expect, it } from 'vitest';
import { compare } from '../src/compare.js';
import { basicLexicon } from '../src/lexicon.js';
import { boilerplateSentences, relatedGroups } from '../src/similarity/boilerplate.js';
import { longestSharedRun, quotedWindows } from '../src/similarity/reuse.js';
import { fingerprint } from '../src/similarity/fingerprint.js';
import { HARBOUR } from './helpers.js';

const FOOTER =
  'This article is published by the Northern Coast Gazette. Copyright 2024 the Gazette and its writers. ' +
  'It may be shared under the terms of the Creative Commons attribution licence, version 4 or later. ' +
  'Report errors to the news desk at the address printed on the back page of every edition. ' +
  'Subscribers receive the weekend supplement free of charge with the Saturday paper.';

/** Four unrelated reports of one paper, each with its footer, and an edited copy of the first. */
const ARTICLES: Record<string, string> = {
  'harbour.txt': HARBOUR.join(' '),
  'harbour-edited.txt': HARBOUR.filter((_, i) => i !== 4 && i !== 9).join(' '),
  'orchestra.txt': [
    'The youth orchestra gave its first concert in the old corn exchange on Friday night.',
    'Forty players between twelve and nineteen years old rehearsed every Sunday since January.',
    'Their conductor, a retired oboist, chose a programme of dances from four centuries.',
    'The audience asked for two encores and the hall stayed full until after ten.',
    'Ticket money will pay for a trip to a festival in the mountains next summer.',
  ].join(' '),
  'council.txt': [
    'The district council voted to close the eastern car park during the spring repairs.',
    'Shopkeepers on the high street fear that fewer visitors will come on market days.',
    'A temporary shuttle bus will run from the football ground every twenty minutes.',
    'The leader of the council said the bridge above the car park could not wait another winter.',
    'Work starts in March and should be finished before the summer holidays begin.',
  ].join(' '),
  'weather.txt': [
    'Heavy rain flooded three farms in the valley after the river burst its banks on Tuesday.',
    'Volunteers filled sandbags through the night at the village hall beside the church.',
    'The fire brigade pumped water out of a dozen cellars and rescued a flock of sheep.',
    'Forecasters expect drier weather by the weekend, with frost on the higher ground.',
    'Farmers have asked the government for help to replace fences and winter feed.',
  ].join(' '),
};
const withFooter = (texts: Record<string, string>) => Object.entries(texts).map(([id, text]) => ({ id, text: `${text}\n\n${FOOTER}`, sha256: '' }));

describe('boilerplate: a footer shared by unrelated texts', () => {
  const result = compare(withFooter(ARTICLES), { lexicon: basicLexicon });
  const by = Object.fromEntries(result.derivations.map((d) => [d.target, d]));

  it('relates no two reports through the footer they all carry', () => {
    for (const id of ['orchestra.txt', 'council.txt', 'weather.txt']) expect(by[id]).toMatchObject({ source: null, method: 'independent' });
    expect(by['harbour.txt']?.source).toBeNull();
  });

  it('counts the footer sentences it set aside, five in each report', () => {
    expect(result.stats.boilerplateSentences).toBe(25);
  });

  it('still finds the copy among them', () => {
    expect(by['harbour-edited.txt']).toMatchObject({ source: 'harbour.txt', method: 'edit' });
  });

  it('counts no footer in the longest run two reports share, while the edited copy keeps its run', () => {
    const run = (a: string, b: string) => result.pairs.find((p) => p.a === a && p.b === b)?.similarity.sharedRun ?? 0;
    expect(run('council.txt', 'weather.txt')).toBeLessThan(10);
    expect(run('harbour-edited.txt', 'harbour.txt')).toBeGreaterThan(50);
  });

  it('is no boilerplate in a folder of versions of one text, where every version carries it', () => {
    const versions = compare(withFooter({ 'a.txt': ARTICLES['harbour.txt'] as string, 'b.txt': ARTICLES['harbour-edited.txt'] as string, 'c.txt': HARBOUR.slice(0, 9).join(' ') }), {
      lexicon: basicLexicon,
    });
    expect(versions.pairs.every((p) => p.similarity.sharedRun > 50)).toBe(true);
  });
});

describe('boilerplate of two outlets', () => {
  // The wire service runs the paper's four reports word for word under its own footer.
  const WIRE = 'Distributed by Coastline Wire Services to its member papers. Reproduction without a licence from Coastline is not permitted.';
  const stories = ['harbour.txt', 'orchestra.txt', 'council.txt', 'weather.txt'];
  const docs = stories.flatMap((id) => [
    { id: `paper-${id}`, text: `${ARTICLES[id]}\n\n${FOOTER}`, sha256: '' },
    { id: `wire-${id}`, text: `${ARTICLES[id]}\n\n${WIRE}`, sha256: '' },
  ]);

  it('reads a copy under another footer as the same text, not an edit that swapped a passage', () => {
    const by = Object.fromEntries(compare(docs, { lexicon: basicLexicon }).derivations.map((d) => [d.target, d]));
    for (const id of stories) {
      const copy = [by[`paper-${id}`], by[`wire-${id}`]].find((d) => d?.source !== null);
      expect(copy?.method).toBe('typographic');
      expect([`paper-${id}`, `wire-${id}`]).toContain(copy?.source);
    }
  });
});

describe('boilerplate among copies', () => {
  it('leaves alone the text that identical copies share, beside unrelated reports with the same footer', () => {
    const texts = { ...ARTICLES, 'harbour-copy.txt': ARTICLES['harbour.txt'] as string, 'harbour-again.txt': ARTICLES['harbour.txt'] as string };
    const by = Object.fromEntries(compare(withFooter(texts), { lexicon: basicLexicon }).derivations.map((d) => [d.target, d]));
    const harbour = ['harbour.txt', 'harbour-copy.txt', 'harbour-again.txt', 'harbour-edited.txt'];
    expect(harbour.filter((id) => by[id]?.method === 'original')).toHaveLength(1);
    for (const id of harbour) if (by[id]?.method !== 'original') expect(harbour).toContain(by[id]?.source);
    for (const id of ['orchestra.txt', 'council.txt', 'weather.txt']) expect(by[id]?.method).toBe('independent');
  });
});

describe('boilerplate groups', () => {
  it('group documents by the lowest of them, whatever the order of the pairs', () => {
    expect(relatedGroups(5, [[3, 4], [1, 3]])).toEqual([0, 1, 2, 1, 1]);
    expect(relatedGroups(5, [[1, 3], [4, 3]])).toEqual([0, 1, 2, 1, 1]);
  });
});

describe('boilerplate sentences and runs', () => {
  // Windows of five words: positions 0-9 are one sentence of 4 words, one of 6, one of 4 (14 words, 10 windows).
  const grams = Uint32Array.from([10, 11, 12, 13, 14, 15, 16, 17, 18, 19]);

  it('are the sentences whose every word lies in a boilerplate window', () => {
    // Windows 14-19 cover words 4-13: the second and third sentences.
    expect(boilerplateSentences(grams, [4, 6, 4], Uint32Array.from([14, 15, 16, 17, 18, 19]))).toEqual([1, 2]);
    expect(boilerplateSentences(grams, [4, 6, 4], Uint32Array.from([14, 15, 16, 17, 18]))).toEqual([1]);
    expect(boilerplateSentences(grams, [4, 6, 5], Uint32Array.from([14, 15, 16, 17, 18, 19]))).toEqual([]);
  });

  it('break a shared run where it crosses boilerplate', () => {
    const other = Uint32Array.from([10, 11, 12, 13, 14, 15, 16, 17, 18, 19]);
    expect(longestSharedRun(grams, other)).toBe(14);
    expect(longestSharedRun(grams, other, Uint32Array.from([14, 15, 16, 17, 18, 19]))).toBe(8);
  });

  it('neither lengthen nor break a run across a quotation both texts write', () => {
    const other = Uint32Array.from([10, 11, 12, 13, 14, 15, 16, 17, 18, 19]);
    // Windows 13-16 are the quotation: the run goes on across it, six windows long.
    expect(longestSharedRun(grams, other, undefined, Uint32Array.from([13, 14, 15, 16]))).toBe(10);
    // A run that is all quotation is no run.
    expect(longestSharedRun(grams, other, undefined, grams)).toBe(0);
  });
});

describe('quotedWindows', () => {
  it('hashes the five-word windows inside quotation marks, as the fingerprint hashes them', () => {
    const statement = '"A fault in a mixing machine at our plant may have caused it," the company said.';
    const windows = quotedWindows(statement);
    // "a fault in a mixing machine at our plant may have caused it": 13 words, 9 windows.
    expect(windows.length).toBe(9);
    const { gramSet } = fingerprint(statement);
    expect([...windows].every((h) => gramSet.includes(h))).toBe(true);
    expect(quotedWindows('The company said a fault in a mixing machine was to blame.').length).toBe(0);
  });
});

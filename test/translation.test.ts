import { describe, expect, it } from 'vitest';
import { compare } from '../src/compare.js';
import type { Derivation } from '../src/derive/index.js';
import { withTranslations } from '../src/derive/translation.js';
import { anchorOrder, anchorsOf, crossLanguagePairs, figuresOf } from '../src/similarity/anchors.js';
import { readFixture, SEED } from './helpers.js';

describe('anchors: what a translation keeps', () => {
  it('keeps numbers by their digits, names that do not open a sentence, and identifiers', () => {
    const { keys, forms } = anchorsOf('The deal was signed in Jeddah on 11 March. Officials paid $1,000 for /etc/fstab and a 30-day truce. Rubio spoke.');
    expect(keys).toEqual(['jeddah', '#11', 'march', '#1000', 'etc/fstab', '#30']);
    expect(forms).toEqual(['Jeddah', '11', 'March', '1,000', 'etc/fstab', '30']);
  });

  it('reads the numbers written in digits as anchors key them, inside words too', () => {
    expect([...figuresOf('400-gram and 1-kilogram bags, 3,000 hours, bolsasde1, agent 007, 1.000')].sort()).toEqual(['#1', '#1000', '#3000', '#400', '#7']);
  });

  it('folds accents and the conventions of numbers, so a rendering keys as its source does', () => {
    expect(anchorsOf('visitó a Micheál Martin, pagó 1.000 dólares').keys).toEqual(['micheal', 'martin', '#1000']);
  });

  it('orders the rare anchors two texts share, leaving out what either names more than twice', () => {
    const a = 'met Putin in Kursk with Witkoff, then Putin and Putin again in Jeddah on 11 March'.split(' ');
    const b = 'with Witkoff in Kursk, Putin, Putin, Putin, Jeddah, 11, March'.split(' ');
    const order = anchorOrder(anchorsOf(a.join(' ')).keys, anchorsOf(b.join(' ')).keys);
    expect(order.inOrder).toBe(4);
    expect(order.share).toBe(4 / 5);
    // Kursk and Witkoff swap places, so either one of them lines up with the rest.
    expect(order.matches.slice(1).map(([i]) => anchorsOf(a.join(' ')).forms[i])).toEqual(['Jeddah', '11', 'March']);
  });

  it('finds a longest common subsequence of the rare anchors, as the full table does', () => {
    let seed = 7;
    const next = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const lcs = (x: readonly string[], y: readonly string[]): number => {
      const t = Array.from({ length: x.length + 1 }, () => new Array<number>(y.length + 1).fill(0));
      for (let i = 1; i <= x.length; i++) for (let j = 1; j <= y.length; j++) t[i]![j] = x[i - 1] === y[j - 1] ? t[i - 1]![j - 1]! + 1 : Math.max(t[i - 1]![j]!, t[i]![j - 1]!);
      return t[x.length]![y.length]!;
    };
    for (let round = 0; round < 200; round++) {
      const a = Array.from({ length: next(40) }, () => `k${next(25)}`);
      const b = Array.from({ length: next(40) }, () => `k${next(25)}`);
      const rare = (x: readonly string[]): string[] => x.filter((k) => x.filter((y) => y === k).length <= 2);
      const order = anchorOrder(a, b);
      expect(order.inOrder).toBe(lcs(rare(a), rare(b)));
      order.matches.forEach(([i, j], n) => {
        expect(a[i]).toBe(b[j]);
        if (n > 0) {
          expect(i).toBeGreaterThan(order.matches[n - 1]![0]);
          expect(j).toBeGreaterThan(order.matches[n - 1]![1]);
        }
      });
    }
  });

  it('pairs only texts in different languages that share enough anchors, through an index', () => {
    const keys = [['x', 'y', 'z'], ['x', 'y', 'z'], ['x', 'y', 'q'], ['x', 'y', 'z']];
    expect(crossLanguagePairs(keys, ['eng', 'spa', 'spa', undefined], 3)).toEqual([{ a: 0, b: 1, shared: 3 }]);
    expect(crossLanguagePairs(keys, ['eng', 'spa', 'spa', undefined], 2)).toEqual([
      { a: 0, b: 1, shared: 3 },
      { a: 0, b: 2, shared: 2 },
    ]);
  });
});

function derivationOf(folder: string, id: string): Derivation {
  const found = compare(readFixture(folder)).derivations.find((d) => d.target === id);
  if (!found) throw new Error(`no derivation of ${id}`);
  return found;
}

describe('a translation in the folder (fixtures/translated)', () => {
  it('hangs the Spanish rendering of 000 under 000, for the misspelt names it keeps', () => {
    const d = derivationOf('translated/seeds-spa', '005_es.txt');
    expect(d).toMatchObject({ source: SEED.mt, method: 'translation', directionOnly: true });
    const kept = d.evidence.find((e) => e.kind === 'kept-anchors');
    expect(kept?.targetText).toContain('Volodomyr');
    expect(d.evidence[0]).toMatchObject({ kind: 'anchors' });
    expect(d.evidence[0]?.support).toBeGreaterThanOrEqual(20);
  });

  it('hangs the Catalan rendering of the spin under the spin, which alone turned "last year" into 12 months', () => {
    const d = derivationOf('translated/seeds-cat', '005_ca.txt');
    expect(d).toMatchObject({ source: SEED.spin, method: 'translation' });
    expect(d.evidence.find((e) => e.kind === 'kept-anchors')?.targetText).toContain('12');
  });

  it('leaves the rendering of the independent report unlinked, and sure of it', () => {
    const d = derivationOf('translated/independent-spa', '005_es.txt');
    expect(d).toMatchObject({ source: null, method: 'independent' });
    expect(d.confidence).toBeGreaterThan(0.9);
  });

  it('hangs renderings of several copies under their copies, not under a lost source of their own', () => {
    const derivations = compare(readFixture('translated/seeds-and-renderings')).derivations;
    const sourceOf = (id: string): string | null | undefined => derivations.find((d) => d.target === id)?.source;
    expect([SEED.mt, SEED.paraphrase, SEED.fluentMt, SEED.spin].map((id) => sourceOf(`${id.slice(0, 3)}_es.txt`))).toEqual([SEED.mt, SEED.paraphrase, SEED.fluentMt, SEED.spin]);
    // The renderings' lost source went, and the copies' one is numbered 1.
    expect(new Set(derivations.map((d) => d.source).filter((s) => s?.startsWith('hidden:')))).toEqual(new Set(['hidden:1']));
  });

  it('hangs the rendering of an edit under the edit, whose count of sentences it keeps, where no anchor tells the members apart', () => {
    expect(derivationOf('translated/generated-edit', 'd.txt')).toMatchObject({ source: 'c.txt', method: 'translation' });
  });

  it('leaves unlinked the rendering of an independent brief that names the story\'s people in the story\'s order', () => {
    expect(derivationOf('translated/independent-brief-spa', '015_es.txt')).toMatchObject({ source: null, method: 'independent' });
  });

  it('reads an English rendering of a Spanish family as the translation', () => {
    expect(derivationOf('translated/spanish-original', 'x-english.txt')).toMatchObject({ source: 'original.txt', method: 'translation' });
  });

  it('doubts "independent" for a text whose names are in another script', () => {
    const d = derivationOf('translated/seeds-rus', '005_ru.txt');
    expect(d).toMatchObject({ source: null, method: 'independent' });
    expect(d.confidence).toBeLessThanOrEqual(0.6);
  });

  it('doubts "independent" for a text in another language whose anchors are too few to compare', () => {
    const d = derivationOf('translated/generated-glg', 'x-translated.txt');
    expect(d).toMatchObject({ source: null, method: 'independent' });
    expect(d.confidence).toBeLessThanOrEqual(0.6);
  });

  it('does not let texts in another language change how the English ones are read', () => {
    // Before, the ten texts' stem pairs were weighed as if the Spanish ones could have used
    // them, and the independent report joined its English neighbours' family.
    const gist = (d: Derivation | undefined): unknown => d && { source: d.source?.startsWith('hidden:') ? 'hidden' : d.source, method: d.method, confidence: d.confidence };
    const alone = compare(readFixture('seeds')).derivations;
    const beside = compare(readFixture('translated/seeds-and-renderings')).derivations;
    for (const d of alone.filter((a) => a.target !== SEED.independent)) expect(gist(beside.find((b) => b.target === d.target))).toEqual(gist(d));
    // The independent report stays apart from the English copies: the original of its rendering only.
    expect(beside.find((b) => b.target === SEED.independent)).toMatchObject({ source: null, method: 'original' });
    expect(beside.find((b) => b.target === '004_es.txt')).toMatchObject({ source: SEED.independent, method: 'translation' });
  });
});

describe('withTranslations', () => {
  const english = 'The minister, Anna Berg, met Karel Peeters in Antwerp on 12 May. She offered 4.5 percent. Peeters said the union would answer by 20 May. The port handled 290 million tonnes in 2023. Talks resume in Brussels with Jan Smet, Lotte Claes and Eva Maes.';
  const spanish = 'La ministra, Anna Berg, se reunió con Karel Peeters en Amberes el 12 de mayo. Ofreció un 4,5 por ciento. Peeters dijo que el sindicato respondería antes del 20 de mayo. El puerto movió 290 millones de toneladas en 2023. Las conversaciones siguen en Bruselas con Jan Smet, Lotte Claes y Eva Maes.';
  const independent = (id: string): Derivation => ({ target: id, source: null, method: 'independent', confidence: 0.99, evidence: [] });

  it('is the identity on a folder in one language', () => {
    const derivations = [independent('a'), independent('b')];
    expect(withTranslations({ ids: ['a', 'b'], languages: ['eng', 'eng'], sentences: [5, 5], text: () => english, derivations })).toEqual(derivations);
  });

  it('links two texts of two languages, the direction unsure when nothing tells which came first', () => {
    const texts = [english, spanish];
    const out = withTranslations({ ids: ['en', 'es'], languages: ['eng', 'spa'], sentences: [5, 5], text: (i) => texts[i] as string, derivations: [independent('en'), independent('es')] });
    expect(out[0]).toMatchObject({ source: null, method: 'original', confidence: 0.5 });
    expect(out[1]).toMatchObject({ source: 'en', method: 'translation', confidence: 0.5, directionOnly: true });
  });
});

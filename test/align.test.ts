import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { alignDocuments, MIN_SENTENCE_SIMILARITY, sentencePairs, stemWeights } from '../src/align.js';
import { stemIndexOf, stemSets } from '../src/similarity/stemsets.js';
import { tokenize } from '../src/tokenize.js';
import { diffWords } from '../src/diff.js';
import { prepareDocument } from '../src/document.js';
import { basicLexicon } from '../src/lexicon.js';
import { HARBOUR, readFixture, SEED } from './helpers.js';

const docs = readFixture('seeds').map((d) => prepareDocument(d));
const weights = stemWeights(docs);
const byId = new Map(docs.map((d) => [d.id, d]));
const doc = (id: string) => byId.get(id) ?? docs[0]!;

function unitFor(aId: string, bId: string, needle: string) {
  const a = doc(aId);
  const b = doc(bId);
  const alignment = alignDocuments(a, b, weights);
  const unit = alignment.units.find((u) => u.b.some((j) => b.spans[j]?.text.includes(needle)));
  return { unit, a, alignment };
}

describe('alignDocuments on the seed story', () => {
  it('aligns the spun "court docket" sentence with the round trip\'s "Bauer" sentence and finds the drift', () => {
    const { unit, a } = unitFor(SEED.mt, SEED.spin, 'court docket');
    expect(unit?.a.map((i) => a.spans[i]?.text)).toEqual([
      'Secretary of State Marco Rubio said earlier that “Bauer is indeed in their (Russian) court” and that the United States believes the only way to end the fight is through peaceful negotiations.',
    ]);
    expect(unit?.kind).toBe('substituted');
    expect(unit?.edits).toContainEqual(expect.objectContaining({ kind: 'substitution', aText: 'court', bText: 'court docket' }));
    expect(unit?.edits).toContainEqual(expect.objectContaining({ aText: 'Bauer', bText: 'the “ball' }));
  });

  it('aligns it with the fluent translation\'s "ball is really in their court"', () => {
    const { unit, a } = unitFor(SEED.fluentMt, SEED.spin, 'court docket');
    expect(unit?.a.map((i) => a.spans[i]?.text)).toEqual([
      'Previously, Secretary of State Marco Rubio stated, "The ball is really in their (Russia\'s) court," with the U.S. believing the only way to end the fighting is through peaceful negotiations.',
    ]);
    expect(unit?.edits).toContainEqual(expect.objectContaining({ aText: 'really in', bText: 'actually of' }));
  });

  it('follows a paraphrase that reorders its paragraphs (not monotone)', () => {
    const alignment = alignDocuments(doc(SEED.paraphrase), doc(SEED.spin), weights);
    const order = alignment.units.map((u) => u.b[0] ?? 0);
    const inversions = order.filter((x, i) => i > 0 && x < (order[i - 1] ?? 0)).length;
    expect(inversions).toBeGreaterThan(0);
    expect(alignment.units.length).toBeGreaterThanOrEqual(15);
  });

  it('lists sentences only one side has: the spinner\'s "86%" sentence has no counterpart in the round trip', () => {
    const spin = doc(SEED.spin);
    const alignment = alignDocuments(doc(SEED.mt), spin, weights);
    const lonely = alignment.unalignedB.map((j) => spin.spans[j]?.text ?? '');
    expect(lonely.some((t) => t.includes('86%'))).toBe(true);
  });

  it('merges sentences into 1:2 units when one side split them', () => {
    const a = prepareDocument({ id: 'a', sha256: '', text: 'The council voted to close the harbour bridge for six months while engineers replace the corroded cables.' });
    const b = prepareDocument({ id: 'b', sha256: '', text: 'The council voted to close the harbour bridge for six months. Engineers will replace the corroded cables.' });
    const alignment = alignDocuments(a, b, stemWeights([a, b]));
    expect(alignment.units.map((u) => [u.a, u.b])).toEqual([[[0], [0, 1]]]);
  });
});

describe('diffWords', () => {
  it('pairs a deletion with the next insertion as one replacement', () => {
    expect(diffWords(['ball', 'is', 'in', 'their', 'court'], ['ball', 'is', 'of', 'their', 'court', 'docket']).map((o) => o.op)).toEqual([
      'equal', 'replace', 'equal', 'insert',
    ]);
  });

  it('keeps a change whole when the words it puts in repeat the matched word beside it', () => {
    const a = 'has exactly the same size'.split(' ');
    const b = 'has on the nose the same size'.split(' ');
    const ops = diffWords(a, b);
    expect(ops.map((o) => o.op)).toEqual(['equal', 'replace', 'equal']);
    const change = ops[1] as (typeof ops)[number];
    expect(b.slice(...change.b)).toEqual(['on', 'the', 'nose']);
    expect(a.slice(...change.a)).toEqual(['exactly']);
  });

  it('slides a deletion the same way, and leaves a lone insertion where it is', () => {
    const deleted = diffWords('we saw the very the same thing'.split(' '), 'we noticed the same thing'.split(' '));
    expect(deleted.map((o) => o.op)).toEqual(['equal', 'replace', 'equal']);
    expect(diffWords('a b c'.split(' '), 'a x b c'.split(' ')).map((o) => o.op)).toEqual(['equal', 'insert', 'equal']);
  });

  it('matches as many words as the plain LCS', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', 'b', 'c', 'the'), { maxLength: 12 }), fc.array(fc.constantFrom('a', 'b', 'c', 'the'), { maxLength: 12 }), (a, b) => {
        const ops = diffWords(a, b);
        let matched = 0;
        let ia = 0;
        let ib = 0;
        for (const o of ops) {
          expect(o.a[0]).toBe(ia);
          expect(o.b[0]).toBe(ib);
          if (o.op === 'equal') {
            expect(a.slice(...o.a)).toEqual(b.slice(...o.b));
            matched += o.a[1] - o.a[0];
          }
          ia = o.a[1];
          ib = o.b[1];
        }
        expect([ia, ib]).toEqual([a.length, b.length]);
        const memo = new Map<number, number>();
        const lcs = (x: number, y: number): number => {
          if (x === a.length || y === b.length) return 0;
          const key = x * 100 + y;
          const known = memo.get(key);
          if (known !== undefined) return known;
          const v = a[x] === b[y] ? 1 + lcs(x + 1, y + 1) : Math.max(lcs(x + 1, y), lcs(x, y + 1));
          memo.set(key, v);
          return v;
        };
        expect(matched).toBe(lcs(0, 0));
      }),
      { numRuns: 200 },
    );
  });
});

describe('an inserted word named with its neighbour', () => {
  const pair = (a: string, b: string, isLemma?: (phrase: string) => boolean) => {
    const da = prepareDocument({ id: 'a.txt', text: a, sha256: '' });
    const db = prepareDocument({ id: 'b.txt', text: b, sha256: '' });
    return alignDocuments(da, db, stemWeights([da, db]), isLemma ? { ...basicLexicon, isLemma } : undefined).units.flatMap((u) => u.edits);
  };

  it('takes the neighbour it makes a dictionary lemma with', () => {
    const lemmas = new Set(['computer software', 'sir thomas more', 'web browser']);
    const isLemma = (p: string): boolean => lemmas.has(p);
    expect(pair('The modern software is translated.', 'The modern computer software is translated.', isLemma)).toContainEqual(
      expect.objectContaining({ kind: 'substitution', aText: 'software', bText: 'computer software' }),
    );
    expect(pair('Some programs take more memory now.', 'Some programs take sir thomas more memory now.', isLemma)).toContainEqual(
      expect.objectContaining({ kind: 'substitution', aText: 'more', bText: 'sir thomas more' }),
    );
    expect(pair('Open the new web browser today.', 'Open the new browser today.', isLemma)).toContainEqual(
      expect.objectContaining({ kind: 'substitution', aText: 'web browser', bText: 'browser' }),
    );
    // Without the lexicon the word before is taken, as before.
    expect(pair('The modern software is translated.', 'The modern computer software is translated.')).toContainEqual(
      expect.objectContaining({ kind: 'substitution', aText: 'modern', bText: 'modern computer' }),
    );
  });

  it('takes the content word after it when the word before is a function word', () => {
    expect(pair('The council lost the backing of the port.', 'The council lost the financial backing of the port.')).toContainEqual(
      expect.objectContaining({ kind: 'substitution', aText: 'backing', bText: 'financial backing' }),
    );
  });

  it('takes the word before it otherwise', () => {
    expect(pair('The ball is in their court now.', 'The ball is in their court docket now.')).toContainEqual(
      expect.objectContaining({ kind: 'substitution', aText: 'court', bText: 'court docket' }),
    );
  });
});

describe('words cut or joined otherwise', () => {
  const unit = (a: string, b: string) => {
    const da = prepareDocument({ id: 'a.txt', text: a, sha256: '' });
    const db = prepareDocument({ id: 'b.txt', text: b, sha256: '' });
    return alignDocuments(da, db, stemWeights([da, db])).units[0];
  };

  it('are typography: a line-end hyphen, a joined compound, "can not"', () => {
    expect(unit('The archive holds packages available for every architecture.', 'The archive holds packages avail-\nable for every architecture.')).toMatchObject({ kind: 'typographic', edits: [] });
    expect(unit('It runs on multi-core machines and non-LTS releases.', 'It runs on multicore machines and nonLTS releases.')).toMatchObject({ kind: 'typographic', edits: [] });
    expect(unit('You can not install both packages at once.', 'You cannot install both packages at once.')).toMatchObject({ kind: 'typographic', edits: [] });
  });

  it('and so is an abbreviation with its full stops or without: "7 a.m." and "7am", but not "1.5" and "15"', () => {
    expect(unit('The ship struck a sandbank shortly after 7 a.m. on Sunday.', 'The ship struck a sandbank shortly after 7am on Sunday.')).toMatchObject({ kind: 'typographic', edits: [] });
    expect(unit('The U.S. team arrived on Sunday with the others.', 'The US team arrived on Sunday with the others.')).toMatchObject({ kind: 'typographic', edits: [] });
    expect(unit('Repairs will cost 1.5 million euros this year.', 'Repairs will cost 15 million euros this year.')?.kind).not.toBe('typographic');
  });

  it('but not when the letters differ too', () => {
    expect(unit('It runs on multi-core machines today.', 'It runs on multicolor machines today.')?.edits).toEqual([
      expect.objectContaining({ kind: 'substitution', aText: 'multi-core', bText: 'multicolor' }),
    ]);
  });
});

describe('stems the weights do not know', () => {
  it('weigh 1, as if the weights listed them so', () => {
    const a = prepareDocument({ id: 'a.txt', text: 'The talks in Geneva ended early. Both sides agreed to meet again.', sha256: '' });
    const b = prepareDocument({ id: 'b.txt', text: 'Both sides agreed to meet once more. The talks in Geneva ended early.', sha256: '' });
    const ones = new Map([...a.tokens, ...b.tokens].flat().map((t) => [t.stem, 1]));
    expect(alignDocuments(a, b, new Map())).toEqual(alignDocuments(a, b, ones));
  });
});

describe('sentence pairs by prefix filtering', () => {
  // Brute force: every sentence pair scored by weighted Dice of its stem sets.
  function bruteForce(a: string[], b: string[], weights: Map<string, number>): string[] {
    const sets = (s: string): Map<string, number> => new Map(tokenize(s, 0).map((t) => [t.stem, weights.get(t.stem) ?? 1]));
    const out: string[] = [];
    a.forEach((x, i) =>
      b.forEach((y, j) => {
        const sx = sets(x);
        const sy = sets(y);
        let total = 0;
        let shared = 0;
        for (const [k, w] of sx) {
          total += w;
          if (sy.has(k)) shared += w;
        }
        for (const w of sy.values()) total += w;
        const s = total === 0 ? 0 : (2 * shared) / total;
        if (s >= MIN_SENTENCE_SIMILARITY) out.push(`${i}:${j}:${s}`);
      }),
    );
    return out.sort();
  }

  it('finds exactly the pairs, with the scores, that scoring every pair finds', () => {
    const vocabulary = ['court', 'docket', 'ball', 'talks', 'ceasefire', 'the', 'a', 'of', 'minister', 'said', 'Kyiv', 'Moscow', 'would', 'sign'];
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.constantFrom(...vocabulary), { minLength: 0, maxLength: 8 }), { minLength: 1, maxLength: 12 }),
        fc.array(fc.array(fc.constantFrom(...vocabulary), { minLength: 0, maxLength: 8 }), { minLength: 1, maxLength: 12 }),
        fc.array(fc.double({ min: 0.05, max: 6, noNaN: true }), { minLength: vocabulary.length, maxLength: vocabulary.length }),
        (xa, xb, ws) => {
          const a = xa.map((w) => w.join(' '));
          const b = xb.map((w) => w.join(' '));
          const weights = new Map(vocabulary.map((v, k) => [tokenize(v, 0)[0]?.stem ?? v, ws[k] as number]));
          const index = stemIndexOf(weights);
          const found = sentencePairs(
            stemSets({}, a.map((s) => tokenize(s, 0)), index),
            stemSets({}, b.map((s) => tokenize(s, 0)), index),
          ).map((p) => `${p.i}:${p.j}:${p.s}`);
          expect(found.sort()).toEqual(bruteForce(a, b, weights));
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('a sentence whose place its neighbours fix', () => {
  it('is paired with its garbled round trip between the same neighbours, under the similarity floor', () => {
    // generated/star-4: a is a machine round trip of the original through Esperanto.
    const family = readFixture('generated/star-4').map((d) => prepareDocument(d));
    const a = family.find((d) => d.id === 'a.txt') ?? family[0]!;
    const original = family.find((d) => d.id === 'original.txt') ?? family[0]!;
    const alignment = alignDocuments(original, a, stemWeights(family));
    const unit = alignment.units.find((u) => u.a.some((i) => original.spans[i]?.text === 'Their network connection must be secured by the following.'));
    expect(unit?.b.map((j) => a.spans[j]?.text)).toEqual(['has to assure his connection of mesh for the following.']);
    expect(unit?.score).toBeLessThan(MIN_SENTENCE_SIMILARITY);
  });

  it('is not paired with a different sentence that another copy kept in its place', () => {
    // Two copies of one text, each without a different one of two neighbouring sentences: the
    // two left in that place share the story's words, as much as with the sentences around them.
    const drop = (i: number) => prepareDocument({ id: `drop-${i}.txt`, text: HARBOUR.filter((_, j) => j !== i).join(' '), sha256: '' });
    for (let i = 1; i + 2 < HARBOUR.length; i++) {
      const [x, y] = [drop(i), drop(i + 1)];
      const alignment = alignDocuments(x, y, stemWeights([x, y]));
      expect(alignment.unalignedA, `sentences ${i} and ${i + 1}`).toHaveLength(1);
      expect(alignment.unalignedB).toHaveLength(1);
    }
  });
});

describe('a text cut off inside its last sentence', () => {
  const whole = prepareDocument({ id: 'whole.txt', text: HARBOUR.join(' '), sha256: '' });
  // HARBOUR[6]: "A great fire in the autumn destroyed half of the town and most of its records."
  const cutAt = (ending: string) => prepareDocument({ id: 'cut.txt', text: `${HARBOUR.slice(0, 6).join(' ')} ${ending}`, sha256: '' });
  const lastUnit = (cut: ReturnType<typeof cutAt>) => {
    const alignment = alignDocuments(cut, whole, stemWeights([cut, whole]));
    return { alignment, unit: alignment.units.find((u) => u.a.includes(cut.spans.length - 1)) };
  };

  it('pairs the fragment with the sentence it opens, the last word cut inside', () => {
    const { alignment, unit } = lastUnit(cutAt('A great fire in the aut'));
    expect(unit).toMatchObject({ b: [6], kind: 'truncated', edits: [], cut: { side: 'a', partial: 'aut' } });
    expect(unit?.cut?.beyond).toEqual(['autumn', 'destroyed', 'half', 'of', 'the', 'town', 'and', 'most', 'of', 'its', 'records']);
    expect(alignment.unalignedA).toEqual([]);
  });

  it('marks a fragment cut between words that its words already paired', () => {
    const { unit } = lastUnit(cutAt('A great fire in the autumn destroyed...'));
    expect(unit).toMatchObject({ b: [6], kind: 'truncated', cut: { side: 'a', beyond: ['half', 'of', 'the', 'town', 'and', 'most', 'of', 'its', 'records'] } });
    expect(unit?.cut?.partial).toBeUndefined();
  });

  it('pairs an excerpt that begins inside a sentence with the sentence it closes', () => {
    const excerpt = prepareDocument({ id: 'excerpt.txt', text: `tumn destroyed half of the town and most of its records. ${HARBOUR.slice(7, 10).join(' ')}`, sha256: '' });
    const alignment = alignDocuments(excerpt, whole, stemWeights([excerpt, whole]));
    expect(alignment.units.find((u) => u.a.includes(0))).toMatchObject({ b: [6], kind: 'truncated', cut: { side: 'a', partial: 'tumn', beyond: ['a', 'great', 'fire', 'in', 'the', 'autumn'] } });
    expect(alignment.unalignedA).toEqual([]);
  });

  it('leaves alone a last sentence that does not open the next one', () => {
    const { alignment } = lastUnit(cutAt('A great storm in the autumn'));
    expect(alignment.units.some((u) => u.kind === 'truncated')).toBe(false);
  });
});

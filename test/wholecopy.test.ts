import { describe, expect, it } from 'vitest';
import { compare } from '../src/compare.js';
import { loadWordNetLexicon } from '../src/wordnet.js';
import { readFixture } from './helpers.js';

/** Parents by target, and the targets put under a lost source. */
async function parents(folder: string): Promise<Record<string, string | null>> {
  const result = compare(readFixture(folder), { lexicon: await loadWordNetLexicon() });
  return Object.fromEntries(result.derivations.map((d) => [d.target, d.source]));
}

describe('round trips read as whole copies of the original present', () => {
  it('does not read a wire as the round trip of its own paraphrase, which keeps its quotations word for word', async () => {
    const by = await parents('story/moth-present');
    expect(by['700_wire.txt']).toBeNull();
    for (const copy of ['701_gl_mt.txt', '702_para.txt', '703_hr_mt.txt', '704_spin.txt']) expect(by[copy]).toBe('700_wire.txt');
  });

  it('does not count a sentence a paraphrase reworded past alignment, its figure kept, as one it lacks', async () => {
    const by = await parents('story/breach-present');
    expect(by['730_wire.txt']).toBeNull();
    for (const copy of ['731_cat_mt.txt', '732_para.txt', '733_eo_mt.txt', '734_spin.txt']) expect(by[copy]).toBe('730_wire.txt');
    expect(by['735_indep.txt']).toBeNull();
  });
});

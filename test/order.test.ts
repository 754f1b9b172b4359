import { describe, expect, it } from 'vitest';
import { alignDocuments, stemWeights } from '../src/align.js';
import { prepareDocument } from '../src/document.js';
import { wordOrder } from '../src/derive/order.js';
import { basicLexicon } from '../src/lexicon.js';

const SOURCE =
  'Union leader Jan Vermeulen said the deal was a step in the right direction outside the hall where the votes were counted. ' +
  'The strike had cost the port an estimated 90 million euros in lost trade.';

function inverted(copy: string): { pairs: number; inverted: number } {
  const docs = [SOURCE, copy].map((text, i) => prepareDocument({ id: `${i}.txt`, text, sha256: '' }));
  const [a, b] = docs as [ReturnType<typeof prepareDocument>, ReturnType<typeof prepareDocument>];
  return wordOrder(a, b, alignDocuments(a, b, stemWeights(docs)), (w) => basicLexicon.isFunctionWord(w));
}

describe('word order inside aligned sentences', () => {
  it('counts no inverted pair where a copy swaps words in place, as a translation engine or a spinner does', () => {
    const spun =
      'Union chief Jan Vermeulen stated the deal was a step in the proper path outside the hall where the ballots were counted. ' +
      'The work stoppage had cost the port an approximate 90 million euros in misplaced commerce.';
    const order = inverted(spun);
    expect(order.pairs).toBeGreaterThan(20);
    expect(order.inverted).toBe(0);
  });

  it('counts the pairs a writer turns round by moving a clause', () => {
    const rewritten =
      'Speaking outside the hall where the votes were counted, union leader Jan Vermeulen said the deal was a step in the right direction. ' +
      'In lost trade, the strike had cost the port an estimated 90 million euros.';
    const order = inverted(rewritten);
    expect(order.inverted / order.pairs).toBeGreaterThan(0.3);
  });
});

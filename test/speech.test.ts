import { describe, expect, it } from 'vitest';
import { quotations, speechShares } from '../src/speech.js';
import { segment } from '../src/segment.js';
import { tokenize } from '../src/tokenize.js';
import { prepareDocument, type PreparedDocument } from '../src/document.js';
import { keptAsWriter, passagesFound, runsOf, speechAndNarration, speechKept } from '../src/derive/speechkept.js';
import { compare } from '../src/compare.js';
import { readFixture } from './helpers.js';

const quoted = (text: string): string[] => quotations(text).map(([a, b]) => text.slice(a, b));

describe('quotations', () => {
  it('finds curly, straight, guillemet and low-9 quotations', () => {
    expect(quoted('He said: \u201CWe stay.\u201D Then "we go," she said.')).toEqual(['\u201CWe stay.\u201D', '"we go,"']);
    expect(quoted('Il a dit \u00AB non \u00BB. Er sagte \u201Eja\u201C.')).toEqual(['\u00AB non \u00BB', '\u201Eja\u201C']);
  });

  it('leaves apostrophes and inch marks out of speech', () => {
    expect(quoted("The dockers' union won't say.")).toEqual([]);
    // A 12" pipe: the mark follows a digit, so it closes nothing and opens nothing.
    expect(quoted('A 12" pipe burst. "It was old," he said.')).toEqual(['"It was old,"']);
  });

  it('ends an unclosed quotation at the end of its line', () => {
    const text = '"We will be back,\nsaid a worker.';
    expect(quoted(text)).toEqual(['"We will be back,']);
  });
});

describe('speechShares', () => {
  it('gives each sentence the share of its words inside quotation marks', () => {
    const text = '"This is a step in the right direction," he said. The vote was held on Sunday.';
    const spans = segment(text);
    const shares = speechShares(text, spans, spans.map((s) => tokenize(s.text, s.start)));
    expect(shares).toHaveLength(2);
    expect(shares[0]).toBeCloseTo(8 / 10);
    expect(shares[1]).toBe(0);
  });
});

describe('speechKept: a writer keeps the quotations and rewords the narration', () => {
  const doc = (text: string): PreparedDocument => prepareDocument({ id: 'x', sha256: '', text });
  const measure = (target: string, source: string) => {
    const own = speechAndNarration(doc(target));
    return speechKept(own, [passagesFound(own, runsOf(doc(source)))]);
  };
  const source = [
    'The council voted on Tuesday to close the harbour bridge for six months while engineers replace its corroded cables.',
    '"We have no choice, the cables are older than most of the people who drive over them every single day," said the mayor, Anna Berg.',
    'Traffic will be sent over the old ring road, which the council widened two years ago at a cost of four million euros.',
    '"It will be slow for a while, but nobody will be put in danger by a bridge that we know is failing," she added at a press conference.',
    'Shop owners near the bridge said they feared that the closure would keep customers away during the busy summer season.',
    '"Half of my customers come over that bridge from the other side of the river every morning," said Piet Claes, who runs a bakery.',
  ].join('\n\n');
  const paraphrase = [
    'Engineers will spend half a year replacing the rusted cables of the harbour bridge, which councillors decided on Tuesday to shut.',
    '"We have no choice, the cables are older than most of the people who drive over them every single day," said the mayor, Anna Berg.',
    'Drivers are being diverted along the ring road, widened by the city two years back for four million euros.',
    '"It will be slow for a while, but nobody will be put in danger by a bridge that we know is failing," she added at a press conference.',
    'Businesses close to the crossing worry that the works will drive away trade in the summer months.',
    '"Half of my customers come over that bridge from the other side of the river every morning," said Piet Claes, who runs a bakery.',
  ].join('\n\n');
  // A machine round trip rewords speech and narration alike.
  const roundTrip = swapAll(paraphrase, [
    ['We have no choice', 'We do not have option'], ['older than most', 'more old than the majority'], ['It will be slow for a while', 'It will be slow during a time'],
    ['nobody will be put in danger', 'nobody will be put in risk'], ['Half of my customers', 'Half of my clients'], ['every morning', 'each morning'],
  ]);

  it('finds the quotations kept word for word and the narration reworded', () => {
    const kept = measure(paraphrase, source);
    expect(kept?.quotes).toBe(1);
    expect(kept?.narration).toBeLessThan(0.2);
    expect(keptAsWriter(kept)).toBe(true);
    expect(kept?.keptQuotes).toHaveLength(3);
  });

  it('does not take a text that rewords its quotations too for a writer', () => {
    const kept = measure(roundTrip, source);
    expect(kept?.quotes).toBeLessThan(0.8);
    expect(keptAsWriter(kept)).toBe(false);
  });

  it('says nothing of a text with too little speech, such as a few quoted titles', () => {
    const titles = 'See Section 10.1.3, "Idioms for the archive" and Section 10.1.4, "Idioms for the copy", for the find command and its options on any system.';
    expect(measure(titles, titles)).toBeUndefined();
    expect(measure(source.replace(/"/g, ''), source)).toBeUndefined();
  });
});

function swapAll(text: string, pairs: readonly [string, string][]): string {
  return pairs.reduce((t, [x, y]) => t.replace(x, y), text);
}

describe('narration aligned by its quotations alone', () => {
  it('keeps an independent report that quotes the wire\'s speakers, each in a sentence of its own, apart from the wire', () => {
    const result = compare(readFixture('story/ferry3-present'));
    const by = Object.fromEntries(result.derivations.map((d) => [d.target, d]));
    expect(by['815_indep.txt']).toMatchObject({ source: null, method: 'independent' });
    expect(by['812_para.txt']).toMatchObject({ source: '810_wire.txt', method: 'paraphrase' });
  });
});

describe('a statement two reports quote in full', () => {
  it('is no passage one took from the other', () => {
    const result = compare(readFixture('story/stmt-present'));
    const by = Object.fromEntries(result.derivations.map((d) => [d.target, d]));
    expect(by['840_wire.txt']?.source).toBeNull();
    expect(by['845_indep.txt']).toMatchObject({ source: null, method: 'independent' });
  });
});

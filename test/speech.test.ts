import { describe, expect, it } from 'vitest';
import { quotations, speechShares } from '../src/speech.js';
import { segment } from '../src/segment.js';
import { tokenize } from '../src/tokenize.js';

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

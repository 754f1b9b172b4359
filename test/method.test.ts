import { describe, expect, it } from 'vitest';
import type { EdgeFeatures } from '../src/derive/features.js';
import { classifyMethod, findSpintax, type MethodContext } from '../src/derive/method.js';

// Feature values are those the engine measured on generated families (session 20), rounded.
const untouched: EdgeFeatures = { kept: 1, added: 0, addedProse: 0, contentKept: 1, functionKept: 1, novel: 0, synonymSwaps: 0, orderKept: 1, shared: 12, droppedKnown: 1, renamed: 0, renamedNovel: 0 };

function method(features: Partial<EdgeFeatures>, sourceObserved: boolean, synonymsKnown = true, spelledOut = 0, reordered?: number, keptPrefix = false, beyondSpin = false): string {
  const context: MethodContext = {
    reordered,
    features: { ...untouched, ...features },
    spintax: false,
    synonymsKnown,
    spelledOut,
    beyondSpin,
    sourceObserved,
    sameNormalized: false,
    sameRaw: false,
    keptPrefix,
  };
  return classifyMethod(context);
}

describe('classifyMethod', () => {
  it('names a text worded as a spin of another a round trip where it writes "the" and "of" more often than a spinner could', () => {
    // Out-of-sample mtspin-lost-2 (seed 9602): a round trip of a lost chapter read against the
    // other round trip, 20 more "the" and "of" than at its rate; and that other round trip's own
    // spin, at its rate. The first was a spin, and the two round trips one spinner's work.
    const otherRoundTrip = { contentKept: 0.6, functionKept: 0.82, novel: 0.35, synonymSwaps: 0.27, shared: 19, droppedKnown: 0.77 };
    expect(method(otherRoundTrip, true, true, 20.3, 0.02, false, true)).toBe('machine-translation');
    expect(method(otherRoundTrip, true, true, 20.3, 0.02, false, false)).toBe('spin');
    const spin = { contentKept: 0.74, functionKept: 0.98, novel: 0.2, synonymSwaps: 0.73, shared: 19, droppedKnown: 1 };
    expect(method(spin, true, true, 2.7, 0, false, false)).toBe('spin');
    // A copy that dropped passages writes at another rate whatever it did to its words.
    expect(method({ ...otherRoundTrip, kept: 0.74 }, true, true, 20.3, 0.02, false, true)).toBe('spin');
  });

  it('names a round trip that also dropped a paragraph a translation against its source, a writer\'s cut and light rewording an edit', () => {
    // The story's Spanish round trip of its present original, one paragraph dropped, two merged.
    const cutRoundTrip = { kept: 0.87, contentKept: 0.86, functionKept: 0.78, novel: 0.14, synonymSwaps: 0.36, shared: 13 };
    expect(method(cutRoundTrip, true, true, 13.6)).toBe('machine-translation');
    expect(method({ ...cutRoundTrip, functionKept: 0.95 }, true, true, 0)).toBe('edit');
    expect(method({ ...cutRoundTrip, functionKept: 0.85 }, true, true, 0)).toBe('edit');
  });

  it('names a rewording that moves words about inside its sentences a paraphrase, one that keeps their order a round trip', () => {
    // The hand-made story's paraphrase, read against its lost source: every passage kept, in order.
    const rewritten = { kept: 1, added: 0.06, addedProse: 0.06, contentKept: 0.71, functionKept: 0.67, novel: 0.43, synonymSwaps: 0.08, shared: 15 };
    expect(method(rewritten, false, true, 0, 0.235)).toBe('paraphrase');
    expect(method(rewritten, false, true, 0, 0.04)).toBe('machine-translation');
    expect(method(rewritten, false, true, 0, undefined)).toBe('machine-translation');
  });

  it('reads a round trip whose only extra passages are lone words as a translation, one that added sentences as a paraphrase', () => {
    // panda-present's Croatian round trip of the wire: every passage kept in order, and two units
    // of the one word "parquote", Apertium's stand-in for a quotation mark, between sentences.
    const roundTrip = { kept: 1, added: 0.14, addedProse: 0, contentKept: 0.68, functionKept: 0.6, novel: 0.35, synonymSwaps: 0.03, shared: 12 };
    expect(method(roundTrip, true, true, -1.25, 0)).toBe('machine-translation');
    expect(method({ ...roundTrip, addedProse: 0.14 }, true, true, -1.25, 0)).toBe('paraphrase');
  });

  it('names a rewording that keeps its quotations word for word a paraphrase, unless it shows spinner syntax', () => {
    // The third story's paraphrase against its present original (session 29): order kept, words reordered 0.
    const rewritten = { kept: 0.85, added: 0.04, addedProse: 0.04, contentKept: 0.74, functionKept: 0.73, novel: 0.25, synonymSwaps: 0.09, shared: 23 };
    const context = (keepsSpeech: boolean, spintax: boolean): MethodContext => ({
      features: { ...untouched, ...rewritten }, spintax, synonymsKnown: true, spelledOut: 0, beyondSpin: false, sourceObserved: true, sameNormalized: false, sameRaw: false, keptPrefix: false, reordered: 0, keepsSpeech,
    });
    expect(classifyMethod(context(false, false))).toBe('machine-translation');
    expect(classifyMethod(context(true, false))).toBe('paraphrase');
    expect(classifyMethod(context(true, true))).toBe('spin');
  });

  it('names a light spin that also dropped a paragraph a spin against its source, an editor\'s cut and rewording an edit', () => {
    // The eighth story's spin of the club's copy (session 31): rate 0.15, one paragraph dropped.
    const cutSpin = { kept: 0.86, contentKept: 0.91, functionKept: 1, novel: 0.076, synonymSwaps: 0.72, shared: 18 };
    expect(method(cutSpin, true)).toBe('spin');
    // The club's own copy of the report: a paragraph dropped, a few phrases rewritten, none a synonym.
    expect(method({ ...cutSpin, functionKept: 0.97, synonymSwaps: 0 }, true)).toBe('edit');
    // Against a reconstruction the synonyms may be a sibling's reading: the cut decides.
    expect(method(cutSpin, false)).toBe('edit');
  });

  it('names a spin under a lost source by its synonyms and its function words together', () => {
    // A generated spin of a round trip's sibling (fixtures/deep, mtspin-lost-2): under half of its
    // lost content words synonyms, its function words kept 0.2 better than its content words.
    const spun = { contentKept: 0.75, functionKept: 0.95, novel: 0.23, synonymSwaps: 0.46, droppedKnown: 0.9 };
    expect(method(spun, false)).toBe('spin');
    // A round trip under a lost source, its sum at 0.55 (the highest of 145 such edges but three).
    expect(method({ ...spun, functionKept: 0.88, contentKept: 0.78, synonymSwaps: 0.45 }, false)).toBe('machine-translation');
  });

  it('names a copy that changed three words of 324 an edit against its source, a retyping only if none changed', () => {
    expect(method({ contentKept: 0.99, functionKept: 1, novel: 0.009 }, true)).toBe('edit');
    expect(method({ contentKept: 0.99 }, true)).toBe('edit');
    expect(method({}, true)).toBe('typographic');
    // Against a reconstruction so few changes are its noise.
    expect(method({ contentKept: 0.99, functionKept: 1, novel: 0.009 }, false)).toBe('copy');
  });

  it('names an edit that dropped many passages an edit, though the lost source it is read against seems reworded', () => {
    // The reconstruction took a spin sibling's synonyms in a few places: the edit seems to swap them back.
    expect(method({ kept: 0.71, contentKept: 0.94, novel: 0.044, synonymSwaps: 0.7 }, false)).toBe('edit');
    expect(method({ kept: 0.85, contentKept: 0.9, functionKept: 0.81, novel: 0.17, synonymSwaps: 0.19 }, false)).toBe('edit');
  });

  it('does not name a light rewording that keeps every passage an edit under a lost source', () => {
    // A round trip whose function words the reconstruction shares with a sibling round trip.
    expect(method({ contentKept: 0.9, functionKept: 0.95, novel: 0.12, synonymSwaps: 0.3 }, false)).toBe('machine-translation');
  });

  it('names a copy that breaks off and adds nothing a truncation under a lost source, and one cut and retouched against its source an edit', () => {
    // A generated truncation of a withheld original (--plans cut), read against the reconstruction.
    const brief = { kept: 0.6, contentKept: 0.95, functionKept: 0.98, novel: 0.08, synonymSwaps: 0.6, shared: 9 };
    expect(method(brief, false, true, 0, undefined, true)).toBe('truncation');
    expect(method(brief, false, true, 0, undefined, false)).toBe('edit');
    expect(method({ ...brief, added: 0.13, addedProse: 0.13 }, false, true, 0, undefined, true)).toBe('edit');
    expect(method(brief, true, true, 0, undefined, true)).toBe('edit');
  });

  it('names a spin whose phrase swaps cost function words a spin when most lost content words became synonyms', () => {
    // The hand-made spin of a 120-word wire report (fixtures/story/ferry-present), against its source.
    const spun = { contentKept: 0.76, functionKept: 0.9, novel: 0.23, synonymSwaps: 0.82, shared: 7 };
    expect(method(spun, true)).toBe('spin');
    // A round trip with as many function words kept: at most 0.59 of its lost words are synonyms.
    expect(method({ ...spun, synonymSwaps: 0.59 }, true)).toBe('machine-translation');
    expect(method({ ...spun, functionKept: 0.8 }, true)).toBe('machine-translation');
  });

  it('names a copy that keeps every passage and rewords less than any round trip an edit under a lost source', () => {
    // The story's complete copy with two blocks of paragraphs swapped, read against its lost source.
    const touched = { contentKept: 0.97, functionKept: 0.99, novel: 0.045, synonymSwaps: 0.13, shared: 26 };
    expect(method(touched, false)).toBe('edit');
    // The least reworded round trip of the generated sets, and one that rewrote its function words.
    expect(method({ ...touched, novel: 0.102 }, false)).toBe('machine-translation');
    expect(method({ ...touched, functionKept: 0.85 }, false)).toBe('machine-translation');
  });

  it('names a rewording under a lost source a spin only when most lost content words became synonyms', () => {
    // A round trip that lost content words faster than function words, as a spinner does.
    const roundTrip = { contentKept: 0.69, functionKept: 0.86, novel: 0.31, synonymSwaps: 0.37 };
    expect(method(roundTrip, false)).toBe('machine-translation');
    // Without a thesaurus, synonym swaps cannot be counted, and the function words decide.
    expect(method({ ...roundTrip, synonymSwaps: 0 }, false, false)).toBe('spin');
    expect(method({ contentKept: 0.88, functionKept: 0.97, novel: 0.11, synonymSwaps: 0.6 }, false)).toBe('spin');
    expect(method({ contentKept: 0.75, functionKept: 0.99, novel: 0.2, synonymSwaps: 0.8 }, true)).toBe('spin');
    // Against a source that is present, kept function words are enough (fixtures/chain's light spin).
    expect(method({ contentKept: 0.84, functionKept: 1, novel: 0.11, synonymSwaps: 0.28 }, true)).toBe('spin');
  });

  it('names a copy editor’s touch (few synonyms) an edit when the source is present, and a round trip that rewrites function words a translation', () => {
    expect(method({ contentKept: 0.9, functionKept: 0.98, novel: 0.1, synonymSwaps: 0.1 }, true)).toBe('edit');
    expect(method({ contentKept: 0.9, functionKept: 0.76, novel: 0.13, synonymSwaps: 0.38 }, true)).toBe('machine-translation');
  });

  it('names a text whose paragraphs were reordered, words untouched, an edit, not a typographic copy', () => {
    expect(method({}, true)).toBe('typographic');
    expect(method({ orderKept: 0.4 }, true)).toBe('edit');
    expect(method({ orderKept: 0.4 }, false)).toBe('edit');
  });

  it('names a light revision that reworks function words an edit unless it spells out more "the" and "of", as a translation does', () => {
    // A Clough student's light revision of the article: 0.83 of the function words kept.
    const revision = { contentKept: 0.86, functionKept: 0.83, novel: 0.12, synonymSwaps: 0.15 };
    expect(method(revision, true, true, 0)).toBe('edit');
    expect(method(revision, true, true, 3)).toBe('machine-translation');
  });

  it('names a rewording of one or two passages a paraphrase: a translation shows by passages kept in order, and there are none to order', () => {
    // Two one-sentence reports of the same earthquake, one reworded from the other.
    const tweet = { contentKept: 0.62, functionKept: 0.7, novel: 0.35, synonymSwaps: 0.1 };
    expect(method({ ...tweet, shared: 1 }, true)).toBe('paraphrase');
    expect(method({ ...tweet, shared: 2 }, false)).toBe('paraphrase');
    expect(method(tweet, true)).toBe('machine-translation');
  });

  it('names no spin whose lost words are mostly no dictionary words, nor a translation a text that keeps every function word of a present source', () => {
    // Two commit notices of one change on two branches: revision numbers and host names changed.
    const notice = { contentKept: 0.83, functionKept: 1, novel: 0.12, synonymSwaps: 0 };
    expect(method({ ...notice, droppedKnown: 0.5 }, true)).toBe('edit');
    expect(method({ ...notice, droppedKnown: 0.95, synonymSwaps: 0.4 }, true)).toBe('spin');
  });

  it('names no spin a template filled in again: words swapped in place, none for a synonym', () => {
    // Two mailings of one spam: names, dates and times changed ("Monday" -> "Thursday").
    const refill = { contentKept: 0.8, functionKept: 1, novel: 0.14, droppedKnown: 0.9 };
    expect(method({ ...refill, synonymSwaps: 0 }, true)).toBe('edit');
    expect(method({ ...refill, synonymSwaps: 0.31 }, true)).toBe('spin');
    // Without a dictionary nothing tells the two apart, and the old reading stands.
    expect(method({ ...refill, synonymSwaps: 0 }, true, false)).toBe('spin');
  });

  it('counts a renaming carried through a text once: terms copied with the names replaced and a section added are an edit', () => {
    // fixtures/story/terms-present, the second copy against the first: "Zenith Journal" ->
    // "Nova Pad" at every place, a section added; every function word kept.
    const copied = { added: 0.1, addedProse: 0.1, contentKept: 0.83, functionKept: 1, novel: 0.09, synonymSwaps: 0, shared: 26 };
    expect(method(copied, true)).toBe('paraphrase');
    expect(method({ ...copied, renamed: 0.07, renamedNovel: 0.05 }, true)).toBe('edit');
    // Where the function words were rewritten too, a word rendered alike each time is a translation's.
    expect(method({ ...copied, functionKept: 0.85, renamed: 0.07, renamedNovel: 0.05 }, true)).toBe('paraphrase');
  });
});

describe('findSpintax', () => {
  it('finds a spinner\'s alternatives and braced fragments of words', () => {
    expect(findSpintax('a {big|large|huge} dog')).toBe('{big|large|huge}');
    expect(findSpintax('the ball is {that a} court')).toBe('{that a}');
    expect(findSpintax('for {12 a} and')).toBe('{12 a}');
    expect(findSpintax('teclea {"qwerty", un} teclado')).toBe('{"qwerty", un}');
  });

  it('takes no code, style sheet, LaTeX or template for spinner syntax, nor braces the source has too', () => {
    expect(findSpintax('if ($@) { warn $@; }')).toBeUndefined();
    expect(findSpintax('p{font-family:serif}')).toBeUndefined();
    expect(findSpintax('see \\emph{word} and ${name} and {x = 1} and \\frac{1}{2}')).toBeUndefined();
    expect(findSpintax('the ball is {that a} court', 'as {that a} said')).toBeUndefined();
    // A label that opens a line is an editor's: a newsletter's items.
    expect(findSpintax('Read the review.\n{Recipe lister} The best thing about this recipe holder?')).toBeUndefined();
    expect(findSpintax('{Recipe lister} The best thing about this recipe holder?')).toBeUndefined();
    expect(findSpintax('Read the review.\n{big|large} dogs bark')).toBe('{big|large}');
  });

  it('takes braces whose words a round trip rendered for the source\'s, and new braces for the copy\'s own', () => {
    expect(findSpintax('filled only three since {Jan } Jan', 'filled only three since {Jan a} Jan')).toBeUndefined();
    expect(findSpintax('filled only three since {Jan } Jan and {of a} crash', 'filled only three since {Jan a} Jan')).toBe('{of a}');
  });
});

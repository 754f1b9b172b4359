import { describe, expect, it } from 'vitest';
import { compare } from '../src/compare.js';
import { Chalk } from 'chalk';
import { describeEvidence, renderTable } from '../src/report/table.js';
import { renderDot, renderGraphml, renderMermaid } from '../src/report/graph.js';
import { renderJsonl } from '../src/report/jsonl.js';
import { splitSwaps, substitutionEvidence, type OrientedEdit } from '../src/derive/evidence.js';
import { basicLexicon, isSlip, isSpinnerSwap, isSynonymSwap, readingCommonness, type Lexicon } from '../src/lexicon.js';
import { loadWordNetLexicon } from '../src/wordnet.js';
import type { Character, CollationUnit } from '../src/derive/collate.js';
import { hiddenReading } from '../src/derive/features.js';
import { assemble, type Derivation, type Evidence } from '../src/derive/index.js';
import { condensedBeyondCopying, rateKeptBySpin, spelledOut, spelledOutBeyondSpin } from '../src/derive/explicitation.js';
import { passageDirection } from '../src/derive/passage.js';
import { relation, type ComparedPair } from '../src/derive/relation.js';
import { HARBOUR, readFixture, SEED } from './helpers.js';

const lexicon = await loadWordNetLexicon();
const derivations = (scenario: string) =>
  Object.fromEntries(compare(readFixture(scenario), { lexicon }).derivations.map((d) => [d.target, d]));
/** The derivations of texts given inline, by target. */
const parentOf = (texts: Record<string, string>) =>
  Object.fromEntries(compare(Object.entries(texts).map(([id, text]) => ({ id, text, sha256: '' })), { lexicon }).derivations.map((d) => [d.target, d]));

/** Applies replacements in order, each to its first occurrence. */
const swap = (text: string, pairs: [string, string][]): string => pairs.reduce((t, [x, y]) => t.replace(x, y), text);

describe('derive on the seed story', () => {
  const seeds = derivations('seeds');

  it('puts the four copies under one lost source and the independent article apart', () => {
    const sources = [SEED.mt, SEED.paraphrase, SEED.fluentMt, SEED.spin].map((id) => seeds[id]?.source);
    expect(new Set(sources)).toEqual(new Set(['hidden:1']));
    expect(seeds[SEED.independent]).toMatchObject({ source: null, method: 'independent' });
  });

  it('names the methods', () => {
    expect(seeds[SEED.mt]?.method).toBe('machine-translation');
    expect(seeds[SEED.paraphrase]?.method).toBe('paraphrase');
    expect(seeds[SEED.fluentMt]?.method).toBe('machine-translation');
    expect(seeds[SEED.spin]?.method).toBe('spin');
  });

  it('shows the spinner\'s drift and residue as evidence', () => {
    const evidence = seeds[SEED.spin]?.evidence ?? [];
    expect(evidence).toContainEqual(expect.objectContaining({ kind: 'substitution', sourceText: 'court', targetText: 'court docket' }));
    expect(evidence).toContainEqual(expect.objectContaining({ kind: 'spintax', targetText: '{that a}' }));
  });

  it('finds the names the round trip spells two ways', () => {
    const variants = (seeds[SEED.mt]?.evidence ?? []).filter((e) => e.kind === 'spelling-variant').map((e) => [e.sourceText, e.targetText]);
    expect(variants).toEqual([['Kursk', 'Kusk'], ['Leavitt', 'Levitt']]);
  });

  it('lists the names a round trip respelled before other drift', () => {
    const top = (id: string): string[] => (seeds[id]?.evidence ?? []).slice(0, 3).map((e) => `${e.sourceText} -> ${e.targetText}`);
    expect(top(SEED.mt).slice(0, 2)).toEqual(['Kursk -> Kusk', 'Volodymyr -> Volodomyr']);
    expect(top(SEED.fluentMt)).toEqual(expect.arrayContaining(['Zelensky -> Zelenskyy', 'Kryvyy -> Kryvyi']));
  });

  it('says why a copy is not from its sibling: the spinner keeps the Witkoff passage that 002 lacks and 000 has', () => {
    const notFrom = (seeds[SEED.spin]?.evidence ?? []).find((e) => e.kind === 'not-from' && e.sourceText === SEED.fluentMt);
    expect(notFrom?.targetText).toMatch(/^Earlier this week, a supply accustomed to the matter advised the BBC that Center East/);
    expect(notFrom?.support).toBe(2);
  });
});

describe('derive on the seed story with copies no text can order', () => {
  const inputs = readFixture('seeds');
  const text = (id: string): string => inputs.find((d) => d.id === id)?.text ?? '';
  const retyped = text(SEED.fluentMt).replace(/[“”]/g, '"').replace(/[‘’]/g, "'").replace(/—/g, '--');
  const added = [
    { id: '005_retyped.txt', text: retyped, sha256: '' },
    { id: '006_duplicate.txt', text: text(SEED.spin), sha256: '' },
  ];
  const found = Object.fromEntries(compare([...inputs, ...added], { lexicon }).derivations.map((d) => [d.target, d]));

  it('says an exact duplicate could be either way round, in a family searched by hill climbing', () => {
    const pair = [found[SEED.spin], found['006_duplicate.txt']];
    const copy = pair.find((d) => d?.method === 'copy');
    expect(copy?.source === SEED.spin || copy?.source === '006_duplicate.txt').toBe(true);
    for (const d of pair) expect(d).toMatchObject({ directionOnly: true, confidence: 0.5 });
  });
});

describe('derive on the seed story two texts at a time', () => {
  const inputs = readFixture('seeds');
  const pair = (a: string, b: string) => parentOf(Object.fromEntries(inputs.filter((d) => d.id === a || d.id === b).map((d) => [d.id, d.text])));

  it('puts two copies that each keep passages the other lacks under a lost source, no surer than a direction', () => {
    const found = pair(SEED.mt, SEED.paraphrase);
    for (const [id, other] of [[SEED.mt, SEED.paraphrase], [SEED.paraphrase, SEED.mt]] as const) {
      expect(found[id]).toMatchObject({ source: 'hidden:1' });
      expect(found[id]?.confidence).toBeLessThanOrEqual(0.75);
      const notFrom = found[id]?.evidence.find((e) => e.kind === 'not-from');
      expect(notFrom?.sourceText).toBe(other);
      expect(notFrom?.support).toBeGreaterThanOrEqual(3);
    }
  });

  it('puts the two round trips under a lost source too, though one lacks too little of the other for the passage test', () => {
    // The fluent round trip lacks only the Micheál Martin sentence of the poor one's, two
    // passages, none of its own: a machine adds none, and the two differ as round trips do.
    // Before session 40 the pair was drawn one from the other.
    const found = pair(SEED.mt, SEED.fluentMt);
    expect(found[SEED.mt]?.source).toBe('hidden:1');
    expect(found[SEED.fluentMt]?.source).toBe('hidden:1');
    expect(found[SEED.mt]?.evidence.find((e) => e.kind === 'not-from')).toMatchObject({ sourceText: SEED.fluentMt, support: 2 });
    expect(found[SEED.mt]?.confidence).toBeLessThanOrEqual(0.6);
  });

  it('puts every pair of the seeds\' four copies under a lost source', () => {
    const copies = [SEED.mt, SEED.paraphrase, SEED.fluentMt, SEED.spin];
    for (const [i, a] of copies.entries()) for (const b of copies.slice(i + 1)) for (const d of Object.values(pair(a, b))) expect(d.source, `${a} ${b}`).toBe('hidden:1');
  });

  it('keeps a reply under the message it quotes, though each has passages of its own', () => {
    const message = 'The council met on Monday to discuss the budget. It agreed to raise parking fees by ten per cent. The mayor said the money would go to road repairs. Bus fares will stay as they are this year. The library will open on Sundays from April. Opposition members voted against the plan. A final vote is expected next month. Residents can comment online until Friday.';
    const reply = [
      '> The council met on Monday to discuss the budget.\n> It agreed to raise parking fees by ten per cent.',
      'I think this is a mistake, because parking in the centre is already too dear.',
      '> The mayor said the money would go to road repairs.',
      'The roads have been promised repairs for ten years and nothing has happened.',
      '> Bus fares will stay as they are this year.\n> The library will open on Sundays from April.',
      'Shops will lose customers to the retail park, where parking costs nothing at all.',
    ].join('\n\n');
    const found = parentOf({ 'message.txt': message, 'reply.txt': reply });
    expect(found['reply.txt']?.source).toBe('message.txt');
    expect(found['message.txt']?.source).toBeNull();
    // Quoted as one block above its own words, the reply adds more than the message has beyond
    // it, and by passages alone the message had read as the reply's edit.
    const block = `${message.split('. ').slice(0, 5).map((s) => `> ${s.replace(/\.$/u, '')}.`).join('\n')}\n\nI think this is a mistake. Parking in the centre is already too dear. Shops will lose customers to the retail park. We should tax the car parks there instead.`;
    const answered = parentOf({ 'message.txt': message, 'reply.txt': block });
    expect(answered['reply.txt']?.source).toBe('message.txt');
    expect(answered['message.txt']?.source).toBeNull();
  });
});

describe('derive on two generated copies of a withheld original, taken alone', () => {
  const members = (family: string, ids: readonly string[]) => parentOf(Object.fromEntries(readFixture(`heldout/${family}`).filter((d) => ids.includes(d.id)).map((d) => [d.id, d.text])));

  it('puts an edit and a round trip that has passages the edit dropped under a lost source', () => {
    // A machine adds no sentence, so the edit is not the round trip's source; and an editor keeps
    // the words of the sentences he keeps, where these two differ as a machine's output does.
    const found = members('lost-1', ['a.txt', 'b.txt']);
    expect(found['a.txt']).toMatchObject({ source: 'hidden:1', method: 'machine-translation' });
    expect(found['b.txt']?.source).toBe('hidden:1');
    expect(found['a.txt']?.evidence.find((e) => e.kind === 'not-from')?.sourceText).toBe('b.txt');
    expect(found['a.txt']?.confidence).toBeLessThanOrEqual(0.75);
  });

  it('puts a round trip and a spin, which keep every passage, under a lost source where their tendencies point both ways', () => {
    // The spin's rare synonyms read as later than the round trip's words, and the round trip's
    // spelled-out relations as later than the spin's: neither was made from the other.
    const found = members('lost-2', ['a.txt', 'c.txt']);
    expect(found['a.txt']?.source).toBe('hidden:1');
    expect(found['c.txt']?.source).toBe('hidden:1');
    expect(found['a.txt']?.confidence).toBeLessThanOrEqual(0.75);
    expect(found['a.txt']?.confidence).toBe(found['c.txt']?.confidence);
  });

  it('keeps the original above the spin of its edit, which lacks the passages the edit dropped', () => {
    // Here the copy with fewer passages is the machine's: it descends from the other.
    const found = parentOf(Object.fromEntries(readFixture('generated/tree-1').filter((d) => d.id === 'original.txt' || d.id === 'b.txt').map((d) => [d.id, d.text])));
    expect(found['original.txt']?.source).toBeNull();
    expect(found['b.txt']?.source).toBe('original.txt');
  });
});

describe('derive on the seeds\' shape with an Esperanto round trip that has a spin of its own (fixtures/story/marathon)', () => {
  it('draws the lost wire above both round trips and the spin of the wire, the round trip\'s spin under it', () => {
    const found = derivations('story/marathon');
    const lost = found['1061_eo_mt.txt']?.source;
    expect(lost).toMatch(/^hidden:/);
    expect(found['1063_gl_mt.txt']).toMatchObject({ source: lost, method: 'machine-translation' });
    expect(found['1064_spin.txt']).toMatchObject({ source: lost, method: 'spin' });
    expect(found['1062_spin_of_eo.txt']).toMatchObject({ source: '1061_eo_mt.txt', method: 'spin' });
    expect(found['1065_indep.txt']).toMatchObject({ source: null, method: 'independent' });
  });
});

describe('derive on an explainer whose paraphrase rewords every sentence and quotes nobody (fixtures/story/sleep-present)', () => {
  it('says the paraphrase independent no surer than its aligned narration and shared rare words allow, and a report of another story sure', () => {
    const found = derivations('story/sleep-present');
    // A known miss: no run of words is shared, so the paraphrase is not linked; it was "independent" at 0.99.
    expect(found['802_para.txt']).toMatchObject({ source: null, method: 'independent' });
    expect(found['802_para.txt']?.confidence).toBeLessThan(0.7);
    const apart = parentOf({
      'a.txt': HARBOUR.join(' '),
      'b.txt': 'The orchestra rehearsed the symphony for three weeks before the premiere. Its conductor asked the violins to play more softly in the slow movement. Tickets for the opening night sold out within an hour.',
    });
    expect(apart['b.txt']).toMatchObject({ source: null, method: 'independent', confidence: 0.99 });
  });
});

describe('derive on a wire beside a blog that quotes three of its paragraphs between its own comments (fixtures/story/rail-present)', () => {
  const found = derivations('story/rail-present');

  it('keeps the wire the original of every copy: the paragraphs the blog left unquoted are no drop it shares with the round trip', () => {
    expect(found['590_wire.txt']?.source).toBeNull();
    for (const id of ['591_blog.txt', '592_es_mt.txt', '593_spin.txt', '594_para.txt']) expect(found[id]?.source).toBe('590_wire.txt');
  });
});

describe('derive on the seeds\' shape with the wire present, its fluent round trip and paraphrase agreeing on usual wording (fixtures/story/lynx)', () => {
  it('keeps the wire the original of both round trips, the spin and the paraphrase that moved its quotations up', () => {
    const found = derivations('story/lynx-present');
    expect(found['610_wire.txt']?.source).toBeNull();
    for (const id of ['611_es_mt.txt', '612_fluent.txt', '613_spin.txt', '614_para.txt']) expect(found[id]?.source).toBe('610_wire.txt');
    expect(found['615_indep.txt']).toMatchObject({ source: null, method: 'independent' });
  });

  it('puts the four copies under one lost source with the wire withheld', () => {
    const found = derivations('story/lynx');
    for (const id of ['611_es_mt.txt', '612_fluent.txt', '613_spin.txt', '614_para.txt']) expect(found[id]?.source).toBe('hidden:1');
  });

  it('hangs a Spanish and a Catalan rendering under the English wire, each keeping English words the other lacks', () => {
    // The two Romance renderings share more anchor forms with each other than with the wire; the
    // English words each machine left ("collars", "continent"; "Eurasian", "young") say neither
    // was made from the other.
    const found = derivations('story/lynxlang-present');
    for (const id of ['616_es.txt', '617_ca.txt']) expect(found[id]).toMatchObject({ source: '610_wire.txt', method: 'translation' });
  });
});

describe('derive on four outlets\' edits of one wire (fixtures/story/outlets-present)', () => {
  it('hangs the teaser that links to the rest under the wire whose opening it keeps word for word', () => {
    expect(derivations('story/outlets-present')['684_aggregator.txt']).toMatchObject({ source: '680_wire.txt', method: 'truncation' });
  });
});

describe('derive on a second story made to the seeds\' pattern (fixtures/story)', () => {
  const story = derivations('story/antwerp');
  const substitutions = (id: string): string[] =>
    (story[id]?.evidence ?? []).filter((e) => e.kind === 'substitution').map((e) => `${e.sourceText} -> ${e.targetText}`);

  it('puts the round trips, the paraphrase and the spin under one lost source, and the report that shares quotes apart', () => {
    for (const id of ['010_havena_blow.txt', '011_antwerp_deal.txt', '012_port_strike.txt', '013_antwerp_port.txt']) expect(story[id]?.source).toBe('hidden:1');
    expect(story['014_vrt_port.txt']).toMatchObject({ source: null, method: 'independent' });
    expect(story['013_antwerp_port.txt']?.method).toBe('spin');
    expect(story['010_havena_blow.txt']?.method).toBe('machine-translation');
  });

  it('reads relatedness from narration: a brief that is half shared quotations is apart, its own copy is not', () => {
    // 015 aligns with the copies in half its sentences, all through the quotes (session 25 drew it
    // under the lost source as a paraphrase); a copy of 015 itself, a sentence of narration
    // reworded and the quotes kept, shares narration with it and stays its copy.
    expect(story['015_flanders_today.txt']).toMatchObject({ source: null, method: 'independent' });
    const brief = readFixture('story/antwerp').find((d) => d.id === '015_flanders_today.txt')?.text ?? '';
    const copy = swap(brief, [['did not hide his mixed feelings', 'made no secret of his mixed feelings'], ['Most said', 'Most of them said']]);
    const pair = parentOf({ 'brief.txt': brief, 'copy.txt': copy, 'report.txt': readFixture('story/antwerp').find((d) => d.id === '014_vrt_port.txt')?.text ?? '' });
    expect(pair['copy.txt']?.source === 'brief.txt' || pair['brief.txt']?.source === 'copy.txt').toBe(true);
    expect(pair['report.txt']).toMatchObject({ source: null, method: 'independent' });
  });

  it("quotes the spinner's swaps, a fixed expression whole", () => {
    expect(substitutions('013_antwerp_port.txt')).toEqual(expect.arrayContaining(['court -> court docket', 'North Sea -> Union Ocean', 'last year -> final 12 months']));
    expect(substitutions('013_antwerp_port.txt')).not.toContain('North Sea -> North Ocean');
  });

  it('claims no source reading that the other copies read two ways, and no drift in two names the lost source has', () => {
    // Where the spin has "cargo", the round trips read "good" and "charge": neither is claimed.
    for (const id of ['011_antwerp_deal.txt', '013_antwerp_port.txt']) expect(substitutions(id).filter((s) => s.startsWith('good ->'))).toEqual([]);
    // "Peeters" (the alderman) and "Pieter" (the minister) are in every copy: two names, not a respelling.
    for (const d of Object.values(story)) expect(d.evidence.filter((e) => e.kind === 'spelling-variant')).toEqual([]);
  });
});

describe('the second story with its original present (fixtures/story/chain)', () => {
  const chain = derivations('story/chain');

  it('takes the original for the original, not for a copy of a lost text its reworded copies agree on by chance', () => {
    expect(chain['020_original.txt']).toMatchObject({ source: null, method: 'original' });
    expect(Object.values(chain).every((d) => !d.source?.startsWith('hidden'))).toBe(true);
    expect(chain['021_mt.txt']).toMatchObject({ source: '020_original.txt', method: 'machine-translation' });
    expect(chain['022_spin.txt']).toMatchObject({ source: '021_mt.txt', method: 'spin' });
    expect(chain['023_para.txt']).toMatchObject({ source: '020_original.txt', method: 'paraphrase' });
    expect(chain['025_synd.txt']).toMatchObject({ source: '020_original.txt', method: 'edit' });
    expect(chain['024_indep.txt']).toMatchObject({ source: null, method: 'independent' });
  });
});

describe('a third story, written in session 29 and run once (fixtures/story/arctic)', () => {
  const lost = derivations('story/arctic');
  const present = derivations('story/arctic-present');

  it('draws the copies under one lost source, the spin of a round trip under that round trip', () => {
    for (const id of ['030_arctic_mt.txt', '031_para.txt', '032_cat_mt.txt', '033_spin.txt', '036_excerpt.txt']) expect(lost[id]?.source).toBe('hidden:1');
    expect(lost['034_spin_of_mt.txt']).toMatchObject({ source: '032_cat_mt.txt', method: 'spin' });
    expect(lost['035_indep.txt']).toMatchObject({ source: null, method: 'independent' });
    expect(present['029_original.txt']).toMatchObject({ source: null, method: 'original' });
    expect(present['034_spin_of_mt.txt']).toMatchObject({ source: '032_cat_mt.txt', method: 'spin' });
  });

  it('names a paraphrase that keeps its sentences in order by the quotations it keeps word for word', () => {
    // The paraphrase recasts few sentences (the word-order test reads 0.04), and was named a
    // round trip before session 29; the round trips change the quotations as much as the rest.
    for (const d of [lost, present]) {
      expect(d['031_para.txt']?.method).toBe('paraphrase');
      expect(d['031_para.txt']?.evidence[0]).toMatchObject({ kind: 'speech-kept', support: 11 });
      expect(d['030_arctic_mt.txt']?.method).toBe('machine-translation');
      expect(d['032_cat_mt.txt']?.method).toBe('machine-translation');
      expect(d['030_arctic_mt.txt']?.evidence.some((e) => e.kind === 'speech-kept')).toBe(false);
    }
    expect(describeEvidence(present['031_para.txt']?.evidence[0] as Evidence)).toMatch(/^keeps 11 of 11 quotations word for word/);
  });
});

describe('a fourth story, a wire report and its syndicated copies, written in session 29 and run once (fixtures/story/fire)', () => {
  const lost = derivations('story/fire');
  const present = derivations('story/fire-present');

  it('hangs each copy of a copy under the copy whose changes it keeps, and relates no independent or unrelated report', () => {
    for (const d of [lost, present]) {
      // The aggregator keeps the syndicated copy's two slips ("Barranco de Velho", "hectars").
      expect(d['042_aggregator.txt']).toMatchObject({ source: '041_courier.txt', method: 'edit' });
      expect(d['044_spun.txt']).toMatchObject({ source: '043_rewrite.txt', method: 'spin' });
      expect(d['046_reuters.txt']).toMatchObject({ source: null, method: 'independent' });
      expect(d['047_football.txt']).toMatchObject({ source: null, method: 'independent' });
    }
    for (const id of ['041_courier.txt', '043_rewrite.txt', '045_galician.txt']) {
      expect(lost[id]?.source).toBe('hidden:1');
      expect(present[id]?.source).toBe('040_original.txt');
    }
  });

  it('does not take a faithful copy for a writer\'s rewording because its siblings reworded the narration it kept', () => {
    // Under the lost source the syndicated copy's narration is found in no sibling (a paraphrase
    // and a round trip), though its quotations are: the quotation rule waits for the content words
    // it lost against the reconstruction, which are few.
    expect(lost['041_courier.txt']?.method).not.toBe('paraphrase');
    expect(lost['041_courier.txt']?.evidence.some((e) => e.kind === 'speech-kept')).toBe(false);
    expect(present['041_courier.txt']?.method).toBe('edit');
    expect(lost['043_rewrite.txt']?.method).toBe('paraphrase');
  });
});

describe('a round-up made of a syndicated copy and an independent report (fixtures/story/roundup)', () => {
  const roundup = derivations('story/roundup');

  it('names the report a second source of the round-up, not its copy, and keeps the original at the root', () => {
    // The round-up runs three of the report's seven paragraphs word for word: 0.4 of the report's
    // narration, which drew it as the round-up's copy, an edit at 0.75 (session 28). A copy and its
    // copy have no readings alone, so with three such lines the original's test had no median and
    // a lost source was drawn above the original, a paraphrase and a round trip.
    expect(roundup['046_reuters.txt']).toMatchObject({ source: null, method: 'original' });
    expect(roundup['048_roundup.txt']).toMatchObject({ source: '041_courier.txt', alsoFrom: { source: '046_reuters.txt' } });
    expect(roundup['040_original.txt']).toMatchObject({ source: null, method: 'original' });
    for (const id of ['041_courier.txt', '043_rewrite.txt', '045_galician.txt']) expect(roundup[id]?.source).toBe('040_original.txt');
  });
});

describe('the third story as the web holds it (fixtures/story/web)', () => {
  const web = derivations('story/web');

  it('takes no complete copy with two blocks of paragraphs moved for the original of copies that keep the order', () => {
    // 052 keeps every paragraph word for word but swaps two blocks of three; the round trip, the
    // spin and the HTML page keep the lost original's order. Before session 29, 052 was their original.
    for (const id of ['030_arctic_mt.txt', '033_spin.txt', '050_nordicwire.html', '051_summary.txt', '052_reordered.txt']) expect(web[id]?.source).toBe('hidden:1');
  });

  it('hangs a rendering of the lost original under it, not under the complete copy that keeps the same names and numbers', () => {
    // "Kiel" and "30" are in three of the five members: the lost source's readings, no member's own.
    expect(web['053_es.txt']).toMatchObject({ source: 'hidden:1', method: 'translation' });
  });
});

describe('a fifth story, a press release and its pick-ups, written in session 30 and run once (fixtures/story/kestrel)', () => {
  const lost = derivations('story/kestrel');

  it('takes no faithful brief for the original of the copies that go on past its end', () => {
    // The brief keeps the release's first paragraphs word for word; the newsdesk copy, the spin and
    // the round trip have the rest. Before session 30 the brief was their original, the rest given
    // them by a second source.
    for (const id of ['071_newsdesk.txt', '073_spun.txt', '074_brief.txt', '077_hr_mt.txt']) expect(lost[id]?.source).toBe('hidden:1');
    expect(lost['074_brief.txt']?.method).toBe('truncation');
    expect(lost['072_newsdesk_es_mt.txt']).toMatchObject({ source: '071_newsdesk.txt', method: 'machine-translation' });
    expect(lost['076_indep.txt']).toMatchObject({ source: null, method: 'independent' });
  });

  it("hangs the blog under the lost source: it made 1 of the newsdesk edit's 3 changes, and a copy keeps them", () => {
    // Until session 32 it hung under the newsdesk copy for an omission they share, and the lost
    // source's group no longer matched (2/7 parents).
    expect(lost['075_blog.txt']?.source).toBe('hidden:1');
    expect(lost['075_blog.txt']?.evidence.some((e) => e.kind === 'drift-not-kept' && e.sourceText === '071_newsdesk.txt')).toBe(true);
  });
});

describe('an eighty-second story, a wire with a Galician round trip and a Spanish one of its first paragraphs, written in session 40 (fixtures/story/shortage-present)', () => {
  const present = derivations('story/shortage-present');

  it('hangs the cut-short Spanish round trip under the wire: the Galician one makes a larger share of its changes than it makes of the Galician one\'s', () => {
    // Related engines depart from the wire at the same words: 52 of the Galician round trip's 57
    // changes, a rate a copy can lose at. A copy would add changes of its own; here the Galician
    // one makes 36 of the Spanish one's 39.
    expect(present['873_es_mt.txt']?.source).toBe('870_wire.txt');
    expect(present['873_es_mt.txt']?.evidence.find((e) => e.kind === 'drift-not-kept')?.detail).toMatch(/makes 36 of its 39/);
    expect(present['871_gl_mt.txt']).toMatchObject({ source: '870_wire.txt', method: 'machine-translation' });
  });
});

describe('a seventh story, a council report, its scrape and a column, written in session 30 and run once (fixtures/story/pool-present)', () => {
  const present = derivations('story/pool-present');

  it('reads no advertisement or teaser line as a passage, and takes the column that cites the report for its borrower', () => {
    // Before session 30 the scrape was the report's source (the report "dropped" its furniture)
    // and the column, which fits the quoted paragraphs to its argument, the scrape's source.
    expect(present['090_courier.txt']).toMatchObject({ source: null, method: 'original' });
    expect(present['091_scrape.txt']?.source).toBe('090_courier.txt');
    expect(present['096_column.txt']).toMatchObject({ source: '090_courier.txt', method: 'passage-reuse' });
    expect(present['094_respin.txt']).toMatchObject({ source: '093_spin.txt', method: 'spin' });
  });

  it('takes the column for the report\'s borrower also when the copy editor\'s version sorts first', () => {
    // The column shares its five sentences as surely with the report as with the copy editor's
    // version of it; the first pair listed, by file name, used to lend them.
    const named = readFixture('story/pool-present');
    const renamed = named.map((d, i) => ({ ...d, id: `${String(named.length - i).padStart(2, '0')}_${d.id}` }));
    const byTarget = Object.fromEntries(compare(renamed, { lexicon }).derivations.map((d) => [d.target, d]));
    expect(byTarget['02_096_column.txt']).toMatchObject({ source: '08_090_courier.txt', method: 'passage-reuse' });
  });
});

describe('an eighth story, a match report, written in session 31 and run once (fixtures/story/match)', () => {
  const lost = derivations('story/match');

  it('takes no spin that kept every passage for the original of the lost source\'s other copies', () => {
    // The spin departs alone on every swapped word ("succeeder" for "winner", "Pulverization Lane"),
    // where the club's copy, the round trip, the paraphrase and the brief agree: before session 31
    // the documents' own tree rooted at the spin, each of them a copy of it.
    for (const id of ['101_club_site.txt', '102_gl_mt.txt', '103_spin.txt', '105_para.txt', '106_brief.txt']) expect(lost[id]?.source).toBe('hidden:1');
    expect(lost['104_spin_of_site.txt']).toMatchObject({ source: '101_club_site.txt', method: 'spin' });
    expect(lost['108_preview.txt']).toMatchObject({ source: null, method: 'independent' });
  });
});

describe('a ninth story, a press release and a chain of pick-ups, written in session 31 (fixtures/story/fox-present)', () => {
  it('follows the paragraphs an outlet added down its line of copies', () => {
    // The courier added an opening and an outside expert's paragraph; the syndicated copy kept
    // them and dropped two others, and the spin is of the syndicated copy.
    const present = derivations('story/fox-present');
    expect(present['110_release.txt']).toMatchObject({ source: null, method: 'original' });
    expect(present['111_courier.txt']).toMatchObject({ source: '110_release.txt', method: 'edit' });
    expect(present['112_syndicated.txt']).toMatchObject({ source: '111_courier.txt', method: 'edit' });
    expect(present['115_spin.txt']).toMatchObject({ source: '112_syndicated.txt', method: 'spin' });
    expect(present['117_es.txt']).toMatchObject({ source: '110_release.txt', method: 'translation' });
    expect(present['116_indep.txt']).toMatchObject({ source: null, method: 'independent' });
  });
});

describe('an eleventh story, two notices written on one template (fixtures/story/recall)', () => {
  it('takes the notice on another product for no version of the first, though it shares its template sentences', () => {
    // The second notice shares the symptoms and the consumer advice word for word, but none of
    // the first notice's figures (pack sizes, dates): before session 31 it was the first one's
    // paraphrase, and under the lost source it joined the copies' group.
    const lost = derivations('story/recall');
    expect(lost['136_other_recall.txt']?.source).toBeNull();
    for (const [id, d] of Object.entries(lost)) if (id !== '136_other_recall.txt') expect(d.source, id).not.toBe('136_other_recall.txt');
  });

  it('takes their verbatim symptoms passage for the template\'s, not for one borrowing from the other', () => {
    // Until session 32 the 31-word passage related them as a passage: beside the original, the
    // original was named the second notice's borrower (0.58) and the radio copy named it a second
    // source. Their other shared sentences put another company, day and product in the same frame.
    const present = derivations('story/recall-present');
    expect(present['130_notice.txt']).toMatchObject({ source: null, method: 'original' });
    expect(present['136_other_recall.txt']).toMatchObject({ source: null, method: 'independent' });
    for (const d of Object.values(present)) expect(d.alsoFrom?.source).not.toBe('136_other_recall.txt');
  });
});

describe('a twelfth story, a chain and a blog that merges two copies (fixtures/story/ruling-present)', () => {
  it('hangs each round trip under its own source, and the merging blog under the paraphrase it ran', () => {
    // Before session 32 the Galician round trip of the wire hung under the Spanish round trip of
    // the site's edit (18 chance agreements; it undid 9 of that round trip's 27 changes), and the
    // paraphrase under the blog, taking from the wire the four paragraphs the blog lacks.
    const present = derivations('story/ruling-present');
    expect(present['142_spa_mt.txt']?.source).toBe('141_site.txt');
    expect(present['143_spin.txt']).toMatchObject({ source: '142_spa_mt.txt', method: 'spin' });
    expect(present['146_gl_mt.txt']?.source).toBe('140_wire.txt');
    expect(present['144_para.txt']?.source).toBe('140_wire.txt');
    expect(present['148_blog.txt']).toMatchObject({ source: '144_para.txt', alsoFrom: { source: '141_site.txt' } });
    expect(present['147_indep.txt']?.source).toBeNull();
  });
});

describe('an outlet\'s edit with copies of its own, its source withheld (fixtures/story/fox)', () => {
  const lost = derivations('story/fox');

  it('takes the three paragraphs only its line has for its additions, not for losses of the round trip', () => {
    // The Catalan round trip lacks the edit's three added paragraphs and nothing else, and the
    // blog lacks them too. Until session 33 the edit was the original of both, as cheap for the
    // passages (each of two lines losing one costs what one gain does) and saving Occam's price.
    for (const id of ['111_courier.txt', '113_cat_mt.txt', '114_blog.txt']) expect(lost[id]?.source, id).toBe('hidden:1');
    expect(lost['113_cat_mt.txt']?.method).toBe('machine-translation');
    expect(lost['115_spin.txt']).toMatchObject({ source: '112_syndicated.txt', method: 'spin' });
  });

  it('hangs the Spanish translation under the lost source, counting the edit\'s line once', () => {
    // "Natural" is held by the edit and the round trip, two of five members but two of three
    // lines: the lost source's reading, not one the translation kept from the edit alone.
    expect(lost['117_es.txt']).toMatchObject({ source: 'hidden:1', method: 'translation' });
  });
});

describe('a wire story and its correction, the first version withheld (fixtures/story/bridge)', () => {
  it('takes the correction for a copy of the lost first version, not for the original of the round trip', () => {
    // The correction saves no three changes over itself as the original, but the round trip
    // and the outlet's copy keep the first version's "1958" where it writes "1965", and round
    // trips leave digits alone; the round trip also lacks the correction's notice.
    const lost = derivations('story/bridge');
    for (const id of ['201_corrected.txt', '202_outlet.txt', '203_spa_mt.txt']) expect(lost[id]?.source, id).toBe('hidden:1');
    for (const id of ['204_spin.txt', '205_aggregator.txt']) expect(lost[id]?.source, id).toBe('201_corrected.txt');
    expect(lost['206_blog.txt']?.source).toBe('202_outlet.txt');
    expect(lost['207_tv.txt']).toMatchObject({ source: null, method: 'independent' });
  });
});

describe('a wire story localized by a newspaper, the wire withheld (fixtures/story/plant)', () => {
  it('takes the localized copy for a copy of the lost wire, not for the original of the wire\'s round trip', () => {
    // The localized copy added three paragraphs and dropped one; the wire's Spanish round trip
    // lacks the three and has the one, which makes it a paraphrase of the localized copy as a
    // whole text, but in the passages both have it reads as its round trip, and round trips add
    // and drop no paragraph. Under the lost source its paragraph alone is the wire's.
    const lost = derivations('story/plant');
    for (const id of ['231_local.txt', '232_spa_mt.txt', '233_brief.txt']) expect(lost[id]?.source, id).toBe('hidden:1');
    expect(lost['232_spa_mt.txt']?.method).toBe('machine-translation');
    for (const id of ['234_spin.txt', '235_ca_mt.txt']) expect(lost[id]?.source, id).toBe('231_local.txt');
    expect(lost['236_other.txt']).toMatchObject({ source: null, method: 'independent' });
  });
});

describe('a wire story, its copies down a chain of four, and a paraphrase that reads plainer (fixtures/story/volcano-present)', () => {
  it('roots the story at the wire, not at the paraphrase whose copies would regain five paragraphs it lacks', () => {
    // The paraphrase's tree and the wire's need as many changes; the directed costs priced the
    // paraphrase's plainer wording, with fewer "the" and "of", as an original's, though the
    // outlet's copy would then have regained paragraphs it never had.
    const present = derivations('story/volcano-present');
    expect(present['250_wire.txt']).toMatchObject({ source: null, method: 'original' });
    for (const id of ['251_outlet.txt', '252_es_mt.txt']) expect(present[id]?.source, id).toBe('250_wire.txt');
    expect(present['253_spin.txt']?.source).toBe('252_es_mt.txt');
    expect(present['254_aggregator.txt']).toMatchObject({ source: '253_spin.txt', method: 'truncation' });
    expect(present['255_para.txt']).toMatchObject({ source: '251_outlet.txt', method: 'paraphrase' });
    expect(present['256_indep.txt']?.source).toBeNull();
  });
});

describe('a Spanish original behind English translations (fixtures/story/tram-present)', () => {
  it('takes the Spanish report for the lost source of the English lines, not for a translation of one of them', () => {
    // The machine translation writes "4,2" and "40.000" as the Spanish report does and the human
    // translation does not; the human translation names "Horacio" and "Laguna" as the report does
    // and the machine translation does not: the report is above both.
    const present = derivations('story/tram-present');
    expect(present['260_es.txt']).toMatchObject({ source: null, method: 'original' });
    for (const id of ['261_mt.txt', '264_human.txt']) expect(present[id], id).toMatchObject({ source: '260_es.txt', method: 'translation' });
    expect(present['263_spin.txt']?.source).toBe('262_site.txt');
    expect(present['265_indep.txt']?.source).toBeNull();
  });
});

describe('a round trip and an edit of a lost release, two lines only (fixtures/story/metro)', () => {
  it('takes neither for the other\'s original: the round trip spells out more, and has paragraphs the edit dropped', () => {
    const lost = derivations('story/metro');
    for (const id of ['271_outlet.txt', '272_es_mt.txt']) expect(lost[id]?.source, id).toBe('hidden:1');
    expect(lost['273_spin.txt']).toMatchObject({ source: '271_outlet.txt', method: 'spin' });
    expect(lost['275_indep.txt']?.source).toBeNull();
  });

  it('renders the Catalan from the lost release, whose sentences it keeps and the edit\'s line dropped', () => {
    // The edit and its spin share one count of sentences; counted by member, that count was as
    // common as the full one, and the edit took the rendering for sharing a figure the round trip
    // mangled.
    expect(derivations('story/metro')['274_ca.txt']).toMatchObject({ source: 'hidden:1', method: 'translation' });
  });
});

describe('a round trip of a lost wire whose spin keeps its changes (fixtures/story/turbine)', () => {
  it('is not taken for the original: it spells out more than every other member, as round trips do', () => {
    const lost = derivations('story/turbine');
    for (const id of ['961_eo_mt.txt', '962_ca_mt.txt', '964_para.txt', '965_trunc.txt']) expect(lost[id]?.source, id).toBe('hidden:1');
    expect(lost['963_spin.txt']).toMatchObject({ source: '962_ca_mt.txt', method: 'spin' });
    expect(lost['966_indep.txt']?.source).toBeNull();
  });

  it('keeps the wire as the original where it is present', () => {
    const present = derivations('story/turbine-present');
    expect(present['960_wire.txt']?.source).toBeNull();
    for (const id of ['961_eo_mt.txt', '962_ca_mt.txt', '964_para.txt', '965_trunc.txt']) expect(present[id]?.source, id).toBe('960_wire.txt');
  });
});

describe('a news site\'s edit of a lost release, its round trip and brief, beside a spin of the release (fixtures/story/water)', () => {
  it('hangs the edit\'s copies under the edit, though it has a headline word of its own they lack: the spin alone keeps paragraphs a spinner does not add', () => {
    const lost = derivations('story/water');
    for (const id of ['511_news.txt', '513_spin.txt']) expect(lost[id]?.source, id).toBe('hidden:1');
    for (const id of ['512_es_mt.txt', '514_brief.txt']) expect(lost[id]?.source, id).toBe('511_news.txt');
    expect(lost['515_council.txt']?.source).toBeNull();
  });
});

describe('a blog\'s paraphrase of a portal\'s edit of a wire (fixtures/story/mackerel-present)', () => {
  it('roots the chain at the wire with three copies, not at the paraphrase at its far end', () => {
    // Every rooting of the chain needs as many changes; the paraphrase's rewordings tilted the
    // directed costs its way, and the portal's dropped passages alone point the other way.
    const present = derivations('story/mackerel-present');
    expect(present['460_wire.txt']).toMatchObject({ source: null, method: 'original' });
    expect(present['461_portal.txt']).toMatchObject({ source: '460_wire.txt', method: 'edit' });
    expect(present['464_blog.txt']).toMatchObject({ source: '461_portal.txt', method: 'paraphrase' });
  });
});

describe('a spin, a round trip and a paraphrase of a lost wire (fixtures/story/ferrystrike)', () => {
  it('takes the spin for no original: it reads as a spin of the round trip and has the paragraph the round trip dropped', () => {
    const lost = derivations('story/ferrystrike');
    for (const id of ['491_eo_mt.txt', '492_spin.txt', '493_para.txt']) expect(lost[id]?.source, id).toBe('hidden:1');
    expect(lost['494_synd.txt']?.source).toBe('493_para.txt');
    expect(lost['495_indep.txt']?.source).toBeNull();
  });
});

describe('a truncation of one of two spins of a lost wire (fixtures/story/panda)', () => {
  it('does not take the truncation for the original: it breaks off before what the others have', () => {
    const lost = derivations('story/panda');
    expect(lost['486_trunc.txt']).toMatchObject({ source: '481_spin.txt', method: 'truncation' });
    expect(lost['485_indep.txt']?.source).toBeNull();
  });
});

describe('an outlet that put key points over a wire (fixtures/story/verdict-present)', () => {
  it('reads the key points as an editor\'s addition, not the wire as a copy that dropped them', () => {
    // Three bullets restating the story, and the wire's last paragraph dropped: at twice the
    // price of a drop for each addition, the outlet read as the wire's original.
    const present = derivations('story/verdict-present');
    expect(present['470_wire.txt']).toMatchObject({ source: null, method: 'original' });
    expect(present['471_outlet.txt']).toMatchObject({ source: '470_wire.txt', method: 'edit' });
    expect(present['475_quotes.txt']?.source).toBe('471_outlet.txt');
  });
});

describe('an outlet\'s amended copy of a wire (fixtures/story/heat)', () => {
  it('takes neither the amended copy nor its byline for the original', () => {
    // The outlet added its byline, a time stamp and "This article was amended on ...", and moved
    // a paragraph; read as passages, the wire had dropped them, and under a lost source the
    // outlet's faithful copy passed for the original of texts made before the note.
    const present = derivations('story/heat-present');
    expect(present['450_wire.txt']).toMatchObject({ source: null, method: 'original' });
    expect(present['451_outlet.txt']).toMatchObject({ source: '450_wire.txt', method: 'edit' });
    expect(present['455_para.txt']?.source).toBe('450_wire.txt');
    const lost = derivations('story/heat');
    for (const id of ['451_outlet.txt', '453_gl_mt.txt', '454_teaser.txt', '455_para.txt']) expect(lost[id]?.source, id).toBe('hidden:1');
    expect(lost['452_spin.txt']?.source).toBe('451_outlet.txt');
  });
});

describe('a plain-text copy and a round trip of a lost typeset guide (fixtures/story/guide)', () => {
  it('takes the plain-text copy for no exemplar of a round trip that kept curly quotes and dashes it lacks', () => {
    // The forum copy reads as the lost guide in every word; until session 35 it was the original
    // and the round trip its round trip, though a translator adds no curly quote.
    const lost = derivations('story/guide');
    for (const id of ['281_forum.txt', '282_gl_mt.txt']) expect(lost[id]?.source, id).toBe('hidden:1');
    expect(lost['281_forum.txt']?.evidence[0]).toMatchObject({ kind: 'typography', sourceText: '282_gl_mt.txt', targetText: 'curly double quotes, em or en dash' });
    expect(describeEvidence(lost['281_forum.txt']?.evidence[0] as Evidence)).toBe('not the source of 282_gl_mt.txt, a machine copy that writes what this lacks: curly double quotes, em or en dash');
    expect(lost['284_feed.txt']).toMatchObject({ source: '282_gl_mt.txt', method: 'truncation' });
    expect(lost['285_bank.txt']?.source).toBeNull();
    // The spin of the forum copy hangs under it, not beside it: among stemmata with the lost
    // source, its undecided readings take their cheaper direction (session 35).
    expect(lost['283_spin.txt']).toMatchObject({ source: '281_forum.txt', method: 'spin' });
    const present = derivations('story/guide-present');
    expect(present['281_forum.txt']).toMatchObject({ source: '280_guide.txt', method: 'typographic' });
    expect(present['283_spin.txt']).toMatchObject({ source: '281_forum.txt', method: 'spin' });
  });
});

describe('release notes, a mirror that changed their bullets and a round trip that kept them (fixtures/story/release)', () => {
  it('reads list bullets as typography: the cut under the mirror, the mirror no source of the round trip', () => {
    const present = derivations('story/release-present');
    expect(present['315_trunc.txt']).toMatchObject({ source: '311_mirror.txt', method: 'truncation' });
    expect(present['311_mirror.txt']).toMatchObject({ source: '310_notes.txt', method: 'typographic' });
    const lost = derivations('story/release');
    for (const id of ['311_mirror.txt', '312_news.txt', '313_eo_mt.txt']) expect(lost[id]?.source, id).toBe('hidden:1');
    expect(lost['316_other.txt']?.source).toBeNull();
  });
});

describe('a recipe, its copies and another cook\'s recipe for the same cake (fixtures/story/cake-present)', () => {
  it('keeps the other recipe apart, though it shares the standard quantities and the steps', () => {
    // It keeps 0.69 of the scrape's figures and writes four of its own; until session 35 the
    // line between versions and two texts was 0.6, and it joined the family as a paraphrase.
    const present = derivations('story/cake-present');
    expect(present['325_indep.txt']).toMatchObject({ source: null, method: 'independent' });
    expect(present['320_blog.txt']).toMatchObject({ source: null, method: 'original' });
    expect(present['321_scraper.txt']?.source).toBe('320_blog.txt');
    expect(present['324_pin.txt']).toMatchObject({ source: '321_scraper.txt', method: 'truncation' });
  });
});

describe('terms of service copied with the names replaced, twice, and spun (fixtures/story/terms)', () => {
  it('takes the spin for no original though the copy dropped a section it keeps, and the second copy for the first one\'s', () => {
    // The spin writes the odd words of every swap, so it was made from the copy's wording, not
    // the other way round; the second copy's section numbers, renumbered back to the original's,
    // had read as a change it shared with the spin.
    const lost = derivations('story/terms');
    for (const id of ['331_zenith.txt', '333_spin.txt']) expect(lost[id]?.source, id).toBe('hidden:1');
    expect(lost['332_nova.txt']?.source).toBe('331_zenith.txt');
    expect(lost['334_indep.txt']?.source).toBeNull();
  });
});

describe('an obituary, its ASCII copy and that copy\'s edit (fixtures/story/obit-present)', () => {
  it('takes the spelling with diacritics for the earlier, in English: the chain runs from the original', () => {
    const present = derivations('story/obit-present');
    expect(present['340_obit.txt']).toMatchObject({ source: null, method: 'original' });
    expect(present['341_ascii.txt']?.source).toBe('340_obit.txt');
    expect(present['343_local.txt']?.source).toBe('341_ascii.txt');
    expect(present['344_spin.txt']).toMatchObject({ source: '343_local.txt', method: 'spin' });
    expect(present['346_univ.txt']?.source).toBeNull();
  });
});

describe('a fourteenth story, a retypeset copy and its brief (fixtures/story/budget-present)', () => {
  it('hangs a paraphrase under the original whose typing it shares, not under the retypeset copy', () => {
    // The TV paraphrase lacks paragraphs the brief of the retypeset copy lacks too, so the stemma
    // hung it under the brief; the lineage rule then took the nearest ancestor with its passages,
    // the retypeset copy, though the paraphrase writes straight apostrophes as the original does.
    const present = derivations('story/budget-present');
    expect(present['166_tv.txt']).toMatchObject({ source: '160_council.txt', method: 'paraphrase' });
    expect(present['165_brief.txt']).toMatchObject({ source: '161_typo.txt', method: 'truncation' });
    expect(present['167_other.txt']?.source).toBeNull();
  });
});

describe('a spin and its respin beside an edit and a round trip of their lost source (fixtures/deep/respin-lost-3)', () => {
  it('takes the edit\'s agreement with the round trip for the lost source\'s reading, not for chance', () => {
    // The spin has no readings of its own (its respin keeps them all), so it passed for the
    // original; the edit changes no word and cannot agree with the round trip by chance.
    const family = derivations('deep/respin-lost-3');
    for (const id of ['a.txt', 'c.txt', 'd.txt']) expect(family[id]?.source).toBe('hidden:1');
    expect(family['b.txt']).toMatchObject({ source: 'a.txt', method: 'spin' });
    expect(family['d.txt']?.method).toBe('edit');
  });
});

describe('a folder of several stories', () => {
  it('keeps the seeds\' independent article independent beside six other stories, and crosses no family', () => {
    // Across the whole folder the seed story's stock phrases are rare, and the independent article
    // shared enough of them (0.16) to be drawn as a paraphrase; within its topic it shares 0.08.
    const stories = ['kestrel', 'ferry', 'pool', 'arctic', 'fire', 'antwerp'];
    const docs = [
      ...readFixture('seeds'),
      ...stories.flatMap((story) => readFixture(`story/${story}`).map((d) => ({ ...d, id: `${story}-${d.id}` }))),
    ];
    const result = compare(docs, { lexicon });
    const storyOf = (id: string): string => (stories.find((story) => id.startsWith(`${story}-`)) ?? 'seeds');
    const by = Object.fromEntries(result.derivations.map((d) => [d.target, d]));
    expect(by[SEED.independent]).toMatchObject({ source: null, method: 'independent' });
    const lost = new Map<string, Set<string>>();
    for (const d of result.derivations) {
      if (d.source === null) continue;
      if (d.source.startsWith('hidden:')) lost.set(d.source, (lost.get(d.source) ?? new Set()).add(storyOf(d.target)));
      else expect(storyOf(d.source), d.target).toBe(storyOf(d.target));
    }
    for (const group of lost.values()) expect(group.size).toBe(1);
  });
});

describe('a story and its portal copy, which adds a line of web furniture', () => {
  it('takes the text without the furniture for the original, whatever the files are called', () => {
    // Until session 33 the two read alike once furniture was blanked, and the file names decided.
    const [agency] = readFixture('story/flash-present').filter((d) => d.id === '214_agency_b.txt');
    const text = agency?.text ?? '';
    const portal = `${text.trimEnd()}\n\nRead more: Chile earthquake live updates\n`;
    for (const [clean, copy] of [['a.txt', 'b.txt'], ['b.txt', 'a.txt']] as const) {
      const got = parentOf({ [clean]: text, [copy]: portal });
      expect(got[copy]?.source, `${clean} clean`).toBe(clean);
      expect(got[clean]?.source).toBeNull();
    }
  });
});

describe('a folder of several stories, each read as in a folder of its own', () => {
  it('draws every story\'s derivations as its own folder does', () => {
    // Until session 33 alignment weighed stems over the whole folder: beside four other stories
    // "fox" and "caddy" were rare words, a round trip read as a paraphrase, and the fox, bridge
    // and budget stories each lost their lost source. Now each topic weighs its own.
    const stories = ['fox', 'bridge', 'budget', 'heist', 'storm'];
    // A derivation with its lost source named by its first member, so that numbering does not count.
    const canonical = (derivations: readonly Derivation[], rename: (id: string) => string): string[] => {
      const first = new Map<string, string>();
      for (const d of derivations) if (d.source?.startsWith('hidden:') && !first.has(d.source)) first.set(d.source, `lost<${rename(d.target)}`);
      return derivations.map((d) => `${rename(d.target)} <- ${d.source === null ? '-' : (first.get(d.source) ?? rename(d.source))} ${d.method}`).sort();
    };
    const together = compare(
      stories.flatMap((story) => readFixture(`story/${story}`).map((d) => ({ ...d, id: `${story}-${d.id}` }))),
      { lexicon },
    ).derivations;
    for (const story of stories) {
      const alone = compare(readFixture(`story/${story}`), { lexicon }).derivations;
      const mine = together.filter((d) => d.target.startsWith(`${story}-`));
      expect(canonical(mine, (id) => id.replace(`${story}-`, '')), story).toEqual(canonical(alone, (id) => id));
    }
  });
});

describe('derive on constructed families', () => {
  it('recovers a chain with its original present: a <- b <- c', () => {
    const chain = derivations('chain');
    expect(chain['a-original.txt']).toMatchObject({ source: null, method: 'original' });
    expect(chain['b-edited.txt']).toMatchObject({ source: 'a-original.txt', method: 'edit' });
    expect(chain['c-spun.txt']).toMatchObject({ source: 'b-edited.txt', method: 'spin' });
    expect(chain['c-spun.txt']?.evidence).toContainEqual(expect.objectContaining({ sourceText: 'bridge', targetText: 'overpass' }));
  });

  it('infers a lost original behind a star of copies that each dropped different passages', () => {
    const star = derivations('star');
    expect(Object.values(star).map((d) => d.source)).toEqual(['hidden:1', 'hidden:1', 'hidden:1']);
  });

  it('claims nothing between unrelated texts', () => {
    const unrelated = derivations('unrelated');
    expect(Object.values(unrelated).map((d) => [d.source, d.method])).toEqual([[null, 'independent'], [null, 'independent']]);
  });

  it('hangs a round trip under the original, not under a round trip through a related language it agrees with by chance', () => {
    // fixtures/present: b went through one Apertium pair, c through another; before session 26 c
    // hung under b, their chance agreements outnumbering the stemma's disagreements.
    const family = derivations('present/new-606-lost-2');
    expect(family['b.txt']?.source).toBe('original.txt');
    expect(family['c.txt']).toMatchObject({ source: 'original.txt', method: 'machine-translation' });
    const notKept = family['c.txt']?.evidence.find((e) => e.kind === 'drift-not-kept');
    expect(notKept).toMatchObject({ sourceText: 'b.txt', targetText: '72 of 87 changes', support: 87 });
    expect(describeEvidence(notKept as Evidence)).toBe('not from b.txt: makes only 72 of the 87 changes b.txt made to original.txt; a copy of it would keep them');
  });

  it('draws a lost source above two spins and two round trips that agree with each other by chance', () => {
    // fixtures/wide: until session 26 a tree pairing the round trips explained their chance
    // agreements more cheaply, and no member was left standing alone often enough to be noticed.
    const family = derivations('wide/wide-lost-1');
    for (const copy of ['a.txt', 'b.txt', 'c.txt', 'd.txt']) expect(family[copy]?.source, copy).toBe('hidden:1');
    expect([family['a.txt']?.method, family['c.txt']?.method]).toEqual(['spin', 'machine-translation']);
  });

  it('takes an archaic original for the root, not the round trip whose modern words read as the usual ones', () => {
    // King James prose: the round trip b writes "hit" for "smote", and hung the original under it.
    for (const name of ['kjv-3101-lost-4', 'kjv-3101-lost-1']) {
      const family = derivations(`present/${name}`);
      expect(family['original.txt']?.source, name).toBeNull();
      for (const copy of ['a.txt', 'b.txt', 'c.txt']) expect(family[copy]?.source, `${name} ${copy}`).toBe('original.txt');
    }
  });

  it("keeps a spin a spin when a copy of it, which keeps its spinner syntax, joins the folder", () => {
    const docs = readFixture('seeds');
    const spin = docs.find((d) => d.id === SEED.spin);
    const paragraphs = (spin?.text ?? '').split('\n\n').filter((p) => p.trim() !== '');
    const copy = { id: '005_copy.txt', text: [...paragraphs.slice(0, 5), ...paragraphs.slice(7), 'This story was first published by World News Wire.'].join('\n\n'), sha256: '' };
    expect(copy.text).toContain('{that a}');
    const found = Object.fromEntries(compare([...docs, copy], { lexicon }).derivations.map((d) => [d.target, d]));
    expect(found[SEED.spin]).toMatchObject({ source: 'hidden:1', method: 'spin' });
    expect(found['005_copy.txt']).toMatchObject({ source: SEED.spin, method: 'edit' });
  });

  it('does not depend on the order the documents come in', () => {
    const docs = readFixture('seeds');
    expect(JSON.stringify(compare([...docs].reverse(), { lexicon }))).toBe(JSON.stringify(compare(docs, { lexicon })));
  });
});

describe('how usual a reading is', () => {
  const counts = new Map([
    ['binary', 0.3],
    ['double', 0.8],
    ['star', 0.7],
    ['double star', 0.2],
    ['court', 0.6],
    ['docket', 0.3],
  ]);
  const lexicon: Lexicon = {
    commonness: (w) => (basicLexicon.isFunctionWord(w) ? 1 : (counts.get(w) ?? 0.15)),
    synonyms: () => false,
    isLemma: (phrase) => phrase === 'double star',
    isFunctionWord: basicLexicon.isFunctionWord,
  };

  it('judges a listed multiword lemma as itself, not by its common words', () => {
    expect(readingCommonness(['double', 'star'], lexicon)).toBe(0.2);
    expect(readingCommonness(['double', 'star'], lexicon)).toBeLessThan(readingCommonness(['binary'], lexicon));
  });

  it('averages the words of a phrase that is not a lemma, content words only when asked', () => {
    expect(readingCommonness(['court', 'docket'], lexicon)).toBeCloseTo(0.45);
    expect(readingCommonness(['the', 'docket'], lexicon)).toBeCloseTo(0.65);
    expect(readingCommonness(['the', 'docket'], lexicon, true)).toBeCloseTo(0.3);
    expect(readingCommonness(['double', 'star'], basicLexicon)).toBe(0.5);
  });
});

describe('a spinner swap, as against a clause a translation rewrote', () => {
  it('takes content-word synonyms and listed lemmas, not a synonym pair amid changed function words', () => {
    expect(isSynonymSwap(['usage'], ['use'], lexicon)).toBe(true);
    expect(isSpinnerSwap(['usage'], ['use'], lexicon)).toBe(true);
    expect(isSpinnerSwap(['used', 'to'], ['wont', 'to'], lexicon)).toBe(true);
    // Machine round trip of "their usage": the pronoun changed too, so no spinner made it.
    expect(isSynonymSwap(['their', 'usage'], ['his', 'use'], lexicon)).toBe(true);
    expect(isSpinnerSwap(['their', 'usage'], ['his', 'use'], lexicon)).toBe(false);
    expect(isSpinnerSwap(['also'], ['too'], lexicon)).toBe(true);
    expect(isSpinnerSwap(['also'], ['conversion', 'too'], lexicon)).toBe(false);
  });
});

describe('a slip', () => {
  it('is a known word made a non-word one or two letters away, not two words, nor a name', () => {
    expect(isSlip(['system'], ['systcm'], lexicon)).toBe(true);
    expect(isSlip(['team'], ['tearn'], lexicon)).toBe(true);
    expect(isSlip(['with'], ['witb'], lexicon)).toBe(true);
    expect(isSlip(['systcm'], ['system'], lexicon)).toBe(false);
    expect(isSlip(['house'], ['horse'], lexicon)).toBe(false);
    expect(isSlip(['debian'], ['deblan'], lexicon)).toBe(false);
    expect(isSlip(['system'], ['systematically'], lexicon)).toBe(false);
    expect(isSlip(['system'], ['systcm'], basicLexicon)).toBe(false);
  });
});

describe('a copy read by OCR', () => {
  // The text as an OCR engine reads a print of it: "m" as "rn", "e" as "c", "l" as "1", and
  // line-end hyphens kept. Its changes sit in most sentences, as an author's rewording would,
  // and the direction was said at 0.55, unsure, as for a revision.
  const ocr = swap(HARBOUR.join(' '), [
    ['fishermen who', 'fishemen who'],
    ['stilts', 'sti1ts'],
    ['storms', 'storrns'],
    ['market grew', 'rnarket grew'],
    ['wool', 'woo1'],
    ['warehouses along', 'warchouses along'],
    ['destroyed', 'dcstroyed'],
    ['wider streets', 'widcr streets'],
    ['overnight', 'over-\nnight'],
    ['employed', 'ernployed'],
    ['families', 'farnilies'],
    ['galleries', 'gallerics'],
  ]).replace(/(.{1,64})(?:\s+|$)/g, '$1\n');

  it('is derived from the text at 0.7 or more, whichever name it has', () => {
    for (const [t, c] of [['a.txt', 'b.txt'], ['b.txt', 'a.txt']]) {
      const result = parentOf({ [t]: HARBOUR.join('\n\n'), [c]: ocr });
      expect(result[c]).toMatchObject({ source: t, method: 'edit' });
      expect(result[c]?.confidence).toBeGreaterThanOrEqual(0.7);
      expect(result[c]?.evidence).toContainEqual(expect.objectContaining({ kind: 'substitution', sourceText: 'employed', targetText: 'ernployed' }));
    }
  });
});

describe('substitution evidence under a lost source', () => {
  const edit = (source: string, target: string, at: number, sourceBefore = '', sourceAfter = ''): OrientedEdit => ({
    sourceText: source,
    targetText: target,
    sourceWords: source.toLowerCase().split(' '),
    targetWords: target.toLowerCase().split(' '),
    sourceOffsets: source.split(' ').map((_, i) => at + i),
    targetOffsets: target.split(' ').map((_, i) => at + i),
    sourceBefore,
    sourceAfter,
  });
  const oneWitness = [[edit('court', 'court docket', 10)], []];

  it('needs two witnesses for a source reading, or one the reconstruction agrees with', () => {
    expect(substitutionEvidence(oneWitness, 2, basicLexicon)).toEqual([]);
    const found = substitutionEvidence(oneWitness, 2, basicLexicon, { reconstruction: (e) => e.sourceText === 'court' });
    expect(found.map((e) => [e.sourceText, e.targetText, e.support])).toEqual([['court', 'court docket', 1]]);
    expect(substitutionEvidence(oneWitness, 2, basicLexicon, { reconstruction: () => undefined })).toEqual([]);
  });

  it('quotes one change once when two witnesses\' diffs tell it through overlapping words', () => {
    // A round trip's "stopped to speak to each other" against "stopped talking to each other":
    // one witness's diff takes the "to" before "speak", the other's does not, and each new word
    // groups the edits that explain it, so the change was quoted twice.
    const longer = edit('talking', 'to speak', 10);
    const shorter = { ...edit('talking', 'speak', 11), sourceOffsets: [10] };
    const found = substitutionEvidence([[longer], [shorter]], 1, basicLexicon);
    expect(found.filter((e) => e.sourceText === 'talking')).toHaveLength(1);
  });

  it('reports a swap of function words only when the lexicon lists it as a synonym swap, after content swaps', () => {
    const spinner = { ...basicLexicon, listsSynonyms: true, synonyms: (a: string, b: string) => a === 'most' && b === 'well-nigh' };
    const edits = [[edit('most', 'well-nigh', 10), edit('of the', 'about the', 20), edit('court', 'court docket', 30)]];
    expect(substitutionEvidence(edits, 1, basicLexicon).map((e) => e.sourceText)).toEqual(['court']);
    expect(substitutionEvidence(edits, 1, spinner).map((e) => e.sourceText)).toEqual(['court', 'most']);
  });

  it('splits a run of side-by-side swaps into its synonym pieces, quoted as written', () => {
    const pairs = new Set(['level|unwavering', 'package|software program', 'package|software', 'tool|shaft']);
    const spinner = { ...basicLexicon, listsSynonyms: true, synonyms: (a: string, b: string) => pairs.has(`${a}|${b}`) };
    const source = 'level package tool,';
    const target = 'unwavering software program shaft,';
    const offsets = (text: string): number[] => [...text.matchAll(/\S+/g)].map((x) => 100 + (x.index ?? 0));
    const run: OrientedEdit = {
      sourceText: source,
      targetText: target,
      sourceWords: ['level', 'package', 'tool'],
      targetWords: ['unwavering', 'software', 'program', 'shaft'],
      sourceOffsets: offsets(source),
      targetOffsets: offsets(target),
      sourceBefore: 'low',
      sourceAfter: 'it',
    };
    expect(splitSwaps(run, spinner).map((e) => [e.sourceText, e.targetText, e.sourceBefore, e.sourceAfter])).toEqual([
      ['level', 'unwavering', 'low', 'package'],
      ['package', 'software program', 'level', 'tool'],
      ['tool,', 'shaft,', 'package', 'it'],
    ]);
    // One word for one beside the synonyms divides too (another copy's slip, a sense the
    // thesaurus reached otherwise); a change with no synonym piece stays whole, and so does
    // every change under a lexicon without synonyms.
    const slip = { ...run, targetWords: ['steady', 'software', 'program', 'shaft'] };
    expect(splitSwaps(slip, spinner).map((e) => [e.sourceWords.join(' '), e.targetWords.join(' ')])).toEqual([
      ['level', 'steady'],
      ['package', 'software program'],
      ['tool', 'shaft'],
    ]);
    const noSynonym = { ...run, targetWords: ['steady', 'hammer', 'crowbar'] };
    expect(splitSwaps(noSynonym, spinner)).toEqual([expect.objectContaining({ sourceText: source })]);
    expect(splitSwaps(run, basicLexicon)).toHaveLength(1);
  });

  it('lists a respelled name first, but not a name and the word made from it', () => {
    const witnesses = [[edit('meeting', 'assembly', 5), edit('Russia', 'Russian', 20), edit('Kursk', 'Kusk', 40)]];
    expect(substitutionEvidence(witnesses, 1, basicLexicon).map((e) => e.targetText)[0]).toBe('Kusk');
    const lowerCase = [[edit('meeting', 'assembly', 5), edit('kursk', 'kusk', 40)]];
    expect(substitutionEvidence(lowerCase, 1, basicLexicon).map((e) => e.targetText)[0]).toBe('assembly');
    const derived = [[edit('meeting', 'assembly', 5), edit('Russia', 'Russian', 20)]];
    expect(substitutionEvidence(derived, 1, basicLexicon).map((e) => e.targetText)[0]).toBe('assembly');
  });

  it("takes the trusted witness's reading where the reconstruction cannot tell", () => {
    // Only the trusted witness has the passage: its word alone is enough, another's is not.
    const alone = [[], [edit('locale', 'locus', 10)]];
    expect(substitutionEvidence(alone, 2, basicLexicon)).toEqual([]);
    expect(substitutionEvidence(alone, 2, basicLexicon, { trusted: 0 })).toEqual([]);
    expect(substitutionEvidence(alone, 2, basicLexicon, { trusted: 1 }).map((e) => [e.sourceText, e.targetText])).toEqual([['locale', 'locus']]);
    expect(substitutionEvidence(alone, 2, basicLexicon, { reconstruction: () => false, trusted: 1 })).toEqual([]);
    // Three readings (a round trip's, the faithful copy's, the spin's): the trusted one is quoted;
    // without one, the two witnesses contradict each other and neither reading is claimed.
    const three = [[edit('site', 'locus', 10)], [edit('locale', 'locus', 10)]];
    expect(substitutionEvidence(three, 2, basicLexicon)).toEqual([]);
    expect(substitutionEvidence(three, 2, basicLexicon, { trusted: 1 }).map((e) => e.sourceText)).toEqual(['locale']);
  });

  it('takes, for a spin where no witness is trusted, the reading the target word is a dictionary synonym of', () => {
    const thesaurus = { ...basicLexicon, listsSynonyms: true, synonyms: (a: string, b: string) => [a, b].sort().join('|') === 'locale|locus' };
    const three = [[edit('site', 'locus', 10)], [edit('locale', 'locus', 10)]];
    expect(substitutionEvidence(three, 2, thesaurus, { spun: true }).map((e) => [e.sourceText, e.synonym])).toEqual([['locale', true]]);
    // Not for another copy: there the synonym may be a spin sibling's word, not the source's.
    expect(substitutionEvidence(three, 2, thesaurus)).toEqual([]);
  });

  it('claims no spin swap of a word that a copy of another line writes in the same sentence', () => {
    // fixtures/story/lynx: a fluent round trip made the forest "track" a "path", the poor one a
    // "clue"; the spin and a paraphrase kept "track", which is the lost wire's word.
    const thesaurus = { ...basicLexicon, listsSynonyms: true, synonyms: (a: string, b: string) => [a, b].sort().join('|') === 'path|track' };
    const witnesses = [[edit('path', 'track', 10)], [edit('clue', 'track', 10)], []];
    const claimed = (keeps: (w: number, at: number, word: string) => boolean, lines = [0, 1, 2]) =>
      substitutionEvidence(witnesses, 2, thesaurus, { spun: true, keeps, lines, line: 3 }).map((e) => e.sourceText);
    expect(claimed(() => false)).toEqual(['path']);
    expect(claimed((w, at, word) => w === 2 && at === 10 && word === 'track')).toEqual([]);
    // A copy of the spin itself writes its words: no evidence of the source's.
    expect(claimed((w) => w === 2, [0, 1, 3])).toEqual(['path']);
  });

  it('counts, for a copy that seldom departs alone, only the witnesses that agree on the source reading, round trips not among them', () => {
    // Two siblings each reworded the word the faithful copy kept: no change of its own to report.
    const split = [[edit('site', 'locale', 10)], [edit('locus', 'locale', 10)]];
    expect(substitutionEvidence(split, 2, basicLexicon, { faithful: true })).toEqual([]);
    const agreed = [[edit('site', 'locale', 10)], [edit('site', 'locale', 10)]];
    expect(substitutionEvidence(agreed, 2, basicLexicon, { faithful: true }).map((e) => e.support)).toEqual([2]);
    // Two round trips that render the word alike agree by chance: against the faithful copy they say nothing.
    expect(substitutionEvidence(agreed, 2, basicLexicon, { faithful: true, translations: new Set([0, 1]) })).toEqual([]);
    // Nor does a reconstruction that took their reading.
    expect(substitutionEvidence(agreed, 2, basicLexicon, { faithful: true, translations: new Set([0, 1]), reconstruction: () => true })).toEqual([]);
    expect(substitutionEvidence(agreed, 2, basicLexicon, { faithful: true, translations: new Set([1]), reconstruction: () => true }).map((e) => e.support)).toEqual([1]);
    expect(substitutionEvidence(agreed, 2, basicLexicon, { faithful: true, translations: new Set([1]) })).toEqual([]);
    expect(substitutionEvidence(agreed, 2, basicLexicon, { translations: new Set([0, 1]) }).map((e) => e.support)).toEqual([2]);
  });

  it('claims the replaced reading only from witnesses that read it, when another reads a third word there', () => {
    // The target's "cargo" is new to both witnesses, but one read "good" there and the other "charge".
    const split = [[edit('good', 'cargo', 10)], [edit('charge', 'cargo', 10)]];
    expect(substitutionEvidence(split, 2, basicLexicon)).toEqual([]);
    // A witness whose diff only inserts around the word reads no other one: "court" is not contradicted.
    const inserted = [[edit('court', 'court docket', 10)], [edit('with', 'docket and that', 11)]];
    expect(substitutionEvidence(inserted, 2, basicLexicon).map((e) => [e.sourceText, e.targetText, e.support])).toEqual([['court', 'court docket', 2]]);
    // Nor does one that reads a form of the same words.
    const near = [[edit('videos released', 'footage launched', 10)], [edit('video released', 'footage launched', 10)]];
    expect(substitutionEvidence(near, 2, basicLexicon).map((e) => e.support)).toEqual([2]);
  });

  it('counts witnesses of one line once: a copy repeats its exemplar\'s drift', () => {
    // A round trip read "tips" and the spin made of it kept "tips"; a faithful excerpt reads "pour".
    const witnesses = [[edit('tips', 'rain', 10)], [edit('tips', 'rain', 10)], [edit('pour', 'rain', 10)]];
    expect(substitutionEvidence(witnesses, 2, basicLexicon, { trusted: 2 }).map((e) => e.sourceText)).toEqual(['tips']);
    expect(substitutionEvidence(witnesses, 2, basicLexicon, { trusted: 2, lines: [0, 0, 2] }).map((e) => e.sourceText)).toEqual(['pour']);
    // Two witnesses of one line are one witness: their shared reading needs another to be claimed.
    const oneLine = [[edit('squad', 'team', 10)], [edit('squad', 'team', 10)]];
    expect(substitutionEvidence(oneLine, 2, basicLexicon).map((e) => e.support)).toEqual([2]);
    expect(substitutionEvidence(oneLine, 2, basicLexicon, { lines: [0, 0] })).toEqual([]);
  });

  it("leaves to a spin sibling the synonym only it reads: the spinner's swap, seen from the other side", () => {
    const thesaurus = { ...basicLexicon, listsSynonyms: true, synonyms: (a: string, b: string) => [a, b].sort().join('|') === 'buffer|polisher' };
    // A round trip kept "buffer"; the spin (witness 0) read "polisher", the other round trip garbled it.
    const split = [[edit('polisher', 'buffer', 10)], [edit('bufran', 'buffer', 10)]];
    expect(substitutionEvidence(split, 2, thesaurus, { spins: new Set([0]) })).toEqual([]);
    // A spin target itself keeps its swaps, and so does any copy when a non-spin witness agrees.
    expect(substitutionEvidence(split, 2, thesaurus, { spins: new Set([0]), spun: true }).map((e) => e.sourceText)).toEqual(['polisher']);
    const agreed = [[edit('polisher', 'buffer', 10)], [edit('polisher', 'buffer', 10)]];
    expect(substitutionEvidence(agreed, 2, thesaurus, { spins: new Set([0]) }).map((e) => e.sourceText)).toEqual(['polisher']);
  });

  it('drops a swap the reconstruction contradicts, whatever its support', () => {
    const twoWitnesses = [[edit('conform', 'agree', 10)], [edit('conform', 'agree', 10)]];
    expect(substitutionEvidence(twoWitnesses, 2, basicLexicon).map((e) => e.targetText)).toEqual(['agree']);
    expect(substitutionEvidence(twoWitnesses, 2, basicLexicon, { reconstruction: () => false })).toEqual([]);
  });
});

describe('a swap that breaks a fixed expression', () => {
  const edit = (source: string, target: string, at: number, sourceBefore: string): OrientedEdit => ({
    sourceText: source,
    targetText: target,
    sourceWords: [source.toLowerCase()],
    targetWords: [target.toLowerCase()],
    targetOffsets: [at],
    sourceBefore,
    sourceAfter: '',
  });
  const lexicon: Lexicon = { ...basicLexicon, isLemma: (phrase) => phrase === 'white house' };
  const witnesses = [[edit('meeting', 'assembly', 5, 'the'), edit('House', 'Home', 40, 'White')]];

  it('is listed before other swaps, quoted with the neighbour it was an expression with: "White House" -> "White Home"', () => {
    const found = substitutionEvidence(witnesses, 1, lexicon).map((e) => [e.sourceText, e.targetText]);
    expect(found).toEqual([
      ['White House', 'White Home'],
      ['meeting', 'assembly'],
    ]);
    expect(substitutionEvidence(witnesses, 1, basicLexicon).map((e) => e.targetText)).toEqual(['assembly', 'Home']);
  });
});

describe('a parent that only directional tendencies chose', () => {
  // star-2: an original and three copies, c a machine round trip through Esperanto. A round trip
  // adds and drops words about equally and swaps few dictionary synonyms, so which end of the
  // edge is the source rests on tendencies alone; and this one writes "the" and "of" as often as
  // its original (15.6% against 15.7%), so explicitation does not decide it either.
  const result = compare(readFixture('generated/star-2'), { lexicon });
  const byId = Object.fromEntries(result.derivations.map((d) => [d.target, d]));

  it('is flagged, with a confidence near even, while a derivation the change count decides is not', () => {
    expect(byId['c.txt']).toMatchObject({ source: 'original.txt', method: 'machine-translation', directionOnly: true });
    expect(byId['c.txt']?.confidence).toBeLessThan(0.6);
    const seeds = derivations('seeds');
    expect(Object.values(seeds).some((d) => 'directionOnly' in d)).toBe(false);
  });

  it('is marked "direction unsure" in the table, with the reason under it', () => {
    const table = renderTable(result, { chalk: new Chalk({ level: 0 }) });
    expect(table).toContain('unsure');
    expect(table).toMatch(/direction unsure: the reverse derivation needs as many changes/);
    expect(renderTable(compare(readFixture('seeds'), { lexicon }), { chalk: new Chalk({ level: 0 }) })).not.toContain('unsure');
  });
});

describe('cohesion: the original reading is the one the shared text echoes', () => {
  // A round trip renders "children" as "boys" in two sentences and keeps it in four; the change
  // count is the same either way and the swap is no dictionary synonym, so only the recurring
  // "children" tells which text is the original.
  const original = [
    'The children of a process inherit its environment and its open files.',
    'A parent process waits for its children to finish their work.',
    'When the children exit, the parent collects their exit status from the kernel.',
    'Orphaned children are adopted by the init process, which reaps them.',
    'Each of the children gets its own copy of the memory of the parent.',
    'Signals sent to a process group reach the parent and all of the children.',
  ].join(' ');
  const partial = original.replace('waits for its children', 'waits for its boys').replace('Orphaned children', 'Orphaned boys');

  it('orients a partial rewording from the text that keeps the recurring word, whichever name it has', () => {
    expect(parentOf({ 'a.txt': original, 'b.txt': partial })['b.txt']).toMatchObject({ source: 'a.txt', directionOnly: true });
    expect(parentOf({ 'a.txt': partial, 'b.txt': original })['a.txt']).toMatchObject({ source: 'b.txt', directionOnly: true });
  });

  it('has nothing to say when the word is rendered the same way everywhere', () => {
    const everywhere = original.replaceAll('children', 'boys');
    const derived = Object.values(parentOf({ 'a.txt': original, 'b.txt': everywhere })).find((d) => d.source !== null);
    expect(derived?.confidence).toBe(0.5);
  });
});

describe('explicitation: a translation unpacks what its source compressed', () => {
  // A round trip through a Romance language turns "package management tools" into "tools of
  // management of packages" and adds articles. Every change here is a rewording with the same
  // change count either way, no dictionary-synonym swap and no recurring word, so only the
  // added "of" and "the" tell the copy; without that tendency the pair came out reversed, at 0.5.
  const original = [
    'Debian ships mature package management tools for every release.',
    'Users run small shell scripts to update their systems every week.',
    'At login the desktop environment starts a session manager and a panel.',
    'Network configuration files live in a directory that only root may change.',
    'At boot the kernel module loader reads a module list and loads each entry in turn.',
    'Most administrators keep a change log next to their backup scripts.',
  ].join(' ');
  const translated = [
    'Debian ships mature tools of management of packages for every release.',
    'Users run small scripts of the shell to update their systems every week.',
    'At login the environment of the desktop starts a manager of the session and a panel.',
    'The files of configuration of the network live in a directory that only root may change.',
    'At boot the loader of modules of the kernel reads a list of the modules and loads each entry in turn.',
    'Most administrators keep a log of the changes next to their scripts of backup.',
  ].join(' ');

  it('takes the text with more "of" and "the" for the copy, whichever name it has', () => {
    expect(parentOf({ 'a.txt': translated, 'b.txt': original })['a.txt']).toMatchObject({ source: 'b.txt', directionOnly: true });
    expect(parentOf({ 'a.txt': original, 'b.txt': translated })['b.txt']).toMatchObject({ source: 'a.txt', directionOnly: true });
  });

  it('counts them over the whole text, where a passage shows only which words it has', () => {
    // An Apertium round trip (a) of the Debian Reference, a spin (b) of the same original, and an
    // independent passage: the passages' word sets left a and its original even, and the pair
    // came out reversed at 0.61; over the whole text a writes "the" or "of" 41 times in 356
    // words, its original 23 times in 339.
    const family = derivations('generated/independent-1');
    expect(family['original.txt']).toMatchObject({ source: null, method: 'original' });
    expect(family['a.txt']).toMatchObject({ source: 'original.txt', method: 'machine-translation' });
    expect(family['a.txt']?.evidence[0]).toMatchObject({ kind: 'explicitation', sourceText: '23 of 339 words (6.8%)', targetText: '41 of 356 words (11.5%)' });
  });

  it('tells a copy that writes "the" and "of" far less often than its source, as only a writer condenses', () => {
    // The spin of a lost chapter against the round trip whose own spin kept its changes
    // (out-of-sample mtspin-lost-2 of run 9456): 12 of 379 words against 46 of 395.
    expect(condensedBeyondCopying({ explicit: 12, words: 379 }, { explicit: 46, words: 395 })).toBe(true);
    // An edit about as far below its source as the furthest of the eval sets (6.6 words, 0.029).
    expect(condensedBeyondCopying({ explicit: 34, words: 228 }, { explicit: 40, words: 228 })).toBe(false);
    // Raising the rate is no condensing.
    expect(condensedBeyondCopying({ explicit: 46, words: 395 }, { explicit: 12, words: 379 })).toBe(false);
  });

  it('lets a spin move its source\'s rate of "the" and "of" by a few words only, two spins of it by twice as many', () => {
    // A spin as far off as the widest of the eval sets (five words over 337), and the two round
    // trips of a lost chapter, one against the other, and one against the other's spin
    // (out-of-sample mtspin-lost-2: 20 and 21 words more).
    expect(rateKeptBySpin({ explicit: 38, words: 337 }, { explicit: 33, words: 337 })).toBe(true);
    expect(rateKeptBySpin({ explicit: 56, words: 377 }, { explicit: 32, words: 338 })).toBe(false);
    expect(rateKeptBySpin({ explicit: 56, words: 377 }, { explicit: 34, words: 370 }, 2)).toBe(false);
    // A short text: three words of 150 are 0.02 of it, and no evidence.
    expect(rateKeptBySpin({ explicit: 18, words: 150 }, { explicit: 15, words: 150 })).toBe(true);
    expect(rateKeptBySpin({ explicit: 48, words: 370 }, { explicit: 36, words: 370 }, 2)).toBe(true);
    // Only the text that writes them more often spelled out: a spin of a lost chapter against
    // the chapter's round trip writes them less (fresh out-of-sample mtspin-lost-1, seed 9442).
    expect(spelledOutBeyondSpin({ explicit: 56, words: 377 }, { explicit: 32, words: 338 })).toBe(true);
    expect(spelledOutBeyondSpin({ explicit: 33, words: 363 }, { explicit: 56, words: 377 })).toBe(false);
    expect(rateKeptBySpin({ explicit: 33, words: 363 }, { explicit: 56, words: 377 })).toBe(false);
  });

  it('says nothing of a difference smaller than a word', () => {
    expect(spelledOut({ explicit: 50, words: 318 }, { explicit: 49, words: 314 })).toBeLessThan(1);
    expect(spelledOut({ explicit: 41, words: 356 }, { explicit: 23, words: 339 })).toBeGreaterThan(15);
  });
});

describe('polygenetic agreement: two copies that land on the same synonym', () => {
  // a and b are each made from o, with three changes of their own and three they share:
  // dictionary synonyms that two independent copies often both choose. The agreement is no
  // sign of a common source beyond o, so no lost source is drawn, and o stays between them.
  const original = HARBOUR.slice(0, 8).join(' ');
  const shared: [string, string][] = [['founded', 'established'], ['was built', 'was constructed'], ['constant danger', 'constant peril']];
  const a = swap(original, [...shared, ['the boats', 'the vessels'], ['stood on', 'rested on'], ['wooden', 'timber']]);
  const b = swap(original, [...shared, ['Merchants', 'Traders'], ['destroyed', 'ruined'], ['wider', 'broader']]);

  it('draws no lost source, and hangs neither copy under the other, whatever the names', () => {
    for (const [oName, aName, bName] of [['o.txt', 'a.txt', 'b.txt'], ['a.txt', 'o.txt', 'x.txt']] as const) {
      const result = parentOf({ [oName]: original, [aName]: a, [bName]: b });
      expect(Object.values(result).map((d) => d.source)).not.toContain('hidden:1');
      expect(result[aName]?.source).not.toBe(bName);
      expect(result[bName]?.source).not.toBe(aName);
    }
  });
});

describe('the lost source\'s reading where three readings meet', () => {
  // A spin (b) and a round trip (a) each reworded the original's "desktop environment", which c
  // keeps. The site between the two derived readings has to prefer one of them, but that choice
  // does not make it the lost source's: only the reading checked against the drift evidence
  // leaves it out, so b's swap "desktop environment" -> "background surroundings" stays evidence.
  const words = (text: string) => new Set(text.split(' '));
  const unit: CollationUnit = {
    members: [[0], [0], [0]],
    words: [words('the environment of desktop starts'), words('the background surroundings starts'), words('the desktop environment starts')],
  };
  const site = (x: string[], y: string[], state: number[]): Character => ({ state: Int8Array.from(state), gain: 1, loss: 1, unit: 0, word: x.join(' '), site: [x, y] });
  const characters = [
    // c reads neither side of the second site: there a third reading exists.
    site(['background', 'surroundings'], ['desktop', 'environment'], [0, 1, 0]),
    site(['background', 'surroundings'], ['environment', 'of', 'desktop'], [0, 1, -1]),
  ];
  // The lost source reads "desktop environment" against b, and b's words against a's.
  const states = Int8Array.from([0, 1]);

  it('keeps what a site between two derived readings chose out of the strict reading only', () => {
    const strict = hiddenReading([unit], characters, states, false).words(0);
    expect(strict.has('background') || strict.has('surroundings') || strict.has('of')).toBe(false);
    expect(strict.has('starts')).toBe(true);
    const full = hiddenReading([unit], characters, states).words(0);
    expect(full.has('background') && full.has('surroundings')).toBe(true);
  });
});

describe('the lost source\'s passages where parsimony ties', () => {
  // Member 0 (an edit) and its two copies (1, 2) have a paragraph that a round trip (3) and a
  // blog (4) lack: one gain on the edit's branch costs what the two lines' losses do. Counted by
  // member, three of five have it; counted by line under the lost source, one of three.
  const unit: CollationUnit = {
    members: [[1], [1], [1], [], []],
    words: [new Set(['added']), new Set(['added']), new Set(['added']), undefined, undefined],
    unknown: [undefined, undefined, undefined, undefined, undefined],
  };
  const characters: Character[] = [{ state: Int8Array.from([1, 1, 1, 0, 0]), gain: 2, loss: 1, unit: 0, word: undefined }];
  const tied = Int8Array.from([-1]);

  it('lets each line below the lost source vote once', () => {
    expect(hiddenReading([unit], characters, tied).has(0)).toBe(true);
    expect(hiddenReading([unit], characters, tied, true, [0, 3, 4]).has(0)).toBe(false);
    expect(hiddenReading([unit], characters, tied, true, [0, 1, 3]).has(0)).toBe(true);
  });
});

describe('lineage of passages: a copy does not regain what its source dropped', () => {
  // O is the original; d keeps its first six sentences (a truncation); a drops sentences 2-3 and
  // the last four (an edit). Counted one by one, the four omissions they share put one copy under
  // the other, the lower one regaining two sentences; neither can have from the other what the
  // other dropped: both have it from O. d's cut is one event, and its sentences past the first it
  // lacks are not omissions it shares with anyone.
  const sentences = HARBOUR;
  const keep = (indexes: number[], swap = (s: string): string => s) => indexes.map((i) => swap(sentences[i] as string)).join(' ');
  const original = keep([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
  const truncated = (swap?: (s: string) => string) => keep([0, 1, 2, 3, 4, 5], swap);
  const edited = (swap?: (s: string) => string) => keep([0, 3, 4, 5, 6, 7], swap);

  it('says a truncation hangs under an edit no surer than the evidence for that edit as its exemplar', () => {
    // t stops just before sentence 7, the one e dropped: whether t was cut from e or from O, the
    // texts cannot tell (t has every sentence of both up to its cut). The turned-round stemma costs
    // more; t made from O instead costs one sentence's loss, and that is the margin to go by.
    const t = parentOf({ 'o.txt': original, 'e.txt': keep([0, 1, 2, 3, 4, 5, 6, 8, 9, 11]), 't.txt': keep([0, 1, 2, 3, 4, 5, 6]) })['t.txt'];
    expect(t?.method).toBe('truncation');
    expect(t?.confidence).toBeLessThan(0.6);
  });

  it('hangs the edit and the truncation under the original, each with what it lacks', () => {
    const result = parentOf({ 'o.txt': original, 'd.txt': truncated(), 'a.txt': edited() });
    expect(result['d.txt']).toMatchObject({ source: 'o.txt', method: 'truncation' });
    expect(result['a.txt']).toMatchObject({ source: 'o.txt', method: 'edit' });
    expect(result['a.txt']?.evidence[0]).toMatchObject({ kind: 'omission', support: 6 });
    expect(result['a.txt']?.alsoFrom).toBeUndefined();
    expect(result['d.txt']?.confidence).toBeGreaterThan(0.6);
  });

  it('hangs a truncation under the text whose opening it keeps, not under an edit that dropped the same ending', () => {
    // a moved sentences 5-7 after 8-9 and dropped the last two; d keeps o's first nine. The two
    // omissions they share are the ones d's single cut made, so they do not draw d under a.
    const reordered = keep([0, 1, 2, 3, 4, 8, 9, 5, 6, 7]);
    const result = parentOf({ 'o.txt': original, 'd.txt': keep([0, 1, 2, 3, 4, 5, 6, 7, 8]), 'a.txt': reordered });
    expect(result['d.txt']).toMatchObject({ source: 'o.txt', method: 'truncation' });
    expect(result['a.txt']).toMatchObject({ source: 'o.txt' });
  });

  it('counts a text that breaks off as one loss, so the passages it and an edit both lack draw no lost source', () => {
    // fixtures/truncated-tree is tree-1 of `scripts/generate-families.mjs --seed 707`: a is an
    // edit of the original (b spun and c machine-translated from it), d keeps the original's first
    // 10 of 19 passages. a dropped 2 passages inside d's part and 4 after it. Counted one by one,
    // those 4 omissions a shares with d made a lost source that lacked them (and that the original
    // expanded) cheaper than the original itself.
    const result = derivations('truncated-tree');
    expect(Object.fromEntries(Object.values(result).map((d) => [d.target, d.source]))).toEqual({
      'original.txt': null,
      'a.txt': 'original.txt',
      'b.txt': 'a.txt',
      'c.txt': 'a.txt',
      'd.txt': 'original.txt',
    });
    expect(result['d.txt']?.method).toBe('truncation');
  });

  it('draws a lost source that an edit dropped one sentence of, when two reworded copies still have it', () => {
    // A lost original; e drops its sentence 5; r and t reword it, each in its own way, and keep
    // every sentence. Taking e for their source would have both invent sentence 5.
    const lost = keep([0, 1, 2, 3, 4, 5, 6, 7]);
    const e = keep([0, 1, 2, 3, 4, 6, 7]);
    const r = swap(lost, [['founded', 'established'], ['stilts', 'piles'], ['shelter', 'protect'], ['salted', 'cured'], ['wooden', 'timber'], ['destroyed', 'ruined'], ['wider', 'broader']]);
    const t = swap(lost, [
      ['fishermen who came', 'fishers who arrived'],
      ['mud flats', 'muddy plains'],
      ['winter storms', 'storms of the winter'],
      ['grew up', 'appeared'],
      ['the wool of the sheep', 'sheep wool'],
      ['constant danger', 'permanent threat'],
      ['easily cross', 'cross easily'],
    ]);
    for (const name of ['e.txt', 'z.txt']) {
      const result = parentOf({ [name]: e, 'r.txt': r, 't.txt': t });
      expect(Object.values(result).map((d) => d.source)).toEqual(['hidden:1', 'hidden:1', 'hidden:1']);
    }
  });

  it('puts an edit and a truncation that share innovations under one lost source, not one under the other', () => {
    // d and a both carry four changes o lacks, and a keeps two passages d cut: both were made from
    // a lost reworded copy of o that had them all. Taking a for a copy of d would have it regain
    // the two from elsewhere (lostByRegain). The lost copy lies between o and the two, but a lost
    // source is drawn only as the root, so o hangs under it too (README, Limits).
    const drift = (s: string): string =>
      s.replace('breakwater', 'mole').replace('salted cod', 'dried cod').replace('grew up', 'sprang up').replace('constant danger', 'constant menace');
    const result = parentOf({ 'o.txt': original, 'd.txt': truncated(drift), 'a.txt': edited(drift) });
    expect(result['a.txt']).toMatchObject({ source: 'hidden:1' });
    expect(result['d.txt']).toMatchObject({ source: 'hidden:1' });
    expect(result['a.txt']?.alsoFrom).toBeUndefined();
  });

  it('finds the lost source of a family too large to search exhaustively', () => {
    // Eight copies of a lost original, each missing two sentences no other copy misses: only a
    // lost source has every sentence, so every copy hangs under it.
    const copies = Object.fromEntries(
      Array.from({ length: 8 }, (_, c) => [`copy-${c}.txt`, keep(sentences.map((_, i) => i).filter((i) => i !== c && i !== (c + 8) % 12))]),
    );
    expect(new Set(Object.values(parentOf(copies)).map((d) => d.source))).toEqual(new Set(['hidden:1']));
  });

  it('sets aside the passages a copy spliced in from a text outside its family, and names that text as a second source', () => {
    // y is o with its last two sentences cut and three sentences of an unrelated text spliced in.
    // Counted as y's own, the three would make y look like the source of o (o "dropped" them).
    const other = [
      'A daemon detaches itself from the terminal by forking twice and letting the middle process exit.',
      'The scheduler decides which runnable process gets the processor next, and for how long it may keep it.',
      'Processes that wait for input from a disk or a network sleep until the kernel wakes them with the data.',
      'Zombie processes hold nothing but an entry in the process table until their parent reads their status.',
      'The children of a process inherit its environment and its open files.',
      'A parent process waits for its children to finish their work.',
      'Orphaned children are adopted by the init process, which reaps them.',
      'Signals sent to a process group reach the parent and all of the children.',
      'Each of the children gets its own copy of the memory of the parent.',
      'When the children exit, the parent collects their exit status from the kernel.',
    ];
    const spliced = [...sentences.slice(0, 6), ...other.slice(1, 4), ...sentences.slice(6, 10)].join(' ');
    const result = parentOf({ 'o.txt': original, 'y.txt': spliced, 'z.txt': other.join(' ') });
    expect(result['o.txt']).toMatchObject({ source: null, method: 'original' });
    expect(result['y.txt']).toMatchObject({ source: 'o.txt', alsoFrom: { source: 'z.txt', evidence: [{ kind: 'embedded', support: 3 }] } });
    expect(result['z.txt']).toMatchObject({ source: null, method: 'original' });
    expect(result['y.txt']?.alsoFrom?.confidence).toBeGreaterThan(0.5);
    const docs = Object.entries({ 'o.txt': original, 'y.txt': spliced, 'z.txt': other.join(' ') }).map(([id, text]) => ({ id, text, sha256: '' }));
    const full = compare(docs, { lexicon });
    expect(renderDot(full)).toMatch(/^ {2}"z\.txt" -> "y\.txt" \[label="also from 0\.\d\d", style=dotted\];$/m);
    expect(renderMermaid(full)).toMatch(/n2 -\.->\|"also from 0\.\d\d"\| n1/);
    expect(renderGraphml(full)).toMatch(/source="z\.txt" target="y\.txt"><data key="method">also-from<\/data>/);
    const table = renderTable(full, { chalk: new Chalk({ level: 0 }) });
    expect(table).toMatch(/│ y\.txt\s+│ o\.txt\s+│[^\n]*\n│\s+│ also from\s+│[^\n]*\n│\s+│ z\.txt \(0\.\d\d\)/);
    const records = renderJsonl(compare(docs, { lexicon })).trim().split('\n').map((line) => JSON.parse(line) as { type: string; derivations?: { target: string }[] });
    expect(records.filter((r) => r.type === 'family').map((r) => r.derivations?.map((d) => d.target))).toEqual([['o.txt', 'y.txt', 'z.txt']]);
  });
});

describe('a shared passage never closes a cycle of derivations', () => {
  // Clough's task b: the stemma made the Wikipedia article the original and a student's answer
  // its grandchild; the answer's verbatim run then made the article a borrower of that answer.
  const alignment = { units: [], unalignedA: [], unalignedB: [] };
  const pair = (a: number, b: number, shared: number, run: number): ComparedPair => ({
    a, b, alignment, shareA: shared, shareB: shared, narrationA: shared, narrationB: shared, rareOverlap: shared, sharedRun: run, fitA: 0, fitB: 0,
  });
  const pairs = [pair(0, 1, 0.9, 80), pair(1, 2, 0.9, 80), pair(0, 2, 0.2, 40)];
  const stemma: Derivation[] = [
    { target: 'article', source: null, method: 'original', confidence: 0.7, evidence: [] },
    { target: 'copy', source: 'article', method: 'edit', confidence: 0.7, evidence: [] },
    { target: 'answer', source: 'copy', method: 'edit', confidence: 0.7, evidence: [] },
  ];
  const borrowedFrom = (sourceIsA: boolean) => () => ({ sourceIsA, confidence: 0.8, evidence: { kind: 'embedded' as const, sourceText: '', targetText: '' } });

  it('keeps the original of the family when the passage points at its descendant', () => {
    const out = assemble(['article', 'copy', 'answer'], borrowedFrom(false), pairs, [[0, 1, 2]], [stemma]);
    expect(out.map((d) => d.source)).toEqual([null, 'article', 'copy']);
  });

  it('still marks a borrower when the passage points the way the family allows', () => {
    const out = assemble(['article', 'copy', 'answer'], borrowedFrom(true), pairs, [[0, 1], [2]], [stemma.slice(0, 2)]);
    expect(out[2]).toMatchObject({ source: 'article', method: 'passage-reuse' });
  });
});

describe('the direction of a shared passage', () => {
  // A report (a) and a column (b) that quotes its paragraph: the passage fits the column's
  // argument better than the report's other paragraphs, and is a larger share of the column.
  const span = (text: string) => ({ start: 0, end: text.length, text, kind: 'sentence' as const });
  const report = { wordCount: 300, spans: ['The pool will close.', 'An inspection found corroded beams.', 'Clubs will move.'].map(span) };
  const column = (cite: string) => ({ wordCount: 200, spans: [cite, 'An inspection found corroded beams.', 'Maintenance was put off for years.'].map(span) });
  const alignment = { units: [{ a: [1], b: [1], score: 1, retention: 1, kind: 'identical' as const, edits: [] }], unalignedA: [0, 2], unalignedB: [0, 2] };
  const pair: ComparedPair = { a: 0, b: 1, alignment, shareA: 0.33, shareB: 0.34, narrationA: 0.33, narrationB: 0.34, rareOverlap: 0.3, sharedRun: 5, fitA: 0.1, fitB: 0.5 };

  it('takes the text the passage fits better for its source, unless the other says where it has it from', () => {
    expect(passageDirection(pair, report, column('Every city has a building like this one.')).sourceIsA).toBe(false);
    const cited = passageDirection(pair, report, column('As the Courier reported on Thursday:'));
    expect(cited.sourceIsA).toBe(true);
    expect(cited.confidence).toBeGreaterThan(0.8);
    expect(passageDirection(pair, report, column('According to the Courier, the roof was unsafe.')).sourceIsA).toBe(true);
  });

  it('takes a text that marks the passage as quoted, as a reply does, for its borrower', () => {
    const twoShared = { ...alignment, units: [1, 2].map((i) => ({ a: [i], b: [i], score: 1, retention: 1, kind: 'identical' as const, edits: [] })), unalignedA: [0], unalignedB: [0] };
    const quotedPair: ComparedPair = { ...pair, alignment: twoShared, fitA: 0.1, fitB: 0.5 };
    const reply = { ...column('Every city has a building like this one.'), quoted: new Set([1, 2]) };
    expect(passageDirection(quotedPair, report, column('Every city has a building like this one.')).sourceIsA).toBe(false);
    expect(passageDirection(quotedPair, report, reply).sourceIsA).toBe(true);
    // Where both quote it, both took it from elsewhere, and the fit decides again.
    expect(passageDirection(quotedPair, { ...report, quoted: new Set([1, 2]) }, reply).sourceIsA).toBe(false);
  });
});

describe('two reports of one event against two versions of one text', () => {
  // Two agencies' reports align sentence for sentence and share a little rare wording (their
  // quotes, the event's names); what the writer of each chose is its figures.
  const alignment = { units: [], unalignedA: [], unalignedB: [] };
  const reports: ComparedPair = {
    a: 0, b: 1, alignment, shareA: 0.4, shareB: 0.5, narrationA: 0.41, narrationB: 0.47, rareOverlap: 0.12, sharedRun: 15, fitA: 0, fitB: 0,
    figuresKept: 4 / 7, figuresLacked: 3,
  };

  it('keeps apart texts of weak wording whose figures disagree', () => {
    expect(relation(reports)).toBe('none');
  });

  it('relates them when the wording is a version\'s, or when only two figures differ', () => {
    expect(relation({ ...reports, rareOverlap: 0.2 })).toBe('text');
    expect(relation({ ...reports, figuresKept: 3 / 5, figuresLacked: 2 })).toBe('text');
    expect(relation({ ...reports, figuresKept: undefined, figuresLacked: undefined })).toBe('text');
  });

  it('relates a paraphrase of weak wording that keeps every figure of the other, and no pair that lacks one', () => {
    const paraphrase: ComparedPair = { ...reports, rareOverlap: 0.08, figuresKept: 1, figuresLacked: 0 };
    expect(relation(paraphrase)).toBe('text');
    expect(relation({ ...paraphrase, figuresKept: 2 / 3, figuresLacked: 1 })).toBe('none');
    expect(relation({ ...paraphrase, figuresKept: undefined, figuresLacked: undefined })).toBe('none');
    expect(relation({ ...paraphrase, rareOverlap: 0.06 })).toBe('none');
    // The blog that keeps the news copy's figures and half a quotation (fixtures/story/trees).
    expect(derivations('story/trees')['384_blog.txt']).toMatchObject({ source: '382_news.txt' });
  });

  it('gives each agency\'s copies a lost source of their own (fixtures/story/heist)', () => {
    const lost = derivations('story/heist');
    const group = (ids: string[]) => new Set(ids.map((id) => lost[id]?.source));
    const a = group(['191_outlet.txt', '192_spin.txt', '193_spa_mt.txt']);
    const b = group(['195_brief.txt', '196_ca_mt.txt', '197_para.txt']);
    expect(a.size).toBe(1);
    expect(b.size).toBe(1);
    expect([...a][0]).toMatch(/^hidden:/);
    expect([...b][0]).toMatch(/^hidden:/);
    expect([...a][0]).not.toBe([...b][0]);
    expect(lost['198_local.txt']).toMatchObject({ source: null, method: 'independent' });
    const present = derivations('story/heist-present');
    for (const id of ['191_outlet.txt', '192_spin.txt', '193_spa_mt.txt']) expect(present[id]?.source, id).toBe('190_wire_a.txt');
    for (const id of ['195_brief.txt', '196_ca_mt.txt', '197_para.txt']) expect(present[id]?.source, id).toBe('194_wire_b.txt');
    expect(present['194_wire_b.txt']?.source).toBeNull();
  });
});

describe('an edit whose kept sentences are reworked: a revision, not a copy', () => {
  // An author's second edition adds two sentences and works words into three kept ones; a copy
  // that drops passages keeps its sentences as they are. Which edition came first the tendencies
  // cannot say (the later one has more, as a source would), so the direction is said unsure.
  const first = HARBOUR.filter((_, i) => i !== 5 && i !== 9).join(' ');
  const revise = (s: string, i: number): string =>
    i === 1 ? s.replace('Its first houses stood', 'Its first wooden houses, it is said, stood')
      : i === 4 ? s.replace('The market sold', 'For centuries the market sold')
        : i === 7 ? s.replace('was rebuilt in brick', 'was slowly rebuilt in red brick') : s;
  const second = HARBOUR.map(revise).join(' ');

  it('says the direction across it is unsure', () => {
    const result = parentOf({ 'first.txt': first, 'second.txt': second });
    const copy = Object.values(result).find((d) => d.source !== null);
    expect(copy).toMatchObject({ method: 'edit', directionOnly: true });
    expect(copy?.confidence).toBeLessThanOrEqual(0.55);
  });

  it('leaves an abridgement that keeps its sentences as sure as before', () => {
    const result = parentOf({ 'first.txt': HARBOUR.filter((_, i) => i !== 3 && i !== 8).join(' '), 'second.txt': HARBOUR.join(' ') });
    expect(result['first.txt']).toMatchObject({ source: 'second.txt', method: 'edit' });
    expect(result['first.txt']?.confidence).toBeGreaterThan(0.55);
  });
});

describe('a copy whose paragraphs were put in another order', () => {
  const paragraphs = [HARBOUR.slice(0, 4), HARBOUR.slice(4, 8), HARBOUR.slice(8)].map((p) => p.join(' '));
  const moved = [paragraphs[0], paragraphs[2], paragraphs[1]].join('\n\n');

  it('is an edit that moves passages, not a typographic copy, and says which moved', () => {
    const copy = Object.values(parentOf({ 'a.txt': paragraphs.join('\n\n'), 'b.txt': moved })).find((d) => d.source !== null);
    expect(copy?.method).toBe('edit');
    const reordering = copy?.evidence.find((e) => e.kind === 'reordering');
    // The middle paragraph and the last swapped places: four sentences moved, not eight.
    expect(reordering?.support).toBe(4);
    expect(renderTable(compare([{ id: 'a.txt', text: paragraphs.join('\n\n'), sha256: '' }, { id: 'b.txt', text: moved, sha256: '' }], { lexicon }), { chalk: new Chalk({ level: 0 }) })).toContain('moves 4 passage(s)');
  });
});

describe('a copy cut off inside a word', () => {
  // The first six sentences and the opening of the seventh, cut inside "autumn": a snippet cut at
  // a character limit. Its fragment once stood as a passage of its own, and the copy read as a
  // text that shared a passage with its source, the source named its borrower.
  const cut = `${HARBOUR.slice(0, 6).join(' ')} A great fire in the aut`;

  it('is a truncation of the whole text', () => {
    expect(parentOf({ 'cut.txt': cut, 'whole.txt': HARBOUR.join(' ') })['cut.txt']).toMatchObject({ source: 'whole.txt', method: 'truncation' });
    expect(parentOf({ 'a.txt': HARBOUR.join(' '), 'b.txt': cut })['b.txt']).toMatchObject({ source: 'a.txt', method: 'truncation' });
  });
});

describe('copies hard-wrapped at 72 columns, their source not', () => {
  // Course answers and mail are wrapped; read line by line, a wrapped copy had no sentence in
  // common with its source (31 generated families wrapped so: 46 of 78 parents, 9 false
  // derivations, against 78 and none unwrapped).
  const wrap = (text: string): string =>
    text
      .split('\n')
      .map((line) => line.replace(/(.{1,72})(?:\s+|$)/g, '$1\n').trimEnd())
      .join('\n');
  for (const family of ['chain-3', 'lost-2', 'tree-1', 'independent-2']) {
    it(`gives generated/${family} the parents it has unwrapped`, () => {
      const plain = readFixture(`generated/${family}`);
      const wrapped = plain.map((d) => (d.id === 'original.txt' ? d : { ...d, text: wrap(d.text) }));
      const parents = (docs: typeof plain) => compare(docs, { lexicon }).derivations.map((d) => [d.target, d.source, d.method]);
      expect(wrapped.some((d, i) => d.text !== plain[i]?.text)).toBe(true);
      expect(parents(wrapped)).toEqual(parents(plain));
    });
  }

  it('quotes drift and passages on one line, as the unwrapped copies read', () => {
    // A line break inside a quoted change is layout: "way\nof life" is the reading "way of life",
    // and drift recall lost 13 of 735 words to such quotes on 31 wrapped families.
    const plain = readFixture('generated/chain-3');
    const evidence = (docs: typeof plain) => compare(docs, { lexicon }).derivations.flatMap((d) => d.evidence.map((e) => [e.kind, e.sourceText, e.targetText]));
    const wrapped = evidence(plain.map((d) => ({ ...d, text: wrap(d.text) })));
    expect(wrapped.some(([kind]) => kind === 'substitution')).toBe(true);
    expect(wrapped).toEqual(evidence(plain));
  });
});

describe('a copy extracted from print', () => {
  // pdftotext's output of the text: wrapped, a running header and a page number on each page after
  // the first. Read as passages, those lines were text the source lacked, and the copy a sibling.
  const lines = HARBOUR.join(' ').replace(/(.{1,58})(?:\s+|$)/g, '$1\n').trimEnd().split('\n');
  const printed = [0, 5, 10, 15].map((from, i) => `${i === 0 ? '' : `\fThe Harbour Gazette\n\nPage ${i + 1}\n\n`}${lines.slice(from, from + 5).join('\n')}`).join('\n\n');

  it('is a typographic copy of its source, not its sibling under a lost one', () => {
    // Same words on both sides: which one came first the text cannot tell (Limits).
    const result = parentOf({ 'a.txt': HARBOUR.join('\n\n'), 'b.txt': printed });
    const found = [result['a.txt'], result['b.txt']].map((d) => `${d?.source} ${d?.method}`).sort();
    expect(found).toEqual([expect.stringMatching(/^[ab]\.txt typographic$/), 'null original']);
  });
});

describe('a story syndicated by 31 outlets', () => {
  // A tree of copies five wide: each copy drops a sentence now and then and changes three words,
  // which its own copies inherit. Every pair is related, and the 31 texts are one family; cut at
  // 20 members they were two, each with an original of its own.
  const source = readFixture('generated/tree-1').find((d) => d.id === 'original.txt')?.text ?? '';
  let seed = 7;
  const random = (): number => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return seed / 2 ** 32;
  };
  const vocabulary = [...new Set(source.match(/\b[a-z]{5,}\b/g) ?? [])].sort();
  const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T;
  const copyOf = (sentences: readonly string[]): string[] => {
    const out = [...sentences];
    if (random() < 0.7) out.splice(Math.floor(random() * out.length), 1);
    for (let n = 0; n < 3; n++) {
      const i = Math.floor(random() * out.length);
      const words = out[i]?.match(/\b[a-z]{5,}\b/g);
      if (words) out[i] = (out[i] as string).replace(new RegExp(`\\b${pick(words)}\\b`), pick(vocabulary));
    }
    return out;
  };
  const versions: string[][] = [source.split(/(?<=[.!?])\s+/u)];
  const truth: Array<number | null> = [null];
  for (let v = 1; v < 31; v++) {
    const parent = Math.floor((v - 1) / 5);
    versions.push(copyOf(versions[parent] as string[]));
    truth.push(parent);
  }
  const name = (v: number): string => `outlet-${String(v).padStart(2, '0')}.txt`;

  it('is one family with one original, most copies under their own source', () => {
    const result = parentOf(Object.fromEntries(versions.map((sentences, v) => [name(v), sentences.join(' ')])));
    const roots = Object.values(result).filter((d) => d.source === null || d.source.startsWith('hidden:'));
    expect(roots.filter((d) => d.source === null)).toHaveLength(1);
    expect(new Set(roots.map((d) => d.source)).size).toBe(1);
    const right = truth.filter((p, v) => (result[name(v)]?.source ?? null) === (p === null ? null : name(p))).length;
    expect(right).toBeGreaterThanOrEqual(24);
  });
});

describe('copies extracted with their layout', () => {
  // pdftotext -layout and OCR keep the line-end hyphens of print, and each copy is set to its own
  // measure: the halves of words cut at other places in each were words of their own (lost-2's
  // spin passed for a round trip). Not tree-1: which of its original and its edit came first is
  // decided at 0.55, and rewrapping its edit turns it, hyphens or not.
  const layOut = (text: string, columns: number): string =>
    text
      .split('\n')
      .map((line) => line.replace(new RegExp(`(.{1,${columns}})(?:\\s+|$)`, 'gu'), '$1\n').replace(/ (\p{Ll}{3})(\p{Ll}{4,})\n/gu, ' $1-\n    $2 ').trimEnd())
      .join('\n');
  for (const family of ['chain-3', 'lost-2', 'star-1', 'chain-4']) {
    it(`gives generated/${family} the parents and methods it has as plain text`, () => {
      const plain = readFixture(`generated/${family}`);
      const laidOut = plain.map((d, i) => (d.id === 'original.txt' ? d : { ...d, text: layOut(d.text, 44 + 6 * i) }));
      expect(laidOut.some((d) => /-\n {4}\p{Ll}/u.test(d.text))).toBe(true);
      const summary = (docs: typeof plain) => compare(docs, { lexicon }).derivations.map((d) => `${d.target} <- ${d.source} ${d.method}`);
      expect(summary(laidOut)).toEqual(summary(plain));
    });
  }

  it('quotes a word hyphenated at a line\'s end whole', () => {
    const plain = readFixture('generated/chain-3');
    const drift = (docs: typeof plain) => compare(docs, { lexicon }).derivations.flatMap((d) => d.evidence.filter((e) => e.kind === 'substitution').map((e) => `${e.sourceText} -> ${e.targetText}`));
    const laidOut = drift(plain.map((d, i) => (d.id === 'original.txt' ? d : { ...d, text: layOut(d.text, 44 + 6 * i) })));
    expect(laidOut.filter((e) => /\p{L}- \p{Ll}/u.test(e))).toEqual([]);
    expect(laidOut).toEqual(drift(plain));
  });
});

describe('a syndicated copy that credits its source', () => {
  // It adds one line and drops nothing: as passages go it is the fuller text, the one a copy
  // would have been made from, but the line says where it came from.
  const story = HARBOUR.join('\n\n');
  const credited = `${story}\n\nThis article originally appeared in The Harbour Gazette and is republished here with permission.`;

  it('is derived from the story, whichever name it has', () => {
    for (const [o, c] of [['a.txt', 'b.txt'], ['b.txt', 'a.txt']]) {
      expect(parentOf({ [o]: story, [c]: credited })[c]).toMatchObject({ source: o });
    }
  });

  it('and so is a later version that says it corrects an earlier one, opens with an update, or was sent on from a phone', () => {
    const corrected = `${story}\n\nCorrection: An earlier version of this article misstated the year the railway reached the town.`;
    const updated = `UPDATE (3 p.m.): The council voted on Tuesday to restore the old warehouses.\n\n${story}`;
    const resent = `${story}\n\nSent from my iPhone`;
    for (const later of [corrected, updated, resent]) {
      for (const [o, c] of [['a.txt', 'b.txt'], ['b.txt', 'a.txt']]) {
        expect(parentOf({ [o]: story, [c]: later })[c]).toMatchObject({ source: o });
      }
    }
  });
});

describe('a mail reply that quotes the message it answers', () => {
  // The reply quotes the whole message, wrapped and marked "> ", under two lines of its own: as
  // passages go it is the longer text, the one a copy would have been made from.
  const message = HARBOUR.slice(0, 8).join(' ');
  const quoted = message.replace(/(.{1,68})(?:\s+|$)/g, '> $1\n').trimEnd();
  const reply = `Thanks, that is most of what I needed. Do you know when the railway reached the town?\n\nOn Tuesday, Ann wrote:\n${quoted}`;

  it('is derived from the message, with the quoted passages as evidence, whichever name it has', () => {
    for (const [m, r] of [['a.txt', 'b.txt'], ['b.txt', 'a.txt']]) {
      const result = parentOf({ [m]: message, [r]: reply });
      expect(result[r]).toMatchObject({ source: m });
      expect(result[r]?.evidence.find((e) => e.kind === 'quotation')?.support).toBe(8);
    }
  });

  it('is so too when its mail client put the message unmarked under an "Original Message" rule', () => {
    const outlook = `Thanks, that is most of what I needed.\n\n-----Original Message-----\nFrom: Ann\nSent: Tuesday\n\n${message}`;
    for (const [m, r] of [['a.txt', 'b.txt'], ['b.txt', 'a.txt']]) {
      const result = parentOf({ [m]: message, [r]: outlook });
      expect(result[r]).toMatchObject({ source: m });
      expect(result[r]?.evidence.find((e) => e.kind === 'quotation')?.support).toBe(8);
    }
  });
});

describe('texts too short to show how they were made', () => {
  it('names two one-sentence reports of one event a paraphrase, direction unsure, not a translation', () => {
    const family = parentOf({
      'wire.txt': 'Breaking: A magnitude 6.1 earthquake struck off the coast of northern Chile on Tuesday morning, the USGS said. No tsunami warning was issued.',
      'feed.txt': 'BREAKING: Magnitude 6.1 earthquake strikes off northern Chile coast on Tuesday morning, says USGS. No tsunami warning issued.',
    });
    const copy = Object.values(family).find((d) => d.source !== null);
    expect(copy).toMatchObject({ method: 'paraphrase', directionOnly: true });
    expect(copy?.evidence.some((e) => e.kind === 'explicitation')).toBe(false);
  });
});

describe('spinner syntax under a lost source', () => {
  it('takes braces that siblings share for the source’s, not a spinner’s leftover', () => {
    const lost = HARBOUR.map((s, i) => (i === 4 ? s.replace('salted cod', 'salted cod {Recipe lister}') : s));
    const copy = (drop: number, pairs: [string, string][]): string => swap(lost.filter((_, i) => i !== drop).join(' '), pairs);
    const family = parentOf({
      'a.txt': copy(1, [['founded', 'established']]),
      'b.txt': copy(6, [['constant danger', 'constant peril']]),
      'c.txt': copy(9, [['wider', 'broader']]),
    });
    for (const d of Object.values(family)) {
      expect(d.source).toBe('hidden:1');
      expect(d.evidence.some((e) => e.kind === 'spintax')).toBe(false);
      expect(d.method).not.toBe('spin');
    }
  });
});

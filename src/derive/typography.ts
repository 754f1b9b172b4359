/**
 * Typographic habits of a text as written: which quote marks, dashes, spacing and line endings
 * it uses. Normalization hides them from the comparison of words, but they are inherited like
 * any reading: copies made from one exemplar keep its straight or curly quotes, and a copy that
 * was retypeset stands apart from its siblings. Without them a typography-only copy and its
 * source are indistinguishable, and either could be drawn as the parent of the family.
 */
const HABITS: ReadonlyArray<readonly [string, RegExp]> = [
  ['straight double quotes', /"/u],
  ['curly double quotes', /[\u201c\u201d]/u],
  ['straight apostrophes', /\p{L}'\p{L}/u],
  ['curly apostrophes', /\p{L}\u2019\p{L}/u],
  ['dash as hyphens', / -{1,2} /u],
  ['em or en dash', /[\u2013\u2014]/u],
  ['two spaces after a sentence', /[.!?] {2}\S/u],
  ['CRLF line ends', /\r\n/u],
  ['no-break spaces', /\u00a0/u],
  ['ellipsis character', /\u2026/u],
];

/** For each habit, which texts show it (1) or not (0); habits shared by all or none are left out. */
export function typographyStates(texts: readonly string[]): Array<{ readonly habit: string; readonly state: Int8Array }> {
  return HABITS.map(([habit, pattern]) => ({ habit, state: Int8Array.from(texts, (t) => (pattern.test(t) ? 1 : 0)) })).filter(
    ({ state }) => state.some((v) => v === 1) && state.some((v) => v === 0),
  );
}

import { distance } from 'fastest-levenshtein';
import type { Edit } from '../align.js';
import type { PreparedDocument } from '../document.js';
import { isSynonymSwap, readingCommonness, type Lexicon } from '../lexicon.js';
import { visibleQuote } from '../markup.js';

export type EvidenceKind =
  | 'substitution'
  | 'omission'
  | 'addition'
  | 'reordering'
  | 'quotation'
  | 'spelling-variant'
  | 'spintax'
  | 'not-from'
  | 'drift-not-kept'
  | 'embedded'
  | 'explicitation'
  | 'anchors'
  | 'kept-anchors'
  | 'speech-kept'
  | 'typography';

/**
 * One observation behind a derivation. `sourceText` is the source's reading (for a lost source,
 * the reading its other copies agree on), `targetText` the target's, both quoted as written.
 */
export interface Evidence {
  readonly kind: EvidenceKind;
  readonly sourceText: string;
  readonly targetText: string;
  /**
   * How many witnesses read otherwise than the target's word there (lost sources: the lines of
   * copies that attest the change, a copy of a copy counted with its exemplar, not all of them
   * with the quoted source reading), or how many items a summary stands for.
   */
  readonly support?: number;
  /** True when the two readings are dictionary synonyms (WordNet): a spinner's swap. */
  readonly synonym?: boolean;
  /** A plain-language account of a measured observation (passage reuse, explicitation). */
  readonly detail?: string;
}

/** Enough for a whole spun article (the generated ones have 25-80 swaps); the table shows the first few. */
const MAX_SUBSTITUTIONS = 150;
const MAX_SWAP_WORDS = 3;
/**
 * A swap may expand into a longer reading than it replaces: spinners put in multiword synonyms
 * ("ASCII" -> "American standard code for information interchange", "provide" -> "bring home
 * the bacon"), and those are among the plainest marks of a spin.
 */
const MAX_EXPANSION_WORDS = 6;
const QUOTE_CHARS = 90;
/** A dictionary-synonym swap counts as much as this much drift towards odd wording. */
const SYNONYM_BONUS = 0.1;
/**
 * Above any commonness difference (at most 0.75): a broken fixed expression or a respelled name
 * outranks other drift.
 */
const TELLTALE_BONUS = 1;

/** An edit seen from source to target, whichever side of the pair the source was. */
export interface OrientedEdit {
  readonly sourceText: string;
  readonly targetText: string;
  readonly sourceWords: readonly string[];
  readonly targetWords: readonly string[];
  readonly sourceOffsets: readonly number[];
  readonly targetOffsets: readonly number[];
  /** The source's words just before and after the replaced ones, as written ('' at an edge). */
  readonly sourceBefore: string;
  readonly sourceAfter: string;
}

/** An edit seen from source to target; `sourceDocument` is the source's text, for the words around the edit. */
export function orient(edit: Edit, sourceIsA: boolean, sourceDocument = ''): OrientedEdit {
  const [before, after] = neighbours(sourceDocument, sourceIsA ? edit.aOffsets : edit.bOffsets, sourceIsA ? edit.aWords : edit.bWords);
  const around = { sourceBefore: before, sourceAfter: after };
  return sourceIsA
    ? { sourceText: edit.aText, targetText: edit.bText, sourceWords: edit.aWords, targetWords: edit.bWords, sourceOffsets: edit.aOffsets, targetOffsets: edit.bOffsets, ...around }
    : { sourceText: edit.bText, targetText: edit.aText, sourceWords: edit.bWords, targetWords: edit.aWords, sourceOffsets: edit.bOffsets, targetOffsets: edit.aOffsets, ...around };
}

const LAST_WORD = /([\p{L}\p{N}']+)[^\p{L}\p{N}']*$/u;
const FIRST_WORD = /^[^\p{L}\p{N}']*([\p{L}\p{N}']+)/u;
const NEIGHBOUR_REACH = 40;

function neighbours(text: string, offsets: readonly number[], words: readonly string[]): [string, string] {
  const start = offsets[0];
  const lastStart = offsets.at(-1);
  if (text === '' || start === undefined || lastStart === undefined) return ['', ''];
  const end = lastStart + (words.at(-1)?.length ?? 0);
  const before = LAST_WORD.exec(text.slice(Math.max(0, start - NEIGHBOUR_REACH), start))?.[1] ?? '';
  const after = FIRST_WORD.exec(text.slice(end, end + NEIGHBOUR_REACH))?.[1] ?? '';
  return [before, after];
}

/**
 * Whether the swap broke a fixed expression: the source reading, alone or with the word next to
 * it, is one lemma of the lexicon ("White House", "Middle East") and the target's is not ("White
 * Home", "Center East"). A context-blind spinner does this; a writer or a translator keeps the
 * expression whole. The telltale evidence of spinning, so it is listed first.
 */
function breaksExpression(e: OrientedEdit, lexicon: Lexicon): Broken | undefined {
  if (!lexicon.isLemma) return undefined;
  const src = e.sourceWords.join(' ');
  const tgt = e.targetWords.join(' ');
  const before = e.sourceBefore.toLowerCase();
  const after = e.sourceAfter.toLowerCase();
  const readings: Array<[string, string, Broken]> = [[src, tgt, 'itself']];
  if (before) readings.push([`${before} ${src}`, `${before} ${tgt}`, 'with-before']);
  if (after) readings.push([`${src} ${after}`, `${tgt} ${after}`, 'with-after']);
  // Words put in around an expression leave it whole ("Vice President" -> "US Vice President").
  const keeps = (t: string, s: string): boolean => ` ${t} `.includes(` ${s} `);
  return readings.find(([s, t]) => s.includes(' ') && lexicon.isLemma?.(s) === true && lexicon.isLemma?.(t) !== true && !keeps(t, s))?.[2];
}

/** Which reading of a swap was the fixed expression it broke: its own words, or them with a neighbour. */
type Broken = 'itself' | 'with-before' | 'with-after';

/**
 * The two readings as a reader should see them: a swap that broke an expression with its
 * neighbour is quoted with that neighbour ("Oval Office" -> "Oval Workplace", not "Office" ->
 * "Workplace", which says little alone).
 */
function quoted(e: OrientedEdit, broken: Broken | undefined): { sourceText: string; targetText: string } {
  if (broken === 'with-before') return { sourceText: oneLine(`${e.sourceBefore} ${e.sourceText}`), targetText: oneLine(`${e.sourceBefore} ${e.targetText}`) };
  if (broken === 'with-after') return { sourceText: oneLine(`${e.sourceText} ${e.sourceAfter}`), targetText: oneLine(`${e.targetText} ${e.sourceAfter}`) };
  return { sourceText: oneLine(e.sourceText), targetText: oneLine(e.targetText) };
}

/**
 * Whether the swap respells names and changes nothing else ("Kursk" -> "Kusk", "Zelensky" ->
 * "Zelenskyy"): a writer keeps a name as the source spells it, while a translation round trip
 * transliterates it and a careless copy mangles it, so a reader takes such a change as a
 * signature of the copy.
 */
export function respellsName(e: OrientedEdit, lexicon: Lexicon): boolean {
  const source = e.sourceText.split(/\s+/u);
  const target = e.targetText.split(/\s+/u);
  if (source.length !== e.sourceWords.length || target.length !== e.targetWords.length || source.length !== target.length) return false;
  let respelled = 0;
  for (let i = 0; i < source.length; i++) {
    const x = e.sourceWords[i] as string;
    const y = e.targetWords[i] as string;
    if (x === y) continue;
    if (!isCapitalized(source[i] as string) || !isCapitalized(target[i] as string) || !isNameVariant(x, y, lexicon)) return false;
    respelled++;
  }
  return respelled > 0;
}

function isCapitalized(word: string): boolean {
  return /^\p{Lu}\p{Ll}/u.test(word);
}

/**
 * Two spellings of one name (lower case): one or two letters apart, with the same first letter,
 * not a name and its derived word ("Russia" / "Russian"), and not two ordinary words ("While" /
 * "White", "House" / "Home").
 */
function isNameVariant(x: string, y: string, lexicon: Lexicon): boolean {
  if (x === y || x[0] !== y[0] || Math.min(x.length, y.length) < 4) return false;
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  // An ending makes another word of a name ("Russia" -> "Russian", "Russians"); one letter more
  // that is no English ending is a transliteration ("Zelensky" -> "Zelenskyy").
  if (long.startsWith(short) && (long.length - short.length > 1 || /[sn]$/u.test(long))) return false;
  if (lexicon.isFunctionWord(x) || lexicon.isFunctionWord(y) || Math.min(lexicon.commonness(x), lexicon.commonness(y)) > 0.5) return false;
  return distance(x, y) <= (short.length >= 6 ? 2 : 1);
}

/** What is known of a target under a lost source, for substitutionEvidence. */
export interface UnderLostSource {
  /** What the lost source's reconstruction says of an edit: true, false or undefined (cannot tell). */
  readonly reconstruction?: (e: OrientedEdit) => boolean | undefined;
  /** Position in the witnesses of the one taken on its word where nothing else decides; -1 for none. */
  readonly trusted?: number;
  /** The target is a spin: ties go to the reading its word is a dictionary synonym of. */
  readonly spun?: boolean;
  /** The target is the faithful copy: only witnesses that agree on the source reading count. */
  readonly faithful?: boolean;
  /** Positions in the witnesses of the spins: a synonym only they read is their swap, not the target's. */
  readonly spins?: ReadonlySet<number>;
  /**
   * Positions in the witnesses of the machine translations. Two round trips agree on a rendering
   * by chance (one engine's lexicon, "sons" read "children" by both), so against the faithful copy
   * they vouch for no source reading: over 16 generated sets' lost sources this dropped 27 claimed
   * readings, 26 of them not the original's (checked against the withheld originals).
   */
  readonly translations?: ReadonlySet<number>;
  /**
   * The line of each witness (by position): witnesses that descend one from another share one,
   * and agree because the copy inherited its exemplar's words, not because both kept the source's.
   */
  readonly lines?: readonly number[];
  /** The target's own line, in the numbering of `lines`. */
  readonly line?: number;
  /** Whether the witness at position w writes the target's word `word`, at offset `at`, in its text aligned with the target's sentence there. */
  readonly keeps?: (w: number, at: number, word: string) => boolean;
}

/**
 * The telling substitutions among edits: short swaps (a few words each side) whose source
 * reading is attested by at least `minSupport` witnesses, or by one when the `reconstruction` (of a
 * lost source, which all the copies together vote for) agrees, and never when it reads the
 * target's words. Where the reconstruction cannot tell, the reading of the `trusted` witness (the
 * copy that alone departs from the others least often, if there is one) is taken on its word:
 * where a round trip and a spin each reword what an edit kept, three readings tie, and the one the
 * faithful copy keeps is the likeliest original (Bédier's "best text", for places no majority
 * decides). For the `faithful` copy itself, only the witnesses that agree on the source reading
 * count: where two siblings each reworded a word, the copy that seldom departs alone most likely
 * kept it. Ranked by agreement (two witnesses agreeing is as good as more: a passage may
 * be missing from some), then by how much more usual
 * the source wording is than the target's (drift runs from idiom to oddity; a dictionary-synonym
 * swap adds to it), then by position, so the list is deterministic.
 */
export function substitutionEvidence(
  editsByWitness: readonly (readonly OrientedEdit[])[],
  minSupport: number,
  lexicon: Lexicon,
  lost: UnderLostSource = {},
): Evidence[] {
  const { reconstruction = () => undefined, trusted = -1, spun = false, faithful = false, spins = new Set<number>(), translations = new Set<number>(), lines = [], line, keeps = () => false } = lost;
  // Witnesses see the same drift through different diffs ("court" -> "court docket" against one,
  // "with" -> "docket and that" against another), so edits are grouped by the changed target
  // word they explain; each group is told by its shortest edit.
  const groups = new Map<number, { witnesses: Set<number>; edits: OrientedEdit[] }>();
  const witnessOf = new Map<OrientedEdit, number>();
  editsByWitness.forEach((edits, witness) => {
    for (const e of edits.flatMap((x) => splitSwaps(x, lexicon))) {
      if (e.sourceWords.length === 0 || e.targetWords.length === 0 || !isSwapSized(e)) continue;
      witnessOf.set(e, witness);
      e.targetWords.forEach((w, i) => {
        if (e.sourceWords.includes(w)) return;
        const at = e.targetOffsets[i] as number;
        const g = groups.get(at) ?? { witnesses: new Set<number>(), edits: [] };
        g.witnesses.add(witness);
        g.edits.push(e);
        groups.set(at, g);
      });
    }
  });
  const lineOf = (w: number): number => lines[w] ?? w;
  const byEdit = new Map<OrientedEdit, { support: number; vouched: boolean }>();
  for (const g of groups.values()) {
    const telling = g.edits.filter((e) => isTelling(e, lexicon));
    if (telling.length === 0) continue;
    const edit = representative(telling, (e) => witnessOf.get(e) === trusted, spun ? lexicon : undefined, (e) => lineOf(witnessOf.get(e) as number));
    const seen = byEdit.get(edit);
    const reading = edit.sourceWords.join(' ');
    const agreeing = new Set(
      telling.filter((e) => e.sourceWords.join(' ') === reading).map((e) => witnessOf.get(e)).filter((w) => !faithful || w === undefined || !translations.has(w)),
    );
    // Witnesses that lack the target's word say it is new; which words it replaced, only those whose
    // own change reads one of them ("video released" for "videos released"). One that reads another
    // word in its place ("good" where the target has "cargo" and a third copy "charge") leaves the
    // replaced reading to the first alone: over 16 generated sets' lost sources, 129 of the 912
    // readings claimed that were not the original's went, and 50 of the 3,625 that were. A diff
    // that only inserts around the word ("jeddah" -> "assembly in jeddah") reads none.
    const replaced = edit.sourceWords.filter((w) => !edit.targetWords.includes(w));
    const reads = (e: OrientedEdit): boolean => replaced.length === 0 || replaced.some((w) => e.sourceWords.includes(w));
    const readsOther = (e: OrientedEdit): boolean => !reads(e) && e.sourceWords.some((w) => !e.targetWords.includes(w));
    const contradicted = telling.some((e) => readsOther(e) && !g.edits.some((x) => witnessOf.get(x) === witnessOf.get(e) && reads(x)));
    // A spinner trades a word for its synonym; where the only copies that read the synonym the
    // target lacks are spins, the swap is theirs, seen from the other side.
    if (!spun && [...agreeing].every((w) => w !== undefined && spins.has(w)) && isSynonymSwap(edit.sourceWords, edit.targetWords, lexicon)) continue;
    // A spinner's word is its own: where a copy of another line that is no spin writes the same
    // word at that place, the spin kept the lost source's word and the witnesses that read
    // another changed it (a forest "track" a fluent round trip made a "path" and the spin and a
    // paraphrase kept, fixtures/story/lynx).
    const changed = edit.targetWords.flatMap((word, i) => (edit.sourceWords.includes(word) || lexicon.isFunctionWord(word) ? [] : [[edit.targetOffsets[i] as number, word] as const]));
    if (spun && changed.length > 0 && editsByWitness.some((_, w) => !spins.has(w) && lineOf(w) !== line && changed.every(([at, word]) => keeps(w, at, word)))) continue;
    // The faithful copy's change needs a witness that is no round trip to read the replaced word:
    // where only round trips do, the reconstruction took their reading and cannot vouch for it.
    if (faithful && agreeing.size === 0) continue;
    const vouched = agreeing.has(trusted);
    // A spin's dictionary-synonym swap vouches for its own source reading: the spinner's thesaurus led there.
    const spinnerSwap = spun && isSynonymSwap(edit.sourceWords, edit.targetWords, lexicon);
    const linesOf = (ws: Iterable<number | undefined>): number => new Set([...ws].map((w) => lineOf(w as number))).size;
    const support = faithful ? linesOf(agreeing) : contradicted && !spinnerSwap ? linesOf(g.edits.filter(reads).map((e) => witnessOf.get(e))) : linesOf(g.witnesses);
    byEdit.set(edit, { support: Math.max(seen?.support ?? 0, support), vouched: vouched || seen?.vouched === true });
  }
  const ranked = [...byEdit.entries()]
    .map(([e, { support, vouched }]) => {
      const synonym = isSynonymSwap(e.sourceWords, e.targetWords, lexicon);
      const drift = readingCommonness(e.sourceWords, lexicon, true) - readingCommonness(e.targetWords, lexicon, true);
      const broken = breaksExpression(e, lexicon);
      const telltale = broken !== undefined || respellsName(e, lexicon);
      return { e, support, vouched, synonym, broken, content: hasContent(e, lexicon), drift: drift + (telltale ? TELLTALE_BONUS : 0) };
    })
    .filter((x) => {
      const verdict = reconstruction(x.e);
      return verdict !== false && (x.support >= minSupport || verdict === true || (verdict === undefined && x.vouched));
    })
    .sort(
      (x, y) =>
        Math.min(y.support, 2) - Math.min(x.support, 2) ||
        Number(y.content) - Number(x.content) ||
        y.drift + (y.synonym ? SYNONYM_BONUS : 0) - (x.drift + (x.synonym ? SYNONYM_BONUS : 0)) ||
        (x.e.targetOffsets[0] ?? 0) - (y.e.targetOffsets[0] ?? 0),
    );
  const out: Evidence[] = [];
  const used = new Set<string>();
  // Target words already quoted, by the reading they replaced: two groups can tell one change
  // through overlapping diffs ("talking to" -> "to speak to" and -> "speak to").
  const told = new Set<string>();
  for (const x of ranked) {
    const reading = x.e.sourceWords.join(' ');
    const id = `${reading}\u0000${x.e.targetWords.join(' ')}`;
    if (used.has(id) || x.e.targetOffsets.some((at) => told.has(`${reading}\u0000${at}`))) continue;
    used.add(id);
    for (const at of x.e.targetOffsets) told.add(`${reading}\u0000${at}`);
    out.push({ kind: 'substitution', ...quoted(x.e, x.broken), support: x.support, synonym: x.synonym });
    if (out.length === MAX_SUBSTITUTIONS) break;
  }
  return out;
}

/** Short enough to be read as one swap; a longer change is reported only in pieces (splitSwaps), if it divides. */
function isSwapSized(e: OrientedEdit): boolean {
  return e.sourceWords.length <= MAX_SWAP_WORDS && e.targetWords.length <= (e.sourceWords.length <= 2 ? MAX_EXPANSION_WORDS : MAX_SWAP_WORDS);
}

/** A run of swaps is split only into pieces of at most these many words on the source side. */
const MAX_PIECE_SOURCE_WORDS = 2;

/**
 * A spinner swaps words side by side ("low-level package tool" -> "low unwavering software
 * program shaft"), which a word diff reports as one change, too long to read as one swap, or
 * short but fused with another copy's slip ("overflow explodes" -> "overspill works", where the
 * witness garbled "exploits"). When the change divides, in order, into pieces that are each a
 * dictionary-synonym swap, unchanged, or one word for one, with at least one synonym among them,
 * the pieces are reported instead, each a swap of its own; of several divisions, the one whose
 * pieces are most often synonyms (as whole phrases first: "package" -> "software program"), then
 * the finest. Otherwise the change stays whole.
 */
export function splitSwaps(e: OrientedEdit, lexicon: Lexicon): OrientedEdit[] {
  const m = e.sourceWords.length;
  const n = e.targetWords.length;
  // A fixed expression swapped word by word ("North Sea" -> "Union Ocean") stays whole: each piece
  // would be quoted with a neighbour the target no longer has ("North Sea" -> "North Ocean").
  if (m < 2 || n === 0 || !lexicon.listsSynonyms || lexicon.isLemma?.(e.sourceWords.join(' ')) === true) return [e];
  // More than the pieces a division can have: a whole-phrase synonym outweighs a finer division.
  const phraseScore = m + 1;
  // cut[i][j]: the best division of source words [0, i) and target words [0, j) into such pieces,
  // scored by whole-phrase synonyms, then pieces.
  type Division = { readonly ends: Array<[number, number]>; readonly score: number; readonly synonyms: number };
  const cut: (Division | undefined)[][] = Array.from({ length: m + 1 }, () => new Array<Division | undefined>(n + 1).fill(undefined));
  (cut[0] as (Division | undefined)[])[0] = { ends: [], score: 0, synonyms: 0 };
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      const before = cut[i]?.[j];
      if (!before) continue;
      for (let di = 1; di <= MAX_PIECE_SOURCE_WORDS && i + di <= m; di++) {
        for (let dj = 1; dj <= MAX_EXPANSION_WORDS && j + dj <= n; dj++) {
          const source = e.sourceWords.slice(i, i + di);
          const target = e.targetWords.slice(j, j + dj);
          const same = source.join(' ') === target.join(' ');
          const synonym = !same && isSynonymSwap(source, target, lexicon);
          // One word for one, no synonym: a slip of another copy's ("explodes" for "exploits") or
          // a word the spinner's thesaurus reached by another sense; it divides but scores nothing.
          const other = !same && !synonym && di === 1 && dj === 1;
          if (!same && !synonym && !other) continue;
          const score = before.score + (other ? 0 : 1) + (synonym && lexicon.synonyms(source.join(' '), target.join(' ')) ? phraseScore : 0);
          if ((cut[i + di]?.[j + dj]?.score ?? -1) >= score) continue;
          (cut[i + di] as (Division | undefined)[])[j + dj] = { ends: [...before.ends, [i + di, j + dj]], score, synonyms: before.synonyms + (synonym ? 1 : 0) };
        }
      }
    }
  }
  const best = cut[m]?.[n];
  const pieces = best?.ends;
  if (!pieces || pieces.length < 2 || best.synonyms === 0) return [e];
  const out: OrientedEdit[] = [];
  let from: [number, number] = [0, 0];
  for (const to of pieces) {
    const sourceWords = e.sourceWords.slice(from[0], to[0]);
    const targetWords = e.targetWords.slice(from[1], to[1]);
    if (sourceWords.join(' ') !== targetWords.join(' ')) {
      out.push({
        sourceText: piece(e.sourceText, e.sourceOffsets, from[0], to[0]),
        targetText: piece(e.targetText, e.targetOffsets, from[1], to[1]),
        sourceWords,
        targetWords,
        sourceOffsets: e.sourceOffsets.slice(from[0], to[0]),
        targetOffsets: e.targetOffsets.slice(from[1], to[1]),
        sourceBefore: from[0] === 0 ? e.sourceBefore : writtenWord(e, from[0] - 1),
        sourceAfter: to[0] === m ? e.sourceAfter : writtenWord(e, to[0]),
      });
    }
    from = to;
  }
  return out;
}

/** Words [from, to) of a quoted change, as written: from the first word's start to the next word's, trimmed. */
function piece(text: string, offsets: readonly number[], from: number, to: number): string {
  const origin = offsets[0] ?? 0;
  const start = (offsets[from] ?? origin) - origin;
  const end = to < offsets.length ? (offsets[to] ?? origin) - origin : text.length;
  const quoted = text.slice(start, end);
  // Up to the next word's start the slice ends in the space and punctuation between them (and,
  // in a page, the blanks that pad a character reference: markup.ts).
  return (to < offsets.length ? quoted.replace(/[\s\p{P}\u200B]+$/u, '') : quoted).trim();
}

/** Source word i of a change as written, without the punctuation after it. */
function writtenWord(e: OrientedEdit, i: number): string {
  return piece(e.sourceText, e.sourceOffsets, i, i + 1).replace(/[^\p{L}\p{N}']+$/u, '');
}

/**
 * The reading most lines of witnesses give (the lost source's, when they agree), told by its
 * shortest edit: a copy of a sibling repeats its exemplar's drift ("tips" read by a round trip
 * and by the spin made of it), so witnesses of one line vote once. On a tie, the trusted witness's; then, for a spin (`thesaurus` given), one the target's
 * reading is a dictionary synonym of: a spinner's reading is one step from its source's, while
 * two copies that each reworded the same word ("locale" -> "site" and "locale" -> "locus")
 * seldom land on synonyms of each other, synonymy in a thesaurus not being transitive. Not for
 * other copies: where the target kept the original word and a spin sibling swapped it, the
 * spin's word is the synonym, and it would be quoted as the source's (the seed story's round
 * trips got "metropolis" -> "cities", "metropolis" being the spin's).
 */
function representative(
  edits: readonly OrientedEdit[],
  isTrusted: (e: OrientedEdit) => boolean,
  thesaurus: Lexicon | undefined,
  lineOf: (e: OrientedEdit) => number,
): OrientedEdit {
  const votes = new Map<string, Set<number>>();
  const trustedReadings = new Set<string>();
  for (const e of edits) {
    const reading = e.sourceWords.join(' ');
    votes.set(reading, (votes.get(reading) ?? new Set<number>()).add(lineOf(e)));
    if (isTrusted(e)) trustedReadings.add(reading);
  }
  const ranked = edits.map((e) => {
    const reading = e.sourceWords.join(' ');
    return { e, rank: 4 * (votes.get(reading)?.size ?? 0) + 2 * Number(trustedReadings.has(reading)) + Number(thesaurus !== undefined && isSynonymSwap(e.sourceWords, e.targetWords, thesaurus)) };
  });
  return ranked.reduce((best, x) => {
    const dv = x.rank - best.rank;
    return dv > 0 || (dv === 0 && size(x.e) < size(best.e)) ? x : best;
  }).e;
}

function size(e: OrientedEdit): number {
  return e.sourceWords.length + e.targetWords.length;
}

/**
 * Worth reporting: the change is more than spelling of the same letters ("U.S." / "US") or a
 * contraction ("did not" / "didn't"), and both sides carry a content word, or the lexicon lists
 * the two as synonyms: a spinner swaps function words too ("most" -> "well-nigh", "more" -> "to
 * a greater extent"), where a writer's rewording of them says little.
 */
function isTelling(e: OrientedEdit, lexicon: Lexicon): boolean {
  const letters = (w: readonly string[]): string => w.join('').replace(/[^\p{L}\p{N}]/gu, '');
  if (letters(e.sourceWords) === letters(e.targetWords)) return false;
  return hasContent(e, lexicon) || isSynonymSwap(e.sourceWords, e.targetWords, lexicon);
}

/** Both readings carry a content word; such swaps are listed before swaps of function words. */
function hasContent(e: OrientedEdit, lexicon: Lexicon): boolean {
  const content = (w: readonly string[]): boolean => w.some((x) => !lexicon.isFunctionWord(x) && !x.includes("'"));
  return content(e.sourceWords) && content(e.targetWords);
}

/**
 * Names spelled two ways inside one text ("Leavitt" and "Levitt", "Kursk" and "Kusk"): a copy
 * that drifted keeps some spellings of its source and mangles others. Capitalized words of four
 * letters or more that isNameVariant takes as one name.
 */
export function spellingVariants(doc: PreparedDocument, lexicon: Lexicon): Evidence[] {
  const counts = new Map<string, { text: string; n: number }>();
  for (const tokens of doc.tokens) {
    for (const t of tokens) {
      const raw = doc.text.slice(t.start, t.end).replace(/['\u2019]s$/u, '');
      if (!/^\p{Lu}\p{Ll}{3,}$/u.test(raw)) continue;
      const key = raw.toLowerCase();
      const c = counts.get(key);
      if (c) c.n++;
      else counts.set(key, { text: raw, n: 1 });
    }
  }
  const names = [...counts.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1));
  const out: Evidence[] = [];
  for (let i = 0; i < names.length; i++) {
    for (let j = i + 1; j < names.length; j++) {
      const [x, cx] = names[i] as [string, { text: string; n: number }];
      const [y, cy] = names[j] as [string, { text: string; n: number }];
      if (!isNameVariant(x, y, lexicon)) continue;
      // The more frequent spelling is taken as the inherited one, the other as the drift.
      const [kept, drifted] = cx.n >= cy.n ? [cx, cy] : [cy, cx];
      out.push({ kind: 'spelling-variant', sourceText: kept.text, targetText: drifted.text });
    }
  }
  return out;
}

/**
 * A quote on one line: where a text is hard-wrapped (a PDF's extracted text, a mail body), a
 * line break inside a quoted phrase is layout, not wording, and "way\nof life" is the reading
 * "way of life"; a word hyphenated at a line's end is whole, as normalize() reads it.
 */
function oneLine(text: string): string {
  return visibleQuote(text).replace(/(\p{L})-[ \t]*\r?\n\s*(?=\p{Ll})/gu, '$1').replace(/\s+/gu, ' ');
}

/** Quotes a passage for evidence, on one line, shortened at a word boundary. */
export function excerpt(written: string): string {
  const text = oneLine(written);
  if (text.length <= QUOTE_CHARS) return text;
  const cut = text.lastIndexOf(' ', QUOTE_CHARS);
  return `${text.slice(0, cut > 40 ? cut : QUOTE_CHARS)}…`;
}

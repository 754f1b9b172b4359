import { isPassage, type Character } from './collate.js';
import { MIN_LINEAGE_PASSAGES } from './lineage.js';

/**
 * What the members' word readings say of who could be whose original, counted over the
 * collation's characters: the readings each member has alone, those two members have alone, how
 * far each member stands from the others, and whether two copies agree as copies made apart do
 * not (the stemma choice in index.ts asks these).
 */
/**
 * For each pair of members, the word readings the two have alone against all the others, counted
 * where every member has the passage: pairs[x][y] (symmetric). With four members a reading split
 * two against two counts for both pairs.
 */
export function pairedReadings(k: number, characters: readonly Character[]): number[][] {
  const pairs = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  const count = (x: number, y: number): void => {
    (pairs[x] as number[])[y] = ((pairs[x] as number[])[y] ?? 0) + 1;
    (pairs[y] as number[])[x] = ((pairs[y] as number[])[x] ?? 0) + 1;
  };
  for (const ch of characters) {
    if (!isReading(ch) || ch.state.includes(-1)) continue;
    const ones: number[] = [];
    const zeros: number[] = [];
    ch.state.forEach((v, m) => (v === 1 ? ones : zeros).push(m));
    for (const side of [ones, zeros]) if (side.length === 2) count(side[0] as number, side[1] as number);
  }
  return pairs;
}

/**
 * A word reading or a typographic habit: not a passage's presence, and not the order of two
 * passages, which shows how the copies are related, not how much each changed its words.
 */
function isReading(ch: Character): boolean {
  return (ch.word !== undefined || ch.site !== undefined) && ch.order !== true;
}

/** The passages member `y` has and member `x` lacks: a copy of x would have had to regain them. */
export function passagesLacked(characters: readonly Character[], x: number, y: number): number {
  let n = 0;
  for (const ch of characters) if (isPassage(ch) && ch.state[x] === 0 && ch.state[y] === 1) n++;
  return n;
}

/**
 * How many word readings each member has alone, counted where at least `minKnown` members have
 * the passage: a faithful copy (an edit, a truncation) has next to none, a spin or a round trip many.
 * With `lines` (each member's line: copies made one from another share one), a reading is a
 * member's own when no member outside its line has it: a round trip's drift that its spin kept is
 * still the round trip's departure, not a reading two witnesses vouch for.
 */
export function singularReadings(k: number, characters: readonly Character[], minKnown = 3, lines?: readonly number[]): number[] {
  const out = new Array<number>(k).fill(0);
  const lineOf = (m: number): number => lines?.[m] ?? m;
  // Line ids are member indices.
  const lineKnown = new Int32Array(k);
  const lineOnes = new Int32Array(k);
  for (const ch of characters) {
    if (!isReading(ch)) continue;
    let known = 0;
    let ones = 0;
    lineKnown.fill(0);
    lineOnes.fill(0);
    ch.state.forEach((v, m) => {
      if (v === -1) return;
      known++;
      const line = lineOf(m);
      (lineKnown[line] as number)++;
      if (v === 1) {
        ones++;
        (lineOnes[line] as number)++;
      }
    });
    if (known < minKnown) continue;
    ch.state.forEach((v, m) => {
      if (v === -1) return;
      const line = lineOf(m);
      const outsideKnown = known - (lineKnown[line] as number);
      const outsideOnes = ones - (lineOnes[line] as number);
      if (outsideKnown > 0 && (v === 1 ? outsideOnes : outsideKnown - outsideOnes) === 0) (out[m] as number)++;
    });
  }
  return out;
}

/**
 * For each member, the share of its word readings, compared with each other member's where both
 * have the passage, that differ: the original of a family is its medoid, since every copy
 * departs from it by its own changes alone, where a copy differs from its siblings by their
 * changes and its own. A share, not a count: a copy that dropped passages is compared less.
 */
export function disagreements(k: number, characters: readonly Character[]): number[] {
  const differ = new Array<number>(k).fill(0);
  const compared = new Array<number>(k).fill(0);
  for (const ch of characters) {
    if (!isReading(ch)) continue;
    let ones = 0;
    let zeros = 0;
    for (const v of ch.state) if (v === 1) ones++;
    else if (v === 0) zeros++;
    ch.state.forEach((v, m) => {
      if (v === -1) return;
      (differ[m] as number) += v === 1 ? zeros : ones;
      (compared[m] as number) += ones + zeros - 1;
    });
  }
  return differ.map((d, m) => d / Math.max(1, compared[m] ?? 0));
}

/**
 * A test of whether two other members, made from the `original` by different methods, share so many
 * readings against it that they cannot have made them apart. presentOriginal takes a member
 * with next to no readings of its own for the original, since its copies' chance agreements
 * make a lost source above it look cheap. But a copy of a lost source whose own copy keeps its
 * changes (a round trip, and a spin of it) has no readings of its own either, and then the
 * lost source's other copies agree against it wherever it departed. Copies made the same way
 * do agree by chance (two round trips through related languages, at a quarter to a half of
 * their changes; two spinners choosing one synonym); a round trip and a spin, or any copy and
 * an edit that keeps its source's words, next to never: on 180 such pairs of siblings under an
 * original present in the generated sets and probes, 0 shared readings on the median and 4 at
 * most, against 7-27 for the copies of a lost source beside a round trip and its spin. Where
 * such a pair agrees at least MIN_APART_AGREEMENTS times, and as often as the one with fewer
 * readings of its own departs alone within a factor of four (far fewer agreements are chance;
 * far fewer lone readings make it the other's exemplar, whose changes a copy keeps: a round trip
 * and a spin of it), the member is not taken for the original on its readings alone, and the
 * shared readings decide (chooseStemma). One with far fewer lone readings that lacks passages
 * the other has is no exemplar of it but a faithful copy (an edit) of their common source:
 * beside a round trip and its round trip, or a spin and its spin, the lost source's edit and
 * its other copy agree against the round trip wherever it departed (relays and respins under a
 * lost source, `--plans deep`, four runs: 55 -> 67 of 96 parents).
 */
export function agreementTest(k: number, characters: readonly Character[]): AgreementTest {
  const pairs = pairedReadings(k, characters);
  const lone = singularReadings(k, characters, k);
  const exemplarOf = (x: number, y: number): boolean =>
    (lone[x] ?? 0) < APART_RATIO * (pairs[x]?.[y] ?? 0) && passagesLacked(characters, x, y) < MIN_LINEAGE_PASSAGES;
  return {
    lone,
    apart: (original, madeApart) => {
      for (let x = 0; x < k; x++) {
        for (let y = x + 1; y < k; y++) {
          if (x === original || y === original) continue;
          const agreed = pairs[x]?.[y] ?? 0;
          const [few, many] = (lone[x] ?? 0) <= (lone[y] ?? 0) ? [x, y] : [y, x];
          if (agreed < MIN_APART_AGREEMENTS || agreed < APART_RATIO * (lone[few] ?? 0) || exemplarOf(few, many)) continue;
          // A faithful copy (an edit: next to no readings of its own, passages lacked) makes no
          // changes to agree on by chance: its agreement with another member is their source's
          // reading, whatever the two were made by (fixtures/deep respin-lost-3: an edit and a
          // round trip against a spin and its respin, the spin taken for the original, 1/4 -> 4/4).
          if ((lone[few] ?? 0) < APART_RATIO * agreed) return true;
          if (madeApart(x, y)) return true;
        }
      }
      return false;
    },
    // With four members a pair's readings are a split two against two, which says nothing of
    // which side departed: two round trips agreeing by chance look the same from the other side.
    kept: (m) => k > MIN_WITNESSES_FOR_AGREEMENT && pairs.some((_, y) => y !== m && (pairs[m]?.[y] ?? 0) >= MIN_APART_AGREEMENTS && exemplarOf(m, y)),
  };
}

export interface AgreementTest {
  /** Each member's readings alone, where every member has the passage (singularReadings). */
  readonly lone: readonly number[];
  /** Whether two members other than `original`, made from it apart (madeApart), agree against it as copies made apart do not. */
  apart(original: number, madeApart: (x: number, y: number) => boolean): boolean;
  /** Whether another member keeps member m's readings, as a copy keeps its exemplar's changes. */
  kept(m: number): boolean;
}

/** See agreementTest. */
const MIN_APART_AGREEMENTS = 5;
const APART_RATIO = 0.25;

/** Below four witnesses no reading can be shared by two on each side, so the test has nothing to weigh. */
export const MIN_WITNESSES_FOR_AGREEMENT = 4;

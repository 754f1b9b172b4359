import type { PreparedDocument } from '../document.js';
import type { PairLink } from './collate.js';

/**
 * The words of `from` that `to` does not keep as they are: those its edits replace or delete,
 * and every word of the sentences of `from` it has no counterpart for. As offsets into `from`.
 */
export function departedWords(link: PairLink, fromIsA: boolean, from: PreparedDocument): Set<number> {
  const out = new Set<number>();
  for (const change of changes(link, fromIsA)) for (const o of change) out.add(o);
  for (const s of fromIsA ? link.alignment.unalignedA : link.alignment.unalignedB) for (const t of from.tokens[s] ?? []) out.add(t.start);
  return out;
}

/**
 * The changes `to` made inside the sentences it shares with `from`, each as the offsets of the
 * words of `from` it replaced or deleted (an insertion replaces none, and is left out).
 */
export function changes(link: PairLink, fromIsA: boolean): number[][] {
  return link.alignment.units.flatMap((u) => u.edits.map((e) => [...(fromIsA ? e.aOffsets : e.bOffsets)]).filter((o) => o.length > 0));
}

/**
 * Of the changes a copy p made to a text g, how many its supposed copy m made as well (m
 * departs from g at half the words of the change or more). A copy of a copy keeps its
 * exemplar's drift where it stands: a spin of a round trip rewords the round trip's odd words
 * again but does not restore the original's, so wherever the round trip left the original, the
 * spin has left it too. Two copies made from g apart depart at the same words only by chance.
 * Changes, not words, are counted: one phrase dropped is one event, not twelve.
 */
export function keptChanges(ofP: readonly (readonly number[])[], departedByM: ReadonlySet<number>): number {
  return ofP.filter((change) => 2 * change.filter((o) => departedByM.has(o)).length >= change.length).length;
}

/**
 * A copy of a rewording loses (undoes, or has no counterpart for) this share of its exemplar's
 * changes: the generated spins of round trips lost 0.05 on the median, 0.095 at most.
 */
const LOST_DRIFT = 0.05;
/**
 * Whether a text departs from a reference at enough places of its own (`own` of its `departed`)
 * to have been made apart from the text that shares the rest. A machine rewording made beside
 * another makes changes of its own; one whose departures are the other's, but for fewer than a
 * copy loses of its exemplar's, is that text's copy (or its source) with a few phrases mended:
 * an outlet's edit of a lost wire's round trip mended four of the round trip's 108 changes and
 * made one of its own (fixtures/story/chip).
 */
export function departsOnItsOwn(own: number, departed: number): boolean {
  return own > LOST_DRIFT * departed;
}
/** Losing so many changes that a copy would lose as many less often than this says it is no copy. */
const UNKEPT_CHANCE = 0.01;

/** Whether a text that lost `lost` of its supposed exemplar's `n` changes is too unlike a copy of it (LOST_DRIFT, UNKEPT_CHANCE). */
export function keptTooFew(lost: number, n: number): boolean {
  return chanceOfLosing(lost, n, LOST_DRIFT) < UNKEPT_CHANCE;
}

/**
 * The chance that a copy which loses each change of its exemplar with probability `rate` loses
 * `lost` of `n` changes or more: the upper tail of the binomial distribution, summed in log
 * space so that a long text's hundreds of changes do not underflow.
 */
export function chanceOfLosing(lost: number, n: number, rate: number): number {
  if (lost <= 0) return 1;
  let logTerm = n * Math.log(1 - rate);
  let below = 0;
  for (let x = 0; x < lost; x++) {
    below += Math.exp(logTerm);
    logTerm += Math.log((n - x) / (x + 1)) + Math.log(rate / (1 - rate));
  }
  return Math.max(0, 1 - below);
}

/** A pair's link read from one of its texts (fromIsA: that text is the link's side a). */
export interface LinkFrom {
  readonly link: PairLink;
  readonly fromIsA: boolean;
}

/**
 * Of the changes p made to a text g, how many m made too (kept), and of m's changes to g, how
 * many p made (keptByP): keptChanges asked both ways, g's links to p and to m given.
 */
export function keptBothWays(toP: LinkFrom, toM: LinkFrom, g: PreparedDocument): { ofP: number; kept: number; ofM: number; keptByP: number } {
  const ofP = changes(toP.link, toP.fromIsA);
  const ofM = changes(toM.link, toM.fromIsA);
  return {
    ofP: ofP.length,
    kept: keptChanges(ofP, departedWords(toM.link, toM.fromIsA, g)),
    ofM: ofM.length,
    keptByP: keptChanges(ofM, departedWords(toP.link, toP.fromIsA, g)),
  };
}

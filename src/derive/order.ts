import type { PairAlignment } from '../align.js';
import type { PreparedDocument } from '../document.js';

/** Word order inside aligned sentences: how many pairs of shared words two texts put the other way round. */
export interface WordOrder {
  /** Pairs of content words both sides of a unit have once each, over all units. */
  readonly pairs: number;
  /** Of those, the pairs one side puts in the other order. */
  readonly inverted: number;
}

/**
 * Counts, over the aligned units of two documents, the pairs of content words that each side
 * has once and that the two put in opposite orders. A translation engine or a spinner keeps the
 * order of a sentence's content (a round trip through a Romance language turns "port strike"
 * into "strike of the port" and back); a writer who paraphrases moves clauses ("said X outside
 * the hall" -> "speaking outside the hall, X said"), which inverts many pairs at once.
 */
export function wordOrder(a: PreparedDocument, b: PreparedDocument, alignment: PairAlignment, isFunctionWord: (word: string) => boolean): WordOrder {
  let pairs = 0;
  let inverted = 0;
  const content = (doc: PreparedDocument, sentences: readonly number[]): string[] =>
    sentences.flatMap((s) => (doc.tokens[s] ?? []).map((t) => t.norm)).filter((w) => /\p{L}/u.test(w) && !isFunctionWord(w));
  const counts = (words: readonly string[]): Map<string, number> => {
    const out = new Map<string, number>();
    for (const w of words) out.set(w, (out.get(w) ?? 0) + 1);
    return out;
  };
  for (const unit of alignment.units) {
    const wa = content(a, unit.a);
    const wb = content(b, unit.b);
    const ca = counts(wa);
    const cb = counts(wb);
    const placeInB = new Map(wb.map((w, i) => [w, i]));
    const order = wa.filter((w) => ca.get(w) === 1 && cb.get(w) === 1).map((w) => placeInB.get(w) as number);
    for (let i = 0; i < order.length; i++) {
      for (let j = i + 1; j < order.length; j++) {
        pairs++;
        if ((order[i] as number) > (order[j] as number)) inverted++;
      }
    }
  }
  return { pairs, inverted };
}

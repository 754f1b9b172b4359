/** Word n-gram length for containment: long enough to ignore shared vocabulary, short enough to survive light edits. */
export const SHINGLE_WORDS = 3;

/**
 * The set of word n-grams of a word sequence, as 32-bit FNV-1a hashes (collisions are
 * negligible at article scale and only ever inflate containment slightly).
 */
export function shingleSet(words: readonly string[], n = SHINGLE_WORDS): Set<number> {
  const set = new Set<number>();
  if (words.length === 0) return set;
  if (words.length < n) {
    set.add(hash(words.join(' ')));
    return set;
  }
  for (let i = 0; i + n <= words.length; i++) set.add(hash(words.slice(i, i + n).join(' ')));
  return set;
}

/** Share of `a`'s shingles that also occur in `b`: asymmetric, 1 when a is wholly inside b. */
export function containment(a: ReadonlySet<number>, b: ReadonlySet<number>): number {
  if (a.size === 0) return 0;
  let found = 0;
  for (const h of a) if (b.has(h)) found++;
  return found / a.size;
}

export function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

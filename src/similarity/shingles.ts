/** Word n-gram length for containment: long enough to ignore shared vocabulary, short enough to survive light edits. */
export const SHINGLE_WORDS = 3;

/**
 * The set of word n-grams of a word sequence, as sorted distinct 32-bit hashes (collisions are
 * negligible at article scale and only ever inflate containment slightly). A typed array, not a
 * Set: a 6,000-file corpus holds two million of them.
 */
export function shingleSet(words: readonly string[], n = SHINGLE_WORDS): Uint32Array {
  if (words.length === 0) return new Uint32Array(0);
  if (words.length < n) return Uint32Array.of(hash(words.join(' ')));
  return distinctSorted(windowHashes(wordHashes(words), n));
}

/** FNV-1a hash of each word. */
export function wordHashes(words: readonly string[]): Uint32Array {
  const out = new Uint32Array(words.length);
  for (let i = 0; i < words.length; i++) out[i] = hash(words[i] as string);
  return out;
}

/**
 * Hash of every window of `n` consecutive word hashes, in text order. Combining word hashes
 * rather than hashing joined strings keeps fingerprinting a 20 MB archive well under a second.
 */
export function windowHashes(words: Uint32Array, n: number): Uint32Array {
  const out = new Uint32Array(Math.max(0, words.length - n + 1));
  for (let i = 0; i < out.length; i++) {
    let h = n;
    for (let k = 0; k < n; k++) h = Math.imul(h ^ (words[i + k] as number), 0x01000193) + k;
    out[i] = mix32(h);
  }
  return out;
}

/** Share of `a`'s shingles that also occur in `b` (both sorted, distinct): asymmetric, 1 when a is wholly inside b. */
export function containment(a: Uint32Array, b: Uint32Array): number {
  return a.length === 0 ? 0 : sharedCount(a, b) / a.length;
}

/** How many values two sorted distinct arrays share (one merge pass). */
export function sharedCount(a: Uint32Array, b: Uint32Array): number {
  let n = 0;
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    const x = a[i] as number;
    const y = b[j] as number;
    if (x === y) n++;
    if (x <= y) i++;
    if (y <= x) j++;
  }
  return n;
}

/** Whether a sorted array holds `value` (binary search). */
export function sortedHas(sorted: Uint32Array, value: number): boolean {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const v = sorted[mid] as number;
    if (v === value) return true;
    if (v < value) lo = mid + 1;
    else hi = mid;
  }
  return false;
}

export function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** MurmurHash3's finalizer: spreads every input bit over the whole output word. */
export function mix32(x: number): number {
  let h = x >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Sorted distinct values. */
export function distinctSorted(values: Uint32Array): Uint32Array {
  const sorted = Uint32Array.from(values).sort();
  let n = 0;
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[n - 1]) sorted[n++] = sorted[i] as number;
  return sorted.slice(0, n);
}

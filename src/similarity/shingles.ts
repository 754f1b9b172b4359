/** Word n-gram length for containment: long enough to ignore shared vocabulary, short enough to survive light edits. */
export const SHINGLE_WORDS = 3;

/**
 * The set of word n-grams of a word sequence, as 32-bit hashes (collisions are negligible at
 * article scale and only ever inflate containment slightly).
 */
export function shingleSet(words: readonly string[], n = SHINGLE_WORDS): Set<number> {
  if (words.length === 0) return new Set();
  if (words.length < n) return new Set([hash(words.join(' '))]);
  return new Set(windowHashes(wordHashes(words), n));
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

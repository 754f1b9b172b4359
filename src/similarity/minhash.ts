import { mix32 } from './shingles.js';

/**
 * MinHash signatures with LSH banding (Broder 1997; Leskovec, Rajaraman & Ullman, Mining of
 * Massive Datasets, ch. 3). Two documents whose shingle sets have Jaccard similarity J agree on
 * each signature row with probability J, so they share at least one band of ROWS rows with
 * probability 1 - (1 - J^ROWS)^BANDS: 8 bands of 4 rows put the threshold near 0.6 (J = 0.7 is
 * found 94% of the time, J = 0.8 99.97%, J = 0.3 6%). This stage only has to find near copies
 * whose wording is too common to pass the document-frequency cap of the inverted index; looser
 * relations (translation, paraphrase) are found by that index.
 */
export const BANDS = 8;
export const ROWS = 4;
export const SIGNATURE_SIZE = BANDS * ROWS;

/** Fixed odd seeds, one per signature row, from a linear congruential sequence: signatures are the same on every run. */
const SEEDS = (() => {
  const seeds = new Uint32Array(SIGNATURE_SIZE);
  let x = 0x2545f491;
  for (let k = 0; k < SIGNATURE_SIZE; k++) {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    seeds[k] = x | 1;
  }
  return seeds;
})();

/** Signature of a set given as hashes (repeats do not matter); undefined for an empty set. */
export function minhash(values: Uint32Array): Uint32Array | undefined {
  if (values.length === 0) return undefined;
  const signature = new Uint32Array(SIGNATURE_SIZE).fill(0xffffffff);
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    for (let k = 0; k < SIGNATURE_SIZE; k++) {
      const h = mix32(v ^ (SEEDS[k] as number));
      if (h < (signature[k] as number)) signature[k] = h;
    }
  }
  return signature;
}

/** Estimated Jaccard similarity: the share of rows on which two signatures agree. */
export function estimatedJaccard(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let k = 0; k < SIGNATURE_SIZE; k++) if (a[k] === b[k]) same++;
  return same / SIGNATURE_SIZE;
}

/** One bucket key per band: documents with an equal key in some band are candidates. */
export function bandKeys(signature: Uint32Array): string[] {
  const keys: string[] = [];
  for (let b = 0; b < BANDS; b++) {
    const rows = signature.subarray(b * ROWS, (b + 1) * ROWS);
    keys.push(`${b}:${rows.join(',')}`);
  }
  return keys;
}

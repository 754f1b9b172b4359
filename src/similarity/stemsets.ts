import type { Token } from '../tokenize.js';

/** Weight of a word stem: rare stems (names, numbers, odd words) say more than topic words. */
export type StemWeights = ReadonlyMap<string, number>;

/**
 * The stems of a corpus numbered once, with their weights and a global order for prefix
 * filtering (heaviest, that is rarest, first). Stems the weights do not know (a document outside
 * the weighted set) are numbered on first sight with weight 1, the weight alignment gives them.
 */
export interface StemIndex {
  readonly ids: Map<string, number>;
  readonly weight: number[];
  /** rank[id]: place of the stem in the prefix order; read it through prefixOrder(). */
  rank: Int32Array;
  /** Stems numbered since `rank` was computed. */
  stale: boolean;
}

const indexes = new WeakMap<StemWeights, StemIndex>();

export function stemIndexOf(weights: StemWeights): StemIndex {
  const known = indexes.get(weights);
  if (known) return known;
  const ids = new Map<string, number>();
  const weight: number[] = [];
  for (const [stem, w] of weights) {
    ids.set(stem, weight.length);
    weight.push(w);
  }
  const index: StemIndex = { ids, weight, rank: rankOf(weight), stale: false };
  indexes.set(weights, index);
  return index;
}

function rankOf(weight: readonly number[]): Int32Array {
  const rank = new Int32Array(weight.length);
  Array.from(weight.keys())
    .sort((p, q) => (weight[q] as number) - (weight[p] as number) || p - q)
    .forEach((id, r) => (rank[id] = r));
  return rank;
}

/** The id of a stem, numbered now (weight 1) if the index has not seen it. */
export function stemId(index: StemIndex, stem: string): number {
  let id = index.ids.get(stem);
  if (id === undefined) {
    id = index.weight.length;
    index.ids.set(stem, id);
    index.weight.push(1);
    index.stale = true;
  }
  return id;
}

/** The prefix order over every stem numbered so far (recomputed once after new stems). */
export function prefixOrder(index: StemIndex): Int32Array {
  if (index.stale) {
    index.rank = rankOf(index.weight);
    index.stale = false;
  }
  return index.rank;
}

/**
 * A document's sentences as weighted stem sets, packed in typed arrays: sentence s holds the
 * distinct stems ids[start[s]..start[s+1]) in order of first occurrence, with their weights, and
 * total[s] their sum. Built once per document, not once per pair it is aligned in.
 */
export interface StemSets {
  readonly index: StemIndex;
  readonly ids: Int32Array;
  readonly weights: Float64Array;
  readonly start: Int32Array;
  readonly total: Float64Array;
}

const setsOf = new WeakMap<object, StemSets>();

/** The stem sets of a document's sentences (`tokens[s]`), cached per document and index. */
export function stemSets(owner: object, tokens: readonly (readonly Token[])[], index: StemIndex): StemSets {
  const cached = setsOf.get(owner);
  if (cached && cached.index === index) return cached;
  const start = new Int32Array(tokens.length + 1);
  const ids: number[] = [];
  const seen = new Map<number, number>();
  tokens.forEach((sentence, s) => {
    start[s] = ids.length;
    for (const t of sentence) {
      const id = stemId(index, t.stem);
      if (seen.get(id) === s) continue;
      seen.set(id, s);
      ids.push(id);
    }
  });
  start[tokens.length] = ids.length;
  const weights = Float64Array.from(ids, (id) => index.weight[id] as number);
  const total = new Float64Array(tokens.length);
  for (let s = 0; s < tokens.length; s++) {
    let sum = 0;
    for (let k = start[s] as number; k < (start[s + 1] as number); k++) sum += weights[k] as number;
    total[s] = sum;
  }
  const sets: StemSets = { index, ids: Int32Array.from(ids), weights, start, total };
  setsOf.set(owner, sets);
  return sets;
}

/**
 * Membership marks over stem ids, reused across calls: a mark is current while it equals the
 * epoch, so clearing is one increment instead of a pass over the array.
 */
export class StemMarks {
  private marks = new Int32Array(0);
  private epoch = 0;

  /** Starts an empty set. */
  clear(size: number): void {
    if (this.marks.length < size) this.marks = new Int32Array(Math.max(size, 2 * this.marks.length));
    if (++this.epoch === 0x7fffffff) {
      this.marks.fill(0);
      this.epoch = 1;
    }
  }

  add(id: number): void {
    this.marks[id] = this.epoch;
  }

  has(id: number): boolean {
    return this.marks[id] === this.epoch;
  }
}

/** A map from stem id to a number: a StemMarks whose marked ids carry a value. */
export class StemSlots extends StemMarks {
  private values: Int32Array = new Int32Array(0);

  set(id: number, value: number): void {
    if (this.values.length <= id) this.values = grown(this.values, id + 1);
    this.add(id);
    this.values[id] = value;
  }

  /** The value set for `id` since the last clear, or -1. */
  get(id: number): number {
    return this.has(id) ? (this.values[id] as number) : -1;
  }
}

function grown(values: Int32Array, size: number): Int32Array {
  const out = new Int32Array(Math.max(size, 2 * values.length));
  out.set(values);
  return out;
}

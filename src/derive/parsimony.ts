import type { Character } from './collate.js';

/**
 * Change counts of stemmata (Sankoff's programme with a gain and a loss priced alike), the inner
 * loop of the stemma search: a climb over a family of twenty scores thousands of stemmata over
 * hundreds of state patterns. Three things keep it fast, none of which changes a number:
 * characters with the same pattern of states are counted once; patterns are laid out in blocks
 * so that one pass over the tree scores a block in tight loops over typed arrays; and a stemma one
 * move away from a scored one is scored by updating only the nodes whose subtree the move changed
 * (most moves touch two or three nodes of twenty). All sums are of small integers, exact in
 * doubles, so an update gives the very numbers a full pass gives.
 */

/** The node numbering of stemma.ts: members 0..k-1, the lost source k; ROOT marks the top. */
const ROOT = -1;

/** Small, because a bounded scoring usually stops within the first few (heaviest) patterns. */
const BLOCK = 16;

/**
 * Up to BLOCK distinct state patterns laid out node by node: state[m * BLOCK + j] is member m's
 * state (1, 0, or -1 for unknown) in pattern j.
 */
export interface PatternBlock {
  readonly size: number;
  readonly state: Int8Array;
  /** Per pattern: the sum over its characters of their mean change price. */
  readonly weight: Float64Array;
  /**
   * Per pattern: the fewest changes all later patterns need on any stemma (one for each pattern
   * in which both states are observed), so a bounded scoring can stop before it has counted them.
   */
  readonly rest: Float64Array;
}

const patternCache = new WeakMap<readonly Character[], readonly PatternBlock[]>();

/** The characters' distinct state patterns in blocks, heaviest first so that a bounded scoring stops early. */
export function patternsOf(characters: readonly Character[]): readonly PatternBlock[] {
  const cached = patternCache.get(characters);
  if (cached) return cached;
  const byKey = new Map<string, { state: Int8Array; weight: number }>();
  for (const ch of characters) {
    const key = ch.state.join(',');
    const w = (ch.gain + ch.loss) / 2;
    const p = byKey.get(key);
    if (p) p.weight += w;
    else byKey.set(key, { state: ch.state, weight: w });
  }
  const patterns = [...byKey.values()].sort((x, y) => y.weight - x.weight);
  const k = patterns[0]?.state.length ?? 0;
  const rest = new Float64Array(patterns.length);
  for (let i = patterns.length - 2; i >= 0; i--) {
    const next = patterns[i + 1] as { state: Int8Array; weight: number };
    rest[i] = (rest[i + 1] as number) + (next.state.includes(0) && next.state.includes(1) ? next.weight : 0);
  }
  const blocks: PatternBlock[] = [];
  for (let start = 0; start < patterns.length; start += BLOCK) {
    const part = patterns.slice(start, start + BLOCK);
    const state = new Int8Array(k * BLOCK);
    part.forEach((p, j) => p.state.forEach((v, m) => (state[m * BLOCK + j] = v)));
    blocks.push({ size: part.length, state, weight: Float64Array.from(part, (p) => p.weight), rest: rest.slice(start, start + BLOCK) });
  }
  patternCache.set(characters, blocks);
  return blocks;
}

/** A stemma's tree: nodes 0..k (k the lost source, childless when unused), children lists, post-order. */
export interface Shape {
  readonly k: number;
  readonly root: number;
  /** Post-order of the nodes under the root: children before parents. */
  readonly order: readonly number[];
  readonly children: readonly (readonly number[])[];
  /** up[n]: n's parent node, -1 for the root and for an unused lost source. */
  readonly up: Int32Array;
}

export function shapeOf(k: number, parent: readonly number[]): Shape {
  const children: number[][] = Array.from({ length: k + 1 }, () => []);
  const up = new Int32Array(k + 1).fill(-1);
  let root = k;
  parent.forEach((p, m) => {
    if (p === ROOT) root = m;
    else {
      (children[p] as number[]).push(m);
      up[m] = p;
    }
  });
  const order: number[] = [];
  const visit = (n: number): void => {
    for (const c of children[n] as number[]) visit(c);
    order.push(n);
  };
  visit(root);
  return { k, root, order, children, up };
}

/**
 * A fully scored stemma kept as the starting point of its neighbours' scores: per block, each
 * node's subtree cost for state 0 and 1 before the node's own observed state is imposed.
 */
export interface Sums {
  readonly shape: Shape;
  readonly z0: readonly Float64Array[];
  readonly z1: readonly Float64Array[];
}

export function sumsOf(shape: Shape, blocks: readonly PatternBlock[]): Sums {
  const z0: Float64Array[] = [];
  const z1: Float64Array[] = [];
  for (const block of blocks) {
    const a0 = new Float64Array((shape.k + 1) * BLOCK);
    const a1 = new Float64Array((shape.k + 1) * BLOCK);
    fullPass(shape, block, a0, a1);
    z0.push(a0);
    z1.push(a1);
  }
  return { shape, z0, z1 };
}

/**
 * Counts the changes of a stemma, starting from `start` (a penalty), pattern by pattern in block
 * order, and stops once the count plus what the remaining patterns need on any stemma passes
 * `bound`; then `complete` is false and `changes` that lower bound. With `base`, a scored stemma
 * near this one, only the nodes the difference touches are recomputed.
 */
export function countChanges(shape: Shape, blocks: readonly PatternBlock[], start: number, bound: number, base?: Sums): { changes: number; complete: boolean } {
  const scratch = scratchFor(shape.k);
  const steps = base ? stepsFrom(base.shape, shape) : undefined;
  let changes = start;
  for (let b = 0; b < blocks.length; b++) {
    const block = blocks[b] as PatternBlock;
    let from0 = scratch.z0;
    let from1 = scratch.z1;
    if (base && steps) {
      updatePass(steps, block, base.z0[b] as Float64Array, base.z1[b] as Float64Array, scratch.z0, scratch.z1);
      if (!steps.affected[shape.root]) {
        from0 = base.z0[b] as Float64Array;
        from1 = base.z1[b] as Float64Array;
      }
    } else fullPass(shape, block, scratch.z0, scratch.z1);
    const r = shape.root * BLOCK;
    const observed = shape.root < shape.k;
    for (let j = 0; j < block.size; j++) {
      const s = observed ? block.state[r + j] : -1;
      const v0 = s === 1 ? Number.POSITIVE_INFINITY : (from0[r + j] as number);
      const v1 = s === 0 ? Number.POSITIVE_INFINITY : (from1[r + j] as number);
      changes += (block.weight[j] as number) * (v0 < v1 ? v0 : v1);
      if (changes + (block.rest[j] as number) > bound) return { changes: changes + (block.rest[j] as number), complete: false };
    }
  }
  return { changes, complete: true };
}

const scratchBySize = new Map<number, { z0: Float64Array; z1: Float64Array }>();

function scratchFor(k: number): { z0: Float64Array; z1: Float64Array } {
  let s = scratchBySize.get(k);
  if (!s) {
    s = { z0: new Float64Array((k + 1) * BLOCK), z1: new Float64Array((k + 1) * BLOCK) };
    scratchBySize.set(k, s);
  }
  return s;
}

function fullPass(shape: Shape, block: PatternBlock, z0: Float64Array, z1: Float64Array): void {
  for (const n of shape.order) {
    const nb = n * BLOCK;
    z0.fill(0, nb, nb + block.size);
    z1.fill(0, nb, nb + block.size);
    for (const c of shape.children[n] as number[]) addChild(z0, z1, nb, z0, z1, c, shape.k, block, 1);
  }
}

/**
 * Adds (sign 1) or takes away (sign -1) child c's contribution to the sums of the node at offset
 * nb: the cheapest cost of c's subtree given the parent's state, a change on the edge costing 1.
 */
function addChild(z0: Float64Array, z1: Float64Array, nb: number, from0: Float64Array, from1: Float64Array, c: number, k: number, block: PatternBlock, sign: number): void {
  const cb = c * BLOCK;
  const observed = c < k;
  for (let j = 0; j < block.size; j++) {
    const s = observed ? block.state[cb + j] : -1;
    const v0 = s === 1 ? Number.POSITIVE_INFINITY : (from0[cb + j] as number);
    const v1 = s === 0 ? Number.POSITIVE_INFINITY : (from1[cb + j] as number);
    z0[nb + j] = (z0[nb + j] as number) + sign * (v0 < v1 + 1 ? v0 : v1 + 1);
    z1[nb + j] = (z1[nb + j] as number) + sign * (v1 < v0 + 1 ? v1 : v0 + 1);
  }
}

/** Node n's recomputation: children it lost (-1), gained (1), or kept but whose subtree changed (0). */
interface Step {
  readonly node: number;
  readonly child: readonly number[];
  readonly kind: readonly number[];
}

interface Steps {
  readonly steps: readonly Step[];
  /** Nodes whose sums differ from the base's: those whose children changed, and their ancestors. */
  readonly affected: Uint8Array;
}

function stepsFrom(base: Shape, shape: Shape): Steps {
  const k = shape.k;
  const affected = new Uint8Array(k + 1);
  for (let n = 0; n <= k; n++) {
    const was = base.children[n] as readonly number[];
    const is = shape.children[n] as readonly number[];
    if (was.length !== is.length || is.some((c) => !was.includes(c))) affected[n] = 1;
  }
  for (const n of shape.order) if (affected[n] && (shape.up[n] as number) >= 0) affected[shape.up[n] as number] = 1;
  const steps: Step[] = [];
  for (const n of shape.order) {
    if (!affected[n]) continue;
    const was = base.children[n] as readonly number[];
    const is = shape.children[n] as readonly number[];
    const child: number[] = [];
    const kind: number[] = [];
    for (const c of was) {
      if (!is.includes(c)) {
        child.push(c);
        kind.push(-1);
      }
    }
    for (const c of is) {
      if (!was.includes(c)) {
        child.push(c);
        kind.push(1);
      } else if (affected[c]) {
        child.push(c);
        kind.push(0);
      }
    }
    steps.push({ node: n, child, kind });
  }
  return { steps, affected };
}

function updatePass(plan: Steps, block: PatternBlock, base0: Float64Array, base1: Float64Array, z0: Float64Array, z1: Float64Array): void {
  const k = (plan.affected.length - 1) as number;
  for (const { node, child, kind } of plan.steps) {
    const nb = node * BLOCK;
    for (let j = nb; j < nb + block.size; j++) {
      z0[j] = base0[j] as number;
      z1[j] = base1[j] as number;
    }
    for (let i = 0; i < child.length; i++) {
      const c = child[i] as number;
      const how = kind[i] as number;
      if (how <= 0) addChild(z0, z1, nb, base0, base1, c, k, block, -1);
      if (how >= 0) addChild(z0, z1, nb, plan.affected[c] ? z0 : base0, plan.affected[c] ? z1 : base1, c, k, block, 1);
    }
  }
}

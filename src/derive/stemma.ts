import type { Character } from './collate.js';
import { countChanges, patternsOf, shapeOf, sumsOf, type Shape, type Sums } from './parsimony.js';

/**
 * A stemma over the k members of a family: parent[m] is another member, HIDDEN (node k, a lost
 * source), or ROOT (member m is the original). The hidden node, when used, is the root.
 */
export interface Stemma {
  readonly parent: readonly number[];
  /** Changes the stemma needs, each counted the same in either direction (decides the topology). */
  readonly changes: number;
  /** The same changes priced by direction (decides which way the edges point). */
  readonly cost: number;
}

export const ROOT = -1;

/**
 * Occam's price of postulating a lost source: the hidden node must save at least this many
 * changes over the best stemma made of the documents alone. With two documents, or a chain whose
 * middle witness is present, a hidden node saves nothing and is not drawn.
 */
export const HIDDEN_SOURCE_PENALTY = 3;
/** Families up to this size are searched exhaustively; larger ones by hill climbing. */
const EXHAUSTIVE_MAX = 5;

export interface StemmaSearch {
  readonly best: Stemma;
  /**
   * margin[m]: how much more the cheapest stemma costs in which member m has another parent
   * than in `best`. It measures how strongly the data prefer m's parent.
   */
  readonly margin: readonly number[];
  /**
   * directionOnly[m]: the best alternative needs as many changes and differs only in which way
   * edges point, so m's parent rests on the directed costs (copies lose more than they add, an
   * original's words recur in the shared text, odd wording follows usual wording): tendencies,
   * which an author's revision reverses.
   */
  readonly directionOnly: readonly boolean[];
  /**
   * Among the stemmata with the fewest changes, the cheapest when a root's unknown readings are
   * free (ScoredStemma.freeRootCost): the rooting the lost-source test compares (chooseStemma).
   */
  readonly freeRooted: Stemma;
}

/**
 * The stemmata a search scored, kept so that the best with a lost source and the best without
 * come from one exploration: the climb never looks at whether a stemma has a lost source, so
 * searching again without one repeated it step for step.
 */
export interface Explored {
  readonly k: number;
  readonly characters: readonly Character[];
  readonly cache: ReadonlyMap<string, ScoredStemma>;
  /** Scores a stemma at least until its count passes `bound` (cached); see scoreStemma. */
  readonly evaluate: (parent: number[], bound: number, base?: Sums) => ScoredStemma;
  /** Passages a stemma has copies regain (Dollo's law), which settles a tie on changes first; see first(). */
  readonly regains?: (parent: readonly number[]) => number;
}

/** Scores every stemma of a small family, or climbs through those of a large one (hillClimb). */
export function exploreStemmata(k: number, characters: readonly Character[], regains?: (parent: readonly number[]) => number): Explored {
  const cache = new Map<string, ScoredStemma>();
  let fewest = Number.POSITIVE_INFINITY;
  const evaluate = (parent: number[], bound: number, base?: Sums): ScoredStemma => {
    const key = parent.join(',');
    const hit = cache.get(key);
    if (hit && (hit.complete || hit.changes > bound + EPSILON)) return hit;
    const scored = scoreStemma(k, parent, characters, bound, base);
    cache.set(key, scored);
    if (scored.complete && scored.changes < fewest) fewest = scored.changes;
    return scored;
  };
  if (k <= EXHAUSTIVE_MAX) for (const parent of allStemmata(k)) evaluate(parent, fewest);
  else hillClimb(k, characters, evaluate);
  return { k, characters, cache, evaluate, ...(regains ? { regains } : {}) };
}

/** Which stemmata a search may return: any, only those of the documents alone, or only those with a lost source. */
export type LostSource = 'allowed' | 'forbidden' | 'required';

/**
 * Maximum parsimony over stemmata (Sankoff's algorithm on binary characters), as
 * computer-assisted stemmatology does, in two levels. The topology (which texts hang together,
 * and whether a lost source is needed) is chosen by the number of changes, each counted the same
 * whichever way it goes: shared errors group copies, and a lost source appears only when the
 * members each keep something the others lost. Among stemmata that need equally many changes
 * (the rootings of one tree), those whose copies regain fewest passages (Dollo's law,
 * `explored.regains`) come first, then the directed costs choose: losses are cheaper than additions,
 * readings the shared text echoes are cheaper to lose, odd wording follows usual wording. Directed
 * costs alone would let a lost root pick the cheaper direction for every character separately, a
 * saving that grows with the text and buys a lost source for any family. Where every stemma
 * compared has the lost source (`required`), that saving is the same bargain for all of them, and
 * the lost root's undecided readings take their cheaper direction (freeRootCost): charged the
 * mean, they made a star under the lost source, where the root takes the majority's reading,
 * cheaper than hanging a copy's copy under a faithful copy of the lost text, whose readings leave
 * the root undecided (a forum's plain-text copy of a guide and its spin, fixtures/story/guide).
 * How many changes more than the fewest such a stemma may need is `lostSlack`.
 */
export function searchStemma(explored: Explored, lost: LostSource = 'allowed', marginCap = Number.POSITIVE_INFINITY, lostSlack = LOST_SOURCE_SLACK): StemmaSearch | undefined {
  // Branch and bound: a stemma is scored only until its change count (counted so far plus the
  // least the remaining patterns need) passes the bound its caller needs to compare it with, the
  // best found so far; most moves of a climb stop after a few patterns. The best stemma is
  // scored in full. The alternatives that set the margins are then completed on demand
  // (see alternative()), so the result is the one an exhaustive scoring gives.
  const { k, characters, cache, evaluate } = explored;
  const eligible = (parent: readonly number[]): boolean => lost === 'allowed' || (lost === 'required') === usesHidden(k, parent);
  const candidates = (): ScoredStemma[] => [...cache.values()].filter((s) => eligible(s.parent));
  // The bounds of the exploration were set by the best of all stemmata; one without a lost source
  // that a bound cut short may still be the best of those without. Such are completed, lowest
  // bound first, while they can still beat or tie the best complete one.
  let fewest = Number.POSITIVE_INFINITY;
  for (const s of candidates()) if (s.complete && s.changes < fewest) fewest = s.changes;
  const slack = lost === 'required' ? lostSlack : 0;
  for (const s of candidates().filter((x) => !x.complete).sort((x, y) => x.changes - y.changes)) {
    if (s.changes > fewest + slack + EPSILON) break;
    const scored = evaluate([...s.parent], fewest + slack);
    if (scored.complete && scored.changes < fewest) fewest = scored.changes;
  }
  const costOf = lost === 'required' ? (s: ScoredStemma): number => s.freeRootCost : (s: ScoredStemma): number => s.cost;
  const best = first(slack > 0 ? candidates().filter((s) => s.complete) : candidates(), costOf, explored.regains, slack);
  if (!best) return undefined;
  const freeRooted = first(candidates(), (s) => s.freeRootCost) as Stemma;
  // The best stemma in which m has another parent. Stemmata a bound cut short carry a lower bound
  // of their count; those that could still be the alternative, or tie with it, are scored in
  // full, cheapest bound first, until none can. Beyond `marginCap` the confidence no longer
  // changes, so a lower bound there is as good as the count.
  // Most of them are a move or two from the best, so they are scored by updating its sums.
  let bestSums: Sums | undefined;
  const alternative = (m: number): ScoredStemma | undefined => {
    // The same edge turned round is the nearest alternative whenever the data cannot orient it
    // (two identical texts); a climb need not have scored it.
    const p = best.parent[m] as number;
    if (p !== ROOT && p < k) {
      const turned = [...best.parent];
      turned[m] = best.parent[p] as number;
      turned[p] = m;
      if (eligible(turned)) evaluate(turned, best.changes + marginCap);
    }
    const others = (): ScoredStemma[] => candidates().filter((s) => s.parent[m] !== best.parent[m]);
    let exact = Number.POSITIVE_INFINITY;
    for (const s of others().sort((x, y) => x.changes - y.changes)) {
      if (s.changes > Math.min(exact, best.changes + marginCap) + EPSILON) break;
      bestSums ??= sumsOf(shapeOf(k, best.parent), patternsOf(characters));
      const full = s.complete ? s : evaluate([...s.parent], best.changes + marginCap, bestSums);
      if (full.complete && full.changes < exact) exact = full.changes;
    }
    return first(others(), costOf);
  };
  // Worked out when first read: of the two selections chooseStemma makes, it returns one.
  let margins: { margin: number[]; directionOnly: boolean[] } | undefined;
  const marginsOf = (): { margin: number[]; directionOnly: boolean[] } => {
    if (margins) return margins;
    const alternatives = best.parent.map((_, m) => alternative(m));
    const { regains } = explored;
    const margin = alternatives.map((alternative) => {
      if (!alternative) return Number.POSITIVE_INFINITY;
      const extraChanges = alternative.changes - best.changes;
      if (extraChanges > EPSILON) return extraChanges;
      // An alternative as cheap that has copies regain more passages lost to Dollo's law, however
      // its directed cost compares: it is behind by what a regained passage costs at least.
      const regained = regains ? regains(alternative.parent) - regains(best.parent) : 0;
      const costlier = costOf(alternative) - costOf(best);
      return regained > 0 ? Math.max(REGAIN_MARGIN * regained, costlier) : costlier;
    });
    const directionOnly = alternatives.map((a) => a !== undefined && a.changes - best.changes <= EPSILON);
    return (margins = { margin, directionOnly });
  };
  return {
    best,
    freeRooted,
    get margin(): readonly number[] {
      return marginsOf().margin;
    },
    get directionOnly(): readonly boolean[] {
      return marginsOf().directionOnly;
    },
  };
}

/**
 * The first stemma in the order of compareStemmata, then compareParents. Only the stemmata tied
 * on the fewest changes are compared further, so the directed cost (computed when first read)
 * is computed for a handful of stemmata, not for every rooting of every tree a search scored.
 * Of those, with `regains`, only the ones whose copies regain fewest passages: a law outranks
 * tendencies. The directed costs priced a paraphrase's plainer, shorter wording as an
 * original's and rooted a story at it, its copies regaining five paragraphs it lacks, where
 * the wire's own rooting of the same tree regains none (fixtures/story/volcano-present).
 * With a `slack`, those within it of the fewest changes are compared, by directed cost first.
 */
function first<S extends Stemma>(stemmata: readonly S[], costOf: (s: S) => number = (s) => s.cost, regains?: (parent: readonly number[]) => number, slack = 0): S | undefined {
  let fewest = Number.POSITIVE_INFINITY;
  for (const s of stemmata) if (s.changes < fewest) fewest = s.changes;
  const tied = stemmata.filter((s) => s.changes - fewest <= slack + EPSILON);
  const counts = tied.map((s) => (regains ? regains(s.parent) : 0));
  const regained = Math.min(...counts);
  let winner: S | undefined;
  for (const [i, s] of tied.entries()) {
    if ((counts[i] as number) > regained) continue;
    if (!winner) {
      winner = s;
      continue;
    }
    const cheaper = slack > 0 ? costOf(s) - costOf(winner) : 0;
    if ((Math.abs(cheaper) > EPSILON ? cheaper : compareStemmata(s, winner, costOf) || compareParents(s.parent, winner.parent)) < 0) winner = s;
  }
  return winner;
}

/**
 * Among stemmata that all have the lost source, one that needs this many changes more than the
 * fewest may still be chosen for its cheaper directed cost (free root). The lost source's
 * readings take the majority's, so where one copy has copies of its own, hanging them under the
 * lost source beside it costs no more changes than hanging them under it, but for the readings
 * that copy has alone: a news site's edit of a lost press release, with its round trip and its
 * brief, beside a spin of the release; one headline word of the edit's, which neither of its
 * copies kept, put the round trip and the brief beside it (fixtures/story/water 1/5). What tells
 * the two apart is direction: the spin alone keeps the release's last paragraphs, and a spinner
 * adds none, so they were the lost source's and the edit's line lost them once. One change is
 * the grain of the count; at two, a faithful copy's own copies went under the lost source in
 * two stories (brief/, release/).
 */
const LOST_SOURCE_SLACK = 1;

/** What a passage regained against Dollo's law weighs in a margin: a passage gained (collate's PASSAGE_GAIN). */
const REGAIN_MARGIN = 2;

/** Cost sums differ in their last bits with the order of addition; below this they are equal. */
export const EPSILON = 1e-9;

/**
 * Fewer changes first, then the cheaper direction. Where the data cannot tell two rootings
 * apart (a copy that changed only what no one inherits), the root with more direct copies wins:
 * in trees grown by copying from a random earlier text, the original is the likeliest hub
 * (root finding in random recursive trees, Bubeck, Devroye and Lugosi 2017). The confidence of
 * such a choice stays at 0.5.
 */
function compareStemmata<S extends Stemma>(x: S, y: S, costOf: (s: S) => number = (s) => s.cost): number {
  const d = x.changes - y.changes;
  if (Math.abs(d) > EPSILON) return d;
  const c = costOf(x) - costOf(y);
  if (Math.abs(c) > EPSILON) return c;
  return rootDegree(y.parent) - rootDegree(x.parent);
}

/** Children of the root: of the member with no parent, or of the hidden node (k = parent.length) when it is the root. */
function rootDegree(parent: readonly number[]): number {
  const member = parent.indexOf(ROOT);
  const root = member === -1 ? parent.length : member;
  return parent.filter((p) => p === root).length;
}

export function usesHidden(k: number, parent: readonly number[]): boolean {
  return parent.some((p) => p === k);
}

/**
 * Whether a character can speak for a lost source: at least two members share its minority
 * state. A reading found in one witness alone (its own addition or omission) fits a lost source
 * and an extant one equally well once many copies dropped it independently; only agreements
 * among several witnesses attest a common exemplar, as in stemmatology's shared errors.
 */
export function isShared(ch: Character): boolean {
  let ones = 0;
  let zeros = 0;
  for (const v of ch.state) {
    if (v === 1) ones++;
    else if (v === 0) zeros++;
  }
  return Math.min(ones, zeros) >= 2;
}

function compareParents(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return (a[i] as number) - (b[i] as number);
  return 0;
}

/** Every valid stemma: one root (a member, or the hidden node with at least two children), no cycles. */
function allStemmata(k: number): number[][] {
  const out: number[][] = [];
  const parent = new Array<number>(k).fill(ROOT);
  const choices = [ROOT, ...Array.from({ length: k + 1 }, (_, i) => i)];
  const walk = (m: number): void => {
    if (m === k) {
      if (isValid(k, parent)) out.push([...parent]);
      return;
    }
    for (const c of choices) {
      if (c === m) continue;
      parent[m] = c;
      walk(m + 1);
    }
  };
  walk(0);
  return out;
}

function isValid(k: number, parent: readonly number[]): boolean {
  const hiddenChildren = parent.filter((p) => p === k).length;
  const roots = parent.filter((p) => p === ROOT).length;
  if (hiddenChildren === 1) return false;
  if (hiddenChildren >= 2 ? roots !== 0 : roots !== 1) return false;
  for (let m = 0; m < k; m++) {
    let x = m;
    for (let steps = 0; steps <= k; steps++) {
      const p = parent[x] as number;
      if (p === ROOT || p === k) break;
      if (p === m || steps === k) return false;
      x = p;
    }
  }
  return true;
}

/** Local search for large families: move one member (with its subtree) under another parent while that helps. */
/**
 * Up to this many members the climb starts from every star (each member as the root, and the
 * lost source); each start costs about k^2 stemma scores per step. Larger families start from
 * the minimum spanning tree of the members' distances, a neighbour-joining-like guess that the
 * climb (with its reroot move) then refines, and from the same tree under a lost source: a
 * family of 12 went from 13 starts to 2 at no loss on the stemmatology benchmarks. The second
 * start was the star of every member under the lost source until session 15; the climb from
 * that star took a step per member and stopped at worse stemmata (Clough's tasks a, c and e:
 * 278, 375 and 381.5 changes against 272.5, 372 and 377 from the tree), and on the 6,124-file
 * bench it was about a sixth of the run.
 */
const MANY_STARTS_MAX = 6;

/** The weighted count of characters on which two members disagree (unknown states ignored). */
function distances(k: number, characters: readonly Character[]): Float64Array[] {
  const distance = Array.from({ length: k }, () => new Float64Array(k));
  for (const ch of characters) {
    const w = (ch.gain + ch.loss) / 2;
    for (let x = 0; x < k; x++) {
      const sx = ch.state[x] as number;
      if (sx < 0) continue;
      for (let y = x + 1; y < k; y++) {
        const sy = ch.state[y] as number;
        if (sy >= 0 && sy !== sx) {
          (distance[x] as Float64Array)[y] = ((distance[x] as Float64Array)[y] as number) + w;
          (distance[y] as Float64Array)[x] = ((distance[y] as Float64Array)[x] as number) + w;
        }
      }
    }
  }
  return distance;
}

/**
 * Prim's minimum spanning tree over the weighted count of characters on which two members
 * disagree (unknown states ignored), rooted at the member closest to all others.
 */
function spanningTree(k: number, distance: readonly Float64Array[]): number[] {
  const sums = distance.map((row) => row.reduce((a, b) => a + b, 0));
  const root = sums.indexOf(Math.min(...sums));
  const parent = new Array<number>(k).fill(ROOT);
  const inTree = new Array<boolean>(k).fill(false);
  const best = new Float64Array(k).fill(Number.POSITIVE_INFINITY);
  best[root] = 0;
  for (let step = 0; step < k; step++) {
    let next = -1;
    for (let m = 0; m < k; m++) if (!inTree[m] && (next === -1 || (best[m] as number) < (best[next] as number))) next = m;
    inTree[next] = true;
    for (let m = 0; m < k; m++) {
      const d = (distance[next] as Float64Array)[m] as number;
      if (!inTree[m] && d < (best[m] as number)) {
        best[m] = d;
        parent[m] = next;
      }
    }
  }
  return parent;
}

/** The tree with a lost source over its root and the root's children: the root's children become its siblings. */
function underLost(k: number, tree: readonly number[]): number[] {
  const root = tree.indexOf(ROOT);
  return tree.map((p, m) => (m === root || p === root ? k : p));
}

function hillClimb(k: number, characters: readonly Character[], evaluate: (parent: number[], bound: number, base?: Sums) => Stemma): void {
  const distance = k > MANY_STARTS_MAX ? distances(k, characters) : undefined;
  const tree = distance ? spanningTree(k, distance) : undefined;
  const starts: number[][] = [tree ? underLost(k, tree) : new Array<number>(k).fill(k)];
  if (k <= MANY_STARTS_MAX) {
    for (let r = 0; r < k; r++) starts.push(Array.from({ length: k }, (_, m) => (m === r ? ROOT : r)));
  }
  if (tree) starts.push(tree);
  const targets = moveTargets(k, distance);
  for (const start of starts) {
    let current = evaluate(start, Number.POSITIVE_INFINITY);
    for (;;) {
      let next = current;
      // Every move is one step from `current`, scored by updating its sums.
      const base = sumsOf(shapeOf(k, current.parent), patternsOf(characters));
      // A move matters only if it can beat `next`: scoring may stop once it is clearly worse.
      const consider = (parent: number[]): void => {
        const s = evaluate(parent, next.changes + EPSILON, base);
        if (compareStemmata(s, next) < 0) next = s;
      };
      for (let m = 0; m < k; m++) {
        for (const p of targets[m] as number[]) {
          if (p === current.parent[m]) continue;
          const parent = [...current.parent];
          parent[m] = p;
          if (p === ROOT) for (let o = 0; o < k; o++) if (o !== m && parent[o] === ROOT) parent[o] = m;
          if (isValid(k, parent)) consider(parent);
        }
        // Same tree, other root: one move for what would take a chain of parent changes, each
        // of which alone breaks the tree into a worse one.
        const rerooted = reroot(k, current.parent, m);
        if (rerooted) consider(rerooted);
      }
      if (next === current) break;
      current = next;
    }
  }
}

/**
 * Above this many members, a member is moved only under its NEAREST_TARGETS closest members (and
 * to the root, and under the lost source): a copy hangs under a text close to it, and the moves
 * per step fall from k^2 to about 10k (SPR with a bounded radius, as phylogenetic searches do).
 */
const NEAREST_TARGETS = 8;

function moveTargets(k: number, distance: readonly Float64Array[] | undefined): number[][] {
  return Array.from({ length: k }, (_, m) => {
    const others = Array.from({ length: k }, (_, o) => o).filter((o) => o !== m);
    const near = distance && others.length > NEAREST_TARGETS
      ? others.sort((x, y) => ((distance[m] as Float64Array)[x] as number) - ((distance[m] as Float64Array)[y] as number) || x - y).slice(0, NEAREST_TARGETS).sort((x, y) => x - y)
      : others;
    return [ROOT, ...near, k];
  });
}

/** The stemma with the edges on the path from m to the root reversed, so m is the root; undefined under a lost root. */
function reroot(k: number, parent: readonly number[], m: number): number[] | undefined {
  if (parent[m] === ROOT) return undefined;
  const path = [m];
  for (let x = parent[m] as number; x !== ROOT; x = parent[x] as number) {
    if (x === k) return undefined;
    path.push(x);
  }
  const out = [...parent];
  out[m] = ROOT;
  for (let i = 1; i < path.length; i++) out[path[i] as number] = path[i - 1] as number;
  return out;
}

/**
 * Sankoff's dynamic programme: the cheapest cost of the subtree under each node given that
 * node's state, returned for the root as [state 0, state 1] per character (unit prices where none
 * are given). Observed members have fixed states; a member's unknown state (-1) and the hidden
 * node's state are free. One walk of the tree for all characters, with the characters in the
 * inner loop: the directed cost of a stemma reads every pattern of its family, and a walk per
 * pattern was the derivation's costliest loop. The scratch columns are shared, not made per
 * stemma: a climb scores thousands of stemmata.
 */
function rootCostsOfAll(tree: Shape, states: readonly Int8Array[], gains?: Float64Array, losses?: Float64Array): [Float64Array, Float64Array] {
  const { k } = tree;
  const width = states.length;
  if (batchColumns0.length < (k + 1) * width) {
    batchColumns0 = new Float64Array((k + 1) * width);
    batchColumns1 = new Float64Array((k + 1) * width);
  }
  const c0 = batchColumns0;
  const c1 = batchColumns1;
  for (const n of tree.order) {
    const row = n * width;
    c0.fill(0, row, row + width);
    c1.fill(0, row, row + width);
    for (const c of tree.children[n] as number[]) {
      const from = c * width;
      for (let p = 0; p < width; p++) {
        const a0 = c0[from + p] as number;
        const a1 = c1[from + p] as number;
        c0[row + p] = (c0[row + p] as number) + Math.min(a0, a1 + (gains ? (gains[p] as number) : 1));
        c1[row + p] = (c1[row + p] as number) + Math.min(a1, a0 + (losses ? (losses[p] as number) : 1));
      }
    }
    if (n < k) {
      for (let p = 0; p < width; p++) {
        const s = (states[p] as Int8Array)[n] as number;
        if (s === 1) c0[row + p] = Number.POSITIVE_INFINITY;
        else if (s === 0) c1[row + p] = Number.POSITIVE_INFINITY;
      }
    }
  }
  const root = tree.root * width;
  return [c0.slice(root, root + width), c1.slice(root, root + width)];
}

let batchColumns0 = new Float64Array(0);
let batchColumns1 = new Float64Array(0);

/**
 * Scores one stemma. The change count prices a gain and a loss alike (at their mean), so it
 * depends only on a character's pattern of states: characters are grouped by pattern once per
 * character list and each pattern is counted once per stemma, thousands of characters becoming
 * dozens of patterns. The directed cost only breaks ties between stemmata with equal change
 * counts, so it is computed when first read; a search compares most candidates by changes alone.
 * It does not let a root whose reading is unknown (a garbled machine round trip matches neither
 * reading of many substitutions) pick the cheaper direction for each such character: that made
 * the most garbled copy look like the original of its own source.
 */
export function scoreStemma(k: number, parent: number[], characters: readonly Character[], bound = Number.POSITIVE_INFINITY, base?: Sums): ScoredStemma {
  const tree = shapeOf(k, parent);
  const penalty = parent.some((p) => p === k) ? HIDDEN_SOURCE_PENALTY : 0;
  const { changes, complete } = countChanges(tree, patternsOf(characters), penalty, bound + EPSILON, base);
  return new Scored(parent, changes, complete, tree, penalty, characters);
}

/**
 * A scored stemma, its directed costs worked out when first read. A class, not an object
 * literal with getters: a climb scores thousands of stemmata, and a literal made two getter
 * closures for each (256 MB allocated on the 6,124-file bench folder).
 */
class Scored implements ScoredStemma {
  private costMemo: number | undefined;
  private freeRootCostMemo: number | undefined;
  private rootPriced: readonly [Float64Array, Float64Array] | undefined;

  constructor(
    readonly parent: number[],
    readonly changes: number,
    readonly complete: boolean,
    private readonly tree: Shape,
    private readonly penalty: number,
    private readonly characters: readonly Character[],
  ) {}

  get cost(): number {
    if (this.costMemo === undefined) {
      let cost = this.penalty;
      const directed = directedPatternsOf(this.characters);
      const [z, o] = this.priced(directed);
      // The reconstruction by change count depends on the states alone: once per state pattern.
      const [z1, o1] = rootCostsOfAll(this.tree, directed.states);
      directed.patterns.forEach((ch, p) => {
        const zp = z[p] as number;
        const op = o[p] as number;
        if (Number.isFinite(zp) && Number.isFinite(op)) {
          // The root's reading is unknown here: the change count reconstructs it, and where
          // either reading needs as many changes, neither direction is charged its cheaper price.
          const unitZ = z1[ch.stateId] as number;
          const unitO = o1[ch.stateId] as number;
          const reading = unitZ < unitO ? 0 : unitO < unitZ ? 1 : -1;
          cost += ch.count * (reading === 0 ? zp : reading === 1 ? op : (zp + op) / 2);
        } else cost += ch.count * Math.min(zp, op);
      });
      this.costMemo = cost;
    }
    return this.costMemo;
  }

  get freeRootCost(): number {
    if (this.freeRootCostMemo === undefined) {
      let cost = this.penalty;
      const directed = directedPatternsOf(this.characters);
      const [z, o] = this.priced(directed);
      directed.patterns.forEach((ch, p) => {
        cost += ch.count * Math.min(z[p] as number, o[p] as number);
      });
      this.freeRootCostMemo = cost;
    }
    return this.freeRootCostMemo;
  }

  /** The root's two costs for each directed pattern at its own prices, worked out once for both getters. */
  private priced(directed: DirectedPatterns): readonly [Float64Array, Float64Array] {
    this.rootPriced ??= rootCostsOfAll(this.tree, directed.patternStates, directed.gains, directed.losses);
    return this.rootPriced;
  }
}

interface DirectedPattern {
  readonly state: Int8Array;
  readonly gain: number;
  readonly loss: number;
  /** Characters with this state pattern and these prices. */
  readonly count: number;
  /** Number of the state pattern (shared by patterns that differ only in prices). */
  readonly stateId: number;
}

interface DirectedPatterns {
  readonly patterns: readonly DirectedPattern[];
  /** Each pattern's states and prices, in pattern order. */
  readonly patternStates: readonly Int8Array[];
  readonly gains: Float64Array;
  readonly losses: Float64Array;
  /** The distinct state patterns, by stateId. */
  readonly states: readonly Int8Array[];
}

const directedCache = new WeakMap<readonly Character[], DirectedPatterns>();

/**
 * The characters grouped by state pattern and prices: the directed cost of a character depends
 * on nothing else, and the ties of a climb read it for every rooting it tries.
 */
function directedPatternsOf(characters: readonly Character[]): DirectedPatterns {
  const cached = directedCache.get(characters);
  if (cached) return cached;
  const stateIds = new Map<string, number>();
  const states: Int8Array[] = [];
  const byKey = new Map<string, { state: Int8Array; gain: number; loss: number; count: number; stateId: number }>();
  for (const ch of characters) {
    const stateKey = ch.state.join(',');
    let stateId = stateIds.get(stateKey);
    if (stateId === undefined) {
      stateIds.set(stateKey, (stateId = stateIds.size));
      states.push(ch.state);
    }
    const key = `${stateKey}|${ch.gain}|${ch.loss}`;
    const p = byKey.get(key);
    if (p) p.count++;
    else byKey.set(key, { state: ch.state, gain: ch.gain, loss: ch.loss, count: 1, stateId });
  }
  const patterns = [...byKey.values()];
  const out = { patterns, patternStates: patterns.map((p) => p.state), gains: Float64Array.from(patterns, (p) => p.gain), losses: Float64Array.from(patterns, (p) => p.loss), states };
  directedCache.set(characters, out);
  return out;
}

/** `complete` false: scoring stopped at the bound, and `changes` is only a lower bound above it. */
interface ScoredStemma extends Stemma {
  readonly complete: boolean;
  /**
   * The directed cost with the root's unknown readings free to take the cheaper direction, as a
   * lost source's are when it competes with the documents' own tree (see chooseStemma).
   */
  readonly freeRootCost: number;
}

/**
 * The state a most-parsimonious reconstruction gives the hidden root for each character: 1, 0,
 * or -1 where both are equally cheap (or the stemma has no hidden node). This is the lost
 * source's reading as its copies, taken together, attest it.
 */
export function hiddenStates(k: number, parent: readonly number[], characters: readonly Character[]): Int8Array {
  const out = new Int8Array(characters.length).fill(-1);
  if (!parent.some((p) => p === k)) return out;
  const [z, o] = rootCostsOfAll(
    shapeOf(k, parent),
    characters.map((ch) => ch.state),
    Float64Array.from(characters, (ch) => ch.gain),
    Float64Array.from(characters, (ch) => ch.loss),
  );
  characters.forEach((_, i) => {
    const zi = z[i] as number;
    const oi = o[i] as number;
    out[i] = zi < oi ? 0 : oi < zi ? 1 : -1;
  });
  return out;
}

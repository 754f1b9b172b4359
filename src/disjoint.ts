/**
 * Disjoint sets of the integers 0..n-1 (union-find with path halving). A merged set is known by
 * its lowest member, so a set's name does not depend on the order of the unions.
 */
export class DisjointSets {
  private readonly parent: Int32Array;
  private readonly count: Int32Array;

  constructor(n: number) {
    this.parent = Int32Array.from({ length: n }, (_, i) => i);
    this.count = new Int32Array(n).fill(1);
  }

  /** The lowest member of x's set. */
  find(x: number): number {
    const parent = this.parent;
    while (parent[x] !== x) {
      parent[x] = parent[parent[x] as number] as number;
      x = parent[x] as number;
    }
    return x;
  }

  /** Merges the sets of a and b; false when they were one already. */
  union(a: number, b: number): boolean {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra === rb) return false;
    const [low, high] = ra < rb ? [ra, rb] : [rb, ra];
    this.parent[high] = low;
    this.count[low] = (this.count[low] as number) + (this.count[high] as number);
    return true;
  }

  /** How many members x's set has. */
  size(x: number): number {
    return this.count[this.find(x)] as number;
  }
}

/** One run of a word-level diff between two token sequences. */
export type DiffOp =
  | { readonly op: 'equal'; readonly a: readonly [number, number]; readonly b: readonly [number, number] }
  | { readonly op: 'replace'; readonly a: readonly [number, number]; readonly b: readonly [number, number] }
  | { readonly op: 'delete'; readonly a: readonly [number, number]; readonly b: readonly [number, number] }
  | { readonly op: 'insert'; readonly a: readonly [number, number]; readonly b: readonly [number, number] };

/**
 * Word diff by longest common subsequence (dynamic programming, O(n*m) time and memory, fine for
 * sentence-sized inputs), as runs over half-open index ranges. A deletion next to an insertion
 * becomes one `replace`: that is how a substitution ("court" -> "court docket") shows.
 * Ties prefer keeping earlier tokens of `a`, which makes the output deterministic.
 */
export function diffWords(a: readonly string[], b: readonly string[]): DiffOp[] {
  const n = a.length;
  const m = b.length;
  const width = m + 1;
  const lcs = new Uint16Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i * width + j] =
        a[i] === b[j]
          ? (lcs[(i + 1) * width + j + 1] ?? 0) + 1
          : Math.max(lcs[(i + 1) * width + j] ?? 0, lcs[i * width + j + 1] ?? 0);
    }
  }
  const ops: DiffOp[] = [];
  let i = 0;
  let j = 0;
  let pendA = 0;
  let pendB = 0;
  const flush = (): void => {
    if (i - pendA === 0 && j - pendB === 0) return;
    const range = { a: [pendA, i] as const, b: [pendB, j] as const };
    if (i > pendA && j > pendB) ops.push({ op: 'replace', ...range });
    else if (i > pendA) ops.push({ op: 'delete', ...range });
    else ops.push({ op: 'insert', ...range });
  };
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) {
      flush();
      const sa = i;
      const sb = j;
      while (i < n && j < m && a[i] === b[j]) {
        i++;
        j++;
      }
      ops.push({ op: 'equal', a: [sa, i], b: [sb, j] });
      pendA = i;
      pendB = j;
    } else if (j >= m || (i < n && (lcs[(i + 1) * width + j] ?? 0) >= (lcs[i * width + j + 1] ?? 0))) {
      i++;
    } else {
      j++;
    }
  }
  flush();
  return ops;
}

/** Number of tokens the two sequences share in order. */
export function commonLength(ops: readonly DiffOp[]): number {
  let k = 0;
  for (const o of ops) if (o.op === 'equal') k += o.a[1] - o.a[0];
  return k;
}

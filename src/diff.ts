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
  return slide(ops, a, b);
}

/**
 * Where one LCS alignment splits a change in two around a matched word that the change repeats,
 * another keeps it whole: "exactly the same" -> "on the nose the same" is better read as
 * "exactly" -> "on the nose" than as "exactly" -> "on" plus "nose the" put in after "the". An
 * insertion or deletion whose words end with the equal run before it (or begin with the one after
 * it) is slid over that run, which joins it to the change on the run's other side, as
 * diff-match-patch's cleanup does. The number of matched words stays the same.
 */
function slide(ops: DiffOp[], a: readonly string[], b: readonly string[]): DiffOp[] {
  const out = [...ops];
  for (let k = 1; k + 1 < out.length; k++) {
    const before = out[k - 1] as DiffOp;
    const edit = out[k] as DiffOp;
    const after = out[k + 1] as DiffOp;
    if (edit.op !== 'insert' && edit.op !== 'delete') continue;
    if (before.op !== 'equal' || after.op !== 'equal') continue;
    const onA = edit.op === 'delete';
    const words = onA ? a : b;
    const [from, to] = onA ? edit.a : edit.b;
    const [eqFrom, eqTo] = onA ? before.a : before.b;
    const [nextFrom, nextTo] = onA ? after.a : after.b;
    const run = eqTo - eqFrom;
    const joinsLeft = k >= 2 && (out[k - 2] as DiffOp).op !== 'equal';
    const joinsRight = k + 2 < out.length && (out[k + 2] as DiffOp).op !== 'equal';
    const endsWithBefore = run <= to - from && sameWords(words, eqFrom, to - run, run);
    const startsWithAfter = nextTo - nextFrom <= to - from && sameWords(words, nextFrom, from, nextTo - nextFrom);
    if (joinsLeft && endsWithBefore) {
      // The equal run moves to the far side of the edit; the edit now touches the change before it.
      const shift = run;
      const moved: DiffOp = onA
        ? { op: 'delete', a: [edit.a[0] - shift, edit.a[1] - shift], b: edit.b.map((x) => x - run) as [number, number] }
        : { op: 'insert', a: edit.a.map((x) => x - run) as [number, number], b: [edit.b[0] - shift, edit.b[1] - shift] };
      const equal: DiffOp = { op: 'equal', a: [moved.a[1], after.a[1]], b: [moved.b[1], after.b[1]] };
      out.splice(k - 1, 3, moved, equal);
      k = Math.max(0, k - 3);
    } else if (joinsRight && startsWithAfter) {
      const shift = nextTo - nextFrom;
      const equal: DiffOp = { op: 'equal', a: [before.a[0], onA ? edit.a[0] + shift : edit.a[0] + shift], b: [before.b[0], onA ? edit.b[0] + shift : edit.b[0] + shift] };
      const moved: DiffOp = onA
        ? { op: 'delete', a: [edit.a[0] + shift, edit.a[1] + shift], b: [equal.b[1], equal.b[1]] }
        : { op: 'insert', a: [equal.a[1], equal.a[1]], b: [edit.b[0] + shift, edit.b[1] + shift] };
      out.splice(k - 1, 3, equal, moved);
      k = Math.max(0, k - 3);
    }
  }
  return merge(out);
}

function sameWords(words: readonly string[], x: number, y: number, length: number): boolean {
  for (let i = 0; i < length; i++) if (words[x + i] !== words[y + i]) return false;
  return true;
}

/** Adjacent changes as one run: a deletion next to an insertion is a replacement. */
function merge(ops: readonly DiffOp[]): DiffOp[] {
  const out: DiffOp[] = [];
  for (const o of ops) {
    const last = out.at(-1);
    if (last && last.op !== 'equal' && o.op !== 'equal') {
      const a = [last.a[0], o.a[1]] as const;
      const b = [last.b[0], o.b[1]] as const;
      out[out.length - 1] = { op: a[1] > a[0] && b[1] > b[0] ? 'replace' : a[1] > a[0] ? 'delete' : 'insert', a, b };
    } else if (last && last.op === 'equal' && o.op === 'equal') {
      out[out.length - 1] = { op: 'equal', a: [last.a[0], o.a[1]], b: [last.b[0], o.b[1]] };
    } else out.push(o);
  }
  return out;
}

/** Number of tokens the two sequences share in order. */
export function commonLength(ops: readonly DiffOp[]): number {
  let k = 0;
  for (const o of ops) if (o.op === 'equal') k += o.a[1] - o.a[0];
  return k;
}

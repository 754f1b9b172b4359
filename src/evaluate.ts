import { createHash } from 'node:crypto';
import type { Derivation, Evidence } from './derive/index.js';
import { round } from './round.js';

/** A family's ground truth, as in a benchmark's `truth.json`. */
export interface FamilyTruth {
  /** Each file's parent: a file, `hidden:<n>` (a lost source), null (an original or independent), or two parents. */
  readonly parents: Readonly<Record<string, string | null | readonly string[]>>;
  /** How each derived file was made, where known (values as in the JSON contract's `method`). */
  readonly methods?: Readonly<Record<string, string>>;
  /** Word substitutions each derived file introduced, where known. */
  readonly drift?: Readonly<Record<string, ReadonlyArray<{ readonly from: string; readonly to: string }>>>;
}

/** Counts of one score: `correct` out of `total`. An empty score (total 0) has no rate. */
export interface Tally {
  readonly correct: number;
  readonly total: number;
}

export interface FamilyScore {
  readonly family: string;
  readonly documents: number;
  /** The predicted parent equals the true one; hidden matches hidden when the group under it is the same. */
  readonly parent: Tally;
  /** True edges from an observed parent where the engine places that parent above the child, or names it the child's second source. */
  readonly direction: Tally;
  /** True edges from an observed parent that the engine links, in either direction, as source or second source. */
  readonly adjacency: Tally;
  /** Documents whose "derived or not" status is right. */
  readonly linkage: Tally;
  /** Derivations claimed where the truth has none: wrong family, or a source for an underived document. */
  readonly falseDerivations: number;
  readonly method: Tally;
  readonly drift: Tally;
  /**
   * Substitutions quoted as evidence for a copy whose truth lists its substitutions: how many are
   * one of them (drift recall's other side: a long list of guesses finds more).
   */
  readonly driftPrecision: Tally;
  /** Parent answers given with confidence >= CALIBRATION_LEVEL. */
  readonly confident: Tally;
  /** Parent answers by confidence band (RELIABILITY_BANDS): how often each band is right. */
  readonly reliability: readonly Tally[];
}

export const CALIBRATION_LEVEL = 0.8;
/**
 * Lower edges of the confidence bands of the reliability line; each band runs to the next edge,
 * the last to 1. A confidence means something when each band is right about that often.
 */
export const RELIABILITY_BANDS = [0, 0.6, 0.7, 0.8, 0.9] as const;

function bandOf(confidence: number): number {
  let band = 0;
  RELIABILITY_BANDS.forEach((edge, i) => {
    if (confidence >= edge) band = i;
  });
  return band;
}

/**
 * Files renamed for a run that asks whether the scores rest on the files' names: each name
 * replaced by a hash of `salt` and the name (its extension kept), which orders the files at
 * random, and `back` to read the derivations under their own names again. Where the evidence
 * ties, the engine settles on the file whose name sorts first, a fair prior when names carry
 * dates or versions and an unearned one when a benchmark happens to number its originals first.
 */
export function renamedFiles<T extends { readonly id: string }>(files: readonly T[], salt: string): { files: T[]; back: (derivations: readonly Derivation[]) => Derivation[] } {
  const to = new Map<string, string>();
  for (const f of files) {
    const dot = f.id.lastIndexOf('.');
    to.set(f.id, createHash('sha256').update(`${salt}\u0000${f.id}`).digest('hex').slice(0, 16) + (dot > 0 ? f.id.slice(dot) : ''));
  }
  const from = new Map([...to].map(([x, y]) => [y, x]));
  const name = (id: string): string => from.get(id) ?? id;
  return {
    files: files.map((f) => ({ ...f, id: to.get(f.id) as string })),
    back: (derivations) =>
      derivations
        .map((d) => ({
          ...d,
          target: name(d.target),
          source: d.source === null ? null : name(d.source),
          ...(d.alsoFrom ? { alsoFrom: { ...d.alsoFrom, source: name(d.alsoFrom.source) } } : {}),
        }))
        .sort((x, y) => (x.target < y.target ? -1 : x.target > y.target ? 1 : 0)),
  };
}

/**
 * Scores one family's derivations against its truth. Documents the truth does not list are
 * ignored; a truth document missing from the result counts as wrong.
 */
export function scoreFamily(family: string, truth: FamilyTruth, derivations: readonly Derivation[]): FamilyScore {
  const predicted = new Map(derivations.map((d) => [d.target, d]));
  const files = Object.keys(truth.parents).sort();
  const trueParents = new Map(files.map((f) => [f, parentList(truth.parents[f])]));
  const trueGroups = groupsUnderHidden(new Map(files.map((f) => [f, trueParents.get(f)?.[0] ?? null])));
  const predGroups = groupsUnderHidden(new Map(derivations.map((d) => [d.target, d.source])));
  const trueComponent = components(files, trueParents);

  const parent = counter();
  const linkage = counter();
  const method = counter();
  const drift = counter();
  const driftPrecision = counter();
  const confident = counter();
  const reliability = RELIABILITY_BANDS.map(() => counter());
  let falseDerivations = 0;
  for (const f of files) {
    const want = trueParents.get(f) ?? [];
    const got = predicted.get(f);
    const source = got?.source ?? null;
    const right = want.length === 0
      ? source === null
      : source !== null && want.some((w) => sameParent(w, source, f, trueGroups, predGroups));
    parent.add(right);
    linkage.add((want.length > 0) === (source !== null));
    if (got && got.confidence >= CALIBRATION_LEVEL) confident.add(right);
    if (got) reliability[bandOf(got.confidence)]?.add(right);
    if (source !== null) {
      const sameFamily = isHidden(source)
        ? [...(predGroups.get(source) ?? [])].every((o) => trueComponent.get(o) === trueComponent.get(f))
        : trueComponent.get(source) === trueComponent.get(f);
      if (want.length === 0 || !sameFamily) falseDerivations++;
    }
    const wantMethod = truth.methods?.[f];
    if (wantMethod !== undefined && got) method.add(got.method === wantMethod);
    const swaps = truth.drift?.[f] ?? [];
    for (const swap of swaps) drift.add(got !== undefined && foundDrift(got, swap.from, swap.to));
    if (swaps.length > 0) {
      for (const e of got?.evidence ?? []) if (e.kind === 'substitution') driftPrecision.add(swaps.some((swap) => quotesSwap(e, swap.from, swap.to)));
    }
  }

  const direction = counter();
  const adjacency = counter();
  const predParent = new Map(derivations.map((d) => [d.target, d.source]));
  // A second source (alsoFrom) places its text above the copy as the first does: a witness made
  // from two texts has two true edges, and the engine names one as source and one as alsoFrom.
  const alsoFrom = new Map(derivations.flatMap((d) => (d.alsoFrom ? [[d.target, d.alsoFrom.source] as const] : [])));
  for (const f of files) {
    for (const p of trueParents.get(f) ?? []) {
      if (isHidden(p) || !trueParents.has(p)) continue;
      direction.add(isAncestor(p, f, predParent) || alsoFrom.get(f) === p);
      adjacency.add(predParent.get(f) === p || predParent.get(p) === f || alsoFrom.get(f) === p || alsoFrom.get(p) === f);
    }
  }
  return {
    family,
    documents: files.length,
    parent: parent.tally(),
    direction: direction.tally(),
    adjacency: adjacency.tally(),
    linkage: linkage.tally(),
    falseDerivations,
    method: method.tally(),
    drift: drift.tally(),
    driftPrecision: driftPrecision.tally(),
    confident: confident.tally(),
    reliability: reliability.map((c) => c.tally()),
  };
}

export interface EvalSummary {
  readonly families: readonly FamilyScore[];
  readonly overall: FamilyScore;
}

/** Adds up family scores (micro-averaged: every document and edge weighs the same). */
export function summarize(families: readonly FamilyScore[]): EvalSummary {
  const sum = (pick: (s: FamilyScore) => Tally): Tally => ({
    correct: families.reduce((n, s) => n + pick(s).correct, 0),
    total: families.reduce((n, s) => n + pick(s).total, 0),
  });
  return {
    families,
    overall: {
      family: 'overall',
      documents: families.reduce((n, s) => n + s.documents, 0),
      parent: sum((s) => s.parent),
      direction: sum((s) => s.direction),
      adjacency: sum((s) => s.adjacency),
      linkage: sum((s) => s.linkage),
      falseDerivations: families.reduce((n, s) => n + s.falseDerivations, 0),
      method: sum((s) => s.method),
      drift: sum((s) => s.drift),
      driftPrecision: sum((s) => s.driftPrecision),
      confident: sum((s) => s.confident),
      reliability: RELIABILITY_BANDS.map((_, i) => sum((s) => s.reliability[i] ?? { correct: 0, total: 0 })),
    },
  };
}

/** A tally's rate, or null when there was nothing to score. */
export function rate(t: Tally): number | null {
  return t.total === 0 ? null : round(t.correct / t.total, 3);
}

function counter(): { add(ok: boolean): void; tally(): Tally } {
  let correct = 0;
  let total = 0;
  return {
    add(ok: boolean) {
      total++;
      if (ok) correct++;
    },
    tally: () => ({ correct, total }),
  };
}

function parentList(value: string | null | readonly string[] | undefined): readonly string[] {
  if (value === null || value === undefined) return [];
  return typeof value === 'string' ? [value] : value;
}

function isHidden(id: string): boolean {
  return id.startsWith('hidden:');
}

/** The documents directly under each hidden source. */
function groupsUnderHidden(parents: ReadonlyMap<string, string | null>): Map<string, Set<string>> {
  const groups = new Map<string, Set<string>>();
  for (const [child, p] of parents) {
    if (p === null || !isHidden(p)) continue;
    const g = groups.get(p) ?? new Set<string>();
    g.add(child);
    groups.set(p, g);
  }
  return groups;
}

function sameParent(
  want: string,
  got: string,
  child: string,
  trueGroups: ReadonlyMap<string, ReadonlySet<string>>,
  predGroups: ReadonlyMap<string, ReadonlySet<string>>,
): boolean {
  if (!isHidden(want) || !isHidden(got)) return want === got;
  const a = trueGroups.get(want);
  const b = predGroups.get(got);
  if (!a || !b || !a.has(child) || a.size !== b.size) return false;
  return [...a].every((x) => b.has(x));
}

/** Connected components of the true stemma over observed documents (hidden sources join their children). */
function components(files: readonly string[], parents: ReadonlyMap<string, readonly string[]>): Map<string, string> {
  const root = new Map<string, string>();
  const find = (x: string): string => {
    const r = root.get(x) ?? x;
    if (r === x) return x;
    const top = find(r);
    root.set(x, top);
    return top;
  };
  for (const f of files) for (const p of parents.get(f) ?? []) root.set(find(f), find(p));
  return new Map(files.map((f) => [f, find(f)]));
}

function isAncestor(ancestor: string, child: string, parents: ReadonlyMap<string, string | null>): boolean {
  const seen = new Set<string>();
  let at = parents.get(child) ?? null;
  while (at !== null && !seen.has(at)) {
    if (at === ancestor) return true;
    seen.add(at);
    at = parents.get(at) ?? null;
  }
  return false;
}

/** A substitution counts as found when some evidence line shows the source word turning into the target word. */
function foundDrift(d: Derivation, from: string, to: string): boolean {
  return d.evidence.some((e) => quotesSwap(e, from, to));
}

/** The evidence quotes the swap: its source side has the replaced words, its target side the new ones. */
function quotesSwap(e: Evidence, from: string, to: string): boolean {
  return containsWords(e.sourceText.toLowerCase(), from.toLowerCase()) && containsWords(e.targetText.toLowerCase(), to.toLowerCase());
}

function containsWords(text: string, words: string): boolean {
  const at = text.indexOf(words);
  if (at === -1) return false;
  const before = text[at - 1];
  const after = text[at + words.length];
  const boundary = (c: string | undefined): boolean => c === undefined || !/[\p{L}\p{N}]/u.test(c);
  return boundary(before) && boundary(after);
}

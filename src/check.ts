import picomatch from 'picomatch';
import type { CompareResult } from './compare.js';
import type { Derivation, Evidence, Method } from './derive/index.js';

/** Methods a policy may fail on: every way of making one text from another. */
export const DERIVED_METHODS: readonly Method[] = ['copy', 'typographic', 'truncation', 'edit', 'spin', 'machine-translation', 'paraphrase', 'translation', 'passage-reuse'];

/** The rules of `provenance check`; each one left out is not checked. */
export interface Policy {
  /** Any pair whose aligned share (the share of both texts' sentences that align) is above this. */
  readonly maxSimilarity?: number;
  /** Any derivation by one of these methods with at least `minConfidence`. */
  readonly failOn?: readonly Method[];
  readonly minConfidence?: number;
  /** No document matching `to` may derive from a document matching `from` (picomatch globs on ids). */
  readonly forbid?: ReadonlyArray<{ readonly from: string; readonly to: string }>;
}

export const DEFAULT_MIN_CONFIDENCE = 0.8;

export type Rule = 'max-similarity' | 'fail-on' | 'forbid';

export interface Finding {
  /** Stable identity for baselines: the rule and the two documents' ids, not positions in them. */
  readonly key: string;
  readonly rule: Rule;
  /** For derivations, `a` is the source and `b` the target; for similarity, the pair in id order. */
  readonly a: string;
  readonly b: string;
  /** The figure that broke the rule: aligned share, or derivation confidence. */
  readonly figure: number;
  readonly message: string;
  /** The derivation's strongest evidence (up to three items). */
  readonly evidence: readonly Evidence[];
  /** False when a baseline already lists the finding. */
  readonly isNew: boolean;
}

export interface CheckResult {
  readonly findings: readonly Finding[];
  /** Findings not in the baseline: these decide the exit code. */
  readonly newFindings: number;
}

/**
 * Evaluates a policy on a comparison. Pure; findings come sorted by rule, then ids, so the
 * report and a baseline written from it are stable.
 */
export function checkPolicy(result: CompareResult, policy: Policy, baseline: ReadonlySet<string> = new Set()): CheckResult {
  const raw: Array<Omit<Finding, 'key' | 'isNew'>> = [];
  if (policy.maxSimilarity !== undefined) {
    for (const p of result.pairs) {
      if (p.similarity.aligned > policy.maxSimilarity) {
        raw.push({
          rule: 'max-similarity',
          a: p.a,
          b: p.b,
          figure: p.similarity.aligned,
          message: `${p.similarity.aligned.toFixed(2)} of the sentences align, above the limit ${policy.maxSimilarity}`,
          evidence: [],
        });
      }
    }
  }
  const observed = result.derivations.filter((d): d is Derivation & { source: string } => d.source !== null && !d.source.startsWith('hidden:'));
  const minConfidence = policy.minConfidence ?? DEFAULT_MIN_CONFIDENCE;
  const failOn = new Set(policy.failOn ?? []);
  for (const d of result.derivations) {
    if (d.source === null || !failOn.has(d.method) || d.confidence < minConfidence) continue;
    raw.push({
      rule: 'fail-on',
      a: d.source,
      b: d.target,
      figure: d.confidence,
      message: `${d.method} of ${d.source} (confidence ${d.confidence.toFixed(2)})`,
      evidence: d.evidence.slice(0, 3),
    });
  }
  for (const rule of policy.forbid ?? []) {
    const isFrom = picomatch(rule.from, { dot: true });
    const isTo = picomatch(rule.to, { dot: true });
    for (const d of observed) {
      if (!isFrom(d.source) || !isTo(d.target)) continue;
      raw.push({
        rule: 'forbid',
        a: d.source,
        b: d.target,
        figure: d.confidence,
        message: `derives from ${d.source} (${d.method}, confidence ${d.confidence.toFixed(2)}), forbidden by ${rule.from}:${rule.to}`,
        evidence: d.evidence.slice(0, 3),
      });
    }
    // Passages taken from a second source are copied from it as much as from a first one.
    for (const d of result.derivations) {
      const also = d.alsoFrom;
      if (!also || !isFrom(also.source) || !isTo(d.target)) continue;
      raw.push({
        rule: 'forbid',
        a: also.source,
        b: d.target,
        figure: also.confidence,
        message: `takes passages from ${also.source} (second source, confidence ${also.confidence.toFixed(2)}), forbidden by ${rule.from}:${rule.to}`,
        evidence: also.evidence.slice(0, 3),
      });
    }
  }
  const seen = new Set<string>();
  const findings = raw
    .map((f) => ({ ...f, key: findingKey(f.rule, f.a, f.b) }))
    .filter((f) => !seen.has(f.key) && seen.add(f.key))
    .sort((x, y) => (x.key < y.key ? -1 : x.key > y.key ? 1 : 0))
    .map((f) => ({ ...f, isNew: !baseline.has(f.key) }));
  return { findings, newFindings: findings.filter((f) => f.isNew).length };
}

export function findingKey(rule: Rule, a: string, b: string): string {
  return `${rule}:${a}->${b}`;
}

/** The baseline file: the keys of accepted findings, sorted, one per line in the JSON array. */
export function renderBaseline(check: CheckResult): string {
  const keys = [...new Set(check.findings.map((f) => f.key))].sort();
  return `${JSON.stringify({ version: 1, findings: keys }, null, 2)}\n`;
}

export function parseBaseline(value: unknown): Set<string> {
  const v = value as { version?: unknown; findings?: unknown };
  if (typeof v !== 'object' || v === null || v.version !== 1 || !Array.isArray(v.findings) || !v.findings.every((k) => typeof k === 'string')) {
    throw new Error('not a provenance baseline (expected {"version": 1, "findings": [...]})');
  }
  return new Set(v.findings as string[]);
}

const CONFIG_KEYS = new Set(['maxSimilarity', 'failOn', 'minConfidence', 'forbid']);

/** Validates a parsed provenance.config.json; unknown keys and wrong types are errors. */
export function parsePolicy(value: unknown): Policy {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error('the config must be a JSON object');
  const v = value as Record<string, unknown>;
  const unknown = Object.keys(v).filter((k) => !CONFIG_KEYS.has(k));
  if (unknown.length > 0) throw new Error(`unknown key ${unknown.map((k) => JSON.stringify(k)).join(', ')} (known: ${[...CONFIG_KEYS].join(', ')})`);
  const share = (k: string): number | undefined => {
    if (v[k] === undefined) return undefined;
    const n = v[k];
    if (typeof n !== 'number' || !(n >= 0 && n <= 1)) throw new Error(`${k} must be a number from 0 to 1`);
    return n;
  };
  const failOn = v.failOn === undefined ? undefined : parseMethods(v.failOn);
  let forbid: Array<{ from: string; to: string }> | undefined;
  if (v.forbid !== undefined) {
    if (!Array.isArray(v.forbid)) throw new Error('forbid must be an array of "from-glob:to-glob" strings');
    forbid = v.forbid.map((r) => parseForbid(String(r)));
  }
  return { maxSimilarity: share('maxSimilarity'), failOn, minConfidence: share('minConfidence'), forbid };
}

export function parseMethods(value: unknown): Method[] {
  const list = typeof value === 'string' ? value.split(',').map((m) => m.trim()) : value;
  if (!Array.isArray(list)) throw new Error('failOn must list methods');
  return list.map((m) => {
    if (!DERIVED_METHODS.includes(m as Method)) throw new Error(`unknown method ${JSON.stringify(m)} (known: ${DERIVED_METHODS.join(', ')})`);
    return m as Method;
  });
}

export function parseForbid(rule: string): { from: string; to: string } {
  const at = rule.indexOf(':');
  if (at <= 0 || at === rule.length - 1) throw new Error(`forbid rule ${JSON.stringify(rule)} must be <from-glob>:<to-glob>`);
  return { from: rule.slice(0, at), to: rule.slice(at + 1) };
}

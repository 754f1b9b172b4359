import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { candidatePairs } from '../src/candidates.js';
import { compare } from '../src/compare.js';
import type { DocumentInput } from '../src/document.js';
import { PASSAGE_WORDS, RELATED_WORDING } from '../src/derive/relation.js';
import { renderJsonl } from '../src/report/jsonl.js';
import { fingerprint } from '../src/similarity/fingerprint.js';
import { estimatedJaccard, minhash } from '../src/similarity/minhash.js';
import { longestSharedRun, pairFrequencies, rareOverlap } from '../src/similarity/reuse.js';
import { FIXTURES, readFixture } from './helpers.js';

/** Every text of the generated benchmark in one folder, named family-file. */
function generatedCorpus(): DocumentInput[] {
  const dir = path.join(FIXTURES, 'generated');
  return readdirSync(dir)
    .filter((f) => f !== 'truth.json')
    .sort()
    .flatMap((family) =>
      readdirSync(path.join(dir, family))
        .sort()
        .map((f) => ({ id: `${family}-${f}`, text: readFileSync(path.join(dir, family, f), 'utf8'), sha256: '' })),
    );
}

const key = (a: number, b: number): string => `${a},${b}`;

describe('MinHash', () => {
  it('estimates Jaccard similarity within a few points at 32 rows', () => {
    const a = Uint32Array.from({ length: 400 }, (_, i) => i * 2654435761);
    const b = Uint32Array.from([...a.slice(0, 300), ...Array.from({ length: 100 }, (_, i) => 1e6 + i)]);
    // |a ∩ b| = 300, |a ∪ b| = 500.
    const estimate = estimatedJaccard(minhash(a) as Uint32Array, minhash(b) as Uint32Array);
    expect(Math.abs(estimate - 0.6)).toBeLessThan(0.2);
    expect(estimatedJaccard(minhash(a) as Uint32Array, minhash(a) as Uint32Array)).toBe(1);
    expect(minhash(new Uint32Array())).toBeUndefined();
  });
});

describe('candidatePairs', () => {
  const docs = generatedCorpus();
  const prints = docs.map((d) => fingerprint(d.text));
  const df = pairFrequencies(prints.map((p) => p.stemPairs));

  it('finds every pair that could be related as whole texts or by a passage (the index is exact, not a sample)', () => {
    const maxDf = 30;
    const found = new Set(candidatePairs(prints, df, { maxDf }).map(([a, b]) => key(a, b)));
    let related = 0;
    for (let a = 0; a < docs.length; a++) {
      for (let b = a + 1; b < docs.length; b++) {
        const pa = prints[a]!;
        const pb = prints[b]!;
        const wording = rareOverlap(pa.stemPairs, pb.stemPairs, df, docs.length, maxDf);
        const run = Math.max(longestSharedRun(pa.runGrams, pb.gramSet), longestSharedRun(pb.runGrams, pa.gramSet));
        if (wording >= RELATED_WORDING || run >= PASSAGE_WORDS) {
          related++;
          expect(found.has(key(a, b)), `${docs[a]!.id} / ${docs[b]!.id}`).toBe(true);
        }
      }
    }
    expect(related).toBeGreaterThan(60);
    // ...and far from all of the 3,003 pairs.
    expect(found.size).toBeLessThan(400);
  });

  it('links near copies by MinHash even when their wording is too common for the index', () => {
    const text = readFixture('seeds')[0]!.text;
    const copies = Array.from({ length: 12 }, (_, i) => fingerprint(`${text}\nCopy number ${i} of the story.`));
    const copyDf = pairFrequencies(copies.map((p) => p.stemPairs));
    const pairs = candidatePairs(copies, copyDf, { maxDf: 2 });
    // A bucket of 12 is linked as a chain: connected, at linear cost.
    const parent = copies.map((_, i) => i);
    const find = (x: number): number => (parent[x] === x ? x : (parent[x] = find(parent[x]!)));
    for (const [a, b] of pairs) parent[find(a)] = find(b);
    expect(new Set(copies.map((_, i) => find(i))).size).toBe(1);
    expect(pairs.length).toBeLessThan(66);
  });
});

describe('compare on a corpus above the all-pairs limit', () => {
  const docs = generatedCorpus();
  const result = compare(docs);

  it('uses the index and keeps every known derivation edge inside one family', () => {
    expect(result.stats.pairing).toBe('index');
    const truth = JSON.parse(readFileSync(path.join(FIXTURES, 'generated', 'truth.json'), 'utf8')) as {
      families: Record<string, { parents: Record<string, string | null | string[]> }>;
    };
    const family = new Map<string, string>();
    const find = (x: string): string => (family.has(x) && family.get(x) !== x ? find(family.get(x)!) : x);
    for (const d of result.derivations) if (d.source) family.set(find(d.target), find(d.source));
    let edges = 0;
    let kept = 0;
    for (const [name, { parents }] of Object.entries(truth.families)) {
      for (const [child, parent] of Object.entries(parents)) {
        if (typeof parent !== 'string' || parent.startsWith('hidden:')) continue;
        edges++;
        if (find(`${name}-${child}`) === find(`${name}-${parent}`)) kept++;
      }
    }
    expect(edges).toBeGreaterThan(20);
    expect(kept / edges).toBeGreaterThanOrEqual(0.95);
  });

  it('streams one JSON line per family, covering every document once', () => {
    const lines = renderJsonl(result).trimEnd().split('\n').map((l) => JSON.parse(l) as { type: string; documents?: Array<{ id: string }> });
    expect(lines[0]!.type).toBe('header');
    const ids = lines.slice(1).flatMap((l) => l.documents!.map((d) => d.id));
    expect(ids.sort()).toEqual(docs.map((d) => d.id).sort());
    expect(lines.length - 1).toBeLessThan(docs.length);
  });
});

import type { CompareResult, PairResult } from '../compare.js';
import type { Derivation } from '../derive/index.js';
import type { Skipped } from '../load.js';
import { jsonSafe } from './sanitize.js';

/**
 * JSON Lines for large corpora: a header record, then one record per family (documents linked
 * by derivations or second sources, a lost source included), so a consumer handles one family at a time. Each
 * record is the slice of the JSON contract that concerns its documents; documents that derive
 * from nothing and are no one's source come as families of one. Families are in the order of
 * their first document.
 */
export function renderJsonl(result: CompareResult, skipped: readonly Skipped[] = []): string {
  return [...renderJsonlLines(result, skipped)].join('');
}

/** The same bytes as renderJsonl, one record (with its newline) at a time. */
export function* renderJsonlLines(result: CompareResult, skipped: readonly Skipped[] = []): Generator<string> {
  const groupOf = familyIndex(result.derivations);
  const families = new Map<number, { ids: string[]; derivations: Derivation[]; pairs: PairResult[] }>();
  const at = (id: string): { ids: string[]; derivations: Derivation[]; pairs: PairResult[] } => {
    const g = groupOf.get(id) as number;
    let f = families.get(g);
    if (!f) families.set(g, (f = { ids: [], derivations: [], pairs: [] }));
    return f;
  };
  for (const d of result.derivations) {
    const f = at(d.target);
    f.ids.push(d.target);
    f.derivations.push(d);
  }
  for (const p of result.pairs) if (groupOf.get(p.a) === groupOf.get(p.b)) at(p.a).pairs.push(p);
  const byId = new Map(result.documents.map((d) => [d.id, d]));
  const header = {
    type: 'header',
    schemaVersion: result.schemaVersion,
    stats: result.stats,
    skipped,
    documents: result.documents.length,
    families: families.size,
  };
  yield `${jsonSafe(JSON.stringify(header))}\n`;
  for (const f of families.values()) {
    const record = { type: 'family', documents: f.ids.map((id) => byId.get(id)), derivations: f.derivations, pairs: f.pairs };
    yield `${jsonSafe(JSON.stringify(record))}\n`;
  }
}

/**
 * Family number of each document: union of every derivation edge, a second source's included (a
 * consumer reading one record should find both texts a document was made from), numbered by
 * first document.
 */
function familyIndex(derivations: readonly Derivation[]): Map<string, number> {
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let r = x;
    while ((parent.get(r) ?? r) !== r) r = parent.get(r) as string;
    parent.set(x, r);
    return r;
  };
  for (const d of derivations) {
    if (d.source) parent.set(find(d.target), find(d.source));
    if (d.alsoFrom) parent.set(find(d.target), find(d.alsoFrom.source));
  }
  const number = new Map<string, number>();
  const out = new Map<string, number>();
  for (const d of derivations) {
    const r = find(d.target);
    if (!number.has(r)) number.set(r, number.size);
    out.set(d.target, number.get(r) as number);
  }
  return out;
}

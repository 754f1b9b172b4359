import type { FamilyTruth } from './evaluate.js';

export interface BenchmarkTruth {
  readonly families: Readonly<Record<string, FamilyTruth>>;
}

/**
 * Checks the shape of a parsed `truth.json` and keeps the fields scoring uses. Throws an Error
 * naming the first field that is wrong; other fields (notes, offsets) are ignored.
 */
export function parseTruth(value: unknown): BenchmarkTruth {
  const root = asRecord(value, 'truth');
  const families = asRecord(root.families, 'families');
  const out: Record<string, FamilyTruth> = {};
  for (const [name, raw] of Object.entries(families)) {
    const family = asRecord(raw, `families.${name}`);
    const parents = asRecord(family.parents, `families.${name}.parents`);
    const parsed: Record<string, string | null | readonly string[]> = {};
    for (const [file, p] of Object.entries(parents)) {
      if (p === null || typeof p === 'string') parsed[file] = p;
      else if (Array.isArray(p) && p.length > 0 && p.every((x): x is string => typeof x === 'string')) parsed[file] = p;
      else throw new Error(`families.${name}.parents.${file}: expected a file name, "hidden:<n>", null or a list of file names`);
    }
    const methods = family.methods === undefined ? undefined : stringMap(family.methods, `families.${name}.methods`);
    const drift = family.drift === undefined ? undefined : driftMap(family.drift, `families.${name}.drift`);
    out[name] = { parents: parsed, ...(methods ? { methods } : {}), ...(drift ? { drift } : {}) };
  }
  return { families: out };
}

function asRecord(value: unknown, where: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error(`${where}: expected an object`);
  return value as Record<string, unknown>;
}

function stringMap(value: unknown, where: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(asRecord(value, where))) {
    if (typeof v !== 'string') throw new Error(`${where}.${k}: expected a string`);
    out[k] = v;
  }
  return out;
}

function driftMap(value: unknown, where: string): Record<string, Array<{ from: string; to: string }>> {
  const out: Record<string, Array<{ from: string; to: string }>> = {};
  for (const [k, v] of Object.entries(asRecord(value, where))) {
    if (!Array.isArray(v)) throw new Error(`${where}.${k}: expected a list of {from, to}`);
    out[k] = v.map((s: unknown, i) => {
      const r = asRecord(s, `${where}.${k}[${i}]`);
      if (typeof r.from !== 'string' || typeof r.to !== 'string') throw new Error(`${where}.${k}[${i}]: expected {from, to} strings`);
      return { from: r.from, to: r.to };
    });
  }
  return out;
}

import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { DocumentInput } from '../src/document.js';

export const FIXTURES = path.resolve(import.meta.dirname, '..', 'fixtures');

export function readFixture(scenario: string): DocumentInput[] {
  const dir = path.join(FIXTURES, scenario);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((id) => ({ id, text: readFileSync(path.join(dir, id), 'utf8'), sha256: '' }));
}

export const SEED = {
  mt: '000_f65c61f54482101f.txt',
  paraphrase: '001_f9530f5110897cd7.txt',
  fluentMt: '002_1731757b534b56d6.txt',
  spin: '003_3802a0d075d83baa.txt',
  independent: '004_a57cee30f924fd11.txt',
} as const;

import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { DocumentInput } from '../src/document.js';

export const FIXTURES = path.resolve(import.meta.dirname, '..', 'fixtures');

export function readFixture(scenario: string): DocumentInput[] {
  const dir = path.join(FIXTURES, scenario);
  return readdirSync(dir)
    // Every text, as the CLI reads a family folder (an HTML page among them); fixture folders hold no other file.
    .filter((f) => !f.endsWith('.json') && !/^readme/iu.test(f))
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

/** Twelve sentences of a made-up town history, the material of the constructed families below. */
export const HARBOUR = [
  'The harbour town was founded by fishermen who came from the northern islands in the spring.',
  'Its first houses stood on stilts above the mud flats that the tide covered twice a day.',
  'A stone breakwater was built later to shelter the boats from the winter storms.',
  'Merchants followed the fishermen, and a market grew up on the square by the church.',
  'The market sold salted cod, rope, tar and the wool of the sheep from the hills.',
  'In the dry summers fires were a constant danger to the wooden warehouses along the quay.',
  'A great fire in the autumn destroyed half of the town and most of its records.',
  'The town was rebuilt in brick, with wider streets that a fire could not easily cross.',
  'A railway line reached the harbour fifty years later and carried the fish inland overnight.',
  'The canning factory that opened beside the station employed most of the women of the town.',
  'When the fishing declined, the factory closed and many families moved to the cities.',
  'Today the harbour shelters yachts, and the old warehouses have become galleries and cafes.',
];

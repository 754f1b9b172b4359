import type { CompareResult } from '../compare.js';
import type { Skipped } from '../load.js';
import { jsonSafe } from './sanitize.js';

/**
 * The versioned JSON contract (see README, "JSON output"), pretty-printed, one trailing newline.
 * `skipped` lists the files of the folder that were left out, with the reason.
 */
export function renderJson(result: CompareResult, skipped: readonly Skipped[] = []): string {
  const { schemaVersion, stats, documents, pairs, derivations } = result;
  return `${jsonSafe(JSON.stringify({ schemaVersion, stats, skipped, documents, pairs, derivations }, null, 2))}\n`;
}

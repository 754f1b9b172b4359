import type { CompareResult } from '../compare.js';
import { jsonSafe } from './sanitize.js';

/** The versioned JSON contract (see README, "JSON output"), pretty-printed, one trailing newline. */
export function renderJson(result: CompareResult): string {
  return `${jsonSafe(JSON.stringify(result, null, 2))}\n`;
}

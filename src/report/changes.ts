import { diffWords } from '../diff.js';

export interface WordChange {
  readonly op: 'equal' | 'replace' | 'delete' | 'insert';
  /** The words of each side as written (empty for the side an insertion or deletion lacks). */
  readonly from: string;
  readonly to: string;
}

/**
 * Word-level changes from a to b for display, as runs of the words as written. Case and the
 * punctuation around a word do not make it a change ("Court," keeps "court").
 */
export function wordChanges(a: string, b: string): WordChange[] {
  const wa = a.split(/\s+/).filter(Boolean);
  const wb = b.split(/\s+/).filter(Boolean);
  return diffWords(wa.map(fold), wb.map(fold)).map((op) => ({
    op: op.op,
    from: wa.slice(op.a[0], op.a[1]).join(' '),
    to: wb.slice(op.b[0], op.b[1]).join(' '),
  }));
}

function fold(word: string): string {
  return word.toLowerCase().replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
}

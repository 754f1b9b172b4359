import type { ChalkInstance } from 'chalk';
import type { CompareResult } from '../compare.js';
import { wordChanges } from './changes.js';
import { terminalSafe } from './sanitize.js';

export interface AlignViewInput {
  readonly result: CompareResult;
  /** The two texts as decoded, by document id (spans index into them). */
  readonly texts: ReadonlyMap<string, string>;
  readonly chalk: ChalkInstance;
}

/**
 * Two texts side by side by aligned sentence: a header with the pair's figures and verdict,
 * then each unit of A with its counterpart in B as one line of word changes, marked
 * `[-removed-]{+added+}` (in red and green on a colour terminal), and the sentences only one
 * side has, in text order. Needs a result computed with `spans`.
 */
export function renderAlignment({ result, texts, chalk }: AlignViewInput): string {
  const [da, db] = result.documents;
  if (!da || !db) return '';
  const pair = result.pairs.find((p) => p.a === da.id && p.b === db.id);
  const sentence = (id: string, spans: typeof da.spans, i: number): string => {
    const s = spans?.[i];
    return s ? (texts.get(id) ?? '').slice(s.start, s.end) : '';
  };
  const out: string[] = [];
  out.push(chalk.bold(`A: ${terminalSafe(da.id)}  (${da.sentences} sentences, ${da.words} words)`));
  out.push(chalk.bold(`B: ${terminalSafe(db.id)}  (${db.sentences} sentences, ${db.words} words)`));
  if (pair) {
    const s = pair.similarity;
    out.push(`aligned ${s.aligned.toFixed(2)}  dice ${s.dice.toFixed(2)}  A in B ${s.aInB.toFixed(2)}  B in A ${s.bInA.toFixed(2)}  wording ${s.wording.toFixed(2)}  longest shared run ${s.sharedRun} words`);
  }
  for (const d of result.derivations) {
    if (d.source !== null) out.push(`verdict: ${terminalSafe(d.target)} <- ${terminalSafe(d.source)} (${d.method}, confidence ${d.confidence.toFixed(2)})`);
  }
  if (result.derivations.every((d) => d.source === null)) out.push('verdict: not derived from one another');
  out.push('');
  const rows: Array<{ at: number; side: 'a' | 'b' | 'both'; text: string }> = [];
  for (const u of pair?.alignments ?? []) {
    const a = u.a.map((i) => sentence(da.id, da.spans, i)).join(' ');
    const b = u.b.map((i) => sentence(db.id, db.spans, i)).join(' ');
    rows.push({ at: u.a[0] ?? 0, side: 'both', text: `${chalk.dim(`[${u.a.map((i) => i + 1).join('+')}|${u.b.map((i) => i + 1).join('+')}] ${u.kind}`)}\n  ${markChanges(a, b, chalk)}` });
  }
  for (const i of pair?.unalignedA ?? range(da.sentences)) rows.push({ at: i, side: 'a', text: `${chalk.dim(`[${i + 1}|-] only in A`)}\n  ${chalk.red(`[-${terminalSafe(sentence(da.id, da.spans, i))}-]`)}` });
  const onlyB = (pair?.unalignedB ?? range(db.sentences)).map((i) => `${chalk.dim(`[-|${i + 1}] only in B`)}\n  ${chalk.green(`{+${terminalSafe(sentence(db.id, db.spans, i))}+}`)}`);
  rows.sort((x, y) => x.at - y.at || (x.side === 'both' ? -1 : 1));
  out.push(...rows.map((r) => r.text), ...onlyB);
  return `${out.join('\n')}\n`;
}

function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}

/** Word-level changes from a to b, as one line with [-…-] and {+…+} markers. */
export function markChanges(a: string, b: string, chalk: ChalkInstance): string {
  const parts: string[] = [];
  for (const c of wordChanges(a, b)) {
    if (c.op === 'equal') parts.push(terminalSafe(c.to));
    if (c.op === 'delete' || c.op === 'replace') parts.push(chalk.red(`[-${terminalSafe(c.from)}-]`));
    if (c.op === 'insert' || c.op === 'replace') parts.push(chalk.green(`{+${terminalSafe(c.to)}+}`));
  }
  return parts.join(' ');
}

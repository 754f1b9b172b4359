import type { ChalkInstance } from 'chalk';
import type { CompareResult } from '../compare.js';
import type { Derivation, Evidence } from '../derive/index.js';
import { ENGLISH, UNDETERMINED } from '../language.js';
import { renderGrid } from './grid.js';
import { terminalSafe } from './sanitize.js';

export interface TableOptions {
  readonly chalk: ChalkInstance;
  /** Evidence items shown per derivation. */
  readonly evidence?: number;
}

/** Matrices wider than this many documents are not drawn; --json has every pair. */
export const MATRIX_MAX_DOCUMENTS = 20;
const EVIDENCE_WIDTH = 64;

const LANGUAGE_NAMES = new Intl.DisplayNames(['en'], { type: 'language' });

/**
 * Which languages the texts were read in, where any is not English (an undetermined one is read
 * as English): "languages: Spanish 3, English 1". Nothing for an English folder.
 */
function languagesNote(result: CompareResult): string {
  const counts = new Map<string, number>();
  for (const d of result.documents) counts.set(d.language, (counts.get(d.language) ?? 0) + 1);
  if ([...counts.keys()].every((l) => l === ENGLISH || l === UNDETERMINED)) return '';
  const name = (code: string): string => (code === UNDETERMINED ? 'undetermined' : (LANGUAGE_NAMES.of(code) ?? code));
  const listed = [...counts].sort(([x, m], [y, n]) => n - m || (x < y ? -1 : 1)).map(([code, n]) => `${name(code)} ${n}`);
  return `, languages: ${listed.join(', ')}`;
}

/** The human report: a similarity matrix and the derivation table. */
export function renderTable(result: CompareResult, options: TableOptions): string {
  const { chalk } = options;
  const ids = result.documents.map((d) => terminalSafe(d.id));
  const out: string[] = [];
  const hidden = new Set(result.derivations.map((d) => d.source).filter((s): s is string => s?.startsWith('hidden:') ?? false));
  out.push(
    chalk.bold(`${result.documents.length} documents`) +
      `, ${result.pairs.length} related or overlapping pairs` +
      (hidden.size > 0 ? `, ${hidden.size} lost source${hidden.size > 1 ? 's' : ''} inferred` : '') +
      (result.stats.boilerplateSentences > 0 ? `, ${result.stats.boilerplateSentences} boilerplate sentences (shared by unrelated texts) not counted as shared` : '') +
      languagesNote(result),
    '',
  );
  if (result.documents.length <= MATRIX_MAX_DOCUMENTS) {
    out.push(chalk.bold('Similarity') + chalk.dim(' (share of the two texts\' sentences that align; character-bigram Dice below)'));
    const matrix: string[][] = [];
    const index = new Map(result.documents.map((d, i) => [d.id, i]));
    const cell = new Map<string, string>();
    for (const p of result.pairs) {
      const i = index.get(p.a) ?? 0;
      const j = index.get(p.b) ?? 0;
      const text = `${p.similarity.aligned.toFixed(2)}\n${chalk.dim(p.similarity.dice.toFixed(2))}`;
      cell.set(`${i},${j}`, text);
      cell.set(`${j},${i}`, text);
    }
    ids.forEach((id, i) => {
      matrix.push([`[${i + 1}] ${id}`, ...ids.map((_, j) => (i === j ? chalk.dim('-') : (cell.get(`${i},${j}`) ?? chalk.dim('0.00'))))]);
    });
    out.push(renderGrid(matrix, { head: ['', ...ids.map((_, i) => `[${i + 1}]`)] }), '');
  }
  out.push(chalk.bold('Derivations'));
  const table: string[][] = [];
  const shown = listedDerivations(result);
  for (const d of shown) {
    table.push([
      terminalSafe(d.target),
      sourceLabel(d, chalk),
      d.method,
      confidenceLabel(d, chalk),
      d.evidence.slice(0, options.evidence ?? 3).map(describeEvidence).join('\n'),
    ]);
  }
  out.push(
    renderGrid(table, {
      head: ['document', 'derived from', 'method', 'confidence', 'evidence'],
      widths: [undefined, undefined, undefined, undefined, EVIDENCE_WIDTH],
      wordWrap: true,
    }),
  );
  if (shown.length < result.derivations.length) {
    out.push(chalk.dim(`${result.derivations.length - shown.length} independent documents not listed (--format json lists every document).`));
  }
  if (shown.some(isDirectionUnsure)) {
    out.push(chalk.dim('direction unsure: the reverse derivation needs as many changes, and the tendencies that chose this one (copies lose more than they add, an original\'s words recur in the text the copies share, odd wording follows usual wording) barely differ.'));
  }
  if (hidden.size > 0) {
    out.push(chalk.dim('hidden:N is a source that is not in the folder: the documents that share N were each made from it, not from one another.'));
  }
  return `${out.join('\n')}\n`;
}

/**
 * The derivations a report lists: in a large folder (more documents than a matrix is drawn for)
 * the unrelated documents would bury the findings, so only those in families.
 */
export function listedDerivations(result: CompareResult): readonly Derivation[] {
  if (result.documents.length <= MATRIX_MAX_DOCUMENTS) return result.derivations;
  const sources = new Set(result.derivations.map((d) => d.source));
  return result.derivations.filter((d) => d.method !== 'independent' || sources.has(d.target));
}

function sourceLabel(d: Derivation, chalk: ChalkInstance): string {
  if (d.source === null) return chalk.dim(d.method === 'original' ? '(original)' : '(none)');
  const main = d.source.startsWith('hidden:') ? chalk.yellow(d.source) : terminalSafe(d.source);
  const also = d.alsoFrom;
  return also ? `${main}\n${chalk.dim('also from')}\n${terminalSafe(also.source)} (${also.confidence.toFixed(2)})` : main;
}

/**
 * Below this confidence, a parent that only directional tendencies chose (Derivation.directionOnly)
 * is marked: on the generated families every wrong parent was such a one, most of them here.
 */
const UNSURE_DIRECTION = 0.6;

function isDirectionUnsure(d: Derivation): boolean {
  return d.directionOnly === true && d.confidence < UNSURE_DIRECTION;
}

function confidenceLabel(d: Derivation, chalk: ChalkInstance): string {
  const c = d.confidence;
  const text = c.toFixed(2);
  const label = c >= 0.8 ? chalk.green(text) : c >= 0.6 ? chalk.yellow(text) : chalk.red(text);
  return isDirectionUnsure(d) ? `${label}\n${chalk.dim('direction')}\n${chalk.dim('unsure')}` : label;
}

/** One line of evidence as a reader would say it. */
export function describeEvidence(e: Evidence): string {
  const s = terminalSafe(e.sourceText);
  const t = terminalSafe(e.targetText);
  switch (e.kind) {
    case 'substitution':
      return `"${s}" -> "${t}"${e.synonym ? ' (synonym)' : ''}`;
    case 'spelling-variant':
      return `spells "${s}" also as "${t}"`;
    case 'spintax':
      return `spinner syntax left in: ${t}`;
    case 'omission':
      return `drops ${e.support ?? 1} passage(s), e.g. "${s}"`;
    case 'addition':
      return `adds ${e.support ?? 1} passage(s), e.g. "${t}"`;
    case 'quotation':
      return `quotes ${e.support ?? 1} passage(s) as a reply does, e.g. "${s}"`;
    case 'reordering':
      return `moves ${e.support ?? 1} passage(s), e.g. "${s}"`;
    case 'not-from':
      return `not from ${s}: has ${e.support ?? 1} passage(s) it lacks, e.g. "${t}"`;
    case 'drift-not-kept':
      return `not from ${s}: ${terminalSafe(e.detail ?? t)}`;
    case 'embedded':
      return `shares ${e.support ?? 1} sentence(s) from "${s}": ${terminalSafe(e.detail ?? '')}`;
    case 'anchors':
      return `in another language, keeps ${terminalSafe(e.detail ?? '')}: "${t}"`;
    case 'kept-anchors':
      return `${terminalSafe(e.detail ?? '')}: "${t}"`;
    case 'speech-kept':
      return `keeps ${terminalSafe(e.detail ?? '')}, as a writer does, e.g. "${t}"`;
    case 'explicitation':
      return `spells out more: "the" and "of" are ${t}, against ${s} in its source`;
    case 'typography':
      return `not the source of ${s}, a machine copy that writes what this lacks: ${t}`;
  }
}

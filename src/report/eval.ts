import type { ChalkInstance } from 'chalk';
import { CALIBRATION_LEVEL, rate, RELIABILITY_BANDS, type EvalSummary, type FamilyScore, type Tally } from '../evaluate.js';
import { renderGrid } from './grid.js';
import { jsonSafe, terminalSafe } from './sanitize.js';

const COLUMNS: ReadonlyArray<[string, (s: FamilyScore) => Tally]> = [
  ['parent', (s) => s.parent],
  ['direction', (s) => s.direction],
  ['adjacent', (s) => s.adjacency],
  ['derived?', (s) => s.linkage],
  ['method', (s) => s.method],
  ['drift', (s) => s.drift],
  ['drift prec.', (s) => s.driftPrecision],
  [`conf>=${CALIBRATION_LEVEL}`, (s) => s.confident],
];

/** One row per family and an overall row: each score as a rate with its counts. */
export function renderEvalTable(summary: EvalSummary, chalk: ChalkInstance): string {
  const table: string[][] = [];
  const row = (s: FamilyScore, bold: boolean): string[] => {
    const cells = [terminalSafe(s.family), String(s.documents), ...COLUMNS.map(([, pick]) => cell(pick(s))), String(s.falseDerivations)];
    return bold ? cells.map((c) => chalk.bold(c)) : cells;
  };
  for (const s of summary.families) table.push(row(s, false));
  if (summary.families.length > 1) table.push(row(summary.overall, true));
  return [
    renderGrid(table, { head: ['family', 'docs', ...COLUMNS.map(([name]) => name), 'false'] }),
    `reliability (parent right, by confidence): ${bands(summary.overall)
      .map(({ from, to, tally }) => `${from.toFixed(1)}-${to.toFixed(1)} ${cell(tally)}`)
      .join(', ')}`,
    chalk.dim(
      'parent: right source (hidden matches hidden with the same group); direction: true source placed above its copy (or named its second source); ' +
        'adjacent: true edge linked either way; derived?: derived-or-not right; drift: listed substitutions quoted; drift prec.: quoted substitutions that are listed; false: derivations the truth does not have; ' +
        `conf>=${CALIBRATION_LEVEL}: parent accuracy of the confident answers.`,
    ),
    '',
  ].join('\n');
}

function bands(s: FamilyScore): Array<{ from: number; to: number; tally: Tally }> {
  return RELIABILITY_BANDS.map((from, i) => ({ from, to: RELIABILITY_BANDS[i + 1] ?? 1, tally: s.reliability[i] ?? { correct: 0, total: 0 } }));
}

function cell(t: Tally): string {
  const r = rate(t);
  return r === null ? '-' : `${r.toFixed(3)} (${t.correct}/${t.total})`;
}

/** The eval result as JSON: every tally with its rate. */
export function renderEvalJson(summary: EvalSummary): string {
  const withRates = (s: FamilyScore): Record<string, unknown> => {
    const out: Record<string, unknown> = { family: s.family, documents: s.documents, falseDerivations: s.falseDerivations };
    for (const [key, value] of Object.entries(s)) {
      if (typeof value === 'object' && value !== null && 'total' in value) out[key] = { ...value, rate: rate(value as Tally) };
    }
    out['reliability'] = bands(s).map(({ from, to, tally }) => ({ from, to, ...tally, rate: rate(tally) }));
    return out;
  };
  const body = { calibrationLevel: CALIBRATION_LEVEL, overall: withRates(summary.overall), families: summary.families.map(withRates) };
  return `${jsonSafe(JSON.stringify(body, null, 2))}\n`;
}

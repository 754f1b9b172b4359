import type { ChalkInstance } from 'chalk';
import type { CheckResult, Finding } from '../check.js';
import type { CompareResult } from '../compare.js';
import type { Skipped } from '../load.js';
import { jsonSafe, terminalSafe } from './sanitize.js';
import { describeEvidence } from './table.js';

const TOOL = 'provenance';

/** Plain report for a terminal or a log: one block per finding, new ones first. */
export function renderCheckTable(check: CheckResult, chalk: ChalkInstance): string {
  const lines: string[] = [];
  const ordered = [...check.findings].sort((x, y) => Number(y.isNew) - Number(x.isNew));
  for (const f of ordered) {
    const tag = f.isNew ? chalk.red('FAIL') : chalk.dim('known');
    lines.push(`${tag} ${f.rule}: ${terminalSafe(f.b)} <- ${terminalSafe(f.a)}: ${terminalSafe(f.message)}`);
    for (const e of f.evidence) lines.push(`       ${describeEvidence(e)}`);
  }
  lines.push(summary(check));
  return `${lines.join('\n')}\n`;
}

function summary(check: CheckResult): string {
  const known = check.findings.length - check.newFindings;
  if (check.findings.length === 0) return 'check passed: no findings';
  return `check ${check.newFindings > 0 ? 'failed' : 'passed'}: ${check.newFindings} new finding(s)${known > 0 ? `, ${known} in the baseline` : ''}`;
}

export function renderCheckJson(check: CheckResult, result: CompareResult, skipped: readonly Skipped[]): string {
  const body = { schemaVersion: result.schemaVersion, passed: check.newFindings === 0, newFindings: check.newFindings, findings: check.findings, skipped, stats: result.stats };
  return `${jsonSafe(JSON.stringify(body, null, 2))}\n`;
}

/** A pull-request comment: a summary line, then a table of findings. */
export function renderCheckMarkdown(check: CheckResult): string {
  const lines = [`### provenance check: ${summary(check).replace(/^check /, '')}`, ''];
  if (check.findings.length > 0) {
    lines.push('| | rule | document | from | finding | evidence |', '|---|---|---|---|---|---|');
    for (const f of check.findings) {
      lines.push(
        `| ${f.isNew ? 'new' : 'known'} | ${f.rule} | ${md(f.b)} | ${md(f.a)} | ${md(f.message)} | ${f.evidence.map((e) => md(describeEvidence(e))).join('<br>')} |`,
      );
    }
  }
  return `${lines.join('\n')}\n`;
}

/** The derivations of a comparison as a Markdown table. */
export function renderCompareMarkdown(result: CompareResult): string {
  const lines = [`### provenance: ${result.documents.length} documents`, '', '| document | derived from | method | confidence | evidence |', '|---|---|---|---|---|'];
  for (const d of result.derivations) {
    const also = d.alsoFrom ? `<br>also from ${md(d.alsoFrom.source)} (${d.alsoFrom.confidence.toFixed(2)})` : '';
    lines.push(`| ${md(d.target)} | ${d.source === null ? '—' : md(d.source)}${also} | ${d.method} | ${d.confidence.toFixed(2)} | ${d.evidence.slice(0, 3).map((e) => md(describeEvidence(e))).join('<br>')} |`);
  }
  return `${lines.join('\n')}\n`;
}

function md(text: string): string {
  return terminalSafe(text).replace(/[|\\`*_[\]<>]/g, (c) => `\\${c}`).replace(/\n/g, ' ');
}

/** One SARIF result or GitHub annotation: something about document `target`, maybe from `source`. */
interface Report {
  readonly ruleId: string;
  readonly level: 'error' | 'note';
  readonly baselineState?: 'new' | 'unchanged';
  readonly text: string;
  readonly target: string;
  /** A document id; a lost source has no file to point at. */
  readonly source?: string;
  readonly key: string;
}

const CHECK_RULES = [
  { id: 'max-similarity', shortDescription: { text: 'Two documents are more similar than the policy allows' } },
  { id: 'fail-on', shortDescription: { text: 'A document derives from another by a forbidden method' } },
  { id: 'forbid', shortDescription: { text: 'A document derives from a document it must not derive from' } },
];

function checkReports(check: CheckResult): Report[] {
  return check.findings.map((f: Finding) => ({
    ruleId: f.rule,
    level: f.isNew ? 'error' : 'note',
    baselineState: f.isNew ? 'new' : 'unchanged',
    text: [f.message, ...f.evidence.map(describeEvidence)].join('; '),
    target: f.b,
    source: f.a,
    key: f.key,
  }));
}

/** The derivations of a comparison as notes: one per derived document, under a rule per method. */
function compareReports(result: CompareResult): Report[] {
  return result.derivations
    .filter((d) => d.source !== null)
    .map((d) => ({
      ruleId: d.method,
      level: 'note',
      text: [`${d.method} of ${d.source} (confidence ${d.confidence.toFixed(2)})`, ...d.evidence.slice(0, 3).map(describeEvidence)].join('; '),
      target: d.target,
      ...(d.source?.startsWith('hidden:') ? {} : { source: d.source as string }),
      key: `${d.method}:${d.source}->${d.target}`,
    }));
}

/**
 * SARIF 2.1.0: for check, one rule per policy rule and one result per finding, located in the
 * derived document with the source as a related location, baseline state marking known findings
 * "unchanged"; for compare, one rule per derivation method and a note per derived document.
 */
export function renderSarif(check: CheckResult): string {
  return sarifLog(CHECK_RULES, checkReports(check));
}

export function renderCompareSarif(result: CompareResult): string {
  const methods = [...new Set(result.derivations.filter((d) => d.source !== null).map((d) => d.method))].sort();
  return sarifLog(methods.map((m) => ({ id: m, shortDescription: { text: `A document derived from another by ${m}` } })), compareReports(result));
}

function sarifLog(rules: ReadonlyArray<{ readonly id: string; readonly shortDescription: { readonly text: string } }>, reports: readonly Report[]): string {
  const results = reports.map((r) => ({
    ruleId: r.ruleId,
    ruleIndex: rules.findIndex((x) => x.id === r.ruleId),
    level: r.level,
    ...(r.baselineState ? { baselineState: r.baselineState } : {}),
    message: { text: r.text },
    locations: [{ physicalLocation: { artifactLocation: { uri: uriOf(r.target), uriBaseId: 'INPUTROOT' } } }],
    ...(r.source
      ? { relatedLocations: [{ id: 1, physicalLocation: { artifactLocation: { uri: uriOf(r.source), uriBaseId: 'INPUTROOT' } }, message: { text: 'source' } }] }
      : {}),
    partialFingerprints: { 'provenanceFinding/v1': r.key },
  }));
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{ tool: { driver: { name: TOOL, rules } }, results }],
  };
  return `${jsonSafe(JSON.stringify(log, null, 2))}\n`;
}

function uriOf(id: string): string {
  return id.split('/').map(encodeURIComponent).join('/');
}

/** GitHub Actions workflow commands: one annotation per new finding (known ones as notices). */
export function renderGithub(check: CheckResult): string {
  return `${[...githubLines(checkReports(check)), summary(check)].join('\n')}\n`;
}

/** A notice on each derived document. */
export function renderCompareGithub(result: CompareResult): string {
  const lines = githubLines(compareReports(result));
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}

function githubLines(reports: readonly Report[]): string[] {
  return reports.map((r) => `::${r.level === 'error' ? 'error' : 'notice'} file=${property(r.target)},title=${property(`provenance ${r.ruleId}`)}::${data(r.text)}`);
}

/** Escaping of the workflow-command format (as @actions/core does). */
function data(s: string): string {
  return terminalSafe(s).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function property(s: string): string {
  return data(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

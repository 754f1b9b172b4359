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
    lines.push(`| ${md(d.target)} | ${d.source === null ? '—' : md(d.source)} | ${d.method} | ${d.confidence.toFixed(2)} | ${d.evidence.slice(0, 3).map((e) => md(describeEvidence(e))).join('<br>')} |`);
  }
  return `${lines.join('\n')}\n`;
}

function md(text: string): string {
  return terminalSafe(text).replace(/[|\\`*_[\]<>]/g, (c) => `\\${c}`).replace(/\n/g, ' ');
}

/**
 * SARIF 2.1.0: one rule per policy rule, one result per finding located in the derived document
 * with the source as a related location; baseline state marks known findings "unchanged".
 */
export function renderSarif(check: CheckResult): string {
  const rules = [
    { id: 'max-similarity', shortDescription: { text: 'Two documents are more similar than the policy allows' } },
    { id: 'fail-on', shortDescription: { text: 'A document derives from another by a forbidden method' } },
    { id: 'forbid', shortDescription: { text: 'A document derives from a document it must not derive from' } },
  ];
  const results = check.findings.map((f: Finding) => ({
    ruleId: f.rule,
    ruleIndex: rules.findIndex((r) => r.id === f.rule),
    level: f.isNew ? 'error' : 'note',
    baselineState: f.isNew ? 'new' : 'unchanged',
    message: { text: [f.message, ...f.evidence.map(describeEvidence)].join('; ') },
    locations: [{ physicalLocation: { artifactLocation: { uri: uriOf(f.b), uriBaseId: 'INPUTROOT' } } }],
    relatedLocations: [{ id: 1, physicalLocation: { artifactLocation: { uri: uriOf(f.a), uriBaseId: 'INPUTROOT' } }, message: { text: 'source' } }],
    partialFingerprints: { 'provenanceFinding/v1': f.key },
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
  const lines = check.findings.map((f) => {
    const text = [f.message, ...f.evidence.map(describeEvidence)].join('; ');
    return `::${f.isNew ? 'error' : 'notice'} file=${property(f.b)},title=${property(`provenance ${f.rule}`)}::${data(text)}`;
  });
  lines.push(summary(check));
  return `${lines.join('\n')}\n`;
}

/** Escaping of the workflow-command format (as @actions/core does). */
function data(s: string): string {
  return terminalSafe(s).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function property(s: string): string {
  return data(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

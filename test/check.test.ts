import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import Ajv from 'ajv-draft-04';
import { createRequire } from 'node:module';
import { FIXTURES, SEED } from './helpers.js';
import { checkPolicy, parseForbid } from '../src/check.js';
import type { CompareResult } from '../src/compare.js';

const BIN = path.resolve(import.meta.dirname, '..', 'bin', 'provenance.js');
const SEEDS = path.join(FIXTURES, 'seeds');

function run(...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args, '--no-wordnet'], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The SARIF 2.1.0 schema (draft-04), as Microsoft's SARIF matchers ship it. */
const validateSarif = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false }).compile(
  JSON.parse(readFileSync(createRequire(import.meta.url).resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8')),
);

function expectValidSarif(text: string): void {
  const valid = validateSarif(JSON.parse(text));
  expect(validateSarif.errors ?? []).toEqual([]);
  expect(valid).toBe(true);
}

function copyOfSeeds(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'provenance-check-'));
  cpSync(SEEDS, dir, { recursive: true });
  return dir;
}

describe('provenance check: exit codes per rule', () => {
  it.each([
    [['--fail-on', 'spin'], 1, /FAIL fail-on: 003_3802a0d075d83baa\.txt <- hidden:1: spin/],
    [['--fail-on', 'copy,truncation'], 0, /check passed: no findings/],
    [['--max-similarity', '0.95'], 1, /FAIL max-similarity: 002_1731757b534b56d6\.txt <- 000_f65c61f54482101f\.txt: 0\.97/],
    [['--max-similarity', '0.99'], 0, /check passed/],
    [['--forbid', '004*:00[0-3]*'], 0, /check passed/],
    [['--fail-on', 'spin', '--min-confidence', '0.99'], 0, /check passed/],
  ])('%j exits %i', (args, code, message) => {
    const r = run('check', SEEDS, ...args);
    expect(r.code).toBe(code);
    expect(r.stdout).toMatch(message);
  });

  it('fails a forbidden derivation between observed documents', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'provenance-check-'));
    const text = readFileSync(path.join(SEEDS, SEED.mt), 'utf8');
    writeFileSync(path.join(dir, 'wire.txt'), text);
    writeFileSync(path.join(dir, 'ours.txt'), text.split('\n').slice(0, -4).join('\n'));
    const r = run('check', dir, '--forbid', 'wire*:ours*', '--min-confidence', '0');
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/FAIL forbid: ours\.txt <- wire\.txt: derives from wire\.txt \(truncation/);
  });

  it('fails a forbidden second source too', () => {
    const result: CompareResult = {
      schemaVersion: 1,
      stats: { pairing: 'all', comparedPairs: 3, relatedPairs: 2, boilerplateSentences: 0 },
      documents: [],
      pairs: [],
      derivations: [
        { target: 'ours.txt', source: 'draft.txt', method: 'edit', confidence: 0.8, evidence: [], alsoFrom: { source: 'wire.txt', confidence: 0.73, evidence: [] } },
        { target: 'draft.txt', source: null, method: 'original', confidence: 0.8, evidence: [] },
        { target: 'wire.txt', source: null, method: 'original', confidence: 0.73, evidence: [] },
      ],
    };
    const findings = checkPolicy(result, { forbid: [parseForbid('wire*:ours*')] }).findings;
    expect(findings.map((f) => [f.rule, f.a, f.b, f.message])).toEqual([
      ['forbid', 'wire.txt', 'ours.txt', 'takes passages from wire.txt (second source, confidence 0.73), forbidden by wire*:ours*'],
    ]);
  });

  it('exits 2 on a bad rule, an unknown method, an unknown config key, or no rule at all', () => {
    expect(run('check', SEEDS, '--max-similarity', '1.5').code).toBe(2);
    const unknownMethod = run('check', SEEDS, '--fail-on', 'plagiarism');
    expect(unknownMethod.code).toBe(2);
    expect(unknownMethod.stderr).toMatch(/unknown method "plagiarism"/);
    const none = run('check', SEEDS);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/no rule to check/);
    const dir = copyOfSeeds();
    writeFileSync(path.join(dir, 'provenance.config.json'), JSON.stringify({ failOn: ['spin'], maxSimilarty: 0.5 }));
    const typo = run('check', dir);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toMatch(/provenance\.config\.json: unknown key "maxSimilarty"/);
  });

  it('reads rules from provenance.config.json in the folder', () => {
    const dir = copyOfSeeds();
    writeFileSync(path.join(dir, 'provenance.config.json'), JSON.stringify({ failOn: ['spin'], minConfidence: 0.5 }));
    const r = run('check', dir);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/spin of hidden:1/);
  });

  it('writes the full report to --output even when the check fails', () => {
    const out = path.join(mkdtempSync(path.join(tmpdir(), 'provenance-out-')), 'report.json');
    const r = run('check', SEEDS, '--fail-on', 'spin', '--format', 'json', '--output', out);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    const report = JSON.parse(readFileSync(out, 'utf8')) as { passed: boolean; findings: Array<{ rule: string; b: string }> };
    expect(report.passed).toBe(false);
    expect(report.findings).toHaveLength(1);
  });
});

describe('baselines', () => {
  it('round trip: update, then pass; add a spun copy, then fail naming only the new finding', () => {
    // The seed story plus an original and an edited copy of it (a generated family).
    const dir = copyOfSeeds();
    const star = path.join(FIXTURES, 'generated', 'star-1');
    cpSync(path.join(star, 'original.txt'), path.join(dir, 'star-original.txt'));
    cpSync(path.join(star, 'b.txt'), path.join(dir, 'star-b.txt'));
    const baseline = path.join(mkdtempSync(path.join(tmpdir(), 'provenance-base-')), 'baseline.json');
    const rules = ['--fail-on', 'spin,machine-translation,copy,edit', '--min-confidence', '0.5', '--baseline', baseline];
    expect(run('check', dir, ...rules).code).toBe(2);
    expect(run('check', dir, ...rules, '--update-baseline').code).toBe(0);
    const written = JSON.parse(readFileSync(baseline, 'utf8')) as { version: number; findings: string[] };
    expect(written.findings).toEqual([...written.findings].sort());
    expect(written.findings.length).toBeGreaterThanOrEqual(4);
    expect(run('check', dir, ...rules).code).toBe(0);

    cpSync(path.join(star, 'c.txt'), path.join(dir, 'star-c.txt'));
    const r = run('check', dir, ...rules, '--format', 'json');
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as { findings: Array<{ isNew: boolean; a: string; b: string }> };
    const fresh = report.findings.filter((f) => f.isNew);
    expect(fresh).toHaveLength(1);
    expect([fresh[0]?.a, fresh[0]?.b].sort()).toEqual(['star-c.txt', 'star-original.txt']);
  });
});

describe('report formats', () => {
  it('SARIF 2.1.0, valid against the schema, one result per finding, both files as locations', () => {
    const r = run('check', SEEDS, '--fail-on', 'spin,machine-translation', '--format', 'sarif');
    expectValidSarif(r.stdout);
    const log = JSON.parse(r.stdout) as {
      version: string;
      runs: Array<{ tool: { driver: { name: string; rules: Array<{ id: string }> } }; results: Array<Record<string, unknown>> }>;
    };
    expect(log.version).toBe('2.1.0');
    const run0 = log.runs[0]!;
    expect(run0.tool.driver.name).toBe('provenance');
    expect(run0.results).toHaveLength(3);
    for (const result of run0.results) {
      expect(run0.tool.driver.rules.map((x) => x.id)).toContain(result.ruleId);
      expect(result).toMatchObject({ level: 'error', message: { text: expect.any(String) } });
      expect((result.locations as unknown[]).length).toBe(1);
      expect((result.relatedLocations as unknown[]).length).toBe(1);
    }
  });

  it('SARIF and GitHub notices for compare: one per derived document', () => {
    const sarif = run('compare', SEEDS, '--format', 'sarif');
    expectValidSarif(sarif.stdout);
    const results = (JSON.parse(sarif.stdout) as { runs: Array<{ results: Array<{ ruleId: string; locations: unknown[] }> }> }).runs[0]!.results;
    expect(results.map((x) => x.ruleId)).toEqual(['machine-translation', 'paraphrase', 'machine-translation', 'spin']);
    const gh = run('compare', SEEDS, '--format', 'github').stdout.trim().split('\n');
    expect(gh).toHaveLength(4);
    expect(gh[3]).toMatch(/^::notice file=003_3802a0d075d83baa\.txt,title=provenance spin::spin of hidden:1/);
  });

  it('a report that breaks the SARIF schema is caught', () => {
    const r = run('check', SEEDS, '--fail-on', 'spin', '--format', 'sarif');
    const log = JSON.parse(r.stdout) as { runs: Array<{ results: Array<Record<string, unknown>> }> };
    log.runs[0]!.results[0]!.level = 'fatal';
    expect(validateSarif(log)).toBe(false);
  });

  it('GitHub annotations and Markdown', () => {
    const gh = run('check', SEEDS, '--fail-on', 'spin', '--format', 'github');
    expect(gh.stdout).toMatch(/^::error file=003_3802a0d075d83baa\.txt,title=provenance fail-on::spin of hidden%3A1|^::error file=003_3802a0d075d83baa\.txt,title=provenance fail-on::spin of hidden:1/m);
    const mdReport = run('check', SEEDS, '--fail-on', 'spin', '--format', 'markdown');
    expect(mdReport.stdout).toMatch(/^\| new \| fail-on \| 003\\_3802a0d075d83baa\.txt \|/m);
    const compareMd = run('compare', SEEDS, '--format', 'markdown');
    expect(compareMd.stdout.split('\n').filter((l) => l.startsWith('| 00'))).toHaveLength(5);
  });
});

describe('provenance graph', () => {
  it('DOT: every document a node, the lost source dashed, one labelled edge per derivation', () => {
    const dot = run('graph', SEEDS).stdout;
    expect(dot.startsWith('digraph provenance {')).toBe(true);
    const edges = [...dot.matchAll(/^ {2}"([^"]+)" -> "([^"]+)" \[label="([^"]+)"\];$/gm)].map((m) => [m[1], m[2], m[3]]);
    expect(edges).toEqual([
      ['hidden:1', SEED.mt, 'machine-translation 0.90'],
      ['hidden:1', SEED.paraphrase, 'paraphrase 0.83'],
      ['hidden:1', SEED.fluentMt, 'machine-translation 0.95'],
      ['hidden:1', SEED.spin, 'spin 0.93'],
    ]);
    expect(dot).toMatch(/"hidden:1" \[style=dashed/);
    expect(dot).toContain(`"${SEED.independent}";`);
  });

  it('Mermaid and GraphML', () => {
    expect(run('graph', SEEDS, '--format', 'mermaid').stdout).toMatch(/n5 -->\|"spin 0.93"\| n3/);
    const xml = run('graph', SEEDS, '--format', 'graphml').stdout;
    expect(xml.match(/<node /g)).toHaveLength(6);
    expect(xml.match(/<edge /g)).toHaveLength(4);
  });
});

describe('provenance align', () => {
  it('shows the pair side by side with word changes marked', () => {
    const r = run('align', path.join(SEEDS, SEED.mt), path.join(SEEDS, SEED.spin));
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^A: 000_f65c61f54482101f\.txt/);
    expect(r.stdout).toMatch(/verdict: /);
    expect(r.stdout).toContain('court {+docket”+}');
    expect(r.stdout).toMatch(/only in A/);
    expect(r.stdout).not.toMatch(/\u001b\[/);
  });

  it('exits 2 on a missing file', () => {
    const r = run('align', path.join(SEEDS, SEED.mt), '/nonexistent.txt');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/nonexistent\.txt: no such file/);
  });
});

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES } from './helpers.js';

const BIN = path.resolve(import.meta.dirname, '..', 'bin', 'provenance.js');

function run(...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', maxBuffer: 1 << 28, env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('provenance compare (built binary)', () => {
  const seeds = path.join(FIXTURES, 'seeds');

  it('prints the JSON contract and nothing else on stdout', () => {
    const r = run('compare', seeds, '--json');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.schemaVersion).toBe(1);
    expect(json.documents).toHaveLength(5);
    expect(json.derivations.map((d: { source: string | null }) => d.source)).toEqual(['hidden:1', 'hidden:1', 'hidden:1', 'hidden:1', null]);
    expect(run('compare', seeds, '--format', 'json').stdout).toBe(r.stdout);
  });

  it("prints on the seeds what the README shows, and the graph's edges as the README lists them", () => {
    const readme = readFileSync(path.resolve(import.meta.dirname, '..', 'README.md'), 'utf8');
    const shown = /## What it prints on the seed story\n[\s\S]*?```\n([\s\S]*?)```/u.exec(readme)?.[1];
    expect(run('compare', seeds).stdout).toBe(shown);
    const graph = run('graph', seeds).stdout;
    for (const edge of readme.match(/^ {2}"hidden:1" -> .*$/gmu) ?? ['(none in the README)']) expect(graph).toContain(edge);
  });

  it('scores a benchmark with its files renamed (eval --rename), under the names the truth gives', () => {
    const named = JSON.parse(run('eval', path.join(FIXTURES, 'story'), '--family', 'antwerp', '--json').stdout);
    const r = run('eval', path.join(FIXTURES, 'story'), '--family', 'antwerp', '--rename', '7', '--json');
    expect(r.code).toBe(0);
    const renamed = JSON.parse(r.stdout);
    expect(renamed.overall.parent.total).toBe(6);
    expect(renamed.overall.parent).toEqual(named.overall.parent);
  });

  it('prints tables without colour codes under NO_COLOR', () => {
    const r = run('compare', seeds);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Derivations');
    expect(r.stdout).toMatch(/003_3802a0d075d83baa\.txt\s+│ hidden:1\s+│ spin/);
    expect(r.stdout).not.toMatch(/\u001b\[/);
  });

  it('prints the package version with --version and -V, and exits 0', () => {
    const { version } = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '..', 'package.json'), 'utf8')) as { version: string };
    for (const flag of ['--version', '-V']) expect(run(flag)).toMatchObject({ code: 0, stdout: `${version}\n` });
  });

  it('never writes into the input folder', () => {
    const before = readdirSync(seeds).map((f) => [f, statSync(path.join(seeds, f)).mtimeMs]);
    run('compare', seeds);
    expect(readdirSync(seeds).map((f) => [f, statSync(path.join(seeds, f)).mtimeMs])).toEqual(before);
  });

  it.each([
    [['compare', '/nonexistent/dir'], /^provenance: \/nonexistent\/dir: no such file or directory\n$/],
    [['compare', path.join(FIXTURES, 'seeds', '000_f65c61f54482101f.txt')], /not a directory\n$/],
    [['compare', seeds, '--format', 'xml'], /argument 'xml' is invalid/],
    [['compare', seeds, '--max-file-size', '-5'], /expected a positive whole number/],
  ])('exits 2 with one line for bad input %#', (args, message) => {
    const r = run(...args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
  });

  it('exits 2 when fewer than two text files remain, naming the skipped one', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'provenance-cli-'));
    writeFileSync(path.join(dir, 'only.txt'), 'One text.');
    writeFileSync(path.join(dir, 'evil\u001b[31m.bin'), Buffer.from([0, 1, 2]));
    const r = run('compare', dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('evil\\u{1b}[31m.bin: skipped, binary file');
    expect(r.stderr).toMatch(/needs at least two readable text files, found 1\n$/);
    expect(r.stderr).not.toContain('\u001b');
  });
});

describe('worker threads', () => {
  it('give byte-identical output to the single-threaded run, whatever their number', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'provenance-workers-'));
    const generated = path.join(FIXTURES, 'generated');
    for (const family of readdirSync(generated).filter((f) => statSync(path.join(generated, f)).isDirectory())) {
      for (const f of readdirSync(path.join(generated, family))) {
        writeFileSync(path.join(dir, `${family}-${f}`), readFileSync(path.join(generated, family, f)));
      }
    }
    const single = run('compare', dir, '--json', '--workers', '1');
    expect(single.code).toBe(0);
    const json = JSON.parse(single.stdout);
    expect(json.stats.pairing).toBe('index');
    expect(json.derivations.filter((d: { source: string | null }) => d.source?.startsWith('hidden:')).length).toBeGreaterThan(3);
    for (const workers of ['2', '3']) expect(run('compare', dir, '--json', '--workers', workers).stdout).toBe(single.stdout);
    expect(run('compare', dir, '--json', '--workers', 'many').stderr).toMatch(/--workers/);
  });
});

describe('a reader that closes the pipe early', () => {
  it('ends the run quietly, without a stack trace', () => {
    const seeds = path.join(FIXTURES, 'seeds');
    const r = spawnSync('bash', ['-c', `"${process.execPath}" "${BIN}" compare "${seeds}" --json --spans | head -c 20 >/dev/null; echo "status \${PIPESTATUS[0]}" >&2`], {
      encoding: 'utf8',
    });
    expect(r.stderr).toBe('status 0\n');
  });
});

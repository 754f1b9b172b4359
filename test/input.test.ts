import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { FIXTURES, SEED } from './helpers.js';

const BIN = path.resolve(import.meta.dirname, '..', 'bin', 'provenance.js');
const seedText = (name: string): string => readFileSync(path.join(FIXTURES, 'seeds', name), 'utf8');

function run(...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', maxBuffer: 1 << 30, env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function folder(files: Record<string, Buffer | string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'provenance-input-'));
  for (const [name, body] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), body);
  }
  return dir;
}

/** Two related texts every folder below contains, so the run itself succeeds. */
const pair = { 'a.txt': seedText(SEED.mt), 'b.txt': seedText(SEED.spin) };

function json(dir: string, ...args: string[]) {
  const r = run('compare', dir, '--json', '--no-wordnet', ...args);
  return { ...r, result: r.code === 0 ? (JSON.parse(r.stdout) as { skipped: Array<{ path: string; reason: string }>; documents: Array<{ id: string }> }) : undefined };
}

describe('bad input: whole-run failures exit 2 with one line', () => {
  it('empty folder', () => {
    const r = run('compare', folder({}));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/needs at least two readable text files, found 0\n$/);
  });

  it('unreadable folder', () => {
    if (process.getuid?.() === 0) return; // root reads everything; the permission case cannot be built
    const dir = folder(pair);
    chmodSync(dir, 0o000);
    const r = run('compare', dir);
    chmodSync(dir, 0o755);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/cannot be read \(EACCES\)\n$/);
  });
});

describe('bad input: per-file problems are skipped, named, and listed in the JSON', () => {
  it.each([
    ['empty.txt', '', 'empty file'],
    ['blank.txt', ' \n\t\n', 'empty file'],
    ['image.txt', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]), 'binary file (contains NUL bytes)'],
    ['nul-inside.txt', Buffer.concat([Buffer.from('Some words here. '), Buffer.from([0]), Buffer.from(' More words.')]), 'binary file (contains NUL bytes)'],
  ])('%s', (name, body, reason) => {
    const r = json(folder({ ...pair, [name]: body }));
    expect(r.code).toBe(0);
    expect(r.result?.skipped).toEqual([{ path: name, reason }]);
    expect(r.result?.documents.map((d) => d.id)).toEqual(['a.txt', 'b.txt']);
    expect(r.stderr).toContain(`provenance: warning: ${name}: skipped, ${reason}`);
  });

  it('a file over --max-file-size', () => {
    const r = json(folder({ ...pair, 'big.txt': 'word '.repeat(4000) }), '--max-file-size', '10000');
    expect(r.result?.skipped).toEqual([{ path: 'big.txt', reason: '20000 bytes is over the 10000-byte limit (--max-file-size)' }]);
  });

  it('a dangling symbolic link and a link loop under --recursive', () => {
    const dir = folder(pair);
    symlinkSync(path.join(dir, 'missing.txt'), path.join(dir, 'dangling.txt'));
    mkdirSync(path.join(dir, 'sub'));
    symlinkSync(dir, path.join(dir, 'sub', 'loop'));
    symlinkSync(path.join(dir, 'a.txt'), path.join(dir, 'sub', 'link-to-a.txt'));
    const r = json(dir, '--recursive');
    expect(r.code).toBe(0);
    expect(r.result?.skipped).toEqual([
      { path: 'dangling.txt', reason: 'dangling symbolic link' },
      { path: 'sub/loop', reason: 'symbolic link loop (folder already read)' },
    ]);
    expect(r.result?.documents.map((d) => d.id)).toEqual(['a.txt', 'b.txt', 'sub/link-to-a.txt']);
  });
});

describe('encodings', () => {
  it('reads UTF-16 LE/BE with BOM, cp1252 and latin-1 as the same text', () => {
    const text = seedText(SEED.mt);
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf-16le')]);
    const be = Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(text, 'utf-16be')]);
    const cp = iconv.encode(`${text}\n“Quoted” – café`, 'windows-1252');
    const r = json(folder({ 'le.txt': le, 'be.txt': be, 'cp.txt': cp, 'utf8.txt': text }));
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { derivations: Array<{ target: string; method: string }> };
    // Decoded, the four are one text (cp.txt with a line more): copies, never translations.
    for (const d of out.derivations) expect(['copy', 'original', 'typographic', 'truncation', 'edit']).toContain(d.method);
    expect(out.derivations.filter((d) => d.method === 'original')).toHaveLength(1);
  });

  it('decodes invalid UTF-8 as a legacy code page instead of failing', () => {
    const bad = Buffer.concat([Buffer.from(seedText(SEED.mt)), Buffer.from([0xc3, 0x28, 0xff])]);
    const r = json(folder({ 'bad.txt': bad, 'b.txt': seedText(SEED.spin) }));
    expect(r.code).toBe(0);
    expect(r.result?.skipped).toEqual([]);
  });
});

describe('hostile names and text', () => {
  it('escapes control and bidi characters in names and text on the terminal, and keeps JSON valid', () => {
    const evil = 'evil\u001b[2J\u202e\u0007 name\nline.txt';
    const dir = folder({ ...pair, [evil]: `${seedText(SEED.spin)}\u001b]0;title\u0007 \u202eoverride\u202c` });
    const table = run('compare', dir, '--no-wordnet');
    expect(table.code).toBe(0);
    expect(table.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f\u202a-\u202e]/u);
    const r = json(dir);
    expect(r.result?.documents.map((d) => d.id)).toContain(evil);
    expect(r.stdout).not.toMatch(/[\u007f-\u009f\u202a-\u202e]/u);
  });

  it('splits and shingles non-Latin scripts', () => {
    const ru = 'Суд рассмотрит дело в понедельник. Адвокаты обеих сторон готовы. Решение ожидается к концу недели.';
    const ja = '裁判所は月曜日に事件を審理する。両当事者の弁護士は準備ができている。判決は週末までに出る見込みだ。';
    const ar = 'ستنظر المحكمة في القضية يوم الاثنين. محامو الطرفين مستعدون. ومن المتوقع صدور الحكم بنهاية الأسبوع.';
    const el = 'Το δικαστήριο θα εξετάσει την υπόθεση τη Δευτέρα. Οι δικηγόροι είναι έτοιμοι.';
    const r = json(folder({ 'ru.txt': ru, 'ru-copy.txt': `${ru} Это всё.`, 'ja.txt': ja, 'ja-copy.txt': ja.slice(0, 40), 'ar.txt': ar, 'el.txt': el }));
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { documents: Array<{ id: string; sentences: number }>; derivations: Array<{ target: string; source: string | null }> };
    expect(out.documents.find((d) => d.id === 'ru.txt')?.sentences).toBe(3);
    expect(out.documents.find((d) => d.id === 'ar.txt')?.sentences).toBe(3);
    expect(out.documents.find((d) => d.id === 'ja.txt')?.sentences).toBe(3);
    const sourceOf = (id: string): string | null | undefined => out.derivations.find((d) => d.target === id)?.source;
    expect(sourceOf('ru-copy.txt') === 'ru.txt' || sourceOf('ru.txt') === 'ru-copy.txt').toBe(true);
    expect(sourceOf('ja-copy.txt') === 'ja.txt' || sourceOf('ja.txt') === 'ja-copy.txt').toBe(true);
    expect(sourceOf('el.txt')).toBeNull();
  });
});

describe('large and repetitive input', () => {
  it('a 20 MB file with no newline and no punctuation is analysed, not hung on', () => {
    const words = seedText(SEED.mt).replace(/[^\p{L}\s]/gu, '').split(/\s+/);
    const parts: string[] = [];
    let size = 0;
    for (let i = 0; size < 20e6; i++) {
      const w = words[(i * 7919) % words.length] as string;
      parts.push(w);
      size += w.length + 1;
    }
    const dir = folder({ 'huge.txt': parts.join(' '), ...pair });
    const r = json(dir, '--max-file-size', String(32 * 1024 * 1024));
    expect(r.code).toBe(0);
    expect(r.result?.documents).toHaveLength(3);
  }, 120_000);

  it('2,000 identical files', () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 2000; i++) files[`copy-${String(i).padStart(4, '0')}.txt`] = seedText(SEED.spin);
    const r = run('compare', folder(files), '--format', 'jsonl', '--no-wordnet');
    expect(r.code).toBe(0);
    const header = JSON.parse(r.stdout.split('\n')[0] as string) as { documents: number };
    expect(header.documents).toBe(2000);
  }, 120_000);
});

describe('nothing lost or changed', () => {
  it('leaves the input tree byte- and time-identical, and --output refuses to write inside it', () => {
    const dir = folder({ ...pair, 'sub/c.txt': seedText(SEED.paraphrase) });
    const snapshot = (): string[] =>
      ['a.txt', 'b.txt', 'sub/c.txt'].map((f) => {
        const full = path.join(dir, f);
        return `${f} ${createHash('sha256').update(readFileSync(full)).digest('hex')} ${statSync(full).mtimeMs}`;
      });
    const before = snapshot();
    const entries = readdirSync(dir).sort();
    run('compare', dir, '-r', '--no-wordnet');
    run('compare', dir, '-r', '--json', '--no-wordnet');
    const inside = run('compare', dir, '--no-wordnet', '--output', path.join(dir, 'report.txt'));
    expect(inside.code).toBe(2);
    expect(inside.stderr).toMatch(/--output must not be inside the input folder/);
    const outDir = mkdtempSync(path.join(tmpdir(), 'provenance-out-'));
    const ok = run('compare', dir, '--json', '--no-wordnet', '--output', path.join(outDir, 'r.json'));
    expect(ok.code).toBe(0);
    expect(ok.stdout).toBe('');
    expect(JSON.parse(readFileSync(path.join(outDir, 'r.json'), 'utf8')).documents).toHaveLength(2);
    expect(readdirSync(outDir)).toEqual(['r.json']);
    expect(snapshot()).toEqual(before);
    expect(readdirSync(dir).sort()).toEqual(entries);
  });

  it('gives byte-identical output whatever order the files were created in', () => {
    const names = ['x.txt', 'a.txt', 'm.txt'];
    const texts = [seedText(SEED.mt), seedText(SEED.spin), seedText(SEED.paraphrase)];
    const one = folder(Object.fromEntries(names.map((n, i) => [n, texts[i] as string])));
    const two = folder(Object.fromEntries([...names].reverse().map((n) => [n, texts[names.indexOf(n)] as string])));
    expect(run('compare', one, '--json', '--no-wordnet').stdout).toBe(run('compare', two, '--json', '--no-wordnet').stdout);
  });
});

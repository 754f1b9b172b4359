import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { InputError } from '../src/errors.js';
import { decode, loadFolder } from '../src/load.js';

function folder(files: Record<string, Buffer | string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'provenance-load-'));
  for (const [name, body] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), body);
  }
  return dir;
}

describe('decode', () => {
  it('strips a UTF-8 BOM and reads UTF-16 with a BOM', () => {
    expect(decode(Buffer.from('\uFEFFcourt', 'utf8'))).toEqual({ kind: 'text', text: 'court', encoding: 'utf-8' });
    expect(decode(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Micheál', 'utf16le')]))).toMatchObject({ text: 'Micheál' });
  });

  it('reads cp1252 curly quotes that TextDecoder would turn into C1 controls', () => {
    const bytes = iconv.encode('“Micheál” said – no', 'windows-1252');
    expect(decode(bytes)).toMatchObject({ kind: 'text', text: '“Micheál” said – no' });
  });

  it('calls a file with NUL bytes binary', () => {
    expect(decode(Buffer.from([0x41, 0x00, 0x42]))).toEqual({ kind: 'binary' });
  });
});

describe('loadFolder', () => {
  it('reads files sorted by id, skips binary and empty files with a warning', async () => {
    const dir = folder({ 'b.txt': 'bee', 'a.txt': 'ay', 'z.bin': Buffer.from([1, 0, 2]), 'empty.txt': '  \n' });
    const { files, skipped } = await loadFolder(dir);
    expect(files.map((f) => f.id)).toEqual(['a.txt', 'b.txt']);
    expect(skipped).toEqual([
      { path: 'empty.txt', reason: 'empty file' },
      { path: 'z.bin', reason: 'binary file (contains NUL bytes)' },
    ]);
  });

  it('keeps each text with its file and the files in id order when many are read at once', async () => {
    const bodies: Record<string, string> = {};
    for (let n = 99; n >= 0; n--) bodies[`f${String(n).padStart(3, '0')}.txt`] = n % 10 === 3 ? '' : `text number ${n}`;
    const { files, skipped } = await loadFolder(folder(bodies));
    expect(files.map((f) => f.id)).toEqual(Object.keys(bodies).filter((id) => bodies[id] !== '').sort());
    for (const f of files) expect(f.text).toBe(bodies[f.id]);
    expect(skipped.map((k) => k.path)).toEqual(['f003.txt', 'f013.txt', 'f023.txt', 'f033.txt', 'f043.txt', 'f053.txt', 'f063.txt', 'f073.txt', 'f083.txt', 'f093.txt']);
  });

  it('descends with recursive and filters with include/exclude globs', async () => {
    const dir = folder({ 'top.txt': 'one', 'sub/deep.txt': 'two', 'sub/skip.md': 'three' });
    expect((await loadFolder(dir)).files.map((f) => f.id)).toEqual(['top.txt']);
    const { files } = await loadFolder(dir, { recursive: true, include: ['**/*.txt'], exclude: ['top.*'] });
    expect(files.map((f) => f.id)).toEqual(['sub/deep.txt']);
  });

  it('skips files over the size limit', async () => {
    const dir = folder({ 'big.txt': 'x'.repeat(100), 'small.txt': 'y' });
    const { files, skipped } = await loadFolder(dir, { maxBytes: 10 });
    expect(files.map((f) => f.id)).toEqual(['small.txt']);
    expect(skipped).toEqual([{ path: 'big.txt', reason: '100 bytes is over the 10-byte limit (--max-file-size)' }]);
  });

  it('rejects a missing path and a file given as folder', async () => {
    await expect(loadFolder('/nonexistent/provenance')).rejects.toThrow(new InputError('/nonexistent/provenance: no such file or directory'));
    const dir = folder({ 'a.txt': 'x' });
    await expect(loadFolder(path.join(dir, 'a.txt'))).rejects.toThrow(/a\.txt: not a directory$/);
  });
});

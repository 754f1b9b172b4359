import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { compare } from '../src/compare.js';
import { renderHtml } from '../src/report/html.js';
import { MATRIX_MAX_DOCUMENTS } from '../src/report/table.js';
import { FIXTURES, readFixture, SEED } from './helpers.js';

const BIN = path.resolve(import.meta.dirname, '..', 'bin', 'provenance.js');
const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.warn(`html.test: ${CHROMIUM} not found, the browser test is skipped (apt-get install chromium; .ci/run does)`);

describe('compare --format html', () => {
  const out = path.join(mkdtempSync(path.join(tmpdir(), 'provenance-html-')), 'report.html');
  const r = spawnSync(process.execPath, [BIN, 'compare', path.join(FIXTURES, 'seeds'), '--format', 'html', '--output', out], { encoding: 'utf8' });

  it('writes one self-contained file: no script, no external asset', () => {
    expect(r.status).toBe(0);
    const html = readFileSync(out, 'utf8');
    expect(html).not.toMatch(/<script|<link |src="http|url\(http|@import/i);
  });

  it.skipIf(!hasChromium)('renders in Chromium with the five documents, the graph, and 003’s "court docket" highlighted', async () => {
    const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox'] });
    try {
      const page = await browser.newPage();
      const requests: string[] = [];
      page.on('request', (req) => requests.push(req.url()));
      await page.goto(pathToFileURL(out).href);
      const table = await page.locator('h2:has-text("Derivations") + table').innerText();
      for (const id of Object.values(SEED)) expect(table).toContain(id);
      expect(await page.locator('svg rect').count()).toBe(6);
      expect(await page.locator('svg').innerHTML()).toContain('hidden:1 (lost source)');
      const spin = page.locator(`section#d-${SEED.spin.replace('.', '_46')}`);
      const marked = await spin.locator('mark').allInnerTexts();
      expect(marked).toContain('court docket');
      const background = await spin.locator('mark', { hasText: 'court docket' }).first().evaluate((el) => getComputedStyle(el).backgroundColor);
      expect(background).not.toBe('rgba(0, 0, 0, 0)');
      expect(await spin.locator('ins').count()).toBeGreaterThan(10);
      expect(requests.every((u) => u.startsWith('file:'))).toBe(true);
    } finally {
      await browser.close();
    }
  }, 60_000);
});

describe('the HTML report of a large folder', () => {
  // 78 texts of 21 generated families, ids prefixed by family: more than a heat map is drawn for.
  const families = ['chain-1', 'star-1', 'tree-1', 'unrelated-1', 'unrelated-2', 'lost-1', 'independent-1', 'star-2', 'chain-2'];
  const inputs = families.flatMap((f) => readFixture(path.join('generated', f)).map((d) => ({ ...d, id: `${f}-${d.id}` })));
  const result = compare(inputs, { spans: true });
  const html = renderHtml(result, new Map(inputs.map((d) => [d.id, d.text])));

  it('leaves out the heat map, which has a cell per pair of documents (the mail bench ran out of memory), and lists only families', () => {
    expect(inputs.length).toBeGreaterThan(MATRIX_MAX_DOCUMENTS);
    expect(html).not.toContain('class="heat"');
    expect(html).toContain(`The heat map is drawn for ${MATRIX_MAX_DOCUMENTS} documents at most`);
    const listed = html.slice(html.indexOf('<h2>Derivations</h2>'), html.indexOf('<h2>Similarity</h2>'));
    expect(listed).toContain('star-1-original.txt');
    expect(listed).not.toContain('unrelated-1-text1.txt');
  });
});

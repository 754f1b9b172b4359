import { Chalk } from 'chalk';
import Table from 'cli-table3';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderGrid, type GridOptions } from '../src/report/grid.js';

/** cli-table3, the package renderGrid stands in for, with the options renderGrid takes. */
function oracle(rows: ReadonlyArray<readonly string[]>, options: GridOptions): string {
  const table = new Table({
    head: [...options.head],
    style: { head: [], border: [] },
    ...(options.widths ? { colWidths: options.widths.map((w) => w ?? null) as unknown as number[] } : {}),
    ...(options.wordWrap ? { wordWrap: true } : {}),
  });
  for (const row of rows) table.push([...row]);
  return table.toString();
}

const chalk = new Chalk({ level: 1 });

describe('renderGrid draws what cli-table3 draws', () => {
  it('on cells of several lines, colours, wide characters, accents and words wider than their column', () => {
    const head = ['document', 'derived from', 'confidence', 'evidence'];
    const rows = [
      ['001.txt', chalk.yellow('hidden:1'), `${chalk.red('0.55')}\n${chalk.dim('direction')}\n${chalk.dim('unsure')}`, '"court" -> "court docket"\n"the ball is in their court" -> "the ball is in their court docket" (synonym)'],
      ['記事の写し.txt', '(original)', chalk.green('0.99'), 'drops 3 passage(s), e.g. "Le président a déclaré à la presse…"'],
      ['mail.txt', 'b.txt', '0.61', `quotes 1 passage(s) as a reply does, e.g. "${'x'.repeat(90)}" and more`],
      ['', '', '', ''],
      ['emoji 🎉.txt', 'ünïcödé.txt', '0.50', 'spells "Zelensky" also as "Zelenskyy" 🇺🇦 — ok'],
    ];
    for (const options of [{ head }, { head, widths: [undefined, undefined, undefined, 40], wordWrap: true }, { head, widths: [12, undefined, 8, 30] }]) {
      expect(renderGrid(rows, options)).toBe(oracle(rows, options));
    }
  });

  it('on random cells', () => {
    const word = fc.constantFrom('a', 'court', 'docket', 'déclaré', '記事', 'x'.repeat(70), '"q"', '…', '-', '');
    const cell = fc.array(fc.tuple(word, fc.constantFrom(' ', '  ', '\n', ' \n ')), { maxLength: 12 }).map((parts) => parts.map(([w, s]) => w + s).join(''));
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 3, maxLength: 3 }), { maxLength: 5 }), fc.integer({ min: 5, max: 40 }), (rows, width) => {
        const options = { head: ['a', 'b', 'c'], widths: [undefined, undefined, width], wordWrap: true };
        return renderGrid(rows, options) === oracle(rows, options);
      }),
      { numRuns: 300, seed: 24 },
    );
  });
});

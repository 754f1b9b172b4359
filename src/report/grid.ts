import stringWidth from 'string-width';

/**
 * Box-drawn tables, byte for byte as cli-table3 draws them with the options this project uses
 * (no header or border colours, one space of padding, columns as wide as their widest cell or
 * fixed and word-wrapped). cli-table3 measures every line several times with string-width,
 * which strips ANSI codes with a pattern it compiles on each call and replaces emoji with a
 * regular expression of thousands of alternatives: the derivation table of the 6,124-file mail
 * bench (4,000 rows) took 25 s to draw, as long as the analysis. Here a line is measured once,
 * and a line of printable ASCII, nearly every line, by its length. cli-table3 stays the test
 * oracle (test/grid.test.ts).
 */
export interface GridOptions {
  readonly head: readonly string[];
  /** A column's width (padding included), or undefined for as wide as its widest cell. */
  readonly widths?: ReadonlyArray<number | undefined>;
  /** Fixed-width columns wrap their cells at word boundaries (cli-table3's `wordWrap`). */
  readonly wordWrap?: boolean;
}

const PADDING = 1;
const ELLIPSIS = '…';
/** The only control sequences a cell holds: chalk's colours (terminalSafe cleans the input's). */
const COLOUR = /\u001b\[(?:\d*;){0,5}\d*m/gu;
const PRINTABLE_ASCII = /^[\u0020-\u007e]*$/u;

/** Columns one line takes on a terminal (string-width's measure). */
function lineWidth(line: string): number {
  const plain = line.includes('\u001b') ? line.replace(COLOUR, '') : line;
  return PRINTABLE_ASCII.test(plain) ? plain.length : stringWidth(plain);
}

/** Columns a cell takes: its widest line. */
function textWidth(text: string): number {
  let widest = 0;
  for (const line of text.split('\n')) widest = Math.max(widest, lineWidth(line));
  return widest;
}

/** Greedy word wrap, whitespace kept between words; a word wider than the column gets a line of its own. */
function wrap(width: number, text: string): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    const parts = paragraph.split(/(\s+)/u);
    let line: string[] = [];
    let length = 0;
    let space: string | undefined;
    for (let i = 0; i < parts.length; i += 2) {
      const word = parts[i] as string;
      let next = length + lineWidth(word);
      if (length > 0 && space) next += space.length;
      if (next > width) {
        if (length !== 0) lines.push(line.join(''));
        line = [word];
        length = lineWidth(word);
      } else {
        line.push(space ?? '', word);
        length = next;
      }
      space = parts[i + 1];
    }
    if (length) lines.push(line.join(''));
  }
  return lines;
}

/**
 * A line cut to `width` columns with an ellipsis. Only wrapped (fixed-width) columns are ever too
 * narrow for a line, and the tables put no colour there.
 */
function truncate(line: string, width: number): string {
  if (lineWidth(line) <= width) return line;
  let cut = line;
  if (cut.length === lineWidth(cut)) cut = cut.slice(0, width - 1);
  else while (lineWidth(cut) > width - 1) cut = cut.slice(0, -1);
  return cut + ELLIPSIS;
}

export function renderGrid(rows: ReadonlyArray<readonly string[]>, options: GridOptions): string {
  const table = [options.head, ...rows];
  const fixed = options.widths ?? [];
  const columns = table.reduce((n, row) => Math.max(n, row.length), 0);
  const widths: number[] = [];
  for (let x = 0; x < columns; x++) {
    const given = fixed[x];
    widths[x] = Math.max(1, given ?? table.reduce((w, row) => Math.max(w, textWidth(row[x] ?? '') + 2 * PADDING), 0));
  }
  const lines = table.map((row) =>
    widths.map((w, x) => {
      const content = row[x] ?? '';
      return fixed[x] !== undefined && options.wordWrap ? wrap(w - 2 * PADDING, content) : content.split('\n');
    }),
  );
  const rule = (left: string, middle: string, right: string): string => left + widths.map((w) => '─'.repeat(w)).join(middle) + right;
  const out: string[] = [];
  lines.forEach((row, y) => {
    out.push(y === 0 ? rule('┌', '┬', '┐') : rule('├', '┼', '┤'));
    const height = Math.max(1, ...row.map((cell) => cell.length));
    for (let n = 0; n < height; n++) {
      const cells = row.map((cell, x) => {
        const inner = (widths[x] as number) - 2 * PADDING;
        const line = cell[n];
        if (line === undefined) return ' '.repeat(inner + 2 * PADDING);
        const shown = truncate(line, inner);
        return ' '.repeat(PADDING) + shown + ' '.repeat(Math.max(0, inner - lineWidth(shown))) + ' '.repeat(PADDING);
      });
      out.push(`│${cells.join('│')}│`);
    }
  });
  out.push(rule('└', '┴', '┘'));
  return out.join('\n');
}

import { Chalk, type ChalkInstance } from 'chalk';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { readFile, realpath, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ALL_PAIRS_UP_TO, compare, type Stage } from './compare.js';
import { InputError } from './errors.js';
import { scoreFamily, summarize } from './evaluate.js';
import { type Lexicon } from './lexicon.js';
import { renderEvalJson, renderEvalTable } from './report/eval.js';
import { parseTruth, type BenchmarkTruth } from './truth.js';
import { DEFAULT_MAX_BYTES, loadFolder } from './load.js';
import { basicLexicon } from './lexicon.js';
import { renderJson } from './report/json.js';
import { renderJsonl } from './report/jsonl.js';
import { terminalSafe } from './report/sanitize.js';
import { renderTable } from './report/table.js';
import { loadWordNetLexicon } from './wordnet.js';

/** Exit codes: 0 success, 1 policy findings (reserved for `check`), 2 usage or input error. */
export const EXIT_USAGE = 2;

interface CompareFlags {
  json?: boolean;
  quiet?: boolean;
  format: 'table' | 'json' | 'jsonl';
  recursive?: boolean;
  include?: string[];
  exclude?: string[];
  spans?: boolean;
  maxFileSize: number;
  output?: string;
  wordnet: boolean;
  evidence: number;
  pairs: Pairing;
}

type Pairing = 'all' | 'index' | 'auto';

function pairsOption(): Option {
  return new Option('--pairs <mode>', `which pairs to align: all, index (candidates only), auto (all up to ${ALL_PAIRS_UP_TO} files)`)
    .choices(['all', 'index', 'auto'])
    .default('auto');
}

function buildProgram(write: (s: string) => void, warn: (s: string) => void): Command {
  const program = new Command('provenance')
    .description('Tells which version of a text was derived from which, with evidence.')
    .exitOverride()
    .configureOutput({ writeOut: write, writeErr: warn, outputError: (s, w) => w(s) });
  program
    .command('compare')
    .description('compare every file of <dir> and estimate which derives from which')
    .argument('<dir>', 'folder of text files, one version per file')
    .addOption(new Option('--format <format>', 'output format; jsonl: one line per family').choices(['table', 'json', 'jsonl']).default('table'))
    .option('--json', 'same as --format json')
    .option('-q, --quiet', 'no progress display')
    .option('-r, --recursive', 'descend into sub-folders')
    .option('--include <glob...>', 'only files whose relative path matches')
    .option('--exclude <glob...>', 'skip files whose relative path matches')
    .option('--spans', 'include sentence offsets of each document in the JSON')
    .option('--max-file-size <bytes>', 'skip files larger than this, with a warning', positiveInteger, DEFAULT_MAX_BYTES)
    .option('-o, --output <file>', 'write the report to this file (atomically) instead of stdout')
    .option('--evidence <n>', 'evidence lines per derivation in the table', positiveInteger, 3)
    .option('--no-wordnet', 'do not load WordNet (faster; no synonym or word-frequency evidence)')
    .addOption(pairsOption())
    .action(async (dir: string, flags: CompareFlags) => {
      const loaded = await loadFolder(dir, {
        recursive: flags.recursive ?? false,
        include: flags.include ?? [],
        exclude: flags.exclude ?? [],
        maxBytes: flags.maxFileSize,
      });
      for (const k of loaded.skipped) warn(`provenance: warning: ${terminalSafe(k.path)}: skipped, ${terminalSafe(k.reason)}\n`);
      if (loaded.files.length < 2) {
        throw new InputError(`${dir}: needs at least two readable text files, found ${loaded.files.length}`);
      }
      const lexicon = await chooseLexicon(flags.wordnet);
      const format = flags.json === true ? 'json' : flags.format;
      const display = format === 'table' && !flags.quiet && process.stderr.isTTY ? progressLine(warn) : undefined;
      const result = compare(loaded.files, { lexicon, spans: flags.spans ?? false, pairs: flags.pairs, progress: display?.update });
      display?.done();
      const report =
        format === 'json'
          ? renderJson(result, loaded.skipped)
          : format === 'jsonl'
            ? renderJsonl(result, loaded.skipped)
            : renderTable(result, { chalk: flags.output ? new Chalk({ level: 0 }) : colours(), evidence: flags.evidence });
      if (flags.output) await writeOutput(flags.output, report, dir);
      else write(report);
    });
  program
    .command('eval')
    .description('score the derivations on a benchmark with ground truth (truth.json and one folder per family)')
    .argument('<benchmark-dir>', 'folder holding truth.json and the family folders it names')
    .option('--truth <file>', 'truth file (default: <benchmark-dir>/truth.json)')
    .option('--family <name...>', 'only these families')
    .option('--json', 'scores as JSON')
    .option('--no-wordnet', 'do not load WordNet')
    .addOption(pairsOption())
    .action(async (dir: string, flags: EvalFlags) => {
      const truth = await readTruth(flags.truth ?? path.join(dir, 'truth.json'));
      const names = Object.keys(truth.families).sort();
      const unknown = (flags.family ?? []).filter((f) => !names.includes(f));
      if (unknown.length > 0) throw new InputError(`${dir}: no family named ${unknown.join(', ')} in the truth file`);
      const chosen = flags.family ? names.filter((n) => flags.family?.includes(n)) : names;
      const lexicon = await chooseLexicon(flags.wordnet);
      const scores = [];
      for (const name of chosen) {
        const loaded = await loadFolder(path.join(dir, name), { recursive: true });
        for (const k of loaded.skipped) warn(`provenance: warning: ${terminalSafe(name)}/${terminalSafe(k.path)}: skipped, ${terminalSafe(k.reason)}\n`);
        const result = compare(loaded.files, { lexicon, pairs: flags.pairs });
        scores.push(scoreFamily(name, truth.families[name] ?? { parents: {} }, result.derivations));
      }
      const summary = summarize(scores);
      write(flags.json ? renderEvalJson(summary) : renderEvalTable(summary, colours()));
    });
  return program;
}

interface EvalFlags {
  truth?: string;
  family?: string[];
  json?: boolean;
  wordnet: boolean;
  pairs: Pairing;
}

function chooseLexicon(wordnet: boolean): Promise<Lexicon> {
  return wordnet ? loadWordNetLexicon() : Promise.resolve(basicLexicon);
}

async function readTruth(file: string): Promise<BenchmarkTruth> {
  const text = await readFile(file, 'utf8').catch(() => {
    throw new InputError(`${file}: cannot read the truth file`);
  });
  try {
    return parseTruth(JSON.parse(text));
  } catch (error) {
    throw new InputError(`${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/**
 * Writes a report next to its destination and renames it into place, so a reader never sees half
 * a report; refuses a destination inside the input folder, which is never written to.
 */
async function writeOutput(file: string, text: string, inputDir: string): Promise<void> {
  const target = path.resolve(file);
  const input = await realpath(inputDir);
  const parent = await realpath(path.dirname(target)).catch(() => {
    throw new InputError(`${file}: the folder for --output does not exist`);
  });
  const resolved = path.join(parent, path.basename(target));
  if (resolved === input || resolved.startsWith(input + path.sep)) {
    throw new InputError(`${file}: --output must not be inside the input folder ${inputDir}`);
  }
  const temp = `${resolved}.${process.pid}.tmp`;
  try {
    await writeFile(temp, text, { flag: 'wx' });
    await rename(temp, resolved);
  } catch (error) {
    await rm(temp, { force: true });
    throw new InputError(`${file}: cannot write the report (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
}

/** One rewritten stderr line, at most ten updates a second; cleared when done. */
function progressLine(warn: (s: string) => void): { update: (stage: Stage, done: number, total: number) => void; done: () => void } {
  let last = 0;
  let shown = false;
  return {
    update(stage, done, total) {
      const now = Date.now();
      if (now - last < 100) return;
      last = now;
      shown = true;
      warn(`\r\u001b[K${stage} ${total > 1 ? `${done}/${total}` : '...'}`);
    },
    done() {
      if (shown) warn('\r\u001b[K');
    },
  };
}

function positiveInteger(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(n) || n <= 0) throw new InvalidArgumentError('expected a positive whole number');
  return n;
}

/** Colour only on a terminal; NO_COLOR (any non-empty value) wins, then FORCE_COLOR. */
function colours(): ChalkInstance {
  const env = process.env;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return new Chalk({ level: 0 });
  const force = env.FORCE_COLOR;
  if (force !== undefined) {
    if (force === '0' || force === 'false') return new Chalk({ level: 0 });
    const level = Number(force);
    return new Chalk({ level: level >= 1 && level <= 3 ? (level as 1 | 2 | 3) : 1 });
  }
  return new Chalk({ level: process.stdout.isTTY ? 1 : 0 });
}

/** Runs the CLI; sets process.exitCode rather than exiting, so pending output is flushed. */
export async function main(argv: readonly string[]): Promise<void> {
  const write = (s: string): void => void process.stdout.write(s);
  const warn = (s: string): void => void process.stderr.write(s);
  try {
    await buildProgram(write, warn).parseAsync([...argv]);
  } catch (error) {
    if (error instanceof InputError) {
      warn(`provenance: ${terminalSafe(error.message)}\n`);
      process.exitCode = error.exitCode;
    } else if (error instanceof CommanderError) {
      process.exitCode = error.exitCode === 0 ? 0 : EXIT_USAGE;
    } else {
      throw error;
    }
  }
}

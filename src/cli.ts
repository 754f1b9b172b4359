import { Chalk, type ChalkInstance } from 'chalk';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { readFileSync } from 'node:fs';
import { readFile, realpath, rename, rm, stat, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { ALL_PAIRS_UP_TO, compare, type Stage } from './compare.js';
import { InputError } from './errors.js';
import { compareInWorkers } from './parallel/pool.js';
import { renamedFiles, scoreFamily, summarize } from './evaluate.js';
import { type Lexicon } from './lexicon.js';
import { renderEvalJson, renderEvalTable } from './report/eval.js';
import { parseTruth, type BenchmarkTruth } from './truth.js';
import { checkPolicy, parseBaseline, parseForbid, parseMethods, parsePolicy, renderBaseline, type Policy } from './check.js';
import type { DocumentInput } from './document.js';
import { decode, DEFAULT_MAX_BYTES, loadFolder } from './load.js';
import { renderAlignment } from './report/align.js';
import {
  renderCheckJson,
  renderCheckMarkdown,
  renderCheckTable,
  renderCompareGithub,
  renderCompareMarkdown,
  renderCompareSarif,
  renderGithub,
  renderSarif,
} from './report/findings.js';
import { renderDot, renderGraphml, renderMermaid } from './report/graph.js';
import { renderHtml } from './report/html.js';
import { basicLexicon } from './lexicon.js';
import { renderJsonChunks } from './report/json.js';
import { renderJsonlLines } from './report/jsonl.js';
import { terminalSafe } from './report/sanitize.js';
import { renderTable } from './report/table.js';
import { loadWordNetLexicon } from './wordnet.js';

/** Exit codes: 0 success, 1 `check` found a new breach of a rule, 2 usage or input error. */
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;
/** A bug, not the input: kept apart from 1 so that CI never reads a crash as findings (EX_SOFTWARE). */
export const EXIT_INTERNAL = 70;

const EXAMPLES = {
  compare: `
Examples:
  $ provenance compare fixtures/seeds
  $ provenance compare articles/ -r --include '**/*.txt' --json > provenance.json
  $ provenance compare archive/ --format jsonl --quiet | jq 'select(.type == "family")'
  $ provenance compare fixtures/seeds --format html --output seeds-report.html`,
  check: `
Exit codes: 0 no new finding, 1 a rule is breached (the report is still written in full), 2 usage or input error.

Examples:
  $ provenance check articles/ --fail-on spin,machine-translation --min-confidence 0.8
  $ provenance check articles/ --max-similarity 0.9 --format sarif --output provenance.sarif
  $ provenance check docs/ --forbid 'vendor/**:src/**' --baseline .provenance-baseline.json
  $ provenance check docs/ --fail-on copy --baseline .provenance-baseline.json --update-baseline`,
  graph: `
Examples:
  $ provenance graph fixtures/seeds | dot -Tsvg > seeds.svg
  $ provenance graph fixtures/seeds --format mermaid`,
  align: `
Examples:
  $ provenance align fixtures/seeds/000_f65c61f54482101f.txt fixtures/seeds/003_3802a0d075d83baa.txt`,
} as const;

interface CheckFlags extends InputFlags {
  format: 'table' | 'json' | 'markdown' | 'sarif' | 'github';
  config?: string;
  maxSimilarity?: number;
  failOn?: string;
  minConfidence?: number;
  forbid?: string[];
  baseline?: string;
  updateBaseline?: boolean;
  output?: string;
}

interface GraphFlags extends InputFlags {
  format: 'dot' | 'mermaid' | 'graphml';
  output?: string;
}

interface CompareFlags extends InputFlags {
  json?: boolean;
  format: 'table' | 'json' | 'jsonl' | 'markdown' | 'html' | 'sarif' | 'github';
  output?: string;
  evidence: number;
}

type Pairing = 'all' | 'index' | 'auto';

function pairsOption(): Option {
  return new Option('--pairs <mode>', `which pairs to align: all, index (candidates only), auto (all up to ${ALL_PAIRS_UP_TO} files)`)
    .choices(['all', 'index', 'auto'])
    .default('auto');
}

/** The version in the package.json next to dist/ (or src/ when run from source). */
function packageVersion(): string {
  const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version?: unknown };
  return typeof manifest.version === 'string' ? manifest.version : 'unknown';
}

/** Writes to stdout; the promise, when there is one, settles once the pipe has room again. */
type Write = (s: string) => void | Promise<void>;

function buildProgram(write: Write, warn: (s: string) => void): Command {
  const program = new Command('provenance')
    .description('Tells which version of a text was derived from which, with evidence.')
    .version(packageVersion(), '-V, --version', 'print the version of provenance')
    .exitOverride()
    .configureOutput({ writeOut: write, writeErr: warn, outputError: (s, w) => w(s) })
    .addHelpText(
      'after',
      `
Examples:
  $ provenance compare fixtures/seeds                      which text was made from which, with evidence
  $ provenance check articles/ --fail-on spin              fail CI on spun copies
  $ provenance graph fixtures/seeds --format mermaid       the derivation graph
  $ provenance align a.txt b.txt                           two texts side by side, changes marked
  $ provenance eval ../shared/benchmarks/pan13             accuracy against ground truth

Run "provenance <command> --help" for a command's options and examples.`,
    );
  withInputOptions(
    program
      .command('compare')
      .description('compare every file of <dir> and estimate which derives from which')
      .argument('<dir>', 'folder of text files, one version per file')
      .addOption(
        new Option('--format <format>', 'output format; jsonl: one line per family; html: a self-contained report (use with --output)')
          .choices(['table', 'json', 'jsonl', 'markdown', 'html', 'sarif', 'github'])
          .default('table'),
      )
      .option('--json', 'same as --format json')
      .option('--spans', 'include sentence offsets of each document in the JSON')
      .option('-o, --output <file>', 'write the report to this file (atomically) instead of stdout')
      .option('--evidence <n>', 'evidence lines per derivation in the table', positiveInteger, 3),
  )
    .addHelpText('after', EXAMPLES.compare)
    .action(async (dir: string, flags: CompareFlags) => {
      const format = flags.json === true ? 'json' : flags.format;
      const { loaded, result } = await analyse(dir, { ...flags, spans: flags.spans === true || format === 'html' }, warn, format === 'table');
      const report = {
        html: () => renderHtml(result, new Map(loaded.files.map((f) => [f.id, f.text]))),
        json: () => renderJsonChunks(result, loaded.skipped),
        jsonl: () => renderJsonlLines(result, loaded.skipped),
        markdown: () => renderCompareMarkdown(result),
        sarif: () => renderCompareSarif(result),
        github: () => renderCompareGithub(result),
        table: () => renderTable(result, { chalk: flags.output ? new Chalk({ level: 0 }) : colours(), evidence: flags.evidence }),
      }[format]();
      await emit(report, flags.output, dir, write);
    });
  withInputOptions(
    program
      .command('check')
      .description('evaluate policy rules on <dir>; exit 0 pass, 1 a rule is breached, 2 usage or input error')
      .argument('<dir>', 'folder of text files')
      .addOption(new Option('--format <format>', 'report format').choices(['table', 'json', 'markdown', 'sarif', 'github']).default('table'))
      .option('--config <file>', 'policy file (default: provenance.config.json in <dir>, if present)')
      .option('--max-similarity <share>', 'fail when a pair has more than this share of sentences aligned (0..1)', share)
      .option('--fail-on <methods>', 'fail on derivations by these methods, e.g. spin,machine-translation,copy')
      .option('--min-confidence <share>', 'only derivations with at least this confidence count for --fail-on and --forbid (default 0.8)', share)
      .option('--forbid <rule...>', '<from-glob>:<to-glob>: no file matching to-glob may derive from one matching from-glob')
      .option('--baseline <file>', 'accepted findings: only findings not in it fail the check')
      .option('--update-baseline', 'write every current finding to the --baseline file, and pass')
      .option('-o, --output <file>', 'write the report to this file (atomically) instead of stdout'),
  )
    .addHelpText('after', EXAMPLES.check)
    .action(async (dir: string, flags: CheckFlags) => {
      const policy = await readPolicy(dir, flags);
      if (flags.updateBaseline && !flags.baseline) throw new InputError('--update-baseline needs --baseline <file>');
      const baseline = flags.baseline && !flags.updateBaseline ? await readBaseline(flags.baseline) : new Set<string>();
      const { loaded, result } = await analyse(dir, flags, warn, flags.format === 'table');
      const checked = checkPolicy(result, policy, baseline);
      if (flags.updateBaseline && flags.baseline) await writeOutput(flags.baseline, renderBaseline(checked), dir);
      const report = {
        table: () => renderCheckTable(checked, flags.output ? new Chalk({ level: 0 }) : colours()),
        json: () => renderCheckJson(checked, result, loaded.skipped),
        markdown: () => renderCheckMarkdown(checked),
        sarif: () => renderSarif(checked),
        github: () => renderGithub(checked),
      }[flags.format]();
      await emit(report, flags.output, dir, write);
      if (checked.newFindings > 0 && !flags.updateBaseline) process.exitCode = EXIT_FINDINGS;
    });
  withInputOptions(
    program
      .command('graph')
      .description('the derivation graph of <dir>, for Graphviz, Mermaid or graph tools')
      .argument('<dir>', 'folder of text files')
      .addOption(new Option('--format <format>', 'graph format').choices(['dot', 'mermaid', 'graphml']).default('dot'))
      .option('-o, --output <file>', 'write the graph to this file (atomically) instead of stdout'),
  )
    .addHelpText('after', EXAMPLES.graph)
    .action(async (dir: string, flags: GraphFlags) => {
      const { result } = await analyse(dir, flags, warn, false);
      const render = { dot: renderDot, mermaid: renderMermaid, graphml: renderGraphml }[flags.format];
      await emit(render(result), flags.output, dir, write);
    });
  program
    .command('align')
    .description('two texts side by side by aligned sentence, with word changes marked')
    .argument('<a>', 'first text file')
    .argument('<b>', 'second text file')
    .option('--no-wordnet', 'do not load WordNet')
    .addHelpText('after', EXAMPLES.align)
    .action(async (a: string, b: string, flags: { wordnet: boolean }) => {
      const files = await Promise.all([a, b].map((f) => loadFile(f)));
      if (files[0]?.id === files[1]?.id) throw new InputError(`${b}: has the same name as ${a}; copy one under another name`);
      const result = compare(files, { lexicon: await chooseLexicon(flags.wordnet), spans: true, pairs: 'all' });
      write(renderAlignment({ result, texts: new Map(files.map((f) => [f.id, f.text])), chalk: colours() }));
    });
  program
    .command('eval')
    .description('score the derivations on a benchmark with ground truth (truth.json and one folder per family)')
    .argument('<benchmark-dir>', 'folder holding truth.json and the family folders it names')
    .option('--truth <file>', 'truth file (default: <benchmark-dir>/truth.json)')
    .option('--family <name...>', 'only these families')
    .option('--json', 'scores as JSON')
    .option('--rename <salt>', 'rename every file to a hash of <salt> and its name before comparing: scores that do not rest on the names')
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
        const renamed = flags.rename === undefined ? undefined : renamedFiles(loaded.files, flags.rename);
        const result = compare(renamed?.files ?? loaded.files, { lexicon, pairs: flags.pairs });
        scores.push(scoreFamily(name, truth.families[name] ?? { parents: {} }, renamed ? renamed.back(result.derivations) : result.derivations));
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
  rename?: string;
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
async function writeOutput(file: string, text: string | Iterable<string>, inputDir: string): Promise<void> {
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
    await writeFile(temp, typeof text === 'string' ? text : batched(text), { flag: 'wx' });
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

/** The load and analysis options every folder command shares. */
function withInputOptions(command: Command): Command {
  return command
    .option('-r, --recursive', 'descend into sub-folders')
    .option('--include <glob...>', 'only files whose relative path matches')
    .option('--exclude <glob...>', 'skip files whose relative path matches')
    .option('--max-file-size <bytes>', 'skip files larger than this, with a warning', positiveInteger, DEFAULT_MAX_BYTES)
    .option('-q, --quiet', 'no progress display')
    .option('--no-wordnet', 'do not load WordNet (faster; no synonym or word-frequency evidence)')
    .option('--workers <n>', `threads for alignment and stemma search: a number, or auto (up to ${MAX_AUTO_WORKERS} above ${WORKERS_ABOVE} files, on ${MIN_CORES_FOR_WORKERS} or more cores)`, workerCount, 'auto')
    .addOption(pairsOption());
}

/**
 * Threads pay above a few hundred files: below, starting them (and loading WordNet in each)
 * costs more than the work they share. Nor on two cores: each thread prepares most documents
 * again and keeps its own heap, and there 2 threads took as long as 1 (2,078 files: 33.4 s
 * against 34.1 s; 6,124 files: 128-146 s against 131 s) with 35% more memory. The output is the
 * same whatever the count.
 */
const WORKERS_ABOVE = 200;
const MIN_CORES_FOR_WORKERS = 3;
const MAX_AUTO_WORKERS = 4;

function workerCount(value: string): number | 'auto' {
  if (value === 'auto') return 'auto';
  return positiveInteger(value);
}

function threadsFor(workers: number | 'auto', files: number): number {
  if (workers !== 'auto') return workers;
  const cores = availableParallelism();
  return files > WORKERS_ABOVE && cores >= MIN_CORES_FOR_WORKERS ? Math.min(MAX_AUTO_WORKERS, cores) : 1;
}

interface InputFlags {
  recursive?: boolean;
  include?: string[];
  exclude?: string[];
  maxFileSize: number;
  quiet?: boolean;
  wordnet: boolean;
  workers: number | 'auto';
  pairs: Pairing;
  spans?: boolean;
}

/** Loads the folder (warning about each skipped file) and runs the comparison. */
async function analyse(dir: string, flags: InputFlags, warn: (s: string) => void, progress: boolean) {
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
  const display = progress && !flags.quiet && process.stderr.isTTY ? progressLine(warn) : undefined;
  const options = { spans: flags.spans ?? false, pairs: flags.pairs, progress: display?.update };
  const workers = threadsFor(flags.workers, loaded.files.length);
  const result =
    workers > 1
      ? await compareInWorkers(loaded.files, { ...options, workers, wordnet: flags.wordnet })
      : compare(loaded.files, { ...options, lexicon: await chooseLexicon(flags.wordnet) });
  display?.done();
  return { loaded, result };
}

async function emit(report: string | Iterable<string>, output: string | undefined, dir: string, write: Write): Promise<void> {
  if (output) await writeOutput(output, report, dir);
  else if (typeof report === 'string') await write(report);
  else for (const chunk of batched(report)) await write(chunk);
}

/** Chunks gathered into pieces of about a megabyte: few writes, never the whole report at once. */
function* batched(chunks: Iterable<string>): Generator<string> {
  let parts: string[] = [];
  let size = 0;
  for (const c of chunks) {
    parts.push(c);
    size += c.length;
    if (size >= 1 << 20) {
      yield parts.join('');
      parts = [];
      size = 0;
    }
  }
  if (parts.length > 0) yield parts.join('');
}

async function loadFile(file: string): Promise<DocumentInput> {
  const info = await stat(file).catch(() => undefined);
  if (!info) throw new InputError(`${file}: no such file`);
  if (!info.isFile()) throw new InputError(`${file}: not a file`);
  const decoded = decode(await readFile(file).catch(() => {
    throw new InputError(`${file}: cannot be read`);
  }));
  if (decoded.kind === 'binary') throw new InputError(`${file}: binary file (contains NUL bytes)`);
  if (decoded.text.trim() === '') throw new InputError(`${file}: empty file`);
  return { id: path.basename(file), text: decoded.text, sha256: '' };
}

async function readPolicy(dir: string, flags: CheckFlags): Promise<Policy> {
  const fromFile = flags.config ?? path.join(dir, 'provenance.config.json');
  const text = await readFile(fromFile, 'utf8').catch(() => undefined);
  if (text === undefined && flags.config) throw new InputError(`${flags.config}: cannot read the config file`);
  let policy: Policy = {};
  try {
    if (text !== undefined) policy = parsePolicy(JSON.parse(text));
    const failOn = flags.failOn === undefined ? undefined : parseMethods(flags.failOn);
    const forbid = flags.forbid?.map(parseForbid);
    policy = {
      maxSimilarity: flags.maxSimilarity ?? policy.maxSimilarity,
      failOn: failOn ?? policy.failOn,
      minConfidence: flags.minConfidence ?? policy.minConfidence,
      forbid: forbid ?? policy.forbid,
    };
  } catch (error) {
    throw new InputError(`${text !== undefined ? fromFile : 'options'}: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (policy.maxSimilarity === undefined && !policy.failOn?.length && !policy.forbid?.length) {
    throw new InputError(`${dir}: no rule to check: give --max-similarity, --fail-on or --forbid, or a provenance.config.json`);
  }
  return policy;
}

async function readBaseline(file: string): Promise<Set<string>> {
  const text = await readFile(file, 'utf8').catch(() => {
    throw new InputError(`${file}: cannot read the baseline (write one with --update-baseline)`);
  });
  try {
    return parseBaseline(JSON.parse(text));
  } catch (error) {
    throw new InputError(`${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function share(value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !(n >= 0 && n <= 1)) throw new InvalidArgumentError('expected a number from 0 to 1');
  return n;
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

/**
 * How far V8 lets the heap grow past the data a collection found alive before it collects again.
 * Left to itself it lets garbage pile up to about 2.5 times the live data on a large run (6,124
 * files: 1.8-1.9 GB peak for 0.7 GB alive); 30% keeps that run under 1 GB (0.93-0.95 GB, 0.88
 * GB with shared word strings) for 10-15% more time. Peak memory, not time, is what makes a large corpus fail on a small
 * machine. A heap flag given to node itself is left alone.
 */
const HEAP_GROWING_PERCENT = 30;

function boundHeapGrowth(): void {
  if (process.execArgv.some((a) => /^--(heap-growing-percent|max-old-space-size|max-heap-size)\b/.test(a))) return;
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}

/** Runs the CLI; sets process.exitCode rather than exiting, so pending output is flushed. */
export async function main(argv: readonly string[]): Promise<void> {
  boundHeapGrowth();
  const write = (s: string): void | Promise<void> => {
    if (!process.stdout.write(s)) return new Promise((resolve) => process.stdout.once('drain', () => resolve()));
  };
  const warn = (s: string): void => void process.stderr.write(s);
  // A reader that stops early (`provenance compare dir --json | head`) closes the pipe: that is
  // the reader's choice, not an error worth a stack trace.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(process.exitCode ?? 0);
  });
  try {
    await buildProgram(write, warn).parseAsync([...argv]);
  } catch (error) {
    if (error instanceof InputError) {
      warn(`provenance: ${terminalSafe(error.message)}\n`);
      process.exitCode = error.exitCode;
    } else if (error instanceof CommanderError) {
      process.exitCode = error.exitCode === 0 ? 0 : EXIT_USAGE;
    } else {
      const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
      warn(`provenance: internal error, please report it with this trace:\n${terminalSafe(detail, true)}\n`);
      process.exitCode = EXIT_INTERNAL;
    }
  }
}

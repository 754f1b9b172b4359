import { Worker } from 'node:worker_threads';
import { comparison, topicOrder, type Batch, type BatchAnswers, type CompareOptions, type CompareResult, type Worksite } from '../compare.js';
import type { DocumentInput } from '../document.js';
import type { FromWorker, ToWorker } from './protocol.js';

export interface ParallelOptions extends Omit<CompareOptions, 'lexicon'> {
  /** Worker threads to run the alignment and family tasks on (at least 1). */
  readonly workers: number;
  /** Whether the workers load WordNet (loadWordNetLexicon) or use the basic lexicon. */
  readonly wordnet: boolean;
}

/**
 * compare() with its alignment and stemma tasks spread over worker threads. The main thread
 * plans (fingerprints, candidates, families) and assembles; the tasks are pure and answered in
 * task order, so the result is byte-identical to compare() with the same lexicon, whatever the
 * number of workers and whichever finishes first.
 */
export async function compareInWorkers(inputs: readonly DocumentInput[], options: ParallelOptions): Promise<CompareResult> {
  const pool = new Pool(Math.max(1, Math.floor(options.workers)), options.wordnet);
  try {
    const run = comparison(inputs, options, false);
    for (let step = run.next(); ; ) {
      if (step.done) return step.value;
      step = run.next(await pool.run(step.value, options.progress));
    }
  } finally {
    await pool.close();
  }
}

/** Alignment tasks go out in chunks of this many, to keep messages few but the load even. */
const ALIGN_CHUNK = 32;

class Pool {
  private readonly workers: Worker[];
  private site: Worksite | undefined;
  private nextId = 0;

  constructor(
    size: number,
    private readonly wordnet: boolean,
  ) {
    this.workers = Array.from({ length: size }, () => new Worker(new URL('./worker.js', import.meta.url)));
  }

  async run(batch: Batch, progress: CompareOptions['progress']): Promise<BatchAnswers> {
    if (batch.site !== this.site) {
      this.site = batch.site;
      const init: ToWorker = { type: 'init', inputs: batch.site.inputs, weights: batch.site.weights, topics: batch.site.topics, common: batch.site.common, wordnet: this.wordnet };
      for (const w of this.workers) w.postMessage(init);
    }
    const chunks = batch.kind === 'align' ? alignChunks(topicOrder(batch.tasks)) : familyChunks(batch.tasks.map((t) => t.family.length));
    const answers = new Array<unknown>(batch.tasks.length);
    let done = 0;
    let next = 0;
    const stage = batch.kind === 'align' ? 'alignment' : 'derivation';
    const feed = async (worker: Worker): Promise<void> => {
      while (next < chunks.length) {
        const chunk = chunks[next++] as readonly number[];
        const id = this.nextId++;
        const message: ToWorker =
          batch.kind === 'align'
            ? { type: 'align', id, tasks: chunk.map((i) => batch.tasks[i] as (typeof batch.tasks)[number]) }
            : { type: 'family', id, tasks: chunk.map((i) => batch.tasks[i] as (typeof batch.tasks)[number]) };
        const reply = await ask(worker, message, id);
        chunk.forEach((i, n) => (answers[i] = reply[n]));
        done += chunk.length;
        progress?.(stage, done, batch.tasks.length);
      }
    };
    await Promise.all(this.workers.map(feed));
    return answers as BatchAnswers;
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}

function ask(worker: Worker, message: ToWorker, id: number): Promise<readonly unknown[]> {
  return new Promise((resolve, reject) => {
    const onMessage = (reply: FromWorker): void => {
      if (reply.id !== id) return;
      cleanup();
      if ('error' in reply) reject(new Error(`worker thread failed: ${reply.error}`));
      else resolve(reply.answers);
    };
    const onError = (error: Error): void => {
      cleanup();
      reject(error);
    };
    const onExit = (code: number): void => {
      cleanup();
      reject(new Error(`worker thread exited with code ${code}`));
    };
    const cleanup = (): void => {
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
    };
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
    worker.postMessage(message);
  });
}

/** Chunks of alignment tasks in `order` (topicOrder), so that a worker works out a topic's weights once or twice. */
function alignChunks(order: readonly number[]): number[][] {
  const out: number[][] = [];
  for (let start = 0; start < order.length; start += ALIGN_CHUNK) out.push(order.slice(start, start + ALIGN_CHUNK));
  return out;
}

/**
 * One family per message, largest first: a stemma search grows steeply with family size, and
 * starting the big ones first keeps one thread from being left alone with them at the end.
 */
function familyChunks(sizes: readonly number[]): number[][] {
  return sizes
    .map((size, i) => ({ size, i }))
    .sort((x, y) => y.size - x.size || x.i - y.i)
    .map(({ i }) => [i]);
}

import { parentPort } from 'node:worker_threads';
import { runAlign, runFamily, weightsOfTopics, type Worksite } from '../compare.js';
import { prepareDocument, type PreparedDocument } from '../document.js';
import { basicLexicon, type Lexicon } from '../lexicon.js';
import type { WordTable } from '../tokenize.js';
import { loadWordNetLexicon } from '../wordnet.js';
import type { FromWorker, ToWorker } from './protocol.js';

/**
 * A worker thread of the pool (pool.ts): it holds the worksite's texts, prepares a document the
 * first time a task needs it (the same pure function the main thread runs, so the same result),
 * and answers batches of alignment and family tasks.
 */
const port = parentPort;
if (!port) throw new Error('provenance: worker.js runs only as a worker thread');

let site: Worksite | undefined;
let lexicon: Promise<Lexicon> = Promise.resolve(basicLexicon);
/** Prepared documents of the current batch kind; alignments touch most documents, a family few. */
const prepared = new Map<number, PreparedDocument>();
let preparedFor: ToWorker['type'] = 'init';

port.on('message', (message: ToWorker) => {
  if (message.type !== preparedFor) {
    prepared.clear();
    preparedFor = message.type;
  }
  if (message.type === 'init') {
    const { inputs, weights, topics, common } = message;
    const table: WordTable = new Map();
    const document = (i: number): PreparedDocument => {
      let d = prepared.get(i);
      if (!d) {
        d = prepareDocument(inputs[i] as (typeof inputs)[number], undefined, table);
        prepared.set(i, d);
      }
      return d;
    };
    site = {
      inputs,
      weights,
      topics,
      weightsOf: weightsOfTopics(weights, topics, document),
      common,
      document,
      release(documents: readonly number[]): void {
        for (const i of documents) prepared.delete(i);
      },
    };
    lexicon = message.wordnet ? loadWordNetLexicon() : Promise.resolve(basicLexicon);
    return;
  }
  void answer(message).then((reply) => port.postMessage(reply));
});

async function answer(message: Exclude<ToWorker, { type: 'init' }>): Promise<FromWorker> {
  try {
    const here = site;
    if (!here) throw new Error('task before init');
    const words = await lexicon;
    if (message.type === 'align') return { id: message.id, answers: message.tasks.map((t) => runAlign(here, t, words)) };
    return { id: message.id, answers: message.tasks.map((t) => runFamily(here, t, words)) };
  } catch (error) {
    return { id: message.id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
}

import { round } from './round.js';
import { alignDocuments, stemWeights, type AlignedUnit, type EditKind, type PairAlignment, type StemWeights, type UnitKind } from './align.js';
import { contextFits } from './derive/passage.js';
import { quotedSentences } from './derive/collate.js';
import { assemble, deriveFamily, familiesOf, MAX_CONFIDENCE, passageJudge, stemmaFamilies, type ComparedPair, type Derivation, type FamilyTask } from './derive/index.js';
import { MIN_FIGURES, relation, RELATED_WORDING, share } from './derive/relation.js';
import { withTranslations } from './derive/translation.js';
import { pageText, prepareDocument, type DocumentInput, type PreparedDocument } from './document.js';
import { speechShares } from './speech.js';
import { basicLexicon, lexiconFor, type Lexicon } from './lexicon.js';
import { prevailing, UNDETERMINED, type Language } from './language.js';
import { visibleQuote, withoutMarkup } from './markup.js';
import type { SpanKind } from './segment.js';
import { diceOfProfiles } from './similarity/dice.js';
import { candidatePairs, DEFAULT_MAX_DF } from './candidates.js';
import { segment } from './segment.js';
import type { WordTable } from './tokenize.js';
import { fingerprint, type Fingerprint } from './similarity/fingerprint.js';
import { figuresOf } from './similarity/anchors.js';
import { longestSharedRun, pairFrequencies, quotedWindows, rareOverlap, sharedWindows } from './similarity/reuse.js';
import { boilerplateSentences, boilerplateWindows } from './similarity/boilerplate.js';
import { containment } from './similarity/shingles.js';
import { DisjointSets } from './disjoint.js';

export const SCHEMA_VERSION = 1;

export interface CompareOptions {
  /** Word knowledge for drift direction and synonym detection; `loadWordNetLexicon()` gives the full one. */
  readonly lexicon?: Lexicon;
  /** Include each document's sentence spans (offsets into the original text) in the result. */
  readonly spans?: boolean;
  /**
   * Which pairs are aligned: `all` of them, only the `index`ed candidates (candidates.ts), or
   * `auto` (the default): all pairs up to ALL_PAIRS_UP_TO documents, where that costs well under
   * a second and every figure of every pair is exact, candidates above.
   */
  readonly pairs?: 'all' | 'index' | 'auto';
  /** Under `index`, stem pairs in more documents than this are boilerplate (see candidates.ts). */
  readonly maxDf?: number;
  /** Told how far each stage has got, for a progress display; called often, keep it cheap. */
  readonly progress?: (stage: Stage, done: number, total: number) => void;
}

export type Stage = 'fingerprints' | 'candidates' | 'alignment' | 'derivation';

export const ALL_PAIRS_UP_TO = 64;

export interface DocumentSummary {
  readonly id: string;
  readonly sha256: string;
  readonly characters: number;
  readonly words: number;
  readonly sentences: number;
  /**
   * ISO 639-3 code of the language its function words say it is in, `und` where no list covers
   * enough of it (language.ts). A family in a language other than English is read with its
   * function words and without WordNet, which is English.
   */
  readonly language: string;
  readonly spans?: ReadonlyArray<{ readonly start: number; readonly end: number; readonly kind: SpanKind }>;
}

export interface PairSimilarity {
  /** Character-bigram Dice of the normalized texts (string-similarity's measure). */
  readonly dice: number;
  /** Share of a's 3-word shingles found in b. */
  readonly aInB: number;
  /** Share of b's 3-word shingles found in a. */
  readonly bInA: number;
  /** Share of all sentences of both documents that are aligned. */
  readonly aligned: number;
  /** Shared rare wording: IDF-weighted share of the smaller side's adjacent word pairs (stems) found in the other. */
  readonly wording: number;
  /** Longest verbatim run of words the two share (small gaps allowed). */
  readonly sharedRun: number;
}

export interface AlignmentRecord {
  readonly a: readonly number[];
  readonly b: readonly number[];
  readonly score: number;
  readonly kind: UnitKind;
  readonly edits: ReadonlyArray<{ readonly kind: EditKind; readonly aText: string; readonly bText: string }>;
}

export interface PairResult {
  readonly a: string;
  readonly b: string;
  readonly similarity: PairSimilarity;
  readonly alignments: readonly AlignmentRecord[];
  readonly unalignedA: readonly number[];
  readonly unalignedB: readonly number[];
}

export interface CompareStats {
  /** How pairs were chosen for alignment. */
  readonly pairing: 'all' | 'index';
  /** Pairs aligned (all pairs, or the candidates). */
  readonly comparedPairs: number;
  /** Pairs found related as whole texts or by a shared passage. */
  readonly relatedPairs: number;
  /**
   * Sentences made wholly of boilerplate, wording that texts otherwise unrelated share (a
   * footer, a licence notice; see similarity/boilerplate.ts), summed over the documents: they
   * count in no share that relates two texts.
   */
  readonly boilerplateSentences: number;
}

export interface CompareResult {
  readonly schemaVersion: typeof SCHEMA_VERSION;
  readonly stats: CompareStats;
  readonly documents: readonly DocumentSummary[];
  /** Every pair with at least one aligned sentence, a before b in id order. */
  readonly pairs: readonly PairResult[];
  /** One entry per document, in document order. */
  readonly derivations: readonly Derivation[];
}

/**
 * The whole analysis: segment and fingerprint every document, compare and align every pair,
 * estimate derivations. Pure and deterministic: documents are taken in id order whatever order
 * they come in; nothing is read or printed.
 */
export function compare(inputs: readonly DocumentInput[], options: CompareOptions = {}): CompareResult {
  const run = comparison(inputs, options);
  for (let step = run.next(); ; ) {
    if (step.done) return step.value;
    step = run.next(runHere(step.value, options.lexicon ?? basicLexicon, options.progress));
  }
}

/** One alignment to do, by the local numbering of the documents in the batch's worksite. */
export interface AlignTask {
  readonly a: number;
  readonly b: number;
  /** The topic both documents are in (Worksite.topics), whose stem weights score the pair; -1 for the folder's weights. */
  readonly topic: number;
}

/** The figures of a pair that need both prepared documents. */
export interface AlignOutcome {
  readonly alignment: PairAlignment;
  readonly dice: number;
  readonly aInB: number;
  readonly bInA: number;
  readonly sharedRun: number;
  readonly fitA: number;
  readonly fitB: number;
}

/** What a task needs besides the lexicon: the involved documents (local numbering) and the stem weights. */
export interface Worksite {
  readonly inputs: readonly DocumentInput[];
  /** Stem weights over every involved document: a pair across topics is scored with them. */
  readonly weights: StemWeights;
  /** The members of each topic (see topicGroups) in the local numbering, two or more each. */
  readonly topics: readonly (readonly number[])[];
  /** The weights a task's topic scores it with (weightsOfTopics). */
  weightsOf(topic: number): StemWeights;
  /** Boilerplate windows (see similarity/boilerplate.ts), which no shared run counts. */
  readonly common: Uint32Array;
  document(i: number): PreparedDocument;
  /** Told that no later task needs these documents, so their words can be freed. */
  release(documents: readonly number[]): void;
}

/**
 * Independent tasks the pipeline hands out and waits for, answered in task order: the answers
 * are the same wherever the tasks run (here, or in worker threads; see parallel/), so the result
 * is byte-identical whatever the number of threads.
 */
export type Batch =
  | { readonly kind: 'align'; readonly site: Worksite; readonly tasks: readonly AlignTask[] }
  | { readonly kind: 'family'; readonly site: Worksite; readonly tasks: readonly FamilyTask[] };

export type BatchAnswers = readonly AlignOutcome[] | readonly (readonly Derivation[])[];

const quotedWindowsByDocument = new WeakMap<PreparedDocument, Uint32Array>();
function quotedWindowsOf(d: PreparedDocument): Uint32Array {
  let windows = quotedWindowsByDocument.get(d);
  if (windows === undefined) quotedWindowsByDocument.set(d, (windows = quotedWindows(pageText(d))));
  return windows;
}

export function runAlign(site: Worksite, task: AlignTask, lexicon: Lexicon): AlignOutcome {
  const a = site.document(task.a);
  const b = site.document(task.b);
  const weights = site.weightsOf(task.topic);
  const alignment = alignDocuments(a, b, weights, lexiconFor(lexicon, a.language));
  const quotedByBoth = sharedWindows(quotedWindowsOf(a), quotedWindowsOf(b));
  const sharedRun = Math.max(longestSharedRun(a.runGrams, b.gramSet, site.common, quotedByBoth), longestSharedRun(b.runGrams, a.gramSet, site.common, quotedByBoth));
  return {
    alignment,
    dice: diceOfProfiles(a.profile, b.profile),
    aInB: containment(a.shingles, b.shingles),
    bInA: containment(b.shingles, a.shingles),
    sharedRun,
    ...contextFits(alignment, a, b, weights, sharedRun),
  };
}

/**
 * Derives one family. Families are disjoint and each is derived once, so its documents are
 * released as soon as it is done: the stage then ends with no prepared document left, not all
 * of them.
 */
export function runFamily(site: Worksite, task: FamilyTask, lexicon: Lexicon): Derivation[] {
  const documents: PreparedDocument[] = [];
  for (const d of task.family) documents[d] = site.document(d);
  const language = prevailing(task.family.map((d) => (documents[d] as PreparedDocument).language));
  const derivations = deriveFamily(documents, task.family, task.links, lexiconFor(lexicon, language), task.borrowed, task.boilerplate);
  site.release(task.family);
  return derivations;
}

function runHere(batch: Batch, lexicon: Lexicon, progress: CompareOptions['progress']): BatchAnswers {
  if (batch.kind === 'family') return batch.tasks.map((t) => runFamily(batch.site, t, lexicon));
  // Topic by topic, so that each topic's weights are worked out once (weightsOfTopics).
  const { tasks } = batch;
  const answers = new Array<AlignOutcome>(tasks.length);
  topicOrder(tasks).forEach((n, done) => {
    if (done % 64 === 0) progress?.('alignment', done, tasks.length);
    answers[n] = runAlign(batch.site, tasks[n] as AlignTask, lexicon);
  });
  return answers;
}

/** The alignment tasks' indexes, a topic's together and each topic's in task order: its weights are then worked out once. */
export function topicOrder(tasks: readonly AlignTask[]): number[] {
  return tasks.map((_, n) => n).sort((p, q) => (tasks[p] as AlignTask).topic - (tasks[q] as AlignTask).topic || p - q);
}

/** Topics whose weights a thread keeps at once: tasks come topic by topic (runHere) or in chunks of neighbours (parallel/pool.ts). */
const TOPIC_WEIGHTS_KEPT = 4;

/**
 * The stem weights of each topic, stemWeights over its members' sentences, worked out when its
 * first pair asks and only the last few kept (a mail archive has a thousand topics). Within a
 * topic a story's vocabulary weighs as in a folder of that story alone, so what a story's
 * versions are aligned with does not depend on the other stories in the folder: eighteen hand-
 * made stories put in one folder had 82 of 125 parents right against 94 each in its own (an
 * edit's round trip read as a paraphrase once "fox" and "caddy" weighed as rare words of the
 * whole folder); now 94, every story as alone.
 */
export function weightsOfTopics(folder: StemWeights, topics: readonly (readonly number[])[], document: (i: number) => PreparedDocument): (topic: number) => StemWeights {
  const kept = new Map<number, StemWeights>();
  return (topic) => {
    const members = topics[topic];
    if (!members) return folder;
    let weights = kept.get(topic);
    if (!weights) {
      weights = stemWeights(members.map(document));
      if (kept.size >= TOPIC_WEIGHTS_KEPT) kept.delete(kept.keys().next().value as number);
      kept.set(topic, weights);
    }
    return weights;
  };
}

/**
 * The pipeline as a generator: it yields each batch of independent tasks and is resumed with the
 * answers, so one sequence of steps serves the single-threaded compare() and the threaded one.
 */
export function* comparison(
  inputs: readonly DocumentInput[],
  options: Omit<CompareOptions, 'lexicon'> = {},
  keepDocuments = true,
): Generator<Batch, CompareResult, BatchAnswers> {
  const sorted = [...inputs].sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  const progress = options.progress ?? ((): void => undefined);
  const prints = sorted.map((d, k) => {
    if (k % 64 === 0) progress('fingerprints', k, sorted.length);
    return fingerprint(withoutMarkup(d.text));
  });
  const pairDf = pairFrequencies(prints.map((p) => p.stemPairs));
  const mode = options.pairs ?? 'auto';
  const pairing = mode === 'all' || (mode === 'auto' && sorted.length <= ALL_PAIRS_UP_TO) ? 'all' : 'index';
  // Boilerplate only exists for the index: in a small folder every stem pair counts.
  const maxDf = pairing === 'all' ? Infinity : (options.maxDf ?? DEFAULT_MAX_DF);
  progress('candidates', 0, 1);
  const chosen = pairing === 'all' ? allPairs(sorted.length) : candidatePairs(prints, pairDf, { maxDf });
  const readers = readersOf(prints.map((p) => p.language));
  const wordingOf = (x: number, y: number, df: ReadonlyMap<number, number>, documents: number): number =>
    rareOverlap((prints[x] as Fingerprint).stemPairs, (prints[y] as Fingerprint).stemPairs, df, Math.min(documents, readers((prints[x] as Fingerprint).language, (prints[y] as Fingerprint).language)), maxDf);
  const globalWordings = chosen.map(([x, y]) => wordingOf(x, y, pairDf, sorted.length));
  const topics = topicGroups(sorted.length, chosen, globalWordings);
  const wordings = topicalWordings(chosen, globalWordings, topics, (members) => pairFrequencies(members.map((m) => (prints[m] as Fingerprint).stemPairs)), wordingOf);
  const common = boilerplateWindows({ prints, pairs: chosen, pairDf, maxDf, relatedWording: RELATED_WORDING });

  // Only documents in some chosen pair are segmented and aligned; `local` maps a document's
  // index to its place among them, the numbering the derivation stage works in.
  const involved = [...new Set(chosen.flat())].sort((x, y) => x - y);
  const local = new Map(involved.map((d, k) => [d, k]));
  const involvedInputs = involved.map((d) => sorted[d] as DocumentInput);
  const table: WordTable = new Map();
  const prepare = (i: number): PreparedDocument =>
    prepareDocument(involvedInputs[i] as DocumentInput, prints[involved[i] as number] as Fingerprint, table);
  // The prepared documents (their words are most of the memory) are kept only when the tasks run
  // on this thread (`keepDocuments`), and only until the tasks are done with them; the pipeline's
  // own steps need only a few facts of each (the tasks work out every figure that needs whole
  // documents).
  const kept: (PreparedDocument | undefined)[] = [];
  const facts: DocumentFacts[] = [];
  const weights = stemWeights(
    (function* (): Generator<PreparedDocument> {
      for (let i = 0; i < involvedInputs.length; i++) {
        const d = prepare(i);
        if (keepDocuments) kept.push(d);
        const words = d.tokens.map((t) => t.length);
        const boilerplate = boilerplateSentences(d.runGrams, words, common);
        facts.push({
          id: d.id,
          spans: d.spans,
          stemPairs: d.stemPairs,
          wordCount: d.wordCount,
          boilerplate,
          figures: figuresOf(pageText(d)),
          quoted: quotedSentences(d),
          words,
          narration: narrationWeights(speechShares(pageText(d), d.spans, d.tokens), boilerplate, words),
        });
        yield d;
      }
    })(),
  );
  const document = keepDocuments ? (i: number): PreparedDocument => kept[i] ?? prepare(i) : prepare;
  const release = (documents: readonly number[]): void => {
    for (const i of documents) kept[i] = undefined;
  };
  const localTopics = topics.members.map((m) => m.map((d) => local.get(d) as number));
  const site: Worksite = { inputs: involvedInputs, weights, topics: localTopics, weightsOf: weightsOfTopics(weights, localTopics, document), common, document, release };
  const tasks = chosen.map(([x, y]) => ({ a: local.get(x) as number, b: local.get(y) as number, topic: topics.of(x, y) }));
  const outcomes = (yield { kind: 'align', site, tasks }) as readonly AlignOutcome[];
  const compared: ComparedPair[] = [];
  const pairs: PairResult[] = [];
  tasks.forEach(({ a: i, b: j }, n) => {
    const { alignment, dice, aInB, bInA, sharedRun, fitA, fitB } = outcomes[n] as AlignOutcome;
    const a = facts[i] as DocumentFacts;
    const b = facts[j] as DocumentFacts;
    const alignedA = a.spans.length - alignment.unalignedA.length;
    const alignedB = b.spans.length - alignment.unalignedB.length;
    const wording = wordings[n] as number;
    compared.push({
      a: i,
      b: j,
      alignment,
      shareA: shareBeyondBoilerplate(a, alignment.unalignedA),
      shareB: shareBeyondBoilerplate(b, alignment.unalignedB),
      narrationA: narrationShare(a, b, alignment, 'a'),
      narrationB: narrationShare(b, a, alignment, 'b'),
      rareOverlap: wording,
      ...figuresKept(a.figures, b.figures),
      sharedRun,
      fitA,
      fitB,
    });
    if (alignment.units.length === 0) return;
    pairs.push({
      a: a.id,
      b: b.id,
      similarity: {
        dice: round(dice, 4),
        aInB: round(aInB, 4),
        bInA: round(bInA, 4),
        aligned: round(share(alignedA + alignedB, a.spans.length + b.spans.length), 4),
        wording: round(wording, 4),
        sharedRun,
      },
      alignments: alignment.units.map(toRecord),
      unalignedA: alignment.unalignedA,
      unalignedB: alignment.unalignedB,
    });
  });
  progress('derivation', 0, 1);
  const groups = familiesOf(facts.length, compared);
  const judge = passageJudge(facts);
  const familyTasks = stemmaFamilies(
    groups,
    compared,
    judge,
    facts.map((f) => f.boilerplate),
  );
  const inFamilies = new Set(familyTasks.flatMap((t) => t.family));
  release(facts.map((_, i) => i).filter((i) => !inFamilies.has(i)));
  const familyResults = (yield { kind: 'family', site, tasks: familyTasks }) as readonly (readonly Derivation[])[];
  const derived = assemble(
    facts.map((f) => f.id),
    judge,
    compared,
    groups,
    familyResults,
  );
  const documents: DocumentSummary[] = sorted.map((d, k) => {
    const spans = facts[local.get(k) ?? -1]?.spans ?? segment(withoutMarkup(d.text));
    return {
      id: d.id,
      sha256: d.sha256,
      characters: d.text.length,
      words: (prints[k] as Fingerprint).words,
      sentences: spans.length,
      language: (prints[k] as Fingerprint).language,
      ...(options.spans ? { spans: spans.map((s) => ({ start: s.start, end: s.end, kind: s.kind })) } : {}),
    };
  });
  return {
    schemaVersion: SCHEMA_VERSION,
    stats: {
      pairing,
      comparedPairs: chosen.length,
      relatedPairs: compared.filter((p) => relation(p) !== 'none').length,
      boilerplateSentences: facts.reduce((n, f) => n + f.boilerplate.length, 0),
    },
    documents,
    pairs,
    derivations: withTranslations({
      ids: documents.map((d) => d.id),
      languages: documents.map((d) => d.language),
      sentences: documents.map((d) => d.sentences),
      text: (k) => withoutMarkup((sorted[k] as DocumentInput).text),
      derivations: sorted.map((d, k) => derived[local.get(k) ?? -1] ?? unrelated(d.id)),
    }),
  };
}

/**
 * What the pipeline's own steps need of a prepared document, its boilerplate sentences (sorted)
 * and, where its quotations are read apart, the weight of each sentence in its narration.
 */
type DocumentFacts = Pick<PreparedDocument, 'id' | 'spans' | 'stemPairs' | 'wordCount'> & {
  /** The numbers it writes in digits (figuresOf). */
  readonly figures: ReadonlySet<string>;
  /** The sentences it marks as quoted, as a reply does (quotedSentences). */
  readonly quoted: ReadonlySet<number>;
  readonly boilerplate: readonly number[];
  /** Each sentence's words. */
  readonly words: readonly number[];
  readonly narration: Narration | undefined;
};

/** The share of the numbers of the text that writes fewer that the other writes too, and how many it does not; neither below MIN_FIGURES. */
function figuresKept(a: ReadonlySet<string>, b: ReadonlySet<string>): Pick<ComparedPair, 'figuresKept' | 'figuresLacked'> {
  const [fewer, more] = a.size <= b.size ? [a, b] : [b, a];
  if (fewer.size < MIN_FIGURES) return {};
  let kept = 0;
  for (const f of fewer) if (more.has(f)) kept++;
  return { figuresKept: kept / fewer.size, figuresLacked: fewer.size - kept };
}

/**
 * The share of a document's own sentences, boilerplate left out, that align with the other
 * text: a footer both carry says nothing of whether one was made from the other.
 */
function shareBeyondBoilerplate(d: DocumentFacts, unaligned: readonly number[]): number {
  if (d.boilerplate.length === 0) return share(d.spans.length - unaligned.length, d.spans.length);
  const common = new Set(d.boilerplate);
  const own = d.spans.length - common.size;
  return share(own - unaligned.filter((i) => !common.has(i)).length, own);
}

/** Each sentence's weight in a document's narration, and their sum; each sentence's words in quotation marks. */
interface Narration {
  readonly weights: readonly number[];
  readonly total: number;
  readonly quoted: readonly number[];
}

/**
 * A text's narration must be at least this many sentences' worth of words outside quotation
 * marks, and this share of its sentences, for it to be read apart from the quotes: an interview
 * transcript is nearly all speech, and its copies share nothing else.
 */
const MIN_NARRATION_SENTENCES = 3;
const MIN_NARRATION_SHARE = 0.25;

/**
 * Each sentence weighs the share of its words outside quotation marks (`speech`, speech.ts),
 * boilerplate nothing. Undefined where the text is read whole: it quotes nobody, or it is
 * nearly all speech.
 */
function narrationWeights(speech: readonly number[], boilerplate: readonly number[], words: readonly number[]): Narration | undefined {
  const common = new Set(boilerplate);
  const weights = speech.map((s, i) => (common.has(i) ? 0 : 1 - s));
  const total = weights.reduce((sum, w) => sum + w, 0);
  const own = speech.length - common.size;
  const quoted = speech.map((s, i) => s * (words[i] ?? 0));
  return total === own || total < MIN_NARRATION_SENTENCES || total < MIN_NARRATION_SHARE * own ? undefined : { weights, total, quoted };
}

/**
 * The share of a document's narration that aligns with the other text; shareBeyondBoilerplate
 * where it is read whole. A sentence aligned by its quotation alone, the words the two keep in
 * order no more than the quotation's (and QUOTE_SLACK), aligns no narration: an independent
 * report that quotes four people the wire quotes, each quotation in a sentence of its own
 * narration ("..., said in a statement, but that is little comfort to ..."), had most of its
 * narration aligned with the wire and read as its paraphrase (fixtures/story/ferry3-present).
 */
function narrationShare(d: DocumentFacts, other: DocumentFacts, alignment: PairAlignment, side: 'a' | 'b'): number {
  const unaligned = side === 'a' ? alignment.unalignedA : alignment.unalignedB;
  const narration = d.narration;
  if (!narration) return shareBeyondBoilerplate(d, unaligned);
  let missing = 0;
  for (const i of unaligned) missing += narration.weights[i] ?? 0;
  for (const unit of alignment.units) {
    const [mine, theirs] = side === 'a' ? [unit.a, unit.b] : [unit.b, unit.a];
    const quoted = mine.reduce((sum, i) => sum + (narration.quoted[i] ?? 0), 0);
    if (quoted === 0 || theirs.length === 0) continue;
    const words = mine.reduce((sum, i) => sum + (d.words[i] ?? 0), 0) + theirs.reduce((sum, i) => sum + (other.words[i] ?? 0), 0);
    if ((unit.retention * words) / 2 <= quoted + QUOTE_SLACK) for (const i of mine) missing += narration.weights[i] ?? 0;
  }
  return share(narration.total - missing, narration.total);
}
/**
 * The words beyond the quotation a sentence aligned by it may share and still align no
 * narration: the attribution two reports of one quotation both write, the verb, the speaker's
 * name and role ("said managing director Fiona MacLeod"). The words kept in order are estimated
 * from the unit's retention and the two sides' word counts.
 */
const QUOTE_SLACK = 6;

/**
 * How many documents could have used a pair's wording: all but those in a third language. Texts
 * in another language share no wording with the pair, and counted among the documents they
 * would weigh up the wording every copy of one story shares (its subject's, its quotations'),
 * so a folder of a story and its translations linked the story's independent report to its
 * copies (the seeds with their Spanish renderings: 004 under the copies' lost source).
 */
function readersOf(languages: readonly Language[]): (a: Language, b: Language) => number {
  const counts = new Map<Language, number>();
  for (const l of languages) counts.set(l, (counts.get(l) ?? 0) + 1);
  const known = languages.length - (counts.get(UNDETERMINED) ?? 0);
  return (a, b) => languages.length - known + (counts.get(a) ?? 0) + (a === b || a === UNDETERMINED || b === UNDETERMINED ? 0 : (counts.get(b) ?? 0));
}

/** A document no candidate pair reached: nothing in the corpus shares its wording. */
function unrelated(id: string): Derivation {
  return { target: id, source: null, method: 'independent', confidence: MAX_CONFIDENCE, evidence: [] };
}

/** The documents' topics (topicGroups). */
interface Topics {
  /** Each topic's members, in order: two or more, short of the whole folder. */
  readonly members: readonly (readonly number[])[];
  /** The topic both documents are in, or -1 (none shared, or only the whole folder). */
  of(x: number, y: number): number;
}

/**
 * The documents' topics: the groups a first pass makes of them by shared wording (connected
 * components of the candidate pairs at RELATED_WORDING). A group of one document, or one that
 * is the whole folder, is no topic: its weights are the folder's. Rare wording
 * (topicalWordings) and the stem weights of alignment (weightsOfTopics) are measured within them.
 */
function topicGroups(n: number, pairs: readonly (readonly [number, number])[], wordings: readonly number[]): Topics {
  const groups = new DisjointSets(n);
  pairs.forEach(([x, y], i) => {
    if ((wordings[i] as number) >= RELATED_WORDING) groups.union(x, y);
  });
  const byRoot = new Map<number, number[]>();
  for (let d = 0; d < n; d++) {
    const group = groups.find(d);
    const list = byRoot.get(group);
    if (list) list.push(d);
    else byRoot.set(group, [d]);
  }
  const members = [...byRoot.values()].filter((m) => m.length >= 2 && m.length < n);
  const topicOf = new Map(members.map((m, t) => [groups.find(m[0] as number), t]));
  return {
    members,
    of: (x, y) => {
      const group = groups.find(x);
      return group === groups.find(y) ? (topicOf.get(group) ?? -1) : -1;
    },
  };
}

/**
 * Rare wording measured within each topic (topicGroups), each pair's stem pairs weighed by how
 * many documents of its topic use them. Across a whole folder of several stories a story's
 * stock phrases are rare, and two independent reports of one event share them: the seeds'
 * independent article, beside six other stories, rose from 0.08 to 0.16 and was drawn as a
 * paraphrase. Within its topic a story's vocabulary weighs as in a folder of that story alone.
 */
function topicalWordings(
  pairs: readonly (readonly [number, number])[],
  wordings: readonly number[],
  topics: Topics,
  frequencies: (members: readonly number[]) => ReadonlyMap<number, number>,
  wordingOf: (x: number, y: number, df: ReadonlyMap<number, number>, documents: number) => number,
): number[] {
  const dfOf = new Map<number, ReadonlyMap<number, number>>();
  return pairs.map(([x, y], i) => {
    const topic = topics.of(x, y);
    const inTopic = topics.members[topic];
    if (!inTopic) return wordings[i] as number;
    let df = dfOf.get(topic);
    if (!df) dfOf.set(topic, (df = frequencies(inTopic)));
    return wordingOf(x, y, df, inTopic.length);
  });
}

function allPairs(n: number): Array<readonly [number, number]> {
  const out: Array<readonly [number, number]> = [];
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) out.push([i, j]);
  return out;
}

function toRecord(u: AlignedUnit): AlignmentRecord {
  return {
    a: u.a,
    b: u.b,
    score: u.score,
    kind: u.kind,
    edits: u.edits.map((e) => ({ kind: e.kind, aText: visibleQuote(e.aText), bText: visibleQuote(e.bText) })),
  };
}


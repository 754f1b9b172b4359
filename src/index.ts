export { compare, SCHEMA_VERSION } from './compare.js';
export { compareInWorkers, type ParallelOptions } from './parallel/pool.js';
export type {
  AlignmentRecord,
  CompareOptions,
  CompareResult,
  DocumentSummary,
  PairResult,
  PairSimilarity,
} from './compare.js';
export type { Derivation, Evidence, EvidenceKind, Method, SecondSource } from './derive/index.js';
export type { DocumentInput } from './document.js';
export { basicLexicon, type Lexicon } from './lexicon.js';
export { loadFolder, type LoadOptions, type LoadResult, type SourceFile } from './load.js';
export { loadWordNetLexicon } from './wordnet.js';
export { InputError } from './errors.js';
export { renderJson, renderJsonChunks } from './report/json.js';
export { renderTable } from './report/table.js';

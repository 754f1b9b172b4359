import type { AlignTask } from '../compare.js';
import type { StemWeights } from '../align.js';
import type { FamilyTask } from '../derive/index.js';
import type { DocumentInput } from '../document.js';

/** Messages from the pool to a worker thread. */
export type ToWorker =
  | {
      readonly type: 'init';
      /** The involved documents in the worksite's local numbering. */
      readonly inputs: readonly DocumentInput[];
      readonly weights: StemWeights;
      readonly topics: readonly (readonly number[])[];
      readonly common: Uint32Array;
      readonly wordnet: boolean;
    }
  | { readonly type: 'align'; readonly id: number; readonly tasks: readonly AlignTask[] }
  | { readonly type: 'family'; readonly id: number; readonly tasks: readonly FamilyTask[] };

/** A worker's answer to one message: the answers of its tasks in order, or what went wrong. */
export type FromWorker = { readonly id: number; readonly answers: readonly unknown[] } | { readonly id: number; readonly error: string };

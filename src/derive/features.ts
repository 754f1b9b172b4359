import type { Lexicon } from '../lexicon.js';
import type { Character, CollationUnit, Site } from './collate.js';

/** How a target's text relates to its (observed or reconstructed) source, over the collation. */
export interface EdgeFeatures {
  /** Share of the source's passages that the target keeps. */
  readonly kept: number;
  /** Share of the target's passages that the source lacks. */
  readonly added: number;
  /**
   * The same, counting only passages of two words or more: a lone word on a line of its own is
   * no passage a writer added. A Croatian round trip writes "parquote" for a quotation mark, now
   * and then alone between two sentences, and a song repeats a one-word line.
   */
  readonly addedProse: number;
  /** Share of the source's content words, in shared passages, that the target keeps. */
  readonly contentKept: number;
  /** Share of the source's function words, in shared passages, that the target keeps. */
  readonly functionKept: number;
  /** Share of the target's words, in shared passages, that the source lacks. */
  readonly novel: number;
  /** Share of the source's dropped content words replaced, in the same passage, by a dictionary synonym. */
  readonly synonymSwaps: number;
  /** Whether the kept passages keep the source's order. 1 = same order, 0.5 = random. */
  readonly orderKept: number;
  /** How many passages source and target share. */
  readonly shared: number;
  /**
   * Share of the source's dropped content words that the lexicon knows (Lexicon.knows); 1 for a
   * lexicon that lists no words. A spinner swaps only words its thesaurus lists.
   */
  readonly droppedKnown: number;
  /**
   * Of the source's content words, the share that a renaming carried through the text replaced
   * beyond its first place: a word dropped in every shared passage that has it, two or more,
   * where one word the source never writes stands in each (find and replace: "Zenith" -> "Nova"
   * in a copied text of terms). `renamedNovel` is the same count as a share of the target's words.
   */
  readonly renamed: number;
  readonly renamedNovel: number;
}

/** A text's passages and words as the collation sees them, for one family member or the lost source. */
export interface Reading {
  has(unit: number): boolean;
  words(unit: number): ReadonlySet<string>;
  /** Position of the passage in the text, for order comparison; undefined if unknown. */
  position(unit: number): number | undefined;
  /** Words the text cannot attest in the passage, being cut off inside it (CollationUnit.unknown). */
  unknown(unit: number): ReadonlySet<string> | undefined;
}

/**
 * Two readings cut down to the passages both have: how one was worded from the other, whatever
 * passages either dropped or added.
 */
export function sharedPassages(a: Reading, b: Reading): [Reading, Reading] {
  const both = (u: number): boolean => a.has(u) && b.has(u);
  return [
    { ...a, has: both },
    { ...b, has: both },
  ];
}

export function memberReading(units: readonly CollationUnit[], m: number): Reading {
  return {
    has: (u) => (units[u]?.members[m]?.length ?? 0) > 0,
    words: (u) => units[u]?.words[m] ?? new Set(),
    position: (u) => units[u]?.members[m]?.[0],
    unknown: (u) => units[u]?.unknown[m],
  };
}

/**
 * The lost source as reconstructed by parsimony: a passage is in it when the reconstruction
 * says so (or every member has it), a word when the reconstruction puts it there or, where the
 * reconstruction is undecided, when most members that have the passage have the word.
 * `vouchForSplit` false leaves out what a site chose while a third reading exists (see below):
 * the stricter reading the drift evidence is checked against. The stemma's figures (method,
 * lineage) take the fuller one: without those words a lost source reads as if a spinner had
 * thinned it, and the seeds' fluent round trip was named a spin.
 * Where parsimony ties on a passage, `lines` (the members drawn straight under the lost source)
 * vote, one each, as a stemmatologist counts branches, not witnesses: an edit with two copies of
 * its own outvoted a round trip and a blog that lacked its added paragraphs, and the round trip
 * read as a paraphrase that dropped them (fixtures/story/fox). Without them every member votes.
 */
export function hiddenReading(
  units: readonly CollationUnit[],
  characters: readonly Character[],
  states: Int8Array,
  vouchForSplit = true,
  lines?: readonly number[],
): Reading {
  const presence = new Map<number, number>();
  const wordState = new Map<string, number>();
  const sites = new Map<number, Site[]>();
  characters.forEach((ch, i) => {
    const state = states[i] as number;
    if (ch.site) {
      // The reconstruction's reading at a substitution site: the words of one side, not the other's.
      if (state === -1) return;
      const list = sites.get(ch.unit) ?? [];
      const [chosen, other] = state === 1 ? ch.site : [ch.site[1], ch.site[0]];
      // Where a member that has the passage reads neither side, the site weighs two readings
      // while a third exists (a spin's and a round trip's against the original's): the choice
      // rules the rejected one out without vouching for the chosen one.
      const third = !vouchForSplit && units[ch.unit]?.words.some((w, m) => w !== undefined && ch.state[m] === -1) === true;
      list.push(third ? [[], other] : [chosen, other]);
      sites.set(ch.unit, list);
    } else if (ch.word === undefined) presence.set(ch.unit, state);
    else wordState.set(`${ch.unit}\u0000${ch.word}`, state);
  });
  const majority = (u: number, word: string): boolean => {
    const versions = (units[u]?.words ?? []).filter((w): w is ReadonlySet<string> => w !== undefined);
    return versions.filter((w) => w.has(word)).length * 2 > versions.length;
  };
  const cache = new Map<number, Set<string>>();
  return {
    has: (u) => {
      const s = presence.get(u);
      if (s === undefined) return true;
      if (s === -1) {
        const voters = lines ?? [...(units[u]?.members.keys() ?? [])];
        return voters.filter((x) => (units[u]?.members[x]?.length ?? 0) > 0).length * 2 > voters.length;
      }
      return s === 1;
    },
    words: (u) => {
      let set = cache.get(u);
      if (!set) {
        set = new Set();
        for (const w of units[u]?.words ?? []) {
          for (const word of w ?? []) {
            const s = wordState.get(`${u}\u0000${word}`);
            if (s === 1 || ((s === undefined || s === -1) && majority(u, word))) set.add(word);
          }
        }
        for (const [chosen, other] of sites.get(u) ?? []) {
          for (const w of other) set.delete(w);
          for (const w of chosen) set.add(w);
        }
        cache.set(u, set);
      }
      return set;
    },
    position: () => undefined,
    unknown: () => undefined,
  };
}

export function edgeFeatures(
  unitCount: number,
  source: Reading,
  target: Reading,
  lexicon: Lexicon,
): EdgeFeatures {
  let sourceUnits = 0;
  let targetUnits = 0;
  let shared = 0;
  let added = 0;
  let addedProse = 0;
  let content = 0;
  let contentKept = 0;
  let functional = 0;
  let functionKept = 0;
  let targetWords = 0;
  let novel = 0;
  let dropped = 0;
  let known = 0;
  let swapped = 0;
  const order: Array<[number, number]> = [];
  // Per source word dropped, the passages; per target-only word, the passages; and the words
  // either text writes anywhere in the shared passages, to tell a renaming from a rewording.
  const droppedIn = new Map<string, number[]>();
  const novelIn = new Map<string, number[]>();
  const keptAnywhere = new Set<string>();
  const sourceWords = new Set<string>();
  for (let u = 0; u < unitCount; u++) {
    const inSource = source.has(u);
    const inTarget = target.has(u);
    if (inSource) sourceUnits++;
    if (inTarget) targetUnits++;
    if (inTarget && !inSource) {
      added++;
      if (target.words(u).size >= 2) addedProse++;
    }
    if (!inSource || !inTarget) continue;
    shared++;
    const sw = source.words(u);
    const tw = target.words(u);
    const sp = source.position(u);
    const tp = target.position(u);
    if (sp !== undefined && tp !== undefined) order.push([sp, tp]);
    const targetOnly: string[] = [];
    for (const w of tw) {
      targetWords++;
      if (!sw.has(w)) {
        novel++;
        if (!lexicon.isFunctionWord(w)) {
          targetOnly.push(w);
          listed(novelIn, w).push(u);
        }
      }
    }
    const unknown = target.unknown(u);
    for (const w of sw) {
      sourceWords.add(w);
      const kept = tw.has(w);
      if (!kept && unknown?.has(w)) continue;
      if (lexicon.isFunctionWord(w)) {
        functional++;
        if (kept) functionKept++;
      } else {
        content++;
        if (kept) {
          contentKept++;
          keptAnywhere.add(w);
        } else {
          listed(droppedIn, w).push(u);
          dropped++;
          if (lexicon.knows?.(w) !== false) known++;
          if (targetOnly.some((t) => lexicon.synonyms(w, t))) swapped++;
        }
      }
    }
  }
  // A renamed word and the word standing in for it are met in the same passages, in order.
  const standIns = new Set([...novelIn].flatMap(([t, at]) => (sourceWords.has(t) ? [] : [at.join(',')])));
  let renamed = 0;
  for (const [w, units] of droppedIn) {
    if (units.length >= 2 && !keptAnywhere.has(w) && standIns.has(units.join(','))) renamed += units.length - 1;
  }
  return {
    kept: ratio(shared, sourceUnits),
    added: ratio(added, targetUnits),
    addedProse: ratio(addedProse, targetUnits),
    contentKept: ratio(contentKept, content),
    functionKept: ratio(functionKept, functional),
    novel: ratio(novel, targetWords),
    synonymSwaps: ratio(swapped, dropped),
    orderKept: concordance(order),
    shared,
    droppedKnown: dropped === 0 ? 1 : known / dropped,
    renamed: ratio(renamed, content),
    renamedNovel: ratio(renamed, targetWords),
  };
}

/** The list `map` holds for `key`, made empty on first use. */
function listed(map: Map<string, number[]>, key: string): number[] {
  let list = map.get(key);
  if (!list) map.set(key, (list = []));
  return list;
}

function ratio(x: number, y: number): number {
  return y === 0 ? 0 : x / y;
}

/** Share of concordant pairs (Kendall): 1 when the target keeps the source's passage order. */
function concordance(pairs: ReadonlyArray<[number, number]>): number {
  let agree = 0;
  let total = 0;
  for (let i = 0; i < pairs.length; i++) {
    for (let j = i + 1; j < pairs.length; j++) {
      const [a1, b1] = pairs[i] as [number, number];
      const [a2, b2] = pairs[j] as [number, number];
      total++;
      if ((a1 - a2) * (b1 - b2) > 0) agree++;
    }
  }
  return total === 0 ? 1 : agree / total;
}

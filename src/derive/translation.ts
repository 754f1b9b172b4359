import { DisjointSets } from '../disjoint.js';
import { UNDETERMINED } from '../language.js';
import { normalize } from '../normalize.js';
import { WORD } from '../tokenize.js';
import { round } from '../round.js';
import { anchorOrder, anchorsOf, crossLanguagePairs, NUMBER_MARK, rareAnchors, type AnchorOrder, type Anchors } from '../similarity/anchors.js';
import type { Evidence } from './evidence.js';
import type { Derivation } from './index.js';

/**
 * A text in another language than the family it was translated from shares none of its wording,
 * so the stages before this one find it unrelated. This one links it by its anchors (names,
 * numbers, identifiers: similarity/anchors.ts), after the families are derived, and hangs the
 * translation under the member whose readings it keeps.
 */

/**
 * A pair is a translation when at least this share of the shorter list of rare anchors recurs in
 * the same order in the other. Measured on the seed story rendered into Spanish by Apertium:
 * each rendering against its own source 0.54-0.81, against the other copies of the same lost
 * source 0.28-0.51, against the independent report (and the independent report's rendering
 * against the copies) 0.15-0.27; English seeds against one another 0.45-0.72, the independent
 * report against them 0.16-0.28. In the mail bench, 3 of 284 unrelated English pairs sharing 8
 * anchors in order reached it (mail signatures and MIME parts).
 */
const TRANSLATION_SHARE = 0.45;
/**
 * And this share of the longer list: an independent report of the same event names the same
 * people and figures in the order of the events, and one that is half quotations (the second
 * story's brief, 015) rendered into Spanish had 0.72 of its anchors in the order of a copy's,
 * but that was 0.35 of the copy's. The seed story's renderings hold 0.52-0.72 of their
 * sources' lists; 0.45 lost renderings linked right in the generated probes, 0.4 none.
 */
const MIN_OF_LONGER = 0.4;
/**
 * And at least this many anchors in order: a short text names too few for their order to mean
 * anything (Clough's answers name 0-20, and an independent answer 5 of the article's 8 in
 * order, 0.25 of the article's list). 8 left 18 of 36 generated renderings unlinked, 6 left 13
 * and linked 4 more right and 3 more to another member of the right family, at 0.55-0.6; no
 * negative fixture and no bench mail was linked at either.
 */
const MIN_ANCHORS_IN_ORDER = 6;
/**
 * Two texts that share this share of their distinct words are not in different languages, whatever
 * their function words voted (a short text's vote can go wrong). A rendering shares 0.11-0.17
 * of its words with its English source, Galician with Spanish 0.43, two independent English
 * reports of one event 0.46-0.50.
 */
const MAX_SHARED_WORDS = 0.4;
/**
 * Confidence of a translation link with no reading to tell its source from the rest of the
 * source's family. Each anchor reading that sets the chosen source apart from the next best adds
 * PER_READING. A family's members often differ in no anchor at all (a spinner and a round trip
 * leave names and numbers alone): of 23 renderings linked in three `--plans translated` runs
 * of the generator, 6 went to another member of the right family, at 0.55-0.6.
 */
const BASE_CONFIDENCE = 0.55;
const PER_READING = 0.05;
const MAX_CONFIDENCE = 0.8;
/** Neither side outnumbers the other nor is in the folder's language: which is the translation is a guess. */
const TIED_CONFIDENCE = 0.5;
/** Words of the folder's language, of at least MIN_LEFTOVER_LENGTH letters, a rendering keeps and another lacks before it is taken not to be made from that other (see withTranslations). */
const MIN_LEFTOVERS = 2;
const MIN_LEFTOVER_LENGTH = 4;
const QUOTED_ANCHORS = 4;
const NO_ANCHORS: Anchors = { keys: [], forms: [], latin: true };

export interface TranslationInputs {
  readonly ids: readonly string[];
  /** ISO 639-3 codes; `und` (not known) takes part in no link. */
  readonly languages: readonly string[];
  /** How many units (sentences, headings) each text has. */
  readonly sentences: readonly number[];
  /** The text of document i, read only when the folder holds two known languages or more. */
  text(i: number): string;
  /** One per document, as the derivation stage gave them. */
  readonly derivations: readonly Derivation[];
}

/** The derivations with each translation linked to its source; the input when there is none. */
export function withTranslations(inputs: TranslationInputs): Derivation[] {
  const { ids, derivations } = inputs;
  const languages = inputs.languages.map((l) => (l === UNDETERMINED ? undefined : l));
  if (new Set(languages.filter((l) => l !== undefined)).size < 2) return [...derivations];
  // A text of no known language takes part in no link, so its anchors are never asked.
  const anchors = ids.map((_, i) => (languages[i] === undefined ? NO_ANCHORS : anchorsOf(inputs.text(i))));
  const words = new Map<number, ReadonlySet<string>>();
  const wordsOf = (i: number): ReadonlySet<string> => {
    let set = words.get(i);
    if (!set) {
      set = new Set(normalize(inputs.text(i)).text.match(WORD) ?? []);
      words.set(i, set);
    }
    return set;
  };
  const sharing = crossLanguagePairs(
    anchors.map((a) => a.keys),
    languages,
    FEW_ANCHORS,
  );
  const compared = sharing
    .filter((p) => p.shared >= MIN_ANCHORS_IN_ORDER)
    .map(({ a, b }) => ({ a, b, order: anchorOrder((anchors[a] as Anchors).keys, (anchors[b] as Anchors).keys) }));
  const links = compared
    .filter((l) => l.order.inOrder >= MIN_ANCHORS_IN_ORDER && l.order.share >= TRANSLATION_SHARE && l.order.ofLonger >= MIN_OF_LONGER && sharedWords(wordsOf(l.a), wordsOf(l.b)) < MAX_SHARED_WORDS)
    .sort((p, q) => q.order.share - p.order.share || q.order.inOrder - p.order.inOrder || p.a - q.a || p.b - q.b);

  const own = folderLanguage(languages);
  const out = withUncomparedDoubt(derivations, languages, own, anchors, sharing, compared);
  const ranked = languageOrder(languages, own);
  // Each text's links to texts it may be a translation of, the strongest first. The
  // translation is the side in the language that comes later in `ranked`: outside the folder's
  // own language, or in the rarer one, the odd ones out of a folder of one story's versions.
  // One order of the languages for every pair keeps the links from making a cycle.
  const linksOf = new Map<number, Array<{ readonly source: number; readonly decided: boolean }>>();
  for (const { a, b } of links) {
    const [source, target] = ranked.rank(languages[a]) < ranked.rank(languages[b]) ? [a, b] : [b, a];
    const list = linksOf.get(target) ?? [];
    list.push({ source, decided: ranked.decided(languages[a], languages[b]) });
    linksOf.set(target, list);
  }
  const groups = familyGroups(ids, out);
  const choose = (target: number, source: number): SourceChoice =>
    chooseSource(
      target,
      ids.map((_, i) => i).filter((i) => groups.find(i) === groups.find(source) && languages[i] === languages[source]),
      anchors,
      inputs.sentences,
      out,
    );
  const hang = (target: number, source: number, decided: boolean, choice: SourceChoice): void => {
    // Under a lost source, the order is shown against the member the link was found with.
    const parent = choice.source ?? source;
    const order = anchorOrder((anchors[parent] as Anchors).keys, (anchors[target] as Anchors).keys);
    const confidence = decided ? round(Math.min(MAX_CONFIDENCE, BASE_CONFIDENCE + PER_READING * choice.margin), 2) : TIED_CONFIDENCE;
    // A text that stood alone is now the original of its translation, as sure as the link is.
    const exemplar = out[parent] as Derivation;
    if (choice.source !== undefined && exemplar.method === 'independent') out[parent] = { ...exemplar, method: 'original', confidence };
    out[target] = {
      target: ids[target] as string,
      source: choice.source === undefined ? choice.hidden : (ids[parent] as string),
      method: 'translation',
      confidence,
      evidence: [
        orderEvidence(order, anchors[parent] as Anchors, anchors[target] as Anchors),
        ...(choice.kept.length > 0 ? [keptEvidence(choice.kept, anchors[parent] as Anchors, anchors[target] as Anchors)] : []),
      ],
      // Which side is the translation rests on the folder, not on the texts: the words of the
      // two are too far apart to count changes either way.
      directionOnly: true,
    };
    groups.union(target, source);
  };

  // Renderings of several members of one family, side by side, look to the steps before like
  // copies of a lost source of their own. Where each keeps the readings of one member of the
  // family in the other language (all of them but one at most, and two at least), that lost
  // source is a mirage: each is hung under its member, and the lost source goes.
  for (const children of lostSourceChildren(out)) {
    const best = children.map((c) => linksOf.get(c)?.[0]);
    if (best.some((l) => l === undefined) || new Set(children.map((c) => languages[c])).size > 1) continue;
    const choices = children.map((c, k) => choose(c, (best[k] as { source: number }).source));
    const clear = choices.filter((c) => c.source !== undefined && c.kept.length > 0 && c.margin >= 1).length;
    if (clear < Math.max(MIN_MIRAGE, children.length - 1)) continue;
    children.forEach((c, k) => {
      const link = best[k] as { source: number; decided: boolean };
      hang(c, link.source, link.decided, choices[k] as SourceChoice);
    });
  }
  // A foreign text that the marks of translation show to be the source of a family's lost
  // source takes its place, before any link hangs it under that family as a translation.
  for (const { a, b } of links) {
    const [foreign, member] = languages[a] === own ? [b, a] : [a, b];
    if (languages[member] !== own || languages[foreign] === own || (out[foreign] as Derivation).source !== null) continue;
    const above = (out[member] as Derivation).source;
    const hidden = above !== null && above.startsWith('hidden:') ? above : undefined;
    const lost = lostSourceLines(out, ids, groups.find(member), groups, hidden);
    const shown = lost && foreignSource(foreign, lost.lines, anchors);
    if (!lost || !shown) continue;
    for (const child of lost.children) {
      out[child] = {
        target: ids[child] as string,
        source: ids[foreign] as string,
        method: 'translation',
        confidence: BASE_CONFIDENCE,
        evidence: [orderEvidence(anchorOrder((anchors[foreign] as Anchors).keys, (anchors[child] as Anchors).keys), anchors[foreign] as Anchors, anchors[child] as Anchors), shown],
      };
      groups.union(child, foreign);
    }
    out[foreign] = { ...(out[foreign] as Derivation), method: 'original', confidence: BASE_CONFIDENCE };
  }
  // Words of the folder's own language that a translation left as they were (a machine leaves
  // the words it does not know): a text in a third language made from that translation could
  // not have them where the translation lacks them. A Spanish and a Catalan rendering of one
  // English wire each keep English words the other lacks ("animals", "collars"; "Eurasian",
  // "young"), and the Spanish one had been hung under the Catalan one, the two languages' shared
  // wording drawing their anchors closer than the wire's.
  // Gathered only when a link between two other languages is weighed.
  let ownWords: ReadonlySet<string> | undefined;
  const leftOver = (target: number, source: number): number => {
    if (own === undefined || languages[source] === own) return 0;
    const folders = (ownWords ??= new Set(ids.flatMap((_, i) => (languages[i] === own ? [...wordsOf(i)] : []))));
    const theirs = wordsOf(source);
    return [...wordsOf(target)].filter((w) => w.length >= MIN_LEFTOVER_LENGTH && !/\d/u.test(w) && folders.has(w) && !theirs.has(w)).length;
  };
  for (const { a, b } of links) {
    if (groups.find(a) === groups.find(b)) continue;
    const target = linksOf.get(a)?.some((l) => l.source === b) ? a : b;
    const source = target === a ? b : a;
    if ((out[target] as Derivation).source !== null || leftOver(target, source) >= MIN_LEFTOVERS) continue;
    hang(target, source, linksOf.get(target)?.find((l) => l.source === source)?.decided ?? false, choose(target, source));
  }
  return withLostSourcesNumbered(out);
}

/** A lost source of the folder's language with its lines: each child and the members below it. */
interface LostLines {
  readonly children: readonly number[];
  readonly lines: readonly (readonly number[])[];
}

/** The lost source `hidden` of a family (group `root`), with two lines or more, if it has them. */
function lostSourceLines(derivations: readonly Derivation[], ids: readonly string[], root: number, groups: DisjointSets, hidden: string | undefined): LostLines | undefined {
  if (hidden === undefined) return undefined;
  const index = new Map(ids.map((id, i) => [id, i]));
  const children = derivations.flatMap((d, i) => (d.source === hidden && groups.find(i) === root ? [i] : []));
  if (children.length < 2) return undefined;
  const lineOf = (i: number): number | undefined => {
    for (let at: number | undefined = i, steps = 0; at !== undefined && steps <= ids.length; steps++) {
      if (children.includes(at)) return at;
      const source: string | null | undefined = derivations[at]?.source;
      at = source === null || source === undefined ? undefined : index.get(source);
    }
    return undefined;
  };
  const lines = children.map((c) => derivations.flatMap((_, i) => (lineOf(i) === c ? [i] : [])));
  return { children, lines };
}

/**
 * Whether a text in another language is the lost source of lines of the folder's language, and
 * what shows it: it writes a number as one line writes it and another line does not ("4,2",
 * "40.000" in an English machine translation of a Spanish report, where a human translation
 * writes "4.2", "40,000"), the mark a translation from its language leaves, and it names what
 * only another line names ("Horacio" where the machine translation wrote "Horace"): it sits
 * above both. A rendering of the lost source into another language keeps the lost source's
 * names too, but writes its numbers in its own language's way, which no text of the folder's
 * language shares (fixtures/story/tram-present).
 */
function foreignSource(foreign: number, lines: readonly (readonly number[])[], anchors: readonly Anchors[]): Evidence | undefined {
  const own = anchors[foreign] as Anchors;
  const formsOf = (line: readonly number[]): Map<string, Set<string>> => {
    const out = new Map<string, Set<string>>();
    for (const m of line) {
      const a = anchors[m] as Anchors;
      a.keys.forEach((key, i) => {
        if (!key.startsWith(NUMBER_MARK) || !/\d[.,]\d/u.test(a.forms[i] as string)) return;
        const set = out.get(key) ?? new Set<string>();
        set.add(a.forms[i] as string);
        out.set(key, set);
      });
    }
    return out;
  };
  const numbers = lines.map(formsOf);
  const keys = lines.map((line) => new Set(line.flatMap((m) => (anchors[m] as Anchors).keys)));
  for (let x = 0; x < lines.length; x++) {
    const marked = own.keys.flatMap((key, i) => {
      const form = own.forms[i] as string;
      const mine = numbers[x]?.get(key);
      const others = numbers.filter((_, y) => y !== x).flatMap((n) => [...(n.get(key) ?? [])]);
      return mine?.has(form) && others.length > 0 && !others.includes(form) ? [form] : [];
    });
    if (marked.length === 0) continue;
    for (let y = 0; y < lines.length; y++) {
      if (y === x) continue;
      const named = [...new Set(own.keys.filter((key) => !key.startsWith(NUMBER_MARK) && keys[y]?.has(key) && !keys[x]?.has(key)))];
      if (named.length === 0) continue;
      const quotedNames = named.slice(0, QUOTED_ANCHORS).map((key) => own.forms[own.keys.indexOf(key)] as string);
      const quotedNumbers = [...new Set(marked)].slice(0, QUOTED_ANCHORS);
      return {
        kind: 'kept-anchors',
        sourceText: [...quotedNumbers, ...quotedNames].join(', '),
        targetText: '',
        support: marked.length + named.length,
        detail: `writes ${quotedNumbers.join(', ')} as one line of the copies does and another does not, and names ${quotedNames.join(', ')} as only another line does: the source of both, in another language`,
      };
    }
  }
  return undefined;
}

/**
 * Lost sources numbered 1, 2, ... again in the order of their numbers, where a lost source went
 * (its renderings hung under their members): the contract numbers them from 1 without gaps.
 */
function withLostSourcesNumbered(derivations: readonly Derivation[]): Derivation[] {
  const numbers = [...new Set(derivations.flatMap((d) => (d.source?.startsWith('hidden:') ? [Number(d.source.slice('hidden:'.length))] : [])))].sort((x, y) => x - y);
  const renamed = new Map(numbers.map((n, k) => [`hidden:${n}`, `hidden:${k + 1}`]));
  return derivations.map((d) => {
    const source = d.source === null ? null : renamed.get(d.source);
    return source === undefined || source === d.source ? d : { ...d, source };
  });
}

/**
 * A text in a language other than the folder's own may be a translation that its anchors are too
 * few to show (a short text, technical prose with few names): 13 of 36 renderings in three
 * `--plans translated` runs of the generator were not linked.
 * Its "independent" is then worth no more than UNCOMPARED_CONFIDENCE, unless it names enough
 * anchors, in the script of some text of another language, and none of the other languages'
 * texts has them in order at UNRELATED_SHARE or more. A hand-made Russian rendering of the
 * seed story's 002 was "independent" at 0.99 before the script was asked.
 */
const UNCOMPARED_CONFIDENCE = 0.6;
const UNRELATED_SHARE = 0.3;
/** Fewer distinct anchors than this in common with every text of other languages rule a translation out. */
const FEW_ANCHORS = MIN_ANCHORS_IN_ORDER / 2;

function withUncomparedDoubt(
  derivations: readonly Derivation[],
  languages: readonly (string | undefined)[],
  own: string | undefined,
  anchors: readonly Anchors[],
  sharing: ReadonlyArray<{ readonly a: number; readonly b: number; readonly shared: number }>,
  compared: ReadonlyArray<{ readonly a: number; readonly b: number; readonly order: AnchorOrder }>,
): Derivation[] {
  // How close each text comes to one in another language: the share in order where the pair
  // was compared, and 1 (not ruled out) where it shares anchors too few to compare but not few.
  const closest = new Map<number, number>();
  const near = (d: number, share: number): void => {
    closest.set(d, Math.max(closest.get(d) ?? 0, share));
  };
  for (const { a, b, shared } of sharing) {
    if (shared < MIN_ANCHORS_IN_ORDER) [a, b].forEach((d) => near(d, 1));
  }
  for (const { a, b, order } of compared) [a, b].forEach((d) => near(d, order.share));
  return derivations.map((d, i) => {
    const language = languages[i];
    if (language === undefined || language === own || d.method !== 'independent' || d.confidence <= UNCOMPARED_CONFIDENCE) return d;
    // Names in another script than every text of the other languages could not have matched.
    const comparable = anchors.some((a, j) => languages[j] !== undefined && languages[j] !== language && a.latin === (anchors[i] as Anchors).latin);
    const ruledOut = comparable && rareAnchors((anchors[i] as Anchors).keys).length >= 2 * MIN_ANCHORS_IN_ORDER && (closest.get(i) ?? 0) < UNRELATED_SHARE;
    return ruledOut ? d : { ...d, confidence: UNCOMPARED_CONFIDENCE };
  });
}

/** Renderings that must each keep a member's readings before their lost source is dropped. */
const MIN_MIRAGE = 2;

/** The members of each lost source, in the order the lost sources first appear. */
function lostSourceChildren(derivations: readonly Derivation[]): number[][] {
  const children = new Map<string, number[]>();
  derivations.forEach((d, i) => {
    if (!d.source?.startsWith('hidden:')) return;
    const list = children.get(d.source) ?? [];
    list.push(i);
    children.set(d.source, list);
  });
  return [...children.values()];
}

/**
 * The folder's languages in the order translations go: its own language first, then the others
 * by how many texts are in each, then by code. A link between two languages is `decided` where
 * one of them is the folder's own or they hold different numbers of texts; else nothing says
 * which side is the translation.
 */
function languageOrder(
  languages: readonly (string | undefined)[],
  own: string | undefined,
): { rank(l: string | undefined): number; decided(a: string | undefined, b: string | undefined): boolean } {
  const counts = new Map<string, number>();
  for (const l of languages) if (l !== undefined) counts.set(l, (counts.get(l) ?? 0) + 1);
  const order = [...counts.keys()].sort((x, y) => Number(y === own) - Number(x === own) || (counts.get(y) as number) - (counts.get(x) as number) || (x < y ? -1 : 1));
  return {
    rank: (l) => (l === undefined ? order.length : order.indexOf(l)),
    decided: (a, b) => a === own || b === own || counts.get(a ?? '') !== counts.get(b ?? ''),
  };
}

/** The language more of the folder's texts are in than any other; undefined where two tie. */
function folderLanguage(languages: readonly (string | undefined)[]): string | undefined {
  const counts = new Map<string, number>();
  for (const l of languages) if (l !== undefined) counts.set(l, (counts.get(l) ?? 0) + 1);
  const ranked = [...counts.values()].sort((x, y) => y - x);
  if (ranked.length === 0 || ranked[0] === ranked[1]) return undefined;
  return [...counts].find(([, n]) => n === ranked[0])?.[0];
}

/** Share of the smaller vocabulary found in the other. */
function sharedWords(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let n = 0;
  for (const w of small) if (large.has(w)) n++;
  return small.size === 0 ? 0 : n / small.size;
}

/** Documents joined by a derivation, a shared lost source or a second source. */
function familyGroups(ids: readonly string[], derivations: readonly Derivation[]): DisjointSets {
  const index = new Map(ids.map((id, i) => [id, i]));
  const groups = new DisjointSets(ids.length);
  const hidden = new Map<string, number>();
  derivations.forEach((d, i) => {
    for (const source of [d.source, d.alsoFrom?.source]) {
      if (source === null || source === undefined) continue;
      const j = index.get(source) ?? hidden.get(source);
      if (j === undefined) hidden.set(source, i);
      else groups.union(i, j);
    }
  });
  return groups;
}

interface SourceChoice {
  /** The member the translation was made from; undefined for the family's lost source. */
  readonly source: number | undefined;
  /** The lost source's id where it is the choice. */
  readonly hidden: string;
  /** How many readings set the choice apart from the next best candidate. */
  readonly margin: number;
  /** Anchors the translation shares with its source alone, or nearly, in the source's family (folded keys). */
  readonly kept: readonly string[];
}

/**
 * Which member of the source family the translation was made from, by the anchors it keeps,
 * as a stemma is read (shared readings are inherited): each member scores the anchors it shares
 * with the translation that at most half the family's lines hold, its own among them (linesOf; a respelled name, a
 * number a spinner turned: a reading most members have is the source's; counting a member's
 * readings against the others alone, a complete copy beside a round trip that mangled a name and
 * a summary took the rendering of the lost original, fixtures/story/web), and the numbers most
 * others have that it and the translation both lack (a passage its edit dropped; a name a translation may well render otherwise, a number it keeps), less
 * the anchors most others have that the translation has and it lacks (the translation cannot
 * have them from it). The family's lost source, if it has one, reads as
 * most members do and scores 0. A tie goes to the family's root: with no reading to tell them
 * apart, the original or the lost source is the likelier exemplar.
 */
function chooseSource(
  target: number,
  members: readonly number[],
  anchors: readonly Anchors[],
  sentences: readonly number[],
  derivations: readonly Derivation[],
): SourceChoice {
  const sets = new Map(members.map((m) => [m, new Set((anchors[m] as Anchors).keys)]));
  const line = linesOf(members, derivations);
  const lineCount = new Set(line.values()).size;
  const translation = new Set((anchors[target] as Anchors).keys);
  const all = new Set<string>([...translation]);
  for (const s of sets.values()) for (const k of s) all.add(k);
  const lost = members.map((m) => (derivations[m] as Derivation).source).find((s) => s?.startsWith('hidden:'));
  // The counts of sentences a member's is read against: one for each other line, as readings
  // are counted (an edit's spin has the edit's count, and beside one other line the edit's count
  // was as common as the full one, fixtures/story/metro), and the lost source's, which has every
  // sentence of the lines below it save what an edit added: the fullest of them. Without it a
  // round trip of the lost source kept the full count "apart" from the edit's line.
  const tops = [...new Set(line.values())];
  const lostCounts = lost === undefined ? [] : [Math.max(...members.filter((m) => (derivations[m] as Derivation).source === lost).map((m) => sentences[m] as number))];
  const countsBeside = (m: number): number[] => [...tops.filter((t) => t !== line.get(m)).map((t) => sentences[t] as number), ...lostCounts];
  const scored = members.map((m) => {
    const own = sets.get(m) as Set<string>;
    const others = members.filter((o) => o !== m).map((o) => sets.get(o) as Set<string>);
    let score = 0;
    const kept: Array<{ key: string; inOthers: number }> = [];
    for (const key of others.length === 0 ? [] : all) {
      const inOthers = others.reduce((n, o) => n + (o.has(key) ? 1 : 0), 0);
      const most = 2 * inOthers > others.length;
      if (own.has(key) === translation.has(key)) {
        if (own.has(key) && 2 * new Set(members.filter((o) => (sets.get(o) as Set<string>).has(key)).map((o) => line.get(o))).size <= lineCount) {
          score++;
          kept.push({ key, inOthers });
        } else if (!own.has(key) && most && key.startsWith(NUMBER_MARK)) score++;
      } else if (translation.has(key) && most) score--;
    }
    score += SENTENCE_READING * sentenceReading(sentences[target] as number, sentences[m] as number, others.length === 0 ? [] : countsBeside(m));
    // The evidence quotes the member's own readings first: those no other member has.
    return { member: m, score, kept: kept.sort((x, y) => x.inOthers - y.inOthers).map((k) => k.key) };
  });
  const root = members.find((m) => (derivations[m] as Derivation).source === null);
  const candidates: Array<{ member: number | undefined; score: number; kept: readonly string[] }> = [
    ...scored,
    ...(lost === undefined ? [] : [{ member: undefined, score: 0, kept: [] }]),
  ];
  const best = Math.max(...candidates.map((c) => c.score));
  const top = candidates.filter((c) => c.score === best);
  const rootChoice = top.find((c) => (lost === undefined ? c.member === root : c.member === undefined));
  const chosen = rootChoice ?? (top[0] as (typeof candidates)[number]);
  const second = Math.max(...candidates.filter((c) => c !== chosen).map((c) => c.score), -Infinity);
  return {
    source: chosen.member,
    hidden: lost ?? '',
    margin: Number.isFinite(second) ? best - second : 0,
    kept: chosen.kept,
  };
}

/**
 * Each member's line: the member at the top of its branch below the family's root (the lost
 * source, or the original, which is a line of its own). A reading held in one line is that
 * line's innovation however many copies the line holds: an edit with two copies of its own had
 * "most" of a family's readings counted by member.
 */
function linesOf(members: readonly number[], derivations: readonly Derivation[]): Map<number, number> {
  const byId = new Map(members.map((m) => [(derivations[m] as Derivation).target, m]));
  const out = new Map<number, number>();
  for (const m of members) {
    let x = m;
    for (let steps = 0; steps < members.length; steps++) {
      const up = byId.get((derivations[x] as Derivation).source ?? '');
      if (up === undefined || (derivations[up] as Derivation).source === null) break;
      x = up;
    }
    out.set(m, x);
  }
  return out;
}

/**
 * A translation keeps its source's sentences one for one (Apertium always, a translator nearly),
 * so its count of units is a reading too: an edit that dropped a fifth of its source's
 * sentences, or a truncation, has a count of its own, which its translation shares. In three
 * `--plans translated` runs, every rendering of an edit had the edit's count within one, and
 * every rendering of a full copy the full count within two. Counts within SENTENCE_TOLERANCE
 * of each other read alike. Worth two anchor readings: a count stands for many sentences.
 */
const SENTENCE_READING = 2;
const SENTENCE_TOLERANCE = 0.06;

/**
 * +1 where the translation reads as the member and most other members read otherwise; -1 where
 * it reads as most others and the member otherwise; 0 where the count tells nothing.
 */
function sentenceReading(translation: number, member: number, others: readonly number[]): number {
  const alike = (x: number, y: number): boolean => Math.abs(x - y) <= Math.max(1, Math.round(SENTENCE_TOLERANCE * Math.max(x, y)));
  const memberApart = 2 * others.filter((o) => alike(o, member)).length < others.length;
  const translationWithMost = 2 * others.filter((o) => alike(o, translation)).length > others.length;
  if (alike(translation, member)) return memberApart ? 1 : 0;
  return memberApart && translationWithMost ? -1 : 0;
}

function orderEvidence(order: AnchorOrder, source: Anchors, target: Anchors): Evidence {
  const quoted = order.matches.slice(0, QUOTED_ANCHORS);
  return {
    kind: 'anchors',
    sourceText: quoted.map(([i]) => source.forms[i]).join(', '),
    targetText: quoted.map(([, j]) => target.forms[j]).join(', '),
    support: order.inOrder,
    detail: `${order.inOrder} names, numbers and identifiers in its source's order (${Math.round(order.share * 100)}% of the shorter list)`,
  };
}

function keptEvidence(kept: readonly string[], source: Anchors, target: Anchors): Evidence {
  const quoted = kept.slice(0, QUOTED_ANCHORS);
  const as = (a: Anchors): string => quoted.map((k) => a.forms[a.keys.indexOf(k)] as string).join(', ');
  return {
    kind: 'kept-anchors',
    sourceText: as(source),
    targetText: as(target),
    support: kept.length,
    detail: `keeps ${kept.length} name(s) or number(s) that most of its source's family lacks`,
  };
}

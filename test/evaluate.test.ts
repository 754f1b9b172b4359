import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compare } from '../src/compare.js';
import { loadFolder } from '../src/load.js';
import type { Derivation } from '../src/derive/index.js';
import { rate, renamedFiles, scoreFamily, summarize, type FamilyScore } from '../src/evaluate.js';
import { parseTruth } from '../src/truth.js';
import { loadWordNetLexicon } from '../src/wordnet.js';
import { FIXTURES, readFixture } from './helpers.js';

const lexicon = await loadWordNetLexicon();

const derivation = (target: string, source: string | null, confidence = 0.9): Derivation => ({
  target,
  source,
  method: source === null ? 'original' : 'edit',
  confidence,
  evidence: [],
});

describe('scoreFamily', () => {
  const truth = { parents: { 'o.txt': null, 'a.txt': 'o.txt', 'b.txt': 'a.txt', 'x.txt': 'hidden:1', 'y.txt': 'hidden:1' } };

  it('counts a reversed edge as adjacent but not directed, and a wrong parent as wrong', () => {
    const s = scoreFamily('f', truth, [
      derivation('o.txt', 'a.txt'),
      derivation('a.txt', null),
      derivation('b.txt', 'a.txt'),
      derivation('x.txt', 'hidden:7'),
      derivation('y.txt', 'hidden:7'),
    ]);
    expect(s.parent).toEqual({ correct: 3, total: 5 });
    expect(s.direction).toEqual({ correct: 1, total: 2 });
    expect(s.adjacency).toEqual({ correct: 2, total: 2 });
    expect(s.falseDerivations).toBe(1);
  });

  it('matches a lost source only when the group under it is the same', () => {
    const s = scoreFamily('f', truth, [
      derivation('o.txt', null),
      derivation('a.txt', 'o.txt'),
      derivation('b.txt', 'hidden:1'),
      derivation('x.txt', 'hidden:1'),
      derivation('y.txt', 'hidden:1'),
    ]);
    expect(s.parent).toEqual({ correct: 2, total: 5 });
  });

  it('counts a second parent named as alsoFrom as a directed edge', () => {
    const two = { parents: { 'o.txt': null, 'r.txt': null, 'm.txt': ['o.txt', 'r.txt'] } };
    const merged = derivation('m.txt', 'o.txt');
    const without = scoreFamily('f', two, [derivation('o.txt', null), derivation('r.txt', null), merged]);
    const withSecond = scoreFamily('f', two, [derivation('o.txt', null), derivation('r.txt', null), { ...merged, alsoFrom: { source: 'r.txt', confidence: 0.6, evidence: [] } }]);
    expect(without.direction).toEqual({ correct: 1, total: 2 });
    expect(withSecond.direction).toEqual({ correct: 2, total: 2 });
    expect(withSecond.adjacency).toEqual({ correct: 2, total: 2 });
    expect(withSecond.parent).toEqual({ correct: 3, total: 3 });
  });

  it('scores the quoted substitutions of a copy with listed drift: recall over the list, precision over the quotes', () => {
    const swap = (sourceText: string, targetText: string) => ({ kind: 'substitution' as const, sourceText, targetText });
    const spun = { parents: { 'o.txt': null, 's.txt': 'o.txt' }, drift: { 's.txt': [{ from: 'court', to: 'court docket' }, { from: 'year', to: '12 months' }] } };
    const s = scoreFamily('f', spun, [derivation('o.txt', null), { ...derivation('s.txt', 'o.txt'), evidence: [swap('the court', 'the court docket'), swap('team', 'squad')] }]);
    expect(s.drift).toEqual({ correct: 1, total: 2 });
    expect(s.driftPrecision).toEqual({ correct: 1, total: 2 });
  });
});

/** Scores every family of a committed benchmark folder under fixtures/. */
function scoreFolder(folder: string): { names: string[]; familyNames: string[]; scores: FamilyScore[] } {
  const root = path.join(FIXTURES, folder);
  const truth = parseTruth(JSON.parse(readFileSync(path.join(root, 'truth.json'), 'utf8')));
  const names = readdirSync(root, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort();
  const scores = names.map((name) => {
    const result = compare(readFixture(path.join(folder, name)), { lexicon });
    return scoreFamily(name, truth.families[name] ?? { parents: {} }, result.derivations);
  });
  return { names, familyNames: Object.keys(truth.families).sort(), scores };
}

/** Scores a committed folder inside a describe block, with a test that its truth names every family folder. */
function scoredFolder(folder: string): { scores: FamilyScore[]; overall: FamilyScore } {
  const { names, familyNames, scores } = scoreFolder(folder);
  it('covers every family of the truth file', () => {
    expect(names).toEqual(familyNames);
  });
  return { scores, overall: summarize(scores).overall };
}

/** Rates at or above their floors, and no more false derivations than allowed. */
function expectFloors(
  overall: FamilyScore,
  floors: Record<'parent' | 'direction' | 'adjacency' | 'method', number> & { drift?: number; driftPrecision?: number; falseDerivations: number },
): void {
  for (const key of ['parent', 'direction', 'adjacency', 'method', 'drift', 'driftPrecision'] as const) {
    const floor = floors[key];
    if (floor !== undefined) expect(rate(overall[key]), key).toBeGreaterThanOrEqual(floor);
  }
  expect(overall.falseDerivations).toBeLessThanOrEqual(floors.falseDerivations);
}

describe('renamedFiles (eval --rename)', () => {
  const seeds = readFixture('seeds');

  it('gives every file a name of its salt, keeps its extension, and reads the derivations back under the names it had', () => {
    const renamed = renamedFiles(seeds, 'x');
    expect(renamed.files.map((f) => f.id).filter((id) => seeds.some((s) => s.id === id))).toEqual([]);
    expect(renamed.files.every((f) => /^[0-9a-f]{16}\.txt$/u.test(f.id))).toBe(true);
    expect(renamedFiles(seeds, 'x').files.map((f) => f.id)).toEqual(renamed.files.map((f) => f.id));
    expect(renamedFiles(seeds, 'y').files.map((f) => f.id)).not.toEqual(renamed.files.map((f) => f.id));
    const back = renamed.back(compare(renamed.files).derivations);
    const named = compare(seeds).derivations;
    // The seeds' four copies of a lost article and the independent one read alike under any names.
    expect(back.map((d) => [d.target, d.source, d.method])).toEqual(named.map((d) => [d.target, d.source, d.method]));
  });
});

/**
 * Regression guard on the committed generated families (scripts/generate-families.mjs): the
 * figures the engine reached when they were made, as floors. Raise them when the engine improves.
 * The method floor went from 0.88 to 0.82 with cohesion (session 14), which raised method
 * accuracy on every held-out set, and to 0.9 with the explicitation tilt (session 16); see
 * README, Accuracy, Held out. Session 17 regenerated these families after fixing the generator's
 * sentence split (and two ways it could make byte-identical copies), which drew a new sample
 * from the same seed; the parent, direction and drift floors are that sample's figures. Session
 * 18's explicitation at the root turned its one round trip the right way: every parent right.
 * Session 19's trusted witness and synonym tie-break under a lost source raised drift recall
 * 0.884 -> 0.921. Session 20's method rules (an edit works on passages; a light rewording is a
 * spin only if mostly synonyms) named every method right: 50 -> 52 of 52.
 */
describe('accuracy on the generated families', () => {
  const { scores, overall } = scoredFolder('generated');

  it('keeps parent, direction and adjacency at or above the recorded figures', () => {
    expectFloors(overall, { parent: 1, direction: 1, adjacency: 0.99, method: 1, drift: 0.92, falseDerivations: 0 });
  });

  it('claims no derivation on unrelated texts and finds every lost source', () => {
    for (const s of scores.filter((x) => x.family.startsWith('unrelated-'))) expect(s.falseDerivations).toBe(0);
    for (const s of scores.filter((x) => x.family.startsWith('lost-'))) expect(s.parent.correct).toBe(s.parent.total);
  });

  it('is right more often when it is confident', () => {
    expect(rate(overall.confident) ?? 0).toBeGreaterThanOrEqual(0.95);
    expect(rate(overall.confident) ?? 0).toBeGreaterThanOrEqual(rate(overall.parent) ?? 1);
  });
});

/**
 * Held out: families from the same generator with another seed (`--seed 101`), which no change
 * of the engine was tuned on (README, Accuracy, Held out). Their figures are the engine's honest
 * ones, lower than the tuning set's; the floors keep them from sliding. Measure changes here,
 * do not fit them here.
 */
describe('accuracy on the held-out generated families', () => {
  const { scores } = scoreFolder('heldout');
  const overall = summarize(scores).overall;

  it('keeps parent, direction and adjacency at or above the figures of session 17', () => {
    expectFloors(overall, { parent: 0.99, direction: 0.99, adjacency: 0.99, method: 1, drift: 0.94, falseDerivations: 0 });
  });

  it('is right whenever it is confident', () => {
    expect(rate(overall.confident)).toBe(1);
  });

  // Wrong answers have come both under 0.6 and, in session 16's sample, at 0.75; what must hold is
  // that no wrong answer comes with 0.8 or more, and that answers from 0.6 up are nearly all right.
  it('has confidences that mean something: no wrong answer at 0.8 or above, and those from 0.6 up nearly always right', () => {
    const [low, ...rest] = overall.reliability;
    const high = { correct: rest.reduce((n, t) => n + t.correct, 0), total: rest.reduce((n, t) => n + t.total, 0) };
    expect((low?.total ?? 0) + high.total).toBe(overall.parent.total);
    expect(rate(high) ?? 0).toBeGreaterThanOrEqual(0.95);
    for (const bin of overall.reliability.filter((b) => b.from >= 0.8)) expect(bin.correct).toBe(bin.total);
  });
});

/**
 * Held out in another register: families the generator drew from the King James Bible's narrative
 * books (`--prose kjv --seed 3101`), four centuries older English than the Debian Reference every
 * rule was looked at on. Made in session 18 and run once before being committed; the floors are
 * its figures then (parent 74/78: two machine round trips taken for their originals, said under
 * 0.6); explicitation at the root then turned one of them round (76/78), and the floors are
 * those figures.
 */
describe('accuracy on families drawn from other prose', () => {
  const { overall } = scoredFolder('heldout-kjv');

  it('keeps its figures of session 18', () => {
    expectFloors(overall, { parent: 0.97, direction: 0.97, adjacency: 0.99, method: 0.96, drift: 0.96, falseDerivations: 1 });
  });

  it('is wrong only where it says it is unsure', () => {
    for (const bin of overall.reliability.filter((b) => b.from >= 0.6)) expect(bin.correct).toBe(bin.total);
  });
});

/**
 * Another language: families from the generator rendered into Spanish by Apertium
 * (`--seed 7171 --render eng-spa`), made in session 24 and run once before being committed. Read
 * with Spanish function words and without WordNet (language.ts); read as English, as before,
 * they gave parents 62/78, method 40/52 and 6 false derivations.
 */
describe('accuracy on families in Spanish', () => {
  const { scores, overall } = scoredFolder('heldout-spa');

  it('keeps its figures of session 24 (no drift lists: they name English words)', () => {
    expectFloors(overall, { parent: 0.93, direction: 0.92, adjacency: 0.95, method: 0.86, falseDerivations: 2 });
    for (const s of scores.filter((x) => x.family.startsWith('unrelated-'))) expect(s.falseDerivations).toBe(0);
  });

  it('is right whenever it is confident', () => {
    for (const bin of overall.reliability.filter((b) => b.from >= 0.6)) expect(bin.correct).toBe(bin.total);
  });
});

/**
 * Committed families written or drawn for one fault each, with the figures reached as floors.
 * - story (session 25): written by hand to the seeds' pattern, its lost source, two Apertium
 *   round trips, a paraphrase and a spin, two independent reports (one half quotations, added in
 *   session 26, which session 25 drew as a paraphrase); and the same story with its original
 *   present. Before session 25: parents 8/11, method 6/8. A third story (session 29, arctic/),
 *   its lost source behind two round trips, a paraphrase, a spin, a spin of a round trip and an
 *   excerpt, and again with the original present: before session 29 methods 9/12 (the
 *   paraphrase a round trip twice); the spin under the lost source is still named a round trip.
 *   A fourth (fire/): a wire report behind a syndicated copy and an aggregator's copy of it, a
 *   paraphrase and a spin of it, a round trip, an independent report and an unrelated one, with
 *   the original withheld and present: every parent right with session 28's engine too; under
 *   the lost source two of five methods are wrong (the syndicated copy a round trip, the round
 *   trip a paraphrase), the reconstruction of three witnesses that all differ being poor. And a
 *   round-up made of the syndicated copy and three paragraphs of the independent report (roundup/):
 *   before session 29 the report was drawn as the round-up's copy, a false derivation. And the
 *   third story as the web holds it (web/): an HTML page, a summary, a complete copy with two
 *   blocks of paragraphs swapped, a Spanish rendering, beside a round trip and a spin: before
 *   session 29 the swapped copy was taken for the original (parents 0/6); its method and the
 *   spin's are still wrong. Stories of sessions 30-32 are run once as written, their misses
 *   left in the floors (fixtures/story/README.md): the floors fell as they came, not the figures
 *   of the earlier stories.
 * - present (session 26): the original beside two round trips and a third copy, generated
 *   families with the withheld original put back. Before session 26: parents 52/64, round trips
 *   through related languages hung one under the other (62/64 with inheritance.ts, then the
 *   round-trip hub at the root).
 * - wide (session 26, `--plans wide`): four copies of one original made two by two the same way,
 *   with the original present and withheld, a translation of a translation, a spin of a spin.
 *   Before session 26: parents 44/57, the lost source of two spins and two round trips drawn as
 *   a chain of copies; 52/57 before session 40 counted the round trips' changes against a spin.
 * - rooted (session 27): the original beside spins and round trips, where the tendencies turned
 *   the root round. Before session 27: parents 8/23, 5 false derivations.
 * - deep (session 27, `--plans deep --seed 9501`): chains below a lost source, a translation of
 *   a translation, a spin of a spin, a spin of a round trip, each beside two other copies of the
 *   withheld original. Before session 27: parents 24/36, the round trip whose spin keeps its
 *   changes taken for the original, with the lost source's other copies hung under it.
 * - regained (session 43, two families of `--plans deep --seed 9449`, one of seed 9462): a
 *   respin and a relay under a lost source. Before session 43: parents 1/12, the second copy
 *   hung beside its exemplar and a round trip under an edit, regaining the sentences the edit
 *   dropped.
 * - condensed (session 43, `mtspin-lost-1` of seed 9449, `mtspin-lost-2` of seed 9456): a round
 *   trip with its own spin beside a spin of the lost source. Before session 43: parents 2/8, the
 *   round trip taken for the original.
 */
const FLOORS: readonly { folder: string; holds: string; floors: Parameters<typeof expectFloors>[1] }[] = [
  { folder: 'story', holds: 'keeps its figures: every parent of the first four stories, the misses of the later ones explained in its README, and nineteen false derivations (plant-present: a wire and its localized copy tie; cake: an independent recipe under the scrape it shares quantities and steps with; trees-present: an abstract drawn as the paraphrase of the news story made from its press release; library-present: a speech drawn as taking a passage from a radio report that gives it in reported speech; lantern-present: a song drawn as a correction of its misheard copy; plantclose-present: a wire drawn under a lost source with its round trip and a paraphrase of the round trip; brief-present: a wire drawn as the typographic copy of its copy with straightened quotes, the two having the same words; count and count-present: an independent report drawn as the copy of a copy that only added words; lab-present: a British report drawn as the edit of its American localization; summit-present: a wire drawn as adding the one sentence its three rewording copies lack; sewage-present: a wire drawn as the paraphrase of its sentence-by-sentence rewrite, whose spin keeps the rewrite\'s changes; outlets-present: a wire drawn as the edit of a local paper\'s edit that added three passages; unit-present: the same with a hospital story; light and light-present: an encyclopedia article\'s earlier revision drawn as an abridgement of the later one, which grew; museum-present: a wire drawn as the paraphrase of its paraphrase, the writer\'s wording read as the earlier; bees-present: a wire drawn under a lost source with a round trip and a light paraphrase read as one, which both lack its last paragraph; typo-present: a wire drawn as the edit of an outlet\'s edit that mended its typos)', floors: { parent: 0.81, direction: 0.9, adjacency: 0.92, method: 0.85, drift: 0.87, driftPrecision: 0.9, falseDerivations: 19 } },
  { folder: 'present', holds: 'hangs every round trip under the original, not under another round trip', floors: { parent: 1, direction: 1, adjacency: 1, method: 1, falseDerivations: 0 } },
  { folder: 'wide', holds: 'draws the lost source of four copies, and keeps the chains', floors: { parent: 0.98, direction: 0.97, adjacency: 0.97, method: 1, drift: 0.9, falseDerivations: 0 } },
  { folder: 'rooted', holds: 'roots the family at the member with no readings of its own', floors: { parent: 0.91, direction: 1, adjacency: 0.88, method: 0.94, falseDerivations: 0 } },
  { folder: 'deep', holds: 'does not take a round trip kept by its spin for the original', floors: { parent: 1, direction: 1, adjacency: 1, method: 1, drift: 0.82, driftPrecision: 0.84, falseDerivations: 0 } },
  { folder: 'regained', holds: 'keeps a respin and a relay under their exemplar rather than have a copy regain what another dropped', floors: { parent: 1, direction: 1, adjacency: 1, method: 0.87, falseDerivations: 0 } },
  { folder: 'condensed', holds: 'does not take a round trip with its own spin for the original of a spin that writes "the" and "of" far less', floors: { parent: 1, direction: 1, adjacency: 1, method: 0.87, falseDerivations: 0 } },
  { folder: 'translated', holds: 'links a version in another language to the member whose names and numbers it keeps', floors: { parent: 0.96, direction: 0.88, adjacency: 0.88, method: 0.96, falseDerivations: 0 } },
];

describe.each(FLOORS.map(({ folder, holds, floors }) => [folder, holds, floors] as const))('accuracy on fixtures/%s', (folder, holds, floors) => {
  const { overall } = scoredFolder(folder);

  it(holds, () => {
    expectFloors(overall, floors);
  });
});

/**
 * The shared benchmarks (../shared/benchmarks, beside the clone in CI): their figures as floors,
 * loaded as `provenance eval` loads them. Skipped where the folder is absent (a clone on its own).
 */
const BENCHMARKS = path.resolve(import.meta.dirname, '..', '..', 'shared', 'benchmarks');

async function scoreBenchmark(folder: string, only?: string): Promise<FamilyScore> {
  const root = path.join(BENCHMARKS, folder);
  const truth = parseTruth(JSON.parse(readFileSync(path.join(root, 'truth.json'), 'utf8')));
  const scores: FamilyScore[] = [];
  for (const name of Object.keys(truth.families).sort().filter((n) => only === undefined || n === only)) {
    const loaded = await loadFolder(path.join(root, name), { recursive: true });
    scores.push(scoreFamily(name, truth.families[name] ?? { parents: {} }, compare(loaded.files, { lexicon }).derivations));
  }
  return summarize(scores).overall;
}

describe.skipIf(!existsSync(BENCHMARKS))('accuracy on the shared benchmarks', () => {
  // Since session 22 hard-wrapped lines are joined (segment.ts): PAN13 pair 031, a coin flip
  // either way (0.52 right before, 0.6 wrong after), turned, and so did Clough task a's source
  // and its copy g2pE, whose direction the tendencies decide (0.6, marked unsure). Session 23
  // located sbd's sentences word by word, and PAN13's texts, with many a stop glued to the next
  // word, were cut into their sentences again: 119. Rules of marks ("-----") stopped being
  // units, and pair 031 turned back: 120.
  it('PAN13: the source of a reused passage, 120 of 120', async () => {
    const overall = await scoreBenchmark('pan13');
    expect(overall.direction.correct).toBeGreaterThanOrEqual(120);
  });

  // Session 25: a revision that moves words about inside its sentences is a paraphrase, not a round
  // trip, and task a's article no longer hangs under an answer: 89 -> 91, parents 55 -> 57.
  // Session 29: the order of passages is a character, and one answer's parent moved (57 -> 56).
  // Session 33: alignment weights counted within the topic, and one answer's parent moved back (56 -> 57).
  // Session 40: a copy goes back to the ancestor that has a sentence its parent lacks where two
  // other answers write it too (57 -> 62).
  it('Clough: derived or not 91 of 100, parents 62 (53 before excerpts cut inside a sentence were read as such)', async () => {
    const overall = await scoreBenchmark('clough');
    expect(overall.linkage.correct).toBeGreaterThanOrEqual(91);
    expect(overall.parent.correct).toBeGreaterThanOrEqual(62);
  });

  it('Darwin: every edition next to the one it came from', async () => {
    const overall = await scoreBenchmark('darwin');
    expect(overall.adjacency).toEqual({ correct: 10, total: 10 });
  });

  it('Notre besoin: 8 of 13 parents', async () => {
    const overall = await scoreBenchmark('tla-stemmata', 'besoin');
    expect(overall.parent.correct).toBeGreaterThanOrEqual(8);
  });
});

/**
 * Two copies of a withheld original alone: the lost-source families of three generated sets,
 * their copies taken two at a time (36 pairs). Two texts alone were drawn one from the other
 * until session 40 (1 pair right), which added two ways to see a lost source above two texts:
 * a machine copy with passages its root lacks (wholeCopyWithMore), and tendencies pointing both
 * ways (lostByTilts). The floor is the figure then. And the other way: an original beside its
 * own copies, taken two at a time, stays the root.
 */
describe('accuracy on two texts alone', () => {
  const sets = ['generated', 'heldout', 'heldout-kjv'];
  const families = sets.flatMap((set) => {
    const truth = parseTruth(JSON.parse(readFileSync(path.join(FIXTURES, set, 'truth.json'), 'utf8')));
    return Object.entries(truth.families).map(([name, family]) => ({ folder: path.join(set, name), family }));
  });
  const pairsOf = <T>(xs: readonly T[]): [T, T][] => xs.flatMap((x, i) => xs.slice(i + 1).map((y): [T, T] => [x, y]));
  const parentsOf = (folder: string, ids: readonly string[]) =>
    Object.fromEntries(compare(readFixture(folder).filter((d) => ids.includes(d.id)), { lexicon }).derivations.map((d) => [d.target, d.source]));

  it('puts at least 21 of the 36 pairs of copies of a withheld original under a lost source', () => {
    const lost = families.filter(({ family }) => Object.values(family.parents).every((p) => p === 'hidden:1'));
    const pairs = lost.flatMap(({ folder, family }) => pairsOf(Object.keys(family.parents).sort()).map((ids) => ({ folder, ids })));
    expect(pairs).toHaveLength(36);
    const right = pairs.filter(({ folder, ids }) => {
      const found = parentsOf(folder, ids);
      return ids.every((id) => found[id] === 'hidden:1');
    });
    expect(right.length).toBeGreaterThanOrEqual(21);
  });

  it('keeps the original the root of each of its copies in the stars, taken two at a time, but for typography-only copies', () => {
    // A typographic copy has the same words: nothing orients it (README Limits), and the 8 of
    // these 36 pairs that miss are all such, as before session 40.
    const stars = families.filter(({ folder }) => path.basename(folder).startsWith('star-'));
    const pairs = stars.flatMap(({ folder, family }) =>
      Object.entries(family.parents).filter(([id, p]) => p === 'original.txt' && family.methods?.[id] !== 'typographic').map(([id]) => ({ folder, ids: ['original.txt', id] })),
    );
    expect(pairs).toHaveLength(28);
    const right = pairs.filter(({ folder, ids }) => parentsOf(folder, ids)['original.txt'] === null);
    expect(right).toHaveLength(28);
  });
});

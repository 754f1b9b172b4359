#!/usr/bin/env node
// The naive baseline of `npm run bench`: every pair of files compared with string-similarity's
// compareTwoStrings (character-bigram Dice), the way a quick script would do it.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import stringSimilarity from 'string-similarity';

const dir = process.argv[2];
const texts = readdirSync(dir).sort().map((f) => readFileSync(path.join(dir, f), 'latin1'));
let related = 0;
for (let i = 0; i < texts.length; i++) {
  for (let j = i + 1; j < texts.length; j++) if (stringSimilarity.compareTwoStrings(texts[i], texts[j]) >= 0.5) related++;
}
console.log(related);

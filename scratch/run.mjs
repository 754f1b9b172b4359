import fs from 'fs';
import { compare } from '../dist/compare.js';
import { loadWordNetLexicon } from '../dist/wordnet.js';
const dir = process.argv[2] ?? 'fixtures/seeds';
const docs = fs.readdirSync(dir).filter(f=>f.endsWith('.txt')).sort().map(f => ({id:f, text: fs.readFileSync(dir+'/'+f,'utf8'), sha256:''}));
const r = compare(docs, {lexicon: await loadWordNetLexicon()});
for (const d of r.derivations) { console.log(d.target, '<-', d.source, d.method, d.confidence); for (const e of d.evidence) console.log('   ', e.kind, JSON.stringify(e.sourceText), '->', JSON.stringify(e.targetText), e.support ?? '', e.synonym ? 'syn':''); }

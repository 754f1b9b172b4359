import fs from 'fs';
import { compare } from '../dist/compare.js';
const dir = 'fixtures/seeds';
const docs = fs.readdirSync(dir).filter(f=>f.endsWith('.txt')).sort().map(f => ({id:f, text: fs.readFileSync(dir+'/'+f,'utf8'), sha256:''}));
const r = compare(docs);
const [x,y,grep] = process.argv.slice(2);
const p = r.pairs.find(p=>p.a.startsWith(x)&&p.b.startsWith(y));
for (const u of p.alignments) { const s = JSON.stringify(u); if (!grep || s.includes(grep)) console.log(s); }

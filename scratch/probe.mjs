import fs from 'fs';
import { prepareDocument } from '../dist/document.js';
import { alignDocuments, stemWeights } from '../dist/align.js';
import { diceOfProfiles } from '../dist/similarity/dice.js';
import { containment } from '../dist/similarity/shingles.js';
const dir = process.argv[2] ?? 'fixtures/seeds';
const docs = fs.readdirSync(dir).filter(f=>f.endsWith('.txt')).sort().map(f => prepareDocument({id:f, text: fs.readFileSync(dir+'/'+f,'utf8'), sha256:''}));
const w = stemWeights(docs);
for (let i=0;i<docs.length;i++) for (let j=i+1;j<docs.length;j++) {
  const a=docs[i], b=docs[j];
  const al = alignDocuments(a,b,w);
  const na = a.spans.length - al.unalignedA.length, nb = b.spans.length - al.unalignedB.length;
  const kinds = {}; for (const u of al.units) kinds[u.kind]=(kinds[u.kind]??0)+1;
  console.log(a.id.slice(0,3), b.id.slice(0,3), 'dice', diceOfProfiles(a.profile,b.profile).toFixed(3), 'aInB', containment(a.shingles,b.shingles).toFixed(3), 'bInA', containment(b.shingles,a.shingles).toFixed(3), `alA ${na}/${a.spans.length} alB ${nb}/${b.spans.length}`, JSON.stringify(kinds), 'scores', al.units.map(u=>u.score.toFixed(2)).join(' '));
}

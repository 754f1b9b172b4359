import fs from 'fs';
const lines = fs.readFileSync('scratch/base.txt','utf8').trim().split('\n');
const swap = (t, pairs) => pairs.reduce((s,[a,b]) => s.split(a).join(b), t);
const spin = [['bridge','overpass'],['council','municipal authority'],['vehicles','autos'],['strength','power'],['said','stated'],['warned','cautioned'],['promised','pledged'],['expected','anticipated'],['serious','critical'],['began','commenced'],['months','months'],['decision','choice'],['people','individuals']];
const edit = [['voted on Monday','decided on Monday'],['about 14,000','roughly 14,000'],['painful but unavoidable','painful yet necessary'],['free ferry service','free ferry'],['forecast to cost','expected to cost']];
// chain: A original, B = A edited and cut (drops last two sentences), C = spin of B
const A = lines.join('\n') + '\n';
const Bl = lines.slice(0, -2).map(l => swap(l, edit));
const B = Bl.join('\n') + '\n';
const C = Bl.map(l => swap(l, spin)).join('\n') + '\n';
fs.writeFileSync('fixtures/chain/a-original.txt', A);
fs.writeFileSync('fixtures/chain/b-edited.txt', B);
fs.writeFileSync('fixtures/chain/c-spun.txt', C);
// star: lost original O = lines; X drops 2,3 + spin subset; Y drops 6,7 + edit; Z drops 9,10 + other swaps
const drop = (idx) => lines.filter((_, i) => !idx.includes(i));
const X = drop([2,3]).map(l => swap(l, spin.slice(0,7))).join('\n') + '\n';
const Y = drop([6,7]).map(l => swap(l, edit)).join('\n') + '\n';
const other = [['engineers','technicians'],['closure','shutdown'],['town centre','city center'],['pedestrians','walkers'],['report','study'],['cables','wires']];
const Z = drop([9,10]).map(l => swap(l, other)).join('\n') + '\n';
fs.writeFileSync('fixtures/star/x.txt', X);
fs.writeFileSync('fixtures/star/y.txt', Y);
fs.writeFileSync('fixtures/star/z.txt', Z);

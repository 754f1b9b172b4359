import sbd from 'sbd';
import fs from 'fs';
const t = fs.readFileSync('fixtures/seeds/003_3802a0d075d83baa.txt','utf8');
for (const line of t.split('\n').slice(0,12)) { const s = sbd.sentences(line, {preserve_whitespace:true, newline_boundaries:false}); console.log(JSON.stringify(s)); }
const t2 = fs.readFileSync('fixtures/seeds/002_1731757b534b56d6.txt','utf8');
for (const line of t2.split('\n').slice(2,4)) { const s = sbd.sentences(line, {preserve_whitespace:true}); console.log(s.length, JSON.stringify(s)); }

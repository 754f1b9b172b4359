import { loadWordNetLexicon } from '../dist/wordnet.js';
const t=Date.now(); const l = await loadWordNetLexicon(); console.log('ms', Date.now()-t);
for (const w of ['court','docket','year','months','meeting','assembly','officials','officers','said','stated','ball','bauer','press','news','fighting','combating','area','realm','possible','feasible','military','army']) console.log(w, l.commonness(w).toFixed(3));
for (const [a,b] of [['meeting','assembly'],['officials','officers'],['said','stated'],['fighting','combating'],['possible','feasible'],['court','court docket'],['year','12 months'],['area','realm'],['military','army'],['studying','finding out'],['positive','constructive']]) console.log(a,b,l.synonyms(a,b));

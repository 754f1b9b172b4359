import type { CompareResult, PairResult } from '../compare.js';
import type { Derivation } from '../derive/index.js';
import { wordChanges } from './changes.js';
import { describeEvidence, listedDerivations, MATRIX_MAX_DOCUMENTS } from './table.js';

/**
 * One self-contained HTML file (inline CSS and SVG, no script, no network) for readers who never
 * used the CLI: the derivation graph, the similarity matrix as a heat map, and for each
 * derivation its evidence and a side-by-side alignment with the changed words highlighted.
 * Needs a result computed with `spans` and the decoded texts by id. In a large folder, as in the
 * table, only documents in families are drawn and listed, and the heat map (a row and a column
 * per document: 37 million cells for the 6,124-file mail bench, which ran out of memory) is left
 * out.
 */
export function renderHtml(result: CompareResult, texts: ReadonlyMap<string, string>): string {
  const shown = listedDerivations(result);
  const index = indexOf(result);
  const parts = [
    '<!DOCTYPE html>',
    '<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>provenance report: ${result.documents.length} documents</title>`,
    `<style>${CSS}</style></head><body>`,
    `<h1>Which text was made from which</h1>`,
    `<p class="lead">${result.documents.length} documents compared. An arrow goes from a source to what was made from it; a dashed box is a lost source: a text that is not in the folder, which the documents under it were each made from. Confidence is between 0.5 (a guess) and 0.99.</p>`,
    '<h2>Derivation graph</h2>',
    graphSvg(shown),
    '<h2>Derivations</h2>',
    ...(shown.length < result.derivations.length ? [`<p class="lead">${result.derivations.length - shown.length} independent documents are not listed (--format json lists every document).</p>`] : []),
    derivationTable(shown),
    '<h2>Similarity</h2>',
    ...(result.documents.length <= MATRIX_MAX_DOCUMENTS
      ? ['<p class="lead">Share of the two texts’ sentences that align with each other (darker is more).</p>', heatMap(result)]
      : [`<p class="lead">The heat map is drawn for ${MATRIX_MAX_DOCUMENTS} documents at most; --format json has every pair.</p>`]),
    '<h2>Evidence, text by text</h2>',
    ...shown.filter((d) => d.source !== null).map((d) => derivationSection(index, d, texts)),
    '</body></html>',
  ];
  return `${parts.join('\n')}\n`;
}

const CSS = `
body{font:15px/1.5 system-ui,sans-serif;margin:2rem auto;max-width:72rem;padding:0 1rem;color:#222}
h1{font-size:1.6rem}h2{margin-top:2.5rem;border-bottom:1px solid #ddd}
.lead{color:#555}
table{border-collapse:collapse;margin:1rem 0}
td,th{border:1px solid #ddd;padding:.3rem .5rem;vertical-align:top;text-align:left}
.heat td{text-align:center;min-width:3rem}
.side{width:100%;table-layout:fixed}.side td{width:50%}
del{background:#fdd;text-decoration:line-through}ins{background:#dfd;text-decoration:none}
mark{background:#ffe066}
.hidden{color:#777;font-style:italic}
.kind{color:#777;font-size:.8rem}
svg text{font:12px system-ui,sans-serif}
`;

function esc(s: string): string {
  return s
    .replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string)
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/gu, (c) => `&#${c.codePointAt(0)};`);
}

function anchor(id: string): string {
  return `d-${[...id].map((c) => (/[A-Za-z0-9_-]/.test(c) ? c : `_${c.codePointAt(0)}`)).join('')}`;
}

/** What the evidence sections look up: each document, each pair by its two documents, each document's pairs. */
interface ResultIndex {
  readonly result: CompareResult;
  readonly documents: ReadonlyMap<string, CompareResult['documents'][number]>;
  readonly pairs: ReadonlyMap<string, PairResult>;
  readonly pairsOf: ReadonlyMap<string, readonly PairResult[]>;
}

function indexOf(result: CompareResult): ResultIndex {
  const pairs = new Map<string, PairResult>();
  const pairsOf = new Map<string, PairResult[]>();
  for (const p of result.pairs) {
    pairs.set(`${p.a}\u0000${p.b}`, p);
    pairs.set(`${p.b}\u0000${p.a}`, p);
    for (const id of [p.a, p.b]) {
      const list = pairsOf.get(id);
      if (list) list.push(p);
      else pairsOf.set(id, [p]);
    }
  }
  return { result, documents: new Map(result.documents.map((d) => [d.id, d])), pairs, pairsOf };
}

/** Layered drawing: roots (originals, lost sources, independents) on top, each copy one row below its source. */
function graphSvg(derivations: readonly Derivation[]): string {
  const hidden = [...new Set(derivations.map((d) => d.source).filter((s): s is string => s?.startsWith('hidden:') ?? false))].sort();
  const sourceOf = new Map(derivations.map((d) => [d.target, d.source]));
  const depth = (id: string, seen = new Set<string>()): number => {
    const s = sourceOf.get(id);
    if (!s || seen.has(id)) return 0;
    seen.add(id);
    return 1 + depth(s, seen);
  };
  const nodes = [...hidden, ...derivations.map((d) => d.target)];
  const rows = new Map<number, string[]>();
  for (const n of nodes) {
    const r = depth(n);
    rows.set(r, [...(rows.get(r) ?? []), n]);
  }
  const W = 220;
  const H = 110;
  const pos = new Map<string, { x: number; y: number }>();
  let width = 0;
  for (const [r, ids] of rows) {
    ids.forEach((id, i) => pos.set(id, { x: 20 + i * W, y: 20 + r * H }));
    width = Math.max(width, ids.length * W + 40);
  }
  const height = (Math.max(...rows.keys()) + 1) * H + 20;
  const out = [`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" role="img" aria-label="derivation graph">`];
  out.push('<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="8" markerHeight="8" orient="auto"><path d="M0,0L10,5L0,10z" fill="#555"/></marker></defs>');
  for (const d of derivations) {
    if (!d.source) continue;
    const a = pos.get(d.source);
    const b = pos.get(d.target);
    if (!a || !b) continue;
    out.push(`<line x1="${a.x + 90}" y1="${a.y + 36}" x2="${b.x + 90}" y2="${b.y - 20}" stroke="#555" marker-end="url(#arrow)"/>`);
    // Each document has one source, so a label just above its target never collides with another.
    out.push(`<text x="${b.x + 4}" y="${b.y - 6}" fill="#333">${esc(`${d.method} ${d.confidence.toFixed(2)}`)}</text>`);
  }
  for (const [id, p] of pos) {
    const lost = id.startsWith('hidden:');
    out.push(
      `<a href="#${anchor(id)}"><rect x="${p.x}" y="${p.y}" width="180" height="36" rx="4" fill="${lost ? '#f4f4f4' : '#eef4ff'}" stroke="${lost ? '#888' : '#4a6fa5'}"${lost ? ' stroke-dasharray="5 4"' : ''}/>`,
      `<text x="${p.x + 8}" y="${p.y + 22}">${esc(lost ? `${id} (lost source)` : shorten(id))}</text></a>`,
    );
  }
  out.push('</svg>');
  return out.join('\n');
}

function shorten(id: string): string {
  return id.length > 26 ? `${id.slice(0, 12)}…${id.slice(-12)}` : id;
}

function derivationTable(derivations: readonly Derivation[]): string {
  const rows = derivations.map(
    (d) =>
      `<tr><td><a href="#${anchor(d.target)}">${esc(d.target)}</a></td><td>${d.source === null ? '<span class="hidden">none</span>' : d.source.startsWith('hidden:') ? `<span class="hidden">${esc(d.source)} (lost)</span>` : esc(d.source)}${d.alsoFrom ? `<br>also from ${esc(d.alsoFrom.source)} (${d.alsoFrom.confidence.toFixed(2)})` : ''}</td><td>${esc(d.method)}</td><td>${d.confidence.toFixed(2)}</td></tr>`,
  );
  return `<table><thead><tr><th>document</th><th>derived from</th><th>method</th><th>confidence</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function heatMap(result: CompareResult): string {
  const ids = result.documents.map((d) => d.id);
  const share = new Map<string, number>();
  for (const p of result.pairs) {
    share.set(`${p.a}\u0000${p.b}`, p.similarity.aligned);
    share.set(`${p.b}\u0000${p.a}`, p.similarity.aligned);
  }
  const head = `<tr><th></th>${ids.map((_, i) => `<th>${i + 1}</th>`).join('')}</tr>`;
  const rows = ids.map((a, i) => {
    const cells = ids.map((b) => {
      if (a === b) return '<td>—</td>';
      const v = share.get(`${a}\u0000${b}`) ?? 0;
      const light = Math.round(100 - v * 55);
      return `<td style="background:hsl(215 60% ${light}%);color:${v > 0.6 ? '#fff' : '#222'}">${v.toFixed(2)}</td>`;
    });
    return `<tr><th>${i + 1}. ${esc(a)}</th>${cells.join('')}</tr>`;
  });
  return `<table class="heat">${head}${rows.join('')}</table>`;
}

/** The evidence of one derivation and its alignment with the source, or with the closest sibling when the source is lost. */
function derivationSection(index: ResultIndex, d: Derivation, texts: ReadonlyMap<string, string>): string {
  const lost = d.source?.startsWith('hidden:') ?? false;
  const partner = lost ? closestSibling(index, d) : d.source;
  const out = [`<section id="${anchor(d.target)}"><h3>${esc(d.target)} ← ${esc(d.source ?? '')}: ${esc(d.method)}, confidence ${d.confidence.toFixed(2)}</h3>`];
  if (d.evidence.length > 0) {
    out.push('<ul class="evidence">');
    for (const e of d.evidence) {
      out.push(
        e.kind === 'substitution'
          ? `<li>“${esc(e.sourceText)}” → “<mark>${esc(e.targetText)}</mark>”${e.synonym ? ' (a dictionary synonym: the signature of a spinner)' : ''}</li>`
          : `<li>${esc(describeEvidence(e))}</li>`,
      );
    }
    out.push('</ul>');
  }
  const pair = partner ? index.pairs.get(`${partner}\u0000${d.target}`) : undefined;
  if (pair && partner) {
    out.push(`<p class="lead">Side by side with ${esc(partner)}${lost ? ' (the source itself is lost; this is the closest document made from it)' : ''}: removed words in red, added in green.</p>`);
    out.push(sideBySide(index, pair, partner, texts));
  }
  out.push('</section>');
  return out.join('\n');
}

function closestSibling(index: ResultIndex, d: Derivation): string | undefined {
  const siblings = new Set(index.result.derivations.filter((x) => x.source === d.source && x.target !== d.target).map((x) => x.target));
  let best: { id: string; share: number } | undefined;
  for (const p of index.pairsOf.get(d.target) ?? []) {
    const other = p.a === d.target ? p.b : p.b === d.target ? p.a : undefined;
    if (other && siblings.has(other) && (!best || p.similarity.aligned > best.share)) best = { id: other, share: p.similarity.aligned };
  }
  return best?.id;
}

function sideBySide(index: ResultIndex, pair: PairResult, sourceId: string, texts: ReadonlyMap<string, string>): string {
  const sourceIsA = pair.a === sourceId;
  const sentence = (id: string, i: number): string => {
    const s = index.documents.get(id)?.spans?.[i];
    return s ? (texts.get(id) ?? '').slice(s.start, s.end) : '';
  };
  const targetId = sourceIsA ? pair.b : pair.a;
  const rows = pair.alignments.map((u) => {
    const src = (sourceIsA ? u.a : u.b).map((i) => sentence(sourceId, i)).join(' ');
    const tgt = (sourceIsA ? u.b : u.a).map((i) => sentence(targetId, i)).join(' ');
    const [left, right] = markedPair(src, tgt);
    return `<tr><td>${left}</td><td>${right}<div class="kind">${esc(u.kind)}</div></td></tr>`;
  });
  return `<table class="side"><thead><tr><th>${esc(sourceId)}</th><th>${esc(targetId)}</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function markedPair(a: string, b: string): [string, string] {
  const left: string[] = [];
  const right: string[] = [];
  for (const c of wordChanges(a, b)) {
    if (c.op === 'equal') {
      left.push(esc(c.from));
      right.push(esc(c.to));
      continue;
    }
    if (c.from) left.push(`<del>${esc(c.from)}</del>`);
    if (c.to) right.push(`<ins>${esc(c.to)}</ins>`);
  }
  return [left.join(' '), right.join(' ')];
}

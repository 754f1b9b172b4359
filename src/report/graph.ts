import type { CompareResult } from '../compare.js';
import type { Derivation } from '../derive/index.js';

/**
 * The derivation graph: documents and lost sources as nodes, an edge from each source to what
 * was made from it, labelled with method and confidence. Lost sources (hidden:N) are drawn
 * apart (dashed, grey) so nobody mistakes them for files. A second source (alsoFrom) is a
 * dotted edge, method "also-from" in GraphML. Independent documents are kept as
 * lone nodes: a graph that silently dropped them would suggest every text has a relative.
 */
interface Edge {
  readonly from: string;
  readonly to: string;
  readonly label: string;
  readonly method: string;
  readonly confidence: number;
  /** A second source (Derivation.alsoFrom): drawn dotted, after the derivations. */
  readonly second: boolean;
}

interface Graph {
  readonly nodes: ReadonlyArray<{ readonly id: string; readonly hidden: boolean }>;
  readonly edges: readonly Edge[];
}

function graphOf(result: CompareResult): Graph {
  const hidden = [...new Set(result.derivations.map((d) => d.source).filter((s): s is string => s?.startsWith('hidden:') ?? false))].sort();
  const derived = result.derivations.filter((d): d is Derivation & { source: string } => d.source !== null);
  return {
    nodes: [...result.documents.map((d) => ({ id: d.id, hidden: false })), ...hidden.map((id) => ({ id, hidden: true }))],
    edges: [
      ...derived.map((d) => ({ from: d.source, to: d.target, label: `${d.method} ${d.confidence.toFixed(2)}`, method: d.method, confidence: d.confidence, second: false })),
      ...result.derivations.flatMap((d) =>
        d.alsoFrom
          ? [{ from: d.alsoFrom.source, to: d.target, label: `also from ${d.alsoFrom.confidence.toFixed(2)}`, method: 'also-from', confidence: d.alsoFrom.confidence, second: true }]
          : [],
      ),
    ],
  };
}

export function renderDot(result: CompareResult): string {
  const g = graphOf(result);
  const q = (s: string): string => `"${s.replace(/[\\"]/g, (c) => `\\${c}`).replace(/[\u0000-\u001f\u007f]/g, ' ')}"`;
  const lines = ['digraph provenance {', '  rankdir=TB;', '  node [shape=box, fontname="Helvetica"];'];
  for (const n of g.nodes) lines.push(`  ${q(n.id)}${n.hidden ? ' [style=dashed, color=gray40, fontcolor=gray40, label=' + q(`${n.id}\n(lost source)`) + ']' : ''};`);
  for (const e of g.edges) lines.push(`  ${q(e.from)} -> ${q(e.to)} [label=${q(e.label)}${e.second ? ', style=dotted' : ''}];`);
  lines.push('}');
  return `${lines.join('\n')}\n`;
}

export function renderMermaid(result: CompareResult): string {
  const g = graphOf(result);
  const ids = new Map(g.nodes.map((n, i) => [n.id, `n${i}`]));
  const text = (s: string): string => s.replace(/["\u0000-\u001f\u007f]/g, ' ').replace(/[<>]/g, ' ');
  const lines = ['flowchart TD'];
  for (const n of g.nodes) lines.push(`  ${ids.get(n.id)}${n.hidden ? `(["${text(n.id)} (lost source)"])` : `["${text(n.id)}"]`}`);
  for (const e of g.edges) lines.push(`  ${ids.get(e.from)} ${e.second ? '-.->' : '-->'}|"${text(e.label)}"| ${ids.get(e.to)}`);
  const hiddenIds = g.nodes.filter((n) => n.hidden).map((n) => ids.get(n.id));
  if (hiddenIds.length > 0) lines.push('  classDef lost stroke-dasharray: 5 5,color:#666;', `  class ${hiddenIds.join(',')} lost;`);
  return `${lines.join('\n')}\n`;
}

export function renderGraphml(result: CompareResult): string {
  const g = graphOf(result);
  const x = (s: string): string =>
    s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c] as string).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, ' ');
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">',
    '  <key id="hidden" for="node" attr.name="hidden" attr.type="boolean"/>',
    '  <key id="method" for="edge" attr.name="method" attr.type="string"/>',
    '  <key id="confidence" for="edge" attr.name="confidence" attr.type="double"/>',
    '  <graph id="provenance" edgedefault="directed">',
  ];
  for (const n of g.nodes) lines.push(`    <node id="${x(n.id)}"><data key="hidden">${n.hidden}</data></node>`);
  g.edges.forEach((e, i) => {
    lines.push(`    <edge id="e${i}" source="${x(e.from)}" target="${x(e.to)}"><data key="method">${e.method}</data><data key="confidence">${e.confidence}</data></edge>`);
  });
  lines.push('  </graph>', '</graphml>');
  return `${lines.join('\n')}\n`;
}

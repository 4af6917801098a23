import gexf from 'graphology-gexf';
import type {
  DependencyGraph,
  GraphEdgeAttributes,
  GraphNodeAttributes,
} from './dependency-graph.js';

export const GRAPH_FORMATS = ['json', 'gexf', 'graphml', 'csv', 'jsonl'] as const;
export type GraphFormat = (typeof GRAPH_FORMATS)[number];

export interface GraphNodeView extends GraphNodeAttributes {
  readonly id: string;
}

export interface GraphEdgeView extends GraphEdgeAttributes {
  readonly id: string;
  readonly source: string;
  readonly target: string;
}

export interface GraphView {
  readonly nodes: GraphNodeView[];
  readonly edges: GraphEdgeView[];
}

export const graphView = (graph: DependencyGraph): GraphView => ({
  nodes: graph.mapNodes((id, attributes) => ({ id, ...attributes })),
  edges: graph.mapEdges((id, attributes, source, target) => ({
    id,
    source,
    target,
    ...attributes,
  })),
});

/** Flat, typed attributes for tools that hold scalars only (Gephi, yEd, spreadsheets). */
const flatEdge = (attributes: GraphEdgeAttributes): Record<string, string | number | boolean> => ({
  relation: attributes.relation,
  status: attributes.status ?? '',
  supplier: attributes.supplier ?? '',
  transfer: attributes.transfer,
  negated: attributes.negated,
  hedged: attributes.hedged,
  marked: attributes.marked ?? '',
  capability: attributes.capability ?? '',
  first_seen: attributes.firstSeen ?? '',
  last_seen: attributes.lastSeen ?? '',
  sources: attributes.sources,
  articles: attributes.articles,
  evidence: attributes.evidence
    .slice(0, 3)
    .map((e) => `[${e.articleId}:${e.start}-${e.end}] ${e.text}`)
    .join(' | '),
  reasons: attributes.reasons.join('; '),
  version: attributes.version,
});

const flatNode = (attributes: GraphNodeAttributes): Record<string, string> => ({
  kind: attributes.kind,
  capability: attributes.capability ?? '',
  category: attributes.category ?? '',
});

/** GEXF 1.3 for Gephi, written by graphology-gexf. */
export const toGexf = (graph: DependencyGraph): string =>
  gexf.write(graph, {
    formatNode: (_key, attributes) => ({
      label: attributes.label,
      attributes: flatNode(attributes),
    }),
    formatEdge: (_key, attributes) => ({
      label: attributes.status ?? attributes.relation,
      attributes: flatEdge(attributes),
    }),
  });

// eslint-disable-next-line no-control-regex -- matching control characters is the point
const XML_FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g;

const xml = (value: string): string =>
  value
    .replace(
      /[&<>"']/g,
      (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!,
    )
    // XML 1.0 forbids most control characters even escaped.
    .replace(XML_FORBIDDEN, '');

/**
 * GraphML for yEd, Cytoscape and networkx. graphology-graphml (0.5.2) only parses, so this writer
 * is ours; a test parses its output back with graphology-graphml.
 */
export const toGraphml = (graph: DependencyGraph): string => {
  const nodeKeys = ['label', 'kind', 'capability', 'category'];
  const edgeSample = flatEdge({
    relation: 'status',
    transfer: false,
    negated: false,
    hedged: false,
    sources: 0,
    articles: 0,
    evidence: [],
    reasons: [],
    version: '',
  });
  const typeOf = (v: unknown): string =>
    typeof v === 'number' ? 'int' : typeof v === 'boolean' ? 'boolean' : 'string';
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">',
    ...nodeKeys.map((k) => `  <key id="n_${k}" for="node" attr.name="${k}" attr.type="string"/>`),
    ...Object.entries(edgeSample).map(
      ([k, v]) => `  <key id="e_${k}" for="edge" attr.name="${k}" attr.type="${typeOf(v)}"/>`,
    ),
    '  <graph id="sitrep-dependencies" edgedefault="directed">',
  ];
  graph.forEachNode((id, attributes) => {
    const values: Record<string, string> = { label: attributes.label, ...flatNode(attributes) };
    lines.push(`    <node id="${xml(id)}">`);
    for (const k of nodeKeys)
      if (values[k]) lines.push(`      <data key="n_${k}">${xml(values[k])}</data>`);
    lines.push('    </node>');
  });
  graph.forEachEdge((id, attributes, source, target) => {
    lines.push(`    <edge id="${xml(id)}" source="${xml(source)}" target="${xml(target)}">`);
    for (const [k, v] of Object.entries(flatEdge(attributes)))
      lines.push(`      <data key="e_${k}">${xml(String(v))}</data>`);
    lines.push('    </edge>');
  });
  lines.push('  </graph>', '</graphml>', '');
  return lines.join('\n');
};

const csvCell = (value: string | number | boolean): string => {
  const text = String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/** Edges as CSV rows (source, target, labels and flat attributes), one header line. */
export const toEdgeCsv = (graph: DependencyGraph): string => {
  const rows: string[] = [];
  graph.forEachEdge((id, attributes, source, target) => {
    const flat = {
      id,
      source,
      source_label: graph.getNodeAttribute(source, 'label'),
      target,
      target_label: graph.getNodeAttribute(target, 'label'),
      ...flatEdge(attributes),
    };
    if (rows.length === 0) rows.push(Object.keys(flat).join(','));
    rows.push(Object.values(flat).map(csvCell).join(','));
  });
  return rows.length === 0 ? '' : `${rows.join('\n')}\n`;
};

/** One JSON line per node then per edge, each with `type`, full evidence kept. */
export const toJsonl = (graph: DependencyGraph): string => {
  const view = graphView(graph);
  return [
    ...view.nodes.map((node) => JSON.stringify({ type: 'node', ...node })),
    ...view.edges.map((edge) => JSON.stringify({ type: 'edge', ...edge })),
  ]
    .map((line) => `${line}\n`)
    .join('');
};

export const exportGraph = (graph: DependencyGraph, format: GraphFormat): string => {
  switch (format) {
    case 'json':
      return `${JSON.stringify(graphView(graph))}\n`;
    case 'gexf':
      return toGexf(graph);
    case 'graphml':
      return toGraphml(graph);
    case 'csv':
      return toEdgeCsv(graph);
    case 'jsonl':
      return toJsonl(graph);
  }
};

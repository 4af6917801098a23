import type { RelationGraph } from './relation-graph.js';

/**
 * The relation graph as GEXF 1.3 (Gephi's format). Every value is escaped for XML attributes and
 * text, so entity names from news text cannot break the document.
 */
const escapeXml = (value: string): string =>
  value
    // XML 1.0 forbids these control characters even escaped; news text sometimes carries them.
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');

const element = (
  name: string,
  attributes: Record<string, string | number>,
  children = '',
): string => {
  const attrs = Object.entries(attributes)
    .map(([key, value]) => ` ${key}="${escapeXml(String(value))}"`)
    .join('');
  return children ? `<${name}${attrs}>${children}</${name}>` : `<${name}${attrs}/>`;
};

export const toGexf = (graph: RelationGraph, generatedAt: string): string => {
  const nodeAttributes = element(
    'attributes',
    { class: 'node' },
    element('attribute', { id: 'type', title: 'type', type: 'string' }),
  );
  const edgeAttributes = element(
    'attributes',
    { class: 'edge' },
    element('attribute', { id: 'negated', title: 'negated', type: 'boolean' }) +
      element('attribute', { id: 'evidence', title: 'evidence', type: 'string' }),
  );
  const nodes = graph.nodes
    .map((n) =>
      element(
        'node',
        { id: n.id, label: n.name },
        element('attvalues', {}, element('attvalue', { for: 'type', value: n.type })),
      ),
    )
    .join('');
  const edges = graph.edges
    .map((e) =>
      element(
        'edge',
        { id: e.id, source: e.source, target: e.target, label: e.predicate, weight: e.count },
        element(
          'attvalues',
          {},
          element('attvalue', { for: 'negated', value: String(e.negated) }) +
            element('attvalue', {
              for: 'evidence',
              value: e.evidence.map((ev) => `${ev.articleId}#${ev.start}-${ev.end}`).join(' '),
            }),
        ),
      ),
    )
    .join('');
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    element(
      'gexf',
      { xmlns: 'http://gexf.net/1.3', version: '1.3' },
      element(
        'meta',
        { lastmodifieddate: generatedAt.slice(0, 10) },
        element('creator', {}, 'sitrep'),
      ) +
        element(
          'graph',
          { defaultedgetype: 'directed', mode: 'static' },
          nodeAttributes +
            edgeAttributes +
            element('nodes', {}, nodes) +
            element('edges', {}, edges),
        ),
    ) +
    '\n'
  );
};

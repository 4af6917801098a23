import cytoscape from 'cytoscape';
import { byId, el, localLink } from './dom.js';

/**
 * The relation network drawn with cytoscape.js from /graph.json (same origin, same filters as the
 * server-rendered table under it, which stays the keyboard and screen-reader view). Click a
 * relation for its evidence; double-click (or press Enter on a selected entity) to expand it.
 */
interface Evidence {
  articleId: string;
  articleTitle: string | null;
  published: string | null;
  start: number;
  end: number;
  /** The evidence sentence, when the section sends it (the dependency graph does). */
  sentence?: string;
}
interface GraphData {
  nodes: { id: string; name: string; type: string; degree: number }[];
  edges: {
    id: string;
    source: string;
    target: string;
    predicate: string;
    negated: boolean;
    count: number;
    evidence: Evidence[];
  }[];
}

const TYPE_COLOURS: Record<string, string> = {
  PERSON: '#b8336a',
  ORG: '#1f6feb',
  GPE: '#2e7d32',
  LOC: '#6d4c41',
  FACILITY: '#8e24aa',
  WEAPON: '#d84315',
  UNIT: '#00838f',
  EVENT: '#5d4037',
  NORP: '#546e7a',
};

const fetchGraph = async (src: string): Promise<GraphData> => {
  const response = await fetch(src, {
    headers: { Accept: 'application/json' },
    credentials: 'same-origin',
  });
  if (!response.ok) throw new Error(`graph data: HTTP ${response.status}`);
  return (await response.json()) as GraphData;
};

const elementsOf = (data: GraphData): cytoscape.ElementDefinition[] => [
  ...data.nodes.map((n) => ({
    group: 'nodes' as const,
    data: { id: n.id, label: n.name, type: n.type, degree: n.degree },
  })),
  ...data.edges.map((e) => ({
    group: 'edges' as const,
    data: {
      id: `${e.source}|${e.predicate}|${e.target}|${e.negated ? 1 : 0}`,
      source: e.source,
      target: e.target,
      label: e.negated ? `not ${e.predicate}` : e.predicate,
      count: e.count,
      evidence: e.evidence,
    },
  })),
];

const showEvidence = (panel: HTMLElement | null, title: string, evidence: Evidence[]): void => {
  if (!panel) return;
  panel.hidden = false;
  panel.replaceChildren(
    el('h2', { text: 'Evidence' }),
    el('p', { class: 'edge-title', text: title }),
    el(
      'ul',
      { class: 'evidence-list' },
      ...evidence.map((ev) =>
        el(
          'li',
          {},
          ...(ev.sentence ? [el('q', { text: ev.sentence }), el('br', {})] : []),
          localLink(
            `/articles/${encodeURIComponent(ev.articleId)}?at=${ev.start}-${ev.end}#evidence`,
            ev.articleTitle || '(untitled)',
            'evidence-link',
          ),
        ),
      ),
    ),
  );
};

/** A few nodes on a circle (a force layout packs them into a knot), more with a force layout. */
const spreadLayout = (nodes: number): cytoscape.LayoutOptions =>
  nodes <= 12
    ? { name: 'circle', animate: false, radius: 40 + nodes * 25 }
    : { name: 'cose', animate: false, randomize: true, nodeRepulsion: () => 9000 };

const showNode = (
  panel: HTMLElement | null,
  id: string,
  name: string,
  centreHref: string,
): void => {
  if (!panel) return;
  panel.hidden = false;
  panel.replaceChildren(
    el('h2', { text: name }),
    el('p', {}, localLink(`/entities/${encodeURIComponent(id)}`, 'Open its page')),
    el('p', {}, localLink(`${centreHref}${encodeURIComponent(id)}`, 'Centre the graph on it')),
    el('p', {
      class: 'note',
      text: 'Double-click the entity (or press Enter) to add its relations here.',
    }),
  );
};

/**
 * cytoscape injects a <style> element (blocked by our CSP) unless an element with this id exists;
 * the rule it would add (the container is position: relative) is in style.css instead.
 */
const CYTOSCAPE_STYLESHEET_ID = '__________cytoscape_stylesheet';
const claimCytoscapeStylesheet = (): void => {
  if (document.getElementById(CYTOSCAPE_STYLESHEET_ID)) return;
  document.head.append(
    el('meta', {
      id: CYTOSCAPE_STYLESHEET_ID,
      name: 'cytoscape-style',
      content: 'in /ui/style.css',
    }),
  );
};

const draw = async (container: HTMLElement): Promise<void> => {
  const src = container.dataset['graphSrc'];
  if (!src || !src.startsWith('/')) return;
  const data = await fetchGraph(src);
  if (data.nodes.length === 0) return;
  container.hidden = false;
  claimCytoscapeStylesheet();
  const panel = byId<HTMLElement>('edge-evidence');
  const styles = getComputedStyle(document.documentElement);
  const text = styles.getPropertyValue('--text').trim() || '#222';
  const muted = styles.getPropertyValue('--muted').trim() || '#666';
  const focus = container.dataset['graphFocus'] ?? '';
  // Each graph section serves its own data; these prefixes (ending in "=") take a node id.
  const expandSrc = container.dataset['graphExpand'] ?? '/graph.json?entity=';
  const centreHref = container.dataset['graphCentre'] ?? '/graph?view=relations&entity=';
  // Dependency chains loop back (supplier -> recipient -> system -> maker -> supplier): a force
  // layout from fixed start positions folds such a cycle onto a line; see spreadLayout.
  const spread = container.dataset['graphLayout'] === 'spread';
  const cy = cytoscape({
    container,
    // A graph of a few nodes is otherwise fitted at a zoom that makes its labels huge.
    ...(spread ? { maxZoom: 1.5 } : {}),
    elements: elementsOf(data),
    style: [
      {
        selector: 'node',
        style: {
          label: 'data(label)',
          'background-color': (n: cytoscape.NodeSingular) =>
            TYPE_COLOURS[String(n.data('type'))] ?? '#757575',
          color: text,
          'font-size': 11,
          'text-valign': 'bottom',
          'text-margin-y': 4,
          width: (n: cytoscape.NodeSingular) => 14 + Math.min(26, Number(n.data('degree')) * 3),
          height: (n: cytoscape.NodeSingular) => 14 + Math.min(26, Number(n.data('degree')) * 3),
        },
      },
      {
        selector: `node[id = "${focus.replace(/["\\]/g, '')}"]`,
        style: { 'border-width': 3, 'border-color': text },
      },
      {
        selector: 'edge',
        style: {
          label: 'data(label)',
          'font-size': 9,
          color: muted,
          'curve-style': 'bezier',
          'target-arrow-shape': 'triangle',
          width: (e: cytoscape.EdgeSingular) => 1 + Math.min(5, Number(e.data('count'))),
          'line-color': muted,
          'target-arrow-color': muted,
          'text-rotation': 'autorotate',
        },
      },
      {
        selector: ':selected',
        style: {
          'border-width': 3,
          'border-color': '#f9a825',
          'line-color': '#f9a825',
          'target-arrow-color': '#f9a825',
        },
      },
    ],
    layout: spread
      ? spreadLayout(data.nodes.length)
      : {
          name: 'cose',
          animate: false,
          randomize: false,
          nodeRepulsion: () => 9000,
          idealEdgeLength: () => 90,
        },
  });
  const expand = async (id: string): Promise<void> => {
    const more = await fetchGraph(`${expandSrc}${encodeURIComponent(id)}`);
    const fresh = elementsOf(more).filter(
      (e) => e.data.id !== undefined && cy.getElementById(e.data.id).empty(),
    );
    if (fresh.length === 0) return;
    cy.add(fresh);
    cy.layout(
      spread ? spreadLayout(cy.nodes().length) : { name: 'cose', animate: false, randomize: false },
    ).run();
  };
  let selected: string | undefined;
  cy.on('tap', 'edge', (event) => {
    const edge = event.target as cytoscape.EdgeSingular;
    showEvidence(
      panel,
      `${String(edge.source().data('label'))} ${String(edge.data('label'))} ${String(edge.target().data('label'))}`,
      edge.data('evidence') as Evidence[],
    );
  });
  cy.on('tap', 'node', (event) => {
    const node = event.target as cytoscape.NodeSingular;
    selected = node.id();
    showNode(panel, node.id(), String(node.data('label')), centreHref);
  });
  cy.on('dbltap', 'node', (event) => void expand((event.target as cytoscape.NodeSingular).id()));
  container.tabIndex = 0;
  container.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && selected) void expand(selected);
  });
  container.setAttribute('data-graph-ready', 'true');
};

const start = (): void => {
  for (const container of document.querySelectorAll<HTMLElement>('.graph-canvas[data-graph-src]')) {
    draw(container).catch((error: unknown) => {
      container.hidden = true;
      container.setAttribute(
        'data-graph-error',
        error instanceof Error ? error.message : String(error),
      );
    });
  }
};

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
else start();

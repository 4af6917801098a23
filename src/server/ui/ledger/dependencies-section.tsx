import { plural } from '../../../core/display-format.js';
import { EDGE_STATUSES } from '../../../core/supply-edge.js';
import { CAPABILITIES } from '../../../dependencies/capability.js';
import { loadKnowledgeBase } from '../../../kb/load-knowledge-base.js';
import { dependencyNetwork, type NetworkEdge } from '../../../services/dependency-network.js';
import { dependencyGraph, type GraphQuery } from '../../../services/ledger-views.js';
import { EntityRef } from '../components/facts.js';
import type { GraphSection } from '../graph-sections.js';
import { EvidenceLink } from './evidence-sentence.js';
import { dependenciesHref, exposureHref, graphApiHref } from './ledger-hrefs.js';

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The dependency filters from a URL; anything malformed is ignored, not an error. */
export const dependencyQueryFrom = (params: URLSearchParams): GraphQuery => {
  const node = (params.get('node') ?? '').trim();
  const capability = params.get('capability') ?? '';
  const status = params.get('status') ?? '';
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  return {
    ...(node && node.length <= 200 ? { node } : {}),
    ...((CAPABILITIES as readonly string[]).includes(capability) ? { capability } : {}),
    ...((EDGE_STATUSES as readonly string[]).includes(status) ? { status } : {}),
    ...(ISO_DAY.test(from) ? { from } : {}),
    ...(ISO_DAY.test(to) ? { to } : {}),
  };
};

/** Node keys are KB ids, or "name:..." for parties the KB does not know (no entity page). */
const kbId = (key: string): string | undefined => (key.startsWith('name:') ? undefined : key);

const EdgeRow = ({ edge, names }: { edge: NetworkEdge; names: Map<string, string> }) => (
  <tr>
    <td>
      <EntityRef id={kbId(edge.source)} name={names.get(edge.source) ?? edge.source} />{' '}
      <a href={dependenciesHref({ node: edge.source })} class="expand">
        centre
      </a>
    </td>
    <td>
      {edge.negated ? 'not ' : ''}
      {edge.predicate}
      {edge.capability ? <span class="note"> · {edge.capability}</span> : null}
    </td>
    <td>
      <EntityRef id={kbId(edge.target)} name={names.get(edge.target) ?? edge.target} />{' '}
      <a href={dependenciesHref({ node: edge.target })} class="expand">
        centre
      </a>
    </td>
    <td class="num">{edge.sources}</td>
    <td>
      {edge.evidence.length === 0 ? (
        <span class="note">{edge.reasons.join('; ')}</span>
      ) : (
        <details class="edge-sentences">
          <summary>{plural(edge.evidence.length, 'sentence', 'sentences')}</summary>
          <ul class="evidence-list">
            {edge.evidence.slice(0, 10).map((e) => (
              <li>
                <q>{e.sentence}</q>{' '}
                <EvidenceLink
                  articleId={e.articleId}
                  start={e.start}
                  end={e.end}
                  label={e.articleTitle ?? 'open in article'}
                />
              </li>
            ))}
          </ul>
          <p class="note">Why: {edge.reasons.join('; ')}</p>
        </details>
      )}
    </td>
  </tr>
);

/** The Graph page's "Dependencies" tab: who depends on whom for which system, with evidence. */
export const dependenciesSection: GraphSection = {
  id: 'dependencies',
  label: 'Dependencies',
  bundles: ['graph'],
  async render({ store, params }) {
    const query = dependencyQueryFrom(params);
    if (!store.ledger)
      return <p class="empty">The {store.backend} store keeps no dependency graph.</p>;
    const network = dependencyNetwork(await dependencyGraph(store, loadKnowledgeBase(), query));
    const names = new Map(network.nodes.map((n) => [n.id, n.name]));
    const dataSrc = `/graph/dependencies.json${dependenciesHref(query).replace(/^\/graph\?view=dependencies&?/, '?')}`;
    return (
      <>
        <form class="graph-filters" action="/graph" method="get" aria-label="Dependency filters">
          <input type="hidden" name="view" value="dependencies" />
          <label for="dep-node">Country, system or supplier</label>
          <input
            id="dep-node"
            name="node"
            type="search"
            value={query.node ?? ''}
            autocomplete="off"
          />
          <label for="dep-capability">Capability</label>
          <select id="dep-capability" name="capability">
            <option value="">any</option>
            {CAPABILITIES.map((c) => (
              <option value={c} selected={c === query.capability}>
                {c}
              </option>
            ))}
          </select>
          <label for="dep-status">Status</label>
          <select id="dep-status" name="status">
            <option value="">any</option>
            {EDGE_STATUSES.map((s) => (
              <option value={s} selected={s === query.status}>
                {s.replace('_', ' ')}
              </option>
            ))}
          </select>
          <label for="dep-from">From</label>
          <input id="dep-from" name="from" type="date" value={query.from ?? ''} />
          <label for="dep-to">To</label>
          <input id="dep-to" name="to" type="date" value={query.to ?? ''} />
          <button type="submit">Apply</button>
          <a href="/graph?view=dependencies">Clear</a>
        </form>
        <p class="summary">
          {`${plural(network.nodes.length, 'node', 'nodes')}, ${plural(network.edges.length, 'edge', 'edges')}. `}
          Export: <a href={graphApiHref(query, 'gexf')}>GEXF</a> ·{' '}
          <a href={graphApiHref(query, 'graphml')}>GraphML</a> ·{' '}
          <a href={graphApiHref(query, 'json')}>JSON</a>
          {query.node ? (
            <>
              {' · '}
              <a href={exposureHref(query.node)}>Exposure of {query.node}</a>
            </>
          ) : null}
        </p>
        <div class="graph-wrap">
          <div
            class="graph-canvas"
            id="graph-canvas"
            data-graph-src={dataSrc}
            data-graph-focus={query.node ?? ''}
            data-graph-expand="/graph/dependencies.json?node="
            data-graph-centre="/graph?view=dependencies&node="
            data-graph-layout="spread"
            role="img"
            aria-label="Dependency network (the table below lists the same edges)"
            hidden
          ></div>
          <aside class="edge-evidence" id="edge-evidence" aria-live="polite" hidden>
            <h2>Evidence</h2>
            <p class="note">Select an edge in the network to see the sentences it was read from.</p>
          </aside>
        </div>
        {network.edges.length === 0 ? (
          <p class="empty">No dependency edge matches these filters.</p>
        ) : (
          <div class="table-scroll">
            <table class="edge-table dependency-edges">
              <caption>Dependency edges and their evidence</caption>
              <thead>
                <tr>
                  <th scope="col">From</th>
                  <th scope="col">Edge</th>
                  <th scope="col">To</th>
                  <th scope="col" class="num">
                    Sources
                  </th>
                  <th scope="col">Evidence</th>
                </tr>
              </thead>
              <tbody>
                {network.edges.map((edge) => (
                  <EdgeRow edge={edge} names={names} />
                ))}
              </tbody>
            </table>
          </div>
        )}
      </>
    );
  },
};

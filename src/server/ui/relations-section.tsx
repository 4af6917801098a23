import { plural } from '../../core/display-format.js';
import { relationGraph, type GraphFilter } from '../../services/relation-graph.js';
import { EntityRef } from './components/facts.js';
import { When } from './components/format.js';
import type { GraphSection } from './graph-sections.js';
import { evidenceHref } from './hrefs.js';

const ISO_PREFIX = /^\d{4}(-\d{2}(-\d{2})?)?$/;

/** The graph filters from a URL's parameters; anything malformed is ignored, not an error. */
export const graphFilterFrom = (params: URLSearchParams): GraphFilter => {
  const after = params.get('after') ?? '';
  const before = params.get('before') ?? '';
  const types = params.getAll('type').filter((t) => /^[A-Z_]{2,20}$/.test(t));
  const entity = params.get('entity') ?? '';
  const predicate = params.get('predicate') ?? '';
  return {
    ...(entity && entity.length <= 200 ? { entityId: entity } : {}),
    ...(predicate && predicate.length <= 100 ? { predicate } : {}),
    ...(types.length ? { types } : {}),
    ...(ISO_PREFIX.test(after) ? { after } : {}),
    ...(ISO_PREFIX.test(before) ? { before } : {}),
  };
};

/** The same filters as query parameters (for the JSON, the GEXF export and the canvas). */
export const graphQuery = (filter: GraphFilter): string => {
  const params = new URLSearchParams();
  if (filter.entityId) params.set('entity', filter.entityId);
  if (filter.predicate) params.set('predicate', filter.predicate);
  for (const t of filter.types ?? []) params.append('type', t);
  if (filter.after) params.set('after', filter.after);
  if (filter.before) params.set('before', filter.before);
  return params.toString();
};

export const relationsSection: GraphSection = {
  id: 'relations',
  label: 'Relations',
  bundles: ['graph'],
  async render({ store, params }) {
    const filter = graphFilterFrom(params);
    const graph = await relationGraph(store, filter);
    const query = graphQuery(filter);
    const names = new Map(graph.nodes.map((n) => [n.id, n.name]));
    return (
      <>
        <form class="graph-filters" action="/graph" method="get" aria-label="Graph filters">
          <input type="hidden" name="view" value="relations" />
          <label for="graph-entity">Around entity (id)</label>
          <input
            id="graph-entity"
            name="entity"
            type="search"
            value={filter.entityId ?? ''}
            autocomplete="off"
          />
          <label for="graph-predicate">Relation</label>
          <select id="graph-predicate" name="predicate">
            <option value="">any</option>
            {graph.predicates.map((p) => (
              <option value={p} selected={p === filter.predicate}>
                {p}
              </option>
            ))}
          </select>
          <label for="graph-after">From</label>
          <input id="graph-after" name="after" type="date" value={filter.after ?? ''} />
          <label for="graph-before">Before</label>
          <input id="graph-before" name="before" type="date" value={filter.before ?? ''} />
          <fieldset class="type-filter">
            <legend>Entity types</legend>
            {graph.types.map((t) => (
              <label class="check">
                <input
                  type="checkbox"
                  name="type"
                  value={t}
                  checked={filter.types?.includes(t) ?? false}
                />{' '}
                {t}
              </label>
            ))}
          </fieldset>
          <button type="submit">Apply</button>
          <a href="/graph?view=relations">Clear</a>
        </form>
        <p class="summary">
          {`${plural(graph.nodes.length, 'entity', 'entities')}, ${plural(graph.edges.length, 'relation', 'relations')} from the newest ${plural(graph.relationsRead, 'statement', 'statements')}. `}
          <a
            href={`/graph.gexf${query ? `?${query}` : ''}`}
            download="sitrep-graph.gexf"
            class="export-gexf"
          >
            Export GEXF
          </a>
        </p>
        <div class="graph-wrap">
          <div
            class="graph-canvas"
            id="graph-canvas"
            data-graph-src={`/graph.json${query ? `?${query}` : ''}`}
            data-graph-focus={filter.entityId ?? ''}
            role="img"
            aria-label="Relation network (the table below lists the same relations)"
            hidden
          ></div>
          <aside class="edge-evidence" id="edge-evidence" aria-live="polite" hidden>
            <h2>Evidence</h2>
            <p class="note">
              Select a relation in the network to see the sentences it was read from. Double-click
              an entity to expand it.
            </p>
          </aside>
        </div>
        {graph.edges.length === 0 ? (
          <p class="empty">No relation matches these filters.</p>
        ) : (
          <div class="table-scroll">
            <table class="edge-table">
              <caption>Relations and their evidence</caption>
              <thead>
                <tr>
                  <th scope="col">Subject</th>
                  <th scope="col">Relation</th>
                  <th scope="col">Object</th>
                  <th scope="col" class="num">
                    Statements
                  </th>
                  <th scope="col">Evidence</th>
                </tr>
              </thead>
              <tbody>
                {graph.edges.map((e) => (
                  <tr>
                    <td>
                      <EntityRef id={e.source} name={names.get(e.source) ?? e.source} />{' '}
                      <a
                        href={`/graph?view=relations&entity=${encodeURIComponent(e.source)}`}
                        class="expand"
                        aria-label={`Expand ${names.get(e.source) ?? e.source}`}
                      >
                        ⊕
                      </a>
                    </td>
                    <td>{e.negated ? `not ${e.predicate}` : e.predicate}</td>
                    <td>
                      <EntityRef id={e.target} name={names.get(e.target) ?? e.target} />{' '}
                      <a
                        href={`/graph?view=relations&entity=${encodeURIComponent(e.target)}`}
                        class="expand"
                        aria-label={`Expand ${names.get(e.target) ?? e.target}`}
                      >
                        ⊕
                      </a>
                    </td>
                    <td class="num">{e.count}</td>
                    <td>
                      <ul class="evidence-list">
                        {e.evidence.map((ev) => (
                          <li>
                            <a
                              href={evidenceHref(ev.articleId, ev.start, ev.end)}
                              class="evidence-link"
                            >
                              {ev.articleTitle || '(untitled)'}
                            </a>{' '}
                            <When iso={ev.published} />
                          </li>
                        ))}
                      </ul>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </>
    );
  },
};

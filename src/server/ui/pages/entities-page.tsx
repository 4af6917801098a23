import { plural } from '../../../core/display-format.js';
import type { EntitySummary } from '../../../store/port.js';
import { entityHref } from '../hrefs.js';

export const EntitiesPage = ({
  items,
  type,
  prefix,
}: {
  items: EntitySummary[];
  type: string;
  prefix: string;
}) => {
  const byType = new Map<string, EntitySummary[]>();
  for (const e of items) byType.set(e.type, [...(byType.get(e.type) ?? []), e]);
  const types = [...byType.keys()].sort(
    (a, b) => (byType.get(b)?.length ?? 0) - (byType.get(a)?.length ?? 0) || a.localeCompare(b),
  );
  return (
    <>
      <h1>{type ? `Entities of type ${type}` : 'Entities'}</h1>
      <form
        class="filter-form"
        action="/entities"
        method="get"
        role="search"
        aria-label="Filter entities"
      >
        <label for="entity-prefix">Name starts with</label>
        <input id="entity-prefix" name="prefix" type="search" value={prefix} autocomplete="off" />
        {type ? <input type="hidden" name="type" value={type} /> : null}
        <button type="submit">Filter</button>
      </form>
      {items.length === 0 ? (
        <p class="empty">
          No entity found: ingest and enrich articles first, or change the filter.
        </p>
      ) : null}
      <div class="entity-index">
        {types.map((t) => (
          <section class="panel entity-group" aria-label={t}>
            <h2>
              <a href={`/entities?type=${encodeURIComponent(t)}`} class="type-chip" data-type={t}>
                {t}
              </a>
            </h2>
            <ol class="entity-ranking">
              {(byType.get(t) ?? []).slice(0, type ? 100 : 12).map((e) => (
                <li>
                  <a href={entityHref(e.id)} class="entity-ref">
                    {e.name}
                  </a>
                  <span class="count">{` ${plural(e.articles, 'article', 'articles')}`}</span>
                </li>
              ))}
            </ol>
          </section>
        ))}
      </div>
    </>
  );
};

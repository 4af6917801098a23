import { plural } from '../../../core/display-format.js';
import type { SearchView } from '../../../services/search-view.js';
import type { SourceNames } from '../../../services/source-names.js';
import type { FacetCount, SearchSort } from '../../../store/port.js';
import { BarChart } from '../components/bar-chart.js';
import { HitList } from '../components/hits.js';
import { nextMonth, quoteValue, searchHref } from '../hrefs.js';

export interface SearchPageProps {
  readonly q: string;
  readonly sort: SearchSort | undefined;
  readonly copies: 'collapse' | 'show';
  readonly cursor: string | undefined;
  readonly view: SearchView;
  readonly names: SourceNames;
}

/** Facet name in the search result -> heading and query field. */
const FACETS: readonly [keyof FacetFields, string, string][] = [
  ['source', 'Source', 'source'],
  ['language', 'Language', 'lang'],
  ['entityType', 'Entity type', 'type'],
  ['entity', 'Entity', 'entity'],
  ['country', 'Country', 'country'],
];
type FacetFields = { source: 0; language: 0; entityType: 0; entity: 0; country: 0 };

const withTerm = (q: string, term: string): string => (q ? `${q} ${term}` : term);

const FacetList = ({
  label,
  field,
  values,
  q,
  keep,
}: {
  label: string;
  field: string;
  values: readonly FacetCount[];
  q: string;
  keep: Record<string, string | undefined>;
}) =>
  values.length === 0 ? null : (
    <section class="facet" aria-label={label}>
      <h2>{label}</h2>
      <ul>
        {values.slice(0, 12).map((v) => (
          <li>
            <a
              href={searchHref(withTerm(q, `${field}:${quoteValue(v.value)}`), keep)}
              class="facet-value"
            >
              <span class="facet-name">{v.value}</span>
              <span class="count">{v.count.toLocaleString('en')}</span>
            </a>
          </li>
        ))}
      </ul>
    </section>
  );

const SORTS: readonly [SearchSort, string][] = [
  ['relevance', 'Relevance'],
  ['newest', 'Newest first'],
  ['oldest', 'Oldest first'],
];

const exportHref = (
  q: string,
  format: 'csv' | 'jsonl',
  sort: SearchSort | undefined,
  copies: string,
): string => {
  const params = new URLSearchParams({ q, format, copies });
  if (sort) params.set('sort', sort);
  return `/search/export?${params.toString()}`;
};

export const SearchPage = ({ q, sort, copies, cursor, view, names }: SearchPageProps) => {
  const keep = { sort, copies: copies === 'show' ? 'show' : undefined };
  const controls = (
    <form
      class="search-controls"
      action="/search"
      method="get"
      aria-label="Result order and copies"
    >
      <input type="hidden" name="q" value={q} />
      <label for="sort">Sort</label>
      <select id="sort" name="sort">
        {SORTS.map(([value, label]) => (
          <option value={value} selected={(sort ?? 'relevance') === value}>
            {label}
          </option>
        ))}
      </select>
      <label class="check">
        <input type="checkbox" name="copies" value="show" checked={copies === 'show'} /> Show
        syndicated copies
      </label>
      <button type="submit">Apply</button>
    </form>
  );
  if (!view.ok)
    return (
      <div class="error" role="alert">
        <h1>The query could not be read</h1>
        <p>{view.message}</p>
        <pre class="query-error">
          {q}
          {'\n'}
          {`${' '.repeat(view.position)}^`}
        </pre>
      </div>
    );
  const { result } = view;
  const facets = result.facets;
  const months = facets?.month ?? [];
  const total = `${result.total.toLocaleString('en')}${result.totalIsEstimate ? '+' : ''}`;
  return (
    <div class="search-layout">
      <aside class="facets" aria-label="Facets">
        {FACETS.map(([name, label, field]) => (
          <FacetList label={label} field={field} values={facets?.[name] ?? []} q={q} keep={keep} />
        ))}
      </aside>
      <section class="results" aria-labelledby="results-title">
        <h1 id="results-title">{q ? `Results for ${q}` : 'All articles'}</h1>
        <p class="summary">
          {`${total} ${result.total === 1 ? 'article' : 'articles'}`}
          {view.description ? `: ${view.description}` : ''}
        </p>
        {controls}
        {months.length > 0 ? (
          <section class="timechart" aria-label="Hits by month">
            <h2>Hits by month</h2>
            <BarChart
              id="search-months"
              label="Hits by month"
              bars={months.map((m) => ({
                label: m.value,
                value: m.count,
                href: searchHref(
                  withTerm(q, `after:${m.value} before:${nextMonth(m.value)}`),
                  keep,
                ),
              }))}
            />
            <p class="note" id="brush-note">
              Each bar opens that month; drag across the chart, or use the form, to pick a date
              range.
            </p>
          </section>
        ) : null}
        <form
          id="range-form"
          class="range-form"
          action="/search"
          method="get"
          aria-label="Date range"
        >
          <input type="hidden" name="q" value={q} />
          {sort ? <input type="hidden" name="sort" value={sort} /> : null}
          {copies === 'show' ? <input type="hidden" name="copies" value="show" /> : null}
          <label for="range-after">From</label>
          <input id="range-after" name="after" type="month" />
          <label for="range-before">Before</label>
          <input id="range-before" name="before" type="month" />
          <button type="submit">Set date range</button>
        </form>
        <p class="exports">
          {'Export these results: '}
          <a href={exportHref(q, 'csv', sort, copies)} download="">
            CSV
          </a>
          {' · '}
          <a href={exportHref(q, 'jsonl', sort, copies)} download="">
            JSON Lines
          </a>
        </p>
        {result.hits.length === 0 ? (
          <p class="empty">No article matches.</p>
        ) : (
          <HitList
            hits={result.hits}
            query={view.query}
            q={q}
            stories={view.stories}
            names={names}
          />
        )}
        <nav class="pager" aria-label="Pages">
          {cursor ? <a href={searchHref(q, keep)}>First page</a> : null}
          {result.nextCursor ? (
            <a class="next" href={searchHref(q, { ...keep, cursor: result.nextCursor })}>
              Next page
            </a>
          ) : null}
        </nav>
        {result.facetsSampled ? (
          <p class="note">{`Facets counted over the best ${plural(result.facetsSampled, 'hit', 'hits')}.`}</p>
        ) : null}
      </section>
    </div>
  );
};

import { plural } from '../../../core/display-format.js';
import type { OverviewView } from '../../../services/overview-view.js';
import type { SourceNames } from '../../../services/source-names.js';
import { Sparkline } from '../components/bar-chart.js';
import { DateRange, When } from '../components/format.js';
import { SourceLabel } from '../components/hits.js';
import { articleHref, entityHref, quoteValue, searchHref } from '../hrefs.js';
import { StoryItem } from './story-pages.js';

/** The busiest sources; the rest are one search away (source: facet). */
const SOURCES_SHOWN = 15;

export const OverviewPage = ({ view, names }: { view: OverviewView; names: SourceNames }) => {
  const { stats } = view;
  // One row per outlet: a bare host and its feed's name are the same source, shown once.
  const outlets = new Map<string, { names: string[]; count: number }>();
  for (const [source, count] of Object.entries(stats.bySource)) {
    const key = source === 'unknown' ? '' : names.of(source).name;
    const row = outlets.get(key) ?? { names: [], count: 0 };
    row.names.push(source);
    row.count += count;
    outlets.set(key, row);
  }
  const sources = [...outlets].sort((a, b) => b[1].count - a[1].count);
  const shownSources = sources.slice(0, SOURCES_SHOWN);
  return (
    <>
      <h1>Overview</h1>
      <p class="summary">
        {`${plural(stats.articles, 'article', 'articles')} from ${plural(sources.filter(([s]) => s !== 'unknown').length, 'source', 'sources')}`}
        {stats.firstPublished ? ', published ' : ''}
        <DateRange from={stats.firstPublished ?? null} to={stats.lastPublished ?? null} />
      </p>
      {view.newSince !== undefined ? (
        <p class="new-since" role="status">
          {view.newSince.count === 0
            ? 'Nothing new since your last visit.'
            : `${view.newSince.atLeast ? 'At least ' : ''}${plural(view.newSince.count, 'article', 'articles')} new since your last visit (listed first below).`}
        </p>
      ) : null}
      <div class="overview-grid">
        <section class="panel" aria-labelledby="recent-title">
          <h2 id="recent-title">Recently ingested</h2>
          <ol class="hits compact">
            {view.recent.map((a) => (
              <li class="hit">
                <a href={articleHref(a.id)} class="hit-link">
                  {a.title || '(untitled)'}
                </a>
                <p class="meta">
                  <SourceLabel names={names} source={a.source} url={a.url} />
                  {a.published ? ' · ' : ''}
                  <When iso={a.published} />
                </p>
              </li>
            ))}
          </ol>
        </section>
        <section class="panel" aria-labelledby="stories-title">
          <h2 id="stories-title">Top stories</h2>
          {view.stories.length ? (
            <ol class="story-list">
              {view.stories.map((s) => (
                <StoryItem s={s} names={names} />
              ))}
            </ol>
          ) : (
            <p class="empty">
              No story of several articles yet. <a href="/stories">All stories</a>
            </p>
          )}
        </section>
        <section class="panel" aria-labelledby="entities-title">
          <h2 id="entities-title">Most mentioned entities</h2>
          <ol class="entity-ranking">
            {view.entities.map((e) => (
              <li>
                <a href={entityHref(e.id)} class="entity-ref" data-type={e.type}>
                  {e.name}
                </a>
                <span class="count">{` ${e.type} · ${plural(e.articles, 'article', 'articles')} `}</span>
                <Sparkline
                  values={e.timeline.map((t) => t.articles)}
                  label={`${e.name}: articles per month`}
                />
              </li>
            ))}
          </ol>
        </section>
        <section class="panel" aria-labelledby="sources-title">
          <h2 id="sources-title">Sources</h2>
          <div class="table-scroll">
            <table class="source-table">
              <thead>
                <tr>
                  <th scope="col">Source</th>
                  <th scope="col" class="num">
                    Articles
                  </th>
                </tr>
              </thead>
              <tbody>
                {shownSources.map(([name, row]) => (
                  <tr>
                    <td>
                      {name === '' ? (
                        <span class="meta">no source named</span>
                      ) : (
                        <a
                          href={searchHref(
                            row.names.map((n) => `source:${quoteValue(n)}`).join(' OR '),
                          )}
                        >
                          <SourceLabel names={names} source={row.names[0]} />
                        </a>
                      )}
                    </td>
                    <td class="num">{row.count.toLocaleString('en')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {sources.length > shownSources.length ? (
            <p class="note">{`and ${plural(sources.length - shownSources.length, 'more source', 'more sources')} (see the Source facet of a search)`}</p>
          ) : null}
          <p class="note">{`${plural(stats.feeds, 'feed', 'feeds')} subscribed; ${plural(stats.revisions, 'revision', 'revisions')} stored. Counts refresh every few minutes.`}</p>
        </section>
      </div>
    </>
  );
};

import { plural } from '../../../core/display-format.js';
import type { SourceNames } from '../../../services/source-names.js';
import type { StoryDetail } from '../../../services/story-views.js';
import type { StorySummary } from '../../../stories/story-listing.js';
import { DateRange, MetaLine, When } from '../components/format.js';
import { articleHref, entityHref, storyHref } from '../hrefs.js';

export const StoryItem = ({ s, names }: { s: StorySummary; names: SourceNames }) => (
  <li class="story-item">
    <a href={storyHref(s.id)} class="story-ref">
      {s.title}
    </a>
    <p class="meta">
      <MetaLine
        parts={[
          s.first_seen ? <DateRange from={s.first_seen} to={s.last_seen} /> : null,
          plural(s.article_count, 'article', 'articles'),
          s.sources.length ? plural(s.sources.length, 'source', 'sources') : null,
        ]}
      />
    </p>
    <p class="story-sources">{[...new Set(s.sources.map((x) => names.of(x).name))].join(', ')}</p>
  </li>
);

export interface StoriesPageProps {
  readonly items: StorySummary[];
  readonly nextCursor: string | undefined;
  readonly q: string;
  readonly several: boolean;
  readonly cursor: string | undefined;
  readonly names: SourceNames;
}

const storiesHref = (q: string, several: boolean, cursor?: string): string => {
  const params = new URLSearchParams();
  if (q) params.set('q', q);
  if (several) params.set('several', '1');
  if (cursor) params.set('cursor', cursor);
  const text = params.toString();
  return text ? `/stories?${text}` : '/stories';
};

export const StoriesPage = ({ items, nextCursor, q, several, cursor, names }: StoriesPageProps) => (
  <>
    <h1>{q ? `Stories about ${q}` : 'Stories'}</h1>
    <p class="note">
      Articles about the same event across days and sources, most recently seen first.
    </p>
    <form
      class="filter-form"
      action="/stories"
      method="get"
      role="search"
      aria-label="Filter stories"
    >
      <label for="story-filter">Title contains</label>
      <input id="story-filter" name="q" type="search" value={q} autocomplete="off" />
      <label class="check">
        <input type="checkbox" name="several" value="1" checked={several} /> Only stories of several
        articles
      </label>
      <button type="submit">Filter</button>
    </form>
    {items.length === 0 ? (
      <p class="empty">
        {q ? 'No story title contains that.' : 'No story yet: ingest articles first.'}
      </p>
    ) : (
      <ol class="story-list">
        {items.map((s) => (
          <StoryItem s={s} names={names} />
        ))}
      </ol>
    )}
    <nav class="pager" aria-label="Pages">
      {cursor ? <a href={storiesHref(q, several)}>First page</a> : null}
      {nextCursor ? (
        <a class="next" href={storiesHref(q, several, nextCursor)}>
          Next page
        </a>
      ) : null}
    </nav>
  </>
);

const timeOfDay = (iso: string | null): string => {
  const t = iso ? Date.parse(iso) : Number.NaN;
  return Number.isNaN(t) ? '' : new Date(t).toISOString().slice(11, 16);
};

/** Day x source grid: how many articles each source ran each day (UTC days). */
const DaySourceGrid = ({ s, names }: { s: StoryDetail; names: SourceNames }) => {
  const days = [...new Set(s.timeline.map((t) => t.day ?? 'undated'))];
  const sources = [...new Set(s.timeline.map((t) => names.of(t.source).name))];
  const count = (day: string, source: string): number =>
    s.timeline.filter((t) => (t.day ?? 'undated') === day && names.of(t.source).name === source)
      .length;
  const max = Math.max(1, ...days.flatMap((d) => sources.map((src) => count(d, src))));
  return (
    <div class="table-scroll">
      <table class="day-grid">
        <caption>Articles by day (UTC) and source</caption>
        <thead>
          <tr>
            <th scope="col">Source</th>
            {days.map((d) => (
              <th scope="col">{d}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {sources.map((src) => (
            <tr>
              <th scope="row">{src}</th>
              {days.map((d) => {
                const n = count(d, src);
                return (
                  <td class={`heat heat-${n === 0 ? 0 : Math.ceil((n / max) * 4)}`}>
                    {n === 0 ? '' : String(n)}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
};

export const StoryPage = ({ s, names }: { s: StoryDetail; names: SourceNames }) => {
  const titles = new Map(s.timeline.map((t) => [t.article_id, t.title]));
  const days = [...new Set(s.timeline.map((t) => t.day ?? 'undated'))];
  return (
    <article class="story-page" aria-labelledby="story-title">
      <h1 id="story-title">{s.title}</h1>
      <p class="meta">
        <MetaLine
          parts={[
            s.first_seen ? <DateRange from={s.first_seen} to={s.last_seen} /> : null,
            plural(s.article_count, 'article', 'articles'),
            s.sources.length ? plural(s.sources.length, 'source', 'sources') : null,
          ]}
        />
      </p>
      <div class="story-grid">
        <section class="panel" aria-labelledby="grid-title">
          <h2 id="grid-title">Timeline by day and source</h2>
          <DaySourceGrid s={s} names={names} />
        </section>
        <section class="panel story-entities" aria-labelledby="drivers-title">
          <h2 id="drivers-title">Entities driving it</h2>
          {s.top_entities.length ? (
            <ul class="entity-list">
              {s.top_entities.map((e) => (
                <li>
                  <a href={entityHref(e.id)} class="entity-ref" data-type={e.type}>
                    {e.name}
                  </a>
                  <span class="count">{` ${e.type} · in ${plural(e.articles, 'article', 'articles')}`}</span>
                </li>
              ))}
            </ul>
          ) : (
            <p class="empty">No enrichment stored for its articles.</p>
          )}
        </section>
      </div>
      <section class="story-timeline" aria-labelledby="articles-title">
        <h2 id="articles-title">Articles</h2>
        <ol class="timeline-days">
          {days.map((day) => (
            <li class="timeline-day">
              <h3>{day === 'undated' ? 'Undated' : <When iso={day} />}</h3>
              <ol class="day-articles">
                {s.timeline
                  .filter((t) => (t.day ?? 'undated') === day)
                  .map((t) => {
                    const copyOf = t.syndication?.of;
                    return (
                      <li class={copyOf ? 'timeline-item is-copy' : 'timeline-item'}>
                        <span class="time" title={t.published ?? ''}>
                          {timeOfDay(t.published)}
                        </span>
                        <span class="timeline-source">{names.of(t.source).name}</span>
                        <a href={articleHref(t.article_id)} class="timeline-link">
                          {t.title || '(untitled)'}
                        </a>
                        {copyOf ? (
                          <span class="copy-note">
                            {' copy of '}
                            <a href={articleHref(copyOf)} class="canonical-link">
                              {titles.get(copyOf) || copyOf}
                            </a>
                          </span>
                        ) : null}
                      </li>
                    );
                  })}
              </ol>
            </li>
          ))}
        </ol>
      </section>
    </article>
  );
};

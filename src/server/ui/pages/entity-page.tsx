import { plural } from '../../../core/display-format.js';
import type { NeighbourEntity } from '../../../services/entity-context.js';
import type { EntityView } from '../../../services/entity-view.js';
import { BarChart } from '../components/bar-chart.js';
import { FigureTable, QuoteList, RelationList } from '../components/facts.js';
import { DateRange, MetaLine } from '../components/format.js';
import { EntityLedgerLinks } from '../ledger/entity-ledger-links.js';
import { entityHref, nextMonth, searchHref, storyHref } from '../hrefs.js';
import { entitySearchQuery } from '../../../services/entity-query.js';

const Neighbours = ({
  items,
  unit,
}: {
  items: readonly NeighbourEntity[];
  unit: [string, string];
}) =>
  items.length === 0 ? (
    <p class="empty">None in the articles read.</p>
  ) : (
    <ul class="entity-list">
      {items.map((n) => (
        <li>
          <a href={entityHref(n.id)} class="entity-ref" data-type={n.type}>
            {n.name}
          </a>
          <span class="count">{` ${n.type} · ${plural(n.together, unit[0], unit[1])}`}</span>
        </li>
      ))}
    </ul>
  );

export const EntityPage = ({ view }: { view: EntityView }) => {
  const { entity: e, context, kb } = view;
  const query = entitySearchQuery(e.id);
  const scope =
    context.articlesRead < context.articlesTotal
      ? `From the ${plural(context.articlesRead, 'most recent article', 'most recent articles')} of ${context.articlesTotal.toLocaleString('en')} mentioning it.`
      : `From ${plural(context.articlesRead, 'article', 'articles')} mentioning it.`;
  return (
    <article class="entity-page" aria-labelledby="entity-name">
      <header class="page-head">
        <h1 id="entity-name">{e.name}</h1>
        <p class="meta">
          <MetaLine
            parts={[
              <span class="type-chip" data-type={e.type}>
                {e.type}
              </span>,
              plural(e.articles, 'article', 'articles'),
              plural(e.mentions, 'mention', 'mentions'),
              e.firstSeen ? <DateRange from={e.firstSeen} to={e.lastSeen ?? null} /> : null,
            ]}
          />
        </p>
        <p>
          <a href={searchHref(query)} class="all-articles">
            {`All ${plural(e.articles, 'article', 'articles')} mentioning ${e.name}`}
          </a>
          {' · '}
          <a href={`/graph?entity=${encodeURIComponent(e.id)}`}>Open in the graph</a>
          <EntityLedgerLinks id={e.id} name={e.name} type={e.type} />
        </p>
      </header>
      <div class="entity-grid">
        <section class="panel timeline" aria-labelledby="mentions-title">
          <h2 id="mentions-title">Mentions over time</h2>
          <BarChart
            label={`Articles mentioning ${e.name} by month`}
            bars={view.timeline.map((t) => ({
              label: t.month,
              value: t.articles,
              href: searchHref(`${query} after:${t.month} before:${nextMonth(t.month)}`),
            }))}
          />
          <p class="note">
            Articles per month, by publication date. Each bar opens that month’s articles.
          </p>
        </section>
        <section class="panel kb" aria-labelledby="kb-title">
          <h2 id="kb-title">Names and facts</h2>
          <dl class="meta-list">
            <dt>{e.id.startsWith('local:') ? 'Local id' : 'KB id'}</dt>
            <dd>
              <code class="entity-id">{e.id}</code>
            </dd>
            {kb?.aliases.length ? (
              <>
                <dt>Also known as</dt>
                <dd>{kb.aliases.join(', ')}</dd>
              </>
            ) : null}
            {context.writtenAs.length ? (
              <>
                <dt>Written as</dt>
                <dd>{context.writtenAs.join(', ')}</dd>
              </>
            ) : null}
            {kb?.description ? (
              <>
                <dt>Description</dt>
                <dd>{kb.description}</dd>
              </>
            ) : null}
            {(kb?.facts ?? []).map((f) => (
              <>
                <dt>{f.label}</dt>
                <dd>{f.entityId ? <a href={entityHref(f.entityId)}>{f.value}</a> : f.value}</dd>
              </>
            ))}
            {kb ? (
              <>
                <dt>Source</dt>
                <dd>{kb.source}</dd>
              </>
            ) : null}
          </dl>
        </section>
        <section class="panel network" aria-labelledby="network-title">
          <h2 id="network-title">Relations</h2>
          <div
            class="graph-canvas small"
            data-graph-src={`/graph.json?entity=${encodeURIComponent(e.id)}`}
            data-graph-focus={e.id}
            role="img"
            aria-label={`Network of relations of ${e.name}`}
            hidden
          ></div>
          {view.relations.length ? (
            <RelationList relations={view.relations} />
          ) : (
            <p class="empty">No relation with it as subject or object.</p>
          )}
        </section>
        <section class="panel cooccurring" aria-labelledby="with-title">
          <h2 id="with-title">Mentioned with</h2>
          <p class="note">{`Entities sharing a sentence or a paragraph with ${e.name}. ${scope}`}</p>
          <div class="two-col">
            <div>
              <h3>Same sentence</h3>
              <Neighbours items={context.withinSentence} unit={['sentence', 'sentences']} />
            </div>
            <div>
              <h3>Same paragraph</h3>
              <Neighbours items={context.withinParagraph} unit={['paragraph', 'paragraphs']} />
            </div>
          </div>
        </section>
        <section class="panel quotes-by" aria-labelledby="quotes-by-title">
          <h2 id="quotes-by-title">{`Quotes by ${e.name}`}</h2>
          {context.quotesBy.length ? (
            <QuoteList quotes={context.quotesBy} />
          ) : (
            <p class="empty">No quote attributed to it.</p>
          )}
        </section>
        <section class="panel quotes-about" aria-labelledby="quotes-about-title">
          <h2 id="quotes-about-title">{`Quotes that mention ${e.name}`}</h2>
          {context.quotesMentioning.length ? (
            <QuoteList quotes={context.quotesMentioning} />
          ) : (
            <p class="empty">No quote by someone else names it.</p>
          )}
        </section>
        <section class="panel figures" aria-labelledby="figures-title">
          <h2 id="figures-title">{`Figures about ${e.name}`}</h2>
          {context.figures.length ? (
            <FigureTable figures={context.figures} />
          ) : (
            <p class="empty">No figure has it as its subject.</p>
          )}
        </section>
        {view.stories && view.stories.length ? (
          <section class="panel related-stories" aria-labelledby="stories-title">
            <h2 id="stories-title">Stories</h2>
            <ol class="story-list">
              {view.stories.map((s) => (
                <li>
                  <a href={storyHref(s.id)} class="story-ref">
                    {s.title}
                  </a>
                  <p class="meta">
                    <MetaLine
                      parts={[
                        s.first_seen ? <DateRange from={s.first_seen} to={s.last_seen} /> : null,
                        plural(s.article_count, 'article', 'articles'),
                        plural(s.entity_articles, 'mentions it', 'mention it'),
                      ]}
                    />
                  </p>
                </li>
              ))}
            </ol>
          </section>
        ) : null}
      </div>
    </article>
  );
};

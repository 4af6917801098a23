import { percent, plural, safeHref } from '../../../core/display-format.js';
import type { Provenance } from '../../../core/raw-item.js';
import type { ArticleView } from '../../../services/article-view.js';
import type { SourceNames } from '../../../services/source-names.js';
import type { QueryAst } from '../../../search/index.js';
import {
  articleMarks,
  summariseEntities,
  validFigures,
  validQuotes,
  validRelations,
} from '../../article-marks.js';
import { FigureTable, QuoteList, RelationList } from '../components/facts.js';
import { When } from '../components/format.js';
import { SourceLabel } from '../components/hits.js';
import { MarkedText, type DrawnMark } from '../components/marked-text.js';
import { articleHref, entityHref, quoteValue, searchHref, storyHref } from '../hrefs.js';

export const MARK_KINDS: readonly [string, string][] = [
  ['PERSON', 'People'],
  ['ORG', 'Organisations'],
  ['GPE', 'Countries and cities'],
  ['LOC', 'Places'],
  ['FACILITY', 'Facilities'],
  ['WEAPON', 'Weapons'],
  ['UNIT', 'Units'],
  ['EVENT', 'Events'],
  ['NORP', 'Nationalities and groups'],
];
/** Kinds drawn unless switched on: they are everywhere in defence news and mostly add noise. */
const OFF_BY_DEFAULT = new Set(['GPE', 'NORP']);

const LinkOrText = ({ url }: { url: string | undefined | null }) => {
  if (!url) return null;
  const href = safeHref(url);
  return href ? (
    <a href={href} rel="noopener noreferrer nofollow" class="external">
      {url}
    </a>
  ) : (
    <span class="unsafe-url">{url}</span>
  );
};

const provenanceText = (p: Provenance | undefined): string => {
  if (!p) return '';
  const parts = [p.path];
  if (p.recordIndex !== undefined) parts.push(`record ${p.recordIndex}`);
  if (p.byteOffset !== undefined) parts.push(`byte ${p.byteOffset}`);
  return parts.join(', ');
};

export interface ArticlePageProps {
  readonly view: ArticleView;
  readonly query: QueryAst | undefined;
  readonly q: string | undefined;
  readonly at: { start: number; end: number } | undefined;
  readonly names: SourceNames;
}

export const ArticlePage = ({ view, query, q, at, names }: ArticlePageProps) => {
  const { article, enrichment, syndication, story, revisions } = view;
  const text = article.text;
  const marks: DrawnMark[] = [
    ...articleMarks(text, query, enrichment),
    ...(at ? [{ kind: 'target' as const, ...at }] : []),
  ];
  const present = new Set(
    marks.flatMap((m) => (m.kind === 'entity' ? [m.type ?? 'OTHER'] : [m.kind])),
  );
  const entities = summariseEntities(enrichment);
  const figures = validFigures(text, enrichment);
  const quotes = validQuotes(text, enrichment);
  const relations = validRelations(text, enrichment);
  const off = MARK_KINDS.filter(([k]) => OFF_BY_DEFAULT.has(k)).map(([k]) => `off-${k}`);
  return (
    <div class="article-layout">
      <article class="article" aria-labelledby="article-title">
        <h1 id="article-title">{article.title || '(untitled)'}</h1>
        <p class="meta byline">
          <SourceLabel names={names} source={article.source} url={article.url} />
          {article.published ? ' · ' : ''}
          <When iso={article.published} />
          {article.authors && article.authors.length ? ` · ${article.authors.join(', ')}` : ''}
          {article.language ? ` · ${article.language}` : ''}
        </p>
        {story || syndication ? (
          <aside class="coverage" aria-label="Story and copies">
            {story ? (
              <p>
                <span class="meta">Story: </span>
                <a href={storyHref(story.id)} class="story-link">
                  {story.title}
                </a>
                <span class="meta">{` · ${plural(story.article_count, 'article', 'articles')} · ${plural(story.sources.length, 'source', 'sources')}`}</span>
              </p>
            ) : null}
            {syndication?.canonical ? (
              <p class="coverage-copy">
                <span class="meta">{`${syndication.status === 'duplicate' ? 'Exact copy' : 'Near-copy'} (${percent(syndication.similarity)} shared, ${syndication.reasons.join(', ')}) of `}</span>
                <a href={articleHref(syndication.canonical.id)} class="canonical-link">
                  {syndication.canonical.title || '(untitled)'}
                </a>
              </p>
            ) : null}
            {syndication && syndication.copies.length ? (
              <details class="copies" open={syndication.copies.length <= 5}>
                <summary>
                  {syndication.canonical
                    ? `Syndication group: ${plural(syndication.copy_count, 'other copy', 'other copies')}`
                    : `Copies of this article: ${syndication.copy_count}`}
                </summary>
                <ul class="copy-list">
                  {syndication.copies.map((c) => (
                    <li>
                      <a href={articleHref(c.id)} class="copy-link">
                        {c.title || '(untitled)'}
                      </a>
                      <span class="meta">{` · ${names.of(c.source).name} · ${percent(c.similarity)} shared`}</span>
                    </li>
                  ))}
                </ul>
              </details>
            ) : null}
          </aside>
        ) : null}
        {present.size > 0 ? (
          <fieldset class="mark-toggles" hidden aria-describedby="toggle-note">
            <legend>Highlights</legend>
            {[
              ...MARK_KINDS.filter(([k]) => present.has(k)),
              ...(['quote', 'figure', 'match'] as const)
                .filter((k) => present.has(k))
                .map(
                  (k) =>
                    [
                      k,
                      k === 'match' ? 'Search matches' : `${k[0]?.toUpperCase()}${k.slice(1)}s`,
                    ] as [string, string],
                ),
            ].map(([kind, label]) => (
              <label class={`toggle kind-${kind}`}>
                <input type="checkbox" data-mark-kind={kind} checked={!OFF_BY_DEFAULT.has(kind)} />{' '}
                {label}
              </label>
            ))}
            <span id="toggle-note" class="note">
              Underline colour says the entity type.
            </span>
          </fieldset>
        ) : null}
        <div class={['article-text', ...off].join(' ')} id="article-text">
          <MarkedText text={text} marks={marks} />
        </div>
        <section class="provenance" aria-labelledby="provenance-title">
          <h2 id="provenance-title">Provenance</h2>
          <dl class="meta-list">
            <dt>URL</dt>
            <dd>
              <LinkOrText url={article.url} />
            </dd>
            <dt>From</dt>
            <dd>{provenanceText(article.provenance)}</dd>
            {article.provenance?.url ? (
              <>
                <dt>Record URL</dt>
                <dd>
                  <LinkOrText url={article.provenance.url} />
                </dd>
              </>
            ) : null}
            <dt>Format</dt>
            <dd>{article.format}</dd>
            <dt>Ingested</dt>
            <dd>
              <When iso={article.ingestedAt} />
            </dd>
            <dt>Content hash</dt>
            <dd>
              <code>{article.contentHash}</code>
            </dd>
          </dl>
          <div class="table-scroll">
            <table class="revisions">
              <caption>Revisions</caption>
              <thead>
                <tr>
                  <th scope="col">Revision</th>
                  <th scope="col">Ingested</th>
                  <th scope="col">From</th>
                  <th scope="col">Raw input</th>
                </tr>
              </thead>
              <tbody>
                {revisions.map((r) => (
                  <tr>
                    <td>{r.revision}</td>
                    <td>
                      <When iso={r.ingestedAt} />
                    </td>
                    <td>{provenanceText(r.provenance)}</td>
                    <td>
                      <a
                        href={`/api/articles/${encodeURIComponent(article.id)}/raw?revision=${r.revision}`}
                        class="raw-link"
                      >
                        {r.rawMediaType}
                      </a>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      </article>
      <aside class="facts-panel" aria-label="Facts">
        <h2>Facts</h2>
        {entities.length === 0 && figures.length === 0 && quotes.length === 0 ? (
          <p class="empty">No enrichment stored for this article.</p>
        ) : null}
        {entities.length ? (
          <section class="facts entities" aria-labelledby="facts-entities">
            <h3 id="facts-entities">{plural(entities.length, 'entity', 'entities')}</h3>
            <ul class="entity-list">
              {entities.map((e) => (
                <li>
                  <a href={entityHref(e.id)} class="entity-ref" data-type={e.type}>
                    {e.name}
                  </a>
                  <span class="count">{` ${e.type} · ${plural(e.mentions, 'mention', 'mentions')}`}</span>
                </li>
              ))}
            </ul>
          </section>
        ) : null}
        {enrichment?.countries.length ? (
          <section class="facts countries" aria-labelledby="facts-countries">
            <h3 id="facts-countries">Countries</h3>
            <ul class="chip-list">
              {enrichment.countries.map((c) => (
                <li>
                  <a
                    href={searchHref(`country:${quoteValue(c.code)}`)}
                  >{`${c.name} (${c.code})`}</a>
                </li>
              ))}
            </ul>
          </section>
        ) : null}
        {quotes.length ? (
          <section class="facts article-quotes" aria-labelledby="facts-quotes">
            <h3 id="facts-quotes">{plural(quotes.length, 'quote', 'quotes')}</h3>
            <QuoteList quotes={quotes} />
          </section>
        ) : null}
        {figures.length ? (
          <section class="facts figures" aria-labelledby="facts-figures">
            <h3 id="facts-figures">{plural(figures.length, 'figure', 'figures')}</h3>
            <FigureTable figures={figures} />
          </section>
        ) : null}
        {relations.length ? (
          <section class="facts relations" aria-labelledby="facts-relations">
            <h3 id="facts-relations">{plural(relations.length, 'relation', 'relations')}</h3>
            <RelationList relations={relations} />
          </section>
        ) : null}
        {q ? (
          <p>
            <a href={searchHref(q)}>Back to the results for {q}</a>
          </p>
        ) : null}
      </aside>
    </div>
  );
};

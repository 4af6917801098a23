import type { FigureRecord, QuoteRecord, RelationRecord } from '../../../core/enrichment.js';
import { roundNumber } from '../../../core/display-format.js';
import type { Fact } from '../../../store/port.js';
import { entityHref, evidenceHref } from '../hrefs.js';
import { When } from './format.js';

/** A fact from some article (entity pages), or from the article being read (no `articleId`). */
type MaybeFact<T> = T &
  Partial<Pick<Fact<T>, 'articleId' | 'articleTitle' | 'published' | 'source'>>;

const evidence = (f: { articleId?: string; start: number; end: number }): string =>
  f.articleId ? evidenceHref(f.articleId, f.start, f.end) : `?at=${f.start}-${f.end}#evidence`;

export const EntityRef = ({ id, name }: { id?: string; name: string }) =>
  id ? (
    <a href={entityHref(id)} class="entity-ref">
      {name}
    </a>
  ) : (
    <span>{name}</span>
  );

const FactSource = ({ fact }: { fact: MaybeFact<{ start: number; end: number }> }) =>
  fact.articleId ? (
    <span class="fact-source">
      {'in '}
      <a href={evidence(fact)} class="evidence-link">
        {fact.articleTitle || '(untitled)'}
      </a>
      {fact.source ? ` · ${fact.source}` : ''}
      {fact.published ? ' · ' : ''}
      <When iso={fact.published} />
    </span>
  ) : null;

export const QuoteList = ({ quotes }: { quotes: readonly MaybeFact<QuoteRecord>[] }) => (
  <ul class="quote-list">
    {quotes.map((q) => (
      <li class="quote">
        <blockquote class="quote-text">
          <a href={evidence(q)} class="quote-link">
            {q.text}
          </a>
        </blockquote>
        <p class="quote-meta">
          {'— '}
          {q.speaker ? (
            <EntityRef id={q.speakerId} name={q.speaker} />
          ) : (
            <span class="meta">unattributed</span>
          )}
          {q.anonymous ? <span class="meta"> (unnamed source)</span> : null}
          <span class="meta">{` · ${q.kind} `}</span>
          <FactSource fact={q} />
        </p>
      </li>
    ))}
  </ul>
);

export const RelationList = ({
  relations,
}: {
  relations: readonly MaybeFact<RelationRecord>[];
}) => (
  <ul class="relation-list">
    {relations.map((r) => (
      <li class={r.negated ? 'relation negated' : 'relation'}>
        <EntityRef id={r.subjectId} name={r.subjectName} />
        <span class="predicate">{r.negated ? ` not ${r.predicate} ` : ` ${r.predicate} `}</span>
        <EntityRef id={r.objectId} name={r.objectName} />{' '}
        {r.articleId ? (
          <FactSource fact={r} />
        ) : (
          <a href={evidence(r)} class="evidence-link">
            evidence
          </a>
        )}
      </li>
    ))}
  </ul>
);

export const FigureTable = ({ figures }: { figures: readonly MaybeFact<FigureRecord>[] }) => {
  const withSource = figures.some((f) => f.articleId);
  return (
    <div class="table-scroll">
      <table class="figure-table">
        <thead>
          <tr>
            <th scope="col">Figure</th>
            <th scope="col">Kind</th>
            <th scope="col" class="num">
              Value
            </th>
            <th scope="col">Unit</th>
            <th scope="col">Of</th>
            {withSource ? <th scope="col">Article</th> : null}
          </tr>
        </thead>
        <tbody>
          {figures.map((f) => (
            <tr>
              <td>
                <a href={evidence(f)} class="figure-text">
                  {f.text}
                </a>
              </td>
              <td>{f.kind}</td>
              <td class="num">{roundNumber(f.value)}</td>
              <td>{f.unit}</td>
              <td>{f.subject ?? ''}</td>
              {withSource ? (
                <td>
                  <FactSource fact={f} />
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
};

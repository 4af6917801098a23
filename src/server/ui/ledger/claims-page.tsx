import { plural, roundNumber } from '../../../core/display-format.js';
import type { Claim } from '../../../claims/claim.js';
import type { ClaimGroup } from '../../../claims/compare-claims.js';
import type { ConflictSide, ConflictView } from '../../../services/ledger-views.js';
import { EntityRef } from '../components/facts.js';
import { When } from '../components/format.js';
import { EvidenceLink, EvidenceSentence } from './evidence-sentence.js';
import { claimsHref, claimsApiHref } from './ledger-hrefs.js';

export interface ClaimsPageGroup {
  readonly group: ClaimGroup;
  /** The group's conflicting pairs with their evidence sentences, in `group.pairs` order. */
  readonly conflicts: readonly { view: ConflictView; a: Claim; b: Claim }[];
}

export interface ClaimsPageProps {
  readonly entity: string;
  readonly conflictsOnly: boolean;
  readonly groups: readonly ClaimsPageGroup[];
  readonly total: number;
  readonly cursor?: string | undefined;
  readonly nextCursor?: string | undefined;
}

const valueText = (side: { value: number; unit: string; qualifier: string }): string =>
  `${side.qualifier === 'exact' ? '' : `${side.qualifier} `}${roundNumber(side.value)} ${side.unit}`;

const ConflictSideCard = ({
  label,
  side,
  claim,
}: {
  label: string;
  side: ConflictSide;
  claim: Claim;
}) => (
  <article class="conflict-side" aria-label={`Claim ${label}`}>
    <p class="conflict-value">
      <strong>{valueText(side)}</strong>
    </p>
    <dl class="conflict-meta">
      <dt>Qualifier</dt>
      <dd>{side.qualifier}</dd>
      <dt>As of</dt>
      <dd>{side.as_of ? <When iso={side.as_of} /> : 'unknown'}</dd>
      <dt>Claimant</dt>
      <dd>
        <EntityRef id={claim.claimant.id} name={side.claimant} /> ({claim.claimant.kind})
      </dd>
      <dt>Outlet</dt>
      <dd>{side.source ?? 'unknown'}</dd>
    </dl>
    <blockquote class="evidence-sentence">
      <EvidenceSentence
        sentence={side.sentence}
        start={claim.start - claim.sentence.start}
        end={claim.end - claim.sentence.start}
      />
    </blockquote>
    <EvidenceLink articleId={side.article} start={side.start} end={side.end} />
  </article>
);

export const ConflictCard = ({ view, a, b }: { view: ConflictView; a: Claim; b: Claim }) => (
  <section class="conflict" aria-label={`Conflict: ${view.measure}`}>
    <div class="conflict-pair">
      <ConflictSideCard label="A" side={view.a} claim={a} />
      <ConflictSideCard label="B" side={view.b} claim={b} />
    </div>
    <p class="note">Why flagged:</p>
    <ul class="reasons">
      {view.reasons.map((r) => (
        <li>{r}</li>
      ))}
    </ul>
    <p class="note">Made by {view.version}</p>
  </section>
);

const ClaimRow = ({ claim }: { claim: Claim }) => (
  <tr>
    <td>{valueText(claim)}</td>
    <td>{claim.asOf ? <When iso={claim.asOf} /> : 'unknown'}</td>
    <td>
      <EntityRef id={claim.claimant.id} name={claim.claimant.name} />
    </td>
    <td>{claim.source ?? ''}</td>
    <td>
      <EvidenceLink
        articleId={claim.articleId}
        start={claim.start}
        end={claim.end}
        label={claim.text}
      />
    </td>
  </tr>
);

const GroupSection = ({ entry }: { entry: ClaimsPageGroup }) => {
  const { group } = entry;
  return (
    <section class="claim-group" aria-label={group.label}>
      <h2>
        {group.label}{' '}
        <span class={`status status-${group.status.replace(/\W+/g, '-')}`}>{group.status}</span>
      </h2>
      <p class="note">{plural(group.claims.length, 'claim', 'claims')}</p>
      {entry.conflicts.map((c) => (
        <ConflictCard view={c.view} a={c.a} b={c.b} />
      ))}
      <div class="table-scroll">
        <table>
          <caption class="visually-hidden">Claims about {group.label}</caption>
          <thead>
            <tr>
              <th scope="col">Value</th>
              <th scope="col">As of</th>
              <th scope="col">Claimant</th>
              <th scope="col">Outlet</th>
              <th scope="col">Evidence</th>
            </tr>
          </thead>
          <tbody>
            {group.claims.map((claim) => (
              <ClaimRow claim={claim} />
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
};

/** The claim ledger: claims grouped by measure, conflicts side by side with their reasons. */
export const ClaimsPage = (props: ClaimsPageProps) => {
  const filter = { entity: props.entity, conflicts: props.conflictsOnly };
  return (
    <>
      <h1>Claims</h1>
      <form class="graph-filters" action="/claims" method="get" aria-label="Claim filters">
        <label for="claims-entity">Entity (id or name)</label>
        <input
          id="claims-entity"
          name="entity"
          type="search"
          value={props.entity}
          autocomplete="off"
        />
        <label class="check">
          <input type="checkbox" name="conflicts" value="1" checked={props.conflictsOnly} />{' '}
          Conflicts only
        </label>
        <button type="submit">Apply</button>
      </form>
      <p class="exports">
        {plural(props.total, 'measure', 'measures')} · Export:{' '}
        <a href={claimsApiHref({ ...filter, format: 'csv' })}>CSV</a> ·{' '}
        <a href={claimsApiHref({ ...filter, format: 'jsonl' })}>JSONL</a> ·{' '}
        <a href={claimsApiHref({ ...filter, format: 'json' })}>JSON</a>
      </p>
      {props.groups.length === 0 ? <p>No claims match.</p> : null}
      {props.groups.map((entry) => (
        <GroupSection entry={entry} />
      ))}
      <nav class="pager" aria-label="Pages">
        {props.cursor ? <a href={claimsHref(filter)}>First page</a> : null}
        {props.nextCursor ? (
          <a href={claimsHref({ ...filter, cursor: props.nextCursor })} rel="next">
            Next page
          </a>
        ) : null}
      </nav>
    </>
  );
};

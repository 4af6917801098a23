import { claimsHref, dependenciesHref, exposureHref } from './ledger-hrefs.js';

/** The entity page's links into the ledger: its claims, its dependency network, a country's exposure. */
export const EntityLedgerLinks = ({
  id,
  name,
  type,
}: {
  id: string;
  name: string;
  type: string;
}) => (
  <>
    {' · '}
    <a href={claimsHref({ entity: id })}>Claims about {name}</a>
    {' · '}
    <a href={dependenciesHref({ node: id })}>Dependencies</a>
    {type === 'GPE' ? (
      <>
        {' · '}
        <a href={exposureHref(name)}>Exposure of {name}</a>
      </>
    ) : null}
  </>
);

import { plural } from '../../../core/display-format.js';
import type { Evidence } from '../../../dependencies/dependency-edge.js';
import type { ExposedSystem, ExposureReport } from '../../../dependencies/exposure.js';
import { EntityRef } from '../components/facts.js';
import { EvidenceLink } from './evidence-sentence.js';
import { dependenciesHref, exposureHref } from './ledger-hrefs.js';

const percent = (share: number): string => `${Math.round(share * 100)}%`;

/** A cell's systems, each linking its first evidence sentences (the rest are one click away). */
const EvidenceLinks = ({ evidence }: { evidence: readonly Evidence[] }) => (
  <ul class="evidence-list">
    {evidence.slice(0, 3).map((e) => (
      <li>
        <q>{e.text}</q>{' '}
        <EvidenceLink articleId={e.articleId} start={e.start} end={e.end} label="evidence" />
      </li>
    ))}
  </ul>
);

const SystemInCell = ({ system }: { system: ExposedSystem }) => (
  <li>
    <EntityRef id={system.system.id} name={system.system.name} /> ({system.statuses.join(', ')};{' '}
    {plural(system.sources, 'source', 'sources')})
    <EvidenceLinks evidence={system.evidence} />
  </li>
);

export const ExposureForm = ({ country, supplier }: { country: string; supplier: string }) => (
  <form class="graph-filters" action="/exposure" method="get" aria-label="Exposure of a country">
    <label for="exposure-country">Country</label>
    <input
      id="exposure-country"
      name="country"
      type="search"
      value={country}
      required
      autocomplete="off"
    />
    <label for="exposure-supplier">Supplier (optional)</label>
    <input
      id="exposure-supplier"
      name="supplier"
      type="search"
      value={supplier}
      autocomplete="off"
    />
    <button type="submit">Show</button>
  </form>
);

/** The country's systems by capability x supplier, what is exposed, and alternatives discussed. */
export const ExposurePage = ({
  report,
  supplier,
}: {
  report: ExposureReport;
  supplier: string;
}) => {
  const suppliers = report.bySupplier.map((s) => s.supplier);
  const capabilities = report.rollup.map((r) => r.capability);
  const cell = (capability: string, supplierKey: string): ExposedSystem[] =>
    report.bySupplier
      .find((s) => s.supplier.key === supplierKey)
      ?.systems.filter((s) => s.capability === capability) ?? [];
  return (
    <>
      <h1>Exposure: {report.country.name}</h1>
      <ExposureForm country={report.country.name} supplier={supplier} />
      <p>
        <a href={dependenciesHref({ node: report.country.id ?? report.country.name })}>
          Dependency graph of {report.country.name}
        </a>
        {report.supplier ? (
          <>
            {' · '}
            <a href={exposureHref(report.country.name)}>All suppliers</a>
          </>
        ) : null}
      </p>
      <h2>Systems by capability and supplier</h2>
      {suppliers.length === 0 ? (
        <p>The archive shows no system of {report.country.name} with a known supplier.</p>
      ) : (
        <div class="table-scroll">
          <table class="exposure-matrix">
            <caption class="visually-hidden">
              Systems of {report.country.name} by capability and supplier
            </caption>
            <thead>
              <tr>
                <th scope="col">Capability</th>
                {suppliers.map((s) => (
                  <th scope="col">
                    <a href={exposureHref(report.country.name, s.name)}>{s.name}</a>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {capabilities.map((capability) => {
                const rollup = report.rollup.find((r) => r.capability === capability);
                return (
                  <tr>
                    <th scope="row">
                      {capability} ({plural(rollup?.systems ?? 0, 'system', 'systems')})
                    </th>
                    {suppliers.map((s) => {
                      const systems = cell(capability, s.key);
                      const share = rollup?.suppliers.find((x) => x.supplier.key === s.key)?.share;
                      return (
                        <td>
                          {systems.length ? (
                            <>
                              <span class="share">{percent(share ?? 0)}</span>
                              <ul class="cell-systems">
                                {systems.map((system) => (
                                  <SystemInCell system={system} />
                                ))}
                              </ul>
                            </>
                          ) : (
                            <span class="note">–</span>
                          )}
                        </td>
                      );
                    })}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {report.supplier ? (
        <>
          <h2>Share depending on {report.supplier.name}</h2>
          <ul>
            {report.capabilities.map((c) => (
              <li>
                {c.capability}: {c.dependingOnSupplier} of {plural(c.systems, 'system', 'systems')}{' '}
                ({percent(c.share)})
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <h2>What is exposed</h2>
      {report.exposed.length === 0 ? (
        <p>Nothing in the archive says what a supplier's withdrawal would cut.</p>
      ) : (
        <ul class="exposed">
          {report.exposed.map((line) => (
            <li>
              <strong>{line.risk}</strong>:{' '}
              <EntityRef id={line.system.id} name={line.system.name} /> ({line.capability}) —{' '}
              {line.why}
              <EvidenceLinks evidence={line.evidence} />
            </li>
          ))}
        </ul>
      )}
      <h2>Alternatives the archive discusses</h2>
      {report.alternatives.length === 0 ? (
        <p>None found.</p>
      ) : (
        <ul class="alternatives">
          {report.alternatives.map((alt) => (
            <li>
              <EntityRef id={alt.alternative.id} name={alt.alternative.name} /> for{' '}
              <EntityRef id={alt.for.id} name={alt.for.name} /> ({alt.capability}
              {alt.origins.length ? `; from ${alt.origins.map((o) => o.name).join(', ')}` : ''})
              <EvidenceLinks evidence={alt.evidence} />
            </li>
          ))}
        </ul>
      )}
      <p class="note">Made by {report.version}</p>
    </>
  );
};

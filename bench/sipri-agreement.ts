/**
 * bench/sipri-agreement: how many supply edges sitrep extracts (from a store with RUWA ingested)
 * SIPRI's trade register confirms: (supplier country, recipient, system) appears in a register row
 * (the system's KB name or an alias inside the row's designation or comments). The register lists
 * deliveries, so this is a lower bound on precision. Prints the 20 most frequent unconfirmed
 * edges with one evidence sentence each, for judging by hand. SIPRI's file is read from ../shared
 * for checking only; nothing of it is shipped.
 *
 *   sitrep ingest bench/out/ruwa.jsonl --db ruwa.db
 *   npx tsx bench/sipri-agreement.ts --db ruwa.db [--json]
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { resolveEdge, supplierCountries, systemFacts } from '../src/dependencies/system-origin.js';
import { loadKnowledgeBase } from '../src/kb/load-knowledge-base.js';
import { openStore } from '../src/store/open-store.js';
import { parseCsv } from './search-corpus.js';

const here = fileURLToPath(new URL('.', import.meta.url));
const shared = process.env['SITREP_SHARED'] ?? join(here, '..', '..', 'shared');
const registerPath = join(
  shared,
  'kb',
  'sipri',
  'trade-register-1950-2025_generated-2025-10-23.csv',
);

const option = (name: string): string | undefined => {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : undefined;
};
const db = option('--db') ?? 'ruwa.db';

const norm = (text: string): string => text.toLowerCase().replace(/[^a-z0-9]+/g, '');
/** Register spellings that differ from the KB's country names. */
const COUNTRY_ALIASES: Record<string, string> = {
  turkiye: 'turkey',
  czechia: 'czechrepublic',
  unitedstatesofamerica: 'unitedstates',
};
const country = (name: string): string => COUNTRY_ALIASES[norm(name)] ?? norm(name);

interface RegisterRow {
  readonly text: string;
}
const register = new Map<string, RegisterRow[]>();
const lines = readFileSync(registerPath, 'latin1').split('\n');
const headerAt = lines.findIndex((l) => l.startsWith('Recipient,Supplier'));
const [header, ...rows] = parseCsv(lines.slice(headerAt).join('\n'));
const col = (name: string): number => header!.indexOf(name);
const [recipientAt, supplierAt, designationAt, descriptionAt, commentsAt] = [
  'Recipient',
  'Supplier',
  'Weapon designation',
  'Weapon description',
  'Comments',
].map(col);
for (const row of rows) {
  const key = `${country(row[supplierAt!] ?? '')}>${country(row[recipientAt!] ?? '')}`;
  const list = register.get(key) ?? [];
  list.push({
    text: norm(
      `${row[designationAt!] ?? ''} ${row[commentsAt!] ?? ''} ${row[descriptionAt!] ?? ''}`,
    ),
  });
  register.set(key, list);
}

const kb = loadKnowledgeBase();
const store = await openStore(db);
const edges = (await store.ledger?.listEdges()) ?? [];
await store.close();
const supply = edges
  .map((edge) => resolveEdge(kb, edge))
  .filter(
    (e) => ['requested', 'ordered', 'committed', 'delivered'].includes(e.status) && !e.negated,
  );

const namesOf = (systemId: string | undefined, name: string): string[] => {
  const entity = systemId ? kb.get(systemId) : undefined;
  return [name, ...(entity ? [entity.name, ...entity.aliases] : [])]
    .map(norm)
    .filter((n) => n.length >= 3);
};

interface Judged {
  triple: string;
  confirmed: boolean;
  evidence: string;
  article: string;
}
const judged: Judged[] = supply.flatMap((edge) => {
  const suppliers = edge.supplier
    ? supplierCountries(kb, edge.supplier)
    : [...systemFacts(kb, edge.system).origins];
  if (suppliers.length === 0) return [];
  const names = namesOf(edge.system.id, edge.system.name);
  const confirmed = suppliers.some((s) =>
    (register.get(`${country(s.name)}>${country(edge.recipient.name)}`) ?? []).some((row) =>
      names.some((n) => row.text.includes(n)),
    ),
  );
  return [
    {
      triple: `${suppliers.map((s) => s.name).join('/')} -> ${edge.recipient.name}: ${edge.system.name} (${edge.status}${edge.supplier ? '' : ', supplier from KB origin'})`,
      confirmed,
      evidence: edge.evidence.text.replace(/\s+/g, ' '),
      article: edge.evidence.articleId,
    },
  ];
});

const confirmed = judged.filter((j) => j.confirmed).length;
const triples = new Map<
  string,
  { count: number; confirmed: boolean; evidence: string; article: string }
>();
for (const j of judged) {
  const t = triples.get(j.triple);
  if (t) t.count++;
  else
    triples.set(j.triple, {
      count: 1,
      confirmed: j.confirmed,
      evidence: j.evidence,
      article: j.article,
    });
}
const distinctConfirmed = [...triples.values()].filter((t) => t.confirmed).length;
const unconfirmed = [...triples]
  .filter(([, t]) => !t.confirmed)
  .sort((a, b) => b[1].count - a[1].count)
  .slice(0, 20);
const report = {
  supplyEdges: supply.length,
  withSupplierCountry: judged.length,
  confirmed,
  share: judged.length ? confirmed / judged.length : 0,
  distinctTriples: triples.size,
  distinctConfirmed,
  top20Unconfirmed: unconfirmed.map(([triple, t]) => ({
    triple,
    count: t.count,
    article: t.article,
    evidence: t.evidence,
  })),
};
if (process.argv.includes('--json')) console.log(JSON.stringify(report, null, 2));
else {
  console.log(
    `supply edges ${report.supplyEdges}, with a supplier country ${report.withSupplierCountry}`,
  );
  console.log(
    `confirmed by SIPRI's register: ${confirmed}/${judged.length} = ${(report.share * 100).toFixed(1)}% (distinct triples ${distinctConfirmed}/${triples.size})`,
  );
  console.log('most frequent unconfirmed:');
  for (const u of report.top20Unconfirmed)
    console.log(`  ${u.count}x ${u.triple}\n      [${u.article}] ${u.evidence.slice(0, 300)}`);
}

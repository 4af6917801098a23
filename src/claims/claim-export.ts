import type { Claim } from './claim.js';

const COLUMNS = [
  'article',
  'start',
  'end',
  'text',
  'subject',
  'about_id',
  'about',
  'measure',
  'measure_label',
  'kind',
  'value',
  'high',
  'unit',
  'normalised_value',
  'normalised_unit',
  'rate_usd_per_unit',
  'rate_year',
  'qualifier',
  'delta',
  'as_of',
  'as_of_basis',
  'claimant',
  'claimant_id',
  'claimant_kind',
  'published',
  'source',
  'syndication_group',
  'reasons',
  'version',
] as const;

const row = (c: Claim): Record<(typeof COLUMNS)[number], string | number | boolean> => ({
  article: c.articleId,
  start: c.start,
  end: c.end,
  text: c.text,
  subject: c.subject,
  about_id: c.about?.id ?? '',
  about: c.about?.name ?? '',
  measure: c.measure,
  measure_label: c.measureLabel,
  kind: c.kind,
  value: c.value,
  high: c.high ?? '',
  unit: c.unit,
  normalised_value: c.normalised.value,
  normalised_unit: c.normalised.unit,
  rate_usd_per_unit: c.normalised.rate?.usdPerUnit ?? '',
  rate_year: c.normalised.rate?.year ?? '',
  qualifier: c.qualifier,
  delta: c.delta,
  as_of: c.asOf ?? '',
  as_of_basis: c.asOfBasis,
  claimant: c.claimant.name,
  claimant_id: c.claimant.id ?? '',
  claimant_kind: c.claimant.kind,
  published: c.published ?? '',
  source: c.source ?? '',
  syndication_group: c.syndicationGroup,
  reasons: c.reasons.join('; '),
  version: c.version,
});

const cell = (value: string | number | boolean): string => {
  const text = String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/** Claims as CSV with a header line (one row per claim, reasons joined with "; "). */
export const claimsToCsv = (claims: readonly Claim[]): string =>
  [COLUMNS.join(','), ...claims.map((c) => Object.values(row(c)).map(cell).join(','))]
    .map((line) => `${line}\n`)
    .join('');

/** Claims as JSON lines, every field kept. */
export const claimsToJsonl = (claims: readonly Claim[]): string =>
  claims.map((c) => `${JSON.stringify(c)}\n`).join('');

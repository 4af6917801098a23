import { z } from 'zod';
import type { Result } from '../core/result.js';
import { err, ok } from '../core/result.js';
import type { EntityKind, KbEntity, KbOffice } from './kb-types.js';
import { ENTITY_TYPES } from './kb-types.js';

/**
 * What a user may add to the knowledge base (`sitrep kb add FILE`, or files in a kb folder):
 * entities and offices, as a JSON array, an object {entities, offices}, or JSONL. Unknown fields
 * are rejected so a typo ("alias" for "aliases") is reported rather than silently ignored.
 */

const ENTITY_KINDS = [
  'country',
  'territory',
  'city',
  'seat',
  'region',
  'alliance',
  'international-body',
  'government-body',
  'ministry',
  'agency',
  'company',
  'armed-force',
  'formation',
  'person',
  'demonym',
  'weapon',
  'event',
  'other',
] as const satisfies readonly EntityKind[];

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date yyyy-mm-dd');
const entityId = z
  .string()
  .regex(/^[a-z]+:[a-z0-9][a-z0-9:._-]*$/, 'expected an id such as "weapon:my-system"');
const iso2 = z.string().regex(/^[A-Z]{2}$/, 'expected an ISO 3166-1 alpha-2 code such as "FR"');

const DEFAULT_KIND: Record<(typeof ENTITY_TYPES)[number], EntityKind> = {
  PERSON: 'person',
  ORG: 'other',
  GPE: 'country',
  LOC: 'region',
  FACILITY: 'other',
  WEAPON: 'weapon',
  UNIT: 'formation',
  EVENT: 'event',
  NORP: 'demonym',
};

export const userEntitySchema = z.strictObject({
  id: entityId.optional(),
  type: z.enum(ENTITY_TYPES),
  kind: z.enum(ENTITY_KINDS).optional(),
  name: z.string().trim().min(1),
  aliases: z.array(z.string().trim().min(1)).default([]),
  exactCaseAliases: z.array(z.string().trim().min(1)).optional(),
  lookupOnlyAliases: z.array(z.string().trim().min(1)).optional(),
  source: z.string().trim().min(1).optional(),
  description: z.string().optional(),
  countries: z.array(iso2).optional(),
  iso2: iso2.optional(),
  iso3: z
    .string()
    .regex(/^[A-Z]{3}$/)
    .optional(),
  memberships: z
    .array(z.strictObject({ of: entityId, since: isoDate, until: isoDate.optional() }))
    .optional(),
  category: z.string().optional(),
  makers: z.array(entityId).optional(),
  successor: entityId.optional(),
  parent: entityId.optional(),
  metonymFor: z.array(entityId).optional(),
  demonymOf: entityId.optional(),
  startDate: isoDate.optional(),
  endDate: isoDate.optional(),
});

export const userOfficeSchema = z.strictObject({
  id: z
    .string()
    .regex(/^office:[a-z0-9][a-z0-9._-]*$/, 'expected an id such as "office:fr-chief-of-staff"'),
  name: z.string().trim().min(1),
  titles: z.array(z.string().trim().min(1)).default([]),
  of: entityId,
  terms: z
    .array(z.strictObject({ person: entityId, start: isoDate, end: isoDate.optional() }))
    .min(1),
  source: z.string().trim().min(1).optional(),
});

export interface UserRecords {
  readonly entities: KbEntity[];
  readonly offices: KbOffice[];
}

const slug = (text: string): string =>
  text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

const describeIssues = (error: z.ZodError): string =>
  error.issues
    .map((i) => `${i.path.length ? i.path.join('.') : '(record)'}: ${i.message}`)
    .join('; ');

/** One record (already JSON-parsed) -> an entity or office, or a one-line reason. */
const toRecord = (value: unknown, fallbackSource: string): Result<KbEntity | KbOffice> => {
  const isOffice = typeof value === 'object' && value !== null && 'terms' in value;
  if (isOffice) {
    const parsed = userOfficeSchema.safeParse(value);
    if (!parsed.success) return err(describeIssues(parsed.error));
    const { source, terms, ...rest } = parsed.data;
    return ok({
      ...rest,
      terms: terms.map((t) => ({
        person: t.person,
        start: t.start,
        ...(t.end ? { end: t.end } : {}),
      })),
      source: source ?? fallbackSource,
    });
  }
  const parsed = userEntitySchema.safeParse(value);
  if (!parsed.success) return err(describeIssues(parsed.error));
  const { id, kind, source, ...rest } = parsed.data;
  const entity: KbEntity = {
    ...Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined)),
    id: id ?? `user:${rest.type.toLowerCase()}:${slug(rest.name)}`,
    type: rest.type,
    kind: kind ?? DEFAULT_KIND[rest.type],
    name: rest.name,
    aliases: rest.aliases,
    source: source ?? fallbackSource,
    user: true,
  };
  return ok(entity);
};

const isOfficeRecord = (r: KbEntity | KbOffice): r is KbOffice => 'terms' in r;

/**
 * Parses a user file's text. Every bad record is reported as "LABEL:line N: field: reason" (JSONL)
 * or "LABEL[#i]: ..." (JSON); nothing is returned unless every record is valid.
 */
export const parseUserRecords = (text: string, label: string): Result<UserRecords, string[]> => {
  const items: { where: string; value: unknown }[] = [];
  const errors: string[] = [];
  const trimmed = text.trim();
  if (
    trimmed.startsWith('[') ||
    (trimmed.startsWith('{') && /^\{\s*"(entities|offices)"/.test(trimmed))
  ) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(trimmed);
    } catch (cause) {
      return err([`${label}: not valid JSON (${(cause as Error).message})`]);
    }
    const obj = parsed as { entities?: unknown; offices?: unknown };
    const list: unknown[] = Array.isArray(parsed)
      ? parsed
      : [
          ...(Array.isArray(obj.entities) ? obj.entities : []),
          ...(Array.isArray(obj.offices) ? obj.offices : []),
        ];
    list.forEach((value, i) => items.push({ where: `${label}[#${i + 1}]`, value }));
  } else {
    trimmed.split(/\r?\n/).forEach((line, i) => {
      if (!line.trim() || line.trim().startsWith('//')) return;
      try {
        items.push({ where: `${label}:line ${i + 1}`, value: JSON.parse(line) });
      } catch (cause) {
        errors.push(`${label}:line ${i + 1}: not valid JSON (${(cause as Error).message})`);
      }
    });
  }
  const out: UserRecords = { entities: [], offices: [] };
  for (const { where, value } of items) {
    const record = toRecord(value, `user file ${label}`);
    if (!record.ok) errors.push(`${where}: ${record.error}`);
    else if (isOfficeRecord(record.value)) out.offices.push(record.value);
    else out.entities.push(record.value);
  }
  if (items.length === 0 && errors.length === 0) errors.push(`${label}: no records found`);
  return errors.length ? err(errors) : ok(out);
};

import type { FigureRecord, QuoteRecord, RelationRecord } from '../core/enrichment.js';

/**
 * How figures, quotes and relations map to the article_figures / article_quotes / article_relations
 * rows both backends store (migration 5). One description per table, so SQLite and PostgreSQL write
 * and read exactly the same columns.
 */
export type ColumnType = 'text' | 'int' | 'float' | 'bool';
export type CellValue = string | number | boolean | null;
export type FactRow = Record<string, CellValue>;

export interface FactTable<R> {
  readonly table: 'article_figures' | 'article_quotes' | 'article_relations';
  /** Column name -> type, in insert order; every table starts with article_id and ordinal. */
  readonly columns: Readonly<Record<string, ColumnType>>;
  readonly toRow: (articleId: string, ordinal: number, record: R) => FactRow;
  /** Accepts a row from either driver (SQLite gives 0/1 for booleans). */
  readonly fromRow: (row: FactRow) => R;
}

const str = (value: CellValue | undefined): string => (value === null ? '' : String(value));
const num = (value: CellValue | undefined): number => Number(value);
const optional = <K extends string>(key: K, value: CellValue | undefined) =>
  value === null || value === undefined ? {} : ({ [key]: String(value) } as Record<K, string>);

export const FIGURES: FactTable<FigureRecord> = {
  table: 'article_figures',
  columns: {
    article_id: 'text',
    ordinal: 'int',
    start_offset: 'int',
    end_offset: 'int',
    text: 'text',
    kind: 'text',
    value: 'float',
    unit: 'text',
    subject: 'text',
    entity_id: 'text',
    kind_key: 'text',
    unit_key: 'text',
  },
  toRow: (articleId, ordinal, f) => ({
    article_id: articleId,
    ordinal,
    start_offset: f.start,
    end_offset: f.end,
    text: f.text,
    kind: f.kind,
    value: f.value,
    unit: f.unit,
    subject: f.subject ?? null,
    entity_id: f.entityId ?? null,
    kind_key: f.kind.toLowerCase(),
    unit_key: f.unit.toLowerCase(),
  }),
  fromRow: (row) => ({
    text: str(row['text']),
    start: num(row['start_offset']),
    end: num(row['end_offset']),
    kind: str(row['kind']),
    value: num(row['value']),
    unit: str(row['unit']),
    ...optional('subject', row['subject']),
    ...optional('entityId', row['entity_id']),
  }),
};

export const QUOTES: FactTable<QuoteRecord> = {
  table: 'article_quotes',
  columns: {
    article_id: 'text',
    ordinal: 'int',
    start_offset: 'int',
    end_offset: 'int',
    text: 'text',
    kind: 'text',
    speaker: 'text',
    speaker_id: 'text',
    anonymous: 'bool',
  },
  toRow: (articleId, ordinal, q) => ({
    article_id: articleId,
    ordinal,
    start_offset: q.start,
    end_offset: q.end,
    text: q.text,
    kind: q.kind,
    speaker: q.speaker ?? null,
    speaker_id: q.speakerId ?? null,
    anonymous: q.anonymous,
  }),
  fromRow: (row) => ({
    text: str(row['text']),
    start: num(row['start_offset']),
    end: num(row['end_offset']),
    kind: str(row['kind']),
    ...optional('speaker', row['speaker']),
    ...optional('speakerId', row['speaker_id']),
    anonymous: Boolean(row['anonymous']),
  }),
};

export const RELATIONS: FactTable<RelationRecord> = {
  table: 'article_relations',
  columns: {
    article_id: 'text',
    ordinal: 'int',
    start_offset: 'int',
    end_offset: 'int',
    subject_id: 'text',
    subject_name: 'text',
    predicate: 'text',
    object_id: 'text',
    object_name: 'text',
    negated: 'bool',
  },
  toRow: (articleId, ordinal, r) => ({
    article_id: articleId,
    ordinal,
    start_offset: r.start,
    end_offset: r.end,
    subject_id: r.subjectId,
    subject_name: r.subjectName,
    predicate: r.predicate,
    object_id: r.objectId,
    object_name: r.objectName,
    negated: r.negated,
  }),
  fromRow: (row) => ({
    subjectId: str(row['subject_id']),
    subjectName: str(row['subject_name']),
    predicate: str(row['predicate']),
    objectId: str(row['object_id']),
    objectName: str(row['object_name']),
    negated: Boolean(row['negated']),
    start: num(row['start_offset']),
    end: num(row['end_offset']),
  }),
};

/** The three fact tables, in the order saveEnrichment writes them. */
export const FACT_TABLES = [FIGURES, QUOTES, RELATIONS] as const;

/** A cell as both drivers return it (PostgreSQL bigint arrives as a string). */
export type LiveCell = string | number | null;
export type LiveRow = Record<string, LiveCell>;

/**
 * What a backend lends the sources and watchlists queries: SQL written once with `?` placeholders
 * in the dialect both SQLite (3.35+, for RETURNING) and PostgreSQL accept.
 */
export interface LiveSql {
  all(sql: string, params?: readonly LiveCell[]): Promise<LiveRow[]>;
  /** Number of rows changed. */
  run(sql: string, params?: readonly LiveCell[]): Promise<number>;
  /** ' FOR UPDATE SKIP LOCKED' on PostgreSQL (claims by several workers), '' on SQLite. */
  readonly skipLocked: string;
}

export const text = (row: LiveRow, column: string): string | undefined => {
  const value = row[column];
  return value === null || value === undefined ? undefined : String(value);
};

export const number = (row: LiveRow, column: string): number => Number(row[column] ?? 0);

export const placeholders = (count: number): string =>
  Array.from({ length: count }, () => '?').join(', ');

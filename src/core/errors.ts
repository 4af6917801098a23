/** One catalogue of error codes for the whole program; each edge maps them once (CLI exit line, HTTP status). */
export const ERROR_CODES = {
  INPUT_NOT_FOUND: 'input path does not exist',
  INPUT_UNREADABLE: 'input could not be read',
  INVALID_ARGUMENT: 'invalid argument',
  NOT_FOUND: 'not found',
  STORE_UNAVAILABLE: 'the store could not be opened',
  STORE_MIGRATION: 'the store schema could not be migrated',
  QUERY_SYNTAX: 'the query could not be parsed',
  QUERY_TIMEOUT: 'the query ran out of its time budget',
  INTERNAL: 'internal error',
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

export class AppError extends Error {
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'AppError';
    this.code = code;
  }
}

export const isAppError = (value: unknown): value is AppError => value instanceof AppError;

import { isAppError, type ErrorCode } from '../core/errors.js';

/** Codes the HTTP edge adds to the catalogue in core/errors.ts (auth and transport concerns only). */
export type HttpOnlyCode =
  | 'UNAUTHORIZED'
  /** A known token past its expiry (401): the client needs a new token, not a retry. */
  | 'TOKEN_EXPIRED'
  | 'FORBIDDEN'
  | 'PAYLOAD_TOO_LARGE'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'UNPROCESSABLE'
  /** Too much work asked by one client or token in a short time (rate-limit.ts). */
  | 'RATE_LIMITED'
  /** The store's backend lacks an optional index the endpoint needs (stories, syndication). */
  | 'NOT_SUPPORTED_BY_BACKEND';

export type HttpErrorCode = ErrorCode | HttpOnlyCode;

export type HttpStatus = 400 | 401 | 403 | 404 | 413 | 415 | 422 | 429 | 500 | 501 | 503;

/** The one error body every endpoint returns: `{"error":{"code","message"}}`. */
export interface ErrorBody {
  readonly error: { readonly code: HttpErrorCode; readonly message: string };
}

/** An error a handler throws to answer with a given status; mapped once in create-app.ts. */
export class HttpError extends Error {
  constructor(
    readonly status: HttpStatus,
    readonly code: HttpErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

const STATUS_FOR_APP_CODE: Record<ErrorCode, HttpStatus> = {
  INPUT_NOT_FOUND: 400,
  INPUT_UNREADABLE: 400,
  INVALID_ARGUMENT: 400,
  QUERY_SYNTAX: 400,
  QUERY_TIMEOUT: 503,
  NOT_FOUND: 404,
  STORE_UNAVAILABLE: 503,
  STORE_MIGRATION: 503,
  INTERNAL: 500,
};

/**
 * Maps anything thrown to a status and a body a client can show. Unknown errors become a 500
 * with a fixed message: stacks and driver messages stay in the server log, never in a response.
 */
export const toErrorResponse = (error: unknown): { status: HttpStatus; body: ErrorBody } => {
  if (error instanceof HttpError) {
    return { status: error.status, body: { error: { code: error.code, message: error.message } } };
  }
  if (isAppError(error)) {
    const status = STATUS_FOR_APP_CODE[error.code];
    // A time-out's message is the user's next step (narrow the query), not an internal detail.
    const message =
      status >= 500 && error.code !== 'QUERY_TIMEOUT'
        ? 'the server could not complete the request'
        : error.message;
    return { status, body: { error: { code: error.code, message } } };
  }
  return {
    status: 500,
    body: { error: { code: 'INTERNAL', message: 'the server could not complete the request' } },
  };
};

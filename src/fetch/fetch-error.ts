/** Why a fetch did not return a response; `message` is what a source's last_error shows. */
export type FetchErrorCode =
  | 'REFUSED_SCHEME'
  | 'REFUSED_ADDRESS'
  | 'DNS_FAILED'
  | 'TOO_MANY_REDIRECTS'
  | 'BAD_REDIRECT'
  | 'TOO_LARGE'
  | 'TIMEOUT'
  | 'BAD_ENCODING'
  | 'NETWORK';

export class FetchError extends Error {
  readonly code: FetchErrorCode;

  constructor(code: FetchErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'FetchError';
    this.code = code;
  }
}

/** Refusals are the operator's decision, not an outage: retrying them cannot help. */
export const isRefusal = (error: unknown): boolean =>
  error instanceof FetchError &&
  (error.code === 'REFUSED_SCHEME' || error.code === 'REFUSED_ADDRESS');

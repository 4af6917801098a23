import { AppError } from '../core/errors.js';

/** Cursors are opaque to callers: a base64url of the last sequence number seen. */
export const encodeCursor = (seq: number): string => Buffer.from(`s${seq}`).toString('base64url');

export const decodeCursor = (cursor: string): number => {
  const decoded = Buffer.from(cursor, 'base64url').toString('utf8');
  const match = /^s(\d+)$/.exec(decoded);
  if (!match?.[1]) throw new AppError('INVALID_ARGUMENT', `invalid cursor "${cursor}"`);
  return Number(match[1]);
};

/** Ranked results page by position: an offset cursor. */
export const encodeOffsetCursor = (offset: number): string =>
  Buffer.from(`o${offset}`).toString('base64url');

export const decodeOffsetCursor = (cursor: string): number => {
  const decoded = Buffer.from(cursor, 'base64url').toString('utf8');
  const match = /^o(\d+)$/.exec(decoded);
  if (!match?.[1]) throw new AppError('INVALID_ARGUMENT', `invalid cursor "${cursor}"`);
  return Number(match[1]);
};

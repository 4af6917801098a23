import { randomBytes } from 'node:crypto';
import { sha256Hex } from '../core/hash.js';

/** What a token may do: read endpoints, write endpoints (ingest). */
export type TokenScope = 'read' | 'write';

export const ALL_SCOPES: readonly TokenScope[] = ['read', 'write'];

// The prefix makes a leaked token recognisable to secret scanners and to a human reading a log.
const TOKEN_PREFIX = 'sitrep_';

/** A new random token (256 bits, base64url). Shown once; only its hash is stored. */
export const generateToken = (): string =>
  `${TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;

/**
 * Tokens are high-entropy random strings, so a plain sha256 is enough (no slow KDF needed): the
 * hash cannot be reversed by guessing, and lookups stay one indexed query.
 */
export const hashToken = (token: string): string => sha256Hex(token);

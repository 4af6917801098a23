import { randomBytes } from 'node:crypto';
import { sha256Hex } from '../core/hash.js';

/**
 * What a token may do: read endpoints, write endpoints (ingest, sources, watchlists), admin
 * endpoints (token management, backups). A token holds a set of scopes; each endpoint needs one.
 */
export type TokenScope = 'read' | 'write' | 'admin';

export const ALL_SCOPES: readonly TokenScope[] = ['read', 'write', 'admin'];

/**
 * The scopes a token made "at level L" gets: each level includes the ones below it, so a write
 * token can also read and an admin token can do everything. The default level is write.
 */
export const scopesUpTo = (level: TokenScope): TokenScope[] =>
  ALL_SCOPES.slice(0, ALL_SCOPES.indexOf(level) + 1);

export const isTokenScope = (value: string): value is TokenScope =>
  (ALL_SCOPES as readonly string[]).includes(value);

const DURATION = /^(\d{1,6})([mhdw])$/;
const UNIT_MS = { m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 } as const;

/**
 * When a token made at `now` with `--expires-in` (e.g. "90m", "12h", "30d", "8w") expires, as
 * ISO; undefined when the text is not such a duration.
 */
export const expiryAfter = (duration: string, now: Date): string | undefined => {
  const match = DURATION.exec(duration.trim());
  if (!match) return undefined;
  const amount = Number(match[1]);
  if (amount <= 0) return undefined;
  return new Date(now.getTime() + amount * UNIT_MS[match[2] as keyof typeof UNIT_MS]).toISOString();
};

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

import { sha256Hex } from '../core/hash.js';

/**
 * Article ids derive from the identity key, so every backend (and `sitrep migrate`) gives the same
 * article the same id. 64 bits of sha256: collisions are negligible below billions of articles.
 */
export const articleIdFor = (identityKey: string): string =>
  `a${sha256Hex(identityKey).slice(0, 16)}`;

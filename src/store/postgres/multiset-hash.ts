import { createHash } from 'node:crypto';
import { sha256Hex } from '../../core/hash.js';

const MODULUS = 1n << 256n;

/**
 * An order-independent hash of a multiset of lines: each line's sha256 is summed mod 2^256 and the
 * sum hashed again with the counts. Each backend can then scan in its own index order (PostgreSQL's
 * collation need not sort like SQLite's bytes) without sorting millions of rows.
 */
export class MultisetHash {
  private sum = 0n;

  add(line: string): void {
    this.sum = (this.sum + BigInt(`0x${sha256Hex(line)}`)) % MODULUS;
  }

  digest(counts: string): string {
    return createHash('sha256')
      .update(`${counts}\n${this.sum.toString(16)}`)
      .digest('hex');
  }
}

import type { EntityType } from '../../kb/kb-types.js';

/** A name an article has used, as linking remembers it. */
export interface NamedEntry {
  readonly key: string;
  readonly type: EntityType;
  readonly id: string;
  readonly name: string;
  readonly kb: boolean;
}

/**
 * The names an article has used, looked up by their leading words: "Carney" finds the first
 * "Carney Group" of the same type. Scanning every earlier name for every mention was quadratic
 * on an article with thousands of mentions.
 */
export class FullerNames {
  private readonly byPrefix = new Map<string, NamedEntry>();

  add(entry: NamedEntry): void {
    const { key, type } = entry;
    for (let space = key.indexOf(' '); space >= 0; space = key.indexOf(' ', space + 1)) {
      const prefix = `${type}\u0000${key.slice(0, space)}`;
      // The first name used wins, as a scan in order would find it.
      if (!this.byPrefix.has(prefix)) this.byPrefix.set(prefix, entry);
    }
  }

  /** The first name added of this type whose key starts with `key` and a space. */
  fullerThan(type: EntityType, key: string): NamedEntry | undefined {
    return this.byPrefix.get(`${type}\u0000${key}`);
  }
}

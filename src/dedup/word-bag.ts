/**
 * A multiset of word hashes in an open-addressing table, for "how many words do these two texts
 * share, counted with multiplicity" against many candidates: built once for the article being
 * decided, each candidate is then one pass over its words (no sorting per pair, which cost more
 * than the rest of the confirmation when an article had dozens of candidates).
 */
export class WordBag {
  private readonly keys: Uint32Array;
  private readonly counts: Uint32Array;
  private readonly shift: number;

  constructor(words: Uint32Array) {
    let bits = 4;
    while (1 << bits < words.length * 2) bits++;
    this.keys = new Uint32Array(1 << bits);
    this.counts = new Uint32Array(1 << bits);
    this.shift = 32 - bits;
    for (const word of words) {
      const slot = this.slotOf(word);
      this.keys[slot] = word;
      this.counts[slot] = (this.counts[slot] as number) + 1;
    }
  }

  /** Slot holding `word`, or the empty slot where it would go (counts 0 mark empty slots). */
  private slotOf(word: number): number {
    const mask = this.keys.length - 1;
    let slot = Math.imul(word, 0x9e3779b1) >>> this.shift;
    while (this.counts[slot] !== 0 && this.keys[slot] !== word) slot = (slot + 1) & mask;
    return slot;
  }

  /** Words `words` shares with the bag, with multiplicity (the multiset intersection's size). */
  sharedWith(words: Uint32Array): number {
    const { keys, counts, shift } = this;
    const mask = keys.length - 1;
    const taken = new Uint32Array(keys.length);
    let shared = 0;
    for (let i = 0; i < words.length; i++) {
      const word = words[i] as number;
      let slot = Math.imul(word, 0x9e3779b1) >>> shift;
      let count = counts[slot] as number;
      while (count !== 0 && keys[slot] !== word) {
        slot = (slot + 1) & mask;
        count = counts[slot] as number;
      }
      if ((taken[slot] as number) < count) {
        taken[slot] = (taken[slot] as number) + 1;
        shared++;
      }
    }
    return shared;
  }
}

import type { KbEntity, KbOffice, KnowledgeBase } from './kb-types.js';
import { createKnowledgeBase } from './knowledge-base.js';
import { shippedData, type ShippedData } from './shipped-entities.js';
import { readUserKbDirs } from './user-kb-folder.js';

export interface LoadOptions {
  /** Folders of user additions (.json / .jsonl); missing folders are skipped. */
  readonly userDirs?: readonly string[];
  /** Records supplied directly (tests, callers that already hold them). */
  readonly extraEntities?: readonly KbEntity[];
  readonly extraOffices?: readonly KbOffice[];
  /** Receives one line per user file that failed validation (the file is skipped). */
  readonly onProblem?: (message: string) => void;
}

let shipped: ShippedData | undefined;
let defaultKb: KnowledgeBase | undefined;

/** Shipped data plus user additions. Without user input the result is cached for the process. */
export const loadKnowledgeBase = (options: LoadOptions = {}): KnowledgeBase => {
  const plain =
    !options.userDirs?.length && !options.extraEntities?.length && !options.extraOffices?.length;
  if (plain && defaultKb) return defaultKb;
  shipped ??= shippedData();
  const user = readUserKbDirs(options.userDirs ?? []);
  for (const p of user.problems) options.onProblem?.(p);
  const kb = createKnowledgeBase({
    entities: [...shipped.entities, ...user.entities, ...(options.extraEntities ?? [])],
    offices: [...shipped.offices, ...user.offices, ...(options.extraOffices ?? [])],
  });
  if (plain) defaultKb = kb;
  return kb;
};

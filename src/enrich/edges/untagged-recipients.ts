import type { KnowledgeBase } from '../../kb/kb-types.js';
import type { EntityMention } from '../find-entities.js';

/**
 * A state the tagger left out ("Estonia operates HIMARS", "declined to give Ukraine ATACMS": the name
 * and the word after it read as one span and dropped). A capitalised name the KB knows exactly as a
 * state (or its capital) is kept as a mention where no other mention covers it: found by the KB's
 * alias, never guessed. Away from a supply verb only a whole capitalised run counts, and names
 * shared with people or things ("Jordan", "Turkey") are left to the tagger.
 */
const NAME = /\b\p{Lu}[\p{L}'’.-]*(?:\s\p{Lu}[\p{L}.-]*){0,2}/gu;
/** Where a state is the party of a supply verb: "give Ukraine ATACMS", "offered Poland". */
const AFTER_GIVE =
  /\b(?:give|gives|gave|giving|send|sends|sent|sending|provide|provides|provided|providing|supply|supplies|supplied|supplying|offer|offers|offered|offering|sell|sells|sold|selling|deliver|delivers|delivered|delivering)\s+(?:the\s+)?$/i;
const AMBIGUOUS = new Set([
  'Jordan',
  'Chad',
  'Georgia',
  'Turkey',
  'China',
  'Guinea',
  'Niger',
  'Victoria',
]);

export const untaggedRecipients = (
  text: string,
  entities: readonly EntityMention[],
  kb: KnowledgeBase,
): EntityMention[] => {
  const added: EntityMention[] = [];
  NAME.lastIndex = 0;
  for (let m = NAME.exec(text); m !== null; m = NAME.exec(text)) {
    const words = m[0].split(' ');
    // "send Ukraine ATACMS": the longest run of words that is a known state, from the first word.
    for (let n = words.length; n >= 1; n--) {
      const candidate = words
        .slice(0, n)
        .join(' ')
        .replace(/[.’']+$/, '');
      const start = m.index;
      const end = start + candidate.length;
      if (entities.some((e) => e.start < end && e.end > start)) continue;
      const known = kb.findByAlias(candidate).find((e) => e.type === 'GPE');
      if (known === undefined) continue;
      const party = AFTER_GIVE.test(text.slice(Math.max(0, start - 24), start));
      // Elsewhere only a whole capitalised run ("Washington" of "Washington Post" is no state).
      if (!party && (AMBIGUOUS.has(candidate) || n < words.length)) break;
      added.push({
        text: candidate,
        start,
        end,
        type: 'GPE',
        id: known.id,
        name: known.name,
        source: 'kb',
        method: 'alias',
      });
      break;
    }
  }
  return added.length === 0 ? [...entities] : [...entities, ...added];
};

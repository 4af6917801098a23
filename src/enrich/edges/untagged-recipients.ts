import type { KnowledgeBase } from '../../kb/kb-types.js';
import type { EntityMention } from '../find-entities.js';

/**
 * A state named right after a supply verb ("declined to give Ukraine ATACMS", "will send Kyiv 14
 * tanks"): the tagger often reads the name and the system after it as one span and drops both, so the
 * recipient is lost. A capitalised name there that the KB knows as a state (or its capital) is kept as
 * a mention, found by the KB's alias, never guessed.
 */
const AFTER_GIVE =
  /\b(?:give|gives|gave|giving|send|sends|sent|sending|provide|provides|provided|providing|supply|supplies|supplied|supplying|offer|offers|offered|offering|sell|sells|sold|selling|deliver|delivers|delivered|delivering)\s+(?:the\s+)?(\p{Lu}[\p{L}'’.-]+(?:\s\p{Lu}[\p{L}.-]+)?)\b/gu;

export const untaggedRecipients = (
  text: string,
  entities: readonly EntityMention[],
  kb: KnowledgeBase,
): EntityMention[] => {
  const added: EntityMention[] = [];
  AFTER_GIVE.lastIndex = 0;
  for (let m = AFTER_GIVE.exec(text); m !== null; m = AFTER_GIVE.exec(text)) {
    const name = m[1] ?? '';
    const start = m.index + m[0].length - name.length;
    // "send Ukraine ATACMS": try the two words, then the first alone.
    for (const candidate of [name, name.split(' ')[0] ?? '']) {
      const end = start + candidate.length;
      if (entities.some((e) => e.start < end && e.end > start)) continue;
      const known = kb.findByAlias(candidate).find((e) => e.type === 'GPE');
      if (known === undefined) continue;
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

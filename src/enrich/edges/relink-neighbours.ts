import type { KnowledgeBase } from '../../kb/kb-types.js';
import type { EntityMention } from '../find-entities.js';

/** Two unlinked neighbours that are one known name together ("North" + "Korean"). */
export const relinkNeighbours = (
  text: string,
  entities: readonly EntityMention[],
  kb: KnowledgeBase,
): EntityMention[] => {
  const out: EntityMention[] = [];
  for (let i = 0; i < entities.length; i++) {
    const a = entities[i] as EntityMention;
    // "North Korean" tagged as "Korean" alone: the word in front completes a known name.
    const lead = /(?:^|\s)(North|South|East|West|New|Saudi|Czech)\s$/.exec(
      text.slice(Math.max(0, a.start - 7), a.start),
    );
    if (a.id.startsWith('local:') && lead?.[1] !== undefined) {
      const start = a.start - lead[1].length - 1;
      const known = kb
        .findByAlias(text.slice(start, a.end))
        .find((e) => e.type === 'GPE' || e.type === 'NORP');
      if (known !== undefined) {
        out.push({
          ...a,
          text: text.slice(start, a.end),
          start,
          type: known.type,
          id: known.id,
          name: known.name,
          method: 'alias',
        });
        continue;
      }
    }
    const b = entities[i + 1];
    if (
      b !== undefined &&
      (a.id.startsWith('local:') || b.id.startsWith('local:')) &&
      /^ $/.test(text.slice(a.end, b.start))
    ) {
      const known = kb
        .findByAlias(text.slice(a.start, b.end))
        .find((e) => e.type === 'GPE' || e.type === 'NORP' || e.type === 'ORG');
      if (known !== undefined) {
        out.push({
          ...a,
          text: text.slice(a.start, b.end),
          end: b.end,
          type: known.type,
          id: known.id,
          name: known.name,
          method: 'alias',
        });
        i++;
        continue;
      }
    }
    out.push(a);
  }
  return out;
};

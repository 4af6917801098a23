import type { KbEntity, KnowledgeBase } from '../../kb/kb-types.js';
import { normalizeAlias } from '../../kb/normalize-alias.js';
import { findUnitMentions, withoutPrefix } from '../../kb/unit-pattern.js';
import { localEntityId } from './local-entity-id.js';
import type { LinkContext, LinkedMention, Mention } from './mention.js';
import { chooseMetonymTarget, metonymicUse } from './metonymy.js';
import { resolveOffice } from './office-titles.js';
import { FullerNames } from './fuller-names.js';
import { stripHonorifics, surnameOf } from './person-names.js';

export const LINK_VERSION = 'link-1';

/** What the article has established so far: later short forms resolve to it. */
interface ArticleMemory {
  /** lowercased surname -> person id and full name */
  readonly surnames: Map<string, { id: string; name: string; kb: boolean }>;
  /** earlier non-person mentions, for "Hanwha" after "Hanwha Aerospace" */
  readonly names: FullerNames;
  /** longest text seen per local id, used as its display name */
  readonly localNames: Map<string, string>;
  /** ISO2 -> how often the article names that country (or its people), for tie-breaks */
  readonly countries: ReadonlyMap<string, number>;
}

/** Which countries the article is about, from its GPE and NORP mentions. */
const articleCountries = (mentions: readonly Mention[], kb: KnowledgeBase): Map<string, number> => {
  const out = new Map<string, number>();
  for (const m of mentions) {
    if (m.type !== 'GPE' && m.type !== 'NORP') continue;
    const entities = m.ids?.length
      ? m.ids.map((id) => kb.get(id))
      : kb.findByAlias(m.text).slice(0, 1);
    const e = entities.find((x) => x && (x.type === 'GPE' || x.type === 'NORP'));
    for (const c of e?.countries ?? []) out.set(c, (out.get(c) ?? 0) + 1);
  }
  return out;
};

const canonicalOf = (kb: KnowledgeBase, id: string): string => {
  let current = id;
  for (let hops = 0; hops < 5; hops++) {
    const next = kb.get(current)?.successor;
    if (!next || !kb.get(next)) break;
    current = next;
  }
  return current;
};

/** ISO2 codes of countries named just before a mention ("French President", "Britain's MoD"). */
const countriesBefore = (kb: KnowledgeBase, text: string, start: number): Set<string> => {
  const window = text.slice(Math.max(0, start - 60), start);
  const out = new Set<string>();
  for (const m of kb.matcher().matchText(window)) {
    for (const id of m.ids) {
      const e = kb.get(id);
      if (e && (e.type === 'GPE' || e.type === 'NORP'))
        for (const c of e.countries ?? []) out.add(c);
    }
  }
  return out;
};

const rankCandidates = (
  candidates: readonly KbEntity[],
  mention: Mention,
  context: LinkContext,
  kb: KnowledgeBase,
  memory: ArticleMemory,
): KbEntity | undefined => {
  if (candidates.length <= 1) return candidates[0];
  const key = normalizeAlias(mention.text);
  const nearby = countriesBefore(kb, context.text, mention.start);
  const date = context.published;
  const score = (e: KbEntity): number => {
    let s = 0;
    if (e.type === mention.type) s += 4;
    if (normalizeAlias(e.name) === key) s += 2;
    if ((e.countries ?? []).some((c) => nearby.has(c))) s += 3;
    // "the Ministry of Defence" in an article about Ukraine is Ukraine's.
    const inArticle = Math.max(0, ...(e.countries ?? []).map((c) => memory.countries.get(c) ?? 0));
    if (inArticle > 0) s += 1 + Math.min(1, inArticle / 5);
    if (
      e.type === 'PERSON' &&
      date &&
      kb.officesOf(e.id).some(({ term }) => term.start <= date && (!term.end || date < term.end))
    )
      s += 2;
    // A country beats a territory or a namesake city for the same name.
    if (e.kind === 'country') s += 1;
    return s;
  };
  return [...candidates].sort((a, b) => score(b) - score(a))[0];
};

const kbLink = (
  kb: KnowledgeBase,
  mention: Mention,
  entity: KbEntity,
  method: LinkedMention['method'],
  extra: Partial<LinkedMention> = {},
): LinkedMention => ({
  ...mention,
  id: entity.id,
  name: entity.name,
  entityType: entity.type,
  kb: true,
  method,
  canonicalId: canonicalOf(kb, entity.id),
  ...extra,
});

const localLink = (
  memory: ArticleMemory,
  mention: Mention,
  id: string,
  name: string,
  method: LinkedMention['method'],
): LinkedMention => {
  const known = memory.localNames.get(id);
  if (!known || name.length > known.length) memory.localNames.set(id, name);
  return {
    ...mention,
    id,
    name: memory.localNames.get(id) ?? name,
    entityType: mention.type,
    kb: false,
    method,
    canonicalId: id,
  };
};

const linkPerson = (
  mention: Mention,
  context: LinkContext,
  kb: KnowledgeBase,
  memory: ArticleMemory,
): LinkedMention => {
  const name = stripHonorifics(mention.text);
  const multiWord = /\s/.test(name);
  const people = kb.findByAlias(name).filter((e) => e.type === 'PERSON');
  const remember = (id: string, full: string, isKb: boolean): void => {
    memory.surnames.set(surnameOf(full).toLowerCase(), { id, name: full, kb: isKb });
  };
  if (multiWord && people.length > 0) {
    const best = rankCandidates(people, mention, context, kb, memory) ?? people[0];
    if (best) {
      remember(best.id, best.name, true);
      return kbLink(kb, mention, best, 'alias');
    }
  }
  const earlier = memory.surnames.get(surnameOf(name).toLowerCase());
  if (earlier && (!multiWord || earlier.name.toLowerCase().endsWith(name.toLowerCase()))) {
    const e = earlier.kb ? kb.get(earlier.id) : undefined;
    if (e) return kbLink(kb, mention, e, 'coreference');
    return localLink(memory, mention, earlier.id, earlier.name, 'coreference');
  }
  const best = rankCandidates(people, mention, context, kb, memory);
  if (best) {
    remember(best.id, best.name, true);
    return kbLink(kb, mention, best, 'alias');
  }
  const id = localEntityId('PERSON', name);
  remember(id, name, false);
  return localLink(memory, mention, id, name, 'local');
};

const linkUnit = (mention: Mention, kb: KnowledgeBase, memory: ArticleMemory): LinkedMention => {
  const pattern = findUnitMentions(mention.text)[0];
  const texts = [mention.text, ...(pattern ? [withoutPrefix(pattern)] : [])];
  for (const t of texts) {
    const unit = kb.findByAlias(t).find((e) => e.type === 'UNIT');
    if (unit) return kbLink(kb, mention, unit, 'alias');
  }
  const id = pattern ? `local:unit:${pattern.key}` : localEntityId('UNIT', mention.text);
  return localLink(memory, mention, id, mention.text, pattern ? 'unit-pattern' : 'local');
};

const linkOther = (
  mention: Mention,
  context: LinkContext,
  kb: KnowledgeBase,
  memory: ArticleMemory,
): LinkedMention => {
  const key = normalizeAlias(mention.text);
  // A short form the KB does not know ("Carney Group" then "Carney") follows the article's fuller name.
  const fromIds = (mention.ids ?? [])
    .map((id) => kb.get(id))
    .filter((e): e is KbEntity => e !== undefined);
  const candidates = fromIds.length ? fromIds : kb.findByAlias(mention.text);
  const fuller = candidates.length === 0 ? memory.names.fullerThan(mention.type, key) : undefined;
  if (fuller) {
    const e = fuller.kb ? kb.get(fuller.id) : undefined;
    return e
      ? kbLink(kb, mention, e, 'coreference')
      : localLink(memory, mention, fuller.id, fuller.name, 'coreference');
  }
  const best = rankCandidates(candidates, mention, context, kb, memory);
  if (!best) {
    const id = localEntityId(mention.type, mention.text);
    memory.names.add({ key, type: mention.type, id, name: mention.text, kb: false });
    return localLink(memory, mention, id, mention.text, 'local');
  }
  memory.names.add({ key, type: mention.type, id: best.id, name: best.name, kb: true });
  if (
    best.metonymFor?.length &&
    metonymicUse(context.text, mention.start, mention.end, best) === 'actor'
  ) {
    const window = context.text.slice(Math.max(0, mention.start - 300), mention.end + 300);
    const choice = chooseMetonymTarget(best, window);
    const target = choice ? kb.get(choice.id) : undefined;
    if (target && choice)
      return kbLink(kb, mention, target, 'metonym', { placeId: best.id, note: choice.note });
  }
  return kbLink(kb, mention, best, 'alias');
};

/**
 * Ties each mention to a KB id or a stable local id. Mentions are processed in text order so a
 * short form ("Biden", "Mr Stoltenberg") follows the full name the article introduced first.
 * The output keeps the input order and offsets.
 */
export const linkMentions = (
  mentions: readonly Mention[],
  context: LinkContext,
  kb: KnowledgeBase,
): LinkedMention[] => {
  const memory: ArticleMemory = {
    surnames: new Map(),
    names: new FullerNames(),
    localNames: new Map(),
    countries: articleCountries(mentions, kb),
  };
  const order = mentions
    .map((m, i) => ({ m, i }))
    .sort((a, b) => a.m.start - b.m.start || b.m.end - a.m.end);
  const out: LinkedMention[] = new Array<LinkedMention>(mentions.length);
  for (const { m, i } of order) {
    out[i] = linkOne(m, context, kb, memory);
  }
  // Local ids may have learnt a longer name later in the article.
  return out.map((l) => (l.kb ? l : { ...l, name: memory.localNames.get(l.id) ?? l.name }));
};

const linkOne = (
  m: Mention,
  context: LinkContext,
  kb: KnowledgeBase,
  memory: ArticleMemory,
): LinkedMention => {
  const officeId =
    m.ids?.find((id) => id.startsWith('office:')) ??
    (m.type === 'PERSON' ? kb.findOfficesByTitle(m.text)[0]?.id : undefined);
  if (officeId) {
    const resolved = resolveOffice(kb, officeId, context.published);
    if (resolved) {
      const surname = surnameOf(resolved.holder.name).toLowerCase();
      if (!memory.surnames.has(surname))
        memory.surnames.set(surname, {
          id: resolved.holder.id,
          name: resolved.holder.name,
          kb: true,
        });
      return kbLink(kb, m, resolved.holder, 'office-title', {
        officeId,
        note: `holder on ${resolved.basis}`,
      });
    }
  }
  if (m.type === 'PERSON') return linkPerson(m, context, kb, memory);
  if (m.type === 'UNIT') return linkUnit(m, kb, memory);
  return linkOther(m, context, kb, memory);
};

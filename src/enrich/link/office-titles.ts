import type { KbEntity, KbOffice, KnowledgeBase, PhraseMatcher } from '../../kb/kb-types.js';
import { createPhraseMatcher } from '../../kb/phrase-matcher.js';

/**
 * "NATO Secretary General" names a person only together with a date: Stoltenberg in 2022, Rutte in
 * 2025. Titles are matched like names, then resolved against the article's publication date.
 */

const matchers = new WeakMap<KnowledgeBase, PhraseMatcher>();

export const officeTitleMatcher = (kb: KnowledgeBase): PhraseMatcher => {
  let matcher = matchers.get(kb);
  if (!matcher) {
    matcher = createPhraseMatcher(
      kb
        .offices()
        .flatMap((o) => o.titles.map((alias) => ({ alias, id: o.id, type: 'PERSON' as const }))),
    );
    matchers.set(kb, matcher);
  }
  return matcher;
};

export interface OfficeResolution {
  readonly office: KbOffice;
  readonly holder: KbEntity;
  /** The date used, or "current" when the article had none and the open term was taken. */
  readonly basis: string;
}

/** The holder on `published`, or without a date the holder whose term is still open. */
export const resolveOffice = (
  kb: KnowledgeBase,
  officeId: string,
  published: string | undefined,
): OfficeResolution | undefined => {
  const office = kb.office(officeId);
  if (!office) return undefined;
  if (published) {
    const holder = kb.officeHolder(officeId, published);
    return holder ? { office, holder, basis: published.slice(0, 10) } : undefined;
  }
  const open = office.terms.find((t) => t.end === undefined);
  const holder = open ? kb.get(open.person) : undefined;
  return holder ? { office, holder, basis: 'current' } : undefined;
};

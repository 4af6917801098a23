import type { EdgeParty } from '../../core/supply-edge.js';
import { type EdgeActor, originState } from './edge-actors.js';
import type { EdgeItem } from './edge-items.js';
import {
  anchored,
  lastReliance,
  PRONOUN_SUBJECT,
  type Reliance,
  WITHHOLD,
} from './edge-reliance.js';
import { type Trigger, CAPABILITY_CUE } from './edge-triggers.js';
import type { ClauseReader } from './edge-clause.js';

/** Words of a system fired, hit or lost in combat. */
const COMBAT =
  /\b(?:destroy(?:s|ed|ing)?|shot down|shoot(?:s|ing)? down|downed|struck|hit|strikes?|fir(?:e|es|ed|ing) at|launch(?:es|ed|ing)?|attack(?:s|ed|ing)?|shell(?:s|ed|ing)|los[te]|wiped out|eliminat\w+|neutrali[sz]\w+)\b/i;

/** "Ukraine's NASAMS", "Ukrainian Neptune missile": possession in service. */
export const readPossessives = (r: ClauseReader, used: ReadonlySet<EdgeItem>): void => {
  for (const item of r.items) {
    if (used.has(item) || item.kind === 'capability') continue;
    const owner = r.actors.find((a) => {
      const gap = r.text.slice(a.mention.end, item.start);
      // "Japan's new fighter aircraft for the 1990's": one still to be chosen is not in service.
      if (/^['’]s\s+(?:[\p{Ll}-]+\s+){0,2}$/u.test(gap))
        return !/\b(?:new|future|next|planned|proposed|own)\b/i.test(gap);
      // "hit by a Ukrainian Neptune missile": the demonym of the one using it; elsewhere
      // ("Iranian drones") it is as often the origin, so it is not read.
      // "posed by Chinese-made Silkworm missiles": a hyphenated maker is the origin, not the user.
      if (
        item.kind !== 'weapon' ||
        a.mention.type !== 'NORP' ||
        /-(?:made|built|designed|produced|manufactured|supplied)$/i.test(a.mention.text) ||
        !/^\s+(?:(?:[\p{Ll}-]+|[A-Z]{2,5})\s+){0,1}$/u.test(gap)
      )
        return false;

      const origin = originState(r.kb, item.id);
      const prep = /\b(by|with|from)\s+(?:an?\s+|the\s+)?$/i.exec(
        r.text.slice(Math.max(r.s.start, a.mention.start - 12), a.mention.start),
      );
      // "attacked Kyiv with Iranian Shahed drones": the instrument's maker is not its user.
      if (prep !== null)
        return !(/^with$/i.test(prep[1] ?? '') && origin !== undefined && origin.id === a.party.id);
      // "Russian SAM Pantsir may be destroyed", "a Russian Su-25 was shot down": a system lost or
      // fired in combat is the demonym's own, whether or not it was also made there.
      const near = r.text.slice(
        Math.max(r.s.start, a.mention.start - 30),
        Math.min(r.s.end, item.end + 40),
      );
      if (COMBAT.test(near) && a.party.id?.startsWith('gpe:') === true) return true;
      if (!/^\s+(?:[\p{Ll}-]+\s+){0,1}$/u.test(gap)) return false;
      // "an Iranian Silkworm missile strike": a demonym that is not the system's origin is its user.
      return (
        /^\s+$/.test(gap) &&
        origin !== undefined &&
        a.party.id?.startsWith('gpe:') === true &&
        origin.id !== a.party.id
      );
    });
    const pronoun =
      owner === undefined &&
      item.kind === 'weapon' &&
      /\b(?:its|their)\s+(?:[\p{Ll}-]+\s+)?$/u.test(
        r.text.slice(Math.max(r.s.start, item.start - 30), item.start),
      );
    if (pronoun) {
      // "Dassault has offered the ministry a new design of its Rafale": the company's own product.
      if (r.mainSubject()?.party.id?.startsWith('company:') === true) continue;
      // "the operation of its F-16s": the nearest state named before owns them.
      const near = [...r.actors]
        .reverse()
        .find((a) => a.mention.end <= item.start && a.party.id?.startsWith('gpe:'));
      if (near !== undefined) {
        const t: Trigger = {
          cls: 'use',
          start: item.start,
          end: item.start,
          word: 'possessive pronoun',
        };
        r.emit(t, item, near, undefined, '', 'operates', []);
      }
      continue;
    }
    if (owner === undefined) continue;
    const t: Trigger = {
      cls: 'use',
      start: owner.mention.end,
      end: owner.mention.end,
      word: 'possessive',
    };
    r.emit(t, item, owner, undefined, '', 'operates', []);
  }
};

/**
 * "It can withhold software updates, spare parts": a provider the article said others rely on,
 * named here or by a pronoun, cutting off a capability; the reliant party is the one stated before.
 */
const readWithheld = (r: ClauseReader, item: EdgeItem): void => {
  const lead = r.text.slice(r.clauseStart(item.start), item.start);
  const verb = WITHHOLD.exec(lead);
  if (verb === null) return;
  const verbAt = r.clauseStart(item.start) + verb.index;
  const named = r.subjects(verbAt, r.clauseStart(item.start))[0];
  let reliance: Reliance | undefined;
  if (named !== undefined) reliance = lastReliance(r.doc.reliances, named.party.id);
  else if (PRONOUN_SUBJECT.test(r.text.slice(r.s.start, verbAt))) {
    // The pronoun stands for the last provider named in this sentence or the one before.
    const near = [...r.doc.actors, ...r.actors.filter((a) => a.mention.end <= verbAt)]
      .filter((a) => a.mention.start >= r.s.start - 400)
      .reverse()
      .find((a) => lastReliance(r.doc.reliances, a.party.id) !== undefined);
    if (near !== undefined) reliance = lastReliance(r.doc.reliances, near.party.id);
  }
  if (reliance === undefined) return;
  const t: Trigger = { cls: 'rely', start: verbAt, end: verbAt + verb[0].length, word: verb[0] };
  // The provider was named sentences before: it keeps no offsets, so the evidence stays in this sentence.
  const supplier: EdgeParty = {
    ...(reliance.supplier.id !== undefined ? { id: reliance.supplier.id } : {}),
    name: reliance.supplier.name,
  };
  r.emit(t, item, anchored(reliance.recipient, verbAt), supplier, '', 'depends_on', [
    'provider withholding a capability the article says is relied on',
  ]);
};

/** "halt of intelligence sharing with Ukraine", "Starlink denied Ukrainian access". */
export const readCapabilities = (r: ClauseReader, used: ReadonlySet<EdgeItem>): void => {
  const body = r.text.slice(r.s.start, r.s.end);
  if (!CAPABILITY_CUE.test(body)) return;
  for (const item of r.items) {
    if (item.kind !== 'capability' || used.has(item)) continue;
    const after = r.actors.find(
      (a) =>
        a.mention.start >= item.end &&
        a.mention.start <= item.end + 40 &&
        /^\s+(?:\w+\s+){0,2}(?:with|for|to)\s+(?:the\s+)?$/i.test(
          r.text.slice(item.end, a.mention.start),
        ),
    );
    const denied = r.actors.find(
      (a) =>
        a.mention.type === 'NORP' &&
        a.mention.start > item.end &&
        /\bden(?:y|ied|ies)\s+$/i.test(r.text.slice(item.end, a.mention.start)),
    );
    const recipient = after ?? denied;
    if (recipient === undefined) {
      readWithheld(r, item);
      continue;
    }
    const provider = r.actors.find(
      (a) => a.mention.start <= item.start && a.mention.end >= item.end && a.mention.type === 'ORG',
    );
    const parent =
      provider?.party.id !== undefined ? r.kb.get(provider.party.id)?.parent : undefined;
    const parentEntity = parent !== undefined ? r.kb.get(parent) : undefined;
    const supplier: EdgeActor | undefined =
      provider !== undefined
        ? parentEntity !== undefined
          ? { ...provider, party: { id: parentEntity.id, name: parentEntity.name } }
          : provider
        : item.originMention !== undefined
          ? undefined
          : r.subjects(item.start, r.s.start)[0];
    const t: Trigger = { cls: 'rely', start: item.start, end: item.end, word: 'capability' };
    r.emit(
      t,
      item,
      recipient,
      supplier?.party !== recipient.party ? supplier?.party : undefined,
      '',
      'depends_on',
      ['capability with its user'],
    );
  }
};

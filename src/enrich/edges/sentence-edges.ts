import type { EdgeItem } from './edge-items.js';
import type { EdgeDraft } from './merge-edges.js';
import { type TriggerClass, type Trigger, DEAL_WITH, isNominal } from './edge-triggers.js';
import { ClauseReader, type TriggerContext } from './edge-clause.js';
import { readGive } from './read-supply-clause.js';
import { readArrive, readList, readGet, readBuy } from './read-receipt-clauses.js';
import { readAsk, readUse } from './read-ask-use-clauses.js';
import { readRely } from './read-reliance-clause.js';
import { readAidAnnouncement } from './read-aid-announcement.js';
import { readPossessives, readCapabilities } from './edge-possession.js';

/** The reading of one sentence: its triggers, in order, each with its clause, then possessives and capabilities. */
export class SentenceEdges extends ClauseReader {
  read(): void {
    const used = new Set<EdgeItem>();
    this.triggers.forEach((t, k) => {
      const next = this.triggers
        .slice(k + 1)
        .find(
          (n) => (n.cls !== 'ask' || t.cls === 'ask') && n.cls !== 'list' && !this.adjectival(n),
        );
      let limit = Math.min(next?.start ?? this.s.end, this.clauseEnd(t.end));
      // "to consider MLRS supply": the system right before a noun trigger is that trigger's.
      if (next !== undefined && isNominal(this.text, next, this.s.start)) {
        const owned = this.items.find(
          (i) => i.end <= next.start && /^\s*$/.test(this.text.slice(i.end, next.start)),
        );
        if (owned !== undefined) limit = Math.min(limit, owned.start);
      }
      // "signs contract with Ukraine for supply of ...": the deal frames the verb after it, it is no verb before it.
      const prev = this.triggers
        .slice(0, k)
        .filter((p) => !DEAL_WITH.test(p.word))
        .pop();
      const made = this.readTrigger(t, limit, prev);
      made.forEach((d) => used.add(d.system));
    });
    readAidAnnouncement(this);
    readPossessives(this, used);
    readCapabilities(this, used);
  }

  private readTrigger(t: Trigger, limit: number, prev: Trigger | undefined): EdgeDraft[] {
    // "Poland bought and transferred to Ukraine ...": verbs joined by "and" share their subject.
    const joined = prev !== undefined && /^\s+and\s+$/i.test(this.text.slice(prev.end, t.start));
    // "Britain has offered to send tanks": the offer frames the verb after it, like an ask.
    const offered =
      prev !== undefined &&
      /^offer/i.test(prev.word) &&
      /^\s+to\s+$/i.test(this.text.slice(prev.end, t.start));
    // "test-fired its newly acquired Silkworm": a participle's holder is the subject of the verb before.
    const floor = Math.max(
      this.clauseStart(t.start),
      prev !== undefined && prev.cls !== 'ask' && !offered && !joined && !this.adjectival(t)
        ? prev.end
        : this.s.start,
    );
    const leadFrom =
      (prev?.cls === 'ask' || offered) &&
      prev !== undefined &&
      prev.start >= this.clauseStart(t.start)
        ? prev.start
        : floor;
    const lead = this.text.slice(Math.max(leadFrom, t.start - 120), t.start);
    const subjects = this.subjects(t.start, floor);
    const subject = subjects[subjects.length - 1];
    const before = this.text.slice(Math.max(this.s.start, t.start - 12), t.start);
    const after = this.text.slice(t.end, Math.min(this.s.end, t.end + 12));
    const nominal = isNominal(this.text, t, this.s.start);
    const out: EdgeDraft[] = [];
    const push = (d: EdgeDraft | undefined): void => {
      if (d !== undefined) out.push(d);
    };
    const c: TriggerContext = {
      t,
      limit,
      floor,
      lead,
      subjects,
      subject,
      before,
      after,
      nominal,
      push,
    };
    const readers: Record<TriggerClass, (r: ClauseReader, c: TriggerContext) => void> = {
      give: readGive,
      arrive: readArrive,
      list: readList,
      get: readGet,
      buy: readBuy,
      ask: readAsk,
      use: readUse,
      rely: readRely,
    };
    readers[t.cls](this, c);
    return out;
  }
}

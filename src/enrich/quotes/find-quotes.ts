import type { Sentence } from '../tokenize.js';
import { findQuoteSpans, type QuoteSpan } from './quote-spans.js';
import { lowerBound, sentenceAt, SpeakerIndex } from './speaker-index.js';

export const QUOTES_VERSION = 'quotes-1';

/** An entity mention as quotes need it: offsets, type and the entity it was linked to. */
export interface SpeakerCandidate {
  readonly start: number;
  readonly end: number;
  readonly type: string;
  readonly id: string;
  readonly name: string;
}

export interface Quote {
  readonly text: string;
  readonly start: number;
  readonly end: number;
  /** Display name of the speaker, or the description of an unnamed source. */
  readonly speaker?: string;
  readonly speaker_id?: string;
  /** direct: a quoted statement; partial: a few quoted words inside reporting; reported: "X said that..."; term: scare quotes nobody is said to have spoken. */
  readonly kind: 'direct' | 'partial' | 'reported' | 'term';
  /** The source is described, not named ("a European defense source"). */
  readonly anonymous: boolean;
  /** How the speaker was found: after, before, sentence, pronoun, reported. */
  readonly attribution?: 'after' | 'before' | 'sentence' | 'pronoun' | 'reported';
  /** Offsets of the words that name the speaker ("Biden said", "he added"). */
  readonly cue?: { readonly start: number; readonly end: number };
}

// Verbs only (no "states", "notes", "remarks": as nouns they follow names all the time).
const VERBS =
  'said|says|say|told|added|adds|noted|stated|remarked|announced|announces|explained|explains|warned|warns|argued|argues|insisted|insists|declared|declares|wrote|writes|tweeted|asked|asks|replied|replies|emphasized|emphasised|stressed|continued|concluded|observed|acknowledged|admitted|claimed|suggested|recalled|predicted|cautioned|urged|conceded|confirmed|commented|responded|reported|stating|saying|adding|noting|referred to|called';
const PRONOUN = '(?:[Hh]e|[Ss]he|[Tt]hey)';
/** "…,” Biden said" / "…”Mr. Stoltenberg told reporters" / "…,” he added" / "…,” stated Sten Rynning". */
const AFTER_SPEAKER_VERB = new RegExp(
  String.raw`^[\s,.]*((?:\p{Lu}[\p{L}.'’-]*\s+){0,5}?\p{Lu}[\p{L}.'’-]*|${PRONOUN}|[Tt]he [\p{L} -]{2,40}?)\s+(?:${VERBS})\b`,
  'u',
);
const AFTER_VERB_SPEAKER = new RegExp(
  String.raw`^[\s,.]*(?:${VERBS})\s+((?:[\p{L}.'’-]+\s*){1,8})`,
  'u',
);
/** "He added, “…" / "A former U.S. official … remarked, “…" / "…, stating, “…". */
const BEFORE_SPEAKER = new RegExp(
  String.raw`(?:^|[;]\s*|\n)?([^;\n“”"]{1,160}?)\s+(?:${VERBS})(?:\s+\w+){0,3}\s*[,:]?\s*$`,
  'u',
);
const ANONYMOUS =
  /\b(?:anonymous(?:ly)?|anonymity|unnamed|(?:a|an|one|two|several|some)\s+(?:[\w.-]+\s+){0,5}(?:source|sources|official|officials|diplomat|diplomats|contact|insider|aide|person|people|officer|analyst|expert))\b/i;

interface Speaker {
  readonly name?: string;
  readonly id?: string;
  readonly anonymous: boolean;
  readonly pronoun: boolean;
  readonly cueStart: number;
  readonly cueEnd: number;
}

const describe = (
  text: string,
  start: number,
  end: number,
  candidates: SpeakerIndex<SpeakerCandidate>,
): Speaker | undefined => {
  const phrase = text.slice(start, end).trim();
  if (phrase === '') return undefined;
  if (new RegExp(`^${PRONOUN}$`).test(phrase)) {
    return { anonymous: false, pronoun: true, cueStart: start, cueEnd: end };
  }
  const person = candidates.closestBefore(start, end);
  if (person !== undefined) {
    return {
      name: person.name,
      id: person.id,
      anonymous: false,
      pronoun: false,
      cueStart: start,
      cueEnd: end,
    };
  }
  if (ANONYMOUS.test(phrase)) {
    // The description up to the first comma is the source ("A European defense source").
    const name = phrase.split(/,|\s(?:was|is|were|are|has|had|who|which)\s/)[0]?.trim() ?? phrase;
    return { name, anonymous: true, pronoun: false, cueStart: start, cueEnd: end };
  }
  return undefined;
};

/**
 * Where BEFORE_SPEAKER can start matching in text[from, to): its match holds no quote mark and a
 * ";" only as its first character, so the search starts at the last of them. Keeps each search to
 * the text since the previous quote mark: searching the whole sentence again for every quote was
 * quadratic (200 KB of `"a" ` took 38 s).
 */
const beforeSearchStart = (text: string, from: number, to: number): number => {
  for (let i = to - 1; i >= from; i--) {
    const c = text.charCodeAt(i);
    if (c === 0x22 || c === 0x201c || c === 0x201d) return i + 1;
    if (c === 0x3b) return i;
  }
  return from;
};

/** The speaker a sentence reports ("Mr Biden said ..."), for a few quoted words inside it. */
const reportingSubject = (
  text: string,
  sentence: Sentence,
  candidates: SpeakerIndex<SpeakerCandidate>,
): Speaker | undefined => {
  const body = text.slice(sentence.start, sentence.end);
  const verb = new RegExp(String.raw`\b(?:${VERBS}|announced that)\b`, 'u').exec(body);
  if (verb === null) return undefined;
  const verbAt = sentence.start + verb.index;
  const subject = candidates.closestBefore(sentence.start, verbAt);
  if (subject === undefined) return undefined;
  return {
    name: subject.name,
    id: subject.id,
    anonymous: false,
    pronoun: false,
    cueStart: subject.start,
    cueEnd: verbAt + verb[0].length,
  };
};

/**
 * Direct and partial quotes with their speakers, then reported speech in sentences without quote
 * marks. A pronoun speaker ("he added") takes the last named speaker, across paragraph breaks.
 */
export const findQuotes = (
  text: string,
  sentences: readonly Sentence[],
  candidates: readonly SpeakerCandidate[],
): Quote[] => {
  const quotes: Quote[] = [];
  const index = new SpeakerIndex(candidates);
  // One sentence can hold thousands of quotes: its reporting subject is found once.
  const subjects = new Map<Sentence, Speaker | undefined>();
  let lastNamed: Speaker | undefined;
  const spans = findQuoteSpans(text);
  for (const q of spans) {
    const inner = text.slice(q.start, q.end);
    const words = inner.trim().split(/\s+/).length;
    let speaker: Speaker | undefined;
    let attribution: Quote['attribution'];
    const rest = text.slice(q.close + 1, q.close + 1 + 200);
    const newline = rest.indexOf('\n');
    const after = newline >= 0 ? rest.slice(0, newline) : rest;
    const ma = AFTER_SPEAKER_VERB.exec(after);
    if (ma?.[1] !== undefined) {
      const s = q.close + 1 + ma.index + ma[0].indexOf(ma[1]);
      speaker = describe(text, s, s + ma[1].length, index);
      attribution = 'after';
    }
    if (speaker === undefined) {
      const mv = AFTER_VERB_SPEAKER.exec(after);
      if (mv?.[1] !== undefined) {
        const s = q.close + 1 + mv.index + mv[0].indexOf(mv[1]);
        speaker = describe(text, s, s + mv[1].length, index);
        attribution = 'after';
      }
    }
    if (speaker === undefined) {
      const sentence = sentenceAt(sentences, q.open);
      const from = beforeSearchStart(
        text,
        sentence !== undefined ? Math.min(sentence.start, q.open) : Math.max(0, q.open - 200),
        q.open,
      );
      const before = text.slice(from, q.open);
      const mb = BEFORE_SPEAKER.exec(before);
      if (mb?.[1] !== undefined) {
        const s = from + mb.index + mb[0].indexOf(mb[1]);
        speaker = describe(text, s, s + mb[1].length, index);
        attribution = 'before';
      }
    }
    if (speaker === undefined) {
      // A few quoted words inside a sentence that reports someone ("Mr Biden said ... “historical”").
      const sentence = sentenceAt(sentences, q.open);
      if (sentence !== undefined) {
        if (!subjects.has(sentence))
          subjects.set(sentence, reportingSubject(text, sentence, index));
        speaker = subjects.get(sentence);
        if (speaker !== undefined) attribution = 'sentence';
      }
    }
    if (speaker?.pronoun === true) {
      speaker =
        lastNamed === undefined
          ? undefined
          : { ...lastNamed, cueStart: speaker.cueStart, cueEnd: speaker.cueEnd, pronoun: true };
      if (speaker !== undefined) attribution = 'pronoun';
    }
    if (speaker !== undefined && !speaker.pronoun && speaker.name !== undefined)
      lastNamed = speaker;
    // A short quote woven into the sentence ("was “historic” for") is partial, not a statement.
    const woven =
      words <= 8 &&
      /[\p{L}\p{N}]\s*$/u.test(text.slice(Math.max(0, q.open - 3), q.open)) &&
      !/[.!?,]$/.test(inner.trim());
    const kind: Quote['kind'] =
      speaker === undefined ? (words <= 4 ? 'term' : 'direct') : woven ? 'partial' : 'direct';
    quotes.push({
      text: inner,
      start: q.start,
      end: q.end,
      kind,
      anonymous: speaker?.anonymous ?? false,
      ...(speaker?.name !== undefined ? { speaker: speaker.name } : {}),
      ...(speaker?.id !== undefined ? { speaker_id: speaker.id } : {}),
      ...(speaker !== undefined && attribution !== undefined
        ? { attribution, cue: { start: speaker.cueStart, end: speaker.cueEnd } }
        : {}),
    });
  }
  quotes.push(...findReportedSpeech(text, sentences, index, spans));
  return quotes.sort((a, b) => a.start - b.start);
};

const REPORTED = new RegExp(
  String.raw`\s(?:${VERBS.replace('|referred to|called', '')})(?:\s+(?:reporters|journalists|\p{Lu}[\p{L}]+))?(?:\s+(?:on|in)\s+[\p{L}\d ]{1,25}?)?(?:,)?\s+(that\s+)?`,
  'u',
);

/** "X said (that) ..." without quote marks: the clause after the verb is what X said. */
const findReportedSpeech = (
  text: string,
  sentences: readonly Sentence[],
  candidates: SpeakerIndex<SpeakerCandidate>,
  quoteSpans: readonly QuoteSpan[],
): Quote[] => {
  const out: Quote[] = [];
  // Spans are sorted by opening mark; the furthest close among the first k answers "does any of
  // them reach past this point?" without a scan of all spans per sentence.
  const opens = quoteSpans.map((q) => q.open);
  const furthestClose: number[] = [];
  quoteSpans.forEach((q, k) => furthestClose.push(Math.max(q.close, furthestClose[k - 1] ?? -1)));
  const leadingSpace = /\s*/y;
  for (const s of sentences) {
    const body = text.slice(s.start, s.end);
    // Cheap test first: most sentences report nobody.
    if (!REPORTED.test(body)) continue;
    const opened = lowerBound(opens, s.end);
    if (opened > 0 && (furthestClose[opened - 1] as number) > s.start) continue;
    const m = REPORTED.exec(body);
    if (m === null) continue;
    const verbAt = s.start + m.index;
    const subject = candidates.closestBefore(s.start, verbAt);
    // The speaker must be the subject right before the verb, not a name anywhere earlier.
    if (subject === undefined || verbAt - subject.end > 40) continue;
    let start = verbAt + m[0].length;
    let end = s.end;
    const contentFollows =
      m[1] !== undefined ||
      !/^(?:before|after|on|at|in|during|while|when|as|to|\W)/i.test(text.slice(start, start + 8));
    leadingSpace.lastIndex = start;
    leadingSpace.test(text);
    if (!contentFollows || text.charAt(leadingSpace.lastIndex) === '.') {
      // "The United States plans to ..., President Joe Biden announced before ...": the clause before.
      // (Only a comma inside the sentence counts: searched there, not back to the text's start.)
      const inSentence = text.slice(s.start, Math.max(s.start, subject.start + 1)).lastIndexOf(',');
      const comma = inSentence < 0 ? -1 : s.start + inSentence;
      if (comma <= s.start) continue;
      start = s.start;
      end = comma;
    }
    while (end > start && /[.!?,\s]/.test(text.charAt(end - 1))) end--;
    if (end - start < 15) continue;
    out.push({
      text: text.slice(start, end),
      start,
      end,
      speaker: subject.name,
      speaker_id: subject.id,
      kind: 'reported',
      anonymous: false,
      attribution: 'reported',
      cue: { start: subject.start, end: verbAt + m[0].length },
    });
  }
  return out;
};

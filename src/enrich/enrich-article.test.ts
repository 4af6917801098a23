import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { before, describe, test } from 'node:test';
import { sharedPath, skipUnlessShared } from '../../test/shared-data.js';
import { loadKnowledgeBase } from '../kb/load-knowledge-base.js';
import { enrichArticle, type EnrichDeps, type Enrichment } from './enrich-article.js';
import { loadNerModel, NER_MODEL_URL } from './ner/ner-model-file.js';

/**
 * Golden checks on the four seed articles, written by reading them: the people, organisations,
 * weapons and figures an analyst would underline, linked to the KB, and every quote of seed 002
 * attributed to the right speaker.
 */
const SEEDS = {
  '000': '000_424d23105482d804.txt',
  '001': '001_453f1ecf99c7c5c3.txt',
  '002': '002_4a0e5822227b55cc.txt',
  '003': '003_70e679594b6edb46.txt',
} as const;

/** Plausible publication dates (the dumps carry none), so relative dates and offices resolve. */
const PUBLISHED: Record<keyof typeof SEEDS, string> = {
  '000': '2022-11-10',
  '001': '2024-11-20',
  '002': '2022-06-28',
  '003': '2025-03-20',
};

let deps: EnrichDeps;
const results = new Map<string, { text: string; e: Enrichment }>();
const skip = skipUnlessShared('seeds');

const seed = (key: keyof typeof SEEDS): { text: string; e: Enrichment } => {
  const cached = results.get(key);
  if (cached) return cached;
  const text = readFileSync(sharedPath('seeds', SEEDS[key]) as string, 'utf8');
  const e = enrichArticle({ text, published: PUBLISHED[key] }, deps);
  results.set(key, { text, e });
  return { text, e };
};

const idsOf = (e: Enrichment, type: string): Set<string> =>
  new Set(e.entities.filter((x) => x.type === type).map((x) => x.id));

const assertHas = (have: Set<string>, want: readonly string[], what: string): void => {
  const missing = want.filter((id) => !have.has(id));
  assert.deepEqual(missing, [], `${what} missing`);
};

describe('enrichArticle on the seed articles', { skip }, () => {
  before(() => {
    deps = { kb: loadKnowledgeBase(), model: loadNerModel(readFileSync(NER_MODEL_URL)) };
  });

  test('every offset points at the text it reports', () => {
    for (const key of Object.keys(SEEDS) as (keyof typeof SEEDS)[]) {
      const { text, e } = seed(key);
      for (const x of [...e.entities, ...e.figures, ...e.dates, ...e.quotes]) {
        assert.equal(text.slice(x.start, x.end), x.text, `${key}: ${x.text}`);
      }
    }
  });

  test('000: Macron, Trump and NATO; doubling from four battle groups; In February, next week', () => {
    const { e } = seed('000');
    assertHas(idsOf(e, 'PERSON'), ['person:emmanuel-macron', 'person:donald-trump'], 'people');
    assertHas(idsOf(e, 'ORG'), ['org:nato'], 'organisations');
    const doubling = e.figures.find((f) => f.kind === 'multiplier');
    assert.equal(doubling?.normalized.factor, 2);
    assert.equal(doubling?.subject, 'troop presence');
    assert.ok(
      e.figures.some((f) => f.kind === 'count' && f.value === 4 && f.unit === 'battle groups'),
    );
    const dates = new Map(e.dates.map((d) => [d.text, d.value]));
    assert.equal(dates.get('In February'), '2022-02-01/2022-02-28');
    assert.equal(dates.get('next week'), '2022-11-14/2022-11-20');
  });

  test('001: Rutte, the Contact Group, Patriot, "at least 52 countries", Ukraine not a member of NATO', () => {
    const { e } = seed('001');
    assertHas(idsOf(e, 'PERSON'), ['person:mark-rutte'], 'people');
    assertHas(idsOf(e, 'ORG'), ['org:nato', 'org:udcg'], 'organisations');
    assertHas(idsOf(e, 'WEAPON'), ['weapon:patriot'], 'weapons');
    const countries = e.figures.find((f) => f.text === 'at least 52 countries');
    assert.equal(countries?.value, 52);
    assert.equal(countries?.unit, 'countries');
    assert.equal(countries?.normalized.qualifier, 'at least');
    const membership = e.relations.filter((r) => r.predicate === 'member_of');
    assert.deepEqual(
      membership.map((r) => [r.subject.id, r.object.id, r.negated]),
      [['gpe:ua', 'org:nato', true]],
    );
    const office = e.relations.find(
      (r) => r.predicate === 'holds_office' && r.subject.id === 'person:mark-rutte',
    );
    assert.equal(office?.object.id, 'office:nato-secretary-general');
  });

  test('002: Biden, Stoltenberg, Putin, F-35, US 5th Army Corps; troop figures', () => {
    const { e } = seed('002');
    assertHas(
      idsOf(e, 'PERSON'),
      ['person:joe-biden', 'person:jens-stoltenberg', 'person:vladimir-putin'],
      'people',
    );
    assertHas(idsOf(e, 'WEAPON'), ['weapon:f-35'], 'weapons');
    assert.ok(e.entities.some((x) => x.type === 'UNIT' && x.text === 'US 5th Army Corps'));
    const counts = e.figures.filter((f) => f.kind === 'count').map((f) => [f.value, f.unit]);
    for (const want of [
      [300000, 'troops'],
      [5000, 'troops'],
      [20000, 'troops'],
      [2, 'destroyers'],
    ]) {
      assert.ok(
        counts.some(([v, u]) => v === want[0] && u === want[1]),
        `count ${want.join(' ')}`,
      );
    }
  });

  test('002: every quote is Biden\'s or Stoltenberg\'s, including "he added" after a paragraph break', () => {
    const { e } = seed('002');
    const spoken = e.quotes.filter((q) => q.kind !== 'term');
    assert.ok(spoken.length >= 8, `only ${spoken.length} quotes`);
    const speakerOf = (start: string): string | undefined =>
      spoken.find((q) => q.text.startsWith(start))?.speaker_id;
    assert.equal(speakerOf('The United States will strengthen'), 'person:joe-biden');
    assert.equal(speakerOf('defend every square inch'), 'person:joe-biden');
    assert.equal(speakerOf('permanent headquarters'), 'person:joe-biden');
    assert.equal(speakerOf('historical'), 'person:joe-biden');
    assert.equal(speakerOf('send an unequivocal message'), 'person:joe-biden');
    assert.equal(speakerOf('At a time when'), 'person:joe-biden');
    assert.equal(speakerOf('One of the most important messages'), 'person:jens-stoltenberg');
    assert.equal(speakerOf('He wanted less NATO'), 'person:jens-stoltenberg');
    for (const q of spoken) {
      assert.ok(
        q.speaker_id === 'person:joe-biden' || q.speaker_id === 'person:jens-stoltenberg',
        `${q.text.slice(0, 40)} -> ${q.speaker_id}`,
      );
    }
    // "main threat" and "strategic partner" are scare quotes from the strategic concept, not speech.
    assert.deepEqual(
      e.quotes.filter((q) => q.kind === 'term').map((q) => [q.text, q.speaker ?? null]),
      [
        ['main threat', null],
        ['strategic partner', null],
      ],
    );
  });

  test('003: people, companies and weapons linked; the paired euro/dollar figure; quotes and anonymous sources', () => {
    const { e } = seed('003');
    assertHas(
      idsOf(e, 'PERSON'),
      [
        'person:lloyd-austin',
        'person:andrius-kubilius',
        'person:mark-carney',
        'person:volodymyr-zelensky',
        'person:emmanuel-macron',
        'person:donald-trump',
        'person:vladimir-putin',
      ],
      'people',
    );
    assert.ok(e.entities.some((x) => x.type === 'PERSON' && x.text === 'Sten Rynning'));
    assertHas(
      idsOf(e, 'ORG'),
      [
        'company:mbda',
        'company:rheinmetall',
        'company:hanwha-aerospace',
        'company:lockheed-martin',
        'org:nato',
        'org:eu',
      ],
      'organisations',
    );
    assertHas(
      idsOf(e, 'WEAPON'),
      [
        'weapon:himars',
        'weapon:f-35',
        'weapon:storm-shadow',
        'weapon:patriot',
        'weapon:samp-t',
        'weapon:rafale',
        'weapon:trident',
      ],
      'weapons',
    );
    // Storm Shadow and SCALP are one system.
    const scalp = e.entities.find((x) => x.text === 'Scalp');
    assert.equal(scalp?.id, 'weapon:storm-shadow');

    const money = e.figures.filter((f) => f.kind === 'money');
    assert.equal(money.length, 1);
    assert.equal(money[0]?.text, '150-billion-euro ($162.5 billion)');
    assert.deepEqual(
      money[0]?.normalized.amounts.map((a) => [a.value, a.unit]),
      [
        [150e9, 'EUR'],
        [162.5e9, 'USD'],
      ],
    );
    assert.equal(money[0]?.subject, 'EU defense package');
    const drone = e.figures.find((f) => f.kind === 'distance' && f.value === 3000);
    assert.deepEqual(
      drone?.normalized.amounts.map((a) => [a.value, a.unit]),
      [
        [3000, 'km'],
        [1860, 'mi'],
      ],
    );
    assert.ok(
      e.figures.some(
        (f) => f.text === 'more than double' && f.normalized.qualifier === 'more than',
      ),
    );

    const byStart = (s: string) => e.quotes.find((q) => q.text.startsWith(s));
    assert.equal(byStart('We must recognize')?.speaker_id, 'person:andrius-kubilius');
    for (const s of ['The Europeans are realizing', 'Nearly all allies', 'However, if the U.S.']) {
      assert.equal(byStart(s)?.speaker, 'Sten Rynning', s);
    }
    const anonymous = byStart('Everything is uncertain');
    assert.equal(anonymous?.anonymous, true);
    assert.equal(anonymous?.speaker, 'A European defense source');
    assert.equal(byStart('Donald Trump has instilled')?.anonymous, true);
  });
});

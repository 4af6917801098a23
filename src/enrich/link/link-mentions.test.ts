import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { sharedPath, skipUnlessShared } from '../../../test/shared-data.js';
import { loadKnowledgeBase } from '../../kb/load-knowledge-base.js';
import { linkMentions } from './link-mentions.js';
import { matchKnownNames } from './match-known-names.js';
import type { LinkedMention, Mention } from './mention.js';

const kb = loadKnowledgeBase();

const link = (text: string, published?: string): LinkedMention[] =>
  linkMentions(matchKnownNames(text, kb), { text, ...(published ? { published } : {}) }, kb);

/** "text=id" for each linked mention, in text order. */
const pairs = (text: string, published?: string): string[] =>
  link(text, published).map((l) => `${l.text}=${l.id}`);

const mention = (text: string, part: string, type: Mention['type'], from = 0): Mention => {
  const start = text.indexOf(part, from);
  assert.ok(start >= 0, `"${part}" not in text`);
  return { text: part, start, end: start + part.length, type };
};

describe('linkMentions: metonyms', () => {
  test('a capital acting is its country; a capital as a place stays a place', () => {
    const text = 'Washington will also send 5,000 troops. The conference is next week in Paris.';
    const linked = link(text);
    assert.equal(linked[0]?.id, 'gpe:us');
    assert.equal(linked[0]?.method, 'metonym');
    assert.equal(linked[0]?.placeId, 'gpe:washington');
    assert.equal(linked.find((l) => l.text === 'Paris')?.id, 'gpe:paris');
  });

  test('buildings stand for the people inside', () => {
    assert.deepEqual(pairs('The Pentagon said on Monday that the Kremlin was lying.'), [
      'Pentagon=org:us-dod',
      'Kremlin=gpe:ru',
    ]);
  });

  test('Brussels is the EU or NATO by the words around it', () => {
    const eu = link(
      'Brussels has proposed that member states borrow jointly, the Commission said.',
    );
    assert.equal(eu[0]?.id, 'org:eu');
    const nato = link('Brussels wants allies to spend more, the alliance said after Rutte spoke.');
    assert.equal(nato[0]?.id, 'org:nato');
    assert.match(nato[0]?.note ?? '', /alliance/);
  });
});

describe('linkMentions: office titles by date', () => {
  const text = 'The NATO Secretary General said the alliance would not be divided.';
  test('NATO Secretary General is Stoltenberg in 2022 and Rutte in 2025', () => {
    const in2022 = link(text, '2022-06-29').find((l) => l.method === 'office-title');
    assert.equal(in2022?.id, 'person:jens-stoltenberg');
    assert.equal(in2022?.officeId, 'office:nato-secretary-general');
    assert.equal(
      link(text, '2025-03-01').find((l) => l.method === 'office-title')?.id,
      'person:mark-rutte',
    );
  });

  test('the Pentagon chief resolves to the Secretary of Defense of the day', () => {
    assert.equal(link('the Pentagon chief said', '2023-05-01')[0]?.id, 'person:lloyd-austin');
    assert.equal(link('the Pentagon chief said', '2025-05-01')[0]?.id, 'person:pete-hegseth');
  });

  test('a title before a name is not a mention of its own; "a future president" names nobody', () => {
    assert.deepEqual(pairs('NATO Secretary General Jens Stoltenberg spoke.', '2022-06-29'), [
      'NATO=org:nato',
      'Jens Stoltenberg=person:jens-stoltenberg',
    ]);
    assert.deepEqual(pairs('whether a future U.S. president would risk it', '2025-03-01'), [
      'U.S.=gpe:us',
    ]);
    assert.deepEqual(pairs('the Secretary of State for Health said', '2025-03-01'), []);
    assert.deepEqual(pairs('the Secretary of State said', '2025-03-01'), [
      'Secretary of State=person:marco-rubio',
    ]);
  });
});

describe('linkMentions: coreference and local ids', () => {
  test('short forms follow the full name the article introduced', () => {
    const text = 'President Joe Biden spoke. Mr Biden said more. Then Mr. Biden left.';
    const mentions = [
      mention(text, 'President Joe Biden', 'PERSON'),
      mention(text, 'Mr Biden', 'PERSON'),
      mention(text, 'Mr. Biden', 'PERSON'),
    ];
    const linked = linkMentions(mentions, { text }, kb);
    assert.deepEqual(
      linked.map((l) => [l.id, l.method]),
      [
        ['person:joe-biden', 'alias'],
        ['person:joe-biden', 'coreference'],
        ['person:joe-biden', 'coreference'],
      ],
    );
  });

  test('people the KB does not know get a stable local id shared by their surname', () => {
    const text = 'said François Heisbourg, an analyst. Heisbourg added that Sten Rynning agreed.';
    const mentions = [
      mention(text, 'François Heisbourg', 'PERSON'),
      mention(text, 'Heisbourg', 'PERSON', 30),
      mention(text, 'Sten Rynning', 'PERSON'),
    ];
    const linked = linkMentions(mentions, { text }, kb);
    assert.deepEqual(
      linked.map((l) => [l.id, l.name, l.kb]),
      [
        ['local:person:francois-heisbourg', 'François Heisbourg', false],
        ['local:person:francois-heisbourg', 'François Heisbourg', false],
        ['local:person:sten-rynning', 'Sten Rynning', false],
      ],
    );
  });

  test('output keeps the input order and offsets', () => {
    const text = 'Stoltenberg met Jens Stoltenberg fans.';
    const mentions = [
      mention(text, 'Jens Stoltenberg', 'PERSON'),
      mention(text, 'Stoltenberg', 'PERSON'),
    ];
    const linked = linkMentions(mentions, { text }, kb);
    assert.deepEqual(
      linked.map((l) => [l.start, l.id]),
      [
        [16, 'person:jens-stoltenberg'],
        [0, 'person:jens-stoltenberg'],
      ],
    );
  });

  test('units: KB formations by alias, others by pattern with a local id', () => {
    assert.deepEqual(pairs('the US 5th Army Corps and the 155th Separate Mechanized Brigade'), [
      'US 5th Army Corps=unit:us-v-corps',
      '155th Separate Mechanized Brigade=local:unit:155th-separate-mechanized-brigade',
    ]);
  });

  test('a shared name goes to the country the article is about', () => {
    const ua =
      'Ukraine hit a depot in Crimea. Kyiv said more. The Ministry of Defence said drones were used.';
    assert.equal(link(ua).find((l) => l.text === 'Ministry of Defence')?.id, 'org:ua-mod');
    const gb = 'Britain will buy more jets, the Ministry of Defence said, after the UK review.';
    assert.equal(link(gb).find((l) => l.text === 'Ministry of Defence')?.id, 'org:uk-mod');
  });

  test('successor links give a canonical id', () => {
    const hanwha = link('Hanwha Techwin won the order.')[0];
    assert.equal(hanwha?.id, 'company:hanwha-techwin');
    assert.equal(hanwha?.canonicalId, 'company:hanwha-aerospace');
  });
});

const SEEDS: Record<string, string> = {
  '000': '2022-11-20',
  '001': '2025-01-15',
  '002': '2022-06-29',
  '003': '2025-03-20',
};

const readSeed = (prefix: string): string | undefined => {
  const dir = sharedPath('seeds');
  if (!dir) return undefined;
  const names = [
    '000_424d23105482d804.txt',
    '001_453f1ecf99c7c5c3.txt',
    '002_4a0e5822227b55cc.txt',
    '003_70e679594b6edb46.txt',
  ];
  const name = names.find((n) => n.startsWith(prefix));
  return name ? readFileSync(`${dir}/${name}`, 'utf8') : undefined;
};

/** Every (surface text -> id) pair found in a seed. */
const seedLinks = (prefix: string): Map<string, Set<string>> => {
  const text = readSeed(prefix) ?? '';
  const out = new Map<string, Set<string>>();
  for (const l of link(text, SEEDS[prefix])) {
    const ids = out.get(l.text) ?? new Set<string>();
    ids.add(l.id);
    out.set(l.text, ids);
  }
  return out;
};

const expectLinks = (found: Map<string, Set<string>>, expected: [string, string][]): void => {
  const missing = expected.filter(([text, id]) => !found.get(text)?.has(id));
  assert.deepEqual(missing, []);
};

describe('linkMentions on the seed articles', { skip: skipUnlessShared('seeds') }, () => {
  test('seed 000: Macron, Trump, NATO, Paris', () => {
    expectLinks(seedLinks('000'), [
      ['Emmanuel Macron', 'person:emmanuel-macron'],
      ['Macron', 'person:emmanuel-macron'],
      ['Donald Trump', 'person:donald-trump'],
      ['NATO', 'org:nato'],
      ['U.S.', 'gpe:us'],
      ['Paris', 'gpe:paris'],
    ]);
  });

  test('seed 001: Rutte, the Ukraine Defense Contact Group, Kiev, Patriot', () => {
    expectLinks(seedLinks('001'), [
      ['Mark Rutte', 'person:mark-rutte'],
      ['Rutte', 'person:mark-rutte'],
      ['Ukraine Defense Contact Group', 'org:udcg'],
      ['Ramstein Air Base', 'facility:ramstein-air-base'],
      ['Kiev', 'gpe:ua'],
      ['Biden', 'person:joe-biden'],
      ['Patriot', 'weapon:patriot'],
    ]);
  });

  test('seed 002: Biden, Stoltenberg, Washington as the US, the US 5th Army Corps, NATO Response Force, F-35', () => {
    expectLinks(seedLinks('002'), [
      ['Joe Biden', 'person:joe-biden'],
      ['Biden', 'person:joe-biden'],
      ['Jens Stoltenberg', 'person:jens-stoltenberg'],
      ['Stoltenberg', 'person:jens-stoltenberg'],
      ['Vladimir Putin', 'person:vladimir-putin'],
      ['Washington', 'gpe:us'],
      ['US 5th Army Corps', 'unit:us-v-corps'],
      ['NATO Response Force', 'unit:nato-response-force'],
      ['F-35', 'weapon:f-35'],
      ['Madrid', 'gpe:madrid'],
    ]);
  });

  test('seed 003: companies, weapons and people of the European rearmament story', () => {
    expectLinks(seedLinks('003'), [
      ['Volodymyr Zelenskiy', 'person:volodymyr-zelensky'],
      ['Lloyd Austin', 'person:lloyd-austin'],
      ['Andrius Kubilius', 'person:andrius-kubilius'],
      ['Mark Carney', 'person:mark-carney'],
      ['Emmanuel Macron', 'person:emmanuel-macron'],
      ['Hanwha Aerospace', 'company:hanwha-aerospace'],
      ['Rheinmetall', 'company:rheinmetall'],
      ['Lockheed Martin', 'company:lockheed-martin'],
      ['MBDA', 'company:mbda'],
      ['HIMARS', 'weapon:himars'],
      ['F-35', 'weapon:f-35'],
      ['Patriot', 'weapon:patriot'],
      ['SAMP/T', 'weapon:samp-t'],
      ['Storm Shadow', 'weapon:storm-shadow'],
      ['Scalp', 'weapon:storm-shadow'],
      ['Rafale', 'weapon:rafale'],
      ['Mirage jets', 'weapon:mirage-family'],
      ['Trident missile', 'weapon:trident'],
      ['Kremlin', 'gpe:ru'],
      ['Kyiv', 'gpe:ua'],
      ['Moscow', 'gpe:ru'],
      ['Washington', 'gpe:us'],
      ['European Union', 'org:eu'],
    ]);
  });

  test('seed 003 "F-35 Joint Strike Fighters" is one weapon mention', () => {
    const text = readSeed('003') ?? '';
    const at = text.indexOf('F-35 Joint Strike Fighters');
    const hit = link(text, SEEDS['003']).find((l) => l.start === at);
    assert.equal(hit?.id, 'weapon:f-35');
    assert.ok((hit?.end ?? 0) >= at + 'F-35 Joint Strike Fighter'.length);
  });
});

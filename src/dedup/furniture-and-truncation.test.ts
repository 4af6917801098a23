import { test } from 'node:test';
import assert from 'node:assert/strict';
import { titleProper } from './article-fingerprint.js';
import { decideSyndication } from './decide-syndication.js';
import { MemoryNearDuplicateIndex } from './memory-near-duplicate-index.js';

const CHAT =
  "Chat with us in Facebook Messenger. Find out what's happening in the world as it unfolds.";
const AP_RIGHTS =
  'Copyright 2024 The Associated Press. All rights reserved. This material may not be published, broadcast, rewritten or redistributed.';

const groupOf = async (
  articles: readonly {
    id: string;
    text: string;
    title?: string;
    published?: string;
    source?: string;
  }[],
): Promise<Map<string, string>> => {
  const index = new MemoryNearDuplicateIndex();
  for (const article of articles) await decideSyndication(article, index);
  const out = new Map<string, string>();
  for (const article of articles)
    out.set(article.id, (await index.getDecision(article.id))?.of ?? article.id);
  return out;
};

test('two short pages made of site furniture are not copies of each other', async () => {
  const groups = await groupOf([
    {
      id: 'video-1',
      title: 'Watch: flooding in the valley',
      text: [`Rescuers reached the village.`, CHAT, AP_RIGHTS].join('\n\n'),
    },
    {
      id: 'video-2',
      title: 'Watch: the summit opens in Geneva',
      text: [`Leaders arrived on Monday.`, CHAT, AP_RIGHTS].join('\n\n'),
    },
  ]);
  assert.equal(groups.get('video-2'), 'video-2');
});

test('a generic site title ("Video - CNN") does not make two thin pages copies', async () => {
  const groups = await groupOf([
    { id: 'v1', title: 'Video - CNN', text: [CHAT, AP_RIGHTS].join('\n\n') },
    { id: 'v2', title: 'Video - CNN', text: [CHAT, AP_RIGHTS].join('\n\n') },
  ]);
  assert.equal(groups.get('v2'), 'v2');
});

test('empty texts are never copies, whatever their number', async () => {
  const groups = await groupOf([
    { id: 'a', text: '', title: 'One' },
    { id: 'b', text: '', title: 'Two' },
    { id: 'c', text: '' },
  ]);
  assert.deepEqual([...groups.values()], ['a', 'b', 'c']);
});

test('a short text is a copy when the headline agrees too (site name aside)', async () => {
  const brief =
    'The defence ministry said two patrol boats were handed over to the coast guard on Monday.';
  const groups = await groupOf([
    {
      id: 'a',
      title: 'Patrol boats handed over - Daily Courier',
      text: brief,
      published: '2024-01-01',
    },
    { id: 'b', title: 'News | Patrol boats handed over', text: brief, published: '2024-01-02' },
    { id: 'c', title: 'Weather for the weekend', text: brief, published: '2024-01-03' },
  ]);
  assert.equal(groups.get('b'), 'a');
  assert.equal(groups.get('c'), 'c');
});

test('titleProper keeps the headline and drops the site name', () => {
  assert.equal(
    titleProper('Kemble quits as Kiwi coach - Sport - The Canberra Times'),
    'Kemble quits as Kiwi coach',
  );
  assert.equal(titleProper('BBC | Short'), 'BBC | Short');
  assert.equal(titleProper('No separators here'), 'No separators here');
});

/** A long story written for the test: 12 distinct paragraphs of about 40 words. */
const story = Array.from(
  { length: 12 },
  (_, p) =>
    `Paragraph ${p} of the report says the brigade number ${p * 7 + 3} moved its artillery ` +
    `towards sector ${String.fromCharCode(65 + p)} while engineers repaired bridge ${p + 11}, ` +
    `officials in district ${p * 13 + 2} told reporters on day ${p + 1}, adding that convoy ` +
    `${p * 17 + 5} carried fuel, food and ammunition for units ${p * 3 + 1} and ${p * 3 + 2}.`,
);

test('a story cut after its first paragraphs (page 1 of 2) is a copy of the full story', async () => {
  const groups = await groupOf([
    {
      id: 'full',
      title: 'Brigade moves artillery',
      text: story.join('\n\n'),
      published: '2024-03-01',
    },
    {
      id: 'page-1',
      title: 'Brigade moves artillery',
      text: [...story.slice(0, 4), 'CONTINUED 1 | 2 Next'].join('\n\n'),
      published: '2024-03-02',
    },
  ]);
  assert.equal(groups.get('page-1'), 'full');
});

test('a text that shares only the opening of a longer one is not its copy', async () => {
  const other = story.map((p) =>
    p
      .replace(/artillery|bridge|fuel/g, 'x')
      .split(' ')
      .reverse()
      .join(' '),
  );
  const groups = await groupOf([
    {
      id: 'full',
      title: 'Brigade moves artillery',
      text: story.join('\n\n'),
      published: '2024-03-01',
    },
    {
      id: 'borrowed',
      title: 'Brigade moves artillery',
      text: [story[0], ...other.slice(1, 4)].join('\n\n'),
      published: '2024-03-02',
    },
  ]);
  assert.equal(groups.get('borrowed'), 'borrowed');
});

/** Short lines of navigation, related links or comments: words of their own, none of the story's. */
const furnitureLines = (prefix: string, count: number): string[] =>
  Array.from(
    { length: count },
    (_, i) => `${prefix} ${i} ${prefix}item${i} ${prefix}link${i * 3} ${prefix}menu${i * 7}`,
  );

test('a story inside a page that kept its navigation and comments is a copy of the clean story', async () => {
  const groups = await groupOf([
    {
      id: 'clean',
      title: 'Brigade moves artillery',
      text: story.slice(0, 6).join('\n\n'),
      published: '2024-03-01',
    },
    {
      id: 'whole-page',
      title: 'Portal - World news - Brigade moves artillery towards the front',
      text: [
        ...furnitureLines('nav', 60),
        ...story.slice(0, 6),
        ...furnitureLines('comment', 40),
      ].join('\n\n'),
      published: '2024-03-02',
    },
  ]);
  assert.equal(groups.get('whole-page'), 'clean');
});

test('a story printed as one block beside navigation lines is a copy of the paragraphed story', async () => {
  const groups = await groupOf([
    { id: 'paragraphed', text: story.join('\n\n'), published: '2024-03-01' },
    {
      id: 'one-block',
      text: [...furnitureLines('nav', 20), story.join(' ')].join('\n\n'),
      published: '2024-03-02',
    },
  ]);
  assert.equal(groups.get('one-block'), 'paragraphed');
});

test('words inside furniture lines do not make a thin page substantial', async () => {
  // Each line is at least a quarter furniture vocabulary; their other words ("photos", "iPhone",
  // "globe") would reach the thin-text bar if counted.
  const newsletter =
    'Sign up and subscribe to our free newsletter: the latest headlines, breaking alerts and exclusive offers in your inbox every morning.';
  const app =
    'Download the Courier app for iPhone and Android to follow live coverage, share stories with friends and read more on the go.';
  const social =
    'Follow us on Twitter, Facebook and Instagram for live updates, photos and videos from our reporters around the globe.';
  const groups = await groupOf([
    {
      id: 'clip-1',
      title: 'Watch: flooding in the valley',
      text: ['Rescuers reached the village.', CHAT, newsletter, app, social, AP_RIGHTS].join(
        '\n\n',
      ),
    },
    {
      id: 'clip-2',
      title: 'Watch: the summit opens in Geneva',
      text: ['Leaders arrived on Monday.', CHAT, newsletter, app, social, AP_RIGHTS].join('\n\n'),
    },
  ]);
  assert.equal(groups.get('clip-2'), 'clip-2');
});

test('two pages of one site that share its menus are not copies under different headlines', async () => {
  const menu = [
    'World Europe Americas Asia Africa Politics Economy Markets Technology Science Health',
    'Sport Football Cricket Tennis Culture Books Film Music Travel Weather Opinion Podcasts',
    'Most watched: storm batters coast, minister resigns over leak, final goes to penalties',
    'Trending: lottery jackpot, heatwave warning, bridge closure, strike talks, royal visit',
  ];
  const groups = await groupOf([
    {
      id: 'clip-1',
      source: 'courier.example',
      title: 'Watch: flooding in the valley',
      text: [...menu, 'Rescuers reached the village.', CHAT].join('\n\n'),
    },
    {
      id: 'clip-2',
      source: 'courier.example',
      title: 'Watch: the summit opens in Geneva',
      text: [...menu, 'Leaders arrived on Monday.', CHAT].join('\n\n'),
    },
    {
      id: 'clip-1-again',
      source: 'courier.example',
      title: 'Watch: flooding in the valley',
      text: [...menu, 'Rescuers reached the village.', CHAT].join('\n\n'),
    },
  ]);
  assert.equal(groups.get('clip-2'), 'clip-2');
  assert.equal(groups.get('clip-1-again'), 'clip-1');
});

test('local editions of one publisher share its menus: not copies under different headlines', async () => {
  const menu = [
    'ACT Canberra NSW Community Blacktown Bringelly Camden Campbelltown Castle Hill Fairfield',
    'Hawkesbury Liverpool Parramatta Penrith Rouse Hill Wollondilly Classifieds Jobs Homes Cars',
    'National General Sport Business Entertainment Lifestyle Weather Photos Videos Competitions',
    'Most read: council rates rise, school zone cameras, rail line upgrade, bushfire season warning',
  ];
  const groups = await groupOf([
    {
      id: 'blacktown',
      source: 'blacktown.yourguide.com.au',
      title: 'Carle sparks A-League interest',
      text: [...menu, 'Nick Carle is wanted by two clubs.'].join('\n\n'),
    },
    {
      id: 'campbelltown',
      source: 'campbelltown.yourguide.com.au',
      title: 'Two embassies cleared after incident',
      text: [...menu, 'Police cleared two embassies on Monday.'].join('\n\n'),
    },
  ]);
  assert.equal(groups.get('campbelltown'), 'campbelltown');
});

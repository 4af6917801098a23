/**
 * The site an article's source names, for the rules that treat two pages of one site apart (shared
 * furniture, different headlines). A source that is a host name stands for its registrable domain:
 * one publisher's sections and local editions (edition.cnn.com and money.cnn.com,
 * blacktown.yourguide.com.au and campbelltown.yourguide.com.au) carry the same furniture, and two
 * short pages of theirs made copies on it alone. Any other source (a feed's name) is its own site.
 */

// Second-level labels under a country code that registries sell below (example.com.au, bbc.co.uk).
const SECOND_LEVEL = new Set([
  'ac',
  'co',
  'com',
  'edu',
  'gob',
  'gov',
  'mil',
  'ne',
  'net',
  'or',
  'org',
]);

// Hosts whose subdomains are separate publishers (one blog each), not sections of one site.
const PLATFORMS = new Set([
  'blogspot.com',
  'github.io',
  'livejournal.com',
  'medium.com',
  'substack.com',
  'tumblr.com',
  'typepad.com',
  'wordpress.com',
]);

const HOST = /^[a-z0-9-]+(?:\.[a-z0-9-]+)+$/;

const known = new Map<string, string>();

export const siteKey = (source: string): string => {
  const cached = known.get(source);
  if (cached !== undefined) return cached;
  // Sources are few (sites and feeds); the bound only guards against a run of odd ones.
  if (known.size >= 4096) known.clear();
  const key = keyOf(source);
  known.set(source, key);
  return key;
};

const keyOf = (source: string): string => {
  const host = source
    .trim()
    .toLowerCase()
    .replace(/^www\./, '');
  if (!HOST.test(host)) return source;
  const labels = host.split('.');
  const last = labels[labels.length - 1] as string;
  const second = labels[labels.length - 2] as string;
  const width = last.length === 2 && SECOND_LEVEL.has(second) ? 3 : 2;
  const domain = labels.slice(-width).join('.');
  return PLATFORMS.has(domain) ? host : domain;
};

/** Whether two sources name one site (see siteKey); an unknown source is no site. */
export const sameSite = (a: string | undefined, b: string | undefined): boolean =>
  a !== undefined && b !== undefined && (a === b || siteKey(a) === siteKey(b));

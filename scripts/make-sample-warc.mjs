#!/usr/bin/env node
// Writes examples/sample/warc/northern-flank-crawl.warc.gz, a tiny fictional crawl that exercises
// every WARC path the reader has: warcinfo, request, two HTML responses, a non-HTML response
// (to be skipped) and a revisit (to be skipped). Each record is its own gzip member, as crawlers
// write them, so readers can seek record by record.
//
// Output is deterministic (fixed dates, name-derived record ids, gzip mtime 0): re-running it on
// an unchanged script yields a byte-identical file, so a diff shows only deliberate changes.
//
// Usage: node scripts/make-sample-warc.mjs [out.warc.gz]
import { Buffer } from 'node:buffer';
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const outPath =
  process.argv[2] ?? join(repoRoot, 'examples', 'sample', 'warc', 'northern-flank-crawl.warc.gz');

const CRLF = '\r\n';
const SITE = 'https://northernflank.example.com';

/** RFC 4648 base32, the encoding WARC digests conventionally use. */
function base32(bytes) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += alphabet[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += alphabet[(value << (5 - bits)) & 31];
  return out;
}

const sha1 = (bytes) => `sha1:${base32(createHash('sha1').update(bytes).digest())}`;

/** A stable urn:uuid derived from a name, so ids survive regeneration. */
function recordId(name) {
  const h = createHash('sha1').update(`sitrep-sample-warc:${name}`).digest('hex');
  return `<urn:uuid:${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}>`;
}

/** One WARC record as its own gzip member; Content-Length counts bytes of the block. */
function record(headers, block) {
  const blockBytes = Buffer.isBuffer(block) ? block : Buffer.from(block, 'utf8');
  const lines = ['WARC/1.1'];
  for (const [name, value] of Object.entries(headers)) lines.push(`${name}: ${value}`);
  lines.push(`WARC-Block-Digest: ${sha1(blockBytes)}`);
  lines.push(`Content-Length: ${blockBytes.length}`);
  const head = Buffer.from(lines.join(CRLF) + CRLF + CRLF, 'utf8');
  return gzipSync(Buffer.concat([head, blockBytes, Buffer.from(CRLF + CRLF, 'ascii')]));
}

function httpResponse(contentType, body, date) {
  const head = [
    'HTTP/1.1 200 OK',
    `Date: ${new Date(date).toUTCString()}`,
    'Server: nginx',
    `Content-Type: ${contentType}`,
    `Content-Length: ${body.length}`,
    'Connection: close',
  ].join(CRLF);
  return { head: Buffer.from(head + CRLF + CRLF, 'utf8'), body };
}

function page({ title, url, published, author, paragraphs }) {
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${title} | Northern Flank Monitor (fictional)</title>
<meta name="author" content="${author}">
<meta property="og:title" content="${title}">
<meta property="og:type" content="article">
<meta property="og:url" content="${url}">
<meta property="article:published_time" content="${published}">
<link rel="canonical" href="${url}">
<link rel="stylesheet" href="/assets/site.css">
</head>
<body>
<header class="site-header"><a class="logo" href="/">Northern Flank Monitor</a>
<nav class="main-nav"><ul><li><a href="/">Home</a></li><li><a href="/land/">Land</a></li><li><a href="/air/">Air</a></li><li><a href="/missiles/">Missiles</a></li><li><a href="/subscribe/">Subscribe</a></li></ul></nav>
</header>
<main><article class="post">
<h1 class="entry-title">${title}</h1>
<p class="byline">By <span class="author">${author}</span></p>
<div class="entry-content">
${paragraphs.map((p) => `<p>${p}</p>`).join('\n')}
</div>
</article></main>
<footer class="site-footer"><p>&copy; Northern Flank Monitor (fictional). <a href="/about/">About</a> &middot; <a href="/contact/">Contact</a></p></footer>
</body>
</html>
`;
}

const leopardUrl = `${SITE}/2025/09/11/leopard-2a8-lithuanian-crews-train-in-germany/`;
const leopardDate = '2025-09-11T08:20:00Z';
const leopardHtml = page({
  title: 'Leopard 2A8: first Lithuanian crews to train in Germany',
  url: leopardUrl,
  published: '2025-09-11T10:00:00+03:00',
  author: 'Imogen Hartley',
  paragraphs: [
    '[FICTIONAL SAMPLE] Northern Flank Monitor is a fictional outlet and this article, stored in a sample WARC file, was written for the sitrep sample corpus.',
    'VILNIUS &ndash; The first 24 Lithuanian tank crew members will start Leopard 2 training at the German Army&rsquo;s armour school in Munster in January, two days after Lithuania signed its EUR 950 million order for 44 Leopard 2A8 tanks, the Lithuanian Land Force said on Thursday.',
    '&ldquo;We are starting from zero: Lithuania has never had a tank battalion,&rdquo; Land Force commander Major General Linas Dargužis said. &ldquo;By the time the tanks arrive in 2028, we want instructors of our own,&rdquo; he added.',
    'Germany will lend Lithuania six older Leopard 2A6 tanks for training from next spring, a German defence ministry spokesperson said.',
  ],
});

const bridgeUrl = `${SITE}/2026/04/16/iron-ford-26-neris-crossing/`;
const bridgeDate = '2026-04-16T19:05:00Z';
const bridgeHtml = page({
  title: 'Allied engineers bridge the Neris as Iron Ford 26 reaches its peak',
  url: bridgeUrl,
  published: '2026-04-16T21:30:00+03:00',
  author: 'Imogen Hartley',
  paragraphs: [
    '[FICTIONAL SAMPLE] Northern Flank Monitor is a fictional outlet and this article, stored in a sample WARC file, was written for the sitrep sample corpus.',
    'PABRADĖ &ndash; German and Dutch engineers laid a 100-metre floating bridge across the Neris river in 47 minutes on Thursday, letting 30 Leopard 2 tanks and a company of CV90s cross during the NATO exercise Iron Ford 26.',
    '&ldquo;Forty-seven minutes is a good time in daylight; next year we do it at night,&rdquo; said Lieutenant Colonel Maarten de Vries, who commands the Dutch engineer battalion. The M3 amphibious rigs came from the German Army&rsquo;s 130th Engineer Battalion.',
    'About 1,200 troops from four NATO countries are taking part. The exercise ends on Tuesday, 28 April, with a live-fire day at which Polish and Latvian observers are expected.',
  ],
});

// A valid 1x1 transparent PNG: the reader must skip it as non-HTML, not choke on binary bytes.
const png = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

const warcinfo = [
  'software: sitrep scripts/make-sample-warc.mjs',
  'format: WARC File Format 1.1',
  'conformsTo: https://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/',
  'description: Fictional crawl written for the sitrep sample corpus. Nothing here is real reporting.',
  'isPartOf: sitrep-sample',
].join(CRLF);

const leopard = httpResponse(
  'text/html; charset=utf-8',
  Buffer.from(leopardHtml, 'utf8'),
  leopardDate,
);
const bridge = httpResponse(
  'text/html; charset=UTF-8',
  Buffer.from(bridgeHtml, 'utf8'),
  bridgeDate,
);
const logo = httpResponse('image/png', png, leopardDate);
const leopardRequest = [
  `GET ${new URL(leopardUrl).pathname} HTTP/1.1`,
  `Host: ${new URL(SITE).host}`,
  'User-Agent: sitrep-sample-crawler/1.0',
  'Accept: text/html',
].join(CRLF);

const revisitDate = '2025-09-12T08:20:00Z';
const revisitHead = httpResponse(
  'text/html; charset=utf-8',
  Buffer.from(leopardHtml, 'utf8'),
  revisitDate,
).head;

const records = [
  record(
    {
      'WARC-Type': 'warcinfo',
      'WARC-Record-ID': recordId('warcinfo'),
      'WARC-Date': '2025-09-11T08:19:59Z',
      'WARC-Filename': 'northern-flank-crawl.warc.gz',
      'Content-Type': 'application/warc-fields',
    },
    warcinfo + CRLF,
  ),
  record(
    {
      'WARC-Type': 'request',
      'WARC-Record-ID': recordId('request-leopard'),
      'WARC-Date': leopardDate,
      'WARC-Target-URI': leopardUrl,
      'WARC-Concurrent-To': recordId('response-leopard'),
      'WARC-Warcinfo-ID': recordId('warcinfo'),
      'Content-Type': 'application/http; msgtype=request',
    },
    leopardRequest + CRLF + CRLF,
  ),
  record(
    {
      'WARC-Type': 'response',
      'WARC-Record-ID': recordId('response-leopard'),
      'WARC-Date': leopardDate,
      'WARC-Target-URI': leopardUrl,
      'WARC-IP-Address': '192.0.2.10',
      'WARC-Warcinfo-ID': recordId('warcinfo'),
      'WARC-Payload-Digest': sha1(leopard.body),
      'Content-Type': 'application/http; msgtype=response',
    },
    Buffer.concat([leopard.head, leopard.body]),
  ),
  record(
    {
      'WARC-Type': 'response',
      'WARC-Record-ID': recordId('response-logo'),
      'WARC-Date': leopardDate,
      'WARC-Target-URI': `${SITE}/assets/logo.png`,
      'WARC-IP-Address': '192.0.2.10',
      'WARC-Warcinfo-ID': recordId('warcinfo'),
      'WARC-Payload-Digest': sha1(logo.body),
      'Content-Type': 'application/http; msgtype=response',
    },
    Buffer.concat([logo.head, logo.body]),
  ),
  record(
    {
      'WARC-Type': 'revisit',
      'WARC-Record-ID': recordId('revisit-leopard'),
      'WARC-Date': revisitDate,
      'WARC-Target-URI': leopardUrl,
      'WARC-Warcinfo-ID': recordId('warcinfo'),
      'WARC-Profile': 'http://netpreserve.org/warc/1.1/revisit/identical-payload-digest',
      'WARC-Refers-To': recordId('response-leopard'),
      'WARC-Refers-To-Target-URI': leopardUrl,
      'WARC-Refers-To-Date': leopardDate,
      'WARC-Payload-Digest': sha1(leopard.body),
      'Content-Type': 'application/http; msgtype=response',
    },
    revisitHead,
  ),
  record(
    {
      'WARC-Type': 'response',
      'WARC-Record-ID': recordId('response-bridge'),
      'WARC-Date': bridgeDate,
      'WARC-Target-URI': bridgeUrl,
      'WARC-IP-Address': '192.0.2.10',
      'WARC-Warcinfo-ID': recordId('warcinfo'),
      'WARC-Payload-Digest': sha1(bridge.body),
      'Content-Type': 'application/http; msgtype=response',
    },
    Buffer.concat([bridge.head, bridge.body]),
  ),
];

mkdirSync(dirname(outPath), { recursive: true });
writeFileSync(outPath, Buffer.concat(records));
console.log(`wrote ${records.length} records to ${outPath}`);

import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { buildConnector } from 'undici';
import { FetchError } from './fetch-error.js';
import type { Resolver } from './guarded-connector.js';
import { createSafeFetcher, type SafeFetcherOptions } from './safe-fetch.js';

/**
 * The SSRF guard. Every refused case must fail before any socket is opened: `base` counts every
 * connection the guard lets through, and refuses anything but loopback itself, so a bug in the
 * guard can never send a packet off this machine.
 */
let connections = 0;
let server: Server;
let port = 0;
const realConnect = buildConnector({ timeout: 2000 });
let baseCalls = 0;
const countingConnect: buildConnector.connector = (options, callback) => {
  baseCalls++;
  if (options.hostname !== '127.0.0.1') {
    callback(new Error(`test safety net: refused ${options.hostname}`), null);
    return;
  }
  realConnect(options, callback);
};

const fixedResolver =
  (answers: Record<string, string[]>): Resolver =>
  async (hostname) => {
    const addresses = answers[hostname];
    if (!addresses) throw new Error(`no test answer for ${hostname}`);
    return addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
  };

const fetcher = (options: SafeFetcherOptions = {}) =>
  createSafeFetcher({ connect: countingConnect, timeoutMs: 3000, ...options });

const expectRefusal = async (
  options: SafeFetcherOptions,
  url: string,
  code: string,
  message?: RegExp,
): Promise<void> => {
  const f = fetcher(options);
  const before = baseCalls;
  const connectionsBefore = connections;
  try {
    await assert.rejects(f.fetch({ url }), (error: unknown) => {
      assert.ok(error instanceof FetchError, `expected a FetchError, got ${String(error)}`);
      assert.equal(error.code, code, error.message);
      if (message) assert.match(error.message, message);
      return true;
    });
  } finally {
    await f.close();
  }
  assert.equal(baseCalls, before, `${url}: a connection was attempted`);
  assert.equal(connections, connectionsBefore, `${url}: the loopback server saw a connection`);
};

before(async () => {
  server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const path = url.pathname;
    if (path === '/ok') return void res.end('hello');
    if (path === '/to') {
      res.writeHead(302, { location: url.searchParams.get('u') ?? '/' });
      return void res.end();
    }
    if (path.startsWith('/chain/')) {
      const left = Number(path.slice('/chain/'.length));
      res.writeHead(301, { location: left > 0 ? `/chain/${left - 1}` : '/ok' });
      return void res.end();
    }
    if (path === '/big') {
      res.writeHead(200, { 'content-type': 'text/plain' });
      const chunk = Buffer.alloc(1024 * 1024, 97);
      for (let i = 0; i < 17; i++) res.write(chunk);
      return void res.end();
    }
    if (path === '/bomb') {
      res.writeHead(200, { 'content-encoding': 'gzip' });
      return void res.end(gzipSync(Buffer.alloc(20 * 1024 * 1024, 0)));
    }
    if (path === '/drip') {
      res.writeHead(200, { 'content-type': 'text/plain' });
      const timer = setInterval(() => res.write('x'), 200);
      res.on('close', () => clearInterval(timer));
      return;
    }
    const text = Buffer.from('compressed <feed/> body');
    if (path === '/gzip') {
      res.writeHead(200, { 'content-encoding': 'gzip' });
      return void res.end(gzipSync(text));
    }
    if (path === '/deflate') {
      res.writeHead(200, { 'content-encoding': 'deflate' });
      return void res.end(deflateSync(text));
    }
    if (path === '/br') {
      res.writeHead(200, { 'content-encoding': 'br' });
      return void res.end(brotliCompressSync(text));
    }
    res.writeHead(404);
    res.end();
  });
  server.on('connection', () => connections++);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});

after(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const LOOPBACK = ['127.0.0.0/8'];

describe('safe fetcher: refused before connecting', () => {
  for (const url of [
    'file:///etc/passwd',
    'ftp://127.0.0.1/x',
    'gopher://127.0.0.1:70/',
    'data:text/plain,hi',
  ]) {
    test(`scheme ${url.split(':')[0]}`, () =>
      expectRefusal({ allow: LOOPBACK }, url, 'REFUSED_SCHEME'));
  }

  const privateAnswers: Record<string, string> = {
    loopback: '127.0.0.1',
    'loopback-other': '127.5.5.5',
    private10: '10.0.0.1',
    private172: '172.16.3.4',
    private192: '192.168.1.1',
    metadata: '169.254.169.254',
    cgnat: '100.64.0.1',
    multicast: '224.0.0.251',
    unspecified: '0.0.0.0',
    'ipv6-loopback': '::1',
    'ipv6-unspecified': '::',
    'ipv4-mapped': '::ffff:127.0.0.1',
    'ipv4-mapped-hex': '::ffff:a00:1',
    'ipv6-link-local': 'fe80::1',
    'ipv6-unique-local': 'fd12:3456::1',
    'ipv6-multicast': 'ff02::1',
    nat64: '64:ff9b::a00:1',
  };
  for (const [label, address] of Object.entries(privateAnswers)) {
    test(`public name resolving to ${address} (${label})`, () =>
      expectRefusal(
        { resolver: fixedResolver({ 'feeds.example.com': [address] }) },
        `http://feeds.example.com:${port}/ok`,
        'REFUSED_ADDRESS',
        /feeds\.example\.com resolves to .*, an? /,
      ));
  }

  test('a name with one public and one private answer is refused as a whole', () =>
    expectRefusal(
      { resolver: fixedResolver({ 'mixed.example.com': ['93.184.216.34', '10.0.0.1'] }) },
      'http://mixed.example.com/ok',
      'REFUSED_ADDRESS',
    ));

  for (const host of [
    '127.0.0.1',
    '[::1]',
    '[::ffff:127.0.0.1]',
    '10.0.0.1',
    '169.254.169.254',
    '0.0.0.0',
  ]) {
    test(`address literal ${host}`, () =>
      expectRefusal({}, `http://${host}:${port}/ok`, 'REFUSED_ADDRESS'));
  }

  test('the allow-list of one range does not open another', () =>
    expectRefusal({ allow: ['10.20.0.0/16'] }, `http://127.0.0.1:${port}/ok`, 'REFUSED_ADDRESS'));
});

describe('safe fetcher: redirects', () => {
  for (const target of [
    'http://10.0.0.1/latest/meta-data/',
    'http://169.254.169.254/latest/meta-data/',
    'http://[::1]/',
    'http://[::ffff:10.0.0.1]/',
    'http://inside.example.com/',
    'file:///etc/passwd',
  ]) {
    test(`from an allowed loopback fixture to ${target} is refused`, async () => {
      const f = fetcher({
        allow: LOOPBACK,
        resolver: fixedResolver({ 'inside.example.com': ['192.168.0.10'] }),
      });
      const before = baseCalls;
      try {
        await assert.rejects(
          f.fetch({ url: `http://127.0.0.1:${port}/to?u=${encodeURIComponent(target)}` }),
          (error: unknown) =>
            error instanceof FetchError &&
            (error.code === 'REFUSED_ADDRESS' || error.code === 'REFUSED_SCHEME'),
        );
      } finally {
        await f.close();
      }
      assert.equal(baseCalls - before, 1, 'only the loopback fixture was connected to');
    });
  }

  test('10 redirects are followed, 11 are refused', async () => {
    const f = fetcher({ allow: LOOPBACK });
    try {
      const ok = await f.fetch({ url: `http://127.0.0.1:${port}/chain/9` });
      assert.equal(ok.status, 200);
      assert.equal(ok.redirects, 10);
      assert.equal(ok.body.toString(), 'hello');
      await assert.rejects(f.fetch({ url: `http://127.0.0.1:${port}/chain/10` }), {
        code: 'TOO_MANY_REDIRECTS',
      });
    } finally {
      await f.close();
    }
  });
});

describe('safe fetcher: caps and encodings', () => {
  test('an oversize body is cut at the cap', async () => {
    const f = fetcher({ allow: LOOPBACK, maxBytes: 15 * 1024 * 1024 });
    try {
      await assert.rejects(f.fetch({ url: `http://127.0.0.1:${port}/big` }), { code: 'TOO_LARGE' });
    } finally {
      await f.close();
    }
  });

  test('a gzip bomb is cut at the cap after decompression', async () => {
    const f = fetcher({ allow: LOOPBACK });
    try {
      await assert.rejects(f.fetch({ url: `http://127.0.0.1:${port}/bomb` }), {
        code: 'TOO_LARGE',
      });
    } finally {
      await f.close();
    }
  });

  test('a slow-drip body is cut at the total time cap', async () => {
    const f = fetcher({ allow: LOOPBACK, timeoutMs: 1000 });
    const started = Date.now();
    try {
      await assert.rejects(f.fetch({ url: `http://127.0.0.1:${port}/drip` }), { code: 'TIMEOUT' });
    } finally {
      await f.close();
    }
    const took = Date.now() - started;
    assert.ok(took >= 900 && took < 2500, `cut after ${took} ms`);
  });

  for (const coding of ['gzip', 'deflate', 'br']) {
    test(`${coding} bodies are decompressed`, async () => {
      const f = fetcher({ allow: LOOPBACK });
      try {
        const response = await f.fetch({ url: `http://127.0.0.1:${port}/${coding}` });
        assert.equal(response.body.toString(), 'compressed <feed/> body');
      } finally {
        await f.close();
      }
    });
  }
});

describe('safe fetcher: SITREP_FETCH_ONLY', () => {
  test('refuses names (no DNS) and addresses outside the ranges', async () => {
    await expectRefusal(
      { only: ['127.0.0.0/8'], allow: LOOPBACK, resolver: fixedResolver({}) },
      'http://news.example.com/feed',
      'REFUSED_ADDRESS',
      /refused to resolve/,
    );
    await expectRefusal(
      { only: ['127.0.0.0/8'] },
      'http://93.184.216.34/feed',
      'REFUSED_ADDRESS',
      /outside/,
    );
  });

  test('lets loopback through when also allowed', async () => {
    const f = fetcher({ only: ['127.0.0.0/8'], allow: LOOPBACK });
    try {
      assert.equal(
        (await f.fetch({ url: `http://localhost:${port}/ok` })).body.toString(),
        'hello',
      );
    } finally {
      await f.close();
    }
  });
});

import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { request } from 'node:http';
import { join } from 'node:path';
import { register } from '../../src/cli/serve-command.js';
import { tempDir } from '../cli/cli-harness.js';
import { runCommand } from './command-runner.js';

const dir = tempDir('sitrep-serve-');
after(() => dir.remove());

test('serve prints its URL, answers requests and stops on SIGTERM', async () => {
  const run = runCommand(register, ['serve', '--port', '0', '--db', join(dir.path, 'serve.db')]);
  const out = await run.waitForOutput(/serving (http:\S+)\//);
  const url = /serving (http:\S+)\//.exec(out)?.[1] ?? '';
  assert.match(url, /^http:\/\/127\.0\.0\.1:\d+$/);
  assert.match(out, /reads open/);
  const health = await fetch(`${url}/healthz`);
  assert.deepEqual(await health.json(), { status: 'ok' });
  const page = await fetch(`${url}/`);
  assert.match(await page.text(), /<script src="\/ui\/app.js" defer(="")?><\/script>/);

  process.emit('SIGTERM');
  const result = await run.done;
  assert.equal(result.code, 0);
  assert.match(result.stderr, /SIGTERM received, stopping/);
  await assert.rejects(fetch(`${url}/healthz`));
});

test('serve refuses a bad port and contradictory flags', async () => {
  const badPort = await runCommand(register, ['serve', '--port', '99999']).done;
  assert.equal(badPort.code, 2);
  const both = await runCommand(register, ['serve', '--require-token-for-reads', '--open-reads'])
    .done;
  assert.equal(both.code, 2);
});

test('--require-token-for-reads closes the read endpoints', async () => {
  const run = runCommand(register, [
    'serve',
    '--port',
    '0',
    '--require-token-for-reads',
    '--db',
    join(dir.path, 'closed.db'),
  ]);
  const out = await run.waitForOutput(/serving (http:\S+)\//);
  const url = /serving (http:\S+)\//.exec(out)?.[1] ?? '';
  assert.match(out, /reads need a token/);
  assert.equal((await fetch(`${url}/api/stats`)).status, 401);
  process.emit('SIGINT');
  assert.equal((await run.done).code, 0);
});

test('on loopback, requests naming another host are refused (DNS rebinding)', async () => {
  const run = runCommand(register, ['serve', '--port', '0', '--db', join(dir.path, 'rebind.db')]);
  const out = await run.waitForOutput(/serving (http:\S+)\//);
  const port = Number(/:(\d+)\/ /.exec(out)?.[1]);
  const status = (host: string) =>
    new Promise<number>((resolve, reject) => {
      const req = request(
        { host: '127.0.0.1', port, path: '/api/stats', headers: { Host: host } },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      req.end();
    });
  assert.equal(await status(`localhost:${port}`), 200);
  assert.equal(await status(`127.0.0.1:${port}`), 200);
  assert.equal(await status(`evil.example:${port}`), 403);
  process.emit('SIGINT');
  assert.equal((await run.done).code, 0);
});

test('a port in use is one clear error, not a stack', async () => {
  const first = runCommand(register, ['serve', '--port', '0', '--db', join(dir.path, 'busy.db')]);
  const out = await first.waitForOutput(/serving (http:\S+)\//);
  const port = /:(\d+)\/ /.exec(out)?.[1] ?? '';
  const second = runCommand(register, [
    'serve',
    '--port',
    port,
    '--db',
    join(dir.path, 'busy2.db'),
  ]);
  await assert.rejects(second.done, /cannot listen on 127\.0\.0\.1:\d+ \(EADDRINUSE\)/);
  process.emit('SIGINT');
  assert.equal((await first.done).code, 0);
});

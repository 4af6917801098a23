import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { getPriority } from 'node:os';
import { test } from 'node:test';

/** Runs lowerPriority in a child process (it changes the priority of the process it runs in). */
const lowerInChild = (increment: number): { result: unknown; before: number } => {
  const script = `
    import { getPriority } from 'node:os';
    const { lowerPriority } = await import(${JSON.stringify(new URL('./process-priority.ts', import.meta.url).href)});
    const before = getPriority();
    console.log(JSON.stringify({ before, result: lowerPriority(${increment}) }));`;
  const out = execFileSync(
    process.execPath,
    ['--import', 'tsx', '--input-type=module', '-e', script],
    {
      encoding: 'utf8',
    },
  );
  return JSON.parse(out) as { result: unknown; before: number };
};

test('lowerPriority lowers the process priority by the increment, capped at 19', () => {
  const { before, result } = lowerInChild(3);
  assert.deepEqual(result, { ok: true, niceness: Math.min(19, before + 3) });
  const capped = lowerInChild(40);
  assert.deepEqual(capped.result, { ok: true, niceness: 19 });
});

test('lowerPriority with 0 (or less) leaves the priority as it is', () => {
  const { before, result } = lowerInChild(0);
  assert.deepEqual(result, { ok: true, niceness: before });
  assert.deepEqual(lowerInChild(-5).result, { ok: true, niceness: getPriority() });
});

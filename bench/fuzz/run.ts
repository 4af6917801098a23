/**
 * Long fuzz run: >= 100,000 mutated inputs per reader and parser (test/fuzz/fuzz-targets.ts),
 * reporting cases/s, crashes (exceptions), hangs (a case over CASE_TIMEOUT_MS) and unhandled
 * rejections. Every failing input is saved to bench/fuzz/failures/<target>-<sha>.bin (with its
 * message in a .txt beside it); `npm test` replays them as regression fixtures.
 *
 *   node --import tsx bench/fuzz/run.ts [--cases 100000] [--targets rss,opml] [--seed 1]
 *
 * Timings on a shared machine are noisy; cases/s is for comparing runs on the same machine.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import fc from 'fast-check';
import { FUZZ_TARGETS, inputsFor, runCase, type FuzzTarget } from '../../test/fuzz/fuzz-targets.js';

const { values } = parseArgs({
  options: {
    cases: { type: 'string', default: '100000' },
    targets: { type: 'string' },
    seed: { type: 'string', default: '1' },
    chunk: { type: 'string', default: '5000' },
  },
});
const cases = Number(values.cases);
const chunk = Number(values.chunk);
const wanted = values.targets?.split(',');
const FAILURES = new URL('./failures/', import.meta.url);
mkdirSync(FAILURES, { recursive: true });

let unhandled = 0;
process.on('unhandledRejection', () => unhandled++);

const save = (target: FuzzTarget, input: Buffer, message: string): string => {
  const name = `${target.name}-${createHash('sha256').update(input).digest('hex').slice(0, 12)}`;
  writeFileSync(new URL(`${name}.bin`, FAILURES), input);
  writeFileSync(new URL(`${name}.txt`, FAILURES), `${message}\n`);
  return name;
};

interface Row {
  target: string;
  cases: number;
  seconds: number;
  crashes: number;
  hangs: number;
}

const rows: Row[] = [];
for (const [index, target] of FUZZ_TARGETS.entries()) {
  if (wanted && !wanted.includes(target.name)) continue;
  const row: Row = { target: target.name, cases: 0, seconds: 0, crashes: 0, hangs: 0 };
  const started = performance.now();
  for (let round = 0; row.cases < cases; round++) {
    const runs = Math.min(chunk, cases - row.cases);
    let failure: string | undefined;
    const result = fc.check(
      fc.property(inputsFor(target), (input) => {
        failure = runCase(target, input);
        return failure === undefined;
      }),
      {
        numRuns: runs,
        seed: Number(values.seed) * 1_000_003 + index * 10_007 + round,
        endOnFailure: true,
      },
    );
    row.cases += result.numRuns;
    if (result.failed && result.counterexample) {
      const input = result.counterexample[0] as Buffer;
      const message = runCase(target, input) ?? failure ?? 'failed';
      if (/\(hang\)$/.test(message)) row.hangs++;
      else row.crashes++;
      console.error(
        `${target.name}: ${message.slice(0, 200)} -> saved ${save(target, input, message)}`,
      );
    }
  }
  row.seconds = (performance.now() - started) / 1000;
  rows.push(row);
  console.log(
    `${row.target.padEnd(10)} ${String(row.cases).padStart(8)} cases  ${(row.cases / row.seconds).toFixed(0).padStart(7)} cases/s  crashes ${row.crashes}  hangs ${row.hangs}`,
  );
}
console.log(`unhandled rejections: ${unhandled}`);
process.exitCode = rows.some((row) => row.crashes + row.hangs > 0) || unhandled > 0 ? 1 : 0;

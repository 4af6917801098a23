/**
 * Long fuzz run: >= 100,000 mutated inputs per reader and parser (test/fuzz/fuzz-targets.ts),
 * reporting cases/s, crashes (exceptions), hangs and unhandled rejections. Every failing input is
 * saved to bench/fuzz/failures/<target>-<sha>.bin (with its message in a .txt beside it); `npm test`
 * replays them as regression fixtures.
 *
 * Each target runs on its own worker thread (fuzz-worker.ts). A hang is either a case that returned
 * after more than CASE_TIMEOUT_MS of its thread's CPU time (measured in the worker) or one still
 * running after --kill-after seconds of wall time: the thread is then terminated, its input (kept
 * in shared memory) saved, and a fresh thread resumes the target at the next round.
 *
 *   nice -n 10 node --import tsx bench/fuzz/run.ts [--cases 100000] [--targets rss,opml]
 *     [--seed 1] [--parallel 2] [--kill-after 60]
 *
 * Timings on a shared machine are noisy; cases/s is for comparing runs on the same machine.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import { FUZZ_TARGETS, type FuzzTarget } from '../../test/fuzz/fuzz-targets.js';
import type { FuzzWorkerData, FuzzWorkerMessage } from './fuzz-worker.js';

const { values } = parseArgs({
  options: {
    cases: { type: 'string', default: '100000' },
    targets: { type: 'string' },
    seed: { type: 'string', default: '1' },
    chunk: { type: 'string', default: '5000' },
    parallel: { type: 'string', default: '1' },
    'kill-after': { type: 'string', default: '60' },
  },
});
const cases = Number(values.cases);
const chunk = Number(values.chunk);
const seed = Number(values.seed);
const killAfterMs = Number(values['kill-after']) * 1000;
const wanted = values.targets?.split(',');
const FAILURES = new URL('./failures/', import.meta.url);
const INPUT_BYTES = 16 * 1024 * 1024;
mkdirSync(FAILURES, { recursive: true });

let unhandled = 0;
process.on('unhandledRejection', () => unhandled++);

const save = (target: string, input: Uint8Array, message: string): string => {
  const name = `${target}-${createHash('sha256').update(input).digest('hex').slice(0, 12)}`;
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
  killed: number;
}

const startWorker = (data: FuzzWorkerData): Worker => {
  const entry = new URL('./fuzz-worker.ts', import.meta.url);
  return new Worker(
    `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))})
       .then((tsx) => { tsx.register(); return import(${JSON.stringify(entry.href)}); })`,
    { eval: true, workerData: data },
  );
};

/** Runs one target to `cases`, respawning its thread after a kill; resolves with its row. */
const runTarget = (target: FuzzTarget, index: number): Promise<Row> =>
  new Promise((resolve, reject) => {
    const row: Row = { target: target.name, cases: 0, seconds: 0, crashes: 0, hangs: 0, killed: 0 };
    const started = performance.now();
    const clock = new SharedArrayBuffer(16);
    const input = new SharedArrayBuffer(INPUT_BYTES);
    const caseStart = new BigInt64Array(clock, 0, 1);
    const caseLength = new Int32Array(clock, 8, 1);
    let nextRound = 0;

    const spawn = (): void => {
      const worker = startWorker({
        target: target.name,
        targetIndex: index,
        seed,
        firstRound: nextRound,
        casesLeft: cases - row.cases,
        chunk,
        clock,
        input,
      });
      let finished = false;
      const watch = setInterval(() => {
        const since = Number(Atomics.load(caseStart, 0));
        if (since === 0 || Date.now() - since < killAfterMs) return;
        // A case past --kill-after: save what it was given, count it once, resume at the next round.
        clearInterval(watch);
        finished = true;
        const length = Atomics.load(caseLength, 0);
        const bytes = new Uint8Array(input, 0, Math.min(length, INPUT_BYTES)).slice();
        const message = `${target.name} still running after ${killAfterMs} ms (hang, killed)${length > INPUT_BYTES ? ` [input cut to ${INPUT_BYTES} of ${length} bytes]` : ''}`;
        console.error(`${target.name}: ${message} -> saved ${save(target.name, bytes, message)}`);
        row.hangs++;
        row.killed++;
        row.cases++;
        nextRound++;
        Atomics.store(caseStart, 0, 0n);
        void worker.terminate().then(spawn);
      }, 250);
      worker.on('message', (message: FuzzWorkerMessage) => {
        if (message.kind === 'round') {
          row.cases += message.cases;
          nextRound = message.round + 1;
          if (message.failure) {
            const { input: failed, message: text } = message.failure;
            if (/\(hang\)$/.test(text)) row.hangs++;
            else row.crashes++;
            console.error(
              `${target.name}: ${text.slice(0, 200)} -> saved ${save(target.name, failed, text)}`,
            );
          }
          // Progress per round: a long run on a loaded machine can be read before it ends.
          const seconds = (performance.now() - started) / 1000;
          console.error(
            `${target.name}: ${row.cases} cases so far, ${(row.cases / seconds).toFixed(1)} cases/s, ${seconds.toFixed(0)} s, crashes ${row.crashes}, hangs ${row.hangs}`,
          );
          return;
        }
        unhandled += message.unhandled;
        finished = true;
        clearInterval(watch);
        row.seconds = (performance.now() - started) / 1000;
        resolve(row);
      });
      worker.on('error', (error) => {
        // An error escaping fc.check (not a target's exception, which runCase catches) is a crash.
        if (finished) return;
        finished = true;
        clearInterval(watch);
        row.crashes++;
        console.error(`${target.name}: worker error ${error.message}`);
        nextRound++;
        if (row.cases < cases) spawn();
        else reject(error);
      });
    };
    spawn();
  });

// In --targets order (slowest first balances the lanes), else the order of FUZZ_TARGETS.
const selected = FUZZ_TARGETS.map((target, index) => ({ target, index }))
  .filter(({ target }) => !wanted || wanted.includes(target.name))
  .sort((a, b) => (wanted ? wanted.indexOf(a.target.name) - wanted.indexOf(b.target.name) : 0));
const rows: Row[] = [];
const queue = [...selected];
const lane = async (): Promise<void> => {
  for (let next = queue.shift(); next; next = queue.shift()) {
    const row = await runTarget(next.target, next.index);
    rows.push(row);
    console.log(
      `${row.target.padEnd(10)} ${String(row.cases).padStart(8)} cases  ${(row.cases / row.seconds).toFixed(0).padStart(7)} cases/s  ${row.seconds.toFixed(0).padStart(6)} s  crashes ${row.crashes}  hangs ${row.hangs} (killed ${row.killed})`,
    );
  }
};
await Promise.all(Array.from({ length: Math.max(1, Number(values.parallel)) }, lane));
console.log(`unhandled rejections: ${unhandled}`);
process.exitCode = rows.some((row) => row.crashes + row.hangs > 0) || unhandled > 0 ? 1 : 0;

/**
 * One fuzz target's cases, on a worker thread so that the parent can stop a case that never
 * returns (synchronous JS cannot be interrupted any other way). Before each case the input is
 * copied into shared memory and its start time stamped, so when the parent terminates this thread
 * it still has the input that hung, to save as a regression fixture.
 */
import { readFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import fc from 'fast-check';
import { FUZZ_TARGETS, inputsFor, runCase, type CaseClock } from '../../test/fuzz/fuzz-targets.js';

export interface FuzzWorkerData {
  readonly target: string;
  readonly targetIndex: number;
  readonly seed: number;
  /** Rounds already done (a respawn after a hang resumes at the next round, a new fc seed). */
  readonly firstRound: number;
  readonly casesLeft: number;
  readonly chunk: number;
  /** BigInt64 [0]: the running case's start (epoch ms, 0 when idle); Int32 [2]: its input length. */
  readonly clock: SharedArrayBuffer;
  readonly input: SharedArrayBuffer;
}

export type FuzzWorkerMessage =
  | {
      kind: 'round';
      round: number;
      cases: number;
      failure?: { input: Uint8Array; message: string };
    }
  | { kind: 'done'; unhandled: number };

const data = workerData as FuzzWorkerData;
const target = FUZZ_TARGETS.find((t) => t.name === data.target);
if (!target || !parentPort) throw new Error(`no fuzz target ${data.target}`);
const port = parentPort;
const started = new BigInt64Array(data.clock, 0, 1);
const length = new Int32Array(data.clock, 8, 1);
const inputBytes = new Uint8Array(data.input);

/**
 * This thread's CPU time (Linux /proc/thread-self/stat, utime + stime in 10 ms ticks): with ~7 jobs
 * on 2 cores a case's wall time says more about the neighbours than about the parser, so the hang
 * bar (CASE_TIMEOUT_MS) is judged on CPU time. Elsewhere: wall time.
 */
const threadCpu = (): CaseClock | undefined => {
  const read = (): number => {
    const stat = readFileSync('/proc/thread-self/stat', 'latin1');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  };
  try {
    return Number.isFinite(read()) ? { now: read, unit: 'ms of CPU' } : undefined;
  } catch {
    return undefined;
  }
};
const clock = threadCpu();

let unhandled = 0;
process.on('unhandledRejection', () => unhandled++);

let casesLeft = data.casesLeft;
for (let round = data.firstRound; casesLeft > 0; round++) {
  const runs = Math.min(data.chunk, casesLeft);
  let failure: string | undefined;
  const result = fc.check(
    fc.property(inputsFor(target), (input) => {
      const copied = Math.min(input.length, inputBytes.length);
      inputBytes.set(input.subarray(0, copied));
      // The parent reads the input only after it sees a start time; 0 means between cases.
      Atomics.store(length, 0, input.length);
      Atomics.store(started, 0, BigInt(Date.now()));
      failure = runCase(target, input, clock);
      Atomics.store(started, 0, 0n);
      return failure === undefined;
    }),
    {
      numRuns: runs,
      seed: data.seed * 1_000_003 + data.targetIndex * 10_007 + round,
      endOnFailure: true,
    },
  );
  casesLeft -= result.numRuns;
  const message: FuzzWorkerMessage = { kind: 'round', round, cases: result.numRuns };
  if (result.failed && result.counterexample) {
    const input = result.counterexample[0] as Buffer;
    message.failure = {
      input: new Uint8Array(input),
      message: runCase(target, input, clock) ?? failure ?? 'failed',
    };
  }
  port.postMessage(message);
}
// Let rejected promises settle before counting them.
await new Promise((resolve) => setTimeout(resolve, 50));
port.postMessage({ kind: 'done', unhandled } satisfies FuzzWorkerMessage);

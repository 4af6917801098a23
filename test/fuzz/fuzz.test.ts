import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { repoPath } from '../shared-data.js';
import { FUZZ_TARGETS, inputsFor, runCase, type CaseClock } from './fuzz-targets.js';

/**
 * A short fuzz run of every reader and parser (the long one is bench/fuzz/run.ts, >= 100,000 cases
 * each), plus every failure bench/fuzz ever saved, replayed as a regression fixture.
 */
const RUNS = Number(process.env['SITREP_FUZZ_RUNS'] ?? 40);
const FAILURES = repoPath('bench/fuzz/failures');
const ARTIFACTS = repoPath('test-artifacts/fuzz');

describe('fuzz: readers and parsers never throw or hang on mutated input', () => {
  FUZZ_TARGETS.forEach((target, index) => {
    test(`${target.name} (${RUNS} cases, ${target.seeds.length} seeds)`, () => {
      let failure: string | undefined;
      const result = fc.check(
        fc.property(inputsFor(target), (input) => {
          failure = runCase(target, input);
          return failure === undefined;
        }),
        { numRuns: RUNS, seed: 1600 + index, endOnFailure: true },
      );
      if (result.failed && result.counterexample) {
        // Saved for replay (and for bench/fuzz/failures once understood); printing it would flood the log.
        mkdirSync(ARTIFACTS, { recursive: true });
        const saved = `${ARTIFACTS}/${target.name}-seed${1600 + index}.bin`;
        writeFileSync(saved, result.counterexample[0] as Buffer);
        assert.fail(`${failure ?? 'failed'} (input saved to ${saved})`);
      }
    });
  });

  // Replays are judged on this process's CPU time: on a loaded machine a 0.7 s replay took 8 s of wall time.
  const cpu: CaseClock = {
    now: () => {
      const used = process.cpuUsage();
      return (used.user + used.system) / 1000;
    },
    unit: 'ms of CPU',
  };

  test('saved failures from bench/fuzz replay cleanly', () => {
    const files = existsSync(FAILURES)
      ? readdirSync(FAILURES).filter((f) => f.endsWith('.bin'))
      : [];
    for (const file of files) {
      const target = FUZZ_TARGETS.find((t) => file.startsWith(`${t.name}-`));
      assert.ok(target, `${file} names no fuzz target`);
      const input = readFileSync(`${FAILURES}/${file}`);
      // process.cpuUsage counts every thread of the process, GC helpers included: one replay that
      // landed on a major collection read 5.1 s where it takes 0.65 s. A real hang is slow twice.
      const failure = runCase(target, input, cpu);
      assert.equal(failure && runCase(target, input, cpu), undefined, file);
    }
  });
});

/**
 * The command line shared by the benches that score a hand-written gold set through the whole CLI
 * (bench/figures-eval.ts, bench/conflicts-eval.ts): `--set NAME`, `-v`, `--sitrep PATH` (another
 * build, e.g. a baseline, in the same run). Exits quietly when ../shared is absent.
 */
import { parseArgs } from 'node:util';
import { sharedPath } from '../../test/shared-data.js';

export interface GoldSetOptions {
  readonly set: string;
  readonly verbose: boolean;
  readonly sitrep: string | undefined;
  readonly shared: string;
}

export const goldSetOptions = (): GoldSetOptions => {
  const { values } = parseArgs({
    options: {
      set: { type: 'string', default: 'report' },
      v: { type: 'boolean', short: 'v', default: false },
      sitrep: { type: 'string' },
    },
  });
  const shared = sharedPath();
  if (shared === undefined) {
    console.log('../shared is absent: nothing to measure');
    process.exit(0);
  }
  return { set: values.set as string, verbose: values.v === true, sitrep: values.sitrep, shared };
};

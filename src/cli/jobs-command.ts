import type { Command } from 'commander';
import { openQueue } from '../queue/open-queue.js';
import { JOB_STATES, type Job, type JobState } from '../queue/port.js';
import { dbLocation, EXIT, writeJson, writeLine, type CliContext } from './cli-context.js';

interface JobsFlags {
  db?: string;
  state?: string;
  limit: string;
  json?: boolean;
  retryDead?: boolean;
}

const describeJob = (job: Job): string => {
  const payload = JSON.stringify(job.payload);
  const error = job.lastError ? `\n    last error: ${job.lastError}` : '';
  const lease =
    job.state === 'running' && job.leaseUntil
      ? ` lease until ${job.leaseUntil} by ${job.lockedBy}`
      : '';
  return `#${job.id} ${job.kind} ${payload} attempts ${job.attempts}/${job.maxAttempts} updated ${job.updatedAt}${lease}${error}`;
};

export function register(program: Command, ctx: CliContext): void {
  program
    .command('jobs')
    .description(
      'show the PostgreSQL job queue: counts by state and the dead-letter list with each last error',
    )
    .option('--db <url>', 'postgres:// URL of the shared database (default: $SITREP_DB)')
    .option('--state <state>', `list jobs in this state: ${JOB_STATES.join(', ')} (default: dead)`)
    .option('--limit <n>', 'jobs to list, most recently updated first', '50')
    .option('--retry-dead', 'put every dead job back in the queue with fresh attempts')
    .option('--json', 'print {"counts":{...},"jobs":[...]} as JSON')
    .action(async (flags: JobsFlags) => {
      const state = (flags.state ?? 'dead') as JobState;
      const limit = Number(flags.limit);
      if (!JOB_STATES.includes(state) || !Number.isInteger(limit) || limit < 0) {
        writeLine(
          ctx.stderr,
          `sitrep jobs: --state must be one of ${JOB_STATES.join(', ')}; --limit a whole number`,
        );
        ctx.setExitCode(EXIT.usage);
        return;
      }
      const queue = await openQueue(dbLocation(ctx, flags.db));
      try {
        const retried = flags.retryDead ? await queue.retryDead() : undefined;
        const counts = await queue.countJobs();
        const jobs = limit > 0 ? await queue.listJobs({ state, limit }) : [];
        if (flags.json) {
          writeJson(ctx, { counts, ...(retried !== undefined ? { retried } : {}), state, jobs });
          return;
        }
        if (retried !== undefined) writeLine(ctx.stdout, `${retried} dead jobs queued again`);
        writeLine(ctx.stdout, JOB_STATES.map((s) => `${s} ${counts[s]}`).join(', '));
        if (jobs.length > 0) {
          writeLine(ctx.stdout, `${state} jobs (${jobs.length} of ${counts[state]}):`);
          for (const job of jobs) writeLine(ctx.stdout, `  ${describeJob(job)}`);
        }
      } finally {
        await queue.close();
      }
    });
}

import { getPriority, setPriority } from 'node:os';

/** The weakest priority the OS offers (Unix niceness; libuv maps it on Windows). */
const NICEST = 19;

/**
 * Lowers this process's CPU priority by `increment` niceness steps (capped at the weakest), so a
 * background worker gives the CPU to an interactive process on the same machine, such as
 * `sitrep serve`, whenever both want it, and still takes all of it when the other is idle. Raising
 * priority needs privileges and is never attempted. Returns the niceness now in force, or the
 * reason it could not be changed (the worker then runs as it is).
 */
export const lowerPriority = (
  increment: number,
): { ok: true; niceness: number } | { ok: false; reason: string } => {
  try {
    const current = getPriority();
    const wanted = Math.min(NICEST, current + Math.max(0, increment));
    if (wanted !== current) setPriority(wanted);
    return { ok: true, niceness: getPriority() };
  } catch (error) {
    return { ok: false, reason: (error as Error).message };
  }
};

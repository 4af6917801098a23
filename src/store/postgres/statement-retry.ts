import { isRetryableTransactionError } from './connection.js';

const MAX_ATTEMPTS = 5;

/**
 * Runs one self-contained statement (or transaction) again when PostgreSQL aborted it as a deadlock
 * victim or a serialisation failure: it rolled back whole, so running it again is safe. Counter
 * upserts from several workers can deadlock on rows they lock in a different order.
 */
export const withStatementRetry = async <T>(run: () => Promise<T>): Promise<T> => {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      if (!isRetryableTransactionError(error) || attempt >= MAX_ATTEMPTS) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 10 * attempt));
    }
  }
};

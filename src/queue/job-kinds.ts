/** Job kinds the worker knows; later stages add theirs here with a payload type. */
export const JOB_KINDS = {
  ingestFile: 'ingest-file',
} as const;

export interface IngestFilePayload {
  /** Absolute path; workers on other machines need the same path (a shared mount). */
  readonly path: string;
}

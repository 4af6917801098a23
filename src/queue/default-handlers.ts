import type { ArticleEnricher } from '../pipeline/enricher.js';
import type { ArticleStore } from '../store/port.js';
import { HandlerRegistry } from './handler-registry.js';
import { ingestFileHandler } from './handlers/ingest-file.js';
import { JOB_KINDS } from './job-kinds.js';

/** Every job kind a `sitrep worker` runs; later stages register theirs here. */
export const defaultHandlers = (store: ArticleStore, enricher?: ArticleEnricher): HandlerRegistry =>
  new HandlerRegistry().register(JOB_KINDS.ingestFile, ingestFileHandler(store, enricher));

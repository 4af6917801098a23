import type { SourceRecord } from '../store/sources-port.js';

/** A source as the CLI (--json) and the API show it: snake_case, absent values as null. */
export const sourceJson = (s: SourceRecord) => ({
  id: s.id,
  url: s.url,
  title: s.title ?? null,
  kind: s.kind,
  format: s.format ?? null,
  state: s.state,
  disabled_reason: s.disabledReason ?? null,
  full_text: s.fullText,
  interval_seconds: s.intervalSeconds,
  etag: s.etag ?? null,
  last_modified: s.lastModified ?? null,
  last_fetch_at: s.lastFetchAt ?? null,
  last_success_at: s.lastSuccessAt ?? null,
  last_status: s.lastStatus ?? null,
  last_error: s.lastError ?? null,
  consecutive_failures: s.consecutiveFailures,
  next_poll_at: s.nextPollAt,
  items_per_day: s.itemsPerDay,
  items_total: s.itemsTotal,
  polls: s.polls,
  not_modified: s.notModified,
  created_at: s.createdAt,
});

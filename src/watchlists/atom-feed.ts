import type { AlertRecord, WatchlistRecord } from '../store/watchlists-port.js';
import { articleLink } from './alert-payload.js';
import { escapeHtml } from './digest.js';

/**
 * A watchlist's alerts as an Atom feed, so any feed reader can follow it. Entry ids are stable
 * (urn:sitrep:alert:<id>) so a reader never shows an alert twice.
 */
export const watchlistAtom = (
  watchlist: WatchlistRecord,
  alerts: readonly AlertRecord[],
  publicUrl: string,
  selfUrl: string,
): string => {
  const updated = alerts[0]?.createdAt ?? watchlist.updatedAt;
  const entries = alerts.map((alert) => {
    const link = articleLink(publicUrl, alert.articleId);
    const summary = [
      alert.source,
      alert.published,
      alert.entities.length > 0 ? `Entities: ${alert.entities.join(', ')}` : undefined,
      ...(alert.why ?? []),
    ]
      .filter(Boolean)
      .join(' · ');
    return [
      '  <entry>',
      `    <id>urn:sitrep:alert:${escapeHtml(alert.id)}</id>`,
      `    <title>${escapeHtml(alert.title ?? alert.articleId)}</title>`,
      `    <link rel="alternate" href="${escapeHtml(link)}"/>`,
      ...(alert.url ? [`    <link rel="related" href="${escapeHtml(alert.url)}"/>`] : []),
      `    <updated>${escapeHtml(alert.createdAt)}</updated>`,
      ...(alert.published ? [`    <published>${escapeHtml(alert.published)}</published>`] : []),
      ...(alert.source ? [`    <author><name>${escapeHtml(alert.source)}</name></author>`] : []),
      `    <summary>${escapeHtml(summary)}</summary>`,
      '  </entry>',
    ].join('\n');
  });
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `  <id>urn:sitrep:watchlist:${escapeHtml(watchlist.id)}</id>`,
    `  <title>sitrep watchlist: ${escapeHtml(watchlist.name)}</title>`,
    `  <subtitle>${escapeHtml(watchlist.query)}</subtitle>`,
    `  <link rel="self" href="${escapeHtml(selfUrl)}"/>`,
    `  <updated>${escapeHtml(updated)}</updated>`,
    '  <generator>sitrep</generator>',
    ...entries,
    '</feed>',
    '',
  ].join('\n');
};

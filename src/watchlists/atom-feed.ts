import type { AlertRecord, WatchlistRecord } from '../store/watchlists-port.js';
import { articleLink } from './alert-payload.js';
import { writeXmlDocument, xml } from './xml-writer.js';

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
    const summary = [
      alert.source,
      alert.published,
      alert.entities.length > 0 ? `Entities: ${alert.entities.join(', ')}` : undefined,
      ...(alert.why ?? []),
    ]
      .filter(Boolean)
      .join(' · ');
    return xml(
      'entry',
      undefined,
      xml('id', undefined, `urn:sitrep:alert:${alert.id}`),
      xml('title', undefined, alert.title ?? alert.articleId),
      xml('link', { rel: 'alternate', href: articleLink(publicUrl, alert.articleId) }),
      alert.url !== undefined &&
        alert.url !== '' &&
        xml('link', { rel: 'related', href: alert.url }),
      xml('updated', undefined, alert.createdAt),
      alert.published !== undefined &&
        alert.published !== '' &&
        xml('published', undefined, alert.published),
      alert.source !== undefined &&
        alert.source !== '' &&
        xml('author', undefined, xml('name', undefined, alert.source)),
      xml('summary', undefined, summary),
    );
  });
  return writeXmlDocument(
    xml(
      'feed',
      { xmlns: 'http://www.w3.org/2005/Atom' },
      xml('id', undefined, `urn:sitrep:watchlist:${watchlist.id}`),
      xml('title', undefined, `sitrep watchlist: ${watchlist.name}`),
      xml('subtitle', undefined, watchlist.query),
      xml('link', { rel: 'self', href: selfUrl }),
      xml('updated', undefined, updated),
      xml('generator', undefined, 'sitrep'),
      ...entries,
    ),
  );
};

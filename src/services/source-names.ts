import { hostOf } from '../core/display-format.js';
import type { FeedSubscription } from '../core/raw-item.js';

/**
 * One display name per outlet: the feed or site name, with the host as a detail. An article whose
 * source is only a host (`northernflank.example.com`) takes the name of the feed at that host.
 */
export interface SourceName {
  readonly name: string;
  readonly host?: string;
}

const looksLikeHost = (source: string): boolean => /^[a-z0-9.-]+\.[a-z]{2,}$/i.test(source);

export class SourceNames {
  private readonly byHost = new Map<string, string>();

  constructor(feeds: readonly FeedSubscription[]) {
    for (const feed of feeds) {
      if (!feed.title) continue;
      for (const url of [feed.htmlUrl, feed.xmlUrl]) {
        const host = hostOf(url);
        if (host && !this.byHost.has(host)) this.byHost.set(host, feed.title);
      }
    }
  }

  /** The name to show for an article's source, and its host when it tells something more. */
  of(source: string | null | undefined, url?: string | null): SourceName {
    const host =
      hostOf(url) ?? (source && looksLikeHost(source) ? source.replace(/^www\./, '') : undefined);
    const fromFeed = host ? this.byHost.get(host) : undefined;
    const name =
      source && !looksLikeHost(source) ? source : (fromFeed ?? source ?? host ?? 'unknown source');
    return host && host !== name ? { name, host } : { name };
  }
}

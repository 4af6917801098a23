import { renderDigestHtml } from './digest-html.js';
import type { ArticleStore } from '../store/port.js';
import type { AlertRecord, WatchlistRecord } from '../store/watchlists-port.js';
import { articleLink } from './alert-payload.js';
import { watchlistsOf } from './evaluate-new-articles.js';

export interface DigestGroup {
  /** The story's id and title, or undefined for alerts outside any story. */
  readonly storyId?: string;
  readonly storyTitle?: string;
  readonly alerts: readonly AlertRecord[];
}

export interface Digest {
  readonly watchlist: WatchlistRecord;
  readonly since: string;
  readonly until: string;
  readonly groups: readonly DigestGroup[];
  readonly total: number;
}

const MAX_ALERTS = 2000;

/** The alerts of a watchlist since an instant, grouped by story (largest group first). */
export const buildDigest = async (
  store: ArticleStore,
  watchlist: WatchlistRecord,
  since: string,
  now: Date,
): Promise<Digest> => {
  const alerts = await watchlistsOf(store).listAlerts({
    watchlistId: watchlist.id,
    since,
    limit: MAX_ALERTS,
  });
  const byStory = new Map<string, AlertRecord[]>();
  for (const alert of alerts) {
    const key = alert.storyId ?? `alert:${alert.id}`;
    const list = byStory.get(key) ?? [];
    list.push(alert);
    byStory.set(key, list);
  }
  const groups: DigestGroup[] = [];
  for (const [key, list] of byStory) {
    const sorted = [...list].sort((a, b) =>
      (b.published ?? b.createdAt).localeCompare(a.published ?? a.createdAt),
    );
    const storyId = key.startsWith('alert:') ? undefined : key;
    const story = storyId ? await store.stories?.getStory(storyId) : undefined;
    groups.push({
      ...(storyId ? { storyId } : {}),
      ...(story ? { storyTitle: story.title } : {}),
      alerts: sorted,
    });
  }
  groups.sort(
    (a, b) =>
      b.alerts.length - a.alerts.length ||
      (b.alerts[0]?.createdAt ?? '').localeCompare(a.alerts[0]?.createdAt ?? ''),
  );
  return { watchlist, since, until: now.toISOString(), groups, total: alerts.length };
};

const when = (alert: AlertRecord): string =>
  (alert.published ?? alert.createdAt).replace('T', ' ').slice(0, 16);

const mdEscape = (text: string): string => text.replace(/([\\`*_[\]<>])/g, '\\$1');

export const digestMarkdown = (digest: Digest, publicUrl: string): string => {
  const lines = [
    `# ${mdEscape(digest.watchlist.name)}: ${digest.total} alert${digest.total === 1 ? '' : 's'}`,
    '',
    `Query: \`${digest.watchlist.query.replace(/`/g, "'")}\` · ${digest.since.slice(0, 16).replace('T', ' ')} to ${digest.until.slice(0, 16).replace('T', ' ')} UTC`,
  ];
  for (const group of digest.groups) {
    const first = group.alerts[0];
    lines.push('', `## ${mdEscape(group.storyTitle ?? first?.title ?? 'Untitled')}`);
    if (group.storyId)
      lines.push(`Story: ${publicUrl}/stories/${encodeURIComponent(group.storyId)}`);
    lines.push('');
    for (const alert of group.alerts) {
      const meta = [alert.source, when(alert)].filter(Boolean).join(' · ');
      lines.push(
        `- [${mdEscape(alert.title ?? alert.articleId)}](${articleLink(publicUrl, alert.articleId)}) (${mdEscape(meta)})`,
      );
      if (alert.entities.length > 0)
        lines.push(`  Entities: ${mdEscape(alert.entities.join(', '))}`);
      for (const reason of alert.why ?? []) lines.push(`  ${mdEscape(reason)}`);
    }
  }
  if (digest.total === 0) lines.push('', 'Nothing new.');
  return `${lines.join('\n')}\n`;
};

export const digestHtml = (digest: Digest, publicUrl: string): string =>
  renderDigestHtml(digest, publicUrl);

import type { AlertRecord } from '../store/watchlists-port.js';
import { articleLink } from './alert-payload.js';

/** What the HTML digest needs of a digest (digest.ts builds it); kept structural to avoid a cycle. */
export interface DigestView {
  readonly watchlist: { readonly name: string; readonly query: string };
  readonly since: string;
  readonly until: string;
  readonly total: number;
  readonly groups: readonly {
    readonly storyId?: string | undefined;
    readonly storyTitle?: string | undefined;
    readonly alerts: readonly AlertRecord[];
  }[];
}

const minute = (iso: string): string => iso.slice(0, 16).replace('T', ' ');

const AlertItem = (props: { alert: AlertRecord; publicUrl: string }) => {
  const { alert } = props;
  const meta = [alert.source, minute(alert.published ?? alert.createdAt)]
    .filter(Boolean)
    .join(' · ');
  return (
    <li>
      <a href={articleLink(props.publicUrl, alert.articleId)}>{alert.title ?? alert.articleId}</a>{' '}
      <small>{meta}</small>
      {alert.entities.length > 0 && (
        <>
          <br />
          <small>Entities: {alert.entities.join(', ')}</small>
        </>
      )}
      {(alert.why ?? []).map((reason) => (
        <>
          <br />
          <small>{reason}</small>
        </>
      ))}
    </li>
  );
};

const DigestPage = (props: { digest: DigestView; publicUrl: string }) => {
  const { digest, publicUrl } = props;
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <title>{digest.watchlist.name}: sitrep digest</title>
      </head>
      <body>
        <h1>
          {digest.watchlist.name}: {digest.total} alert{digest.total === 1 ? '' : 's'}
        </h1>
        <p>
          Query: <code>{digest.watchlist.query}</code> · {minute(digest.since)} to{' '}
          {minute(digest.until)} UTC
        </p>
        {digest.groups.map((group) => {
          const heading = group.storyTitle ?? group.alerts[0]?.title ?? 'Untitled';
          return (
            <>
              <h2>
                {group.storyId ? (
                  <a href={`${publicUrl}/stories/${encodeURIComponent(group.storyId)}`}>
                    {heading}
                  </a>
                ) : (
                  heading
                )}
              </h2>
              <ul>
                {group.alerts.map((alert) => (
                  <AlertItem alert={alert} publicUrl={publicUrl} />
                ))}
              </ul>
            </>
          );
        })}
        {digest.total === 0 && <p>Nothing new.</p>}
      </body>
    </html>
  );
};

/** A digest as one HTML page; every value is escaped by hono/jsx. */
export const renderDigestHtml = (digest: DigestView, publicUrl: string): string =>
  `<!doctype html>${String(<DigestPage digest={digest} publicUrl={publicUrl} />)}\n`;

/** The HTML part of an alert e-mail. */
export const renderAlertEmailHtml = (alert: {
  readonly watchlistName: string;
  readonly title: string;
  readonly link: string;
  readonly meta: string;
  readonly entities: readonly string[];
  readonly why?: readonly string[] | undefined;
}): string =>
  String(
    <>
      <p>
        Watchlist <b>{alert.watchlistName}</b> matched:
      </p>
      <p>
        <a href={alert.link}>{alert.title}</a>
        <br />
        {alert.meta}
      </p>
      {alert.entities.length > 0 && <p>Entities: {alert.entities.join(', ')}</p>}
      {(alert.why ?? []).map((reason) => (
        <p>{reason}</p>
      ))}
    </>,
  );

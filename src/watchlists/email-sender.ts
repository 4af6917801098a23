import nodemailer from 'nodemailer';
import type { AlertPayload } from './alert-payload.js';
import { renderAlertEmailHtml } from './digest-html.js';
import type { SendResult } from './webhook-sender.js';

export interface SmtpSettings {
  readonly host: string;
  readonly port: number;
  /** TLS from the first byte (port 465); otherwise STARTTLS when the server offers it. */
  readonly secure?: boolean;
  /** Refuse to send unless STARTTLS succeeds. */
  readonly requireTls?: boolean;
  readonly user?: string;
  readonly pass?: string;
  readonly from: string;
}

export interface EmailSender {
  send(to: readonly string[], payload: AlertPayload): Promise<SendResult>;
  close(): void;
}

/** One SMTP transport (nodemailer) reused for every alert mail. */
export const createEmailSender = (settings: SmtpSettings): EmailSender => {
  const transport = nodemailer.createTransport({
    host: settings.host,
    port: settings.port,
    secure: settings.secure ?? false,
    ...(settings.requireTls ? { requireTLS: true } : {}),
    ...(settings.user ? { auth: { user: settings.user, pass: settings.pass ?? '' } } : {}),
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  });
  return {
    async send(to, payload) {
      const { alert, watchlist } = payload;
      const title = alert.title ?? alert.articleId;
      const lines = [
        `Watchlist "${watchlist.name}" (${watchlist.query}) matched:`,
        '',
        title,
        [alert.source, alert.published].filter(Boolean).join(' · '),
        alert.entities.length > 0 ? `Entities: ${alert.entities.join(', ')}` : '',
        ...(alert.why ?? []),
        '',
        alert.link,
        alert.url ? `Original: ${alert.url}` : '',
      ].filter((line, i, all) => line !== '' || all[i - 1] !== '');
      try {
        const info = await transport.sendMail({
          from: settings.from,
          to: [...to],
          subject: `[sitrep] ${watchlist.name}: ${title}`,
          text: lines.join('\n'),
          html: renderAlertEmailHtml({
            watchlistName: watchlist.name,
            title,
            link: alert.link,
            meta: [alert.source, alert.published].filter(Boolean).join(' · '),
            entities: alert.entities,
            why: alert.why,
          }),
          headers: { 'X-Sitrep-Delivery': payload.deliveryId },
        });
        const rejected = (info.rejected ?? []).length;
        return rejected > 0
          ? { ok: false, error: `${rejected} recipient(s) rejected` }
          : { ok: true };
      } catch (error) {
        return { ok: false, error: `SMTP: ${(error as Error).message}` };
      }
    },
    close: () => transport.close(),
  };
};

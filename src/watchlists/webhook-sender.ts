import { createHmac } from 'node:crypto';
import type { SafeFetcher } from '../fetch/safe-fetch.js';
import type { AlertPayload } from './alert-payload.js';

export const SIGNATURE_HEADER = 'x-sitrep-signature';
export const DELIVERY_HEADER = 'x-sitrep-delivery';
export const TIMESTAMP_HEADER = 'x-sitrep-timestamp';

/**
 * The signature receivers check: HMAC-SHA256 over "<timestamp>.<body>" with the watchlist's
 * secret, hex, as "sha256=<hex>". The timestamp in the signed text stops replays of old bodies.
 */
export const signWebhook = (secret: string, timestamp: string, body: string): string =>
  `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;

export interface SendResult {
  readonly ok: boolean;
  readonly status?: number;
  readonly error?: string;
}

/** POSTs the alert through the safe fetcher (webhook URLs get the same SSRF rules as feeds). */
export const sendWebhook = async (
  fetcher: SafeFetcher,
  target: { url: string; secret: string },
  payload: AlertPayload,
  now: Date,
): Promise<SendResult> => {
  const body = JSON.stringify(payload);
  const timestamp = String(Math.floor(now.getTime() / 1000));
  try {
    const response = await fetcher.fetch({
      url: target.url,
      method: 'POST',
      body,
      headers: {
        'content-type': 'application/json',
        [DELIVERY_HEADER]: payload.deliveryId,
        [TIMESTAMP_HEADER]: timestamp,
        [SIGNATURE_HEADER]: signWebhook(target.secret, timestamp, body),
      },
    });
    if (response.status >= 200 && response.status < 300)
      return { ok: true, status: response.status };
    return {
      ok: false,
      status: response.status,
      error: `HTTP ${response.status} from the webhook`,
    };
  } catch (error) {
    return { ok: false, error: (error as Error).message };
  }
};

import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Outgoing webhook signatures (docs/webhooks.md). The signature covers `<timestamp>.<body>`, so a
 * captured request cannot be replayed later with a fresh timestamp, and the receiver checks the
 * timestamp against its clock within a tolerance.
 */
export const WEBHOOK_SIGNATURE_HEADER = 'X-CreatorOps-Signature';
export const WEBHOOK_TIMESTAMP_HEADER = 'X-CreatorOps-Timestamp';
export const WEBHOOK_EVENT_ID_HEADER = 'X-CreatorOps-Event-Id';
/** How far a receiver should let the timestamp stray from its clock (either way). */
export const WEBHOOK_TOLERANCE_SECONDS = 300;
const VERSION = 'v1';

/** `v1=<hex HMAC-SHA256(secret, "<timestamp>.<body>")>`. `timestamp` is in Unix seconds. */
export function signWebhook(secret: string, timestamp: number, body: string): string {
  return `${VERSION}=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

export type WebhookVerdict = { valid: true } | { valid: false; reason: 'malformed' | 'stale' | 'mismatch' };

/**
 * What a receiver does with a request: the timestamp within the tolerance of its clock, then the
 * signature compared in constant time. Written here so the documented recipe is the tested one.
 */
export function verifyWebhook(
  secret: string,
  headers: { timestamp: string | undefined; signature: string | undefined },
  body: string,
  nowSeconds: number,
  toleranceSeconds = WEBHOOK_TOLERANCE_SECONDS,
): WebhookVerdict {
  const timestamp = Number(headers.timestamp);
  if (!headers.timestamp || !/^\d+$/.test(headers.timestamp) || !headers.signature) return { valid: false, reason: 'malformed' };
  if (Math.abs(nowSeconds - timestamp) > toleranceSeconds) return { valid: false, reason: 'stale' };
  const expected = Buffer.from(signWebhook(secret, timestamp, body));
  const given = Buffer.from(headers.signature);
  return expected.length === given.length && timingSafeEqual(expected, given) ? { valid: true } : { valid: false, reason: 'mismatch' };
}

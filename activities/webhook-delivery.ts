import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { signWebhook, WEBHOOK_EVENT_ID_HEADER, WEBHOOK_SIGNATURE_HEADER, WEBHOOK_TIMESTAMP_HEADER } from '../libs/auth/webhook-signature';
import { SecretBox } from '../libs/auth/secret-box';
import { APP_CONFIG, type AppConfig } from '../libs/config/config';
import { Delivery, DeliveryStatus, Notification } from '../libs/domain/entities';
import { webhookPayload } from './webhook-payload';

export const WEBHOOK_CHANNEL = 'webhook';
/** Within the activity's 30 s, with the webhooks of one notification called side by side. */
const REQUEST_TIMEOUT_MS = 10_000;

interface TeamWebhook {
  id: string;
  name: string;
  url: string;
  secretSealed: string;
}

/** A receiver's answer that no retry changes: the request itself is wrong for it (not 408 Request Timeout, not 429 Too Many Requests). */
function refusedForGood(status: number): boolean {
  return status >= 400 && status < 500 && status !== 408 && status !== 429;
}

/** The key of one notification's delivery to one webhook. */
export function webhookDeliveryKey(eventKey: string, webhookId: string): string {
  return `${eventKey}:webhook:${webhookId}`;
}

/**
 * POSTs a notification to the webhooks of its recipient's teams (the recipient's own and those of
 * every manager above them), signed (docs/webhooks.md), once per webhook and event key. A failed
 * try is recorded as `retrying` and thrown, so Temporal tries the activity again with its backoff;
 * deliveries already made are skipped then. The WEBHOOK_MAX_ATTEMPTS-th failure, or a 4xx refusal,
 * is recorded as `failed` and not thrown: the workflow goes on.
 */
@Injectable()
export class WebhookDelivery {
  private readonly logger = new Logger(WebhookDelivery.name);
  private readonly box: SecretBox;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'webhooks' | 'publicUrl'>,
  ) {
    this.box = new SecretBox(config.webhooks.secretKey);
  }

  async deliverByEventKey(eventKey: string): Promise<void> {
    const notification = await this.db.getRepository(Notification).findOneBy({ eventKey });
    if (!notification) return;
    const webhooks = await this.webhooksFor(notification.recipientId);
    const failures = await Promise.all(webhooks.map((webhook) => this.deliverTo(webhook, notification).then(() => null, (error: Error) => error)));
    const failure = failures.find((error) => error !== null);
    if (failure) throw failure;
  }

  /** The active webhooks whose team includes the user: led by the user or anyone above them. UNION stops a cycle in the tree. */
  private webhooksFor(userId: string): Promise<TeamWebhook[]> {
    return this.db.query(
      `WITH RECURSIVE leads("id") AS (
         SELECT $1::uuid
         UNION
         SELECT u."managerId" FROM "users" u JOIN leads ON u."id" = leads."id" WHERE u."managerId" IS NOT NULL
       )
       SELECT w."id", w."name", w."url", w."secretSealed" FROM "webhooks" w
        WHERE w."active" AND w."teamLeadId" IN (SELECT "id" FROM leads)
        ORDER BY w."createdAt", w."id"`,
      [userId],
    );
  }

  private async deliverTo(webhook: TeamWebhook, notification: Notification): Promise<void> {
    const key = webhookDeliveryKey(notification.eventKey, webhook.id);
    const repo = this.db.getRepository(Delivery);
    const existing = await repo.findOneBy({ channel: WEBHOOK_CHANNEL, eventKey: key });
    if (existing && existing.status !== DeliveryStatus.Retrying) return;
    const attempt = (existing?.attempts ?? 0) + 1;
    const payload = webhookPayload(this.config.publicUrl, notification);
    const body = JSON.stringify(payload);
    const record = (fields: Partial<Delivery>) =>
      repo
        .createQueryBuilder()
        .insert()
        .into(Delivery)
        .values({ eventKey: key, notificationId: notification.id, channel: WEBHOOK_CHANNEL, webhookId: webhook.id, recipient: webhook.name.slice(0, 320), attempts: attempt, messageId: payload.id, ...fields })
        .orUpdate(['status', 'attempts', 'lastError', 'sentAt', 'updatedAt'], ['channel', 'eventKey'])
        .execute();

    let problem: string;
    let final: boolean;
    try {
      // A fresh timestamp on every try: the receiver's replay window is about the request, the event id about the event.
      const timestamp = Math.floor(Date.now() / 1000);
      const response = await fetch(webhook.url, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          'User-Agent': 'CreatorOps-Webhooks/1',
          [WEBHOOK_EVENT_ID_HEADER]: payload.id,
          [WEBHOOK_TIMESTAMP_HEADER]: String(timestamp),
          [WEBHOOK_SIGNATURE_HEADER]: signWebhook(this.box.open(webhook.secretSealed), timestamp, body),
        },
        body,
        // A redirect could send the signed event somewhere the team never configured.
        redirect: 'manual',
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
      await response.arrayBuffer().catch(() => undefined);
      if (response.status >= 200 && response.status < 300) {
        await record({ status: DeliveryStatus.Sent, lastError: null, sentAt: new Date() });
        return;
      }
      problem = `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`;
      final = refusedForGood(response.status) || (response.status >= 300 && response.status < 400);
    } catch (error) {
      // The error's own words (refused, timed out), never the URL: it may carry a token (Slack's do).
      const cause = (error as { cause?: { code?: string } }).cause?.code;
      problem = `${(error as Error).name === 'TimeoutError' ? 'timed out' : String((error as Error).message ?? error)}${cause ? ` (${cause})` : ''}`.slice(0, 500);
      final = false;
    }
    final ||= attempt >= this.config.webhooks.maxAttempts;
    await record({ status: final ? DeliveryStatus.Failed : DeliveryStatus.Retrying, lastError: problem, sentAt: null });
    if (final) {
      this.logger.warn(`webhook ${webhook.id} did not take notification ${notification.id} after ${attempt} tries: ${problem}`);
      return;
    }
    throw new Error(`webhook "${webhook.name}" answered ${problem}; it is tried again`);
  }
}

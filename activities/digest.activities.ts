import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../libs/config/config';
import { DeliveryStatus } from '../libs/domain/entities';
import { activityAttempt, DIGEST_CHANNEL, EmailDelivery, emailMessageId } from './email-delivery';
import { renderDigestEmail } from './email-templates';
import { notificationLinks } from './notification-links';

export interface SendDigestInput {
  userId: string;
  /** The day the digest is for (YYYY-MM-DD, UTC): one digest per user and day. */
  day: string;
  /** Notifications written before this instant go in (the run's start, from the workflow). */
  cutoff: string;
}

export interface DigestOutcome {
  status: 'sent' | 'already_sent' | 'nothing' | 'failed' | 'mail_off';
  notifications: number;
}

/** The key a user's digest of a day is idempotent on; its Message-ID is derived from it. */
export function digestKey(userId: string, day: string): string {
  return `digest:${userId}:${day}`;
}

/**
 * The daily digest (docs/notifications.md#daily-digest): the notifications queued for a user who
 * chose it (rows of channel `digest`, status `queued`, written by EmailDelivery), sent as one
 * e-mail per user and day. A try first claims the queued rows for the day's digest (its
 * Message-ID), so a retry sends the same list under the same Message-ID, and a second run on the
 * same day sends nothing.
 */
@Injectable()
export class DigestActivities {
  private readonly logger = new Logger(DigestActivities.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Optional() private readonly email?: EmailDelivery,
    @Optional() @Inject(APP_CONFIG) private readonly config?: Pick<AppConfig, 'mail' | 'publicUrl'>,
  ) {}

  /** Users with notifications waiting for their digest, written before the cutoff. */
  async listDigestRecipients(input: { cutoff: string }): Promise<string[]> {
    const rows: Array<{ recipientId: string }> = await this.db.query(
      `SELECT DISTINCT n."recipientId" FROM "deliveries" d JOIN "notifications" n ON n."id" = d."notificationId"
        WHERE d."channel" = $1 AND d."status" IN ($2, $3) AND n."createdAt" < $4
        ORDER BY n."recipientId"`,
      [DIGEST_CHANNEL, DeliveryStatus.Queued, DeliveryStatus.Retrying, input.cutoff],
    );
    return rows.map((row) => row.recipientId);
  }

  async sendDigest(input: SendDigestInput, attempt = activityAttempt()): Promise<DigestOutcome> {
    const mail = this.config?.mail;
    if (!mail || !this.email) return { status: 'mail_off', notifications: 0 };
    const messageId = emailMessageId(digestKey(input.userId, input.day), mail.from);
    const [done] = await this.db.query(`SELECT 1 FROM "deliveries" WHERE "channel" = $1 AND "messageId" = $2 AND "status" IN ($3, $4) LIMIT 1`, [
      DIGEST_CHANNEL,
      messageId,
      DeliveryStatus.Sent,
      DeliveryStatus.Failed,
    ]);
    if (done) return { status: 'already_sent', notifications: 0 };

    // Claim what is waiting: these rows are this digest's, on this try and every retry.
    await this.db.query(
      `UPDATE "deliveries" d SET "messageId" = $1, "updatedAt" = now() FROM "notifications" n
        WHERE n."id" = d."notificationId" AND n."recipientId" = $2 AND d."channel" = $3 AND d."status" = $4 AND d."messageId" IS NULL AND n."createdAt" < $5`,
      [messageId, input.userId, DIGEST_CHANNEL, DeliveryStatus.Queued, input.cutoff],
    );
    const items: Array<{ kind: string; message: string; createdAt: Date; collaborationId: string | null; email: string; name: string }> = await this.db.query(
      `SELECT n."kind", n."message", n."createdAt", n."collaborationId", u."email", u."name"
         FROM "deliveries" d JOIN "notifications" n ON n."id" = d."notificationId" JOIN "users" u ON u."id" = n."recipientId"
        WHERE d."channel" = $1 AND d."messageId" = $2
        ORDER BY n."createdAt", n."id"`,
      [DIGEST_CHANNEL, messageId],
    );
    if (items.length === 0) return { status: 'nothing', notifications: 0 };

    const { publicUrl } = this.config!;
    const email = renderDigestEmail({
      recipientName: items[0].name,
      day: input.day,
      items: items.map((item) => ({ kind: item.kind, message: item.message, at: new Date(item.createdAt), recordUrl: notificationLinks(publicUrl, item).recordUrl })),
      inboxUrl: notificationLinks(publicUrl, { collaborationId: null }).inboxUrl,
    });
    const mark = (status: DeliveryStatus, lastError: string | null) =>
      this.db.query(
        `UPDATE "deliveries" SET "status" = $1, "attempts" = $2, "lastError" = $3, "sentAt" = $4, "updatedAt" = now() WHERE "channel" = $5 AND "messageId" = $6`,
        [status, attempt, lastError, status === DeliveryStatus.Sent ? new Date() : null, DIGEST_CHANNEL, messageId],
      );
    try {
      await this.email.send({ to: items[0].email, subject: email.subject, text: email.text, html: email.html, messageId });
    } catch (error) {
      const final = attempt >= mail.maxAttempts;
      await mark(final ? DeliveryStatus.Failed : DeliveryStatus.Retrying, String((error as Error).message ?? error).slice(0, 500));
      if (final) {
        this.logger.warn(`digest ${input.day} for user ${input.userId} failed for good after ${attempt} tries`);
        return { status: 'failed', notifications: items.length };
      }
      throw error;
    }
    await mark(DeliveryStatus.Sent, null);
    return { status: 'sent', notifications: items.length };
  }
}

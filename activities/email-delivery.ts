import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Context } from '@temporalio/activity';
import { createHash } from 'node:crypto';
import { createTransport, type Transporter } from 'nodemailer';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../libs/config/config';
import { Delivery, DeliveryStatus, Notification } from '../libs/domain/entities';
import { effectivePreferences, emailRoute } from '../libs/domain/rules/notification-preferences';
import { renderNotificationEmail } from './email-templates';
import { notificationLinks } from './notification-links';

export const EMAIL_CHANNEL = 'email';
/** A notification that goes out in its recipient's daily digest e-mail. */
export const DIGEST_CHANNEL = 'digest';

/** The Message-ID of a notification's e-mail: the same on every try, so a duplicate reads as one message. */
export function emailMessageId(eventKey: string, from: string): string {
  const domain = /@([^@\s>]+)>?\s*$/.exec(from)?.[1] ?? 'creatorops.local';
  return `<${createHash('sha256').update(`${EMAIL_CHANNEL}:${eventKey}`).digest('hex').slice(0, 40)}@${domain}>`;
}

/** Which try of the current activity this is (1 outside an activity: a script, a test). */
export function activityAttempt(): number {
  try {
    return Context.current().info.attempt;
  } catch {
    return 1;
  }
}

/** 5xx from the SMTP server: it refused this message for good (no such mailbox, rejected sender); trying again changes nothing. */
export function refusedForGood(error: unknown): boolean {
  const code = (error as { responseCode?: number }).responseCode;
  return typeof code === 'number' && code >= 500;
}

/**
 * Sends a notification by e-mail to its recipient, from inside the activity that wrote it, once
 * per event key. A failed try throws, so Temporal tries the activity again with its backoff (the
 * notification insert before it is idempotent); the last allowed try (MAIL_MAX_ATTEMPTS), or a
 * refusal for good, is recorded as `failed` and returns, so the workflow goes on and the
 * notification still stands in the recipient's inbox.
 */
@Injectable()
export class EmailDelivery {
  private readonly logger = new Logger(EmailDelivery.name);
  private transport?: Transporter;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Optional() @Inject(APP_CONFIG) private readonly config?: Pick<AppConfig, 'mail' | 'publicUrl'>,
  ) {}

  get enabled(): boolean {
    return Boolean(this.config?.mail);
  }

  /** Delivers the notification with this event key, if it exists and mail is on. `attempt`: which try this is (the activity's own by default). */
  async deliverByEventKey(eventKey: string, attempt = activityAttempt()): Promise<void> {
    const mail = this.config?.mail;
    if (!mail) return;
    const notification = await this.db.getRepository(Notification).findOne({ where: { eventKey }, relations: { recipient: true } });
    if (!notification?.recipient) return;
    const route = emailRoute(effectivePreferences(notification.recipient.notificationPreferences), notification.kind);
    // Switched off for e-mail: the inbox has it, nothing more.
    if (route === 'none') return;
    if (route === 'digest') {
      // The daily digest Schedule sends it with the others (digest.activities.ts); queued once per event key.
      await this.db
        .createQueryBuilder()
        .insert()
        .into(Delivery)
        .values({ eventKey, notificationId: notification.id, channel: DIGEST_CHANNEL, recipient: notification.recipient.email, status: DeliveryStatus.Queued, attempts: 0 })
        .orIgnore()
        .execute();
      return;
    }
    const repo = this.db.getRepository(Delivery);
    const existing = await repo.findOneBy({ channel: EMAIL_CHANNEL, eventKey });
    if (existing && existing.status !== DeliveryStatus.Retrying) return;

    const messageId = emailMessageId(eventKey, mail.from);
    const email = renderNotificationEmail({
      kind: notification.kind,
      message: notification.message,
      recipientName: notification.recipient.name,
      ...notificationLinks(this.config!.publicUrl, notification),
    });
    const record = (fields: Partial<Delivery>) =>
      repo
        .createQueryBuilder()
        .insert()
        .into(Delivery)
        .values({ eventKey, notificationId: notification.id, channel: EMAIL_CHANNEL, recipient: notification.recipient!.email, attempts: attempt, messageId, ...fields })
        .orUpdate(['status', 'attempts', 'lastError', 'sentAt', 'messageId', 'updatedAt'], ['channel', 'eventKey'])
        .execute();
    try {
      await this.transporter(mail.smtpUrl).sendMail({ from: mail.from, to: notification.recipient.email, subject: email.subject, text: email.text, html: email.html, messageId });
    } catch (error) {
      const final = attempt >= mail.maxAttempts || refusedForGood(error);
      // The server's answer, never the SMTP URL (it may carry a password).
      const lastError = String((error as Error).message ?? error).slice(0, 500);
      await record({ status: final ? DeliveryStatus.Failed : DeliveryStatus.Retrying, lastError, sentAt: null });
      if (final) {
        this.logger.warn(`e-mail for notification ${notification.id} failed for good after ${attempt} tries`);
        return;
      }
      throw error;
    }
    await record({ status: DeliveryStatus.Sent, lastError: null, sentAt: new Date() });
  }

  /** Sends one e-mail with this Message-ID (the digest's too). */
  async send(message: { to: string; subject: string; text: string; html: string; messageId: string }): Promise<void> {
    const mail = this.config?.mail;
    if (!mail) throw new Error('e-mail is off (no SMTP_URL)');
    await this.transporter(mail.smtpUrl).sendMail({ from: mail.from, ...message });
  }

  /**
   * One e-mail to someone outside the team (a portal link to a creator or a brand contact), who
   * has no inbox in the panel. False when mail is off. Throws when the server fails, so the
   * activity is tried again.
   */
  async sendMessage(message: { to: string; subject: string; text: string; html: string; messageKey: string }): Promise<boolean> {
    const mail = this.config?.mail;
    if (!mail) return false;
    await this.transporter(mail.smtpUrl).sendMail({ from: mail.from, to: message.to, subject: message.subject, text: message.text, html: message.html, messageId: emailMessageId(message.messageKey, mail.from) });
    return true;
  }

  /** Tries of one message before it is given up (MAIL_MAX_ATTEMPTS). */
  get maxAttempts(): number {
    return this.config?.mail?.maxAttempts ?? 1;
  }

  private transporter(smtpUrl: string): Transporter {
    if (!this.transport) {
      const url = new URL(smtpUrl);
      const secure = url.protocol === 'smtps:';
      this.transport = createTransport({
        host: url.hostname,
        port: url.port ? Number(url.port) : secure ? 465 : 587,
        secure,
        ...(url.username ? { auth: { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } } : {}),
        // Within the activity's 30 s: a dead server fails the try, and Temporal tries again later.
        connectionTimeout: 10_000,
        greetingTimeout: 10_000,
        socketTimeout: 15_000,
      });
    }
    return this.transport;
  }
}

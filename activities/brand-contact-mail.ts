import { Injectable, Logger, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Brand, Campaign, Collaboration, Delivery, DeliveryStatus, Notification } from '../libs/domain/entities';
import { activityAttempt, EmailDelivery, refusedForGood } from './email-delivery';
import { escapeHtml } from './email-templates';

/** The reminders a brand contact also gets by e-mail: they hold the licence and the exclusivity that end. */
export const BRAND_CONTACT_REMINDERS: readonly string[] = ['USAGE_RIGHTS_EXPIRING', 'EXCLUSIVITY_ENDING'];

/** The delivery channel of those e-mails, beside the talent manager's own (`email`). */
export const BRAND_CONTACT_CHANNEL = 'brand_email';

/**
 * E-mails the brand's first contact with an address (the one the brand review link goes to) a
 * copy of a licence or exclusivity reminder. Once per reminder: the send is recorded as a
 * delivery of the talent manager's notification over `brand_email`, and a retried activity finds
 * it sent. A brand with no contact address is skipped; a refused address, or the last try,
 * never holds the booking up.
 */
@Injectable()
export class BrandContactMail {
  private readonly logger = new Logger(BrandContactMail.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Optional() private readonly email?: EmailDelivery,
  ) {}

  async copyReminder(notificationEventKey: string): Promise<void> {
    if (!this.email?.enabled) return;
    const notification = await this.db.getRepository(Notification).findOneBy({ eventKey: notificationEventKey });
    if (!notification?.collaborationId || !BRAND_CONTACT_REMINDERS.includes(notification.kind)) return;
    const deliveries = this.db.getRepository(Delivery);
    const done = await deliveries.findOneBy({ channel: BRAND_CONTACT_CHANNEL, eventKey: notificationEventKey });
    if (done && done.status !== DeliveryStatus.Retrying) return;
    const collaboration = await this.db.getRepository(Collaboration).findOneByOrFail({ id: notification.collaborationId });
    const campaign = await this.db.getRepository(Campaign).findOneByOrFail({ id: collaboration.campaignId });
    const brand = await this.db.getRepository(Brand).findOneByOrFail({ id: campaign.brandId });
    const contact = brand.contacts.find((c) => c.email);
    if (!contact?.email) return;
    const attempt = activityAttempt();
    const record = (status: DeliveryStatus, lastError: string | null) =>
      deliveries.upsert(
        { eventKey: notificationEventKey, notificationId: notification.id, channel: BRAND_CONTACT_CHANNEL, recipient: contact.email!, status, attempts: attempt, lastError, sentAt: status === DeliveryStatus.Sent ? new Date() : null },
        { conflictPaths: ['channel', 'eventKey'] },
      );
    const subject = `[CreatorOps] ${campaign.name}: ${notification.kind === 'USAGE_RIGHTS_EXPIRING' ? 'the content licence ends in 7 days' : "the creator's exclusivity ends in 7 days"}`;
    try {
      await this.email.sendMessage({
        to: contact.email,
        subject,
        text: `Hello ${contact.name},\n\n${notification.message}\nCampaign: ${campaign.name}\n\nYour agency contact has the same reminder.\n`,
        html: `<p>Hello ${escapeHtml(contact.name)},</p><p>${escapeHtml(notification.message)}</p><p>Campaign: ${escapeHtml(campaign.name)}</p><p>Your agency contact has the same reminder.</p>`,
        messageKey: `${notificationEventKey}:${BRAND_CONTACT_CHANNEL}`,
      });
    } catch (error) {
      const message = String((error as Error).message ?? error).slice(0, 500);
      if (attempt < this.email.maxAttempts && !refusedForGood(error)) {
        await record(DeliveryStatus.Retrying, message);
        throw error;
      }
      await record(DeliveryStatus.Failed, message);
      this.logger.warn(`the brand contact's copy of ${notification.kind} for collaboration ${collaboration.id} failed for good after ${attempt} tries`);
      return;
    }
    await record(DeliveryStatus.Sent, null);
  }
}

import { Injectable, Optional } from '@nestjs/common';
import { activityAttempt, EmailDelivery } from './email-delivery';
import { WebhookDelivery } from './webhook-delivery';

/** What the notifying activities call after writing a notification: every channel, each idempotent per event key. */
export interface NotificationSender {
  deliverByEventKey(eventKey: string, attempt?: number): Promise<void>;
}

/**
 * Delivers a notification on every channel beside the inbox: e-mail (as the recipient's
 * preferences say) and the team webhooks. Each channel is tried even when another failed; then
 * the first failure is thrown, so Temporal retries the activity and only what is still owed goes
 * out again (each channel keeps its own row per event key in `deliveries`).
 */
@Injectable()
export class NotificationChannels implements NotificationSender {
  constructor(
    @Optional() private readonly email?: EmailDelivery,
    @Optional() private readonly webhooks?: WebhookDelivery,
  ) {}

  async deliverByEventKey(eventKey: string, attempt = activityAttempt()): Promise<void> {
    const results = await Promise.allSettled([this.email?.deliverByEventKey(eventKey, attempt), this.webhooks?.deliverByEventKey(eventKey)]);
    const failure = results.find((result): result is PromiseRejectedResult => result.status === 'rejected');
    if (failure) throw failure.reason;
  }
}

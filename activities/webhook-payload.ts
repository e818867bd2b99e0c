import { createHash } from 'node:crypto';
import { kindTitle } from './email-templates';
import { notificationLinks } from './notification-links';

/**
 * The JSON body a team webhook receives for one notification (docs/webhooks.md#payload). Ids and
 * links only, never a person's name or address: the receiver looks up what it needs in CreatorOps.
 * `text` is there for Slack- and Teams-style receivers, which show it as the message.
 */
export interface WebhookPayload {
  /** Stable across retries: a receiver drops an id it has already handled. */
  id: string;
  type: 'notification';
  /** The notification kind: BRIEF_ACK_REMINDER, escalation.CONFLICT, … */
  kind: string;
  title: string;
  message: string;
  occurredAt: string;
  notificationId: string;
  collaborationId: string | null;
  recipientId: string;
  links: { collaboration: string | null; inbox: string };
  text: string;
}

/** The event id of a notification's webhook delivery: derived from its event key, the same on every try. */
export function webhookEventId(eventKey: string): string {
  return `evt_${createHash('sha256').update(`webhook:${eventKey}`).digest('hex').slice(0, 32)}`;
}

export function webhookPayload(
  publicUrl: string,
  notification: { id: string; eventKey: string; kind: string; message: string; createdAt: Date; collaborationId: string | null; recipientId: string },
): WebhookPayload {
  const links = notificationLinks(publicUrl, notification);
  const title = kindTitle(notification.kind);
  return {
    id: webhookEventId(notification.eventKey),
    type: 'notification',
    kind: notification.kind,
    title,
    message: notification.message,
    occurredAt: notification.createdAt.toISOString(),
    notificationId: notification.id,
    collaborationId: notification.collaborationId,
    recipientId: notification.recipientId,
    links: { collaboration: links.recordUrl, inbox: links.inboxUrl },
    text: `${title}: ${notification.message}${links.recordUrl ? ` ${links.recordUrl}` : ''}`,
  };
}

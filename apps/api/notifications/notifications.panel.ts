import { Delivery, Notification } from '../../../libs/domain/entities';
import { OWN_ONLY } from '../../../libs/domain/rules/reach';
import { Role } from '../../../libs/domain/rules/roles';
import { signedIn } from '../back-office/access';
import type { ActionResponse } from '../back-office/adminjs-types';
import { decisionAction, paramText } from '../back-office/decision-action';
import { actorOf, NAVIGATION, type PanelResource, type SpecDependencies } from '../back-office/resource-spec';
import type { UnreadCount } from './inbox-badge.component';
import type { NotificationsInbox } from './notifications-inbox';

export type NotificationsPort = Pick<NotificationsInbox, 'markRead' | 'unreadCount'>;

/**
 * The signed-in user's inbox: the reminders and escalation notices the workflows sent them
 * (read-only), scoped to its recipient for every role, admins included; "Mark read" writes readAt.
 */
export function notificationPanel(deps: Pick<SpecDependencies, 'logger'> & { notifications: NotificationsPort }): PanelResource {
  return {
    entity: Notification,
    id: 'Notification',
    label: 'Inbox',
    navigation: NAVIGATION.collaborations,
    list: ['kind', 'message', 'collaborationId', 'createdAt', 'readAt'],
    show: ['id', 'kind', 'recipientId', 'collaborationId', 'message', 'createdAt', 'readAt'],
    filter: ['kind', 'collaborationId', 'createdAt', 'readAt'],
    scope: { owner: 'recipientId', read: OWN_ONLY, act: OWN_ONLY },
    titleProperty: 'kind',
    sort: { sortBy: 'createdAt', direction: 'desc' },
    properties: { message: { type: 'textarea' } },
    propertyLabels: { recipientId: 'Recipient', collaborationId: 'Collaboration', createdAt: 'Sent at', readAt: 'Read at' },
    actions: {
      markRead: decisionAction(
        {
          name: 'markRead',
          icon: 'Check',
          roles: [Role.TalentManager, Role.Manager, Role.Finance, Role.Admin],
          availableWhen: (record, actor) => paramText(record, 'readAt') === undefined && paramText(record, 'recipientId') === actor.userId,
          confirm: 'Mark this notification as read?',
          perform: async (_values, { id, actor }) => {
            const notification = await deps.notifications.markRead(id, actor);
            if (!notification) throw new Error('This notification is not yours');
            return notification;
          },
          outcome: () => 'Marked read',
          failure: 'The notification could not be marked read',
        },
        deps.logger,
      ),
      // The top bar's badge (inbox-badge.tsx) reads this: the signed-in user's own count, no button.
      unreadCount: {
        actionType: 'resource',
        isAccessible: signedIn,
        isVisible: false,
        handler: async (_request, _response, context) => {
          const actor = actorOf(context);
          const answer: UnreadCount = { unread: actor ? await deps.notifications.unreadCount(actor.userId) : 0 };
          return answer as unknown as ActionResponse;
        },
      },
    },
    actionLabels: { markRead: 'Mark read' },
  };
}

/**
 * Deliveries of notifications over e-mail, team webhooks and the daily digest: queued, sent,
 * retrying, or failed with the server's or receiver's answer.
 */
export function deliveryPanel(): PanelResource {
  return {
    entity: Delivery,
    id: 'Delivery',
    label: 'Deliveries',
    navigation: NAVIGATION.collaborations,
    list: ['notificationId', 'channel', 'recipient', 'status', 'attempts', 'lastError', 'sentAt', 'updatedAt'],
    show: ['id', 'notificationId', 'channel', 'recipient', 'webhookId', 'status', 'attempts', 'lastError', 'messageId', 'sentAt', 'createdAt', 'updatedAt'],
    filter: ['notificationId', 'channel', 'status', 'webhookId', 'sentAt'],
    // Admins see every delivery (a failing mail server shows here); a manager those of their team's
    // notifications (a failing team webhook shows here); everyone else those of their own.
    scope: { owner: 'notification.recipientId', read: { ...OWN_ONLY, manager: 'team', admin: 'all' } },
    titleProperty: 'status',
    sort: { sortBy: 'updatedAt', direction: 'desc' },
    properties: { lastError: { type: 'textarea' } },
    propertyLabels: { notificationId: 'Notification', webhookId: 'Webhook', lastError: 'Last error', messageId: 'Message-ID / event id', sentAt: 'Sent at', updatedAt: 'Last try at' },
  };
}

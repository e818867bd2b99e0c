import { Notification } from '../../../libs/domain/entities';
import { NAVIGATION, type PanelResource } from '../back-office/resource-spec';

/** Reminders and escalation notices the workflows wrote (read-only). */
export function notificationPanel(): PanelResource {
  return {
    entity: Notification,
    id: 'Notification',
    label: 'Notifications',
    navigation: NAVIGATION.collaborations,
    list: ['kind', 'recipientId', 'message', 'createdAt', 'readAt'],
    show: ['id', 'kind', 'recipientId', 'collaborationId', 'message', 'createdAt', 'readAt'],
    filter: ['kind', 'recipientId', 'collaborationId', 'createdAt', 'readAt'],
    titleProperty: 'kind',
    sort: { sortBy: 'createdAt', direction: 'desc' },
    properties: { message: { type: 'textarea' } },
    propertyLabels: { recipientId: 'Recipient', collaborationId: 'Collaboration', createdAt: 'Sent at', readAt: 'Read at' },
  };
}

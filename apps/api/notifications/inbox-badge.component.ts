import type { PanelComponent } from '../back-office/components';

/**
 * The unread count of the signed-in user's inbox, in the panel's top bar: inbox-badge.tsx,
 * in place of AdminJS's version line (empty here), reading the Notification resource's
 * `unreadCount` action. Plain data, like back-office/components/index.ts.
 */
export const INBOX_BADGE_COMPONENT = 'CreatorOpsInboxBadge';

export const INBOX_BADGE: PanelComponent = { name: INBOX_BADGE_COMPONENT, source: 'apps/api/notifications/inbox-badge.tsx', overrides: ['Version'] };

/** What the `unreadCount` action answers. */
export interface UnreadCount {
  unread: number;
}

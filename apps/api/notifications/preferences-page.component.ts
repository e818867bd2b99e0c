import type { PanelComponent } from '../back-office/components';
import type { NotificationPreferences } from '../../../libs/domain/rules/notification-preferences';

/** "Notification preferences" under Pages: the signed-in user's own, as GET/PUT /me/notification-preferences. */
export const PREFERENCES_PAGE = 'notificationPreferences';
export const PREFERENCES_PAGE_COMPONENT = 'CreatorOpsNotificationPreferences';
export const PREFERENCES_PAGE_VIEW: PanelComponent = { name: PREFERENCES_PAGE_COMPONENT, source: 'apps/api/notifications/preferences-page.tsx' };

export interface PreferencesPageData {
  preferences: NotificationPreferences | null;
  /** Category → label, in the order shown. */
  categories: Array<{ value: string; label: string }>;
  cadences: Array<{ value: string; label: string }>;
  saved?: boolean;
  error?: string;
}

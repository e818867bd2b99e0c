import {
  EmailCadence,
  NOTIFICATION_CATEGORIES,
  NOTIFICATION_CATEGORY_LABELS,
  type NotificationCategory,
} from '../../../libs/domain/rules/notification-preferences';
import { refusalOf, type PanelPage } from '../back-office/pages';
import type { NotificationPreferencesService } from './notification-preferences.service';
import { PREFERENCES_PAGE, PREFERENCES_PAGE_COMPONENT, type PreferencesPageData } from './preferences-page.component';

export interface PreferencesPageDependencies {
  notificationPreferences: Pick<NotificationPreferencesService, 'get' | 'update'>;
}

const CATEGORIES = NOTIFICATION_CATEGORIES.map((value) => ({ value, label: NOTIFICATION_CATEGORY_LABELS[value] }));
const CADENCES = [
  { value: EmailCadence.Immediately, label: 'One e-mail per notification, as it happens' },
  { value: EmailCadence.DailyDigest, label: 'One daily digest e-mail (07:00 UTC)' },
];

/**
 * The form's fields as a change: `email.<category>` = "true"/"false", `emailCadence`. Anything
 * else is refused by the service with its reason, as over REST.
 */
export function preferencesChange(fields: Readonly<Record<string, string>>): Record<string, unknown> {
  const change: Record<string, unknown> = {};
  const email: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) {
    if (key.startsWith('email.')) email[key.slice('email.'.length)] = value === 'true' ? true : value === 'false' ? false : value;
    else change[key] = value;
  }
  if (Object.keys(email).length > 0) change.email = email as Partial<Record<NotificationCategory, boolean>>;
  return change;
}

/** Everyone's own preferences: which kinds are e-mailed, and one by one or as the daily digest. */
export function preferencesPage(deps: PreferencesPageDependencies): PanelPage {
  const base = { categories: CATEGORIES, cadences: CADENCES };
  return {
    name: PREFERENCES_PAGE,
    label: 'Notification preferences',
    component: PREFERENCES_PAGE_COMPONENT,
    icon: 'Bell',
    async load(_query, viewer) {
      const data: PreferencesPageData = { ...base, preferences: await deps.notificationPreferences.get(viewer) };
      return { data };
    },
    async act(fields, viewer) {
      try {
        const preferences = await deps.notificationPreferences.update(viewer, preferencesChange(fields));
        const data: PreferencesPageData = { ...base, preferences, saved: true };
        return { data };
      } catch (error) {
        const refusal = refusalOf(error);
        if (!refusal) throw error;
        const data: PreferencesPageData = { ...base, preferences: await deps.notificationPreferences.get(viewer), error: refusal.message };
        return { status: refusal.status, data };
      }
    },
  };
}

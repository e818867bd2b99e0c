/**
 * Which notifications a user receives by e-mail, and whether as single messages or one daily
 * digest (docs/notifications.md#preferences). The in-panel inbox always receives everything;
 * webhooks are per team, not per user.
 */
export enum NotificationCategory {
  /** A wait is running out: brief, contract, drafts, licence ends, missing numbers. */
  Reminders = 'reminders',
  /** An escalation raised to the user. */
  Escalations = 'escalations',
  /** Creator-satisfaction ratings requested or due. */
  Ratings = 'ratings',
  /** Underperformer flags. */
  Performance = 'performance',
}

export const NOTIFICATION_CATEGORIES: readonly NotificationCategory[] = Object.values(NotificationCategory);

export const NOTIFICATION_CATEGORY_LABELS: Record<NotificationCategory, string> = {
  [NotificationCategory.Reminders]: 'Reminders before a deadline',
  [NotificationCategory.Escalations]: 'Escalations',
  [NotificationCategory.Ratings]: 'Creator-satisfaction ratings',
  [NotificationCategory.Performance]: 'Underperformer flags',
};

/** The category of a notification kind; a kind nobody classified yet counts as a reminder, so it is still e-mailed by default. */
export function notificationCategory(kind: string): NotificationCategory {
  if (kind.startsWith('escalation.')) return NotificationCategory.Escalations;
  if (kind.startsWith('SATISFACTION_')) return NotificationCategory.Ratings;
  if (kind.startsWith('UNDERPERFORMER_')) return NotificationCategory.Performance;
  return NotificationCategory.Reminders;
}

export enum EmailCadence {
  /** One e-mail per notification, as it happens. */
  Immediately = 'immediately',
  /** One e-mail a day listing the day's notifications (the daily digest Schedule). */
  DailyDigest = 'daily_digest',
}

export interface NotificationPreferences {
  /** Per category: e-mailed (true) or inbox only (false). */
  email: Record<NotificationCategory, boolean>;
  emailCadence: EmailCadence;
}

/** As stored on the user: only what the user changed (older rows: nothing). */
export interface StoredNotificationPreferences {
  email?: Partial<Record<NotificationCategory, boolean>>;
  emailCadence?: EmailCadence;
}

export const DEFAULT_NOTIFICATION_PREFERENCES: NotificationPreferences = {
  email: { reminders: true, escalations: true, ratings: true, performance: true },
  emailCadence: EmailCadence.Immediately,
};

/** A stored value (possibly partial, or from an older shape) completed with the defaults. */
export function effectivePreferences(stored: unknown): NotificationPreferences {
  const value = (stored && typeof stored === 'object' ? stored : {}) as Partial<NotificationPreferences>;
  const email = { ...DEFAULT_NOTIFICATION_PREFERENCES.email };
  for (const category of NOTIFICATION_CATEGORIES) {
    const given = (value.email as Record<string, unknown> | undefined)?.[category];
    if (typeof given === 'boolean') email[category] = given;
  }
  const cadence = Object.values(EmailCadence).includes(value.emailCadence as EmailCadence) ? (value.emailCadence as EmailCadence) : DEFAULT_NOTIFICATION_PREFERENCES.emailCadence;
  return { email, emailCadence: cadence };
}

/** How a notification of this kind reaches the user by e-mail: now, in the digest, or not at all. */
export function emailRoute(preferences: NotificationPreferences, kind: string): 'single' | 'digest' | 'none' {
  if (!preferences.email[notificationCategory(kind)]) return 'none';
  return preferences.emailCadence === EmailCadence.DailyDigest ? 'digest' : 'single';
}

/** Why a requested change cannot be saved, or null: known categories with true/false, a known cadence. */
export function preferencesProblem(input: unknown): string | null {
  if (!input || typeof input !== 'object' || Array.isArray(input)) return 'The preferences must be an object with "email" and/or "emailCadence"';
  const { email, emailCadence, ...rest } = input as Record<string, unknown>;
  const unknownKeys = Object.keys(rest);
  if (unknownKeys.length) return `Unknown field(s): ${unknownKeys.join(', ')} (expected email, emailCadence)`;
  if (email !== undefined) {
    if (!email || typeof email !== 'object' || Array.isArray(email)) return `"email" must map categories (${NOTIFICATION_CATEGORIES.join(', ')}) to true or false`;
    for (const [category, on] of Object.entries(email)) {
      if (!(NOTIFICATION_CATEGORIES as readonly string[]).includes(category)) return `Unknown category "${category}" (expected ${NOTIFICATION_CATEGORIES.join(', ')})`;
      if (typeof on !== 'boolean') return `"email.${category}" must be true or false`;
    }
  }
  if (emailCadence !== undefined && !Object.values(EmailCadence).includes(emailCadence as EmailCadence)) {
    return `"emailCadence" must be ${Object.values(EmailCadence).join(' or ')}`;
  }
  return null;
}

/** The stored preferences with a validated change applied (fields not given are kept). */
export function applyPreferences(current: NotificationPreferences, change: { email?: Partial<Record<NotificationCategory, boolean>>; emailCadence?: EmailCadence }): NotificationPreferences {
  return { email: { ...current.email, ...(change.email ?? {}) }, emailCadence: change.emailCadence ?? current.emailCadence };
}

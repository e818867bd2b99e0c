/**
 * One way the panel writes dates and times, on every page and list: the locale and time zone the
 * deployment configures (PANEL_LOCALE, PANEL_TIME_ZONE; libs/config), passed to the browser as
 * AdminJS's `env` (apps/api/back-office/components/date-settings.ts reads them there).
 */

export interface DateSettings {
  /** A BCP 47 locale ("en-GB", "en-IN", "de-DE"): the order and spelling of dates. */
  locale: string;
  /** An IANA time zone ("UTC", "Asia/Kolkata"): the clock times are shown in. */
  timeZone: string;
}

export const DEFAULT_DATE_SETTINGS: DateSettings = { locale: 'en-GB', timeZone: 'UTC' };

/** The names under which the settings reach the browser (AdminJS `env`). */
export const DATE_ENV = { locale: 'PANEL_LOCALE', timeZone: 'PANEL_TIME_ZONE' } as const;

/** A calendar date ("2026-11-30", a `date` column) has no time zone: shown as written. */
const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * A date (`kind` 'date': day, month, year) or a moment ('datetime': also hours and minutes, in
 * the configured time zone, with its name so nobody guesses). Empty for no value; the raw text
 * for what is not a date, so nothing is hidden.
 */
export function formatWhen(value: unknown, kind: 'date' | 'datetime', settings: DateSettings = DEFAULT_DATE_SETTINGS): string {
  if (value === null || value === undefined || value === '') return '';
  const text = value instanceof Date ? value.toISOString() : String(value);
  const dateOnly = DATE_ONLY.exec(text);
  const moment = dateOnly ? new Date(Date.UTC(Number(dateOnly[1]), Number(dateOnly[2]) - 1, Number(dateOnly[3]))) : new Date(text);
  if (Number.isNaN(moment.getTime())) return text;
  if (kind === 'date' || dateOnly) {
    // A calendar date is its own day everywhere; a moment shown as a date is its day in the zone.
    const timeZone = dateOnly ? 'UTC' : settings.timeZone;
    return new Intl.DateTimeFormat(settings.locale, { day: 'numeric', month: 'short', year: 'numeric', timeZone }).format(moment);
  }
  return new Intl.DateTimeFormat(settings.locale, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: settings.timeZone,
    timeZoneName: 'short',
  }).format(moment);
}

/** Whether the settings are ones Intl accepts: checked at start-up, so a typo fails there. */
export function dateSettingsProblem(settings: DateSettings): string | null {
  let supported: string[] = [];
  try {
    supported = Intl.DateTimeFormat.supportedLocalesOf([settings.locale]);
  } catch {
    // Not even a well-formed tag ("en_GB").
  }
  // A well-formed tag nobody supports ("xx-YY") would fall back silently to another locale.
  if (supported.length === 0) return `PANEL_LOCALE "${settings.locale}" is not a supported locale (e.g. en-GB, en-IN, de-DE)`;
  try {
    new Intl.DateTimeFormat('en', { timeZone: settings.timeZone });
  } catch {
    return `PANEL_TIME_ZONE "${settings.timeZone}" is not a time zone (e.g. UTC, Asia/Kolkata)`;
  }
  return null;
}

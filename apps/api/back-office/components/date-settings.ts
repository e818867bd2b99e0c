import { DATE_ENV, DEFAULT_DATE_SETTINGS, type DateSettings } from '../../../../libs/domain/rules/date-format';

/** The panel's date settings in the browser: AdminJS's `env` (mount.ts), else the defaults. */
export function panelDateSettings(): DateSettings {
  const env = (globalThis as { AdminJS?: { env?: Record<string, string> } }).AdminJS?.env ?? {};
  return { locale: env[DATE_ENV.locale] || DEFAULT_DATE_SETTINGS.locale, timeZone: env[DATE_ENV.timeZone] || DEFAULT_DATE_SETTINGS.timeZone };
}

import { deadlineText } from '../../libs/domain/rules/deadline-names';
import { dateSettingsProblem, formatWhen } from '../../libs/domain/rules/date-format';
import { loadConfig } from '../../libs/config/config';

describe('formatWhen: one date format for the panel', () => {
  const gb = { locale: 'en-GB', timeZone: 'UTC' };

  test('a moment in the configured locale and time zone, with the zone named', () => {
    expect(formatWhen('2026-11-30T03:34:23.000Z', 'datetime', gb)).toBe('30 Nov 2026, 03:34 UTC');
    // 03:34 UTC is 09:04 in Kolkata (UTC+5:30), the same instant.
    expect(formatWhen('2026-11-30T03:34:23.000Z', 'datetime', { locale: 'en-GB', timeZone: 'Asia/Kolkata' })).toMatch(/^30 Nov 2026, 09:04 (IST|GMT\+5:30)$/);
    expect(formatWhen(new Date('2026-01-02T23:59:00Z'), 'datetime', { locale: 'en-US', timeZone: 'UTC' })).toBe('Jan 2, 2026, 11:59 PM UTC');
  });

  test('a calendar date is its own day in every time zone', () => {
    expect(formatWhen('2026-11-30', 'date', gb)).toBe('30 Nov 2026');
    // Written as a date, it is never shifted to the day before west of UTC.
    expect(formatWhen('2026-11-30', 'datetime', { locale: 'en-GB', timeZone: 'America/Los_Angeles' })).toBe('30 Nov 2026');
    // A moment shown as a date is its day where the reader is: 23:30 UTC is the next day in Kolkata.
    expect(formatWhen('2026-11-30T23:30:00Z', 'date', { locale: 'en-GB', timeZone: 'Asia/Kolkata' })).toBe('1 Dec 2026');
  });

  test('nothing for no value; the raw text for what is not a date', () => {
    expect(formatWhen(null, 'datetime', gb)).toBe('');
    expect(formatWhen('', 'date', gb)).toBe('');
    expect(formatWhen('soon', 'datetime', gb)).toBe('soon');
  });

  test('the settings are checked at start-up', () => {
    expect(dateSettingsProblem(gb)).toBeNull();
    expect(dateSettingsProblem({ locale: 'en_GB', timeZone: 'UTC' })).toMatch(/PANEL_LOCALE "en_GB"/);
    expect(dateSettingsProblem({ locale: 'en-GB', timeZone: 'Mars/Olympus' })).toMatch(/PANEL_TIME_ZONE "Mars\/Olympus"/);
    expect(() => loadConfig({ NODE_ENV: 'test', PANEL_TIME_ZONE: 'Nowhere' })).toThrow(/PANEL_TIME_ZONE/);
    expect(loadConfig({ NODE_ENV: 'test', PANEL_LOCALE: 'en-IN', PANEL_TIME_ZONE: 'Asia/Kolkata' }).panelDates).toEqual({ locale: 'en-IN', timeZone: 'Asia/Kolkata' });
    expect(loadConfig({ NODE_ENV: 'test' }).panelDates).toEqual(gb);
  });
});

describe('deadlineText: a deadline in words', () => {
  test('fixed and per-deliverable names, and a readable fallback', () => {
    expect(deadlineText('briefAckEscalation')).toBe('Brief acknowledgement due');
    expect(deadlineText('draftDue:6f1c0a52-0000-4000-8000-000000000001')).toBe('Draft due');
    expect(deadlineText('postBy:6f1c0a52-0000-4000-8000-000000000001')).toBe('Goes live by');
    expect(deadlineText('licenceEnds')).toBe('Licence ends');
  });
});

/**
 * Reporting periods: a calendar month or quarter (UTC), or a custom range of days. Dates are
 * YYYY-MM-DD; `end` is exclusive, so a month is [1st, 1st of the next month).
 */

export type PeriodKind = 'month' | 'quarter' | 'custom';

export interface Period {
  kind: PeriodKind;
  /** First day, inclusive. */
  start: string;
  /** The day after the last day (exclusive). */
  end: string;
  /** The last day, inclusive (for people and for the provisional rule). */
  lastDay: string;
  /** The period just before, of the same length (the previous month or quarter). */
  previous: { start: string; end: string };
  /** "2026-11", "2026-Q4" or "2026-11-03 – 2026-11-20". */
  label: string;
}

const DAY = 86_400_000;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

const toDate = (iso: string): Date => new Date(`${iso}T00:00:00Z`);
const toIso = (date: Date): string => date.toISOString().slice(0, 10);
const addMonths = (iso: string, months: number): string => {
  const d = toDate(iso);
  return toIso(new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1)));
};
const addDays = (iso: string, days: number): string => toIso(new Date(toDate(iso).getTime() + days * DAY));

export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string' || !ISO_DATE.test(value)) return false;
  // "2027-13-01" matches the pattern but is no date: an invalid Date would throw in toIso.
  const date = toDate(value);
  return !Number.isNaN(date.getTime()) && toIso(date) === value;
}

/** The month or quarter starting on `start`, or why it cannot be one. */
export function calendarPeriod(kind: 'month' | 'quarter', start: string): Period | string {
  if (!isIsoDate(start)) return `start must be a date (YYYY-MM-DD), the first day of the ${kind}`;
  const d = toDate(start);
  if (d.getUTCDate() !== 1) return `start must be the first day of a ${kind}`;
  if (kind === 'quarter' && d.getUTCMonth() % 3 !== 0) return 'start must be the first day of a quarter (January, April, July or October)';
  const months = kind === 'month' ? 1 : 3;
  const end = addMonths(start, months);
  const label = kind === 'month' ? start.slice(0, 7) : `${start.slice(0, 4)}-Q${d.getUTCMonth() / 3 + 1}`;
  return { kind, start, end, lastDay: addDays(end, -1), previous: { start: addMonths(start, -months), end: start }, label };
}

/** Days `from` to `to`, both inclusive, at most `maxDays` long; the previous period is as many days just before. */
export function customPeriod(from: string, to: string, maxDays = 731): Period | string {
  if (!isIsoDate(from) || !isIsoDate(to)) return 'from and to must be dates (YYYY-MM-DD)';
  if (to < from) return 'to must not be before from';
  const days = Math.round((toDate(to).getTime() - toDate(from).getTime()) / DAY) + 1;
  if (days > maxDays) return `a custom period may cover at most ${maxDays} days`;
  const end = addDays(to, 1);
  return { kind: 'custom', start: from, end, lastDay: to, previous: { start: addDays(from, -days), end: from }, label: `${from} – ${to}` };
}

/** The calendar month or quarter that contains `date`. */
export function periodContaining(kind: 'month' | 'quarter', date: Date): Period {
  const month = kind === 'month' ? date.getUTCMonth() : date.getUTCMonth() - (date.getUTCMonth() % 3);
  return calendarPeriod(kind, toIso(new Date(Date.UTC(date.getUTCFullYear(), month, 1)))) as Period;
}

/** The first day of each month from `start` (inclusive) to `end` (exclusive): the months a trend shows. */
export function monthsBetween(start: string, end: string): string[] {
  const months: string[] = [];
  for (let month = `${start.slice(0, 7)}-01`; month < end; month = addMonths(month, 1)) months.push(month);
  return months;
}

/** The `count` months or quarters up to and including the one that contains `now`, newest first (what a period picker offers). */
export function recentPeriods(kind: 'month' | 'quarter', now: Date, count: number): Period[] {
  const periods: Period[] = [periodContaining(kind, now)];
  while (periods.length < count) periods.push(calendarPeriod(kind, periods[periods.length - 1].previous.start) as Period);
  return periods;
}

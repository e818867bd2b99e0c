import { calendarPeriod, customPeriod, monthsBetween, periodContaining, recentPeriods, type Period } from '../../libs/domain/rules/periods';

describe('reporting periods', () => {
  it('makes a month with its previous month', () => {
    expect(calendarPeriod('month', '2026-03-01')).toEqual({
      kind: 'month', start: '2026-03-01', end: '2026-04-01', lastDay: '2026-03-31', previous: { start: '2026-02-01', end: '2026-03-01' }, label: '2026-03',
    });
    expect((calendarPeriod('month', '2026-01-01') as Period).previous).toEqual({ start: '2025-12-01', end: '2026-01-01' });
  });

  it('makes a quarter with its previous quarter', () => {
    expect(calendarPeriod('quarter', '2026-10-01')).toEqual({
      kind: 'quarter', start: '2026-10-01', end: '2027-01-01', lastDay: '2026-12-31', previous: { start: '2026-07-01', end: '2026-10-01' }, label: '2026-Q4',
    });
  });

  it('refuses a start that is not the first day of the period', () => {
    expect(calendarPeriod('month', '2026-03-02')).toBe('start must be the first day of a month');
    expect(calendarPeriod('quarter', '2026-02-01')).toBe('start must be the first day of a quarter (January, April, July or October)');
    expect(calendarPeriod('month', '2026-02-30')).toMatch(/must be a date/);
  });

  it('makes a custom range with an equally long previous range', () => {
    expect(customPeriod('2026-11-03', '2026-11-20')).toEqual({
      kind: 'custom', start: '2026-11-03', end: '2026-11-21', lastDay: '2026-11-20', previous: { start: '2026-10-16', end: '2026-11-03' }, label: '2026-11-03 – 2026-11-20',
    });
    expect(customPeriod('2026-11-20', '2026-11-03')).toBe('to must not be before from');
    expect(customPeriod('2024-01-01', '2026-12-31')).toBe('a custom period may cover at most 731 days');
  });

  it('finds the period that contains a day, and the months of a range', () => {
    expect(periodContaining('quarter', new Date('2026-11-29T20:00:00Z')).start).toBe('2026-10-01');
    expect(periodContaining('month', new Date('2026-11-29T20:00:00Z')).label).toBe('2026-11');
    expect(monthsBetween('2026-10-15', '2027-01-01')).toEqual(['2026-10-01', '2026-11-01', '2026-12-01']);
  });

  it('offers the last months and quarters up to the current one, newest first', () => {
    const now = new Date('2026-11-29T22:00:00Z');
    const months = recentPeriods('month', now, 18);
    expect(months).toHaveLength(18);
    expect(months[0].label).toBe('2026-11');
    expect(months[1].start).toBe('2026-10-01');
    expect(months[17].label).toBe('2025-06');
    expect(recentPeriods('quarter', now, 6).map((p) => p.label)).toEqual(['2026-Q4', '2026-Q3', '2026-Q2', '2026-Q1', '2025-Q4', '2025-Q3']);
    expect(recentPeriods('quarter', new Date('2027-01-01T00:00:00Z'), 2).map((p) => p.start)).toEqual(['2027-01-01', '2026-10-01']);
  });
});

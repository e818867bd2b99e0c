import { formatAmount, formatCount, formatGrowth, formatKpiFigure, formatRatio, formatShare, NOT_MEASURABLE } from '../../libs/domain/rules/figure-format';

describe('figures as the insight pages show them', () => {
  it('shows a share as a percentage, rounded, never "-0"', () => {
    expect(formatShare(0.5)).toBe('50 %');
    expect(formatShare(0.63)).toBe('63 %');
    expect(formatShare(1 / 3)).toBe('33 %');
    expect(formatShare(0.5 / 0.9)).toBe('56 %');
    expect(formatShare(0.05, 1)).toBe('5.0 %');
    expect(formatShare(0.03, 1)).toBe('3.0 %');
    expect(formatShare(0.575, 1)).toBe('57.5 %');
    expect(formatShare(0)).toBe('0 %');
    expect(formatShare(-0.0001)).toBe('0 %');
    expect(formatShare(1.5)).toBe('150 %');
  });

  it('signs a change', () => {
    expect(formatGrowth(0.575)).toBe('+57.5 %');
    expect(formatGrowth(0.125)).toBe('+12.5 %');
    expect(formatGrowth(-0.55)).toBe('-55.0 %');
    expect(formatGrowth(0)).toBe('0.0 %');
    expect(formatGrowth(-1, 0)).toBe('-100 %');
  });

  it('shows ratios and counts', () => {
    expect(formatRatio(0.45)).toBe('0.45');
    expect(formatRatio(2.5)).toBe('2.50');
    expect(formatRatio(2 / 3)).toBe('0.67');
    expect(formatCount(20000)).toBe('20,000');
    expect(formatCount(0)).toBe('0');
  });

  it('shows what is not measurable as "—", never as zero', () => {
    for (const text of [formatShare(null), formatGrowth(null), formatRatio(null), formatCount(null), formatAmount(null, 'INR'), formatShare(Number.NaN), formatAmount(100, null)]) {
      expect(text).toBe(NOT_MEASURABLE);
    }
  });

  it('shows each KPI in its unit, money with formatMoney', () => {
    expect(formatKpiFigure('share', 0.5, null)).toBe('50 %');
    expect(formatKpiFigure('money', 630_000, 'INR')).toBe('INR 6,300.00');
    expect(formatKpiFigure('money', 1_000_000, 'INR')).toBe('INR 10,000.00');
    expect(formatKpiFigure('growth', 0.575, 'INR')).toBe('+57.5 %');
    expect(formatKpiFigure('rating', 4, null)).toBe('4.0 of 5');
    expect(formatKpiFigure('per_collaboration', 2 / 3, null)).toBe('0.67 per collaboration');
    expect(formatKpiFigure('per_deliverable', 0.5, null)).toBe('0.50 per deliverable');
    expect(formatKpiFigure('rating', null, null)).toBe(NOT_MEASURABLE);
  });
});

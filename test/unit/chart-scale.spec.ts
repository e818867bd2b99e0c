import { monthLabel, scale, tickDecimals, valueAxis } from '../../apps/api/back-office/components/chart-scale';

describe('chart axes', () => {
  it('covers the values and zero with round ticks', () => {
    expect(valueAxis([450_000, 400_000, null])).toEqual({ min: 0, max: 500_000, step: 100_000, ticks: [0, 100_000, 200_000, 300_000, 400_000, 500_000] });
    expect(valueAxis([0.05]).ticks).toEqual([0, 0.01, 0.02, 0.03, 0.04, 0.05]);
    expect(valueAxis([0.5, 0.45]).ticks).toEqual([0, 0.1, 0.2, 0.3, 0.4, 0.5]);
    expect(valueAxis([0.03, 0.07]).ticks).toEqual([0, 0.02, 0.04, 0.06, 0.08]);
  });

  it('reaches below zero for a negative value', () => {
    const axis = valueAxis([-0.55, 0.125]);
    expect(axis.min).toBeLessThanOrEqual(-0.55);
    expect(axis.max).toBeGreaterThanOrEqual(0.125);
    expect(axis.ticks).toContain(0);
  });

  it('draws 0 to 1 when nothing is measurable, and honours a floor for the top', () => {
    expect(valueAxis([]).ticks).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(valueAxis([null, null, 0]).max).toBe(1);
    expect(valueAxis([0, 0.63], 6, 1.5).ticks).toEqual([0, 0.25, 0.5, 0.75, 1, 1.25, 1.5]);
  });

  it('maps values to pixels, clamped to the axis, upside down for SVG', () => {
    const y = scale({ min: 0, max: 100 }, 200, 0);
    expect(y(0)).toBe(200);
    expect(y(100)).toBe(0);
    expect(y(25)).toBe(150);
    expect(y(150)).toBe(0);
  });

  it('labels months', () => {
    expect(monthLabel('2026-10-01')).toBe("Oct '26");
    expect(monthLabel('2025-01-01')).toBe("Jan '25");
    expect(monthLabel('later')).toBe('later');
  });

  it('gives tick labels the decimals their step needs, no more', () => {
    expect(tickDecimals(0.025, 100)).toBe(1);
    expect(tickDecimals(0.1, 100)).toBe(0);
    expect(tickDecimals(0.01, 100)).toBe(0);
    expect(tickDecimals(0.002, 100)).toBe(1);
    expect(tickDecimals(0.25)).toBe(2);
    expect(tickDecimals(100_000)).toBe(0);
  });
});

import { isBelowFloor, marginBps, marginExceptionMinor, withinApprovalLimit } from '../../libs/domain/rules/margin';

describe('margin', () => {
  it('is (brand price − creator fee) / brand price, in basis points', () => {
    expect(marginBps(100_000, 75_000)).toBe(2_500);
    expect(marginBps(300_000, 240_001)).toBe(1_999);
  });

  it('is below the default 20 % floor at 19.99 % and not at exactly 20 %', () => {
    expect(isBelowFloor(1_999)).toBe(true);
    expect(isBelowFloor(2_000)).toBe(false);
  });

  it('refuses a zero brand price or fractional minor units', () => {
    expect(() => marginBps(0, 0)).toThrow(/brand price/);
    expect(() => marginBps(100.5, 10)).toThrow(/brand price/);
  });
});

describe('approval limits', () => {
  it('sizes a margin exception as the margin given up below the floor, rounded up, and zero above it', () => {
    // Floor 20 % of 1,00,000 = 20,000; the deal keeps 10,000: 10,000 below.
    expect(marginExceptionMinor(10_000_000, 9_000_000, 2_000)).toBe(1_000_000);
    expect(marginExceptionMinor(10_000_000, 8_000_000, 2_000)).toBe(0);
    expect(marginExceptionMinor(10_000_000, 7_000_000, 2_000)).toBe(0);
    // 20 % of 333 minor units is 66.6: the floor margin rounds up to 67; the deal keeps 33.
    expect(marginExceptionMinor(333, 300, 2_000)).toBe(34);
    expect(() => marginExceptionMinor(0, 1, 2_000)).toThrow(/brand price/);
  });

  it('covers an exception within the limit in the same currency; no limit covers any, another currency none', () => {
    const exception = { amountMinor: 1_000_000, currency: 'INR' };
    expect(withinApprovalLimit(exception, { amountMinor: 1_000_000, currency: 'INR' })).toBe(true);
    expect(withinApprovalLimit(exception, { amountMinor: 999_999, currency: 'INR' })).toBe(false);
    expect(withinApprovalLimit(exception, { amountMinor: null, currency: null })).toBe(true);
    expect(withinApprovalLimit(exception, { amountMinor: 50_000_000, currency: 'USD' })).toBe(false);
  });
});

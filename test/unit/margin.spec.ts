import { isBelowFloor, marginBps } from '../../libs/domain/rules/margin';

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

import { feeWithinPriceProblem, minorAmountProblem } from '../../libs/domain/rules/money';

describe('amounts the API and the panel accept', () => {
  it('takes whole minor units from the minimum up to 2^53 − 1', () => {
    expect(minorAmountProblem(0, 'budgetMinor')).toBeNull();
    expect(minorAmountProblem(Number.MAX_SAFE_INTEGER, 'budgetMinor')).toBeNull();
    expect(minorAmountProblem(1, 'brandPriceMinor', 1)).toBeNull();
  });

  it('refuses what would be stored wrong or is not an amount', () => {
    expect(minorAmountProblem(Number.MAX_SAFE_INTEGER + 1, 'budgetMinor')).toBe('budgetMinor must be at most 9007199254740991 minor units');
    expect(minorAmountProblem(1e20, 'budgetMinor')).toBe('budgetMinor must be at most 9007199254740991 minor units');
    expect(minorAmountProblem(-1, 'budgetMinor')).toBe('budgetMinor must be at least 0');
    expect(minorAmountProblem(0, 'brandPriceMinor', 1)).toBe('brandPriceMinor must be at least 1');
    for (const value of [10.5, '100', null, undefined, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(minorAmountProblem(value, 'budgetMinor')).toBe('budgetMinor must be a whole number of minor units (paise, cents)');
    }
  });

  it('refuses a fee above the price, and says nothing when either is missing', () => {
    expect(feeWithinPriceProblem(1000, 1000)).toBeNull();
    expect(feeWithinPriceProblem(1000, 1001)).toBe('creatorFeeMinor (1001) must not exceed brandPriceMinor (1000)');
    expect(feeWithinPriceProblem(undefined, 1001)).toBeNull();
    expect(feeWithinPriceProblem(1000, null)).toBeNull();
  });
});

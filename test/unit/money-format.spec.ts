import { formatMoney, formatMoneyTick, minorUnitDigits } from '../../libs/domain/rules/money-format';

describe('formatMoney: an amount in minor units, as people read it', () => {
  it('splits at the currency exponent: two digits (INR, USD), none (JPY), three (KWD)', () => {
    expect(formatMoney(1_750_000, 'INR')).toBe('INR 17,500.00');
    expect(formatMoney(50_000_00, 'INR')).toBe('INR 50,000.00');
    expect(formatMoney(199, 'USD')).toBe('USD 1.99');
    expect(formatMoney(5, 'USD')).toBe('USD 0.05');
    expect(formatMoney(1_500, 'JPY')).toBe('JPY 1,500');
    expect(formatMoney(1_234, 'KWD')).toBe('KWD 1.234');
    expect(formatMoney(5, 'KWD')).toBe('KWD 0.005');
    expect(formatMoney(1_000_050, 'KWD')).toBe('KWD 1,000.050');
  });

  it('writes zero with all its minor digits', () => {
    expect(formatMoney(0, 'INR')).toBe('INR 0.00');
    expect(formatMoney(0, 'JPY')).toBe('JPY 0');
    expect(formatMoney(0, 'KWD')).toBe('KWD 0.000');
    expect(formatMoney(-0, 'INR')).toBe('INR 0.00');
  });

  it('separates the code with a plain space, never the no-break space Intl puts there', () => {
    expect(formatMoney(1_750_000, 'INR')).not.toMatch(/[\u00a0\u202f]/);
    expect(formatMoney(1_750_000, 'INR').charAt(3)).toBe(' ');
  });

  it('is exact for large amounts, where dividing as a float would round the wrong way', () => {
    expect(formatMoney(123_456_789_012, 'INR')).toBe('INR 1,234,567,890.12');
    expect(formatMoney(123_456_789_012, 'JPY')).toBe('JPY 123,456,789,012');
    expect(formatMoney(123_456_789_012, 'KWD')).toBe('KWD 123,456,789.012');
    // 9007199254740799 / 100 as a float is 90071992547407.984375: Intl would print ".98".
    expect(formatMoney(9_007_199_254_740_799, 'USD')).toBe('USD 90,071,992,547,407.99');
    expect(formatMoney(Number.MAX_SAFE_INTEGER, 'INR')).toBe('INR 90,071,992,547,409.91');
  });

  it('puts the minus sign before the code, as Intl does in en-US', () => {
    expect(formatMoney(-500, 'INR')).toBe('-INR 5.00');
    expect(formatMoney(-5, 'INR')).toBe('-INR 0.05');
    expect(formatMoney(-1_750_000, 'INR')).toBe('-INR 17,500.00');
    expect(formatMoney(-1_500, 'JPY')).toBe('-JPY 1,500');
    expect(formatMoney(-1_234, 'KWD')).toBe('-KWD 1.234');
  });

  it('uses the ISO 4217 minor units, not the display digits Intl has for some currencies', () => {
    // Intl's maximumFractionDigits is 0 for these (CLDR), and for RSD 2 in Node 20 but 0 in Chromium 156.
    expect(formatMoney(100_000, 'IDR')).toBe('IDR 1,000.00');
    expect(formatMoney(123_456, 'HUF')).toBe('HUF 1,234.56');
    expect(formatMoney(1_234, 'IQD')).toBe('IQD 1.234');
    expect(formatMoney(1_234, 'RSD')).toBe('RSD 12.34');
    expect(formatMoney(12_345, 'CLF')).toBe('CLF 1.2345');
    expect(minorUnitDigits('JPY')).toBe(0);
    expect(minorUnitDigits('KWD')).toBe(3);
    expect(minorUnitDigits('INR')).toBe(2);
  });

  it('shows a code Intl refuses, and an amount that is not a whole number of minor units, as they are', () => {
    expect(formatMoney(1_500, 'RUPEES')).toBe('1500 RUPEES (minor units)');
    expect(formatMoney(1_500, 'IN')).toBe('1500 IN (minor units)');
    expect(formatMoney(12.5, 'INR')).toBe('12.5 INR (minor units)');
    expect(formatMoney(Number.NaN, 'INR')).toBe('NaN INR (minor units)');
    expect(formatMoney(2 ** 53, 'INR')).toBe('9007199254740992 INR (minor units)');
  });

  it('formats a well-formed code Intl has no data for with two digits, the ISO default', () => {
    expect(formatMoney(1_500, 'ABC')).toBe('ABC 15.00');
  });
});

describe('formatMoneyTick: an amount on an axis titled with its currency', () => {
  test('major units, compact', () => {
    expect(formatMoneyTick(800_000_000, 'INR')).toBe('INR 8M');
    expect(formatMoneyTick(250_000, 'INR')).toBe('INR 2.5K');
    expect(formatMoneyTick(75_000, 'INR')).toBe('INR 750');
    expect(formatMoneyTick(0, 'INR')).toBe('INR 0');
    // JPY has no minor unit: 1,500 yen is 1.5K.
    expect(formatMoneyTick(1_500, 'JPY')).toBe('JPY 1.5K');
  });
});

import { CANONICAL_AMOUNT, readCurrency, toMinorUnits } from '../../libs/domain/rules/minor-units';

const minor = (text: string, currency: string, format = CANONICAL_AMOUNT) => {
  const reading = toMinorUnits(text, currency, format);
  return reading.ok ? reading.minor : reading.problem;
};

describe('amounts to minor units', () => {
  it('scales by the currency’s ISO 4217 minor digits, without floats', () => {
    expect(minor('12.50', 'USD')).toBe(1250);
    expect(minor('12.5', 'USD')).toBe(1250);
    expect(minor('12', 'USD')).toBe(1200);
    expect(minor('0.1', 'USD')).toBe(10);
    expect(minor('1500', 'JPY')).toBe(1500);
    expect(minor('1.234', 'KWD')).toBe(1234);
    expect(minor('17500.00', 'INR')).toBe(1_750_000);
    // ISO gives IDR two minor digits (Intl's display precision says 0): money-format.ts shows it the same way.
    expect(minor('142814', 'IDR')).toBe(14_281_400);
    expect(minor('0', 'USD')).toBe(0);
    expect(minor('007.10', 'USD')).toBe(710);
    expect(minor('  3.00 ', 'USD')).toBe(300);
  });

  it('is exact where float arithmetic is not', () => {
    expect(minor('1.15', 'USD')).toBe(115); // 1.15 * 100 = 114.99999999999999
    expect(minor('9007199254740.99', 'USD')).toBe(900_719_925_474_099);
  });

  it('refuses more decimals than the currency has', () => {
    expect(minor('12.505', 'USD')).toBe('"12.505" has 3 decimals; USD has 2');
    expect(minor('12.50', 'JPY')).toBe('"12.50" has decimals, but JPY has no minor unit');
    expect(minor('12.500', 'USD')).toBe('"12.500" has 3 decimals; USD has 2');
  });

  it('accepts padded zero decimals only where the format says so', () => {
    const padded = { decimal: '.', thousands: ',', padZeros: true } as const;
    expect(minor('90.00', 'JPY', padded)).toBe(90);
    expect(minor('90.50', 'JPY', padded)).toBe('"90.50" has decimals, but JPY has no minor unit');
  });

  it('refuses negative amounts, thousands separators and non-numbers, naming the problem', () => {
    expect(minor('-5.00', 'USD')).toBe('"-5.00" is negative; amounts are never below zero');
    expect(minor('(5.00)', 'USD')).toBe('"(5.00)" is negative; amounts are never below zero');
    expect(minor('1,249.50', 'USD')).toBe('"1,249.50" contains ","; write amounts without thousands separators, with "." before the decimals');
    expect(minor('12,50', 'EUR')).toMatch(/contains ","/);
    expect(minor('twelve', 'USD')).toBe('"twelve" is not a number');
    expect(minor('1e5', 'USD')).toBe('"1e5" is not a number');
    expect(minor('$12', 'USD')).toBe('"$12" is not a number');
    expect(minor('12.', 'USD')).toBe('"12." is not a number');
    expect(minor('.5', 'USD')).toBe('".5" is not a number');
    expect(minor('1.2.3', 'USD')).toBe('"1.2.3" has more than one decimal separator "."');
    expect(minor('', 'USD')).toBe('an amount is required');
    expect(minor('1234567890123456', 'USD')).toBe('"1234567890123456" is too large');
  });

  it('reads grouped thousands where a format allows them, in groups of three only', () => {
    const grouped = { decimal: '.', thousands: ',', padZeros: false } as const;
    expect(minor('1,249.50', 'USD', grouped)).toBe(124_950);
    expect(minor('1,000,000', 'USD', grouped)).toBe(100_000_000);
    expect(minor('12,49.50', 'USD', grouped)).toBe('"12,49.50" groups its thousands wrongly');
    const dotted = { decimal: ',', thousands: '.', padZeros: true } as const;
    expect(minor('142.814', 'IDR', dotted)).toBe(14_281_400);
    expect(minor('1.250', 'USD', dotted)).toBe(125_000);
  });
});

describe('currency codes', () => {
  it('reads ISO 4217 codes in any case and refuses others', () => {
    expect(readCurrency('usd')).toEqual({ ok: true, currency: 'USD' });
    expect(readCurrency(' INR ')).toEqual({ ok: true, currency: 'INR' });
    expect(readCurrency('ABC')).toEqual({ ok: false, problem: '"ABC" is not an ISO 4217 currency code' });
    expect(readCurrency('$')).toEqual({ ok: false, problem: '"$" is not an ISO 4217 currency code' });
    expect(readCurrency('')).toEqual({ ok: false, problem: 'a currency (ISO 4217 code, e.g. USD) is required' });
  });
});

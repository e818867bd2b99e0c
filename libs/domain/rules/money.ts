/** Money is integer minor units (paise, cents) plus an ISO 4217 code: never floats. */
export interface Money {
  amountMinor: number;
  currency: string;
}

export function isCurrencyCode(value: unknown): value is string {
  return typeof value === 'string' && /^[A-Z]{3}$/.test(value);
}

export function isMinorAmount(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

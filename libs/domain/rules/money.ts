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

/**
 * Every amount the API or the panel accepts: a whole number of minor units from `min` up to the
 * largest integer JavaScript holds exactly (2^53 − 1). The bigint columns hold more, but an
 * amount past that bound has already been rounded by JSON parsing, so it would be stored wrong.
 */
export function minorAmountProblem(value: unknown, field: string, min = 0): string | null {
  if (typeof value !== 'number' || !Number.isInteger(value)) return `${field} must be a whole number of minor units (paise, cents)`;
  if (value < min) return `${field} must be at least ${min}`;
  if (!Number.isSafeInteger(value)) return `${field} must be at most ${Number.MAX_SAFE_INTEGER} minor units`;
  return null;
}

/** A fee the creator is paid out of the brand's price can never exceed that price. */
export function feeWithinPriceProblem(brandPriceMinor: number | null | undefined, creatorFeeMinor: number | null | undefined): string | null {
  if (brandPriceMinor == null || creatorFeeMinor == null) return null;
  return creatorFeeMinor > brandPriceMinor ? `creatorFeeMinor (${creatorFeeMinor}) must not exceed brandPriceMinor (${brandPriceMinor})` : null;
}

/** docs/domain.md#the-collaboration-lifecycle: below this share of the brand price, terms need a manager's approval. */
export const DEFAULT_MARGIN_FLOOR_BPS = 2_000;

/**
 * Agency margin in basis points: (brand price − creator fee) / brand price.
 * Integer basis points keep the comparison with the floor exact.
 */
export function marginBps(brandPriceMinor: number, creatorFeeMinor: number): number {
  if (!Number.isSafeInteger(brandPriceMinor) || brandPriceMinor <= 0) {
    throw new Error('brand price must be a positive amount in minor units');
  }
  if (!Number.isSafeInteger(creatorFeeMinor) || creatorFeeMinor < 0) {
    throw new Error('creator fee must be a non-negative amount in minor units');
  }
  return Math.floor(((brandPriceMinor - creatorFeeMinor) * 10_000) / brandPriceMinor);
}

export function isBelowFloor(margin: number, floorBps: number = DEFAULT_MARGIN_FLOOR_BPS): boolean {
  return margin < floorBps;
}

/**
 * The size of a margin exception, in minor units: how much margin the agency gives up below the
 * floor ((floor × brand price) − (brand price − creator fee)), rounded up. Zero at or above the
 * floor. What a manager's approval limit is compared with.
 */
export function marginExceptionMinor(brandPriceMinor: number, creatorFeeMinor: number, floorBps: number = DEFAULT_MARGIN_FLOOR_BPS): number {
  marginBps(brandPriceMinor, creatorFeeMinor);
  const floorMarginMinor = Math.ceil((brandPriceMinor * floorBps) / 10_000);
  return Math.max(0, floorMarginMinor - (brandPriceMinor - creatorFeeMinor));
}

/**
 * Whether a manager may approve an exception alone: within their limit, in the deal's currency.
 * No limit set (null): as before limits existed, any exception. A limit in another currency
 * cannot be compared, so it does not cover the exception.
 */
export function withinApprovalLimit(exception: { amountMinor: number; currency: string }, limit: { amountMinor: number | null; currency: string | null }): boolean {
  if (limit.amountMinor === null) return true;
  if (limit.currency !== exception.currency) return false;
  return exception.amountMinor <= limit.amountMinor;
}

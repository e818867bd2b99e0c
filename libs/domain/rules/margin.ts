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

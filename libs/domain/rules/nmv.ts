/**
 * Net merchandise value: what a creator's sales are worth once returns and cancellations are
 * taken off (docs/domain.md#beyond-the-lifecycle). Amounts in minor units of one currency.
 * No GMV means no NMV (null), never a zero that looks like a measured figure; a missing return
 * or cancellation amount counts as none.
 */
export function netMerchandiseValue(amounts: { gmvMinor: number | null; returnsMinor?: number | null; cancellationsMinor?: number | null }): number | null {
  if (amounts.gmvMinor === null) return null;
  return amounts.gmvMinor - (amounts.returnsMinor ?? 0) - (amounts.cancellationsMinor ?? 0);
}

import { cellOf, isCalendarDate, readCount, type CellProblem, type ColumnPositions, type HeaderSpec } from './import-rows';
import { readCurrency, toMinorUnits } from './minor-units';
import { Platform } from './statuses';

/**
 * A creator's sales on one day (docs/imports.md#creator-sales): the affiliate / shop figures a
 * KOL team's creator and team NMV come from. One row per (creator, date, brand, platform).
 */

/** `settled`: the figures are final (commission paid, or the order can no longer change); `pending`: they may still move. */
export enum SaleStatus {
  Settled = 'settled',
  Pending = 'pending',
}

export const CREATOR_SALES_COLUMNS = ['date', 'creator', 'orders', 'gmv', 'returns', 'cancellations', 'currency', 'status', 'brand'] as const;
export type CreatorSalesColumn = (typeof CREATOR_SALES_COLUMNS)[number];

export const CREATOR_SALES_HEADER: HeaderSpec<CreatorSalesColumn> = {
  known: CREATOR_SALES_COLUMNS,
  required: ['date', 'creator', 'orders', 'gmv', 'returns', 'cancellations', 'currency'],
};

const PLATFORMS = Object.values(Platform) as string[];

/**
 * Who a row is about: the creator's CreatorOps handle, or one of their channels as
 * `platform:channelHandle`. Compared case-insensitively and without a leading @, so the handle
 * here is already lower-case and bare.
 */
export interface CreatorReference {
  handle: string;
  /** The platform named before the colon; null for a CreatorOps handle. */
  platform: Platform | null;
}

/** The reference as one string, the same for every spelling of it ("tiktok:@Mia" and "TikTok:mia"): a cache key. */
export function referenceKey(reference: CreatorReference): string {
  return reference.platform ? `${reference.platform}:${reference.handle}` : reference.handle;
}

/** A bare handle: trimmed, lower-case, without a leading @. */
export function bareHandle(text: string): string {
  return text.trim().replace(/^@/, '').trim().toLowerCase();
}

export function readCreatorReference(text: string): { ok: true; reference: CreatorReference } | { ok: false; problem: string } {
  const written = text.trim();
  if (written === '') return { ok: false, problem: "the creator's handle (or platform:channelHandle) is required" };
  const colon = written.indexOf(':');
  if (colon === -1) return { ok: true, reference: { handle: bareHandle(written), platform: null } };
  const platform = written.slice(0, colon).trim().toLowerCase();
  const handle = bareHandle(written.slice(colon + 1));
  if (!PLATFORMS.includes(platform)) {
    return { ok: false, problem: `"${written.slice(0, colon)}" is not a platform; write platform:channelHandle with one of ${PLATFORMS.join(', ')}` };
  }
  if (handle === '') return { ok: false, problem: `"${written}" names no channel handle after "${platform}:"` };
  return { ok: true, reference: { handle, platform: platform as Platform } };
}

/** One canonical row, checked, with its amounts in minor units; creator and brand still as written. */
export interface CreatorSaleRow {
  date: string;
  creator: CreatorReference;
  /** A brand's name or id as written; null: no brand. */
  brand: string | null;
  orders: number;
  gmvMinor: number;
  returnsMinor: number;
  cancellationsMinor: number;
  currency: string;
  status: SaleStatus;
}

/**
 * Reads one canonical row. Every problem of the row is reported, not only the first. Dates are
 * not compared with today: plans and forecasts are imported as sales-shaped rows too, and a
 * swapped day and month fails the calendar check far more often than it lands in the future.
 */
export function readCreatorSale(cells: readonly string[], columns: ColumnPositions<CreatorSalesColumn>): { sale?: CreatorSaleRow; problems: CellProblem[] } {
  const problems: CellProblem[] = [];
  const cell = (name: CreatorSalesColumn) => cellOf(cells, columns, name);

  const date = cell('date');
  if (!isCalendarDate(date)) problems.push({ column: 'date', message: date === '' ? 'a date (YYYY-MM-DD) is required' : `"${date}" is not a date written YYYY-MM-DD` });

  const creator = readCreatorReference(cell('creator'));
  if (!creator.ok) problems.push({ column: 'creator', message: creator.problem });

  const orders = readCount(cell('orders'));
  if (!orders.ok) problems.push({ column: 'orders', message: orders.problem });

  const currency = readCurrency(cell('currency'));
  if (!currency.ok) problems.push({ column: 'currency', message: currency.problem });

  const amounts: Partial<Record<'gmv' | 'returns' | 'cancellations', number>> = {};
  for (const name of ['gmv', 'returns', 'cancellations'] as const) {
    // Without a valid currency the number of decimals cannot be checked: the currency's problem says enough.
    if (!currency.ok) continue;
    const amount = toMinorUnits(cell(name), currency.currency);
    if (amount.ok) amounts[name] = amount.minor;
    else problems.push({ column: name, message: amount.problem });
  }

  const statusText = cell('status').toLowerCase();
  const status = statusText === '' ? SaleStatus.Settled : (Object.values(SaleStatus) as string[]).includes(statusText) ? (statusText as SaleStatus) : null;
  if (!status) problems.push({ column: 'status', message: `"${cell('status')}" is not a status; use settled or pending` });

  if (problems.length > 0 || !creator.ok || !orders.ok || !currency.ok || !status) return { problems };
  return {
    problems,
    sale: {
      date,
      creator: creator.reference,
      brand: cell('brand') || null,
      orders: orders.count,
      gmvMinor: amounts.gmv!,
      returnsMinor: amounts.returns!,
      cancellationsMinor: amounts.cancellations!,
      currency: currency.currency,
      status,
    },
  };
}

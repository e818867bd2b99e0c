import { bareHandle, SaleStatus, type CreatorSaleRow } from './creator-sales';
import { isBlankRow, isCalendarDate, type CellProblem } from './import-rows';
import { readCurrency, toMinorUnits, type AmountFormat } from './minor-units';
import { Platform } from './statuses';

/**
 * The saved mapping `tiktok-shop-affiliate-orders` (docs/imports.md#tiktok-shop-affiliate-orders):
 * the seller-side TikTok Shop affiliate orders export (Seller Center → Affiliate → Affiliate
 * orders → Export), one line per SKU of an order, turned into canonical creator-sales rows,
 * one per creator and day. Formats as researched in 2026: no official column specification
 * exists, so every rule below says which observation it rests on.
 */
export const TIKTOK_SHOP_AFFILIATE_ORDERS = 'tiktok-shop-affiliate-orders';

type Field = 'orderId' | 'paymentAmount' | 'commissionBase' | 'currency' | 'fullyReturned' | 'orderStatus' | 'creatorUsername' | 'timeCreated' | 'timeCommissionPaid';

/**
 * The columns read, by their English names and the localised names seen in Thai and Vietnamese
 * exports (the header follows the account's language). Every other column of the export
 * (product, SKU, commission rates, content ids…) is ignored.
 */
export const TIKTOK_SHOP_COLUMNS: Readonly<Record<Field, readonly string[]>> = {
  orderId: ['Order ID', 'หมายเลขคำสั่งซื้อ', 'ID đơn hàng'],
  paymentAmount: ['Payment Amount'],
  commissionBase: ['Est. Commission Base'],
  currency: ['Currency'],
  fullyReturned: ['Fully returned or refunded'],
  orderStatus: ['Order Status'],
  creatorUsername: ['Creator Username'],
  timeCreated: ['Time Created'],
  timeCommissionPaid: ['Time Commission Paid'],
};

const REQUIRED: readonly Field[] = ['orderId', 'orderStatus', 'creatorUsername', 'timeCreated'];

/** Where the export's columns are, and what the file calls them (problems name the column as the file does). */
export interface TikTokHeader {
  positions: Partial<Record<Field, number>>;
  names: Partial<Record<Field, string>>;
}

const headerKey = (name: string) => name.replace(/^\ufeff/, '').trim().normalize('NFC').toLowerCase();

/** Matches header names case-insensitively and trimmed (exports write both "Product Name" and "Product name"). */
export function mapTikTokHeader(header: readonly string[]): { header: TikTokHeader; problems: CellProblem[] } {
  const positions: TikTokHeader['positions'] = {};
  const names: TikTokHeader['names'] = {};
  const problems: CellProblem[] = [];
  const byName = new Map<string, Field>();
  for (const [field, aliases] of Object.entries(TIKTOK_SHOP_COLUMNS) as [Field, readonly string[]][]) {
    for (const alias of aliases) byName.set(headerKey(alias), field);
  }
  header.forEach((raw, index) => {
    const field = byName.get(headerKey(raw));
    if (!field) return;
    if (positions[field] !== undefined) {
      problems.push({ column: raw.trim(), message: `column "${raw.trim()}" appears twice` });
      return;
    }
    positions[field] = index;
    names[field] = raw.trim();
  });
  for (const field of REQUIRED) {
    if (positions[field] === undefined) problems.push({ column: TIKTOK_SHOP_COLUMNS[field][0], message: `the export has no "${TIKTOK_SHOP_COLUMNS[field][0]}" column` });
  }
  if (positions.paymentAmount === undefined && positions.commissionBase === undefined) {
    problems.push({ column: 'Payment Amount', message: 'the export has neither a "Payment Amount" nor an "Est. Commission Base" column' });
  }
  return { header: { positions, names }, problems };
}

/**
 * How each `Order Status` value counts (research notes §3). `completed` lines are settled only
 * once TikTok has paid the commission (`Time Commission Paid` is set). Cancelled and
 * ineligible lines are final, so settled.
 */
type StatusRule =
  | { counts: 'skip' }
  | { counts: 'line'; status: SaleStatus | 'completed'; cancelled?: boolean; ineligible?: boolean; refunded?: boolean };

const STATUS_RULES: ReadonlyArray<[readonly string[], StatusRule]> = [
  [['settled'], { counts: 'line', status: SaleStatus.Settled }],
  [['completed', 'เสร็จสมบูรณ์'], { counts: 'line', status: 'completed' }],
  [['pending', 'processing', 'shipped', 'not settled', 'frozen', 'ชำระเงินแล้ว'], { counts: 'line', status: SaleStatus.Pending }],
  [['canceled', 'cancelled', 'ยกเลิกแล้ว', 'đã hủy'], { counts: 'line', status: SaleStatus.Settled, cancelled: true }],
  [['ineligible'], { counts: 'line', status: SaleStatus.Settled, ineligible: true }],
  [['refunded'], { counts: 'line', status: SaleStatus.Settled, refunded: true }],
  // Not a valid order yet: nothing was bought, so nothing counts.
  [['unpaid by customer', 'customer unpaid', 'unpaid', 'ลูกค้ายังไม่ได้ชำระเงิน'], { counts: 'skip' }],
];

const STATUS_BY_VALUE = new Map(STATUS_RULES.flatMap(([values, rule]) => values.map((value) => [value, rule] as const)));
const KNOWN_STATUSES = STATUS_RULES.flatMap(([values]) => values).filter((value) => /^[a-z ]+$/.test(value));

const YES = ['yes', 'ใช่', 'có'];
const NO = ['', 'no', 'ไม่มี', 'không'];

/**
 * Money cells are mostly bare numbers with the currency in its own column; some tools write
 * `$1,234.56`, `RM 12.00` or `Rp9.900`. Codes, symbols and spaces are stripped, then the
 * currency's separators apply, never a guess per cell: IDR and VND exports group thousands
 * with "." and have no decimals ("142.814" is Rp 142,814); every other currency writes "." for
 * decimals and may group with ",". Padded decimals ("90.00" JPY) are accepted when they are zeros.
 */
export function tiktokAmountFormat(currency: string): AmountFormat {
  return ['IDR', 'VND'].includes(currency) ? { decimal: ',', thousands: '.', padZeros: true } : { decimal: '.', thousands: ',', padZeros: true };
}

export function stripMoneyText(text: string): string {
  return text
    .replace(/[\s\u00a0\u202f]/g, '')
    .replace(/^[A-Za-z\p{Sc}]+/u, '')
    .replace(/[A-Za-z\p{Sc}]+$/u, '');
}

/**
 * `Time Created` is day first in every market seen, the US included: `30/06/2026 18:20:31`.
 * No time zone is written; the date is taken as written (the shop's local day). A spreadsheet
 * saved from the XLSX export may hold an Excel day number instead (46266.75), read too.
 */
export function readExportDate(text: string): { ok: true; date: string } | { ok: false; problem: string } {
  const written = text.trim();
  if (written === '' || written === '/') return { ok: false, problem: 'the order has no creation time' };
  const dayFirst = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?$/.exec(written);
  if (dayFirst) {
    const date = `${dayFirst[3]}-${dayFirst[2].padStart(2, '0')}-${dayFirst[1].padStart(2, '0')}`;
    if (isCalendarDate(date)) return { ok: true, date };
    return { ok: false, problem: `"${written}" is not a real date (read day first: DD/MM/YYYY)` };
  }
  const serial = /^(\d{5})(?:\.\d+)?$/.exec(written);
  if (serial && Number(serial[1]) >= 20_000 && Number(serial[1]) <= 80_000) {
    // Excel's day 0 is 1899-12-30 (its 1900 leap-year bug included).
    return { ok: true, date: new Date(Date.UTC(1899, 11, 30) + Number(serial[1]) * 86_400_000).toISOString().slice(0, 10) };
  }
  return { ok: false, problem: `"${written}" is not a time written DD/MM/YYYY HH:MM:SS` };
}

/** One order line of the export, read and classified. */
export interface TikTokOrderLine {
  /** `tiktok:<username>`, lower-case, without @. */
  creatorHandle: string;
  date: string;
  orderId: string;
  currency: string;
  /** The line's payment amount: gross, counted in the day's GMV whatever happened to it. */
  grossMinor: number;
  /** The gross amount again when the line was fully returned or refunded; else 0. */
  returnsMinor: number;
  /** The gross amount again when the line was cancelled (or ineligible without a refund); else 0. */
  cancellationsMinor: number;
  pending: boolean;
}

export type TikTokLineReading = { skip: true; problems: CellProblem[] } | { skip: false; line?: TikTokOrderLine; problems: CellProblem[] };

export interface TikTokOptions {
  /** For exports without a Currency column (the query's `currency=`). */
  defaultCurrency?: string;
}

/** Reads one export line; every problem of the line is reported with the column as the file names it. */
export function readTikTokLine(cells: readonly string[], header: TikTokHeader, options: TikTokOptions = {}): TikTokLineReading {
  const problems: CellProblem[] = [];
  const cell = (field: Field) => {
    const index = header.positions[field];
    return index === undefined ? '' : (cells[index] ?? '').trim();
  };
  const column = (field: Field) => header.names[field] ?? TIKTOK_SHOP_COLUMNS[field][0];

  const statusText = cell('orderStatus');
  const rule = STATUS_BY_VALUE.get(statusText.normalize('NFC').toLowerCase());
  if (!rule) {
    problems.push({
      column: column('orderStatus'),
      message: statusText === '' ? 'the order status is empty' : `unknown order status "${statusText}"; known: ${KNOWN_STATUSES.join(', ')}`,
    });
  } else if (rule.counts === 'skip') {
    return { skip: true, problems: [] };
  }

  const orderId = cell('orderId');
  if (orderId === '') problems.push({ column: column('orderId'), message: 'the order id is empty' });

  const username = bareHandle(cell('creatorUsername'));
  if (username === '') problems.push({ column: column('creatorUsername'), message: 'the creator username is empty' });

  const date = readExportDate(cell('timeCreated'));
  if (!date.ok) problems.push({ column: column('timeCreated'), message: date.problem });

  const currencyText = cell('currency') || options.defaultCurrency || '';
  const currency = currencyText === '' ? null : readCurrency(currencyText);
  if (!currency) problems.push({ column: column('currency'), message: 'no currency: the line has none and the import names none (add ?currency=)' });
  else if (!currency.ok) problems.push({ column: column('currency'), message: currency.problem });

  let grossMinor: number | undefined;
  if (currency?.ok) {
    // The buyer-paid amount; Est. Commission Base where an export leaves it empty.
    const field: Field = cell('paymentAmount') !== '' || header.positions.commissionBase === undefined ? 'paymentAmount' : 'commissionBase';
    const amount = toMinorUnits(stripMoneyText(cell(field)), currency.currency, tiktokAmountFormat(currency.currency));
    if (amount.ok) grossMinor = amount.minor;
    else problems.push({ column: column(field), message: amount.problem });
  }

  const returnedText = cell('fullyReturned').normalize('NFC').toLowerCase();
  const fullyReturned = YES.includes(returnedText);
  if (!fullyReturned && !NO.includes(returnedText)) {
    problems.push({ column: column('fullyReturned'), message: `"${cell('fullyReturned')}" is neither Yes nor No` });
  }

  if (problems.length > 0 || !rule || !date.ok || !currency?.ok || grossMinor === undefined) return { skip: false, problems };

  // A full return or refund counts as a return whatever the status; otherwise a cancelled
  // line, or an ineligible one (TikTok: "canceled or refunded"), is a cancellation. Never both,
  // so NMV (GMV − returns − cancellations) takes a line off once.
  const returned = fullyReturned || rule.refunded === true;
  const cancelled = !returned && (rule.cancelled === true || rule.ineligible === true);
  const pending = rule.status === SaleStatus.Pending || (rule.status === 'completed' && cell('timeCommissionPaid') === '');
  return {
    skip: false,
    problems,
    line: {
      creatorHandle: username,
      date: date.date,
      orderId,
      currency: currency.currency,
      grossMinor,
      returnsMinor: returned ? grossMinor : 0,
      cancellationsMinor: cancelled ? grossMinor : 0,
      pending,
    },
  };
}

/** A canonical row built from export lines: where its first line was, and the key it was summed under. */
export interface CreatorDayRow extends CreatorSaleRow {
  key: string;
  firstLine: number;
}

interface CreatorDay {
  row: CreatorDayRow;
  orderIds: Set<string>;
}

/**
 * Sums order lines into one canonical row per creator and day: `orders` counts distinct order
 * ids (a two-SKU order is one order), `gmv` sums the gross payment amounts, `returns` and
 * `cancellations` the amounts of returned and cancelled lines, and the day is `pending` if any
 * of its lines is. Memory grows with the creator-days and their distinct order ids, not with
 * the lines.
 */
export class CreatorDayTotals {
  private readonly days = new Map<string, CreatorDay>();

  constructor(private readonly brand: string | null = null) {}

  /**
   * Adds a line under `creatorKey` (a creator's id once resolved; the handle in a pure
   * conversion). A line in another currency than its day's is refused: amounts in two
   * currencies are never added up.
   */
  add(creatorKey: string, line: TikTokOrderLine, lineNumber: number, currencyColumn = 'Currency'): CellProblem | null {
    const key = `${creatorKey}|${line.date}`;
    let day = this.days.get(key);
    if (day && day.row.currency !== line.currency) {
      return { column: currencyColumn, message: `${line.currency}, but this creator's other lines on ${line.date} are in ${day.row.currency}` };
    }
    if (!day) {
      day = {
        orderIds: new Set(),
        row: {
          key: creatorKey,
          firstLine: lineNumber,
          date: line.date,
          creator: { platform: Platform.TikTok, handle: line.creatorHandle },
          brand: this.brand,
          orders: 0,
          gmvMinor: 0,
          returnsMinor: 0,
          cancellationsMinor: 0,
          currency: line.currency,
          status: SaleStatus.Settled,
        },
      };
      this.days.set(key, day);
    }
    day.orderIds.add(line.orderId);
    day.row.orders = day.orderIds.size;
    day.row.gmvMinor += line.grossMinor;
    day.row.returnsMinor += line.returnsMinor;
    day.row.cancellationsMinor += line.cancellationsMinor;
    if (line.pending) day.row.status = SaleStatus.Pending;
    return null;
  }

  get size(): number {
    return this.days.size;
  }

  /** The canonical rows, in the order their creator-days first appeared. */
  *rows(): IterableIterator<CreatorDayRow> {
    for (const day of this.days.values()) yield day.row;
  }
}

export interface ExportConversion {
  rows: CreatorDayRow[];
  problems: Array<CellProblem & { line: number }>;
  /** Lines that count for nothing (orders the customer never paid). */
  skipped: number;
}

/**
 * The whole conversion on records already split into cells (the header first, line n at index
 * n − 1): what the import does line by line, without the database. Creators are keyed by
 * their TikTok handle here; the import keys them by the creator they resolve to.
 */
export function convertTikTokExport(records: readonly (readonly string[])[], options: TikTokOptions & { brand?: string | null } = {}): ExportConversion {
  const [headerCells, ...lines] = records;
  const { header, problems: headerProblems } = mapTikTokHeader(headerCells ?? []);
  if (headerProblems.length > 0) return { rows: [], problems: headerProblems.map((problem) => ({ ...problem, line: 1 })), skipped: 0 };
  const totals = new CreatorDayTotals(options.brand ?? null);
  const problems: ExportConversion['problems'] = [];
  let skipped = 0;
  lines.forEach((cells, index) => {
    const lineNumber = index + 2;
    if (isBlankRow(cells)) return;
    const reading = readTikTokLine(cells, header, options);
    if (reading.skip) {
      skipped += 1;
      return;
    }
    if (!reading.line) {
      problems.push(...reading.problems.map((problem) => ({ ...problem, line: lineNumber })));
      return;
    }
    const clash = totals.add(reading.line.creatorHandle, reading.line, lineNumber, header.names.currency);
    if (clash) problems.push({ ...clash, line: lineNumber });
  });
  return { rows: [...totals.rows()], problems, skipped };
}

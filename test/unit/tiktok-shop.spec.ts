import { parse } from 'csv-parse/sync';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { convertTikTokExport, readExportDate, stripMoneyText } from '../../libs/domain/rules/tiktok-shop';

/** The constructed sample of /work/research/tiktok-shop-affiliate-export.md §5A (not a real export). */
const SAMPLE: string[][] = parse(fs.readFileSync(path.join(__dirname, '../fixtures/imports/tiktok-shop-affiliate-orders.csv'), 'utf8'), { relax_column_count: true });

/** Replaces one named column of the sample's line `line` (header = line 1). */
function withCell(records: string[][], line: number, column: string, value: string): string[][] {
  const index = records[0].indexOf(column);
  return records.map((cells, i) => (i === line - 1 ? cells.map((cell, j) => (j === index ? value : cell)) : cells));
}

describe('TikTok Shop affiliate orders → canonical creator sales', () => {
  it('sums the constructed sample per creator and day (hand-computed)', () => {
    const { rows, problems, skipped } = convertTikTokExport(SAMPLE, { brand: 'GlowLab US' });
    expect(problems).toEqual([]);
    expect(skipped).toBe(0);
    const canonical = rows.map(({ date, creator, orders, gmvMinor, returnsMinor, cancellationsMinor, currency, status, brand }) => [
      date, `${creator.platform}:${creator.handle}`, orders, gmvMinor, returnsMinor, cancellationsMinor, currency, status, brand,
    ]);
    expect(canonical).toEqual([
      // 1 settled line, commission paid.
      ['2026-09-01', 'tiktok:sunnyskin.co', 1, 2_249, 0, 0, 'USD', 'settled', 'GlowLab US'],
      // One order of two SKUs: 21.24 + 30.60 = 51.84, one order, pending.
      ['2026-09-01', 'tiktok:mia.makeup', 1, 5_184, 0, 0, 'USD', 'pending', 'GlowLab US'],
      // Canceled: gross GMV stays 24.99 and the same amount is a cancellation (NMV 0); final, so settled.
      ['2026-09-02', 'tiktok:sunnyskin.co', 1, 2_499, 0, 2_499, 'USD', 'settled', 'GlowLab US'],
      // Ineligible and fully refunded: a return of 18.00, not a cancellation.
      ['2026-09-02', 'tiktok:mia.makeup', 1, 1_800, 1_800, 0, 'USD', 'settled', 'GlowLab US'],
      // Completed without Time Commission Paid: pending; "1,249.50" read with its thousands separator.
      ['2026-09-03', 'tiktok:dailyglowwithjo', 1, 124_950, 0, 0, 'USD', 'pending', 'GlowLab US'],
    ]);
    expect(rows.map((row) => row.firstLine)).toEqual([2, 3, 5, 6, 7]);
  });

  it('settles a completed order once its commission is paid, and skips orders the customer never paid', () => {
    const paid = withCell(SAMPLE, 7, 'Time Commission Paid', '20/09/2026 02:00:00');
    expect(convertTikTokExport(paid).rows.at(-1)).toMatchObject({ status: 'settled' });
    const unpaid = withCell(SAMPLE, 2, 'Order Status', 'Unpaid by customer');
    const conversion = convertTikTokExport(unpaid);
    expect(conversion.skipped).toBe(1);
    expect(conversion.rows.find((row) => row.date === '2026-09-01' && row.creator.handle === 'sunnyskin.co')).toBeUndefined();
  });

  it('reports bad lines with their own line numbers and the columns as the export names them', () => {
    let records = withCell(SAMPLE, 3, 'Payment Amount', '-21.24');
    records = withCell(records, 5, 'Order Status', 'Lost in transit');
    records = withCell(records, 6, 'Time Created', '/');
    const { problems, rows } = convertTikTokExport(records);
    expect(problems).toEqual([
      { line: 3, column: 'Payment Amount', message: '"-21.24" is negative; amounts are never below zero' },
      { line: 5, column: 'Order Status', message: expect.stringMatching(/^unknown order status "Lost in transit"; known: settled, completed/) },
      { line: 6, column: 'Time Created', message: 'the order has no creation time' },
    ]);
    // The good line of the two-SKU order still counts (with ?partial=true it would be stored).
    expect(rows.find((row) => row.creator.handle === 'mia.makeup' && row.date === '2026-09-01')).toMatchObject({ orders: 1, gmvMinor: 3_060 });
  });

  it('takes the currency from the import when the export has no Currency column', () => {
    const index = SAMPLE[0].indexOf('Currency');
    const withoutCurrency = SAMPLE.map((cells) => cells.filter((_cell, i) => i !== index));
    expect(convertTikTokExport(withoutCurrency).problems[0]).toEqual({
      line: 2,
      column: 'Currency',
      message: 'no currency: the line has none and the import names none (add ?currency=)',
    });
    expect(convertTikTokExport(withoutCurrency, { defaultCurrency: 'USD' }).rows).toHaveLength(5);
  });

  it('refuses a day whose lines are in two currencies', () => {
    const records = withCell(SAMPLE, 4, 'Currency', 'EUR');
    expect(convertTikTokExport(records).problems).toEqual([
      { line: 4, column: 'Currency', message: "EUR, but this creator's other lines on 2026-09-01 are in USD" },
    ]);
  });

  it('names the missing columns of something that is not the export', () => {
    expect(convertTikTokExport([['date', 'creator', 'gmv']]).problems).toEqual([
      { line: 1, column: 'Order ID', message: 'the export has no "Order ID" column' },
      { line: 1, column: 'Order Status', message: 'the export has no "Order Status" column' },
      { line: 1, column: 'Creator Username', message: 'the export has no "Creator Username" column' },
      { line: 1, column: 'Time Created', message: 'the export has no "Time Created" column' },
      { line: 1, column: 'Payment Amount', message: 'the export has neither a "Payment Amount" nor an "Est. Commission Base" column' },
    ]);
  });

  it('matches localised and differently cased headers', () => {
    const thai = [SAMPLE[0].map((name) => (name === 'Order ID' ? 'หมายเลขคำสั่งซื้อ' : name === 'Order Status' ? ' order status ' : name)), ...SAMPLE.slice(1)];
    expect(convertTikTokExport(thai).rows).toHaveLength(5);
  });
});

describe('TikTok export cells', () => {
  it('reads day-first times, Excel day numbers, and refuses the rest', () => {
    expect(readExportDate('01/09/2026 14:22:05')).toEqual({ ok: true, date: '2026-09-01' });
    expect(readExportDate('30/06/2026')).toEqual({ ok: true, date: '2026-06-30' });
    // Excel: 45658 is 2025-01-01, 46023 is 2026-01-01, + 243 days is 1 September.
    expect(readExportDate('46266.75')).toEqual({ ok: true, date: '2026-09-01' });
    expect(readExportDate('06/30/2026 18:20:31')).toEqual({ ok: false, problem: '"06/30/2026 18:20:31" is not a real date (read day first: DD/MM/YYYY)' });
    expect(readExportDate('-152032')).toEqual({ ok: false, problem: '"-152032" is not a time written DD/MM/YYYY HH:MM:SS' });
  });

  it('strips currency codes, symbols and spaces around amounts', () => {
    expect(stripMoneyText('$1,234.56')).toBe('1,234.56');
    expect(stripMoneyText('RM 12.00')).toBe('12.00');
    expect(stripMoneyText('Rp9.900')).toBe('9.900');
    expect(stripMoneyText('USD\u00a022.49')).toBe('22.49');
    expect(stripMoneyText('-$5')).toBe('-$5');
  });
});

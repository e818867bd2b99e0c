import { CREATOR_SALES_HEADER, readCreatorReference, readCreatorSale, SaleStatus } from '../../libs/domain/rules/creator-sales';
import { mapHeader } from '../../libs/domain/rules/import-rows';

const HEADER = ['date', 'creator', 'orders', 'gmv', 'returns', 'cancellations', 'currency', 'status', 'brand'];
const { columns } = mapHeader(HEADER, CREATOR_SALES_HEADER);
const read = (cells: string[]) => readCreatorSale(cells, columns);

describe('creator-sales header', () => {
  it('takes the columns in any order and any case', () => {
    const mapped = mapHeader([' Currency', 'GMV', 'returns', 'cancellations', 'orders', 'creator', 'date'], CREATOR_SALES_HEADER);
    expect(mapped.problems).toEqual([]);
    expect(mapped.columns).toMatchObject({ currency: 0, gmv: 1, date: 6 });
  });

  it('names every missing, unknown and doubled column at once', () => {
    expect(mapHeader(['date', 'creator', 'orders', 'gmv', 'gmv', 'notes', 'currency', 'Channel'], CREATOR_SALES_HEADER).problems).toEqual([
      { column: 'notes', message: 'unknown columns "notes", "Channel"; the columns are date, creator, orders, gmv, returns, cancellations, currency, status, brand' },
      { column: 'gmv', message: 'column "gmv" appears twice' },
      { column: 'returns', message: 'the header has no "returns" column' },
      { column: 'cancellations', message: 'the header has no "cancellations" column' },
    ]);
  });
});

describe('a creator-sales row', () => {
  it('reads amounts into minor units, status settled by default', () => {
    expect(read(['2026-09-01', 'asha.creates', '3', '1249.50', '0', '24.99', 'USD', '', ''])).toEqual({
      problems: [],
      sale: {
        date: '2026-09-01',
        creator: { handle: 'asha.creates', platform: null },
        brand: null,
        orders: 3,
        gmvMinor: 124_950,
        returnsMinor: 0,
        cancellationsMinor: 2_499,
        currency: 'USD',
        status: SaleStatus.Settled,
      },
    });
  });

  it('keeps the brand as written and reads the status in any case', () => {
    expect(read(['2026-09-01', 'tiktok:@Mia.Makeup', '1', '10', '0', '0', 'inr', 'Pending', 'GlowLab US']).sale).toMatchObject({
      creator: { handle: 'mia.makeup', platform: 'tiktok' },
      brand: 'GlowLab US',
      currency: 'INR',
      status: 'pending',
      gmvMinor: 1_000,
    });
  });

  it('reports every problem of the row with its column', () => {
    expect(read(['2026-02-30', '', '-1', '12.345', '1,000', 'x', 'USD', 'done', '']).problems).toEqual([
      { column: 'date', message: '"2026-02-30" is not a date written YYYY-MM-DD' },
      { column: 'creator', message: "the creator's handle (or platform:channelHandle) is required" },
      { column: 'orders', message: '"-1" is negative; counts are never below zero' },
      { column: 'gmv', message: '"12.345" has 3 decimals; USD has 2' },
      { column: 'returns', message: '"1,000" contains ","; write amounts without thousands separators, with "." before the decimals' },
      { column: 'cancellations', message: '"x" is not a number' },
      { column: 'status', message: '"done" is not a status; use settled or pending' },
    ]);
  });

  it('refuses a currency it does not know, and checks no decimals without one', () => {
    expect(read(['2026-12-01', 'asha', '1', '1.123', '0', '0', 'XYZ', '', '']).problems).toEqual([{ column: 'currency', message: '"XYZ" is not an ISO 4217 currency code' }]);
  });
});

describe('creator references', () => {
  it('are a CreatorOps handle or platform:channelHandle, compared without case or a leading @', () => {
    expect(readCreatorReference('@Asha.Creates')).toEqual({ ok: true, reference: { handle: 'asha.creates', platform: null } });
    expect(readCreatorReference('Instagram: @asha')).toEqual({ ok: true, reference: { handle: 'asha', platform: 'instagram' } });
    expect(readCreatorReference('myspace:asha')).toEqual({ ok: false, problem: expect.stringMatching(/^"myspace" is not a platform; write platform:channelHandle with one of instagram, youtube/) });
    expect(readCreatorReference('tiktok:@')).toEqual({ ok: false, problem: '"tiktok:@" names no channel handle after "tiktok:"' });
  });
});

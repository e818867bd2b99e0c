import { estimatedRows, EXACT_COUNT_BELOW, panelTotal } from '../../apps/api/back-office/estimated-count';
import { Collaboration } from '../../libs/domain/entities';
import { seedBookings } from '../../scripts/bench/scale-seed';
import { createTestDatabase, TestDatabase } from '../support/test-database';

/** The panel's list totals (docs/operations.md#list-pages-at-scale): exact below the threshold, PostgreSQL's estimate at or above it. */
describe('panel list totals', () => {
  let database: TestDatabase;
  const BOOKINGS = 3_300;

  beforeAll(async () => {
    database = await createTestDatabase();
    await seedBookings(database.db, BOOKINGS, 'not-a-password-hash');
  });

  afterAll(() => database?.drop());

  const bookings = () => database.db.getRepository(Collaboration);

  it('counts exactly below the threshold', async () => {
    expect(EXACT_COUNT_BELOW).toBeGreaterThan(BOOKINGS);
    expect(await panelTotal(bookings(), { where: {} })).toBe(BOOKINGS);
    // Stages cycle over eleven values: a filter keeps every eleventh booking.
    expect(await panelTotal(bookings(), { where: { stage: 'IN_PRODUCTION' } })).toBe(BOOKINGS / 11);
  });

  it("gives the planner's estimate, close to the truth, when it reaches the threshold", async () => {
    const estimate = await estimatedRows(bookings(), {});
    const total = await panelTotal(bookings(), { where: {} }, 1_000);
    expect(total).toBe(Math.round(estimate));
    expect(Math.abs(total - BOOKINGS) / BOOKINGS).toBeLessThan(0.1);
    // A filter whose estimate stays below the threshold is still counted exactly.
    expect(await panelTotal(bookings(), { where: { stage: 'BRIEFED' } }, 1_000)).toBe(BOOKINGS / 11);
  });
});

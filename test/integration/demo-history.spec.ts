import { seedDemoHistory } from '../../libs/db/demo-history';
import { seedDemo } from '../../libs/db/seed';
import { TargetMetric } from '../../libs/domain/rules/lifecycle';
import { calendarPeriod, type Period } from '../../libs/domain/rules/periods';
import { kpiRows } from '../../libs/insight/kpi-measures';
import { teamOf } from '../../libs/insight/team';
import { createTestDatabase, TestDatabase } from '../support/test-database';

/** The local demo's 18 months of history: enough for every chart and KPI, the same every time. */
describe('demo history', () => {
  const now = new Date('2026-11-15T12:00:00Z');
  const databases: TestDatabase[] = [];

  afterAll(async () => {
    for (const database of databases) await database.drop();
  });

  async function seeded() {
    const database = await createTestDatabase();
    databases.push(database);
    const demo = await seedDemo(database.db);
    expect(await seedDemoHistory(database.db, demo, now)).toBe(true);
    return { database, demo };
  }

  const fingerprint = async (database: TestDatabase) =>
    (
      await database.db.query(
        `SELECT (SELECT count(*) FROM "creator_sales")::int AS "sales", (SELECT sum("gmvMinor") FROM "creator_sales")::text AS "gmv",
                (SELECT count(*) FROM "collaborations")::int AS "collaborations", (SELECT count(*) FROM "deliverables")::int AS "deliverables",
                (SELECT count(*) FROM "escalations")::int AS "escalations", (SELECT count(*) FROM "creator_ratings" WHERE "rating" IS NOT NULL)::int AS "ratings",
                (SELECT min("date") FROM "creator_sales")::text AS "first", (SELECT max("date") FROM "creator_sales")::text AS "last"`,
      )
    )[0];

  it('writes eighteen months of sales, collaborations, posts, escalations, ratings and targets, once, the same every time', async () => {
    const first = await seeded();
    const figures = await fingerprint(first.database);
    expect(figures.first).toBe('2025-06-01');
    expect(figures.last <= '2026-11-15').toBe(true);
    expect(figures.sales).toBeGreaterThan(2_000);
    expect(figures.collaborations).toBeGreaterThan(100);
    expect(figures.escalations).toBeGreaterThan(10);
    expect(figures.ratings).toBeGreaterThan(20);
    expect(await seedDemoHistory(first.database.db, first.demo, now)).toBe(false);
    expect(await fingerprint(first.database)).toEqual(figures);

    const second = await seeded();
    expect(await fingerprint(second.database)).toEqual(figures);
  });

  it("gives the demo manager's team a KPI board with something in every row last month", async () => {
    const { database, demo } = databases.length ? { database: databases[0], demo: await seedDemo(databases[0].db) } : await seeded();
    const october = calendarPeriod('month', '2026-10-01') as Period;
    const rows = await kpiRows(database.db, { kind: 'team', id: demo.manager.id, members: await teamOf(database.db, demo.manager.id) }, october);
    const row = (id: TargetMetric) => rows.find((r) => r.id === id && (r.currency === null || r.currency === 'INR'))!;
    expect(row(TargetMetric.Nmv).actual).toBeGreaterThan(0);
    expect(row(TargetMetric.Nmv).target).toBe(300_000_000);
    expect(row(TargetMetric.OnTimeDeliveryRate).actual).not.toBeNull();
    expect(row(TargetMetric.Satisfaction).actual).not.toBeNull();
    expect(row(TargetMetric.ReworkRate).actual).not.toBeNull();
    expect(row(TargetMetric.CreatorRetention).actual).not.toBeNull();
    expect(row(TargetMetric.NmvGrowth).actual).not.toBeNull();
  });
});

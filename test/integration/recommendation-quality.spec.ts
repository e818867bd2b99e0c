import { In } from 'typeorm';
import { seedDemoHistory } from '../../libs/db/demo-history';
import { seedDemo } from '../../libs/db/seed';
import { Brand, Campaign } from '../../libs/domain/entities';
import { loadRecommendationInput } from '../../libs/insight/candidates';
import { measureRankingQuality } from '../../libs/insight/recommendation-quality';
import { createTestDatabase, TestDatabase } from '../support/test-database';

/**
 * Offline quality of the creator ranking on the demo history (docs/metrics.md): the last quarter's
 * campaigns, ranked with data from before each one, against who was booked and sold above the
 * median; the follower-count baseline on the same creators. `npm run eval:recommendations` prints it.
 */
describe('creator ranking quality on the demo history', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase();
    const demo = await seedDemo(database.db);
    expect(await seedDemoHistory(database.db, demo, new Date('2026-11-15T12:00:00Z'))).toBe(true);
  });

  afterAll(async () => {
    await database?.drop();
  });

  it('measures NDCG@10 for the last quarter against the follower-count baseline', async () => {
    const brands = await database.db.getRepository(Brand).findBy({ name: In(['Lumina Skin', 'FitFuel', 'Threadline', 'Voltix']) });
    const campaigns = await database.db.getRepository(Campaign).find({ where: { brandId: In(brands.map((b) => b.id)) }, order: { startsOn: 'DESC' } });
    const lastQuarter = campaigns.filter((c) => c.startsOn === campaigns[0].startsOn);
    expect(lastQuarter).toHaveLength(4);

    const quality = await measureRankingQuality(database.db, lastQuarter.map((c) => c.id));
    const show = (v: number | null) => (v === null ? 'n/a' : v.toFixed(3));
    const lines = [
      `creator ranking, demo history, campaigns starting ${lastQuarter[0].startsOn} (data before each start only)`,
      `relevant = booked and delivered NMV above the median of ${quality.medianNmvMinor} minor units`,
      ...quality.queries.map((q) => `  ${q.name}: pool ${q.pool}, relevant ${q.relevant}, NDCG@10 ${show(q.ndcg)}, followers ${show(q.followerNdcg)}, random ${show(q.randomNdcg)}`),
      `NDCG@10 ranking ${show(quality.ndcg)} | follower-count baseline ${show(quality.followerNdcg)} | ratio ${show(quality.ratio)} | random order ${show(quality.randomNdcg)}`,
    ];
    process.stdout.write(`${lines.join('\n')}\n`);

    expect(quality.queries.filter((q) => q.ndcg !== null).length).toBeGreaterThan(0);
    for (const value of [quality.ndcg, quality.followerNdcg, quality.randomNdcg]) {
      expect(value).not.toBeNull();
      expect(value!).toBeGreaterThanOrEqual(0);
      expect(value!).toBeLessThanOrEqual(1);
    }
  });

  it('reads only what existed before the ranking date: nothing on the first day of the history, less than now later on', async () => {
    const brands = await database.db.getRepository(Brand).findBy({ name: In(['Lumina Skin', 'FitFuel', 'Threadline', 'Voltix']) });
    const campaigns = await database.db.getRepository(Campaign).find({ where: { brandId: In(brands.map((b) => b.id)) }, order: { startsOn: 'ASC' } });
    const seen = async (campaign: Campaign, asOf: Date) => {
      const input = await loadRecommendationInput(database.db.manager, campaign, { asOf, owners: 'all' });
      return {
        posts: input.candidates.reduce((n, c) => n + (c.posts?.length ?? 0), 0),
        bookings: input.candidates.reduce((n, c) => n + (c.history?.bookings ?? 0), 0),
        booked: input.booked?.length ?? 0,
      };
    };
    const first = campaigns[0];
    expect(first.startsOn).toBe('2025-06-01');
    expect(await seen(first, new Date(`${first.startsOn}T00:00:00Z`))).toEqual({ posts: 0, bookings: 0, booked: 0 });
    const last = campaigns[campaigns.length - 1];
    const before = await seen(last, new Date(`${last.startsOn}T00:00:00Z`));
    const now = await seen(last, new Date('2026-11-15T12:00:00Z'));
    expect(before.posts).toBeGreaterThan(0);
    expect(before.bookings).toBeGreaterThan(0);
    // Bookings on the campaign are made during its quarter: none yet on its first day.
    expect(before.booked).toBe(0);
    expect(now.bookings).toBeGreaterThan(before.bookings);
  });
});

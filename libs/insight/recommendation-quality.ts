import { DataSource, In } from 'typeorm';
import { Campaign } from '../domain/entities';
import { meanNdcg, ndcgAtK } from '../domain/rules/ranking-quality';
import { recommendCreators } from '../domain/rules/recommendation';
import { ATTRIBUTION_DAYS, loadRecommendationInput } from './candidates';

export interface QueryQuality {
  campaignId: string;
  name: string;
  /** Creators ranked (after the hard filters) and how many of them were relevant. */
  pool: number;
  relevant: number;
  ndcg: number | null;
  followerNdcg: number | null;
  /** The mean NDCG of random orders of the same creators (fixed seed), for scale. */
  randomNdcg: number | null;
}

export interface RankingQuality {
  k: number;
  /** NMV a booking must beat to be relevant: the median over the evaluated campaigns' delivered bookings. */
  medianNmvMinor: number | null;
  queries: QueryQuality[];
  ndcg: number | null;
  followerNdcg: number | null;
  randomNdcg: number | null;
  /** ndcg ÷ followerNdcg. */
  ratio: number | null;
}

/**
 * Offline quality of the ranking (docs/metrics.md#creator-recommendations): for each campaign, rank
 * every creator with data from before its first day only, and score the order with NDCG@k against
 * the creators who were booked on it and delivered above-median NMV (their sales in the attribution
 * window after each of their posts on that booking). The baseline orders the same eligible creators
 * by total followers.
 */
export async function measureRankingQuality(db: DataSource, campaignIds: readonly string[], k = 10): Promise<RankingQuality> {
  const campaigns = await db.getRepository(Campaign).find({ where: { id: In([...campaignIds]) }, order: { startsOn: 'ASC', name: 'ASC' } });
  const delivered: Array<{ campaignId: string; creatorId: string; nmvMinor: string }> = await db.query(
    `SELECT c."campaignId", c."creatorId",
            sum((SELECT coalesce(sum(cs."gmvMinor" - cs."returnsMinor" - cs."cancellationsMinor"), 0) FROM "creator_sales" cs
                  WHERE cs."creatorId" = c."creatorId" AND cs."currency" = k."currency"
                    AND cs."date" >= d."postedAt"::date AND cs."date" < d."postedAt"::date + $2::int)) AS "nmvMinor"
       FROM "collaborations" c
       JOIN "campaigns" k ON k."id" = c."campaignId"
       JOIN "deliverables" d ON d."collaborationId" = c."id" AND d."postedAt" IS NOT NULL
      WHERE c."campaignId" = ANY($1)
      GROUP BY 1, 2`,
    [campaigns.map((c) => c.id), ATTRIBUTION_DAYS],
  );
  const amounts = delivered.map((row) => Number(row.nmvMinor)).sort((a, b) => a - b);
  const median = amounts.length === 0 ? null : amounts.length % 2 ? amounts[(amounts.length - 1) / 2] : (amounts[amounts.length / 2 - 1] + amounts[amounts.length / 2]) / 2;

  const queries: QueryQuality[] = [];
  for (const campaign of campaigns) {
    const asOf = new Date(`${campaign.startsOn}T00:00:00Z`);
    const input = await loadRecommendationInput(db.manager, campaign, { asOf, owners: 'all' });
    const ranked = recommendCreators({ ...input, limit: Number.MAX_SAFE_INTEGER }).items.map((item) => item.creatorId);
    const followers = new Map(input.candidates.map((c) => [c.id, c.channels.reduce((sum, channel) => sum + (channel.followers || 0), 0)]));
    const byFollowers = [...ranked].sort((a, b) => followers.get(b)! - followers.get(a)! || (a < b ? -1 : a > b ? 1 : 0));
    const relevant = new Set(delivered.filter((row) => row.campaignId === campaign.id && median !== null && Number(row.nmvMinor) > median).map((row) => row.creatorId));
    queries.push({ campaignId: campaign.id, name: campaign.name, pool: ranked.length, relevant: relevant.size, ndcg: ndcgAtK(ranked, relevant, k), followerNdcg: ndcgAtK(byFollowers, relevant, k), randomNdcg: randomOrderNdcg(ranked, relevant, k) });
  }
  const ndcg = meanNdcg(queries.map((q) => q.ndcg));
  const followerNdcg = meanNdcg(queries.map((q) => q.followerNdcg));
  const randomNdcg = meanNdcg(queries.map((q) => q.randomNdcg));
  return { k, medianNmvMinor: median, queries, ndcg, followerNdcg, randomNdcg, ratio: ndcg !== null && followerNdcg ? ndcg / followerNdcg : null };
}

/** Mean NDCG@k over 2,000 shuffles (a seeded generator, so the figure is the same on every run). */
function randomOrderNdcg(ids: readonly string[], relevant: ReadonlySet<string>, k: number): number | null {
  if (relevant.size === 0) return null;
  let state = 20_261_130;
  const next = () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 4_294_967_296;
  };
  let total = 0;
  const rounds = 2_000;
  for (let round = 0; round < rounds; round += 1) {
    const order = [...ids];
    for (let i = order.length - 1; i > 0; i -= 1) {
      const j = Math.floor(next() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    total += ndcgAtK(order, relevant, k)!;
  }
  return total / rounds;
}

import { EntityManager } from 'typeorm';
import { Brand, Campaign, Collaboration, Creator, ExclusivityWindow } from '../domain/entities';
import type { Audience } from '../domain/rules/audience';
import type { BookingHistory, PostRecord, RecommendationCampaign, RecommendationCandidate, RecommendationInput } from '../domain/rules/recommendation';
import { CollaborationStage, TERMINAL_STAGES } from '../domain/rules/stages';
import { CreatorStatus } from '../domain/rules/statuses';

/** How long after a post its creator's sales count as the post's NMV (docs/metrics.md#creator-recommendations). */
export const ATTRIBUTION_DAYS = 7;
/** How far back posts feed the performance priors. */
const LOOKBACK_DAYS = 365;
const DAY_MS = 86_400_000;

export interface CandidatePoolOptions {
  /** Only data from before this instant is read: the campaign start for the offline evaluation, now otherwise. */
  asOf: Date;
  /** Owners whose creators form the pool ('all' or ids); the caller's reach. */
  owners: 'all' | readonly string[];
  /** Narrows the pool to active creators with one of these niches (the replacement shortlist), at most `poolLimit` of them. */
  sharingNiches?: readonly string[];
  poolLimit?: number;
  /** Creators left out of the pool altogether (the one who dropped out). */
  leaveOut?: readonly string[];
}

/**
 * Everything the ranking reads, loaded for one campaign as of a date: the pool with its conflicts,
 * posts and booking history, and the creators already booked on the campaign.
 */
export async function loadRecommendationInput(db: EntityManager, campaign: Campaign, options: CandidatePoolOptions): Promise<Omit<RecommendationInput, 'weights' | 'limit'>> {
  const brand = await db.findOneByOrFail(Brand, { id: campaign.brandId });
  const pool = db
    .createQueryBuilder(Creator, 'creator')
    .where(options.owners === 'all' ? '1=1' : 'creator.ownerId = ANY(:owners)', { owners: options.owners === 'all' ? [] : [...options.owners] })
    .orderBy('creator.id');
  if (options.sharingNiches) pool.andWhere('creator.niches && :niches', { niches: [...options.sharingNiches] }).andWhere('creator.status = :active', { active: CreatorStatus.Active });
  if (options.leaveOut?.length) pool.andWhere('NOT (creator.id = ANY(:leaveOut))', { leaveOut: [...options.leaveOut] });
  if (options.poolLimit) pool.limit(options.poolLimit);
  const rows = await pool.getMany();
  const ids = rows.map((creator) => creator.id);
  const asOf = options.asOf;
  const onCampaign = await heldAt(db, asOf).andWhere('b.campaignId = :campaign', { campaign: campaign.id }).leftJoinAndSelect('b.creator', 'creator').getMany();
  if (ids.length === 0) return { campaign: rankingCampaign(campaign, brand), candidates: [], booked: bookedOf(onCampaign) };

  const exclusivities = await db
    .createQueryBuilder(ExclusivityWindow, 'w')
    .leftJoinAndSelect('w.brand', 'holder')
    .where('w.creatorId IN (:...ids)', { ids })
    .andWhere('w.createdAt < :asOf AND (w.releasedAt IS NULL OR w.releasedAt >= :asOf)', { asOf })
    .getMany();
  const running = await heldAt(db, asOf)
    .andWhere('b.creatorId IN (:...ids)', { ids })
    .leftJoinAndSelect('b.campaign', 'campaign')
    .leftJoinAndSelect('campaign.brand', 'brand')
    .getMany();
  const posts: Array<{ creatorId: string; postedAt: Date; views: number | null; engagements: number | null; clicks: number | null; orders: number | null; nmvMinor: string | null }> =
    await db.query(
      `SELECT c."creatorId", d."postedAt", s."views", s."engagements", s."clicks", s."orders",
              (SELECT sum(cs."gmvMinor" - cs."returnsMinor" - cs."cancellationsMinor") FROM "creator_sales" cs
                WHERE cs."creatorId" = c."creatorId" AND cs."currency" = $3
                  AND cs."date" >= d."postedAt"::date AND cs."date" < d."postedAt"::date + $4::int AND cs."date" < $2::date) AS "nmvMinor"
         FROM "deliverables" d
         JOIN "collaborations" c ON c."id" = d."collaborationId"
         LEFT JOIN LATERAL (
           SELECT p."views", coalesce(p."likes", 0) + coalesce(p."comments", 0) + coalesce(p."shares", 0) + coalesce(p."saves", 0) AS "engagements", p."clicks", p."orders"
             FROM "performance_snapshots" p WHERE p."deliverableId" = d."id" AND p."capturedAt" < $2 ORDER BY p."capturedAt" DESC LIMIT 1
         ) s ON true
        WHERE c."creatorId" = ANY($1) AND d."postedAt" IS NOT NULL AND d."postedAt" < $2 AND d."postedAt" >= $5`,
      [ids, asOf, campaign.currency, ATTRIBUTION_DAYS, new Date(asOf.getTime() - LOOKBACK_DAYS * DAY_MS)],
    );
  // Only bookings decided before asOf count, with their stage as it was then (the last update).
  const history: Array<{ creatorId: string; bookings: number; dropouts: number; withBrand: number; escalations: number; posted: number; postedOnTime: number }> = await db.query(
    `SELECT c."creatorId", count(*)::int AS "bookings",
            count(*) FILTER (WHERE c."stage" = 'DROPPED')::int AS "dropouts",
            count(*) FILTER (WHERE c."stage" = 'COMPLETED' AND k."brandId" = $3 AND c."campaignId" <> $4)::int AS "withBrand",
            coalesce(sum((SELECT count(*) FROM "escalations" e WHERE e."collaborationId" = c."id" AND e."raisedAt" < $2)), 0)::int AS "escalations",
            coalesce(sum((SELECT count(*) FROM "deliverables" d WHERE d."collaborationId" = c."id" AND d."postedAt" < $2)), 0)::int AS "posted",
            coalesce(sum((SELECT count(*) FROM "deliverables" d WHERE d."collaborationId" = c."id" AND d."postedAt" < $2
                           AND d."scheduledPostAt" IS NOT NULL AND d."postedAt" <= d."scheduledPostAt" + interval '24 hours')), 0)::int AS "postedOnTime"
       FROM "collaborations" c JOIN "campaigns" k ON k."id" = c."campaignId"
      WHERE c."creatorId" = ANY($1) AND c."stage" IN ('COMPLETED', 'DROPPED') AND c."updatedAt" < $2
      GROUP BY c."creatorId"`,
    [ids, asOf, campaign.brandId, campaign.id],
  );

  const candidates = rows.map((creator): RecommendationCandidate => {
    const past = history.find((h) => h.creatorId === creator.id);
    return {
      id: creator.id,
      name: creator.name,
      status: creator.status,
      niches: creator.niches,
      contentStyle: creator.contentStyle,
      channels: creator.channels,
      audience: creator.audience,
      baseRates: creator.baseRates,
      preferences: creator.preferences,
      availabilityBlocks: creator.availabilityBlocks.map(({ start, end, reason }) => ({ start, end, reason })),
      exclusivityWindows: exclusivities
        .filter((w) => w.creatorId === creator.id)
        .map((w) => ({
          start: w.startsOn, end: w.endsOn, category: w.category ?? undefined, sourceContractId: w.sourceContractId ?? undefined,
          // The holding brand, so its own re-bookings pass and competitors in either list are caught (the conflict check's rule).
          brandId: w.brandId ?? undefined, brandName: w.brand?.name ?? w.brandName ?? undefined, holderCompetitorBrands: w.brand?.competitorBrands,
        })),
      activeBookings: running
        .filter((b) => b.creatorId === creator.id && b.campaignId !== campaign.id && b.campaign?.brand)
        .map((b) => ({
          collaborationId: b.id,
          campaignId: b.campaignId,
          brandName: b.campaign!.brand!.name,
          brandCategory: b.campaign!.brand!.category,
          campaignWindow: { start: b.campaign!.startsOn, end: b.campaign!.endsOn },
        })),
      posts: posts
        .filter((p) => p.creatorId === creator.id)
        .map((p): PostRecord => ({
          nmvMinor: p.nmvMinor === null ? 0 : Number(p.nmvMinor),
          views: p.views,
          engagements: p.engagements === null ? null : Number(p.engagements),
          clicks: p.clicks,
          orders: p.orders,
        })),
      history: past ? ({ ...past } satisfies BookingHistory & { creatorId: string }) : undefined,
    };
  });
  return { campaign: rankingCampaign(campaign, brand), candidates, booked: bookedOf(onCampaign) };
}

/** Stages of a booking that holds the creator: not yet completed, dropped or cancelled. */
const ACTIVE_STAGES = Object.values(CollaborationStage).filter((stage) => !TERMINAL_STAGES.includes(stage));

/**
 * Bookings that held their creator at `asOf`: made before it, and still running then (running now,
 * or ended by a last update after it). For asOf = now this is simply the running bookings.
 */
function heldAt(db: EntityManager, asOf: Date) {
  return db
    .createQueryBuilder(Collaboration, 'b')
    .where('b.createdAt < :asOf', { asOf })
    .andWhere('(b.stage IN (:...active) OR b.updatedAt >= :asOf)', { active: ACTIVE_STAGES });
}

function bookedOf(collaborations: Collaboration[]): { creatorId: string; name?: string; audience?: Audience }[] {
  return collaborations.map((c) => ({ creatorId: c.creatorId, name: c.creator?.name, audience: c.creator?.audience }));
}

export function rankingCampaign(campaign: Campaign, brand: Brand): RecommendationCampaign {
  return {
    id: campaign.id,
    brand: { id: brand.id, name: brand.name, category: brand.category, competitorCategories: brand.competitorCategories, competitorBrands: brand.competitorBrands },
    window: { start: campaign.startsOn, end: campaign.endsOn },
    currency: campaign.currency,
    budgetMinor: campaign.budgetMinor,
    niches: campaign.targetNiches ?? [],
    platforms: campaign.targetPlatforms ?? [],
    deliverableTypes: campaign.deliverableTypes ?? [],
    feeRange: { minMinor: campaign.creatorFeeMinMinor, maxMinor: campaign.creatorFeeMaxMinor },
    brandSafetyExclusions: campaign.brandSafetyExclusions ?? [],
    targetAudience: Object.keys(campaign.targetAudience ?? {}).length ? campaign.targetAudience : undefined,
  };
}

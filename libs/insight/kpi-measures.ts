import type { DataSource } from 'typeorm';
import { Target } from '../domain/entities';
import { kpiBoardActuals } from '../domain/rules/kpi-actuals';
import { kpiBoard, type KpiActuals, type KpiRow } from '../domain/rules/kpi-board';
import type { Period } from '../domain/rules/periods';

/**
 * Reads what the team KPIs are computed from, for the members' collaborations and creators in
 * one period. SQL selects and sums; what counts, and every ratio, is the pure definitions'
 * (libs/domain/rules/kpis.ts, metrics.ts) through kpiBoardActuals.
 */

const utc = (date: string): Date => new Date(`${date}T00:00:00Z`);
const TERMINAL_DROPPED = ['DROPPED', 'CANCELLED'];

export async function measureKpis(db: DataSource, members: string[], period: Period): Promise<KpiActuals> {
  const start = utc(period.start);
  const end = utc(period.end);
  const previousStart = utc(period.previous.start);
  // $1 members; $2, $3 the period's bounds (timestamps at UTC midnight; dates compare as dates).
  const bounds = [members, start, end];

  const [posts, sales, previousSales, booked, bookedBefore, roster, ratings, escalations, resolved, approved, pairs] = await Promise.all([
    db.query(
      `SELECT d."scheduledPostAt", d."postedAt" FROM "deliverables" d JOIN "collaborations" c ON c."id" = d."collaborationId"
        WHERE c."talentManagerId" = ANY($1) AND d."postedAt" >= $2 AND d."postedAt" < $3`,
      bounds,
    ),
    salesTotals(db, members, period.start, period.end),
    salesTotals(db, members, period.previous.start, period.previous.end),
    db.query(
      `SELECT c."creatorId", c."brandPriceMinor", c."creatorFeeMinor", c."currency", c."stage" FROM "collaborations" c
        WHERE c."talentManagerId" = ANY($1) AND c."createdAt" >= $2 AND c."createdAt" < $3`,
      bounds,
    ),
    db.query(
      `SELECT DISTINCT c."creatorId" FROM "collaborations" c WHERE c."talentManagerId" = ANY($1) AND c."createdAt" >= $2 AND c."createdAt" < $3`,
      [members, previousStart, start],
    ),
    db.query(
      `SELECT count(*) FILTER (WHERE cr."createdAt" < $2 AND (cr."offboardedAt" IS NULL OR cr."offboardedAt" >= $2))::int AS "atStart",
              count(*) FILTER (WHERE cr."offboardedAt" >= $2 AND cr."offboardedAt" < $3)::int AS "offboarded"
         FROM "creators" cr WHERE cr."ownerId" = ANY($1)`,
      bounds,
    ),
    db.query(
      `SELECT r."rating" FROM "creator_ratings" r WHERE r."talentManagerId" = ANY($1) AND r."ratedAt" >= $2 AND r."ratedAt" < $3 AND r."rating" IS NOT NULL`,
      bounds,
    ),
    db.query(
      `SELECT
         (SELECT count(*)::int FROM "escalations" e JOIN "collaborations" c ON c."id" = e."collaborationId"
           WHERE c."talentManagerId" = ANY($1) AND e."raisedAt" >= $2 AND e."raisedAt" < $3) AS "raised",
         (SELECT count(*)::int FROM "collaborations" c
           WHERE c."talentManagerId" = ANY($1) AND c."createdAt" < $3
             AND NOT (c."stage" IN ('COMPLETED', 'DROPPED', 'CANCELLED') AND c."updatedAt" < $2)) AS "active"`,
      bounds,
    ),
    db.query(
      `SELECT e."resolution" FROM "escalations" e JOIN "collaborations" c ON c."id" = e."collaborationId"
        WHERE c."talentManagerId" = ANY($1) AND e."resolvedAt" >= $2 AND e."resolvedAt" < $3`,
      bounds,
    ),
    db.query(
      `SELECT DISTINCT ON (d."id") d."revisionCount" FROM "draft_submissions" ds
         JOIN "deliverables" d ON d."id" = ds."deliverableId" JOIN "collaborations" c ON c."id" = d."collaborationId"
        WHERE c."talentManagerId" = ANY($1) AND ds."decision" = 'approved' AND ds."reviewedAt" >= $2 AND ds."reviewedAt" < $3`,
      bounds,
    ),
    db.query(
      `SELECT c."creatorId", ca."brandId" FROM "collaborations" c JOIN "campaigns" ca ON ca."id" = c."campaignId"
        WHERE c."talentManagerId" = ANY($1) AND c."createdAt" < $2 AND c."stage" <> ALL($3)`,
      [members, end, TERMINAL_DROPPED],
    ),
  ]);

  return kpiBoardActuals({
    posts: (posts as Array<{ scheduledPostAt: Date | null; postedAt: Date }>).map((p) => ({
      scheduledPostAt: p.scheduledPostAt ? new Date(p.scheduledPostAt).toISOString() : null,
      postedAt: new Date(p.postedAt).toISOString(),
    })),
    sales,
    previousSales,
    booked: (booked as Array<{ creatorId: string; brandPriceMinor: string | null; creatorFeeMinor: string | null; currency: string; stage: string }>).map((c) => ({
      creatorId: c.creatorId,
      brandPriceMinor: c.brandPriceMinor === null ? null : Number(c.brandPriceMinor),
      creatorFeeMinor: c.creatorFeeMinor === null ? null : Number(c.creatorFeeMinor),
      currency: c.currency.trim(),
      ended: TERMINAL_DROPPED.includes(c.stage),
    })),
    bookedPreviously: (bookedBefore as Array<{ creatorId: string }>).map((row) => row.creatorId),
    roster: { atStart: Number(roster[0]?.atStart ?? 0), offboarded: Number(roster[0]?.offboarded ?? 0) },
    ratings: (ratings as Array<{ rating: number }>).map((row) => Number(row.rating)),
    escalationsRaised: Number(escalations[0]?.raised ?? 0),
    activeCollaborations: Number(escalations[0]?.active ?? 0),
    resolvedEscalations: (resolved as Array<{ resolution: string | null }>).map((row) => ({ late: row.resolution === 'RESOLVED_LATE' })),
    approvedDeliverables: (approved as Array<{ revisionCount: number }>).map((row) => ({ revisionCount: Number(row.revisionCount) })),
    pairs: (pairs as Array<{ creatorId: string; brandId: string }>).map((row) => ({ creatorId: row.creatorId, brandId: row.brandId })),
  });
}

/**
 * The members' creators' sales in [from, to), summed per currency and status: the sums of a
 * group are one line to the NMV definition, which is linear, so the totals are exact.
 */
async function salesTotals(db: DataSource, members: string[], from: string, to: string) {
  const rows: Array<{ currency: string; status: 'settled' | 'pending'; orders: string; gmv: string; returns: string; cancellations: string }> = await db.query(
    `SELECT s."currency", s."status", sum(s."orders") AS "orders", sum(s."gmvMinor") AS "gmv", sum(s."returnsMinor") AS "returns", sum(s."cancellationsMinor") AS "cancellations"
       FROM "creator_sales" s JOIN "creators" cr ON cr."id" = s."creatorId"
      WHERE cr."ownerId" = ANY($1) AND s."date" >= $2::date AND s."date" < $3::date
      GROUP BY s."currency", s."status"`,
    [members, from, to],
  );
  return rows.map((row) => ({
    currency: row.currency.trim(),
    status: row.status,
    orders: Number(row.orders),
    gmvMinor: Number(row.gmv),
    returnsMinor: Number(row.returns),
    cancellationsMinor: Number(row.cancellations),
  }));
}

/** The KPI board rows of a scope: measured actuals beside the targets set for it (month or quarter). */
export async function kpiRows(db: DataSource, scope: { kind: 'executive' | 'team'; id: string; members: string[] }, period: Period): Promise<KpiRow[]> {
  const [actuals, targets] = await Promise.all([
    measureKpis(db, scope.members, period),
    period.kind === 'custom'
      ? Promise.resolve([])
      : db.getRepository(Target).findBy({ period: period.kind as Target['period'], periodStart: period.start, ...(scope.kind === 'team' ? { teamManagerId: scope.id } : { userId: scope.id }) }),
  ]);
  return kpiBoard(actuals, targets.map((t) => ({ metric: t.metric, value: Number(t.valueNumeric), currency: t.currency?.trim() ?? null })));
}

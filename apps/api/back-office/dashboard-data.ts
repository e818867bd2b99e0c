import { onTimeDelivery } from '../../../libs/domain/rules/kpis';
import { Role } from '../../../libs/domain/rules/roles';
import { TERMINAL_STAGES } from '../../../libs/domain/rules/stages';
import { OPERATIONS_WRITE, reachableOwners, reachOf } from './access';
import type { CurrentAdmin } from './adminjs-types';

/**
 * What the panel's home page shows, per role, computed with SQL over the database. The same
 * reach as the resources (access.ts): a talent manager sees their own collaborations, a manager their
 * team's, finance and admins everyone's; payouts due and overdue only for finance and admins.
 */

export interface Queryable {
  query(sql: string, parameters?: unknown[]): Promise<any>;
}

export interface DashboardEscalation {
  id: string;
  kind: string;
  severity: string;
  status: string;
  raisedAt: string;
  summary: string;
  collaborationId: string | null;
  creatorName: string | null;
  campaignName: string | null;
}

export interface DashboardDeadline {
  what: string;
  dueAt: string;
  collaborationId: string;
  creatorName: string;
  campaignName: string;
}

export interface DashboardDraft {
  id: string;
  version: number;
  submittedAt: string;
  deliverableType: string;
  collaborationId: string;
  creatorName: string;
  campaignName: string;
}

export interface DashboardPayout {
  id: string;
  amountMinor: number;
  currency: string;
  status: string;
  dueOn: string;
  invoiceNumber: string | null;
  collaborationId: string;
  creatorName: string;
}

export interface DashboardMonth {
  /** "2026-12" */
  month: string;
  bookings: number;
  /** Creator fees agreed on the month's collaborations, per currency, in minor units. */
  spend: Record<string, number>;
}

/** A creator-satisfaction rating still to record (the collaboration's fee is paid). */
export interface DashboardRatingTask {
  collaborationId: string;
  ratingId: string;
  creatorName: string;
  campaignName: string;
  requestedAt: string;
  reminded: boolean;
}

export interface DashboardData {
  role: Role;
  name: string;
  /** What "mine" means for this user, in words. */
  scope: string;
  escalations: DashboardEscalation[];
  deadlines: DashboardDeadline[];
  draftsInReview: DashboardDraft[];
  /** Finance and admins only; null for the others. */
  payouts: { due: DashboardPayout[]; overdue: DashboardPayout[] } | null;
  /** Ratings to record; not for finance (they take no part in the collaboration). */
  ratingTasks: DashboardRatingTask[];
  onTime: { month: string; posted: number; onTime: number; rate: number | null };
  monthly: DashboardMonth[];
}

const LIMIT = 20;
const MONTHS = 6;
const iso = (value: unknown): string => (value instanceof Date ? value.toISOString() : String(value));

/** Whose collaborations this user's dashboard counts: null = everyone's. */
export function dashboardOwners(currentAdmin: CurrentAdmin | undefined): string[] | null {
  const role = currentAdmin?.role;
  if (role === Role.Finance || role === Role.Admin) return null;
  const owners = reachableOwners(currentAdmin, reachOf(currentAdmin, OPERATIONS_WRITE));
  return owners === 'all' ? null : owners;
}

export async function dashboardData(db: Queryable, currentAdmin: CurrentAdmin | undefined, now: Date = new Date()): Promise<DashboardData | null> {
  const role = currentAdmin?.role as Role | undefined;
  const userId = currentAdmin?.id;
  if (!role || typeof userId !== 'string') return null;
  const owners = dashboardOwners(currentAdmin);
  const terminal = [...TERMINAL_STAGES];
  // $1: owners (null = all). Every query below is limited to those collaborations.
  const inScope = `($1::uuid[] IS NULL OR c."talentManagerId" = ANY($1::uuid[]))`;

  const escalationRows: Array<Record<string, unknown>> = await db.query(
    `SELECT e."id", e."kind", e."severity", e."status", e."raisedAt", e."summary", e."collaborationId",
            cr."name" AS "creatorName", ca."name" AS "campaignName"
       FROM "escalations" e
       LEFT JOIN "collaborations" c ON c."id" = e."collaborationId"
       LEFT JOIN "creators" cr ON cr."id" = c."creatorId"
       LEFT JOIN "campaigns" ca ON ca."id" = COALESCE(e."campaignId", c."campaignId")
      WHERE e."status" <> 'resolved'
        AND (e."assigneeId" = $2 OR ($3 AND $1::uuid[] IS NULL) OR ($1::uuid[] IS NOT NULL AND c."talentManagerId" = ANY($1::uuid[])))
      ORDER BY e."raisedAt" DESC
      LIMIT ${LIMIT}`,
    // Finance: what is assigned to them; admins: all open escalations.
    [owners, userId, role === Role.Admin],
  );

  const deadlineRows: Array<Record<string, unknown>> = await db.query(
    `SELECT d."what", d."dueAt", c."id" AS "collaborationId", cr."name" AS "creatorName", ca."name" AS "campaignName"
       FROM "collaborations" c
       JOIN "creators" cr ON cr."id" = c."creatorId"
       JOIN "campaigns" ca ON ca."id" = c."campaignId"
       CROSS JOIN LATERAL (
         SELECT key AS "what", value::timestamptz AS "dueAt" FROM jsonb_each_text(c."deadlines")
          WHERE value ~ '^\\d{4}-\\d{2}-\\d{2}T'
         UNION ALL
         SELECT 'draft due (' || dl."type" || ')', dl."draftDueAt" FROM "deliverables" dl
          WHERE dl."collaborationId" = c."id" AND dl."status" IN ('planned', 'drafting', 'changes_requested') AND dl."draftDueAt" IS NOT NULL
         UNION ALL
         SELECT 'post due (' || dl."type" || ')', dl."scheduledPostAt" FROM "deliverables" dl
          WHERE dl."collaborationId" = c."id" AND dl."status" NOT IN ('posted', 'verified', 'cancelled') AND dl."scheduledPostAt" IS NOT NULL
       ) d
      WHERE ${inScope} AND c."stage" <> ALL($2::varchar[])
        AND d."dueAt" >= $3 AND d."dueAt" < $3::timestamptz + interval '7 days'
      ORDER BY d."dueAt" ASC
      LIMIT ${LIMIT}`,
    [owners, terminal, now],
  );

  const draftRows: Array<Record<string, unknown>> = await db.query(
    `SELECT ds."id", ds."version", ds."submittedAt", dl."type" AS "deliverableType", c."id" AS "collaborationId",
            cr."name" AS "creatorName", ca."name" AS "campaignName"
       FROM "draft_submissions" ds
       JOIN "deliverables" dl ON dl."id" = ds."deliverableId"
       JOIN "collaborations" c ON c."id" = dl."collaborationId"
       JOIN "creators" cr ON cr."id" = c."creatorId"
       JOIN "campaigns" ca ON ca."id" = c."campaignId"
      WHERE ${inScope} AND ds."decision" IS NULL AND c."stage" <> ALL($2::varchar[])
      ORDER BY ds."submittedAt" ASC
      LIMIT ${LIMIT}`,
    [owners, terminal],
  );

  let payouts: DashboardData['payouts'] = null;
  if (role === Role.Finance || role === Role.Admin) {
    const payoutRows: Array<Record<string, unknown>> = await db.query(
      `SELECT p."id", p."amountMinor", p."currency", p."status", p."dueOn"::text AS "dueOn", p."invoiceNumber",
              c."id" AS "collaborationId", cr."name" AS "creatorName",
              (p."dueOn" < $1::date) AS "overdue"
         FROM "payouts" p
         JOIN "collaborations" c ON c."id" = p."collaborationId"
         JOIN "creators" cr ON cr."id" = c."creatorId"
        WHERE p."status" NOT IN ('paid', 'cancelled') AND p."dueOn" IS NOT NULL AND p."dueOn" < $1::date + 7
        ORDER BY p."dueOn" ASC
        LIMIT ${LIMIT * 2}`,
      [now.toISOString().slice(0, 10)],
    );
    const asPayout = (row: Record<string, unknown>): DashboardPayout => ({
      id: String(row.id),
      amountMinor: Number(row.amountMinor),
      currency: String(row.currency),
      status: String(row.status),
      dueOn: String(row.dueOn),
      invoiceNumber: (row.invoiceNumber as string | null) ?? null,
      collaborationId: String(row.collaborationId),
      creatorName: String(row.creatorName),
    });
    payouts = {
      due: payoutRows.filter((row) => !row.overdue).map(asPayout),
      overdue: payoutRows.filter((row) => row.overdue).map(asPayout),
    };
  }

  // On-time delivery this month, by the one definition (libs/domain/rules/kpis.ts): when each
  // post went live against when it was scheduled to.
  const monthStart = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
  const livePosts: Array<{ scheduledPostAt: Date | null; postedAt: Date }> = await db.query(
    `SELECT dl."scheduledPostAt", dl."postedAt"
       FROM "deliverables" dl
       JOIN "collaborations" c ON c."id" = dl."collaborationId"
      WHERE ${inScope} AND dl."postedAt" >= $2 AND dl."postedAt" < $2::timestamptz + interval '1 month'`,
    [owners, monthStart],
  );
  const onTimeShare = onTimeDelivery(
    livePosts.map((row) => ({ scheduledPostAt: row.scheduledPostAt ? new Date(row.scheduledPostAt).toISOString() : null, postedAt: new Date(row.postedAt).toISOString() })),
  );
  const posted = onTimeShare.of;
  const onTime = onTimeShare.count;

  const ratingRows: Array<Record<string, unknown>> =
    role === Role.Finance
      ? []
      : await db.query(
          `SELECT r."id" AS "ratingId", r."collaborationId", r."requestedAt", r."remindedAt", cr."name" AS "creatorName", ca."name" AS "campaignName"
             FROM "creator_ratings" r
             JOIN "collaborations" c ON c."id" = r."collaborationId"
             JOIN "creators" cr ON cr."id" = r."creatorId"
             JOIN "campaigns" ca ON ca."id" = c."campaignId"
            WHERE r."rating" IS NULL AND ${inScope}
            ORDER BY r."requestedAt" ASC
            LIMIT ${LIMIT}`,
          [owners],
        );

  const firstMonth = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - (MONTHS - 1), 1));
  const monthRows: Array<{ month: string; currency: string | null; bookings: string; spend: string | null }> = await db.query(
    `SELECT to_char(date_trunc('month', c."createdAt" AT TIME ZONE 'UTC'), 'YYYY-MM') AS "month", c."currency",
            count(*) AS "bookings", sum(c."creatorFeeMinor") AS "spend"
       FROM "collaborations" c
      WHERE ${inScope} AND c."createdAt" >= $2
      GROUP BY 1, 2`,
    [owners, firstMonth],
  );
  const monthly: DashboardMonth[] = [];
  for (let i = 0; i < MONTHS; i += 1) {
    const month = new Date(Date.UTC(firstMonth.getUTCFullYear(), firstMonth.getUTCMonth() + i, 1)).toISOString().slice(0, 7);
    const rows = monthRows.filter((row) => row.month === month);
    monthly.push({
      month,
      bookings: rows.reduce((sum, row) => sum + Number(row.bookings), 0),
      spend: Object.fromEntries(rows.filter((row) => row.currency && row.spend !== null).map((row) => [String(row.currency).trim(), Number(row.spend)])),
    });
  }

  return {
    role,
    name: typeof currentAdmin?.name === 'string' ? currentAdmin.name : '',
    scope: owners === null ? 'all collaborations' : role === Role.Manager ? 'your team’s collaborations' : 'your collaborations',
    escalations: escalationRows.map((row) => ({
      id: String(row.id),
      kind: String(row.kind),
      severity: String(row.severity),
      status: String(row.status),
      raisedAt: iso(row.raisedAt),
      summary: String(row.summary ?? ''),
      collaborationId: (row.collaborationId as string | null) ?? null,
      creatorName: (row.creatorName as string | null) ?? null,
      campaignName: (row.campaignName as string | null) ?? null,
    })),
    deadlines: deadlineRows.map((row) => ({
      what: String(row.what),
      dueAt: iso(row.dueAt),
      collaborationId: String(row.collaborationId),
      creatorName: String(row.creatorName),
      campaignName: String(row.campaignName),
    })),
    draftsInReview: draftRows.map((row) => ({
      id: String(row.id),
      version: Number(row.version),
      submittedAt: iso(row.submittedAt),
      deliverableType: String(row.deliverableType),
      collaborationId: String(row.collaborationId),
      creatorName: String(row.creatorName),
      campaignName: String(row.campaignName),
    })),
    payouts,
    ratingTasks: ratingRows.map((row) => ({
      collaborationId: String(row.collaborationId),
      ratingId: String(row.ratingId),
      creatorName: String(row.creatorName),
      campaignName: String(row.campaignName),
      requestedAt: iso(row.requestedAt),
      reminded: row.remindedAt !== null && row.remindedAt !== undefined,
    })),
    onTime: { month: monthStart.toISOString().slice(0, 7), posted, onTime, rate: onTimeShare.rate },
    monthly,
  };
}

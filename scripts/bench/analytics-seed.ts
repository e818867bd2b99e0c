import type { DataSource } from 'typeorm';

/**
 * The analytics benchmark's data, generated inside PostgreSQL (generate_series), so a million
 * rows take seconds: teams of ten talent managers with twenty creators each, bookings spread
 * over 24 months with one post each, ten readings per post, daily sales for every creator over
 * the 24 months, escalations, ratings and targets. `scale` 1 is the full size of the issue
 * (2,000 creators, 100,000 bookings, 1,000,000 readings, 2,000 × 24 months of daily sales);
 * 0.1 is the small size the full one is compared with.
 */
export interface AnalyticsScale {
  creators: number;
  bookings: number;
  readingsPerPost: number;
  months: number;
}

export function analyticsScale(scale: number): AnalyticsScale {
  return { creators: Math.round(2_000 * scale), bookings: Math.round(100_000 * scale), readingsPerPost: 10, months: 24 };
}

export interface SeededAnalytics {
  /** A team lead and one of their talent managers and creators: the pages measured. */
  managerId: string;
  talentManagerId: string;
  creatorId: string;
  /** The last complete month of the data (its first day). */
  month: string;
  counts: Record<string, number>;
}

const CREATORS_PER_TM = 20;
const TMS_PER_TEAM = 10;

export async function seedAnalytics(db: DataSource, size: AnalyticsScale, passwordHash: string, now: Date): Promise<SeededAnalytics> {
  const tms = Math.ceil(size.creators / CREATORS_PER_TM);
  const managers = Math.ceil(tms / TMS_PER_TEAM);
  const end = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
  const start = new Date(Date.UTC(end.getUTCFullYear(), end.getUTCMonth() - size.months, 1));
  const days = Math.round((end.getTime() - start.getTime()) / 86_400_000);
  const q = (sql: string, params: unknown[] = []) => db.query(sql, params);

  await q(
    `INSERT INTO "users" ("email", "name", "role", "passwordHash") SELECT 'manager-' || i || '@bench.local', 'Manager ' || i, 'manager', $2 FROM generate_series(1, $1) i`,
    [managers, passwordHash],
  );
  await q(
    `INSERT INTO "users" ("email", "name", "role", "passwordHash", "managerId")
     SELECT 'tm-' || i || '@bench.local', 'Talent manager ' || i, 'talent_manager', $3, (SELECT "id" FROM "users" WHERE "email" = 'manager-' || ((i - 1) / $2 + 1) || '@bench.local')
       FROM generate_series(1, $1) i`,
    [tms, TMS_PER_TEAM, passwordHash],
  );
  await q(
    `INSERT INTO "creators" ("name", "handle", "ownerId", "status", "createdAt")
     SELECT 'Creator ' || i, 'bench-creator-' || i, (SELECT "id" FROM "users" WHERE "email" = 'tm-' || ((i - 1) / $2 + 1) || '@bench.local'), 'active', $3
       FROM generate_series(1, $1) i`,
    [size.creators, CREATORS_PER_TM, start],
  );
  await q(`CREATE TEMP TABLE bench_creators AS SELECT row_number() OVER (ORDER BY "handle") - 1 AS n, "id", "ownerId" FROM "creators" WHERE "handle" LIKE 'bench-creator-%'`);
  await q(`CREATE INDEX ON bench_creators (n)`);
  await q(`INSERT INTO "brands" ("name", "category") SELECT 'Bench brand ' || i, 'skincare' FROM generate_series(1, 50) i`);
  // A creator is booked once per campaign: at most as many bookings per campaign as creators.
  const perCampaign = Math.min(84, size.creators);
  const campaigns = Math.ceil(size.bookings / perCampaign);
  await q(
    `INSERT INTO "campaigns" ("brandId", "name", "market", "budgetMinor", "currency", "startsOn", "endsOn", "ownerId", "status")
     SELECT (SELECT "id" FROM "brands" WHERE "name" = 'Bench brand ' || (i % 50 + 1)), 'Bench campaign ' || i, 'IN', 100000000, 'INR',
            ($2::date + ((i * $3 / $1) || ' days')::interval)::date, ($2::date + ((i * $3 / $1 + 60) || ' days')::interval)::date,
            (SELECT "id" FROM "users" WHERE "email" = 'manager-1@bench.local'), 'completed'
       FROM generate_series(0, $1 - 1) i`,
    [campaigns, start, days],
  );
  await q(`CREATE TEMP TABLE bench_campaigns AS SELECT row_number() OVER (ORDER BY "createdAt", "name") - 1 AS n, "id", "brandId", "startsOn" FROM "campaigns" WHERE "name" LIKE 'Bench campaign %'`);
  await q(`CREATE INDEX ON bench_campaigns (n)`);
  // Booking i: campaign i / per, creator (37 i + campaign) mod creators: different creators within a campaign (37 is prime to the counts used).
  await q(
    `INSERT INTO "collaborations" ("id", "campaignId", "creatorId", "talentManagerId", "stage", "brandPriceMinor", "creatorFeeMinor", "marginBps", "currency", "workflowId", "createdAt", "updatedAt")
     SELECT g.id, ca."id", cr."id", cr."ownerId", CASE WHEN g.i % 17 = 0 THEN 'DROPPED' ELSE 'COMPLETED' END, 5000000 + (g.i % 50) * 100000, 4000000 + (g.i % 50) * 70000, 2000, 'INR',
            'collaboration-' || g.id, ca."startsOn" + interval '3 days', ca."startsOn" + interval '50 days'
       FROM (SELECT i, gen_random_uuid() AS id FROM generate_series(0, $1 - 1) i) g
       JOIN bench_campaigns ca ON ca.n = g.i / $3
       JOIN bench_creators cr ON cr.n = (37 * g.i + g.i / $3) % $2`,
    [size.bookings, size.creators, perCampaign],
  );
  await q(
    `INSERT INTO "deliverables" ("collaborationId", "type", "platform", "status", "draftDueAt", "scheduledPostAt", "postedAt", "revisionCount", "liveUrl")
     SELECT c."id", 'reel', 'instagram', 'verified', c."createdAt" + interval '10 days', c."createdAt" + interval '14 days',
            c."createdAt" + interval '14 days' + (CASE WHEN abs(hashtext(c."id"::text)) % 5 = 0 THEN interval '6 hours' ELSE interval '-1 hour' END),
            abs(hashtext(c."id"::text)) % 3, 'https://www.instagram.com/reel/' || c."id"
       FROM "collaborations" c WHERE c."stage" = 'COMPLETED' AND c."workflowId" LIKE 'collaboration-%' AND c."talentManagerId" IN (SELECT "ownerId" FROM bench_creators)`,
  );
  await q(
    `INSERT INTO "performance_snapshots" ("deliverableId", "capturedAt", "label", "source", "views", "reach", "likes", "comments", "shares", "saves", "clicks", "orders")
     SELECT d."id", d."postedAt" + (k || ' days')::interval, 'imported', 'import', 1000 * k + abs(hashtext(d."id"::text)) % 5000, 700 * k, 40 * k, 5 * k, 3 * k, 2 * k, 20 * k, k
       FROM "deliverables" d JOIN "collaborations" c ON c."id" = d."collaborationId" JOIN bench_creators cr ON cr."id" = c."creatorId"
      CROSS JOIN generate_series(1, $1) k`,
    [size.readingsPerPost],
  );
  const [{ id: importId }] = await q(
    `INSERT INTO "imports" ("kind", "format", "fileName", "actorId", "outcome") VALUES ('creator_sales', 'canonical', 'bench', (SELECT "id" FROM "users" WHERE "email" = 'manager-1@bench.local'), 'stored') RETURNING "id"`,
  );
  await q(
    `INSERT INTO "creator_sales" ("creatorId", "date", "orders", "gmvMinor", "returnsMinor", "cancellationsMinor", "currency", "status", "importId")
     SELECT cr."id", ($2::date + d), 1 + (cr.n + d) % 7, 100000 + ((cr.n * 31 + d * 17) % 900) * 1000, ((cr.n + d) % 10) * 1000, ((cr.n + d) % 4) * 500, 'INR', 'settled', $3
       FROM bench_creators cr CROSS JOIN generate_series(0, $1 - 1) d`,
    [days, start, importId],
  );
  await q(
    `INSERT INTO "escalations" ("collaborationId", "campaignId", "kind", "severity", "raisedAt", "status", "resolution", "resolvedAt", "summary", "eventKey")
     SELECT c."id", c."campaignId", 'DRAFT_OVERDUE', 'medium', c."createdAt" + interval '8 days', 'resolved',
            CASE WHEN abs(hashtext(c."id"::text)) % 3 = 0 THEN 'RESOLVED_LATE' ELSE 'EXTEND' END, c."createdAt" + interval '9 days', 'bench', 'bench:' || c."id"
       FROM "collaborations" c WHERE abs(hashtext(c."id"::text)) % 10 = 0 AND c."workflowId" LIKE 'collaboration-%'`,
  );
  await q(
    `INSERT INTO "creator_ratings" ("collaborationId", "creatorId", "talentManagerId", "requestedAt", "rating", "ratedAt", "ratedByRole")
     SELECT c."id", c."creatorId", c."talentManagerId", c."updatedAt", 1 + abs(hashtext(c."id"::text)) % 5, c."updatedAt" + interval '2 days', 'talent_manager'
       FROM "collaborations" c WHERE c."stage" = 'COMPLETED' AND abs(hashtext(c."id"::text)) % 2 = 0`,
  );
  await q('ANALYZE');
  const counts: Record<string, number> = {};
  for (const table of ['users', 'creators', 'campaigns', 'collaborations', 'deliverables', 'performance_snapshots', 'creator_sales', 'escalations', 'creator_ratings']) {
    counts[table] = Number((await q(`SELECT count(*)::int AS n FROM "${table}"`))[0].n);
  }
  const [picked] = await q(
    `SELECT m."id" AS "managerId", tm."id" AS "talentManagerId", (SELECT "id" FROM "creators" WHERE "ownerId" = tm."id" ORDER BY "handle" LIMIT 1) AS "creatorId"
       FROM "users" m JOIN "users" tm ON tm."managerId" = m."id" WHERE m."email" = 'manager-1@bench.local' ORDER BY tm."email" LIMIT 1`,
  );
  const month = new Date(Date.UTC(end.getUTCFullYear(), end.getUTCMonth() - 1, 1)).toISOString().slice(0, 10);
  return { managerId: picked.managerId, talentManagerId: picked.talentManagerId, creatorId: picked.creatorId, month, counts };
}

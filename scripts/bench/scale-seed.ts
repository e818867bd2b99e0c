import type { DataSource } from 'typeorm';

/**
 * The list benchmark's bookings, generated inside PostgreSQL (generate_series) so a million rows
 * take a minute, not hours: one manager, ten talent managers with a hundred creators each, and
 * campaigns of a thousand bookings (every creator once per campaign, as the unique key demands).
 * Stages cycle through every stage so a filter on one keeps about a tenth of the rows; creation
 * times spread over two years so the default sort (newest first) has real work.
 */
export interface SeededBookings {
  /** A talent manager whose own bookings (a tenth of all) are the scoped list. */
  talentManagerEmail: string;
  counts: Record<string, number>;
}

const CREATORS = 1_000;
const TALENT_MANAGERS = 10;
const STAGES = ['BRIEFED', 'CONFLICT_CHECK', 'NEGOTIATING', 'CONTRACTING', 'IN_PRODUCTION', 'POSTING', 'MEASURING', 'PAYOUT', 'COMPLETED', 'DROPPED', 'CANCELLED'];

export async function seedBookings(db: DataSource, bookings: number, passwordHash: string): Promise<SeededBookings> {
  const q = (sql: string, params: unknown[] = []) => db.query(sql, params);
  await q(`INSERT INTO "users" ("email", "name", "role", "passwordHash") VALUES ('manager@bench.local', 'Bench manager', 'manager', $1)`, [passwordHash]);
  await q(
    `INSERT INTO "users" ("email", "name", "role", "passwordHash", "managerId")
     SELECT 'tm-' || i || '@bench.local', 'Talent manager ' || i, 'talent_manager', $2, (SELECT "id" FROM "users" WHERE "email" = 'manager@bench.local')
       FROM generate_series(1, $1) i`,
    [TALENT_MANAGERS, passwordHash],
  );
  await q(
    `INSERT INTO "creators" ("name", "handle", "ownerId", "status")
     SELECT 'Creator ' || i, 'bench-creator-' || i, (SELECT "id" FROM "users" WHERE "email" = 'tm-' || (i % $2 + 1) || '@bench.local'), 'active'
       FROM generate_series(0, $1 - 1) i`,
    [CREATORS, TALENT_MANAGERS],
  );
  await q(`CREATE TEMP TABLE bench_creators AS SELECT row_number() OVER (ORDER BY "handle") - 1 AS n, "id", "ownerId" FROM "creators"`);
  await q(`CREATE INDEX ON bench_creators (n)`);
  await q(`INSERT INTO "brands" ("name", "category") SELECT 'Bench brand ' || i, 'skincare' FROM generate_series(1, 20) i`);
  const campaigns = Math.ceil(bookings / CREATORS);
  await q(
    `INSERT INTO "campaigns" ("brandId", "name", "market", "budgetMinor", "currency", "startsOn", "endsOn", "ownerId")
     SELECT (SELECT "id" FROM "brands" WHERE "name" = 'Bench brand ' || (i % 20 + 1)), 'Bench campaign ' || i, 'IN', 100000000000, 'INR',
            (now() - interval '730 days' + (i * 730 / $1) * interval '1 day')::date, (now() - interval '670 days' + (i * 730 / $1) * interval '1 day')::date,
            (SELECT "id" FROM "users" WHERE "email" = 'manager@bench.local')
       FROM generate_series(0, $1 - 1) i`,
    [campaigns],
  );
  await q(`CREATE TEMP TABLE bench_campaigns AS SELECT row_number() OVER (ORDER BY "name") - 1 AS n, "id" FROM "campaigns"`);
  await q(`CREATE INDEX ON bench_campaigns (n)`);
  await q(
    `INSERT INTO "collaborations" ("campaignId", "creatorId", "talentManagerId", "stage", "brandPriceMinor", "creatorFeeMinor", "marginBps", "currency", "workflowId", "createdAt", "updatedAt")
     SELECT ca."id", cr."id", cr."ownerId", ($3::text[])[1 + g.i % cardinality($3::text[])], 5000000, 4000000, 2000, 'INR', 'collaboration-bench-' || g.i,
            now() - (g.i::float / $1) * interval '730 days', now() - (g.i::float / $1) * interval '700 days'
       FROM generate_series(0, $1 - 1) AS g(i)
       JOIN bench_campaigns ca ON ca.n = g.i / $2
       JOIN bench_creators cr ON cr.n = g.i % $2`,
    [bookings, CREATORS, STAGES],
  );
  // What autovacuum does to a table this size soon after: statistics, and the visibility map that lets counts read indexes only.
  await q('VACUUM ANALYZE');
  const counts: Record<string, number> = {};
  for (const table of ['users', 'creators', 'campaigns', 'collaborations']) {
    counts[table] = Number((await q(`SELECT count(*)::int AS n FROM "${table}"`))[0].n);
  }
  return { talentManagerEmail: 'tm-1@bench.local', counts };
}

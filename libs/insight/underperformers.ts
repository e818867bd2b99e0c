import { EntityManager } from 'typeorm';
import { DEFAULT_UNDERPERFORMANCE_SETTINGS, creatorCohort, type FlagSubject, type PostObservation, type UnderperformanceSettings } from '../domain/rules/underperformance';
import { ATTRIBUTION_DAYS } from './candidates';

const DAY_MS = 86_400_000;

interface PostRow {
  postedOn: string;
  creatorId: string;
  campaignId: string;
  currency: string;
  brandCategory: string | null;
  campaignOwnerId: string;
  views: number | null;
  engagements: string | null;
  nmvMinor: string | null;
  spendMinor: number | null;
}

export interface LoadedSubjects {
  subjects: FlagSubject[];
  /** Whose reach each subject is in (`creator:<id>` / `campaign:<id>`): the creator's owner, the campaign's owner. */
  owners: Map<string, string>;
  names: Map<string, string>;
}

/**
 * The posts the underperformer rule reads as of a day (docs/metrics.md#underperformer-flags): every
 * post of the baseline and evaluation windows, with its latest reading up to the end of that day,
 * its NMV (the creator's settled sales in the campaign currency in the 7-day attribution window,
 * as the recommendation priors; null while that window is still open) and its spend (the booking's
 * brand price over its deliverables). Each post counts for its creator and for its campaign.
 */
export async function loadFlagSubjects(db: EntityManager, asOf: string, settings: UnderperformanceSettings = DEFAULT_UNDERPERFORMANCE_SETTINGS): Promise<LoadedSubjects> {
  const end = new Date(Date.parse(`${asOf}T00:00:00Z`) + DAY_MS);
  const from = new Date(end.getTime() - (settings.windowDays + settings.baselineDays) * DAY_MS);
  const rows: PostRow[] = await db.query(
    `SELECT to_char((d."postedAt" AT TIME ZONE 'UTC')::date, 'YYYY-MM-DD') AS "postedOn", c."creatorId", c."campaignId", k."currency",
            b."category" AS "brandCategory", k."ownerId" AS "campaignOwnerId", s."views", s."engagements",
            CASE WHEN c."brandPriceMinor" IS NULL THEN NULL
                 ELSE c."brandPriceMinor"::float8 / (SELECT count(*) FROM "deliverables" all_d WHERE all_d."collaborationId" = c."id") END AS "spendMinor",
            CASE WHEN (d."postedAt" AT TIME ZONE 'UTC')::date + $3::int <= $2::date
                 THEN (SELECT coalesce(sum(cs."gmvMinor" - cs."returnsMinor" - cs."cancellationsMinor"), 0) FROM "creator_sales" cs
                        WHERE cs."creatorId" = c."creatorId" AND cs."currency" = k."currency" AND cs."status" = 'settled'
                          AND cs."date" >= (d."postedAt" AT TIME ZONE 'UTC')::date AND cs."date" < (d."postedAt" AT TIME ZONE 'UTC')::date + $3::int)
            END AS "nmvMinor"
       FROM "deliverables" d
       JOIN "collaborations" c ON c."id" = d."collaborationId"
       JOIN "campaigns" k ON k."id" = c."campaignId"
       JOIN "brands" b ON b."id" = k."brandId"
       LEFT JOIN LATERAL (
         SELECT p."views",
                CASE WHEN p."likes" IS NULL AND p."comments" IS NULL AND p."shares" IS NULL AND p."saves" IS NULL THEN NULL
                     ELSE coalesce(p."likes", 0) + coalesce(p."comments", 0) + coalesce(p."shares", 0) + coalesce(p."saves", 0) END AS "engagements"
           FROM "performance_snapshots" p
          WHERE p."deliverableId" = d."id" AND p."capturedAt" < $2 AND p."source" <> 'no_data'
          ORDER BY p."capturedAt" DESC LIMIT 1
       ) s ON true
      WHERE d."postedAt" IS NOT NULL AND d."postedAt" >= $1 AND d."postedAt" < $2`,
    [from, end, ATTRIBUTION_DAYS],
  );
  const creatorIds = [...new Set(rows.map((r) => r.creatorId))];
  const creators: Array<{ id: string; name: string; ownerId: string; niches: string[]; channels: Array<{ platform: string; followers: number }> }> = creatorIds.length
    ? await db.query(`SELECT "id", "name", "ownerId", "niches", "channels" FROM "creators" WHERE "id" = ANY($1)`, [creatorIds])
    : [];
  const campaignIds = [...new Set(rows.map((r) => r.campaignId))];
  const campaigns: Array<{ id: string; name: string }> = campaignIds.length ? await db.query(`SELECT "id", "name" FROM "campaigns" WHERE "id" = ANY($1)`, [campaignIds]) : [];

  const observation = (r: PostRow): PostObservation => {
    const nmv = r.nmvMinor === null ? null : Number(r.nmvMinor);
    const engagements = r.engagements === null ? null : Number(r.engagements);
    return {
      on: r.postedOn,
      currency: r.currency,
      nmvPerPost: nmv,
      roas: nmv !== null && r.spendMinor !== null && r.spendMinor > 0 ? nmv / r.spendMinor : null,
      engagementRate: engagements !== null && r.views !== null && r.views > 0 ? engagements / r.views : null,
    };
  };
  const owners = new Map<string, string>();
  const names = new Map<string, string>();
  const subjects: FlagSubject[] = [];
  for (const creator of creators) {
    owners.set(`creator:${creator.id}`, creator.ownerId);
    names.set(`creator:${creator.id}`, creator.name);
    subjects.push({ kind: 'creator', id: creator.id, cohort: creatorCohort(creator.channels ?? [], creator.niches ?? []), posts: rows.filter((r) => r.creatorId === creator.id).map(observation) });
  }
  for (const campaign of campaigns) {
    const own = rows.filter((r) => r.campaignId === campaign.id);
    owners.set(`campaign:${campaign.id}`, own[0].campaignOwnerId);
    names.set(`campaign:${campaign.id}`, campaign.name);
    // Campaigns have no tier or niche: they are compared with campaigns of brands in the same category.
    subjects.push({ kind: 'campaign', id: campaign.id, cohort: own[0].brandCategory ?? 'no-category', posts: own.map(observation) });
  }
  return { subjects, owners, names };
}

import { BadRequestException, ForbiddenException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { addMonths, forecastEntities, monthGrid, type EntityForecast, type ForecastEntity, type NmvSeries } from '../../../libs/domain/rules/forecast';
import { completionRate, pipelineUplift, shrunkNmvPerPost } from '../../../libs/domain/rules/forecast/pipeline';
import { INSIGHT_READ } from '../../../libs/domain/rules/reach';
import { Role, type Actor } from '../../../libs/domain/rules/roles';
import { RecordReach } from '../users/record-reach';
import { UsersService } from '../users/users.service';
import type { ForecastLevel } from './forecast-levels';

/** How far back a series' history reaches: three years is more than any of the models uses. */
const HISTORY_MONTHS = 36;
/** The window NMV per post and the usual posting rate are measured over. */
const POSTS_WINDOW_MONTHS = 12;

export interface NmvForecast {
  asOf: string;
  level: ForecastLevel;
  horizon: number;
  items: EntityForecast[];
}

const monthOf = (date: Date) => date.toISOString().slice(0, 7);
const startOf = (month: string) => new Date(`${month}-01T00:00:00Z`);

/**
 * Creator-driven NMV forecasts (docs/metrics.md#forecast): each creator's monthly settled NMV
 * up to the as-of month, a model per series, summed bottom-up to the level asked for, plus the
 * pipeline of bookings contracted but not yet posted. Reach as on the analytics pages.
 */
@Injectable()
export class ForecastsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly reach: RecordReach,
    private readonly users: UsersService,
  ) {}

  /** The last complete calendar month (UTC) at `now`. */
  static lastCompleteMonth(now: Date): string {
    return addMonths(monthOf(now), -1);
  }

  /** `only`: the one entity wanted (an analytics page's); every entity in reach otherwise. */
  async nmv(actor: Actor, level: ForecastLevel, horizon: number, asOf: string | undefined, now: Date = new Date(), only?: string): Promise<NmvForecast> {
    const month = asOf ?? ForecastsService.lastCompleteMonth(now);
    if (month >= monthOf(now)) throw new BadRequestException(`asOf must be a complete month, before ${monthOf(now)}`);
    if (level === 'brand' && actor.role === Role.TalentManager) {
      throw new ForbiddenException("A brand's figures span every team; a talent manager sees their own creators' and their own figures instead");
    }
    const series = await this.series(month, level === 'brand', horizon);
    const entities = (await this.entities(actor, level, series)).filter((entity) => only === undefined || entity.id === only);
    const items = forecastEntities(series.grid, horizon, series.series, entities);
    return { asOf: month, level, horizon, items };
  }

  /** The API's answer: the items without the actual months the panel's chart draws. */
  static forApi(forecast: NmvForecast) {
    return { ...forecast, items: forecast.items.map(({ actuals: _actuals, pipelineWeight: _weight, ...item }) => item) };
  }

  private async entities(actor: Actor, level: ForecastLevel, data: { creators: Map<string, { name: string; ownerId: string | null }> }): Promise<ForecastEntity[]> {
    // The same rule as the analytics pages: INSIGHT_READ (own, team's, or everyone's).
    const owners = await this.reach.owners(actor, INSIGHT_READ);
    const reaches = (ownerId: string | null) => owners === 'all' || (ownerId !== null && owners.includes(ownerId));
    const ownerOf = (s: NmvSeries) => data.creators.get(s.creatorId)?.ownerId ?? null;
    switch (level) {
      case 'creator':
        return [...data.creators.entries()]
          .filter(([, creator]) => reaches(creator.ownerId))
          .map(([id, creator]) => ({ id, name: creator.name, includes: (s: NmvSeries) => s.creatorId === id }));
      case 'talentManager': {
        const people: Array<{ id: string; name: string }> = await this.db.query(
          `SELECT u."id", u."name" FROM "users" u WHERE u."id" IN (SELECT DISTINCT "ownerId" FROM "creators" WHERE "ownerId" IS NOT NULL) ORDER BY u."name", u."id"`,
        );
        return people.filter((person) => reaches(person.id)).map((person) => ({ id: person.id, name: person.name, includes: (s: NmvSeries) => ownerOf(s) === person.id }));
      }
      case 'team': {
        const managers: Array<{ id: string; name: string }> = await this.db.query(
          `SELECT u."id", u."name" FROM "users" u WHERE u."role" = $1 AND u."active" ORDER BY u."name", u."id"`,
          [Role.Manager],
        );
        const teams = await Promise.all(
          managers.filter((manager) => reaches(manager.id)).map(async (manager) => ({ ...manager, members: new Set(await this.users.teamOf(manager.id)) })),
        );
        return teams.map((team) => ({ id: team.id, name: team.name, includes: (s: NmvSeries) => team.members.has(ownerOf(s) ?? '') }));
      }
      case 'brand': {
        const brands: Array<{ id: string; name: string }> = await this.db.query(`SELECT b."id", b."name" FROM "brands" b ORDER BY b."name", b."id"`);
        return brands.map((brand) => ({ id: brand.id, name: brand.name, includes: (s: NmvSeries) => s.brandId === brand.id }));
      }
    }
  }

  /**
   * Every creator's monthly settled NMV (GMV − returns − cancellations, docs/metrics.md#nmv)
   * from sales dated up to the end of the as-of month, whatever their import date, per currency
   * (and brand, for the brand level); with each series' pipeline uplift for the months ahead.
   * Every creator counts, in reach or not: the cohort a series borrows from is the whole
   * roster's, so a creator's forecast is the same whoever asks.
   */
  private async series(asOf: string, byBrand: boolean, horizon: number) {
    const end = addMonths(asOf, 1);
    const from = addMonths(asOf, -(HISTORY_MONTHS - 1));
    const rows: Array<{ creatorId: string; brandId: string | null; currency: string; month: string; nmv: string }> = await this.db.query(
      `SELECT s."creatorId", ${byBrand ? `s."brandId"` : 'NULL'} AS "brandId", s."currency", to_char(s."date", 'YYYY-MM') AS "month",
              sum(s."gmvMinor" - s."returnsMinor" - s."cancellationsMinor") AS "nmv"
         FROM "creator_sales" s
        WHERE s."status" = 'settled' AND s."date" >= $1::date AND s."date" < $2::date ${byBrand ? `AND s."brandId" IS NOT NULL` : ''}
        GROUP BY 1, 2, 3, 4`,
      [`${from}-01`, `${end}-01`],
    );
    const creatorRows: Array<{ id: string; name: string; ownerId: string | null }> = await this.db.query(`SELECT "id", "name", "ownerId" FROM "creators" ORDER BY "name", "id"`);
    const creators = new Map(creatorRows.map((c) => [c.id, { name: c.name, ownerId: c.ownerId }]));
    const first = rows.reduce((earliest, row) => (row.month < earliest ? row.month : earliest), asOf);
    const grid = monthGrid(first, asOf);
    const index = new Map(grid.map((month, i) => [month, i]));
    const byKey = new Map<string, NmvSeries>();
    for (const row of rows) {
      const currency = row.currency.trim();
      const key = `${row.creatorId}|${row.brandId ?? ''}|${currency}`;
      let s = byKey.get(key);
      if (!s) byKey.set(key, (s = { creatorId: row.creatorId, brandId: row.brandId, currency, values: Array<number>(grid.length).fill(0), upliftAt: () => [] }));
      s.values[index.get(row.month)!] += Number(row.nmv);
    }
    const series = [...byKey.values()];
    await this.addPipeline(series, grid, horizon, byBrand);
    return { grid, series, creators };
  }

  /**
   * The pipeline (docs/metrics.md#pipeline) as known at the start of each month of the grid
   * (the back-test's origins) and at the end of the as-of month: deliverables of bookings
   * contracted by then and not posted by then, in the month they are scheduled (an overdue or
   * unscheduled one in the first month ahead), each worth the creator's NMV per post over the
   * 12 months before, shrunk towards the cohort's, times the completion rate learned from the
   * bookings whose outcome was known by then. A booking counts as contracted when its contract
   * was executed; a booking on record without a contract (imported history) from its creation,
   * once past contracting.
   */
  private async addPipeline(series: NmvSeries[], grid: readonly string[], horizon: number, byBrand: boolean): Promise<void> {
    const origins = Array.from({ length: grid.length + 1 }, (_, t) => startOf(addMonths(grid[0], t)));
    const contracted = `
      WITH booked AS (
        SELECT c."id", c."creatorId", c."currency", ca."brandId", c."stage", c."updatedAt",
               coalesce((SELECT max(greatest(k."creatorSignedAt", k."agencySignedAt")) FROM "contracts" k WHERE k."collaborationId" = c."id" AND k."status" = 'executed'),
                        CASE WHEN NOT EXISTS (SELECT 1 FROM "contracts" k WHERE k."collaborationId" = c."id")
                              AND c."stage" IN ('IN_PRODUCTION', 'POSTING', 'MEASURING', 'PAYOUT', 'COMPLETED', 'DROPPED', 'CANCELLED') THEN c."createdAt" END) AS "contractedAt"
          FROM "collaborations" c JOIN "campaigns" ca ON ca."id" = c."campaignId"),
      origins AS (SELECT o."at", o."t" FROM unnest($1::timestamptz[]) WITH ORDINALITY AS o("at", "t"))`;
    const outcomes: Array<{ t: string; posted: string; failed: string }> = await this.db.query(
      `${contracted}
       SELECT o."t",
              count(*) FILTER (WHERE EXISTS (SELECT 1 FROM "deliverables" d WHERE d."collaborationId" = b."id" AND d."postedAt" < o."at")) AS "posted",
              count(*) FILTER (WHERE b."stage" IN ('DROPPED', 'CANCELLED') AND b."updatedAt" < o."at"
                               AND NOT EXISTS (SELECT 1 FROM "deliverables" d WHERE d."collaborationId" = b."id" AND d."postedAt" < o."at")) AS "failed"
         FROM origins o JOIN booked b ON b."contractedAt" < o."at" GROUP BY 1`,
      [origins],
    );
    const pending: Array<{ t: string; creatorId: string; brandId: string; currency: string; month: string; posts: string }> = await this.db.query(
      `${contracted}
       SELECT o."t", b."creatorId", b."brandId", b."currency", to_char(greatest(d."scheduledPostAt", o."at") AT TIME ZONE 'UTC', 'YYYY-MM') AS "month", count(*) AS "posts"
         FROM origins o JOIN booked b ON b."contractedAt" < o."at" JOIN "deliverables" d ON d."collaborationId" = b."id"
        WHERE (d."postedAt" IS NULL OR d."postedAt" >= o."at") AND NOT (b."stage" IN ('DROPPED', 'CANCELLED') AND b."updatedAt" < o."at")
        GROUP BY 1, 2, 3, 4, 5`,
      [origins],
    );
    const posted: Array<{ creatorId: string; brandId: string; month: string; posts: string }> = await this.db.query(
      `SELECT c."creatorId", ca."brandId", to_char(d."postedAt" AT TIME ZONE 'UTC', 'YYYY-MM') AS "month", count(*) AS "posts"
         FROM "deliverables" d JOIN "collaborations" c ON c."id" = d."collaborationId" JOIN "campaigns" ca ON ca."id" = c."campaignId"
        WHERE d."postedAt" >= $1 AND d."postedAt" < $2 GROUP BY 1, 2, 3`,
      [startOf(addMonths(grid[0], -POSTS_WINDOW_MONTHS)), origins[grid.length]],
    );
    const keyOf = (creatorId: string, brandId: string | null) => (byBrand ? `${creatorId}|${brandId}` : creatorId);
    // Origin t is the start of grid month t; SQL's ordinality counts from 1.
    const completion = new Map(outcomes.map((row) => [Number(row.t) - 1, completionRate(Number(row.posted), Number(row.failed))]));
    const booked = new Map<string, number>();
    for (const row of pending) {
      const key = `${Number(row.t) - 1}|${keyOf(row.creatorId, row.brandId)}|${row.currency.trim()}|${row.month}`;
      booked.set(key, (booked.get(key) ?? 0) + Number(row.posts));
    }
    const postsByMonth = new Map<string, Map<string, number>>();
    for (const row of posted) {
      const key = keyOf(row.creatorId, row.brandId);
      if (!postsByMonth.has(key)) postsByMonth.set(key, new Map());
      const months = postsByMonth.get(key)!;
      months.set(row.month, (months.get(row.month) ?? 0) + Number(row.posts));
    }
    // Posts in the 12 months before origin t.
    const postsBefore = (key: string, t: number) => {
      let count = 0;
      for (let m = 1; m <= POSTS_WINDOW_MONTHS; m += 1) count += postsByMonth.get(key)?.get(addMonths(grid[0], t - m)) ?? 0;
      return count;
    };
    const nmvBefore = (s: { values: number[] }, t: number) => s.values.slice(Math.max(0, t - POSTS_WINDOW_MONTHS), t).reduce((sum, value) => sum + value, 0);
    const cohortPerPost = new Map<string, number>();
    const cohortAt = (currency: string, t: number) => {
      const key = `${currency}|${t}`;
      if (!cohortPerPost.has(key)) {
        const same = series.filter((s) => s.currency === currency);
        const posts = same.reduce((sum, s) => sum + postsBefore(keyOf(s.creatorId, s.brandId), t), 0);
        cohortPerPost.set(key, posts ? same.reduce((sum, s) => sum + nmvBefore(s, t), 0) / posts : 0);
      }
      return cohortPerPost.get(key)!;
    };
    for (const s of series) {
      const key = keyOf(s.creatorId, s.brandId);
      const memo = new Map<number, number[]>();
      s.upliftAt = (t: number) => {
        if (!memo.has(t)) {
          const rate = completion.get(t) ?? completionRate(0, 0);
          const ownPosts = postsBefore(key, t);
          const perPost = Math.max(0, shrunkNmvPerPost(nmvBefore(s, t), ownPosts, cohortAt(s.currency, t)));
          const usual = ownPosts / Math.max(1, Math.min(POSTS_WINDOW_MONTHS, t));
          memo.set(t, Array.from({ length: horizon }, (_, h) => pipelineUplift(booked.get(`${t}|${key}|${s.currency}|${addMonths(grid[0], t + h)}`) ?? 0, usual, rate, perPost)));
        }
        return memo.get(t)!;
      };
    }
  }
}

import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../../libs/config/config';
import { totals, trend, type MonthlyPosts, type MonthlySales, type MonthlySpend } from '../../../libs/domain/rules/analytics';
import { isProvisional, nmvByCurrency } from '../../../libs/domain/rules/metrics';
import { monthsBetween, type Period } from '../../../libs/domain/rules/periods';
import type { Actor } from '../../../libs/domain/rules/roles';
import type { AnalyticsRow, AnalyticsView } from './analytics-page.component';
import { AnalyticsScopes, type AnalyticsKind, type AnalyticsScope } from './analytics-scope';

export type { AnalyticsRow, AnalyticsView } from './analytics-page.component';

const TREND_MONTHS = 12;

/** How each kind of child is keyed in the grouped queries (null: one query set per child). */
const CHILD_GROUPS: Record<AnalyticsScope['children'], { sales: string | null; collaborations: string } | null> = {
  collaborations: { sales: null, collaborations: `c."id"::text` },
  creators: { sales: `s."creatorId"::text`, collaborations: `c."creatorId"::text` },
  executives: { sales: `cr."ownerId"::text`, collaborations: `c."talentManagerId"::text` },
  campaigns: null,
};
const utc = (date: string): Date => new Date(`${date}T00:00:00Z`);
const num = (value: unknown): number | null => (value === null || value === undefined ? null : Number(value));
const month = (column: string) => `to_char(date_trunc('month', ${column}), 'YYYY-MM-01')`;

/**
 * Analytics of a creator, a campaign, a brand, an executive or a team: totals, the monthly
 * trend and the entities below, each figure by its definition (libs/domain/rules/metrics.ts,
 * analytics.ts). NMV comes from creator sales; post figures from each live post's latest reading.
 */
@Injectable()
export class AnalyticsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly scopes: AnalyticsScopes,
  ) {}

  async view(actor: Actor, kind: AnalyticsKind, id: string, period: Period, now: Date = new Date()): Promise<AnalyticsView> {
    const scope = await this.scopes.resolve(actor, kind, id);
    const periodMonths = monthsBetween(period.start, period.end);
    const lastMonth = periodMonths[periodMonths.length - 1];
    const trendStart = periodMonths.length >= TREND_MONTHS ? periodMonths[0] : addMonths(lastMonth, -(TREND_MONTHS - 1));
    const months = monthsBetween(trendStart, period.end);
    const beforeTrend = addMonths(trendStart, -1);

    const [sales, spend, posts, before, periodSales, periodSpend, periodPosts, rows] = await Promise.all([
      this.sales(scope, trendStart, period.end, month('s."date"')),
      this.spend(scope, trendStart, period.end, month(`c."createdAt" AT TIME ZONE 'UTC'`)),
      this.posts(scope, trendStart, period.end, month(`d."postedAt" AT TIME ZONE 'UTC'`)),
      this.sales(scope, beforeTrend, trendStart, `'before'`),
      this.sales(scope, period.start, period.end, `'period'`),
      this.spend(scope, period.start, period.end, `'period'`),
      this.posts(scope, period.start, period.end, `'period'`),
      this.children(scope, period),
    ]);
    const beforeNmv = nmvByCurrency(before);
    return {
      entity: { kind, id: scope.id, name: scope.name },
      period: { ...period, provisional: isProvisional(period.lastDay, now, this.config.returnWindowDays), returnWindowDays: this.config.returnWindowDays },
      totals: totals(periodSales, periodSpend, periodPosts),
      trend: trend(months, sales as MonthlySales[], spend as MonthlySpend[], posts as MonthlyPosts[], beforeNmv),
      table: { of: scope.children, rows },
      definitions: 'docs/metrics.md',
    };
  }

  /** Settled and pending sales of the scope in [from, to), summed per `groupBy`, currency and status. */
  private async sales(scope: AnalyticsScope, from: string, to: string, groupBy: string): Promise<MonthlySales[]> {
    const rows: Array<Record<string, string>> = await this.db.query(
      `SELECT ${groupBy} AS "month", s."currency", s."status", sum(s."orders") AS "orders", sum(s."gmvMinor") AS "gmv",
              sum(s."returnsMinor") AS "returns", sum(s."cancellationsMinor") AS "cancellations"
         FROM "creator_sales" s JOIN "creators" cr ON cr."id" = s."creatorId"
        WHERE ${scope.sales} AND s."date" >= $2::date AND s."date" < $3::date
        GROUP BY 1, 2, 3`,
      [scope.ids, from, to],
    );
    return rows.map((r) => ({
      month: r.month, currency: r.currency.trim(), status: r.status as 'settled' | 'pending', orders: Number(r.orders),
      gmvMinor: Number(r.gmv), returnsMinor: Number(r.returns), cancellationsMinor: Number(r.cancellations),
    }));
  }

  /** Spend: the brand price of the scope's collaborations booked in [from, to), not dropped or cancelled. */
  private async spend(scope: AnalyticsScope, from: string, to: string, groupBy: string): Promise<MonthlySpend[]> {
    const rows: Array<Record<string, string>> = await this.db.query(
      `SELECT ${groupBy} AS "month", c."currency", sum(c."brandPriceMinor") AS "spend"
         FROM "collaborations" c JOIN "campaigns" ca ON ca."id" = c."campaignId"
        WHERE ${scope.collaborations} AND c."createdAt" >= $2 AND c."createdAt" < $3
          AND c."stage" NOT IN ('DROPPED', 'CANCELLED') AND c."brandPriceMinor" IS NOT NULL
        GROUP BY 1, 2`,
      [scope.ids, utc(from), utc(to)],
    );
    return rows.map((r) => ({ month: r.month, currency: r.currency.trim(), spendMinor: Number(r.spend) }));
  }

  /** Posts of the scope that went live in [from, to), each with its latest reading, summed per `groupBy`. */
  private async posts(scope: AnalyticsScope, from: string, to: string, groupBy: string): Promise<MonthlyPosts[]> {
    const rows: Array<Record<string, string | null>> = await this.db.query(
      `SELECT ${groupBy} AS "month", count(*) AS "posts", sum(r."views") AS "views", sum(r."reach") AS "reach", sum(r."likes") AS "likes",
              sum(r."comments") AS "comments", sum(r."shares") AS "shares", sum(r."saves") AS "saves", sum(r."clicks") AS "clicks", sum(r."orders") AS "orders"
         FROM "deliverables" d
         JOIN "collaborations" c ON c."id" = d."collaborationId" JOIN "campaigns" ca ON ca."id" = c."campaignId"
         LEFT JOIN LATERAL (
           SELECT * FROM "performance_snapshots" ps WHERE ps."deliverableId" = d."id" AND ps."source" <> 'no_data' ORDER BY ps."capturedAt" DESC LIMIT 1
         ) r ON true
        WHERE ${scope.collaborations} AND d."postedAt" >= $2 AND d."postedAt" < $3
        GROUP BY 1`,
      [scope.ids, utc(from), utc(to)],
    );
    return rows.map((r) => ({
      month: String(r.month), posts: Number(r.posts), views: num(r.views), reach: num(r.reach), likes: num(r.likes), comments: num(r.comments),
      shares: num(r.shares), saves: num(r.saves), clicks: num(r.clicks), orders: num(r.orders),
    }));
  }

  /**
   * The entities below, each with its totals for the period. Where a child is a slice of the
   * page's own scope (its collaborations, creators or executives), one grouped query per figure
   * serves every child; a brand's campaigns attribute sales each their own way, one by one.
   */
  private async children(scope: AnalyticsScope, period: Period): Promise<AnalyticsRow[]> {
    const entries = await this.childEntries(scope, period);
    const grouped = CHILD_GROUPS[scope.children];
    if (grouped) {
      const [sales, spend, posts] = await Promise.all([
        grouped.sales ? this.sales(scope, period.start, period.end, grouped.sales) : Promise.resolve([] as MonthlySales[]),
        this.spend(scope, period.start, period.end, grouped.collaborations),
        this.posts(scope, period.start, period.end, grouped.collaborations),
      ]);
      return entries.map((entry) => ({
        id: entry.id, name: entry.name, link: entry.link, detail: entry.detail,
        totals: totals(sales.filter((row) => row.month === entry.id), spend.filter((row) => row.month === entry.id), posts.filter((row) => row.month === entry.id)),
      }));
    }
    return Promise.all(
      entries.map(async (entry) => {
        const child: AnalyticsScope = { ...scope, ids: entry.ids, sales: entry.sales, collaborations: entry.collaborations };
        const [sales, spend, posts] = await Promise.all([
          entry.sales ? this.sales(child, period.start, period.end, `'period'`) : Promise.resolve([]),
          this.spend(child, period.start, period.end, `'period'`),
          this.posts(child, period.start, period.end, `'period'`),
        ]);
        return { id: entry.id, name: entry.name, link: entry.link, detail: entry.detail, totals: totals(sales, spend, posts) };
      }),
    );
  }

  private async childEntries(scope: AnalyticsScope, period: Period) {
    const end = utc(period.end);
    const start = utc(period.start);
    switch (scope.children) {
      case 'collaborations': {
        // Collaborations of the creator or campaign that were running in the period. Their
        // figures are their posts'; creator sales are not split per collaboration.
        const rows: Array<Record<string, string>> = await this.db.query(
          `SELECT c."id", cr."name" AS "creator", ca."name" AS "campaign", b."name" AS "brand", c."stage"
             FROM "collaborations" c JOIN "campaigns" ca ON ca."id" = c."campaignId" JOIN "creators" cr ON cr."id" = c."creatorId" JOIN "brands" b ON b."id" = ca."brandId"
            WHERE ${scope.collaborations} AND c."createdAt" < $2 AND NOT (c."stage" IN ('COMPLETED', 'DROPPED', 'CANCELLED') AND c."updatedAt" < $3)
            ORDER BY c."createdAt"`,
          [scope.ids, end, start],
        );
        return rows.map((r) => ({
          id: r.id, name: scope.kind === 'creators' ? `${r.campaign} (${r.brand})` : r.creator, link: { resource: 'Collaboration' }, detail: r.stage,
          ids: [r.id], sales: '', collaborations: `c."id" = ANY($1)`,
        }));
      }
      case 'campaigns': {
        const rows: Array<Record<string, string>> = await this.db.query(
          `SELECT ca."id", ca."name", ca."status" FROM "campaigns" ca WHERE ca."brandId" = ANY($1) AND ca."startsOn" < $2::date AND ca."endsOn" >= $3::date ORDER BY ca."startsOn"`,
          [scope.ids, period.end, period.start],
        );
        return rows.map((r) => ({
          id: r.id, name: r.name, link: { analytics: 'campaigns' as AnalyticsKind }, detail: r.status, ids: [r.id],
          sales: `s."brandId" = (SELECT "brandId" FROM "campaigns" WHERE "id" = ($1::uuid[])[1]) AND s."creatorId" IN (SELECT "creatorId" FROM "collaborations" WHERE "campaignId" = ANY($1))
                  AND s."date" BETWEEN (SELECT "startsOn" FROM "campaigns" WHERE "id" = ($1::uuid[])[1]) AND (SELECT "endsOn" FROM "campaigns" WHERE "id" = ($1::uuid[])[1])`,
          collaborations: `c."campaignId" = ANY($1)`,
        }));
      }
      case 'creators': {
        const rows: Array<Record<string, string>> = await this.db.query(
          `SELECT cr."id", cr."name", cr."handle", cr."status" FROM "creators" cr WHERE cr."ownerId" = ANY($1) ORDER BY cr."name"`,
          [scope.ids],
        );
        return rows.map((r) => ({
          id: r.id, name: r.name, link: { analytics: 'creators' as AnalyticsKind }, detail: `@${r.handle} · ${r.status}`, ids: [r.id],
          sales: `s."creatorId" = ANY($1)`, collaborations: `c."creatorId" = ANY($1)`,
        }));
      }
      case 'executives': {
        const rows: Array<Record<string, string>> = await this.db.query(`SELECT u."id", u."name", u."role" FROM "users" u WHERE u."id" = ANY($1) ORDER BY u."name"`, [scope.ids]);
        return rows.map((r) => ({
          id: r.id, name: r.name, link: { analytics: 'executives' as AnalyticsKind }, detail: r.role.replace('_', ' '), ids: [r.id],
          sales: `cr."ownerId" = ANY($1)`, collaborations: `c."talentManagerId" = ANY($1)`,
        }));
      }
    }
  }
}

function addMonths(first: string, months: number): string {
  const d = utc(first);
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1)).toISOString().slice(0, 10);
}

import type { DataSource } from 'typeorm';
import { User } from '../domain/entities';
import type { KpiRow } from '../domain/rules/kpi-board';
import { growth, isProvisional, nmvByCurrency } from '../domain/rules/metrics';
import { calendarPeriod, type Period } from '../domain/rules/periods';
import { improvementAreas, type ImprovementArea } from '../domain/rules/report-advice';
import { rankCreators, type CreatorLine } from '../domain/rules/report-creators';
import { kpiRows } from './kpi-measures';

/**
 * A team lead's monthly report, as data: outcomes against targets, the changes since last
 * month, the top and bottom creators with the reasons, escalations and rework, and the
 * improvement areas with a suggested action each. Rendered as PDF and CSV by report-files.ts.
 */
export interface TeamReport {
  manager: { id: string; name: string };
  members: number;
  period: Period;
  provisional: boolean;
  generatedAt: string;
  kpis: KpiRow[];
  /** Each KPI this month against last month (same scope). */
  changes: { name: string; currency: string | null; unit: KpiRow['unit']; previous: number | null; current: number | null; change: number | null }[];
  /** The currency the creators are ranked in: the team's largest NMV this month. */
  currency: string | null;
  top: CreatorLine[];
  bottom: CreatorLine[];
  escalations: { kind: string; count: number }[];
  improvements: ImprovementArea[];
}

const utc = (date: string): Date => new Date(`${date}T00:00:00Z`);

export async function buildTeamReport(db: DataSource, managerId: string, period: Period, options: { now?: Date; returnWindowDays?: number; teamOf: (id: string) => Promise<string[]> }): Promise<TeamReport> {
  const manager = await db.getRepository(User).findOneByOrFail({ id: managerId });
  const members = await options.teamOf(managerId);
  const previous = calendarPeriod('month', period.previous.start) as Period;
  const scope = { kind: 'team' as const, id: managerId, members };
  const [kpis, before, creators, escalations] = await Promise.all([
    kpiRows(db, scope, period),
    kpiRows(db, scope, previous),
    creatorLines(db, members, period),
    db.query(
      `SELECT e."kind", count(*)::int AS "count" FROM "escalations" e JOIN "collaborations" c ON c."id" = e."collaborationId"
        WHERE c."talentManagerId" = ANY($1) AND e."raisedAt" >= $2 AND e."raisedAt" < $3 GROUP BY e."kind" ORDER BY 2 DESC, 1`,
      [members, utc(period.start), utc(period.end)],
    ) as Promise<Array<{ kind: string; count: number }>>,
  ]);
  const changes = kpis.map((row) => {
    const last = before.find((b) => b.id === row.id && b.currency === row.currency)?.actual ?? null;
    return { name: row.name, currency: row.currency, unit: row.unit, previous: last, current: row.actual, change: row.unit === 'growth' ? null : growth(row.actual, last) };
  });
  const ranked = rankCreators(creators.lines, creators.currency);
  return {
    manager: { id: manager.id, name: manager.name },
    members: members.length,
    period,
    provisional: isProvisional(period.lastDay, options.now ?? new Date(), options.returnWindowDays ?? 30),
    generatedAt: (options.now ?? new Date()).toISOString(),
    kpis,
    changes,
    currency: creators.currency,
    top: ranked.top,
    bottom: ranked.bottom,
    escalations,
    improvements: improvementAreas(kpis, before),
  };
}

/** Every active creator of the team with this month's and last month's NMV, posts and escalations. */
async function creatorLines(db: DataSource, members: string[], period: Period): Promise<{ lines: CreatorLine[]; currency: string | null }> {
  const [creators, sales, posts, escalations] = await Promise.all([
    db.query(
      `SELECT cr."id", cr."name", u."name" AS "owner" FROM "creators" cr JOIN "users" u ON u."id" = cr."ownerId" WHERE cr."ownerId" = ANY($1) AND cr."status" = 'active'`,
      [members],
    ) as Promise<Array<{ id: string; name: string; owner: string }>>,
    db.query(
      `SELECT s."creatorId", (s."date" >= $2::date) AS "current", s."currency", s."status", sum(s."orders") AS "orders", sum(s."gmvMinor") AS "gmv",
              sum(s."returnsMinor") AS "returns", sum(s."cancellationsMinor") AS "cancellations"
         FROM "creator_sales" s JOIN "creators" cr ON cr."id" = s."creatorId"
        WHERE cr."ownerId" = ANY($1) AND s."date" >= $3::date AND s."date" < $4::date
        GROUP BY 1, 2, 3, 4`,
      [members, period.start, period.previous.start, period.end],
    ) as Promise<Array<{ creatorId: string; current: boolean; currency: string; status: 'settled' | 'pending'; orders: string; gmv: string; returns: string; cancellations: string }>>,
    db.query(
      `SELECT c."creatorId", count(*)::int AS "posts" FROM "deliverables" d JOIN "collaborations" c ON c."id" = d."collaborationId"
        WHERE c."talentManagerId" = ANY($1) AND d."postedAt" >= $2 AND d."postedAt" < $3 GROUP BY 1`,
      [members, utc(period.start), utc(period.end)],
    ) as Promise<Array<{ creatorId: string; posts: number }>>,
    db.query(
      `SELECT c."creatorId", count(*)::int AS "escalations" FROM "escalations" e JOIN "collaborations" c ON c."id" = e."collaborationId"
        WHERE c."talentManagerId" = ANY($1) AND e."raisedAt" >= $2 AND e."raisedAt" < $3 GROUP BY 1`,
      [members, utc(period.start), utc(period.end)],
    ) as Promise<Array<{ creatorId: string; escalations: number }>>,
  ]);
  const line = (creatorId: string, current: boolean) =>
    sales
      .filter((s) => s.creatorId === creatorId && s.current === current)
      .map((s) => ({ currency: s.currency.trim(), status: s.status, orders: Number(s.orders), gmvMinor: Number(s.gmv), returnsMinor: Number(s.returns), cancellationsMinor: Number(s.cancellations) }));
  const teamNmv = nmvByCurrency(sales.filter((s) => s.current).map((s) => ({ currency: s.currency.trim(), status: s.status, orders: 0, gmvMinor: Number(s.gmv), returnsMinor: Number(s.returns), cancellationsMinor: Number(s.cancellations) })));
  const currency = Object.entries(teamNmv).sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
  return {
    currency,
    lines: creators.map((c) => ({
      id: c.id,
      name: c.name,
      owner: c.owner,
      nmv: nmvByCurrency(line(c.id, true)),
      previousNmv: nmvByCurrency(line(c.id, false)),
      posts: posts.find((p) => p.creatorId === c.id)?.posts ?? 0,
      escalations: escalations.find((e) => e.creatorId === c.id)?.escalations ?? 0,
    })),
  };
}

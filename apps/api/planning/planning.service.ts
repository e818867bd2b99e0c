import { BadRequestException, ForbiddenException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { appendAudit } from '../../../libs/db/audit';
import { TargetMetric, TargetPeriod } from '../../../libs/domain/rules/lifecycle';
import {
  planningHorizon, planningPeriod, planQuarters, stretchProblem,
  type PlanningLevel, type PlanningPeriodKind,
} from '../../../libs/domain/rules/planning';
import { INSIGHT_READ } from '../../../libs/domain/rules/reach';
import { isStaff, Role, type Actor } from '../../../libs/domain/rules/roles';
import { ForecastsService } from '../forecasts/forecasts.service';
import { RecordReach } from '../users/record-reach';
import type { PlanningItem, PlanningTarget, PlanningView, TargetsSet } from './planning-view';

export type { PlanningItem, PlanningView, TargetsSet } from './planning-view';

export interface PlanningRequest {
  period: PlanningPeriodKind;
  start: string;
  level: PlanningLevel;
  stretchPercent?: number;
  asOf?: string;
}

/** Who sets targets: managers (for their reports and teams) and admins. */
const SETTERS: readonly Role[] = [Role.Manager, Role.Admin];

/**
 * Planning (docs/metrics.md#planning): the creator-driven NMV forecast of each executive or team
 * within the caller's reach, summed per quarter of the period, with the targets already set; and
 * setting NMV targets from it at forecast + stretch %. A year is four quarterly targets, so the
 * KPI board tracks each. The forecast is ForecastsService's own, reaching as far ahead as the
 * period needs (at most 15 months; GET /forecasts/nmv keeps to 1–3).
 */
@Injectable()
export class PlanningService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly forecasts: ForecastsService,
    private readonly reach: RecordReach,
  ) {}

  async view(actor: Actor, request: PlanningRequest, now: Date = new Date()): Promise<PlanningView> {
    const period = planningPeriod(request.period, request.start);
    if (typeof period === 'string') throw new BadRequestException(period);
    const stretchPercent = request.stretchPercent ?? 0;
    const problem = stretchProblem(stretchPercent);
    if (problem) throw new BadRequestException(problem);
    const asOf = request.asOf ?? ForecastsService.lastCompleteMonth(now);
    const horizon = planningHorizon(asOf, period);
    if (typeof horizon === 'string') throw new BadRequestException(horizon);
    const forecast = await this.forecasts.nmv(actor, request.level, horizon, asOf, now);
    const targets = await this.targets(request.level, forecast.items.map((item) => item.id), period.quarters.map((q) => q.start));
    const items: PlanningItem[] = forecast.items.map((item) => {
      const plan = planQuarters(item.months, period, stretchPercent);
      const quarters = plan.quarters.map((quarter) => ({ ...quarter, target: targets.get(`${item.id}|${item.currency}|${quarter.start}`) ?? null }));
      const set = quarters.filter((quarter) => quarter.target);
      return {
        id: item.id,
        name: item.name,
        currency: item.currency,
        model: item.model,
        backtest: item.backtest,
        quarters,
        total: { ...plan.total, targetMinor: set.length === quarters.length ? set.reduce((sum, q) => sum + q.target!.valueMinor, 0) : null },
      };
    });
    return {
      asOf: forecast.asOf,
      period: { kind: period.kind, start: period.start, end: period.end, label: period.label },
      level: request.level,
      horizon,
      stretchPercent,
      items,
      definitions: 'docs/metrics.md#planning',
    };
  }

  /**
   * Sets each quarter's NMV target of the chosen subjects (every one in reach with a forecast,
   * or `ids`) to the forecast + stretch, per currency: an upsert on (nmv, quarter, start, subject,
   * currency), recording who and when. Asking again with the same stretch changes nothing.
   */
  async setTargets(actor: Actor, request: PlanningRequest & { stretchPercent: number; ids?: string[] }, now: Date = new Date()): Promise<TargetsSet> {
    if (!isStaff(actor) || !SETTERS.includes(actor.role)) {
      throw new ForbiddenException(`Targets are set by managers and admins; a ${actor.role.replace('_', ' ')} may see the plan (GET /planning) but not set it`);
    }
    const before = await this.view(actor, request, now);
    const wanted = request.ids ? [...new Set(request.ids)] : null;
    const skipped: TargetsSet['skipped'] = [];
    for (const id of wanted ?? []) {
      if (before.items.some((item) => item.id === id)) continue;
      const what = request.level === 'team' ? `The team of ${id}` : `The targets of ${id}`;
      await this.reach.require(actor, INSIGHT_READ, id, what);
      skipped.push({ id, reason: request.level === 'team' ? 'no team with a sales history to forecast from (a team is named by its manager)' : 'no creators with a sales history to forecast from' });
    }
    const chosen = before.items.filter((item) => wanted === null || wanted.includes(item.id));
    let created = 0;
    let updated = 0;
    let unchanged = 0;
    const subject = request.level === 'team' ? 'teamManagerId' : 'userId';
    await this.db.transaction(async (manager) => {
      for (const item of chosen) {
        for (const quarter of item.quarters) {
          const value = String(quarter.proposedMinor);
          const rows: Array<{ id: string; inserted: boolean }> = await manager.query(
            `INSERT INTO "targets" ("${subject}", "period", "periodStart", "metric", "valueNumeric", "currency", "setById", "setAt")
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
             ON CONFLICT ("${subject}", "period", "periodStart", "metric", "currency") WHERE "${subject}" IS NOT NULL AND "currency" IS NOT NULL
             DO UPDATE SET "valueNumeric" = EXCLUDED."valueNumeric", "setById" = EXCLUDED."setById", "setAt" = EXCLUDED."setAt", "updatedAt" = now()
             WHERE "targets"."valueNumeric" IS DISTINCT FROM EXCLUDED."valueNumeric"
             RETURNING "id", (xmax = 0) AS "inserted"`,
            [item.id, TargetPeriod.Quarter, quarter.start, TargetMetric.Nmv, value, item.currency, actor.userId, now],
          );
          if (!rows.length) {
            unchanged += 1;
            continue;
          }
          const [row] = rows;
          if (row.inserted) created += 1;
          else updated += 1;
          const after = { [subject]: item.id, period: TargetPeriod.Quarter, periodStart: quarter.start, metric: TargetMetric.Nmv, valueNumeric: value, currency: item.currency, setById: actor.userId };
          await appendAudit(manager, {
            actor,
            action: row.inserted ? 'created' : 'updated',
            entity: 'Target',
            entityId: row.id,
            before: row.inserted ? null : { valueNumeric: quarter.target ? String(quarter.target.valueMinor) : null },
            after: row.inserted ? after : { valueNumeric: value, setById: actor.userId },
            at: now,
          });
        }
      }
    });
    const plan = await this.view(actor, request, now);
    return { created, updated, unchanged, skipped, plan };
  }

  /** The NMV quarterly targets of the subjects, keyed subject|currency|quarter start, with who set them. */
  private async targets(level: PlanningLevel, ids: string[], starts: string[]): Promise<Map<string, PlanningTarget>> {
    const found = new Map<string, PlanningTarget>();
    if (!ids.length) return found;
    const subject = level === 'team' ? 'teamManagerId' : 'userId';
    const rows: Array<{ id: string; subjectId: string; currency: string; periodStart: string; value: string; setById: string | null; setByName: string | null; setAt: Date }> = await this.db.query(
      `SELECT t."id", t."${subject}" AS "subjectId", t."currency", to_char(t."periodStart", 'YYYY-MM-DD') AS "periodStart", t."valueNumeric" AS "value",
              t."setById", u."name" AS "setByName", t."setAt"
         FROM "targets" t LEFT JOIN "users" u ON u."id" = t."setById"
        WHERE t."metric" = $1 AND t."period" = $2 AND t."${subject}" = ANY($3::uuid[]) AND t."periodStart" = ANY($4::date[]) AND t."currency" IS NOT NULL`,
      [TargetMetric.Nmv, TargetPeriod.Quarter, ids, starts],
    );
    for (const row of rows) {
      found.set(`${row.subjectId}|${row.currency.trim()}|${row.periodStart}`, {
        targetId: row.id,
        valueMinor: Number(row.value),
        setBy: row.setById ? { id: row.setById, name: row.setByName ?? '' } : null,
        setAt: new Date(row.setAt).toISOString(),
      });
    }
    return found;
  }
}

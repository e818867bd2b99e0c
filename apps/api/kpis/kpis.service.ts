import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../../libs/config/config';
import { Target } from '../../../libs/domain/entities';
import { kpiBoard } from '../../../libs/domain/rules/kpi-board';
import { isProvisional } from '../../../libs/domain/rules/metrics';
import type { Period } from '../../../libs/domain/rules/periods';
import type { Actor } from '../../../libs/domain/rules/roles';
import { measureKpis } from './kpi-measures';
import type { KpiBoardView } from './kpi-board.component';
import { InsightScopes, type ScopeKind } from './scope';

export type { KpiBoardView } from './kpi-board.component';

/** The KPI board of an executive or a team for a month or quarter: actual, target, progress. */
@Injectable()
export class KpisService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly scopes: InsightScopes,
  ) {}

  async board(actor: Actor, kind: ScopeKind, id: string, period: Period, now: Date = new Date()): Promise<KpiBoardView> {
    const scope = await this.scopes.resolve(actor, kind, id);
    const [actuals, targets] = await Promise.all([
      measureKpis(this.db, scope.members, period),
      period.kind === 'custom'
        ? Promise.resolve([])
        : this.db.getRepository(Target).findBy({ period: period.kind as Target['period'], periodStart: period.start, ...(kind === 'team' ? { teamManagerId: id } : { userId: id }) }),
    ]);
    return {
      scope: { kind, id: scope.id, name: scope.name, members: scope.members.length },
      period: { ...period, provisional: isProvisional(period.lastDay, now, this.config.returnWindowDays), returnWindowDays: this.config.returnWindowDays },
      kpis: kpiBoard(actuals, targets.map((t) => ({ metric: t.metric, value: Number(t.valueNumeric), currency: t.currency?.trim() ?? null }))),
      definitions: 'docs/metrics.md#team-kpis',
    };
  }
}

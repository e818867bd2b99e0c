import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../../libs/config/config';
import { isProvisional } from '../../../libs/domain/rules/metrics';
import type { Period } from '../../../libs/domain/rules/periods';
import type { Actor } from '../../../libs/domain/rules/roles';
import { kpiRows } from '../../../libs/insight/kpi-measures';
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
    const kpis = await kpiRows(this.db, { kind, id: scope.id, members: scope.members }, period);
    return {
      scope: { kind, id: scope.id, name: scope.name, members: scope.members.length },
      period: { ...period, provisional: isProvisional(period.lastDay, now, this.config.returnWindowDays), returnWindowDays: this.config.returnWindowDays },
      kpis,
      definitions: 'docs/metrics.md#team-kpis',
    };
  }
}

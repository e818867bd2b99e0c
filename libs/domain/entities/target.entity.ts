import { BaseEntity, Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { TargetMetric, TargetPeriod } from '../rules/lifecycle';
import { User } from './user.entity';

/**
 * A goal for one user, or for a team (everyone below a manager in the team tree, identified by
 * the manager), for one month or quarter. `periodStart` is the first day of that month or quarter.
 * A year's plan is stored as its four quarters (docs/metrics.md#planning).
 */
@Entity({ name: 'targets' })
@Check('CHK_targets_user_or_team', `num_nonnulls("userId", "teamManagerId") = 1`)
@Check(
  'CHK_targets_period_start',
  `EXTRACT(DAY FROM "periodStart") = 1 AND ("period" = 'month' OR EXTRACT(MONTH FROM "periodStart") IN (1, 4, 7, 10))`,
)
@Check('CHK_targets_money_currency', `"metric" NOT IN ('nmv', 'revenue', 'margin') OR "currency" IS NOT NULL`)
// One target per subject, period and metric; money targets one per currency (a team selling in
// two currencies has an NMV target in each). These also serve lookups by user and by team.
@Index('UQ_targets_user_period_metric', ['userId', 'period', 'periodStart', 'metric'], { unique: true, where: `"userId" IS NOT NULL AND "currency" IS NULL` })
@Index('UQ_targets_team_period_metric', ['teamManagerId', 'period', 'periodStart', 'metric'], { unique: true, where: `"teamManagerId" IS NOT NULL AND "currency" IS NULL` })
@Index('UQ_targets_user_period_metric_currency', ['userId', 'period', 'periodStart', 'metric', 'currency'], { unique: true, where: `"userId" IS NOT NULL AND "currency" IS NOT NULL` })
@Index('UQ_targets_team_period_metric_currency', ['teamManagerId', 'period', 'periodStart', 'metric', 'currency'], { unique: true, where: `"teamManagerId" IS NOT NULL AND "currency" IS NOT NULL` })
export class Target extends BaseEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid', nullable: true })
  userId: string | null;

  @ManyToOne(() => User, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'userId' })
  user?: User | null;

  @Column({ type: 'uuid', nullable: true })
  teamManagerId: string | null;

  @ManyToOne(() => User, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'teamManagerId' })
  teamManager?: User | null;

  @Column({ type: 'varchar', length: 10 })
  period: TargetPeriod;

  @Column({ type: 'date' })
  periodStart: string;

  @Column({ type: 'varchar', length: 40 })
  metric: TargetMetric;

  /**
   * Rates as fractions (0.95), counts as counts, money (nmv, revenue) in minor units with
   * `currency`. PostgreSQL numeric comes back as an exact decimal string.
   */
  @Column({ type: 'numeric' })
  valueNumeric: string;

  /** Set for money metrics (see MONEY_TARGET_METRICS). */
  @Column({ type: 'char', length: 3, nullable: true })
  currency: string | null;

  /** Who set the value last (null for targets set before this was recorded). */
  @Column({ type: 'uuid', nullable: true })
  setById: string | null;

  @ManyToOne(() => User, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'setById', foreignKeyConstraintName: 'FK_targets_set_by' })
  setBy?: User | null;

  /** When the value was set last (the panel, the planning action). */
  @Column({ type: 'timestamptz', default: () => 'now()' })
  setAt: Date;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}

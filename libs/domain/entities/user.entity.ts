import { BaseEntity, Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { StoredNotificationPreferences } from '../rules/notification-preferences';
import { Role } from '../rules/roles';
import { minorUnits } from './columns';

@Entity({ name: 'users' })
@Check('CHK_users_approval_limit', `("approvalLimitMinor" IS NULL) = ("approvalLimitCurrency" IS NULL) AND ("approvalLimitMinor" IS NULL OR "approvalLimitMinor" >= 0)`)
export class User extends BaseEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Stored lower-cased so logins are case-insensitive. */
  @Index({ unique: true })
  @Column({ type: 'varchar', length: 254 })
  email: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'varchar', length: 32 })
  role: Role;

  /** argon2id hash; never selected unless asked for. */
  @Column({ type: 'varchar', length: 255, select: false })
  passwordHash: string;

  /** The team tree: a talent manager's manager is who their escalations go to. */
  @Column({ type: 'uuid', nullable: true })
  managerId: string | null;

  @ManyToOne(() => User, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'managerId' })
  manager?: User | null;

  /**
   * A team lead's weights for the creator ranking (docs/metrics.md#creator-recommendations); null:
   * the defaults. Read from the manager of whoever asks, so a team shares one set.
   */
  @Column({ type: 'jsonb', nullable: true })
  recommendationWeights: Record<string, number> | null;

  /**
   * Which notifications reach the user by e-mail, and whether one by one or in the daily digest
   * (libs/domain/rules/notification-preferences.ts); `{}`: the defaults (everything, one by one).
   */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  notificationPreferences: StoredNotificationPreferences;

  /**
   * The largest margin exception this manager approves alone (docs/domain.md#approval-limits), in
   * minor units of `approvalLimitCurrency`; above it the approval goes up the team tree. Null: no limit.
   */
  @Column({ type: 'bigint', nullable: true, transformer: minorUnits })
  approvalLimitMinor: number | null;

  @Column({ type: 'char', length: 3, nullable: true })
  approvalLimitCurrency: string | null;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}

import { BaseEntity, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { User } from './user.entity';

/**
 * An outgoing webhook of a team (docs/webhooks.md): every notification to the team lead or anyone
 * below them in the team tree is POSTed here, signed with the webhook's own secret.
 */
@Entity({ name: 'webhooks' })
export class Webhook extends BaseEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_webhooks' })
  id: string;

  /** What the receiver is ("#campaign-ops on Slack"), shown in the panel and recorded on deliveries. */
  @Column({ type: 'varchar', length: 120 })
  name: string;

  /** http(s) only (libs/domain/rules/webhook-url.ts). */
  @Column({ type: 'varchar', length: 2000 })
  url: string;

  /** The team: this manager and everyone below them in the team tree. */
  @Index('IDX_webhooks_team_lead')
  @Column({ type: 'uuid' })
  teamLeadId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'teamLeadId', foreignKeyConstraintName: 'FK_webhooks_team_lead' })
  teamLead?: User;

  /**
   * The signing secret, sealed with WEBHOOK_SECRET_KEY (libs/auth/secret-box.ts): it must be
   * readable to sign, so it is encrypted rather than hashed. Never selected unless asked for.
   */
  @Column({ type: 'text', select: false })
  secretSealed: string;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @Column({ type: 'uuid', nullable: true })
  createdById: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}

import { BaseEntity, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { EscalationKind, EscalationSeverity, EscalationStatus } from '../rules/escalations';
import { Campaign } from './campaign.entity';
import { Collaboration } from './collaboration.entity';
import { User } from './user.entity';

@Entity({ name: 'escalations' })
export class Escalation extends BaseEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column({ type: 'uuid', nullable: true })
  collaborationId: string | null;

  @ManyToOne(() => Collaboration, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'collaborationId' })
  collaboration?: Collaboration | null;

  @Index()
  @Column({ type: 'uuid', nullable: true })
  campaignId: string | null;

  @ManyToOne(() => Campaign, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'campaignId' })
  campaign?: Campaign | null;

  @Column({ type: 'varchar', length: 40 })
  kind: EscalationKind;

  @Column({ type: 'varchar', length: 10 })
  severity: EscalationSeverity;

  @Column({ type: 'timestamptz' })
  raisedAt: Date;

  @Index()
  @Column({ type: 'uuid', nullable: true })
  assigneeId: string | null;

  @ManyToOne(() => User, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'assigneeId' })
  assignee?: User | null;

  @Index()
  @Column({ type: 'varchar', length: 20, default: EscalationStatus.Open })
  status: EscalationStatus;

  @Column({ type: 'text', nullable: true })
  resolution: string | null;

  @Column({ type: 'uuid', nullable: true })
  resolvedById: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  resolvedAt: Date | null;

  /** Plain-language reason shown to the assignee (no personal data). */
  @Column({ type: 'text' })
  summary: string;

  /** Workflow id + step: a retried activity finds the row it already wrote. */
  @Index({ unique: true })
  @Column({ type: 'varchar', length: 200 })
  eventKey: string;
}

import { BaseEntity, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { User } from './user.entity';

/**
 * A generated report, stored with its files: the monthly report of a team lead (made by the
 * monthly Temporal Schedule or on demand). One per subject and period: generating it again
 * replaces it.
 */
@Entity({ name: 'reports' })
@Index('UQ_reports_subject_period', ['kind', 'subjectId', 'periodStart'], { unique: true })
export class Report extends BaseEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** `team_monthly`: a manager's team, one calendar month. */
  @Column({ type: 'varchar', length: 20 })
  kind: string;

  /** The team lead the report is about. */
  @Index()
  @Column({ type: 'uuid' })
  subjectId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'subjectId' })
  subject?: User;

  @Column({ type: 'date' })
  periodStart: string;

  @Column({ type: 'varchar', length: 40 })
  periodLabel: string;

  /** `schedule` or `on_demand`. */
  @Column({ type: 'varchar', length: 20 })
  trigger: string;

  @Column({ type: 'uuid', nullable: true })
  requestedById: string | null;

  @Column({ type: 'timestamptz' })
  generatedAt: Date;

  /** The headline figures, for lists: outcomes, top and bottom creators, improvement areas. */
  @Column({ type: 'jsonb' })
  summary: Record<string, unknown>;

  /** The files are only read to download them. */
  @Column({ type: 'bytea', select: false })
  pdf: Buffer;

  @Column({ type: 'text', select: false })
  csv: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}

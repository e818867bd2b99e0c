import { BaseEntity, Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/**
 * A creator or campaign found low by the daily evaluation (docs/metrics.md#underperformer-flags).
 * A flag found again on later days stays one row (its raisedOn kept, its figures refreshed);
 * the first day it is no longer found sets clearedOn. At most one open flag per subject and metric.
 */
@Entity({ name: 'underperformer_flags' })
@Index('UQ_underperformer_flags_open', ['subjectKind', 'subjectId', 'metric'], { unique: true, where: `"clearedOn" IS NULL` })
@Check('CHK_underperformer_flags_kind', `"subjectKind" IN ('creator', 'campaign')`)
@Check('CHK_underperformer_flags_cleared', `"clearedOn" IS NULL OR "clearedOn" >= "raisedOn"`)
export class UnderperformerFlag extends BaseEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 10 })
  subjectKind: 'creator' | 'campaign';

  /** The creator's or the campaign's id. */
  @Index()
  @Column({ type: 'uuid' })
  subjectId: string;

  /** Whose reach the flag is in: the creator's owner, or the campaign's. */
  @Index()
  @Column({ type: 'uuid', nullable: true })
  ownerId: string | null;

  /** nmvPerPost, roas or engagementRate. */
  @Column({ type: 'varchar', length: 30 })
  metric: string;

  @Column({ type: 'double precision' })
  observed: number;

  @Column({ type: 'double precision' })
  baseline: number;

  /** cohort or trend. */
  @Column({ type: 'varchar', length: 10 })
  basis: string;

  @Column({ type: 'date' })
  since: string;

  @Column({ type: 'varchar', length: 40 })
  suggestion: string;

  @Column({ type: 'text' })
  explanation: string;

  /** The currency of a money metric (NMV per post); null for ratios. */
  @Column({ type: 'char', length: 3, nullable: true })
  currency: string | null;

  @Index()
  @Column({ type: 'date' })
  raisedOn: string;

  /** The last evaluation day that found it. */
  @Column({ type: 'date' })
  evaluatedOn: string;

  @Column({ type: 'date', nullable: true })
  clearedOn: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}

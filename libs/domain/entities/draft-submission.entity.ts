import { BaseEntity, Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { ComplianceResult } from '../rules/compliance';
import type { DisclosureFacts } from '../rules/disclosure-facts';
import { DraftDecision } from '../rules/lifecycle';
import { Deliverable } from './deliverable.entity';
import { User } from './user.entity';

/** One version of a deliverable's draft as the creator sent it, with its compliance check and review. */
@Entity({ name: 'draft_submissions' })
@Unique('UQ_draft_submissions_deliverable_version', ['deliverableId', 'version'])
@Check('CHK_draft_submissions_version', `"version" >= 1`)
@Check('CHK_draft_submissions_decided_when_reviewed', `("decision" IS NULL) = ("reviewedAt" IS NULL)`)
export class DraftSubmission extends BaseEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column({ type: 'uuid' })
  deliverableId: string;

  @ManyToOne(() => Deliverable, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'deliverableId' })
  deliverable?: Deliverable;

  /** 1, 2, 3… per deliverable. */
  @Column({ type: 'integer' })
  version: number;

  @Column({ type: 'varchar', length: 2048 })
  assetUrl: string;

  @Column({ type: 'text', nullable: true })
  caption: string | null;

  /**
   * The shared compliance check's verdict on the caption and on the disclosure facts declared
   * with the draft (kept beside it as `declared`, since the verdict depends on them); null until checked.
   */
  @Column({ type: 'jsonb', nullable: true })
  complianceResult: (ComplianceResult & { declared?: DisclosureFacts }) | null;

  /** Null until reviewed. */
  @Column({ type: 'varchar', length: 20, nullable: true })
  decision: DraftDecision | null;

  @Column({ type: 'text', nullable: true })
  feedback: string | null;

  @Index()
  @Column({ type: 'uuid', nullable: true })
  reviewerId: string | null;

  @ManyToOne(() => User, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'reviewerId' })
  reviewer?: User | null;

  @Column({ type: 'timestamptz' })
  submittedAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  reviewedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

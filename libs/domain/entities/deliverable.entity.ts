import { BaseEntity, Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { DEFAULT_MAX_REVISIONS, DeliverableStatus } from '../rules/lifecycle';
import { DeliverableType, Platform } from '../rules/statuses';
import { Collaboration } from './collaboration.entity';

/** One piece of content a collaboration owes (a reel, a story…), from draft to verified post. */
@Entity({ name: 'deliverables' })
@Check('CHK_deliverables_revisions', `"revisionCount" >= 0 AND "maxRevisions" >= 0`)
export class Deliverable extends BaseEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column({ type: 'uuid' })
  collaborationId: string;

  @ManyToOne(() => Collaboration, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'collaborationId' })
  collaboration?: Collaboration;

  @Column({ type: 'varchar', length: 20 })
  type: DeliverableType;

  @Column({ type: 'varchar', length: 20 })
  platform: Platform;

  @Index()
  @Column({ type: 'timestamptz', nullable: true })
  draftDueAt: Date | null;

  @Index()
  @Column({ type: 'timestamptz', nullable: true })
  scheduledPostAt: Date | null;

  @Index()
  @Column({ type: 'varchar', length: 20, default: DeliverableStatus.Planned })
  status: DeliverableStatus;

  /** Rounds of changes requested so far; past `maxRevisions` raises REVISION_LIMIT. */
  @Column({ type: 'integer', default: 0 })
  revisionCount: number;

  @Column({ type: 'integer', default: DEFAULT_MAX_REVISIONS })
  maxRevisions: number;

  @Column({ type: 'varchar', length: 2048, nullable: true })
  liveUrl: string | null;

  /** The caption as posted (the draft's caption lives on its DraftSubmission). */
  @Column({ type: 'text', nullable: true })
  caption: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  postedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}

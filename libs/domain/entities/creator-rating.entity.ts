import { BaseEntity, Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Collaboration } from './collaboration.entity';
import { Creator } from './creator.entity';
import { User } from './user.entity';

/**
 * The creator's satisfaction with one collaboration: the one record of it (docs/metrics.md,
 * creator satisfaction). Requested when the collaboration's fee is paid, as a task for its
 * talent manager until the 1–5 rating is recorded; a reminder follows if it is not. When
 * creators get their own links, they write this same record, as themselves.
 */
@Entity({ name: 'creator_ratings' })
@Check('CHK_creator_ratings_rating', `"rating" IS NULL OR "rating" BETWEEN 1 AND 5`)
@Check('CHK_creator_ratings_rated', `("rating" IS NULL) = ("ratedAt" IS NULL)`)
// The open tasks of a talent manager (the dashboard) and the ratings of a period (the KPI).
@Index('IDX_creator_ratings_open', ['talentManagerId'], { where: `"rating" IS NULL` })
@Index('IDX_creator_ratings_ratedAt', ['ratedAt'])
export class CreatorRating extends BaseEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('UQ_creator_ratings_collaboration', { unique: true })
  @Column({ type: 'uuid' })
  collaborationId: string;

  @ManyToOne(() => Collaboration, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'collaborationId' })
  collaboration?: Collaboration;

  @Index()
  @Column({ type: 'uuid' })
  creatorId: string;

  @ManyToOne(() => Creator, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'creatorId' })
  creator?: Creator;

  /** Whose task it is: the collaboration's talent manager. */
  @Column({ type: 'uuid' })
  talentManagerId: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'talentManagerId' })
  talentManager?: User;

  @Column({ type: 'timestamptz' })
  requestedAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  remindedAt: Date | null;

  /** 1 (very unhappy) to 5 (very happy); null while the task is open. */
  @Column({ type: 'smallint', nullable: true })
  rating: number | null;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  /** Who recorded it: the talent manager (or their manager, an admin), later the creator. */
  @Column({ type: 'uuid', nullable: true })
  ratedById: string | null;

  @Column({ type: 'varchar', length: 20, nullable: true })
  ratedByRole: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  ratedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}

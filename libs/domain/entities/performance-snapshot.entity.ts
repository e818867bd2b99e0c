import { BaseEntity, Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { SnapshotLabel, SnapshotSource } from '../rules/lifecycle';
import { minorUnits } from './columns';
import { Deliverable } from './deliverable.entity';
import { Import } from './import.entity';

/**
 * A deliverable's numbers at one moment. The workflow's timers capture `+1d` and `+7d` once
 * each (the database refuses a second); `manual` snapshots can be added any time; `imported`
 * ones are one per deliverable and reading time, so a re-imported export replaces them.
 * Counts and amounts are null when the platform or the brand did not report them, and all of
 * them are null in a capture that found nothing (source `no_data`).
 */
@Entity({ name: 'performance_snapshots' })
@Index('UQ_performance_snapshots_deliverable_timer_label', ['deliverableId', 'label'], { unique: true, where: `"label" IN ('+1d', '+7d')` })
@Index('UQ_performance_snapshots_imported', ['deliverableId', 'capturedAt'], { unique: true, where: `"label" = 'imported'` })
// Each post's latest reading with data, which every insight page asks for.
@Index('IDX_performance_snapshots_latest', ['deliverableId', 'capturedAt'], { where: `"source" <> 'no_data'` })
@Check(
  'CHK_performance_snapshots_currency',
  `"currency" IS NOT NULL OR ("gmvMinor" IS NULL AND "returnsMinor" IS NULL AND "cancellationsMinor" IS NULL AND "nmvMinor" IS NULL)`,
)
export class PerformanceSnapshot extends BaseEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column({ type: 'uuid' })
  deliverableId: string;

  @ManyToOne(() => Deliverable, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'deliverableId' })
  deliverable?: Deliverable;

  /** When the numbers were read; for a timer capture, its moment (the numbers it copied were read at `measuredAt`). */
  @Column({ type: 'timestamptz' })
  capturedAt: Date;

  /**
   * A timer capture only: when the numbers it copied were read (the manual or imported
   * reading it took), so `+7d` can take only readings after it. Null otherwise.
   */
  @Column({ type: 'timestamptz', nullable: true })
  measuredAt: Date | null;

  @Column({ type: 'varchar', length: 10 })
  label: SnapshotLabel;

  @Column({ type: 'varchar', length: 20 })
  source: SnapshotSource;

  @Column({ type: 'integer', nullable: true })
  reach: number | null;

  @Column({ type: 'integer', nullable: true })
  views: number | null;

  @Column({ type: 'integer', nullable: true })
  likes: number | null;

  @Column({ type: 'integer', nullable: true })
  comments: number | null;

  @Column({ type: 'integer', nullable: true })
  shares: number | null;

  @Column({ type: 'integer', nullable: true })
  saves: number | null;

  @Column({ type: 'integer', nullable: true })
  clicks: number | null;

  @Column({ type: 'integer', nullable: true })
  orders: number | null;

  @Column({ type: 'bigint', nullable: true, transformer: minorUnits })
  gmvMinor: number | null;

  @Column({ type: 'bigint', nullable: true, transformer: minorUnits })
  returnsMinor: number | null;

  @Column({ type: 'bigint', nullable: true, transformer: minorUnits })
  cancellationsMinor: number | null;

  /** GMV − returns − cancellations (docs/domain.md#beyond-the-lifecycle); can be negative. */
  @Column({ type: 'bigint', nullable: true, transformer: minorUnits })
  nmvMinor: number | null;

  /** Required whenever an amount is present. */
  @Column({ type: 'char', length: 3, nullable: true })
  currency: string | null;

  /** The import that last wrote an `imported` snapshot; null for every other label. */
  @Column({ type: 'uuid', nullable: true })
  importId: string | null;

  @ManyToOne(() => Import, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'importId' })
  import?: Import;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

import { BaseEntity, Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { SaleStatus } from '../rules/creator-sales';
import { Brand } from './brand.entity';
import { minorUnits } from './columns';
import { Creator } from './creator.entity';
import { Import } from './import.entity';

/**
 * A creator's sales on one day, for one brand (or none) on one platform (or none), from a
 * creator-sales import (docs/imports.md#creator-sales). Creator and team NMV are computed from
 * these rows, never from post snapshots.
 *
 * The key is unique with NULLS NOT DISTINCT (PostgreSQL 15+; the migration says so, TypeORM
 * cannot): a row without a brand or platform is one key, so a re-import replaces it instead of
 * adding a second.
 */
@Entity({ name: 'creator_sales' })
@Index('UQ_creator_sales_key', ['creatorId', 'date', 'brandId', 'platform'], { unique: true })
@Index('IDX_creator_sales_date', ['date'])
@Index('IDX_creator_sales_brand_date', ['brandId', 'date'])
@Check('CHK_creator_sales_amounts', `"orders" >= 0 AND "gmvMinor" >= 0 AND "returnsMinor" >= 0 AND "cancellationsMinor" >= 0`)
@Check('CHK_creator_sales_status', `"status" IN ('settled', 'pending')`)
export class CreatorSale extends BaseEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** First column of the unique key, which serves the analytics' "by creator and date" reads. */
  @Column({ type: 'uuid' })
  creatorId: string;

  @ManyToOne(() => Creator, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'creatorId' })
  creator?: Creator;

  @Column({ type: 'date' })
  date: string;

  @Column({ type: 'uuid', nullable: true })
  brandId: string | null;

  @ManyToOne(() => Brand, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'brandId' })
  brand?: Brand;

  /** The platform of `platform:channelHandle`; null when the row named the CreatorOps handle. */
  @Column({ type: 'varchar', length: 20, nullable: true })
  platform: string | null;

  @Column({ type: 'integer' })
  orders: number;

  @Column({ type: 'bigint', transformer: minorUnits })
  gmvMinor: number;

  @Column({ type: 'bigint', transformer: minorUnits })
  returnsMinor: number;

  @Column({ type: 'bigint', transformer: minorUnits })
  cancellationsMinor: number;

  @Column({ type: 'char', length: 3 })
  currency: string;

  @Column({ type: 'varchar', length: 10, default: SaleStatus.Settled })
  status: SaleStatus;

  /** The import that last wrote the row (imports are never deleted, so no index for the foreign key). */
  @Column({ type: 'uuid' })
  importId: string;

  @ManyToOne(() => Import, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'importId' })
  import?: Import;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}

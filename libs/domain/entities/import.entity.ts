import { BaseEntity, Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { ImportKind, ImportOutcome } from '../rules/import-rows';
import { User } from './user.entity';

/**
 * One file imported (docs/imports.md): who sent it, what it was called, how it ended and what
 * it counted. Written whether the file was stored or refused, so the panel can list every
 * attempt; a dry run (preview) writes none. The rows it stored point back at it (`importId`).
 */
@Entity({ name: 'imports' })
@Check('CHK_imports_counts', `"imported" >= 0 AND "replaced" >= 0 AND "rejectedCount" >= 0`)
export class Import extends BaseEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 30 })
  kind: ImportKind;

  /** `canonical`, or the saved mapping the file was read with (`tiktok-shop-affiliate-orders`). */
  @Column({ type: 'varchar', length: 60 })
  format: string;

  /** As the client named it (`?filename=` or Content-Disposition); null when it did not. */
  @Column({ type: 'varchar', length: 255, nullable: true })
  fileName: string | null;

  @Index()
  @Column({ type: 'uuid' })
  actorId: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'actorId' })
  actor?: User;

  /** Keys that were new. */
  @Column({ type: 'integer', default: 0 })
  imported: number;

  /** Keys that existed and were overwritten. */
  @Column({ type: 'integer', default: 0 })
  replaced: number;

  @Column({ type: 'integer', default: 0 })
  rejectedCount: number;

  @Column({ type: 'boolean', default: false })
  partial: boolean;

  @Column({ type: 'varchar', length: 20 })
  outcome: ImportOutcome;

  @Index()
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

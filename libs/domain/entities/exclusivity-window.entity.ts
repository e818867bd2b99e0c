import { BaseEntity, Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Brand } from './brand.entity';
import { Contract } from './contract.entity';
import { Creator } from './creator.entity';

/**
 * An exclusivity a creator has granted: no work in `category` (or for a competitor of
 * `brandName`, the brand holding it) between the two dates, inclusive. Registered when the
 * contract is executed; released early on dropout or cancellation.
 *
 * `brandId` is the brand holding it, so that brand's own re-bookings are never blocked by it and
 * competitors named in either brand's list are. Nullable: windows entered by hand, and rows from
 * before the column whose contract chain could not be followed, have none.
 */
@Entity({ name: 'exclusivity_windows' })
@Check('CHK_exclusivity_windows_dates', `"endsOn" >= "startsOn"`)
@Check('CHK_exclusivity_windows_scope', `"category" IS NOT NULL OR "brandName" IS NOT NULL`)
@Index('IDX_exclusivity_windows_creator_dates', ['creatorId', 'startsOn', 'endsOn'])
export class ExclusivityWindow extends BaseEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  creatorId: string;

  @ManyToOne(() => Creator, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'creatorId' })
  creator?: Creator;

  @Column({ type: 'varchar', length: 100, nullable: true })
  category: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  brandName: string | null;

  @Index()
  @Column({ type: 'uuid', nullable: true })
  brandId: string | null;

  @ManyToOne(() => Brand, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'brandId' })
  brand?: Brand | null;

  @Column({ type: 'date' })
  startsOn: string;

  @Column({ type: 'date' })
  endsOn: string;

  @Index()
  @Column({ type: 'uuid', nullable: true })
  sourceContractId: string | null;

  @ManyToOne(() => Contract, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'sourceContractId' })
  sourceContract?: Contract | null;

  /** Set when the window stops binding before `endsOn` (dropout, cancellation). */
  @Column({ type: 'timestamptz', nullable: true })
  releasedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}

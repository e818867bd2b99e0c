import { BaseEntity, Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { ContractKind, ContractStatus } from '../rules/lifecycle';
import { Money } from '../rules/money';
import { Collaboration, Exclusivity, PaymentTerms, UsageRights } from './collaboration.entity';

/**
 * The commercial terms as they stood when the contract was drawn up. Frozen: later edits to the
 * collaboration do not change what was signed.
 */
export interface FrozenContractTerms {
  creatorFee?: Money;
  brandPrice?: Money;
  usageRights?: UsageRights;
  exclusivity?: Exclusivity | null;
  paymentTerms?: PaymentTerms;
  /** Share of the fee owed if the collaboration is dropped or cancelled after signature, in basis points. */
  killFeeBps?: number;
  maxRevisions?: number;
  [term: string]: unknown;
}

@Entity({ name: 'contracts' })
@Check('CHK_contracts_document_hash', `"documentHash" IS NULL OR "documentHash" ~ '^[0-9a-f]{64}$'`)
// At most one live contract of each kind per collaboration; a void one can be re-issued.
@Index('UQ_contracts_collaboration_kind_live', ['collaborationId', 'kind'], { unique: true, where: `"status" <> 'void'` })
export class Contract extends BaseEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column({ type: 'uuid' })
  collaborationId: string;

  @ManyToOne(() => Collaboration, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'collaborationId' })
  collaboration?: Collaboration;

  @Column({ type: 'varchar', length: 30 })
  kind: ContractKind;

  @Index()
  @Column({ type: 'varchar', length: 20, default: ContractStatus.Draft })
  status: ContractStatus;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  frozenTerms: FrozenContractTerms;

  /** SHA-256 of the generated document, lower-case hex; null until the document exists. */
  @Column({ type: 'char', length: 64, nullable: true })
  documentHash: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  creatorSignedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  agencySignedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  voidedAt: Date | null;

  @Column({ type: 'text', nullable: true })
  voidReason: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}

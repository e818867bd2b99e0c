import { BaseEntity, Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Party } from '../rules/roles';
import { Collaboration } from './collaboration.entity';

/**
 * A link through which a creator or a brand contact acts on one booking without an account
 * (docs/portal.md). Only the token's SHA-256 is stored: a copy of this table opens nothing.
 */
@Entity({ name: 'portal_links' })
@Check('CHK_portal_links_party', `"party" IN ('creator', 'brand')`)
export class PortalLink extends BaseEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_portal_links' })
  id: string;

  /** SHA-256 of the token, lower-case hex. */
  @Index('UQ_portal_links_token_hash', { unique: true })
  @Column({ type: 'char', length: 64, select: false })
  tokenHash: string;

  @Index('IDX_portal_links_collaboration')
  @Column({ type: 'uuid' })
  collaborationId: string;

  @ManyToOne(() => Collaboration, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'collaborationId', foreignKeyConstraintName: 'FK_portal_links_collaboration' })
  collaboration?: Collaboration;

  /** `creator` or `brand`. */
  @Column({ type: 'varchar', length: 10 })
  party: Party;

  /** The creator's id, or the brand's: the actor's id in the decisions taken through the link. */
  @Column({ type: 'uuid' })
  partyId: string;

  @Column({ type: 'timestamptz' })
  expiresAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  revokedAt: Date | null;

  /** Why it was revoked: by whom in the panel, or the booking's end. */
  @Column({ type: 'varchar', length: 200, nullable: true })
  revokedReason: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  lastUsedAt: Date | null;

  /** When the e-mail carrying it went out: an invitation retried after this sends nothing. */
  @Column({ type: 'timestamptz', nullable: true })
  sentAt: Date | null;

  /** The staff member who (re)sent it; null when the workflow sent it on its own. */
  @Column({ type: 'uuid', nullable: true })
  createdById: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

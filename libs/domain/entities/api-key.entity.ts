import { BaseEntity, Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { User } from './user.entity';

/**
 * A user's API key, for integrations (`Authorization: Bearer co_<prefix>_<secret>`). Requests
 * made with it act as the user, with the user's current role. The secret itself is never
 * stored: only its SHA-256 (`secretHash`, never selected unless asked for).
 */
@Entity({ name: 'api_keys' })
@Check('CHK_api_keys_secret_hash', `"secretHash" ~ '^[0-9a-f]{64}$'`)
export class ApiKey extends BaseEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_api_keys' })
  id: string;

  @Index('IDX_api_keys_userId')
  @Column({ type: 'uuid' })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'userId', foreignKeyConstraintName: 'FK_api_keys_user' })
  user?: User;

  /** A label chosen by the user ("Zapier"). */
  @Column({ type: 'varchar', length: 100 })
  name: string;

  /** Public lookup id, the `<prefix>` in `co_<prefix>_<secret>`; not secret. */
  @Index('UQ_api_keys_prefix', { unique: true })
  @Column({ type: 'varchar', length: 16 })
  prefix: string;

  /** Hex SHA-256 of the secret; never selected unless asked for. */
  @Column({ type: 'char', length: 64, select: false })
  secretHash: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  /** Updated at most about once a minute, so using a key costs no write per request. */
  @Column({ type: 'timestamptz', nullable: true })
  lastUsedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  expiresAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  revokedAt: Date | null;
}

import { BaseEntity, Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Append-only: a trigger in the database refuses UPDATE and DELETE, so not even the
 * application can rewrite what happened.
 */
@Entity({ name: 'audit_log' })
export class AuditLog extends BaseEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id: string;

  /** Null when the system acted on its own (a timer lapsed). */
  @Index()
  @Column({ type: 'uuid', nullable: true })
  actorId: string | null;

  @Column({ type: 'varchar', length: 32, nullable: true })
  actorRole: string | null;

  @Column({ type: 'varchar', length: 80 })
  action: string;

  @Index()
  @Column({ type: 'varchar', length: 40 })
  entity: string;

  @Index()
  @Column({ type: 'varchar', length: 64 })
  entityId: string;

  @Column({ type: 'jsonb', nullable: true })
  before: Record<string, unknown> | null;

  @Column({ type: 'jsonb', nullable: true })
  after: Record<string, unknown> | null;

  @Index()
  @Column({ type: 'timestamptz', default: () => 'now()' })
  at: Date;

  /** Set for workflow-driven entries so a retried activity does not log twice. */
  @Index({ unique: true, where: '"eventKey" IS NOT NULL' })
  @Column({ type: 'varchar', length: 200, nullable: true })
  eventKey: string | null;
}

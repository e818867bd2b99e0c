import { EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { AuditLog } from '../domain/entities';
import type { Actor } from '../domain/rules/roles';

export interface AuditEntry {
  /** Undefined when the system acted on its own (a timer lapsed). */
  actor?: Actor;
  action: string;
  entity: string;
  entityId: string;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
  at?: Date;
  /** Given by workflow activities so that a retry does not write the entry twice. */
  eventKey?: string;
}

/** Appends to the audit log inside the caller's transaction. */
export async function appendAudit(manager: EntityManager, entry: AuditEntry): Promise<void> {
  await manager
    .createQueryBuilder()
    .insert()
    .into(AuditLog)
    .values({
      actorId: entry.actor?.userId ?? null,
      actorRole: entry.actor?.role ?? null,
      action: entry.action,
      entity: entry.entity,
      entityId: entry.entityId,
      before: entry.before ?? null,
      after: entry.after ?? null,
      at: entry.at ?? new Date(),
      eventKey: entry.eventKey ?? null,
    } as QueryDeepPartialEntity<AuditLog>)
    .orIgnore()
    .execute();
}

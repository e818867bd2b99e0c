import { EntityManager } from 'typeorm';
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

/**
 * Appends to the audit log inside the caller's transaction; an entry whose `eventKey` is already
 * there is a retry and is left out. Plain SQL: most activities append one, and TypeORM building
 * the insert each time was a visible share of the worker's CPU.
 */
export async function appendAudit(manager: EntityManager, entry: AuditEntry): Promise<void> {
  await manager.query(
    `INSERT INTO "audit_log" ("actorId", "actorRole", "action", "entity", "entityId", "before", "after", "at", "eventKey")
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT DO NOTHING`,
    [
      entry.actor?.userId ?? null,
      entry.actor?.role ?? null,
      entry.action,
      entry.entity,
      entry.entityId,
      json(entry.before),
      json(entry.after),
      entry.at ?? new Date(),
      entry.eventKey ?? null,
    ],
  );
}

function json(value: Record<string, unknown> | null | undefined): string | null {
  return value === null || value === undefined ? null : JSON.stringify(value);
}

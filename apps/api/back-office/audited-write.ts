import type { EntityManager } from 'typeorm';
import type { Params } from './request-guards';

/**
 * The audit entry of a panel write (new, edit, delete), appended by the adapter (adminjs.ts) in
 * the same transaction as the write: if the entry cannot be written, neither is the change.
 * Given the record as it was before the write in that transaction (null for a new one) and as
 * saved (null once deleted), both as flattened params.
 */
export type AuditedWrite = (manager: EntityManager, id: string, before: Params | null, saved: Params | null) => Promise<void>;

const AUDITED_WRITE = Symbol('auditedWrite');

/** Called by a resource's before-hook: the write this action context makes is audited so. */
export function auditWritesOf(context: object, write: AuditedWrite): void {
  (context as Record<symbol, unknown>)[AUDITED_WRITE] = write;
}

export function auditedWriteOf(context: unknown): AuditedWrite | undefined {
  return context && typeof context === 'object' ? ((context as Record<symbol, unknown>)[AUDITED_WRITE] as AuditedWrite | undefined) : undefined;
}

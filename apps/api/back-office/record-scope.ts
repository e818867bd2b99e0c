/**
 * The bridge between a resource's per-record rules (ResourceSpec.scope, access.ts) and the
 * TypeORM adapter (adminjs.ts), which gets each resource's owner path from its spec when the
 * panel is mounted. Plain module: no AdminJS, no TypeORM at run time.
 *
 * - Lists and searches: the `before` hook of list/search leaves the owners the user reaches on
 *   the action context (`setListScope`); the adapter's find/count add `owner IN (...)` to the
 *   query, so paging and totals are right and nothing outside the scope is ever read.
 * - Single records: AdminJS checks `isAccessible` synchronously with the record; an owner held
 *   in a column is in the record's params, an owner reached through a relation
 *   ("collaboration.talentManagerId") is looked up by the adapter when it loads the record and
 *   kept beside it (`ownerOf`).
 */

/** Where a record's owner is: a column ("ownerId") or a relation's column ("collaboration.talentManagerId"). */
export interface OwnerPath {
  relation: string | null;
  column: string;
}

export function parseOwnerPath(path: string): OwnerPath {
  const parts = path.split('.');
  if (parts.length === 1) return { relation: null, column: parts[0] };
  if (parts.length === 2 && parts[0] && parts[1]) return { relation: parts[0], column: parts[1] };
  throw new Error(`An owner path is "column" or "relation.column", not "${path}"`);
}

const LIST_SCOPE = Symbol('creatorops.listScope');

/** Owners the current list/search may show; undefined: no restriction. */
export function setListScope(context: object, owners: string[] | undefined): void {
  (context as Record<symbol, unknown>)[LIST_SCOPE] = owners;
}

export function listScopeOf(context: unknown): string[] | undefined {
  if (!context || typeof context !== 'object') return undefined;
  const owners = (context as Record<symbol, unknown>)[LIST_SCOPE];
  return Array.isArray(owners) ? (owners as string[]) : undefined;
}

/** Owners looked up through a relation, kept beside the record objects the adapter built. */
const relationOwners = new WeakMap<object, string | null>();

export function rememberOwner(record: object, owner: string | null): void {
  relationOwners.set(record, owner);
}

/** A record's owner: its column, or what the adapter looked up; undefined when unknown. */
export function ownerOf(owner: OwnerPath | string, record: { params?: Record<string, unknown> } | undefined | null): unknown {
  if (!record) return undefined;
  const path = typeof owner === 'string' ? parseOwnerPath(owner) : owner;
  if (!path.relation) return record.params?.[path.column];
  return relationOwners.has(record) ? relationOwners.get(record) : undefined;
}

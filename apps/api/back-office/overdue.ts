/**
 * "Overdue" as a yes/no list filter. It is not a column: whether a record is overdue depends on
 * the time of the request, so each resource that has one names in its spec (`overdue`) the SQL
 * that selects its overdue rows, and the adapter (adminjs.ts) turns the filter into
 * `id IN (...)` or `id NOT IN (...)`.
 * Plain module: no AdminJS, no TypeORM at run time.
 */

/** The filter's property; a virtual property shown only in the filter drawer. */
export const OVERDUE = 'overdue';

/** The filter's value as AdminJS sends it (a boolean filter: "true" / "false"); undefined: not a yes/no. */
export function overdueWanted(value: unknown): boolean | undefined {
  if (value === true || value === 'true') return true;
  if (value === false || value === 'false') return false;
  return undefined;
}

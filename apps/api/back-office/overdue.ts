/**
 * "Overdue" as a yes/no list filter. It is not a column: whether a record is overdue depends on
 * the time of the request, so each resource that has one names the SQL that selects its overdue
 * rows, and the adapter (adminjs.ts) turns the filter into `id IN (...)` or `id NOT IN (...)`.
 * Plain module: no AdminJS, no TypeORM at run time.
 */

/** The filter's property; a virtual property shown only in the filter drawer. */
export const OVERDUE = 'overdue';

const overdueRows = new Map<string, string>();

/** Called for each resource with an `overdue` rule (toResourceOptions): a query selecting the ids of its overdue rows. */
export function registerOverdue(resourceId: string, selectIds: string): void {
  overdueRows.set(resourceId, selectIds);
}

export function overdueRowsOf(resourceId: string): string | undefined {
  return overdueRows.get(resourceId);
}

/** The filter's value as AdminJS sends it (a boolean filter: "true" / "false"); undefined: not a yes/no. */
export function overdueWanted(value: unknown): boolean | undefined {
  if (value === true || value === 'true') return true;
  if (value === false || value === 'false') return false;
  return undefined;
}

/**
 * The rules. A booking is overdue while one of its current deadlines has passed (the row's
 * projected deadlines; an escalation is usually open for it, and an extension moves it). A
 * deliverable while its draft is late. A payout while its due date has passed and it is not
 * paid or cancelled.
 */
export const OVERDUE_ROWS = {
  Collaboration: `SELECT c."id" FROM "collaborations" c WHERE EXISTS (SELECT 1 FROM jsonb_each_text(c."deadlines") d WHERE d.value::timestamptz < now())`,
  Deliverable: `SELECT "id" FROM "deliverables" WHERE "draftDueAt" < now() AND "status" IN ('planned', 'drafting', 'changes_requested')`,
  Payout: `SELECT "id" FROM "payouts" WHERE "dueOn" < CURRENT_DATE AND "status" NOT IN ('paid', 'cancelled')`,
} as const;

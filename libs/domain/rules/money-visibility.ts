import type { ReachByRole } from './reach';

/**
 * Money details (amounts, invoice numbers, provider references, paid dates) are read only with
 * money reach (reach.ts, MONEY_READ), wherever they surface: the payout records themselves, but
 * also the side doors that repeat them — the audit log's payout entries and a collaboration's
 * live state.
 */

/**
 * The audit log carries no owner: an entry's booking is behind its payout id. Its money entries
 * are read by those who reach every payout (finance, admins); a talent manager or a manager reads
 * their own bookings' payouts on the payouts themselves (MONEY_READ there).
 */
export const MONEY_AUDIT_READ: ReachByRole = { talent_manager: 'none', manager: 'none', finance: 'all', admin: 'all' };

/** What stands in for a money detail the reader may not see. */
export const MONEY_HIDDEN = '(money details: finance and admins only)';

/** True for an audit entry about a payout: its before/after hold amounts, invoice numbers, provider references. */
export function isMoneyAuditEntry(entry: { action?: unknown; entity?: unknown }): boolean {
  const action = typeof entry.action === 'string' ? entry.action : '';
  return entry.entity === 'Payout' || action.startsWith('payout.') || action.startsWith('panel.Payout.');
}

/**
 * A live state without its payout's status, paid date and provider reference, for a reader
 * without money reach: only that a payout workflow exists (the stage says as much).
 */
export function payoutWithoutMoney<T extends { payout?: { workflowId: string } }>(state: T): T {
  if (!state.payout) return state;
  return { ...state, payout: { workflowId: state.payout.workflowId } as T['payout'] };
}

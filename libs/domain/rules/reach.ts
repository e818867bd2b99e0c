import { Role } from './roles';

/**
 * Whose records a role may act on (docs/domain.md#roles): a talent manager their own collaborations, a manager
 * their team's, finance the money records. The same rules hold in the panel
 * (apps/api/back-office/access.ts) and the REST API (apps/api/auth/record-reach.ts).
 *
 * - `all`: every record;
 * - `team`: records of the user's team (a manager and everyone below them in the team tree);
 * - `own`: records that belong to the user;
 * - `none`: no record at all.
 */
export type Reach = 'all' | 'team' | 'own' | 'none';
export type ReachByRole = Readonly<Record<Role, Reach>>;

export const EVERYONE: ReachByRole = { talent_manager: 'all', manager: 'all', finance: 'all', admin: 'all' };
export const NO_ONE: ReachByRole = { talent_manager: 'none', manager: 'none', finance: 'none', admin: 'none' };
/** Roster and collaborations: a talent manager keeps their own, a manager their team's. Finance reads only. */
export const OPERATIONS_WRITE: ReachByRole = { talent_manager: 'own', manager: 'team', finance: 'none', admin: 'all' };
/**
 * Decisions on a collaboration and its records: a talent manager on their own, a manager on their
 * team's; finance on any (each decision's own role check says whether finance may take it at
 * all, e.g. approving a payout).
 */
export const BOOKING_ACT: ReachByRole = { ...OPERATIONS_WRITE, finance: 'all' };
/**
 * Money records (payouts): finance and admins all of them; a manager the payouts of their
 * team's collaborations; a talent manager only those of their own collaborations (to record the creator's
 * invoice), never anyone else's.
 */
export const MONEY_READ: ReachByRole = { talent_manager: 'own', manager: 'team', finance: 'all', admin: 'all' };
/**
 * Insight (KPI boards, analytics, reports): a talent manager sees their own figures, a manager
 * their team's (and each member's), finance and admins everyone's.
 */
export const INSIGHT_READ: ReachByRole = { talent_manager: 'own', manager: 'team', finance: 'all', admin: 'all' };
/** A personal inbox (notifications): everyone, admins too, reads and marks only what was sent to them. */
export const OWN_ONLY: ReachByRole = { talent_manager: 'own', manager: 'own', finance: 'own', admin: 'own' };
/** Generic edits of money records: finance and admins only. */
export const MONEY_WRITE: ReachByRole = { talent_manager: 'none', manager: 'none', finance: 'all', admin: 'all' };

/** A user as far as reach is concerned; `teamIds` matter only for a `team` reach. */
export interface Reacher {
  id: string;
  role: Role;
  /** The users whose managerId is this user (the user themselves may be included). */
  teamIds?: readonly string[];
}

/** The user ids whose records this user reaches: 'all', or a list (empty: none). */
export function reachableOwners(user: Reacher, reach: Reach): 'all' | string[] {
  if (reach === 'all') return 'all';
  if (reach === 'none') return [];
  if (reach === 'own') return [user.id];
  return [...new Set([user.id, ...(user.teamIds ?? [])])];
}

/** True when the user reaches a record owned by `ownerId` (null/undefined: the owner is unknown, so no). */
export function reachesOwner(user: Reacher, byRole: ReachByRole, ownerId: string | null | undefined): boolean {
  const owners = reachableOwners(user, byRole[user.role]);
  if (owners === 'all') return true;
  return typeof ownerId === 'string' && owners.includes(ownerId);
}

/** Why a record out of reach is refused, in words a user understands. */
export function outOfReachReason(role: Role, reach: Reach, what: string): string {
  switch (reach) {
    case 'own':
      return `${what} belongs to someone else; a ${roleName(role)} acts only on their own`;
    case 'team':
      return `${what} belongs to someone outside your team; a ${roleName(role)} acts only on their team's`;
    default:
      return `A ${roleName(role)} cannot act on ${what}`;
  }
}

function roleName(role: Role): string {
  return role.replace('_', ' ');
}
/**
 * Handing a creator to another owner (docs/domain.md#owner-reassignment): a manager within their
 * team (both the previous and the new owner), an admin anyone; never a talent manager or finance.
 */
export const OWNER_REASSIGN: ReachByRole = { talent_manager: 'none', manager: 'team', finance: 'none', admin: 'all' };

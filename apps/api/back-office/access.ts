import { Role, isRole } from '../../../libs/domain/rules/roles';
import type { ActionContext, CurrentAdmin } from './adminjs-types';

/**
 * Who may do what in the panel. Every action checks these on the server (`isAccessible`);
 * `isVisible` only hides buttons. Finer, per-record rules (a talent manager's own roster,
 * segregation of duties) plug in here.
 */

/** What the session holds about the signed-in user: never the password hash. */
export interface PanelUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  /**
   * A manager's team: themselves and the users whose managerId is them; anyone else: themselves.
   * Re-read from the database on every panel request (session.ts), so a changed team applies at once.
   */
  teamIds?: string[];
}

export type AccessCheck = (context: Pick<ActionContext, 'currentAdmin'> & Partial<ActionContext>) => boolean;

export function roleOf(currentAdmin: CurrentAdmin | undefined): Role | null {
  const role: unknown = currentAdmin?.role;
  return isRole(role) ? role : null;
}

export const signedIn: AccessCheck = ({ currentAdmin }) => roleOf(currentAdmin) !== null;

export function hasRole(...roles: Role[]): AccessCheck {
  return ({ currentAdmin }) => {
    const role = roleOf(currentAdmin);
    return role !== null && roles.includes(role);
  };
}

export const nobody: AccessCheck = () => false;

export const adminOnly = hasRole(Role.Admin);
/** Keeps the roster, brands, campaigns and bookings: DESIGN §1. */
export const operations = hasRole(Role.TalentManager, Role.Manager, Role.Admin);

/**
 * Per-record rules. A resource with a scope names the property holding the user a record
 * belongs to (a creator's talent manager, a booking's talent manager, a payout's booking's
 * talent manager) and, per role, how far that role reaches:
 * - `all`: every record;
 * - `team`: records of the user's team (a manager and their direct reports), see PanelUser.teamIds;
 * - `own`: records that belong to the user;
 * - `none`: no record at all (the action itself is refused, not only hidden).
 */
export type Reach = 'all' | 'team' | 'own' | 'none';
export type ReachByRole = Readonly<Record<Role, Reach>>;

export const EVERYONE: ReachByRole = { talent_manager: 'all', manager: 'all', finance: 'all', admin: 'all' };
export const NO_ONE: ReachByRole = { talent_manager: 'none', manager: 'none', finance: 'none', admin: 'none' };
/** Roster and bookings (DESIGN §1): a talent manager keeps their own, a manager their team's. Finance reads only. */
export const OPERATIONS_WRITE: ReachByRole = { talent_manager: 'own', manager: 'team', finance: 'none', admin: 'all' };
/**
 * Decisions on a booking and its records (custom actions): a talent manager on their own, a
 * manager on their team's; finance on any (each action's own role check decides whether finance
 * may run it at all, e.g. submitting an invoice).
 */
export const BOOKING_ACT: ReachByRole = { ...OPERATIONS_WRITE, finance: 'all' };
/**
 * Money records (payouts): finance and admins see all of them; a manager the payouts of their
 * team's bookings; a talent manager only those of their own bookings (to record the creator's
 * invoice, DESIGN §1), never anyone else's. Who may decide (submit an invoice, approve) is each
 * action's own role check on top: approving is finance's and admins' alone, and the workflow
 * refuses the requester or whoever agreed the fee (segregation of duties).
 */
export const MONEY_READ: ReachByRole = { talent_manager: 'own', manager: 'team', finance: 'all', admin: 'all' };
/** Generic edits of money records: nobody but finance and admins (and the payout resource has no edit form at all). */
export const MONEY_WRITE: ReachByRole = { talent_manager: 'none', manager: 'none', finance: 'all', admin: 'all' };

export function reachOf(currentAdmin: CurrentAdmin | undefined, byRole: ReachByRole): Reach {
  const role = roleOf(currentAdmin);
  return role ? byRole[role] : 'none';
}

/** The user ids whose records this user reaches: 'all', or a list (empty: none). */
export function reachableOwners(currentAdmin: CurrentAdmin | undefined, reach: Reach): 'all' | string[] {
  const id: unknown = currentAdmin?.id;
  if (reach === 'all') return 'all';
  if (reach === 'none' || typeof id !== 'string') return [];
  if (reach === 'own') return [id];
  const team: unknown = currentAdmin?.teamIds;
  const members = Array.isArray(team) ? team.filter((member): member is string => typeof member === 'string') : [];
  return [...new Set([id, ...members])];
}

/** True when the user reaches a record owned by `ownerId` (undefined: the owner is unknown). */
export function reaches(currentAdmin: CurrentAdmin | undefined, byRole: ReachByRole, ownerId: unknown): boolean {
  const owners = reachableOwners(currentAdmin, reachOf(currentAdmin, byRole));
  if (owners === 'all') return true;
  return typeof ownerId === 'string' && owners.includes(ownerId);
}

/** True when the user reaches at least some records (for resource-level actions: list, new). */
export function reachesAny(currentAdmin: CurrentAdmin | undefined, byRole: ReachByRole): boolean {
  const owners = reachableOwners(currentAdmin, reachOf(currentAdmin, byRole));
  return owners === 'all' || owners.length > 0;
}

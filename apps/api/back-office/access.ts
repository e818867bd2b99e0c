import { reachableOwners as ownersWithin, reachesOwner, type Reach, type ReachByRole, type Reacher } from '../../../libs/domain/rules/reach';
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
   * A manager's team: themselves and everyone below them in the team tree; anyone else: themselves.
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
/** Keeps the roster, brands, campaigns and collaborations: docs/domain.md#roles. */
export const operations = hasRole(Role.TalentManager, Role.Manager, Role.Admin);

/**
 * Per-record rules: a resource with a scope names the property holding the user a record
 * belongs to, and per role how far that role reaches (libs/domain/rules/reach.ts, the same
 * rules the REST API applies). `none` refuses the action itself, not only hides it.
 */
export { BOOKING_ACT, EVERYONE, MONEY_READ, MONEY_WRITE, NO_ONE, OPERATIONS_WRITE } from '../../../libs/domain/rules/reach';
export type { Reach, ReachByRole } from '../../../libs/domain/rules/reach';

export function reachOf(currentAdmin: CurrentAdmin | undefined, byRole: ReachByRole): Reach {
  const role = roleOf(currentAdmin);
  return role ? byRole[role] : 'none';
}

/** The signed-in user as the reach rules (libs/domain/rules/reach.ts) see them; null without a valid session. */
function reacherOf(currentAdmin: CurrentAdmin | undefined): Reacher | null {
  const id: unknown = currentAdmin?.id;
  const role = roleOf(currentAdmin);
  if (typeof id !== 'string' || !role) return null;
  const team: unknown = currentAdmin?.teamIds;
  const teamIds = Array.isArray(team) ? team.filter((member): member is string => typeof member === 'string') : [];
  return { id, role, teamIds };
}

/** The user ids whose records this user reaches: 'all', or a list (empty: none). */
export function reachableOwners(currentAdmin: CurrentAdmin | undefined, reach: Reach): 'all' | string[] {
  if (reach === 'all') return 'all';
  const user = reacherOf(currentAdmin);
  return user ? ownersWithin(user, reach) : [];
}

/** True when the user reaches a record owned by `ownerId` (undefined: the owner is unknown). */
export function reaches(currentAdmin: CurrentAdmin | undefined, byRole: ReachByRole, ownerId: unknown): boolean {
  if (reachOf(currentAdmin, byRole) === 'all') return true;
  const user = reacherOf(currentAdmin);
  return user !== null && reachesOwner(user, byRole, typeof ownerId === 'string' ? ownerId : null);
}

/** True when the user reaches at least some records (for resource-level actions: list, new). */
export function reachesAny(currentAdmin: CurrentAdmin | undefined, byRole: ReachByRole): boolean {
  const owners = reachableOwners(currentAdmin, reachOf(currentAdmin, byRole));
  return owners === 'all' || owners.length > 0;
}

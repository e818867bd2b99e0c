import { ForbiddenException, Injectable } from '@nestjs/common';
import { outOfReachReason, reachableOwners, reachesOwner, type ReachByRole } from '../../../libs/domain/rules/reach';
import { isStaff, type Actor } from '../../../libs/domain/rules/roles';
import { UsersService } from './users.service';

/**
 * Per-record rules for the REST API, the same ones the panel applies (libs/domain/rules/reach.ts):
 * a route's @Roles says which roles may take a decision at all; this says on whose records.
 */
@Injectable()
export class RecordReach {
  constructor(private readonly users: UsersService) {}

  /** Refuses (403, with the reason) when `ownerId`'s records are out of the actor's reach. */
  async require(actor: Actor, byRole: ReachByRole, ownerId: string | null | undefined, what: string): Promise<void> {
    if (!(await this.allows(actor, byRole, ownerId))) {
      // A creator or brand acting through a link reaches only its own booking, checked by the portal, never staff records.
      if (!isStaff(actor)) throw new ForbiddenException(`${what} is for CreatorOps staff only`);
      throw new ForbiddenException(outOfReachReason(actor.role, byRole[actor.role], what));
    }
  }

  /** True when `ownerId`'s records are within the actor's reach. */
  async allows(actor: Actor, byRole: ReachByRole, ownerId: string | null | undefined): Promise<boolean> {
    if (!isStaff(actor)) return false;
    const reach = byRole[actor.role];
    const teamIds = reach === 'team' ? await this.users.teamOf(actor.userId) : [];
    return reachesOwner({ id: actor.userId, role: actor.role, teamIds }, byRole, ownerId);
  }

  /** Whose records the actor reaches: 'all', or the owners' ids (empty: none), for narrowing a list. */
  async owners(actor: Actor, byRole: ReachByRole): Promise<'all' | string[]> {
    if (!isStaff(actor)) return [];
    const reach = byRole[actor.role];
    const teamIds = reach === 'team' ? await this.users.teamOf(actor.userId) : [];
    return reachableOwners({ id: actor.userId, role: actor.role, teamIds }, reach);
  }
}

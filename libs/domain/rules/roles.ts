/** docs/domain.md#roles. The string values are stored in the database and carried in workflow inputs. */
export enum Role {
  TalentManager = 'talent_manager',
  Manager = 'manager',
  Finance = 'finance',
  Admin = 'admin',
}

export const ROLES: readonly Role[] = Object.values(Role);

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/**
 * People outside the team who act on their own booking through a portal link (docs/portal.md):
 * they have no account, so the actor's `userId` is the creator's or the brand's id.
 */
export enum Party {
  Creator = 'creator',
  Brand = 'brand',
}

export function isParty(value: unknown): value is Party {
  return value === Party.Creator || value === Party.Brand;
}

/** Who is acting on a decision. Workflows carry only the id and role, never names or emails. */
export interface Actor {
  userId: string;
  /** A staff role, or the party (creator, brand) acting through its link: `userId` is then the creator's or the brand's id. */
  role: Role | Party;
}

/** A staff member acting: what the panel, the REST API and reach checks deal with. */
export interface StaffActor extends Actor {
  role: Role;
}

export function isStaff(actor: Actor): actor is StaffActor {
  return isRole(actor.role);
}

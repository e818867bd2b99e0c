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

/** Who is acting on a decision. Workflows carry only the id and role, never names or emails. */
export interface Actor {
  userId: string;
  role: Role;
}

import { Role, type Actor } from './roles';

/**
 * Who may hold each kind of record as theirs (docs/domain.md#beyond-the-lifecycle, ownership):
 * a creator has one owning talent manager (or a manager keeping creators themselves); a
 * campaign is owned by whoever runs it.
 */
export const OWNER_ROLES = {
  creator: [Role.TalentManager, Role.Manager],
  campaign: [Role.Manager, Role.TalentManager, Role.Admin],
} as const satisfies Record<string, readonly Role[]>;

/**
 * The owner of a new record: the one named, else whoever adds it when they may own such records
 * (a talent manager's new creator is theirs); undefined when someone must be named (an admin
 * adding a creator). The REST API and the panel both decide it here.
 */
export function newRecordOwner(mayOwn: readonly Role[], actor: Actor, named?: string | null): string | undefined {
  if (named) return named;
  return mayOwn.includes(actor.role) ? actor.userId : undefined;
}

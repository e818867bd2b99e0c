import { isStaff, Role, type Actor } from './roles';
import { CollaborationStage, isTerminal } from './stages';

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
  return isStaff(actor) && mayOwn.includes(actor.role) ? actor.userId : undefined;
}

/** A booking as reassignment sees it. */
export interface BookingHolder {
  id: string;
  talentManagerId: string;
  stage: CollaborationStage;
}

/**
 * Which of a creator's bookings follow the creator to a new owner (docs/domain.md#owner-reassignment):
 * the running ones the previous owner holds, unless asked to leave them. Ended bookings stay with
 * whoever ran them (their KPIs and history are that person's), and a booking someone else was named
 * to run stays with them.
 */
export function bookingsThatMove<T extends BookingHolder>(bookings: readonly T[], previousOwnerId: string, moveRunning = true): { move: T[]; stay: T[] } {
  const moves = (booking: T) => moveRunning && !isTerminal(booking.stage) && booking.talentManagerId === previousOwnerId;
  return { move: bookings.filter(moves), stay: bookings.filter((booking) => !moves(booking)) };
}

import { bookingsThatMove, newRecordOwner, OWNER_ROLES } from '../../libs/domain/rules/ownership';
import { OWNER_REASSIGN, reachesOwner } from '../../libs/domain/rules/reach';
import { CollaborationStage } from '../../libs/domain/rules/stages';
import { Role } from '../../libs/domain/rules/roles';

describe('the owner of a new record', () => {
  const tara = { userId: 'tara', role: Role.TalentManager };
  const maya = { userId: 'maya', role: Role.Manager };
  const ada = { userId: 'ada', role: Role.Admin };

  it("makes a talent manager's new creator theirs, and a manager's theirs", () => {
    expect(newRecordOwner(OWNER_ROLES.creator, tara)).toBe('tara');
    expect(newRecordOwner(OWNER_ROLES.creator, maya, '')).toBe('maya');
  });

  it('keeps the owner named', () => {
    expect(newRecordOwner(OWNER_ROLES.creator, maya, 'tara')).toBe('tara');
  });

  it('asks an admin to name the owner of a creator, but lets them own a campaign', () => {
    expect(newRecordOwner(OWNER_ROLES.creator, ada)).toBeUndefined();
    expect(newRecordOwner(OWNER_ROLES.campaign, ada)).toBe('ada');
  });
});

describe('reassigning a creator', () => {
  const booking = (id: string, talentManagerId: string, stage: CollaborationStage) => ({ id, talentManagerId, stage });
  const bookings = [
    booking('briefed', 'tara', CollaborationStage.Briefed),
    booking('paying', 'tara', CollaborationStage.Payout),
    booking('completed', 'tara', CollaborationStage.Completed),
    booking('dropped', 'tara', CollaborationStage.Dropped),
    booking('mayas', 'maya', CollaborationStage.Negotiating),
  ];
  const ids = (list: { id: string }[]) => list.map((b) => b.id);

  it("moves the running bookings the previous owner holds; ended ones and someone else's stay", () => {
    const { move, stay } = bookingsThatMove(bookings, 'tara');
    expect(ids(move)).toEqual(['briefed', 'paying']);
    expect(ids(stay)).toEqual(['completed', 'dropped', 'mayas']);
  });

  it('moves nothing when asked to leave the bookings', () => {
    expect(ids(bookingsThatMove(bookings, 'tara', false).move)).toEqual([]);
    expect(bookingsThatMove(bookings, 'tara', false).stay).toHaveLength(5);
  });

  it('is for a manager within their team and an admin, never a talent manager or finance', () => {
    const maya = { id: 'maya', role: Role.Manager, teamIds: ['tara', 'tanvi'] };
    expect(reachesOwner(maya, OWNER_REASSIGN, 'tara')).toBe(true);
    expect(reachesOwner(maya, OWNER_REASSIGN, 'tom')).toBe(false);
    expect(reachesOwner({ id: 'tara', role: Role.TalentManager }, OWNER_REASSIGN, 'tara')).toBe(false);
    expect(reachesOwner({ id: 'fin', role: Role.Finance }, OWNER_REASSIGN, 'tara')).toBe(false);
    expect(reachesOwner({ id: 'ada', role: Role.Admin }, OWNER_REASSIGN, 'tom')).toBe(true);
  });
});

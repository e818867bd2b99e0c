import { BOOKING_ACT, MONEY_READ, OPERATIONS_WRITE, outOfReachReason, reachableOwners, reachesOwner } from '../../libs/domain/rules/reach';
import { Role } from '../../libs/domain/rules/roles';

describe('reach: whose records a role may act on', () => {
  const tara = { id: 'tara', role: Role.TalentManager };
  const maya = { id: 'maya', role: Role.Manager, teamIds: ['tara'] };
  const farhan = { id: 'farhan', role: Role.Finance };
  const ada = { id: 'ada', role: Role.Admin };

  it('gives a talent manager their own bookings, a manager their team, finance and admins all', () => {
    expect(reachesOwner(tara, BOOKING_ACT, 'tara')).toBe(true);
    expect(reachesOwner(tara, BOOKING_ACT, 'tom')).toBe(false);
    expect(reachesOwner(maya, BOOKING_ACT, 'tara')).toBe(true);
    expect(reachesOwner(maya, BOOKING_ACT, 'maya')).toBe(true);
    expect(reachesOwner(maya, BOOKING_ACT, 'tom')).toBe(false);
    expect(reachesOwner(farhan, BOOKING_ACT, 'tom')).toBe(true);
    expect(reachesOwner(ada, BOOKING_ACT, 'tom')).toBe(true);
  });

  it('keeps finance out of roster writes and talent managers out of others\' money', () => {
    expect(reachesOwner(farhan, OPERATIONS_WRITE, 'tara')).toBe(false);
    expect(reachesOwner(tara, MONEY_READ, 'tom')).toBe(false);
    expect(reachesOwner(farhan, MONEY_READ, 'tom')).toBe(true);
  });

  it('never reaches a record whose owner is unknown, unless the reach is all', () => {
    expect(reachesOwner(maya, BOOKING_ACT, null)).toBe(false);
    expect(reachesOwner(tara, BOOKING_ACT, undefined)).toBe(false);
    expect(reachesOwner(ada, BOOKING_ACT, null)).toBe(true);
  });

  it('lists the owners reached, without duplicates', () => {
    expect(reachableOwners({ ...maya, teamIds: ['maya', 'tara', 'tara'] }, 'team')).toEqual(['maya', 'tara']);
    expect(reachableOwners(tara, 'own')).toEqual(['tara']);
    expect(reachableOwners(tara, 'none')).toEqual([]);
    expect(reachableOwners(tara, 'all')).toBe('all');
  });

  it('says why a record is out of reach', () => {
    expect(outOfReachReason(Role.TalentManager, 'own', 'Collaboration c1')).toBe('Collaboration c1 belongs to someone else; a talent manager acts only on their own');
    expect(outOfReachReason(Role.Manager, 'team', 'Campaign k1')).toBe("Campaign k1 belongs to someone outside your team; a manager acts only on their team's");
    expect(outOfReachReason(Role.Finance, 'none', 'Creator r1')).toBe('A finance cannot act on Creator r1');
  });
});

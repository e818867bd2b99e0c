import { newRecordOwner, OWNER_ROLES } from '../../libs/domain/rules/ownership';
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

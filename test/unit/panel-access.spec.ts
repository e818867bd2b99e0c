import { randomBytes } from 'node:crypto';
import { BOOKING_ACT, EVERYONE, MONEY_READ, MONEY_WRITE, OPERATIONS_WRITE, reachableOwners, reaches, reachOf } from '../../apps/api/back-office/access';
import { overdueWhere, scopedWhere } from '../../apps/api/back-office/adminjs';
import { overdueWanted } from '../../apps/api/back-office/overdue';
import { crossSiteRefusal } from '../../apps/api/back-office/request-guards';
import { dashboardOwners } from '../../apps/api/back-office/dashboard-data';
import { listScopeOf, ownerOf, parseOwnerPath, rememberOwner } from '../../apps/api/back-office/record-scope';
import { money } from '../../apps/api/back-office/properties';
import { toResourceOptions, type ResourceSpec } from '../../apps/api/back-office/resource-spec';
import { prepareCollaborationEdit } from '../../apps/api/collaborations/collaborations.panel';
import { withOffboardingTime } from '../../apps/api/roster/creators.panel';
import { prepareNewUser, prepareUserEdit } from '../../apps/api/users/users.panel';
import { verifyPassword } from '../../libs/auth/passwords';
import { lockRemainingSeconds } from '../../libs/auth/login-throttle';
import { Role } from '../../libs/domain/rules/roles';

/** The per-record rules of the back office (docs/access.md), without AdminJS. */

const tara = { id: 'tara', email: 't@x', name: 'Tara', role: Role.TalentManager, teamIds: ['tara'] };
const maya = { id: 'maya', email: 'm@x', name: 'Maya', role: Role.Manager, teamIds: ['maya', 'tara'] };
const farhan = { id: 'farhan', email: 'f@x', name: 'Farhan', role: Role.Finance, teamIds: ['farhan'] };
const ada = { id: 'ada', email: 'a@x', name: 'Ada', role: Role.Admin, teamIds: ['ada'] };

describe('reach per role', () => {
  it('gives talent managers their own records, managers their team, admins everything', () => {
    expect(reachableOwners(tara, reachOf(tara, OPERATIONS_WRITE))).toEqual(['tara']);
    expect(reachableOwners(maya, reachOf(maya, OPERATIONS_WRITE))).toEqual(['maya', 'tara']);
    expect(reachableOwners(ada, reachOf(ada, OPERATIONS_WRITE))).toBe('all');
    expect(reachableOwners(farhan, reachOf(farhan, OPERATIONS_WRITE))).toEqual([]);
  });

  it('lets a talent manager edit only their own creator, a manager their team member\'s', () => {
    expect(reaches(tara, OPERATIONS_WRITE, 'tara')).toBe(true);
    expect(reaches(tara, OPERATIONS_WRITE, 'tom')).toBe(false);
    expect(reaches(maya, OPERATIONS_WRITE, 'tara')).toBe(true);
    expect(reaches(maya, OPERATIONS_WRITE, 'tom')).toBe(false);
    expect(reaches(ada, OPERATIONS_WRITE, 'tom')).toBe(true);
    expect(reaches(farhan, OPERATIONS_WRITE, 'tara')).toBe(false);
    // An unknown owner is nobody's but an "all" role's.
    expect(reaches(maya, OPERATIONS_WRITE, undefined)).toBe(false);
    expect(reaches(ada, OPERATIONS_WRITE, undefined)).toBe(true);
  });

  it('shows a talent manager only their own bookings\' payouts, a manager their team\'s, finance all', () => {
    expect(reachableOwners(tara, reachOf(tara, MONEY_READ))).toEqual(['tara']);
    expect(reaches(tara, MONEY_READ, 'tara')).toBe(true);
    expect(reaches(tara, MONEY_READ, 'tom')).toBe(false);
    expect(reaches(maya, MONEY_READ, 'tara')).toBe(true);
    expect(reaches(maya, MONEY_READ, 'tom')).toBe(false);
    expect(reaches(farhan, MONEY_READ, 'tom')).toBe(true);
    expect(reaches(maya, MONEY_WRITE, 'tara')).toBe(false);
    expect(reaches(farhan, MONEY_WRITE, 'tom')).toBe(true);
    expect(BOOKING_ACT.finance).toBe('all');
  });

  it('refuses a session without a valid role, and a forged team is only the session\'s', () => {
    expect(reaches(undefined, EVERYONE, 'x')).toBe(false);
    expect(reaches({ id: 'x', role: 'owner' } as never, EVERYONE, 'x')).toBe(false);
    // teamIds only count for the team reach: a talent manager's "own" is their id alone.
    expect(reachableOwners({ ...tara, teamIds: ['tom'] }, 'own')).toEqual(['tara']);
  });

  it('counts a manager\'s team on the dashboard, everyone\'s for finance and admins', () => {
    expect(dashboardOwners(tara)).toEqual(['tara']);
    expect(dashboardOwners(maya)).toEqual(['maya', 'tara']);
    expect(dashboardOwners(farhan)).toBeNull();
    expect(dashboardOwners(ada)).toBeNull();
  });
});

describe('scoped resources', () => {
  const audit = { record: jest.fn(async () => undefined) };
  const logger = { error: jest.fn() };
  const errors = { validation: (message: string) => Object.assign(new Error(message), { kind: 'validation' }), forbidden: (m: string) => new Error(m) };
  const spec: ResourceSpec = {
    id: 'ScopedThing',
    navigation: { name: 'Test', icon: 'Box' },
    label: 'Things',
    list: ['name', 'ownerId'],
    show: ['id', 'name', 'ownerId'],
    filter: ['name'],
    create: ['name', 'ownerId'],
    edit: ['name', 'ownerId'],
    mayWrite: () => true,
    scope: { owner: 'ownerId', write: OPERATIONS_WRITE },
    actions: { decide: { actionType: 'record', isAccessible: true, handler: async () => ({}) as never } },
  };
  const options = toResourceOptions(spec, { audit, logger, errors });
  const actions = options.actions as Record<string, any>;
  const record = (ownerId: string) => ({ params: { id: 'r1', name: 'x', ownerId } });

  it('checks the record on the server: edit and custom actions within reach only', () => {
    expect(actions.edit.isAccessible({ currentAdmin: tara, record: record('tara') })).toBe(true);
    expect(actions.edit.isAccessible({ currentAdmin: tara, record: record('tom') })).toBe(false);
    expect(actions.edit.isAccessible({ currentAdmin: maya, record: record('tara') })).toBe(true);
    expect(actions.edit.isAccessible({ currentAdmin: farhan, record: record('tara') })).toBe(false);
    expect(actions.decide.isAccessible({ currentAdmin: tara, record: record('tom') })).toBe(false);
    expect(actions.decide.isAccessible({ currentAdmin: tara, record: record('tara') })).toBe(true);
    // Reading stays open (read-only elsewhere).
    expect(actions.show.isAccessible({ currentAdmin: tara, record: record('tom') })).toBe(true);
    expect(ownerOf(spec.scope!.owner, record('tom'))).toBe('tom');
  });

  it('gives a talent manager\'s new record to them, and refuses handing it to someone outside the team', async () => {
    const context: any = { currentAdmin: tara };
    const created = await actions.new.before({ method: 'post', payload: { name: 'n', secret: 'x' } }, context);
    expect(created.payload).toEqual({ name: 'n', ownerId: 'tara' });
    await expect(actions.new.before({ method: 'post', payload: { name: 'n', ownerId: 'tom' } }, { currentAdmin: tara })).rejects.toThrow(/yourself or your team/);
    const forManager = await actions.new.before({ method: 'post', payload: { name: 'n', ownerId: 'tara' } }, { currentAdmin: maya });
    expect(forManager.payload.ownerId).toBe('tara');
    // A refused writer's payload is emptied before AdminJS refuses the request.
    const refused = await actions.edit.before({ method: 'post', payload: { name: 'n' } }, { currentAdmin: tara, record: record('tom') });
    expect(refused.payload).toEqual({});
  });

  it('refuses amounts in a form the way the API does: whole minor units within 2^53 − 1, a fee no higher than the price', async () => {
    const priced = toResourceOptions(
      { ...spec, id: 'PricedThing', create: ['name', 'budgetMinor'], edit: ['name', 'budgetMinor'], properties: { budgetMinor: money() } },
      { audit, logger, errors },
    ).actions as Record<string, any>;
    const create = (budgetMinor: string) => priced.new.before({ method: 'post', payload: { name: 'n', budgetMinor } }, { currentAdmin: tara });
    await expect(create('100000000000000000000')).rejects.toThrow('budgetMinor must be at most 9007199254740991 minor units');
    await expect(create('9007199254740993')).rejects.toThrow('budgetMinor must be at most 9007199254740991 minor units');
    await expect(create('10.5')).rejects.toThrow('budgetMinor must be a whole number of minor units (paise, cents)');
    await expect(create('-1')).rejects.toThrow('budgetMinor must be at least 0');
    expect((await create('150000000')).payload.budgetMinor).toBe('150000000');
    await expect(priced.edit.before({ method: 'post', payload: { budgetMinor: '1e20' } }, { currentAdmin: tara, record: record('tara') })).rejects.toThrow(/at most/);
    // A column that also holds rates (a KPI target) is not held to whole minor units.
    const rated = toResourceOptions(
      { ...spec, id: 'RatedThing', create: ['name', 'valueNumeric'], properties: { valueNumeric: money('currency', { wholeMinorUnits: false }) } },
      { audit, logger, errors },
    ).actions as Record<string, any>;
    expect((await rated.new.before({ method: 'post', payload: { name: 'n', valueNumeric: '0.85' } }, { currentAdmin: tara })).payload.valueNumeric).toBe('0.85');
    expect(() => prepareCollaborationEdit({ creatorFeeMinor: '7000001' }, { stage: 'BRIEFED', brandPriceMinor: 7000000, creatorFeeMinor: 5000000 }, errors)).toThrow(
      'creatorFeeMinor (7000001) must not exceed brandPriceMinor (7000000)',
    );
  });

  it('narrows lists to the owners a role reads', async () => {
    const moneySpec = { ...spec, id: 'ScopedMoney', scope: { owner: 'collaboration.talentManagerId', read: MONEY_READ, write: MONEY_WRITE } };
    const money = toResourceOptions(moneySpec, { audit, logger, errors }).actions as Record<string, any>;
    const asManager: any = { currentAdmin: maya };
    await money.list.before({ query: {} }, asManager);
    expect(listScopeOf(asManager)).toEqual(['maya', 'tara']);
    const asFinance: any = { currentAdmin: farhan };
    await money.list.before({ query: {} }, asFinance);
    expect(listScopeOf(asFinance)).toBeUndefined();
    const asTalentManager: any = { currentAdmin: tara };
    await money.list.before({ query: {} }, asTalentManager);
    expect(listScopeOf(asTalentManager)).toEqual(['tara']);
    expect(money.show.isAccessible({ currentAdmin: tara, record: { params: {} } })).toBe(false);
    expect(money.list.isAccessible({ currentAdmin: { id: 'x', role: 'nobody' } })).toBe(false);
    // The owner of a relation-owned record is what the adapter looked up.
    const row = { params: { id: 'p1' } };
    expect(money.show.isAccessible({ currentAdmin: maya, record: row })).toBe(false);
    rememberOwner(row, 'tara');
    expect(money.show.isAccessible({ currentAdmin: maya, record: row })).toBe(true);
    expect(money.show.isAccessible({ currentAdmin: farhan, record: row })).toBe(true);
  });

  it('adds the scope to the adapter\'s query, keeping a filter on the same column', () => {
    const direct = scopedWhere({ name: 'x' }, parseOwnerPath('ownerId'), ['a', 'b']) as any;
    expect(direct.name).toBe('x');
    expect(direct.ownerId.type).toBe('in');
    expect(direct.ownerId.value).toEqual(['a', 'b']);
    const both = scopedWhere({ ownerId: 'a' }, parseOwnerPath('ownerId'), ['a', 'b']) as any;
    expect(both.ownerId.type).toBe('and');
    const nested = scopedWhere({ status: 'paid' }, parseOwnerPath('collaboration.talentManagerId'), ['t']) as any;
    expect(nested.status).toBe('paid');
    expect(nested.collaboration.talentManagerId.value).toEqual(['t']);
    expect(() => parseOwnerPath('a.b.c')).toThrow();
  });
});

describe('user management', () => {
  const errors = { validation: (message: string) => new Error(message), forbidden: (m: string) => new Error(m) };

  // Generated, not written down: long enough (24 characters), and too short (6).
  const longEnough = () => randomBytes(12).toString('hex');
  const tooShort = () => randomBytes(3).toString('hex');

  it('hashes the initial password with argon2 and never keeps it in plain text', async () => {
    const initial = longEnough();
    const prepared = await prepareNewUser({ email: ' New@Example.COM ', name: 'N', role: 'finance', password: initial }, errors);
    expect(prepared.password).toBeUndefined();
    expect(prepared.email).toBe('new@example.com');
    expect(String(prepared.passwordHash)).toMatch(/^\$argon2id\$/);
    await expect(verifyPassword(String(prepared.passwordHash), initial)).resolves.toBe(true);
    await expect(prepareNewUser({ email: 'a@b', name: 'N', role: 'finance' }, errors)).rejects.toThrow(/Set a password/);
    await expect(prepareNewUser({ email: 'a@b', name: 'N', role: 'finance', password: tooShort() }, errors)).rejects.toThrow(/12 characters/);
  });

  it('resets a password (ending that user\'s sessions), and stops an admin demoting or disabling themselves', async () => {
    const endAll = jest.fn(async () => undefined);
    const deps = { errors, sessions: { endAll } };
    const asAdmin: any = { currentAdmin: ada };
    const reset = await prepareUserEdit({ password: longEnough() }, { id: 'tara', role: 'talent_manager' }, asAdmin, deps);
    expect(String(reset.passwordHash)).toMatch(/^\$argon2id\$/);
    expect(endAll).toHaveBeenCalledWith('tara');
    const kept = await prepareUserEdit({ name: 'T', password: '' }, { id: 'tara' }, asAdmin, deps);
    expect(kept).toEqual({ name: 'T' });
    await expect(prepareUserEdit({ role: 'finance' }, { id: 'ada', role: 'admin' }, asAdmin, deps)).rejects.toThrow(/own role/);
    await expect(prepareUserEdit({ active: 'false' }, { id: 'ada', role: 'admin' }, asAdmin, deps)).rejects.toThrow(/disable your own/);
    await expect(prepareUserEdit({ managerId: 'tara' }, { id: 'tara' }, asAdmin, deps)).rejects.toThrow(/own manager/);
  });
});

describe('login throttle', () => {
  it('reports the time left on a lock', () => {
    const now = new Date('2026-01-01T00:00:00Z');
    expect(lockRemainingSeconds(undefined, now)).toBe(0);
    expect(lockRemainingSeconds({ failures: 3, lockedUntil: null }, now)).toBe(0);
    expect(lockRemainingSeconds({ failures: 5, lockedUntil: new Date('2026-01-01T00:10:00Z') }, now)).toBe(600);
    expect(lockRemainingSeconds({ failures: 5, lockedUntil: new Date('2025-12-31T23:59:00Z') }, now)).toBe(0);
  });
});

describe('editing a booking in the panel', () => {
  it('corrects the indicative prices before negotiation, deriving the margin', () => {
    expect(prepareCollaborationEdit({ creatorFeeMinor: '7500000' }, { stage: 'BRIEFED', brandPriceMinor: '10000000' })).toEqual({ creatorFeeMinor: '7500000', marginBps: 2_500 });
  });

  it('refuses prices once the workflow negotiates them', () => {
    for (const stage of ['NEGOTIATING', 'CONTRACTING', 'COMPLETED']) {
      expect(() => prepareCollaborationEdit({ creatorFeeMinor: '1' }, { stage })).toThrow(`Prices are negotiated in the workflow once a booking is past the conflict check; it is ${stage}`);
    }
  });
});

describe('the overdue list filter', () => {
  it('reads the yes/no AdminJS sends', () => {
    expect(overdueWanted('true')).toBe(true);
    expect(overdueWanted('false')).toBe(false);
    expect(overdueWanted('')).toBeUndefined();
    expect(overdueWanted('maybe')).toBeUndefined();
  });

  it('becomes "id IN / NOT IN (overdue rows)", kept beside the other filters', () => {
    const rows = 'SELECT "id" FROM "payouts" WHERE "dueOn" < CURRENT_DATE';
    const yes = overdueWhere({ status: 'invoiced' }, 'id', rows, true) as any;
    expect(yes.status).toBe('invoiced');
    expect(yes.id.type).toBe('raw');
    expect(yes.id.getSql('"Payout"."id"')).toBe(`"Payout"."id" IN (${rows})`);
    const no = overdueWhere(undefined, 'id', rows, false) as any;
    expect(no.id.getSql('"Payout"."id"')).toBe(`"Payout"."id" NOT IN (${rows})`);
    const withId = overdueWhere({ id: 'p1' }, 'id', rows, true) as any;
    expect(withId.id.type).toBe('and');
  });
});

describe('cross-site requests to the panel', () => {
  const request = (method: string, path: string, secFetchSite?: string, origin?: string) => ({ method, path, host: 'ops.example', origin, secFetchSite });

  it('refuses state changes and API calls from another site', () => {
    expect(crossSiteRefusal(request('POST', '/resources/Creator/records/1/edit', 'cross-site'))).toBe('cross-site request refused (Sec-Fetch-Site: cross-site)');
    expect(crossSiteRefusal(request('GET', '/api/resources/User/actions/list', 'same-site'))).toMatch(/refused/);
    expect(crossSiteRefusal(request('POST', '/resources/Creator/records/1/edit', undefined, 'https://evil.example'))).toMatch(/Origin does not match/);
    expect(crossSiteRefusal(request('POST', '/resources/Creator/records/1/edit', 'same-origin'))).toBeNull();
    expect(crossSiteRefusal(request('GET', '/resources/Creator', 'cross-site'))).toBeNull();
  });

  it('refuses a sign-out from another site, but not one the user typed or bookmarked', () => {
    expect(crossSiteRefusal(request('GET', '/logout', 'cross-site'))).toBe('cross-site request refused (Sec-Fetch-Site: cross-site)');
    expect(crossSiteRefusal(request('GET', '/logout', 'same-site'))).toMatch(/refused/);
    expect(crossSiteRefusal(request('GET', '/logout', undefined, 'https://evil.example'))).toMatch(/Origin does not match/);
    expect(crossSiteRefusal(request('GET', '/logout', 'same-origin'))).toBeNull();
    expect(crossSiteRefusal(request('GET', '/logout', 'none'))).toBeNull();
    expect(crossSiteRefusal(request('POST', '/api/x', 'none'))).toMatch(/refused/);
  });
});

describe('leaving the roster', () => {
  const now = new Date('2026-11-29T12:00:00Z');

  it('dates a move to offboarded, clears it on a move back, and leaves other edits alone', () => {
    expect(withOffboardingTime({ status: 'offboarded' }, { status: 'active' }, now)).toEqual({ status: 'offboarded', offboardedAt: now });
    expect(withOffboardingTime({ status: 'active' }, { status: 'offboarded' }, now)).toEqual({ status: 'active', offboardedAt: null });
    expect(withOffboardingTime({ status: 'offboarded' }, { status: 'offboarded' }, now)).toEqual({ status: 'offboarded' });
    expect(withOffboardingTime({ name: 'Asha' }, { status: 'active' }, now)).toEqual({ name: 'Asha' });
  });
});

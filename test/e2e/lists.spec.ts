import { randomBytes } from 'node:crypto';
import { Escalation, Payout } from '../../libs/domain/entities';
import { EscalationKind, EscalationSeverity, EscalationStatus } from '../../libs/domain/rules/escalations';
import { PayoutKind, PayoutStatus } from '../../libs/domain/rules/lifecycle';
import { createTeam, Team } from '../support/fixtures';
import { requestJson } from '../support/rest-client';
import { RunningSystem, startSystem } from '../support/system';

/**
 * The list routes (issue 11, "a complete REST API"): paging with a cap, filters, sort, and the
 * same reach as reading one record: another team's bookings, escalations and payouts are not
 * listed; payouts need money reach.
 */
describe('list routes', () => {
  let system: RunningSystem;
  let ours: Team;
  let theirs: Team;
  const tag = randomBytes(3).toString('hex');
  const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
  const records = { brandId: '', campaignId: '', creators: [] as string[], bookings: [] as string[], theirBooking: '' };

  const as = (team: Team, who: 'talentManager' | 'manager' | 'finance') => system.basic(team[who].email, team.password);
  const get = async (path: string, auth: string) => requestJson(system.baseUrl, 'GET', path, auth);
  const post = async (path: string, auth: string, body: unknown) => {
    const answer = await requestJson(system.baseUrl, 'POST', path, auth, body);
    expect(answer.status).toBe(201);
    return answer.body;
  };

  beforeAll(async () => {
    system = await startSystem();
    ours = await createTeam(system.database.db);
    theirs = await createTeam(system.database.db);
    const tm = as(ours, 'talentManager');
    const brand = await post('/brands', tm, { name: `Lumen ${tag}`, category: 'skincare' });
    records.brandId = brand.id;
    for (const name of ['Asha', 'Bela', 'Chitra']) {
      const creator = await post('/creators', tm, {
        name: `${name} ${tag}`, handle: `${name.toLowerCase()}.${tag}`, niches: name === 'Bela' ? ['food'] : ['beauty'],
        channels: [{ platform: 'instagram', handle: `@${name}`, followers: 1000, engagementRate: 0.03 }], payoutReference: `tok_${randomBytes(4).toString('hex')}`,
      });
      records.creators.push(creator.id);
    }
    const campaign = await post('/campaigns', tm, { brandId: brand.id, name: `Glow ${tag}`, budgetMinor: 50_000_000, currency: 'INR', startsOn: day(1), endsOn: day(60), ownerId: ours.manager.id });
    records.campaignId = campaign.id;
    for (const creatorId of records.creators.slice(0, 2)) {
      records.bookings.push((await post('/collaborations', tm, { campaignId: campaign.id, creatorId, brandPriceMinor: 1_000_000, creatorFeeMinor: 800_000 })).id);
    }
    const theirTm = as(theirs, 'talentManager');
    const theirCreator = await post('/creators', theirTm, { name: `Dev ${tag}`, handle: `dev.${tag}`, channels: [{ platform: 'instagram', handle: '@dev', followers: 10, engagementRate: 0.01 }] });
    records.theirBooking = (await post('/collaborations', theirTm, { campaignId: campaign.id, creatorId: theirCreator.id })).id;
  });

  afterAll(async () => {
    await system?.stop();
  });

  it('pages bookings within reach, with filters and a stable order', async () => {
    const mine = await get(`/collaborations?campaignId=${records.campaignId}`, as(ours, 'talentManager'));
    expect(mine.status).toBe(200);
    expect(mine.body).toMatchObject({ total: 2, limit: 25, offset: 0, nextOffset: null });
    expect(mine.body.items.map((c: { id: string }) => c.id).sort()).toEqual([...records.bookings].sort());

    const theirView = await get(`/collaborations?campaignId=${records.campaignId}`, as(theirs, 'talentManager'));
    expect(theirView.body.items.map((c: { id: string }) => c.id)).toEqual([records.theirBooking]);
    const finance = await get(`/collaborations?campaignId=${records.campaignId}`, as(ours, 'finance'));
    expect(finance.body.total).toBe(3);

    const first = await get(`/collaborations?campaignId=${records.campaignId}&limit=1&sort=createdAt`, as(ours, 'manager'));
    const second = await get(`/collaborations?campaignId=${records.campaignId}&limit=1&offset=1&sort=createdAt`, as(ours, 'manager'));
    expect(first.body).toMatchObject({ total: 2, limit: 1, nextOffset: 1 });
    expect(second.body).toMatchObject({ total: 2, offset: 1, nextOffset: null });
    expect([first.body.items[0].id, second.body.items[0].id]).toEqual(records.bookings);

    const byCreator = await get(`/collaborations?creatorId=${records.creators[1]}&stage=BRIEFED&overdue=false`, as(ours, 'talentManager'));
    expect(byCreator.body.items.map((c: { id: string }) => c.id)).toEqual([records.bookings[1]]);
    expect((await get(`/collaborations?overdue=true&campaignId=${records.campaignId}`, as(ours, 'talentManager'))).body.total).toBe(0);
  });

  it('refuses a bad page, filter or sort with a 400 that says what is allowed', async () => {
    const tm = as(ours, 'talentManager');
    expect(await get('/collaborations?limit=101', tm)).toMatchObject({ status: 400, body: { message: ['limit must not be greater than 100'] } });
    expect(await get('/collaborations?offset=10001', tm)).toMatchObject({ status: 400, body: { message: ['offset must not be greater than 10000'] } });
    expect(await get('/collaborations?sort=workflowId', tm)).toMatchObject({
      status: 400, body: { message: ['sort must be one of createdAt, -createdAt, updatedAt, -updatedAt, stage, -stage'] },
    });
    expect(await get('/collaborations?stage=DONE', tm)).toMatchObject({ status: 400 });
    expect(await get('/collaborations?overdue=yes', tm)).toMatchObject({ status: 400, body: { message: ['overdue must be true or false'] } });
    expect(await get('/creators?colour=red', tm)).toMatchObject({ status: 400, body: { message: ['property colour should not exist'] } });
    expect((await get('/brands', '')).status).toBe(401);
  });

  it('lists brands, creators and campaigns for everyone, searchable, never with a payout token', async () => {
    const finance = as(theirs, 'finance');
    const brands = await get(`/brands?search=lumen ${tag}`, finance);
    expect(brands.body).toMatchObject({ total: 1, items: [{ id: records.brandId, name: `Lumen ${tag}` }] });
    const creators = await get(`/creators?ownerId=${ours.talentManager.id}&sort=-name`, finance);
    expect(creators.body.items.map((c: { name: string }) => c.name)).toEqual([`Chitra ${tag}`, `Bela ${tag}`, `Asha ${tag}`]);
    for (const creator of creators.body.items) expect(creator).not.toHaveProperty('payoutReference');
    expect((await get(`/creators?search=${tag}&niche=food`, finance)).body.items.map((c: { id: string }) => c.id)).toEqual([records.creators[1]]);
    const campaigns = await get(`/campaigns?brandId=${records.brandId}&status=active`, finance);
    expect(campaigns.body.items.map((c: { id: string }) => c.id)).toEqual([records.campaignId]);
  });

  it('lists escalations on bookings in reach, open or mine', async () => {
    const escalations = system.database.db.getRepository(Escalation);
    const raised = (collaborationId: string, assigneeId: string | null, status = EscalationStatus.Open) =>
      escalations.save({
        collaborationId, campaignId: records.campaignId, kind: EscalationKind.NegotiationStalled, severity: EscalationSeverity.Medium, raisedAt: new Date(),
        assigneeId, status, summary: 'Terms not agreed in time', eventKey: `list-test:${collaborationId}:${status}`,
      });
    const open = await raised(records.bookings[0], ours.manager.id);
    const closed = await raised(records.bookings[1], null, EscalationStatus.Resolved);
    const theirsRaised = await raised(records.theirBooking, theirs.manager.id);

    const ids = (body: { items: Array<{ id: string }> }) => body.items.map((e) => e.id).sort();
    expect(ids((await get('/escalations', as(ours, 'talentManager'))).body)).toEqual([open.id, closed.id].sort());
    expect(ids((await get('/escalations?open=true', as(ours, 'talentManager'))).body)).toEqual([open.id]);
    expect(ids((await get('/escalations?mine=true', as(ours, 'manager'))).body)).toEqual([open.id]);
    expect(ids((await get('/escalations?mine=true', as(theirs, 'manager'))).body)).toEqual([theirsRaised.id]);
    expect(ids((await get(`/escalations?collaborationId=${records.theirBooking}`, as(ours, 'manager'))).body)).toEqual([]);
  });

  it('lists payouts for money reach only: due and overdue', async () => {
    const payouts = system.database.db.getRepository(Payout);
    const payout = (collaborationId: string, dueOn: string, status: PayoutStatus, requestedById: string) =>
      payouts.save({ collaborationId, kind: PayoutKind.Fee, amountMinor: 800_000, currency: 'INR', status, dueOn, requestedById, idempotencyKey: `list-test:${collaborationId}` });
    const late = await payout(records.bookings[0], day(-3), PayoutStatus.Approved, ours.talentManager.id);
    const coming = await payout(records.bookings[1], day(10), PayoutStatus.Invoiced, ours.talentManager.id);
    await payout(records.theirBooking, day(-3), PayoutStatus.Approved, theirs.talentManager.id);

    const ids = (body: { items: Array<{ id: string }> }) => body.items.map((p) => p.id);
    expect(ids((await get('/payouts?sort=dueOn', as(ours, 'talentManager'))).body)).toEqual([late.id, coming.id]);
    expect(ids((await get('/payouts?overdue=true', as(ours, 'manager'))).body)).toEqual([late.id]);
    expect(ids((await get('/payouts?due=true', as(ours, 'manager'))).body)).toEqual([coming.id]);
    expect((await get('/payouts?overdue=true', as(theirs, 'finance'))).body.total).toBe(2);
    expect((await get('/payouts', as(theirs, 'talentManager'))).body.items.map((p: { collaborationId: string }) => p.collaborationId)).toEqual([records.theirBooking]);
  });
});

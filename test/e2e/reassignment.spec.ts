import { randomBytes, randomUUID } from 'node:crypto';
import { hashPassword } from '../../libs/auth/passwords';
import { AuditLog, Collaboration, Creator, User } from '../../libs/domain/entities';
import { Role } from '../../libs/domain/rules/roles';
import { CollaborationStage } from '../../libs/domain/rules/stages';
import { waitFor } from '../../scripts/lib/ports';
import { createCampaignRow, createTeam, Team } from '../support/fixtures';
import { panelPost, panelSignIn } from '../support/panel-http';
import { requestJson } from '../support/rest-client';
import { RunningSystem, startSystem } from '../support/system';

/**
 * Owner reassignment (issue 11, item 15): an explicit action with a reason, audited, for managers
 * within their team and admins. Running bookings the previous owner holds move (row and workflow);
 * ended ones, and ones someone else runs, stay (docs/domain.md#owner-reassignment).
 */
describe('creator reassignment', () => {
  let system: RunningSystem;
  let ours: Team;
  let theirs: Team;
  /** A second talent manager in our team: Tara's creators go to her. */
  let tanvi: User;
  const tag = randomBytes(3).toString('hex');
  const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

  const call = (method: string, path: string, auth: string, body?: unknown) => requestJson(system.baseUrl, method, path, auth, body);
  const as = (user: { email: string }, team: Team = ours) => system.basic(user.email, team.password);
  const created = async (path: string, auth: string, body: unknown) => {
    const answer = await call('POST', path, auth, body);
    expect(answer.status).toBe(201);
    return answer.body;
  };
  const db = () => system.database.db;

  beforeAll(async () => {
    system = await startSystem();
    ours = await createTeam(db());
    theirs = await createTeam(db());
    tanvi = await db().getRepository(User).save({
      email: `tanvi-${tag}@test.local`, name: 'Tanvi Talent', role: Role.TalentManager, managerId: ours.manager.id, passwordHash: await hashPassword(ours.password),
    });
  });

  afterAll(async () => {
    await system?.stop();
  });

  /** A creator of Tara's with a running booking (a real workflow), an ended one, and one her manager runs. */
  async function creatorWithBookings() {
    const tara = as(ours.talentManager);
    const handle = `asha.${randomBytes(3).toString('hex')}`;
    const creator = await created('/creators', tara, { name: `Asha ${handle}`, handle, payoutReference: `tok_${randomBytes(4).toString('hex')}` });
    const brand = await created('/brands', tara, { name: `Lumen ${handle}`, category: 'skincare' });
    const campaign = await created('/campaigns', tara, { brandId: brand.id, name: `Glow ${handle}`, budgetMinor: 50_000_000, currency: 'INR', startsOn: day(0), endsOn: day(60), ownerId: ours.manager.id });
    const running = await created('/collaborations', tara, { campaignId: campaign.id, creatorId: creator.id });
    const rows = db().getRepository(Collaboration);
    // One booking per creator and campaign: the other two are on campaigns of their own.
    const ended = await rows.save({ id: randomUUID(), campaignId: (await createCampaignRow(db(), ours)).id, creatorId: creator.id, talentManagerId: ours.talentManager.id, stage: CollaborationStage.Completed, currency: 'INR' });
    const managers = await rows.save({ id: randomUUID(), campaignId: (await createCampaignRow(db(), ours)).id, creatorId: creator.id, talentManagerId: ours.manager.id, stage: CollaborationStage.Negotiating, currency: 'INR' });
    await waitFor('BRIEFED', async () => ((await call('GET', `/collaborations/${running.id}`, tara)).body.state?.deadlines?.length ? true : undefined));
    return { creator, running, ended, managers };
  }

  it('is refused to a talent manager, to finance and to another team’s manager, and on bad input, changing nothing', async () => {
    const { creator, running } = await creatorWithBookings();
    const reassign = (auth: string, body: unknown) => call('POST', `/creators/${creator.id}/reassign`, auth, body);
    const move = { toUserId: tanvi.id, reason: 'Tara is on leave' };
    expect((await reassign(as(ours.talentManager), move)).status).toBe(403);
    expect((await reassign(as(ours.finance), move)).status).toBe(403);
    expect((await reassign(as(theirs.manager, theirs), move)).status).toBe(403);
    // A manager hands creators only to their own team.
    expect((await reassign(as(ours.manager), { ...move, toUserId: theirs.talentManager.id })).status).toBe(403);
    const manager = as(ours.manager);
    expect((await reassign(manager, { toUserId: tanvi.id })).status).toBe(400);
    expect((await reassign(manager, { ...move, reason: '' })).status).toBe(400);
    expect((await reassign(manager, { ...move, toUserId: 'tanvi' })).status).toBe(400);
    expect((await reassign(manager, { ...move, moveRunningBookings: 'yes' })).status).toBe(400);
    expect((await call('POST', `/creators/00000000-0000-4000-8000-000000000000/reassign`, manager, move)).status).toBe(404);
    expect((await reassign(manager, { ...move, toUserId: ours.talentManager.id })).status).toBe(409);
    const toFinance = await reassign(system.basic(system.admin.email, system.admin.password), { ...move, toUserId: ours.finance.id });
    expect(toFinance.status).toBe(422);

    expect((await db().getRepository(Creator).findOneByOrFail({ id: creator.id })).ownerId).toBe(ours.talentManager.id);
    expect((await db().getRepository(Collaboration).findOneByOrFail({ id: running.id })).talentManagerId).toBe(ours.talentManager.id);
    expect(await db().getRepository(AuditLog).countBy({ entityId: creator.id, action: 'creator.reassigned' })).toBe(0);
  });

  it('by the team’s manager moves the running booking the previous owner held, row and workflow; ended and others’ bookings stay', async () => {
    const { creator, running, ended, managers } = await creatorWithBookings();
    const answer = await call('POST', `/creators/${creator.id}/reassign`, as(ours.manager), { toUserId: tanvi.id, reason: 'Tara is on leave' });
    expect(answer.status).toBe(200);
    expect(answer.body.creator).toMatchObject({ id: creator.id, ownerId: tanvi.id });
    expect(answer.body.creator).not.toHaveProperty('payoutReference');
    expect(answer.body.movedBookings).toEqual([running.id]);
    expect([...answer.body.keptBookings].sort()).toEqual([ended.id, managers.id].sort());

    const rows = db().getRepository(Collaboration);
    expect((await rows.findOneByOrFail({ id: running.id })).talentManagerId).toBe(tanvi.id);
    expect((await rows.findOneByOrFail({ id: ended.id })).talentManagerId).toBe(ours.talentManager.id);
    expect((await rows.findOneByOrFail({ id: managers.id })).talentManagerId).toBe(ours.manager.id);
    const audit = db().getRepository(AuditLog);
    expect(await audit.findOneByOrFail({ entityId: creator.id, action: 'creator.reassigned' })).toMatchObject({
      actorId: ours.manager.id, before: { ownerId: ours.talentManager.id }, after: { ownerId: tanvi.id, reason: 'Tara is on leave', movedBookings: [running.id] },
    });
    expect(await audit.findOneByOrFail({ entityId: running.id, action: 'collaboration.talent_manager_changed' })).toMatchObject({ after: { talentManagerId: tanvi.id } });

    // The workflow knows: the new talent manager may drop the creator (a talent manager may drop only
    // her own booking), the previous one no longer reaches it.
    const live = await waitFor('the workflow told', async () => {
      const view = (await call('GET', `/collaborations/${running.id}?live=true`, as(tanvi))).body;
      return view.live?.talentManagerId === tanvi.id ? view.live : undefined;
    });
    expect(live.history.map((entry: { event: string }) => entry.event)).toContain('talent_manager.changed');
    expect((await call('POST', `/collaborations/${running.id}/acknowledge-brief`, as(ours.talentManager))).status).toBe(403);
    const dropped = await call('POST', `/collaborations/${running.id}/drop-out`, as(tanvi), { reason: 'Creator unavailable' });
    expect(dropped.status).toBe(200);
  });

  it('with moveRunningBookings false leaves every booking where it is; an admin reassigns across teams', async () => {
    const { creator, running } = await creatorWithBookings();
    const kept = await call('POST', `/creators/${creator.id}/reassign`, as(ours.manager), { toUserId: tanvi.id, reason: 'New roster split', moveRunningBookings: false });
    expect(kept.status).toBe(200);
    expect(kept.body.movedBookings).toEqual([]);
    expect((await db().getRepository(Collaboration).findOneByOrFail({ id: running.id })).talentManagerId).toBe(ours.talentManager.id);

    const across = await call('POST', `/creators/${creator.id}/reassign`, system.basic(system.admin.email, system.admin.password), { toUserId: theirs.talentManager.id, reason: 'Moved to the Delhi team' });
    expect(across.status).toBe(200);
    // Tanvi held none of the running bookings: they stay with Tara.
    expect(across.body.movedBookings).toEqual([]);
    expect((await db().getRepository(Creator).findOneByOrFail({ id: creator.id })).ownerId).toBe(theirs.talentManager.id);
  });

  it('the panel offers "Reassign" to the manager and refuses an owner typed into the edit form', async () => {
    const { creator, running } = await creatorWithBookings();
    const tara = await panelSignIn(system.baseUrl, ours.talentManager.email, ours.password);
    const byTara = await panelPost(system.baseUrl, tara, `/admin/api/resources/Creator/records/${creator.id}/reassignOwner`, { toUserId: tanvi.id, reason: 'x', moveRunningBookings: 'yes' });
    expect(byTara.body.notice?.type ?? 'error').toBe('error');
    const manager = await panelSignIn(system.baseUrl, ours.manager.email, ours.password);
    const edit = await panelPost(system.baseUrl, manager, `/admin/api/resources/Creator/records/${creator.id}/edit`, { ownerId: tanvi.id });
    expect(edit.body.notice?.type ?? 'error').toBe('error');
    expect((await db().getRepository(Creator).findOneByOrFail({ id: creator.id })).ownerId).toBe(ours.talentManager.id);

    const reassigned = await panelPost(system.baseUrl, manager, `/admin/api/resources/Creator/records/${creator.id}/reassignOwner`, { toUserId: tanvi.id, reason: 'Tara is on leave', moveRunningBookings: 'yes' });
    expect(reassigned.body.notice).toMatchObject({ type: 'success', message: expect.stringMatching(/1 running booking\(s\) moved/) });
    expect((await db().getRepository(Collaboration).findOneByOrFail({ id: running.id })).talentManagerId).toBe(tanvi.id);
    expect(await db().getRepository(AuditLog).findOneByOrFail({ entityId: creator.id, action: 'creator.reassigned' })).toMatchObject({ actorId: ours.manager.id });
  });
});

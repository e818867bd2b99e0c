import { randomBytes } from 'node:crypto';
import { AuditLog, Collaboration, Escalation, User } from '../../libs/domain/entities';
import { Role } from '../../libs/domain/rules/roles';
import { EscalationKind, EscalationStatus } from '../../libs/domain/rules/escalations';
import { waitFor } from '../../scripts/lib/ports';
import { upcomingCampaign } from '../support/dates';
import { createTeam, type Team } from '../support/fixtures';
import { panelGet, panelPost, panelSignIn } from '../support/panel-http';
import { restClient } from '../support/rest-client';
import { startSystem, type RunningSystem } from '../support/system';

/**
 * What happens to an escalation after it is raised, against the built API and worker: its
 * assignee acknowledges it (opening it in the panel, or through the API), and PAYOUT_OVERDUE,
 * raised by the payout workflow, is resolved with ACCEPT through the booking's REST route.
 */
describe('escalations followed up', () => {
  let system: RunningSystem;
  let team: Team;
  type Rest = ReturnType<typeof restClient>;
  let asTalentManager: Rest;
  let asManager: Rest;
  let asFinance: Rest;

  beforeAll(async () => {
    system = await startSystem();
    team = await createTeam(system.database.db);
    asTalentManager = restClient(system, team.talentManager.email, team.password);
    asManager = restClient(system, team.manager.email, team.password);
    asFinance = restClient(system, team.finance.email, team.password);
  }, 120_000);

  afterAll(() => system?.stop());

  async function booking(slaOverrides: Record<string, string>): Promise<string> {
    const tag = randomBytes(4).toString('hex');
    const brand = await asTalentManager.ok('POST', '/brands', { name: `GlowCo ${tag}`, category: 'skincare' });
    const campaign = await asTalentManager.ok('POST', '/campaigns', {
      brandId: brand.id, name: 'Winter Glow', budgetMinor: 150_000_000, currency: 'INR', ...upcomingCampaign(), ownerId: team.manager.id, slaOverrides,
    });
    const creator = await asTalentManager.ok('POST', '/creators', { name: `Creator ${tag}`, handle: `creator.${tag}`, payoutReference: `tok_${randomBytes(6).toString('hex')}` });
    const booked = await asTalentManager.ok('POST', '/collaborations', { campaignId: campaign.id, creatorId: creator.id, brandPriceMinor: 10_000_000, creatorFeeMinor: 7_000_000 });
    return booked.id as string;
  }

  const stage = async (id: string) => (await system.database.db.getRepository(Collaboration).findOneByOrFail({ id })).stage;
  const settledIn = (id: string, wanted: string) => waitFor(`${id} in ${wanted}`, async () => ((await stage(id)) === wanted ? true : undefined), 30_000);

  it('is acknowledged by its assignee opening it in the panel, or through the API; nobody else may', async () => {
    const id = await booking({ briefAckReminder: '500ms', briefAckEscalation: '1s' });
    const escalation = await waitFor('BRIEF_ACK_OVERDUE', async () => (await system.database.db.getRepository(Escalation).findOneBy({ collaborationId: id, kind: EscalationKind.BriefAckOverdue })) ?? undefined, 30_000);
    expect(escalation).toMatchObject({ status: EscalationStatus.Open, assigneeId: team.manager.id });
    const route = `/collaborations/${id}/escalations/${escalation.id}/acknowledge`;

    const byOther = await asTalentManager.call('POST', route);
    expect(byOther).toMatchObject({ status: 403, body: { message: "Only the escalation's assignee can acknowledge it" } });
    const unknown = await asManager.call('POST', `/collaborations/${id}/escalations/00000000-0000-4000-8000-000000000000/acknowledge`);
    expect(unknown.status).toBe(404);
    expect((await system.database.db.getRepository(Escalation).findOneByOrFail({ id: escalation.id })).status).toBe(EscalationStatus.Open);

    // A talent manager opening it changes nothing; the assignee opening it acknowledges it.
    const talentCookie = await panelSignIn(system.baseUrl, team.talentManager.email, team.password);
    expect((await panelGet(system.baseUrl, talentCookie, `/admin/api/resources/Escalation/records/${escalation.id}/show`)).status).toBe(200);
    expect((await system.database.db.getRepository(Escalation).findOneByOrFail({ id: escalation.id })).status).toBe(EscalationStatus.Open);
    const managerCookie = await panelSignIn(system.baseUrl, team.manager.email, team.password);
    const shown = await panelGet(system.baseUrl, managerCookie, `/admin/api/resources/Escalation/records/${escalation.id}/show`);
    expect(shown.status).toBe(200);
    expect(shown.body.record.params.status).toBe(EscalationStatus.Acknowledged);
    const audit = await system.database.db.getRepository(AuditLog).findOneByOrFail({ entityId: escalation.id, action: 'escalation.acknowledged' });
    expect(audit).toMatchObject({ actorId: team.manager.id, before: { status: 'open' }, after: { status: 'acknowledged' } });

    // Through the API too: saying it again is harmless.
    expect(await asManager.call('POST', route)).toMatchObject({ status: 200, body: { id: escalation.id, status: EscalationStatus.Acknowledged } });

    // Still the manager's to resolve; once resolved it can no longer be acknowledged.
    await asManager.ok('POST', `/collaborations/${id}/escalations/${escalation.id}/resolve`, { resolution: 'EXTEND', reason: 'Creator travelling', extendBy: '1d' });
    expect((await system.database.db.getRepository(Escalation).findOneByOrFail({ id: escalation.id })).status).toBe(EscalationStatus.Resolved);
    expect(await asManager.call('POST', route)).toMatchObject({ status: 409 });
  });

  it('takes ACCEPT on PAYOUT_OVERDUE through the booking\'s REST route: closed as acknowledged late, then the payout goes on and is paid', async () => {
    // Net-30 of 30 ms days: the payout falls due a second after the post is verified.
    const id = await booking({ measureFirst: '300ms', measureSecond: '600ms', paymentDay: '30ms' });
    await asTalentManager.ok('POST', `/collaborations/${id}/acknowledge-brief`);
    await settledIn(id, 'NEGOTIATING');
    await asTalentManager.ok('POST', `/collaborations/${id}/terms`, {
      brandPriceMinor: 10_000_000, creatorFeeMinor: 7_000_000, currency: 'INR', paymentNetDays: 30, killFeeBps: 2_500,
      deliverables: [{ type: 'reel', platform: 'instagram', draftDueAt: new Date(Date.now() + 7 * 86_400_000).toISOString() }],
    });
    await asTalentManager.ok('POST', `/collaborations/${id}/accept-terms`);
    const contracts = await waitFor('the contracts', async () => {
      const listed = await asTalentManager.ok<Array<{ id: string; documentHash: string }>>('GET', `/collaborations/${id}/contracts`);
      return listed.length ? listed : undefined;
    });
    for (const contract of contracts) {
      const route = `/collaborations/${id}/contracts/${contract.id}/signatures`;
      await asTalentManager.ok('POST', route, { party: 'creator', documentHash: contract.documentHash });
      await asManager.ok('POST', route, { party: 'agency', documentHash: contract.documentHash });
    }
    await settledIn(id, 'IN_PRODUCTION');
    const [reel] = await waitFor('the deliverable', async () => {
      const listed = await asTalentManager.ok<Array<{ id: string }>>('GET', `/collaborations/${id}/deliverables`);
      return listed.length ? listed : undefined;
    });
    const drafts = `/collaborations/${id}/deliverables/${reel.id}/drafts`;
    await asTalentManager.ok('POST', drafts, { assetUrl: 'https://drive.example/reel.mp4', caption: 'Sponsored: winter glow with the new serum' });
    await asManager.ok('POST', `${drafts}/1/review`, { decision: 'approve' });
    await settledIn(id, 'POSTING');
    await asTalentManager.ok('POST', `/collaborations/${id}/deliverables/${reel.id}/post`, { liveUrl: 'https://www.instagram.com/reel/A1/', caption: 'Sponsored: winter glow with the new serum' });

    const overdue = await waitFor('PAYOUT_OVERDUE', async () => (await system.database.db.getRepository(Escalation).findOneBy({ collaborationId: id, kind: EscalationKind.PayoutOverdue })) ?? undefined, 60_000);
    // In the booking's live state, so the booking's route can decide on it.
    await waitFor('the escalation in the live state', async () => {
      const live = (await asManager.ok('GET', `/collaborations/${id}?live=true`)).live as { openEscalations: { escalationId: string }[] };
      return live.openEscalations.some((e) => e.escalationId === overdue.id) ? true : undefined;
    });
    // And in the projected state the default read answers with.
    const projected = (await asManager.ok('GET', `/collaborations/${id}`)).state as { openEscalations: { escalationId: string; kind: string }[] };
    expect(projected.openEscalations).toContainEqual(expect.objectContaining({ escalationId: overdue.id, kind: EscalationKind.PayoutOverdue }));
    const refused = await asManager.call('POST', `/collaborations/${id}/escalations/${overdue.id}/resolve`, { resolution: 'EXTEND', reason: 'x', extendBy: '1d' });
    expect(refused).toMatchObject({ status: 400, body: { message: 'A PAYOUT_OVERDUE escalation can be resolved with ACCEPT, not EXTEND' } });
    const accepted = await asManager.call('POST', `/collaborations/${id}/escalations/${overdue.id}/resolve`, { resolution: 'ACCEPT', reason: 'Finance was closing the quarter' });
    expect(accepted.status).toBe(200);
    expect(accepted.body.resolvedEscalations).toEqual(expect.arrayContaining([expect.objectContaining({ escalationId: overdue.id, resolution: 'ACCEPT' })]));
    expect(await system.database.db.getRepository(Escalation).findOneByOrFail({ id: overdue.id })).toMatchObject({
      status: EscalationStatus.Resolved, resolvedById: team.manager.id, resolution: 'ACCEPT: Acknowledged late: Finance was closing the quarter',
    });

    // The payout goes on as it stands: invoiced, approved by finance, paid; the ACCEPT stays on the row.
    await waitFor('the payout request', async () => ((await asFinance.call('GET', `/collaborations/${id}/payout`)).body.payoutId ? true : undefined));
    await asTalentManager.ok('POST', `/collaborations/${id}/payout/invoice`, { invoiceNumber: 'INV-LATE-7' });
    await asFinance.ok('POST', `/collaborations/${id}/payout/approve`);
    await settledIn(id, 'COMPLETED');
    expect((await system.database.db.getRepository(Escalation).findOneByOrFail({ id: overdue.id })).resolution).toBe('ACCEPT: Acknowledged late: Finance was closing the quarter');
  });

  it("takes a manager's approval limit set by an admin in the panel, and sends a larger exception up the team tree, saying whose approval is awaited", async () => {
    const users = system.database.db.getRepository(User);
    const head = await users.save(users.create({ email: `head-${randomBytes(4).toString('hex')}@test.local`, name: 'Hana Head', role: Role.Manager, passwordHash: team.manager.passwordHash }));
    await users.update({ id: team.manager.id }, { managerId: head.id });
    const admin = await panelSignIn(system.baseUrl, system.admin.email, system.admin.password);
    const edit = `/admin/api/resources/User/records/${team.manager.id}/edit`;
    const refused = await panelPost(system.baseUrl, admin, edit, { approvalLimitMinor: '-5', approvalLimitCurrency: 'INR' });
    expect(JSON.stringify(refused.body)).toContain('The approval limit must be a whole amount in minor units');
    const set = await panelPost(system.baseUrl, admin, edit, { approvalLimitMinor: '500000', approvalLimitCurrency: 'inr' });
    expect(set.body.notice?.type).toBe('success');
    expect(await users.findOneByOrFail({ id: team.manager.id })).toMatchObject({ approvalLimitMinor: 500_000, approvalLimitCurrency: 'INR' });

    const id = await booking({});
    await asTalentManager.ok('POST', `/collaborations/${id}/acknowledge-brief`);
    await settledIn(id, 'NEGOTIATING');
    // 10 % margin against a 20 % floor: 10,000 INR given up, above the manager's 5,000.
    await asTalentManager.ok('POST', `/collaborations/${id}/terms`, {
      brandPriceMinor: 10_000_000, creatorFeeMinor: 9_000_000, currency: 'INR', paymentNetDays: 30, killFeeBps: 2_500,
      deliverables: [{ type: 'reel', platform: 'instagram', draftDueAt: new Date(Date.now() + 7 * 86_400_000).toISOString() }],
    });
    await asTalentManager.ok('POST', `/collaborations/${id}/accept-terms`);
    const endorsed = await asManager.call('POST', `/collaborations/${id}/approve-commercials`, { reason: 'Strategic launch' });
    expect(endorsed).toMatchObject({ status: 200, body: { stage: 'NEGOTIATING', negotiation: { approvalAwaitedFrom: head.id } } });
    expect((await asManager.ok('GET', `/collaborations/${id}?live=true`)).live.negotiation.approvalAwaitedFrom).toBe(head.id);
    const again = await asManager.call('POST', `/collaborations/${id}/approve-commercials`, { reason: 'Again' });
    expect(again).toMatchObject({ status: 403, body: { message: 'You have already approved; the exception is above your approval limit' } });

    const asHead = restClient(system, head.email, team.password);
    expect((await asHead.call('POST', `/collaborations/${id}/approve-commercials`, { reason: 'Worth it' })).status).toBe(200);
    await settledIn(id, 'CONTRACTING');
  });
});

import { randomBytes } from 'node:crypto';
import { hashPassword } from '../../libs/auth/passwords';
import { Collaboration, Escalation, Notification, User } from '../../libs/domain/entities';
import { EscalationKind } from '../../libs/domain/rules/escalations';
import { Role } from '../../libs/domain/rules/roles';
import { CollaborationStage } from '../../libs/domain/rules/stages';
import { waitFor } from '../../scripts/lib/ports';
import { createTeam, sampleDeliverables, Team } from '../support/fixtures';
import { requestJson } from '../support/rest-client';
import { RunningSystem, startSystem } from '../support/system';
import { dayFromToday, upcomingCampaign } from '../support/dates';

/**
 * The system as users run it: the built API and worker as separate processes, the Temporal
 * dev server and PostgreSQL, driven over HTTP only (the database is read to check projections).
 */
describe('bookings through the REST API', () => {
  let system: RunningSystem;
  let team: Team;
  let asTalentManager: string;
  let asFinance: string;

  beforeAll(async () => {
    system = await startSystem();
    team = await createTeam(system.database.db);
    asTalentManager = system.basic(team.talentManager.email, team.password);
    asFinance = system.basic(team.finance.email, team.password);
  });

  afterAll(async () => {
    await system?.stop();
  });

  async function call(method: string, path: string, auth: string | null, body?: unknown, headers?: Record<string, string>) {
    const { status, body: answer } = await requestJson(system.baseUrl, method, path, auth, body, headers);
    return { status, body: answer };
  }

  let seq = 0;
  /** Brand → creator → campaign through the API, as a talent manager would set them up. */
  async function setUpCampaign(slaOverrides?: Record<string, string>) {
    seq += 1;
    const brand = await call('POST', '/brands', asTalentManager, { name: `GlowCo ${seq} ${Date.now()}`, category: 'skincare', competitorBrands: ['ShineCorp'] });
    expect(brand.status).toBe(201);
    const creator = await call('POST', '/creators', asTalentManager, {
      name: 'Asha Rao',
      handle: `asha.creates.${seq}.${Date.now()}`,
      niches: ['beauty'],
      channels: [{ platform: 'instagram', handle: '@asha', followers: 240000, engagementRate: 0.04 }],
      audience: { gender: { female: 0.7, male: 0.3 } },
      baseRates: { reel: { amountMinor: 4500000, currency: 'INR' } },
      payoutReference: `tok_${randomBytes(5).toString('hex')}`,
    });
    expect(creator.status).toBe(201);
    expect(creator.body.ownerId).toBe(team.talentManager.id);
    expect(creator.body).not.toHaveProperty('payoutReference');
    const campaign = await call('POST', '/campaigns', asTalentManager, {
      brandId: brand.body.id,
      name: 'Winter Glow',
      budgetMinor: 150000000,
      currency: 'INR',
      ...upcomingCampaign(),
      ownerId: team.manager.id,
      ...(slaOverrides ? { slaOverrides } : {}),
    });
    expect(campaign.status).toBe(201);
    return { brand: brand.body, creator: creator.body, campaign: campaign.body };
  }

  async function book(slaOverrides?: Record<string, string>) {
    const { campaign, creator } = await setUpCampaign(slaOverrides);
    const created = await call('POST', '/collaborations', asTalentManager, {
      campaignId: campaign.id,
      creatorId: creator.id,
      brandPriceMinor: 6000000,
      creatorFeeMinor: 4500000,
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ stage: 'BRIEFED', marginBps: 2500, talentManagerId: team.talentManager.id });
    return created.body as Collaboration;
  }

  it('reports PostgreSQL and Temporal as reachable, without credentials', async () => {
    expect(await call('GET', '/health', null)).toEqual({ status: 200, body: { status: 'ok', database: 'up', temporal: 'up' } });
  });

  it('serves the OpenAPI document at /docs', async () => {
    const response = await fetch(`${system.baseUrl}/docs-json`);
    expect(response.status).toBe(200);
    const document = (await response.json()) as { paths: Record<string, unknown> };
    expect(Object.keys(document.paths)).toEqual(expect.arrayContaining(['/collaborations', '/collaborations/{id}/acknowledge-brief']));
  });

  it('refuses requests without credentials or with a wrong password', async () => {
    expect((await call('GET', '/brands/00000000-0000-4000-8000-000000000000', null)).status).toBe(401);
    const wrong = await call('POST', '/brands', system.basic(team.talentManager.email, `wrong-${randomBytes(6).toString('hex')}`), { name: 'X', category: 'y' });
    expect(wrong.status).toBe(401);
  });

  it('refuses a changed password at once, though it was just accepted, and a disabled account', async () => {
    const someone = await createTeam(system.database.db);
    const unknownBrand = '/brands/00000000-0000-4000-8000-000000000000';
    const before = system.basic(someone.talentManager.email, someone.password);
    // Signed in (404: no such brand), twice: the second within the window of a verified password.
    expect((await call('GET', unknownBrand, before)).status).toBe(404);
    expect((await call('GET', unknownBrand, before)).status).toBe(404);

    const users = system.database.db.getRepository(User);
    const newPassword = `pw-${randomBytes(9).toString('hex')}`;
    await users.update({ id: someone.talentManager.id }, { passwordHash: await hashPassword(newPassword) });
    expect((await call('GET', unknownBrand, before)).status).toBe(401);
    const after = system.basic(someone.talentManager.email, newPassword);
    expect((await call('GET', unknownBrand, after)).status).toBe(404);

    await users.update({ id: someone.talentManager.id }, { active: false });
    expect((await call('GET', unknownBrand, after)).status).toBe(401);
  });

  it('starts a workflow for a new booking and acknowledges its brief', async () => {
    const booking = await book();
    const view = await waitFor('the projected BRIEFED state', async () => {
      const response = await call('GET', `/collaborations/${booking.id}`, asTalentManager);
      return response.body.state?.deadlines?.length ? response : undefined;
    });
    expect(view.status).toBe(200);
    expect(view.body.collaboration.id).toBe(booking.id);
    expect(view.body.state).toMatchObject({ stage: 'BRIEFED', openEscalations: [] });
    expect(view.body).not.toHaveProperty('live');
    // The workflow itself says the same, asked with live=true.
    const live = await call('GET', `/collaborations/${booking.id}?live=true`, asTalentManager);
    expect(live.body.live).toMatchObject({ stage: 'BRIEFED', openEscalations: [], deadlines: expect.arrayContaining(view.body.state.deadlines) });
    expect(live.body).not.toHaveProperty('state');
    expect((await call('GET', `/collaborations/${booking.id}?live=maybe`, asTalentManager))).toMatchObject({ status: 400, body: { message: 'live must be true or false' } });

    const acknowledged = await call('POST', `/collaborations/${booking.id}/acknowledge-brief`, asTalentManager);
    expect(acknowledged.status).toBe(200);
    expect(acknowledged.body.stage).toBe('CONFLICT_CHECK');
    expect(acknowledged.body.history).toContainEqual(
      expect.objectContaining({ event: 'brief.acknowledged', actor: { userId: team.talentManager.id, role: 'talent_manager' } }),
    );

    // Nothing conflicts, so the conflict check passes on its own and negotiation opens.
    const after = await waitFor('NEGOTIATING', async () => {
      const response = await call('GET', `/collaborations/${booking.id}?live=true`, asTalentManager);
      return response.body.collaboration.stage === 'NEGOTIATING' ? response : undefined;
    });
    expect(after.body.live.stage).toBe('NEGOTIATING');
    expect(after.body.live.conflicts).toEqual([]);
  });

  it('answers 409 with the reason when the brief is acknowledged in the wrong stage, and changes nothing', async () => {
    const booking = await book();
    expect((await call('POST', `/collaborations/${booking.id}/acknowledge-brief`, asTalentManager)).status).toBe(200);
    const before = await waitFor('NEGOTIATING', async () => {
      const response = await call('GET', `/collaborations/${booking.id}?live=true`, asTalentManager);
      return response.body.collaboration.stage === 'NEGOTIATING' ? response : undefined;
    });

    const again = await call('POST', `/collaborations/${booking.id}/acknowledge-brief`, asTalentManager);
    expect(again.status).toBe(409);
    expect(again.body.message).toBe('The brief can only be acknowledged while the collaboration is BRIEFED; it is NEGOTIATING');

    const after = await call('GET', `/collaborations/${booking.id}?live=true`, asTalentManager);
    expect(after.body.live).toEqual(before.body.live);
    expect(after.body.collaboration.updatedAt).toBe(before.body.collaboration.updatedAt);
  });

  it('treats a retried request with the same Idempotency-Key as one decision', async () => {
    const booking = await book();
    const headers = { 'idempotency-key': `ack-${booking.id}` };
    const first = await call('POST', `/collaborations/${booking.id}/acknowledge-brief`, asTalentManager, undefined, headers);
    const retry = await call('POST', `/collaborations/${booking.id}/acknowledge-brief`, asTalentManager, undefined, headers);
    expect(first.status).toBe(200);
    expect(retry).toEqual(first);
  });

  it('refuses finance creating bookings or acknowledging briefs (403 with the reason)', async () => {
    const booking = await book();
    const denied = await call('POST', `/collaborations/${booking.id}/acknowledge-brief`, asFinance);
    expect(denied.status).toBe(403);
    expect(denied.body.message).toMatch(/A finance may not do this/);
  });

  it("refuses decisions on another team's booking (403 with the reason) and changes nothing; its team decides", async () => {
    const booking = await book();
    const others = await createTeam(system.database.db);
    const asOtherTalentManager = system.basic(others.talentManager.email, others.password);
    const asOtherManager = system.basic(others.manager.email, others.password);
    const acknowledge = `/collaborations/${booking.id}/acknowledge-brief`;

    const byOtherTalentManager = await call('POST', acknowledge, asOtherTalentManager);
    expect(byOtherTalentManager).toMatchObject({
      status: 403,
      body: { message: `Collaboration ${booking.id} belongs to someone else; a talent manager acts only on their own` },
    });
    const byOtherManager = await call('POST', acknowledge, asOtherManager);
    expect(byOtherManager).toMatchObject({
      status: 403,
      body: { message: `Collaboration ${booking.id} belongs to someone outside your team; a manager acts only on their team's` },
    });
    // Money records too: another talent manager cannot read this booking's payout.
    const payout = await call('GET', `/collaborations/${booking.id}/payout`, asOtherTalentManager);
    expect(payout).toMatchObject({ status: 403, body: { message: `The payout of collaboration ${booking.id} belongs to someone else; a talent manager acts only on their own` } });
    // And another team's manager cannot cancel this team's campaign.
    const cancel = await call('POST', `/campaigns/${booking.campaignId}/cancel`, asOtherManager, { reason: 'Not mine to cancel' });
    expect(cancel).toMatchObject({ status: 403, body: { message: `Campaign ${booking.campaignId} belongs to someone outside your team; a manager acts only on their team's` } });

    // Nor read the booking itself (its live state has the payout's details).
    expect((await call('GET', `/collaborations/${booking.id}`, asOtherTalentManager)).status).toBe(403);

    const untouched = await call('GET', `/collaborations/${booking.id}?live=true`, asTalentManager);
    expect(untouched.body.live.stage).toBe(CollaborationStage.Briefed);
    expect(untouched.body.live.history.map((entry: { event: string }) => entry.event)).not.toContain('brief.acknowledged');
    expect((await call('GET', `/campaigns/${booking.campaignId}/state`, asTalentManager)).body.live.status).toBe('active');

    // The booking's own manager (the talent manager reports to them) may decide on it, and so may
    // a head of talent two levels up the team tree (the other team's manager reports to them).
    const byTeamManager = await call('POST', acknowledge, system.basic(team.manager.email, team.password));
    expect(byTeamManager.status).toBe(200);
    expect(byTeamManager.body.history).toContainEqual(expect.objectContaining({ event: 'brief.acknowledged', actor: { userId: team.manager.id, role: 'manager' } }));

    const theirs = await book();
    const users = system.database.db.getRepository(User);
    const head = await users.save(users.create({ email: `head-${randomBytes(4).toString('hex')}@test.local`, name: 'Hana Head', role: Role.Manager, passwordHash: await hashPassword(others.password) }));
    await users.update({ id: others.manager.id }, { managerId: head.id });
    const asHead = system.basic(head.email, others.password);
    expect((await call('POST', `/collaborations/${theirs.id}/acknowledge-brief`, asHead)).status).toBe(403);
    await users.update({ id: team.manager.id }, { managerId: head.id });
    try {
      const byHead = await call('POST', `/collaborations/${theirs.id}/acknowledge-brief`, asHead);
      expect(byHead.status).toBe(200);
      expect(byHead.body.history).toContainEqual(expect.objectContaining({ event: 'brief.acknowledged', actor: { userId: head.id, role: 'manager' } }));
    } finally {
      await users.update({ id: team.manager.id }, { managerId: null });
    }
  });

  it('records the reminder and a BRIEF_ACK_OVERDUE escalation in the database when the deadline lapses', async () => {
    const booking = await book({ briefAckReminder: '2s', briefAckEscalation: '4s' });
    const escalation = await waitFor(
      'the escalation row',
      async () => (await system.database.db.getRepository(Escalation).findOneBy({ collaborationId: booking.id })) ?? undefined,
      30_000,
    );
    expect(escalation).toMatchObject({ kind: EscalationKind.BriefAckOverdue, status: 'open', assigneeId: team.manager.id });
    const reminder = await system.database.db.getRepository(Notification).findOneBy({ collaborationId: booking.id, kind: 'BRIEF_ACK_REMINDER' });
    expect(reminder?.recipientId).toBe(team.talentManager.id);

    const view = await waitFor('the escalation in the projected state', async () => {
      const response = await call('GET', `/collaborations/${booking.id}`, asTalentManager);
      return response.body.state.openEscalations.length ? response : undefined;
    });
    expect(view.body.state.stage).toBe(CollaborationStage.Briefed);
    expect(view.body.state.openEscalations).toEqual([expect.objectContaining({ escalationId: escalation.id, kind: 'BRIEF_ACK_OVERDUE' })]);
    expect((await call('GET', `/collaborations/${booking.id}?live=true`, asTalentManager)).body.live.openEscalations).toEqual(view.body.state.openEscalations);
  });

  it('lets the manager extend an overdue brief, and answers the wrong role or a wrong choice with the reason', async () => {
    const booking = await book({ briefAckReminder: '1s', briefAckEscalation: '2s' });
    const [overdue] = await waitFor('the escalation listed', async () => {
      const response = await call('GET', `/collaborations/${booking.id}/escalations`, asTalentManager);
      return response.body.length ? response.body : undefined;
    }, 30_000);
    expect(overdue).toMatchObject({ kind: 'BRIEF_ACK_OVERDUE', status: 'open' });
    const resolvePath = `/collaborations/${booking.id}/escalations/${overdue.id}/resolve`;

    const byTalentManager = await call('POST', resolvePath, asTalentManager, { resolution: 'EXTEND', reason: 'x', extendBy: '1d' });
    expect(byTalentManager).toMatchObject({ status: 403, body: { message: 'A talent_manager may not do this; allowed roles: manager, admin' } });
    const asManager = system.basic(team.manager.email, team.password);
    const unknownChoice = await call('POST', resolvePath, asManager, { resolution: 'IGNORE', reason: 'x' });
    expect(unknownChoice).toMatchObject({ status: 400, body: { message: ['resolution must be one of EXTEND, OVERRIDE, DROP, ACCEPT'] } });
    const override = await call('POST', resolvePath, asManager, { resolution: 'OVERRIDE', reason: 'x' });
    expect(override).toMatchObject({ status: 400, body: { message: 'A BRIEF_ACK_OVERDUE escalation can be resolved with EXTEND or DROP, not OVERRIDE' } });

    const extended = await call('POST', resolvePath, asManager, { resolution: 'EXTEND', reason: 'Creator travelling', extendBy: '1d' });
    expect(extended.status).toBe(200);
    expect(extended.body.deadlines).toEqual([expect.objectContaining({ name: 'briefAckEscalation' })]);
    const again = await call('POST', resolvePath, asManager, { resolution: 'EXTEND', reason: 'Again', extendBy: '1d' });
    expect(again.status).toBe(409);
    expect(again.body.message).toMatch(/is already resolved \(EXTEND\)/);
  });

  it('drops a creator from a booking, once, with a reason', async () => {
    const booking = await book();
    expect((await call('POST', `/collaborations/${booking.id}/drop-out`, asTalentManager, {})).status).toBe(400);
    expect((await call('POST', `/collaborations/${booking.id}/drop-out`, asFinance, { reason: 'x' })).status).toBe(403);
    const dropped = await call('POST', `/collaborations/${booking.id}/drop-out`, asTalentManager, { reason: 'Creator is ill' });
    expect(dropped.status).toBe(200);
    expect(dropped.body).toMatchObject({ stage: 'DROPPED', dropout: { reason: 'Creator is ill', actor: { userId: team.talentManager.id } } });
    const again = await call('POST', `/collaborations/${booking.id}/drop-out`, asTalentManager, { reason: 'Creator is ill' });
    expect(again).toMatchObject({ status: 409, body: { message: 'The booking has already ended (DROPPED)' } });
    const alert = await waitFor('the dropout escalation', async () => {
      const response = await call('GET', `/collaborations/${booking.id}/escalations`, asTalentManager);
      return response.body.find((e: { kind: string }) => e.kind === 'CREATOR_DROPPED');
    });
    expect(alert.summary).toContain('Creator is ill');
  });

  it('takes a booking from brief to paid through the API, each decision by the right role', async () => {
    // Measuring after 1 s and 2 s, and a payment-terms day of 10 ms, so net-30 is 0.3 s.
    const booking = await book({ measureFirst: '1s', measureSecond: '2s', paymentDay: '10ms' });
    await call('POST', `/collaborations/${booking.id}/acknowledge-brief`, asTalentManager);
    await waitFor('NEGOTIATING', async () => ((await call('GET', `/collaborations/${booking.id}`, asTalentManager)).body.collaboration.stage === 'NEGOTIATING' ? true : undefined));
    const terms = { brandPriceMinor: 6000000, creatorFeeMinor: 5100000, currency: 'INR', paymentNetDays: 30, killFeeBps: 2500, deliverables: sampleDeliverables() };

    const malformed = await call('POST', `/collaborations/${booking.id}/terms`, asTalentManager, { ...terms, creatorFeeMinor: '5100000' });
    expect(malformed).toMatchObject({ status: 400, body: { message: ['creatorFeeMinor must be a whole number of minor units (paise, cents)'] } });
    expect((await call('POST', `/collaborations/${booking.id}/terms`, asTalentManager, terms)).status).toBe(200);
    const accepted = await call('POST', `/collaborations/${booking.id}/accept-terms`, asTalentManager);
    expect(accepted.body.negotiation).toMatchObject({ approvalNeeded: true, agreed: { marginBps: 1500 } });

    const byTalentManager = await call('POST', `/collaborations/${booking.id}/approve-commercials`, asTalentManager, { reason: 'x' });
    expect(byTalentManager.status).toBe(403);
    const approved = await call('POST', `/collaborations/${booking.id}/approve-commercials`, system.basic(team.manager.email, team.password), { reason: 'Launch creator' });
    expect(approved).toMatchObject({ status: 200, body: { stage: 'CONTRACTING' } });
    const row = (await call('GET', `/collaborations/${booking.id}`, asTalentManager)).body.collaboration;
    expect(row).toMatchObject({ stage: 'CONTRACTING', brandPriceMinor: 6000000, creatorFeeMinor: 5100000, marginBps: 1500 });

    // Contracts: the creator's signature (recorded by the talent manager), then the agency's (a manager).
    const [contract] = await waitFor('the contract', async () => {
      const response = await call('GET', `/collaborations/${booking.id}/contracts`, asTalentManager);
      return response.body.length ? response.body : undefined;
    });
    expect(contract).toMatchObject({ kind: 'campaign_agreement', status: 'sent' });
    const sign = (auth: string, party: string, documentHash = contract.documentHash) =>
      call('POST', `/collaborations/${booking.id}/contracts/${contract.id}/signatures`, auth, { party, documentHash });
    expect(await sign(asTalentManager, 'creator', 'f'.repeat(64))).toMatchObject({ status: 400, body: { message: 'The signed document is not the one sent: its hash differs from the contract on record' } });
    expect((await sign(asTalentManager, 'creator')).status).toBe(200);
    expect((await sign(asTalentManager, 'agency')).status).toBe(403);
    expect((await sign(system.basic(team.manager.email, team.password), 'agency')).status).toBe(200);
    await waitFor('IN_PRODUCTION', async () => ((await call('GET', `/collaborations/${booking.id}`, asTalentManager)).body.collaboration.stage === 'IN_PRODUCTION' ? true : undefined));

    // Production: a draft without disclosure comes back with the reason; a revision; approvals.
    const asManager = system.basic(team.manager.email, team.password);
    const listed = await waitFor('deliverables', async () => {
      const response = await call('GET', `/collaborations/${booking.id}/deliverables`, asTalentManager);
      return response.body.length === 2 ? (response.body as { id: string; type: string }[]) : undefined;
    });
    const reel = listed.find((d) => d.type === 'reel')!;
    const story = listed.find((d) => d.type === 'story')!;
    const draftsOf = (deliverableId: string) => `/collaborations/${booking.id}/deliverables/${deliverableId}/drafts`;
    const submit = (deliverableId: string, caption: string) => call('POST', draftsOf(deliverableId), asTalentManager, { assetUrl: 'https://drive.example/reel.mp4', caption });
    const failed = await submit(reel.id, 'Winter glow with the new serum #skincare');
    expect(failed.status).toBe(200);
    expect(failed.body.deliverables.find((d: { deliverableId: string }) => d.deliverableId === reel.id).drafts[0]).toMatchObject({
      compliant: false,
      violations: [expect.objectContaining({ rule: 'disclosure-missing' })],
    });
    expect((await call('POST', draftsOf(reel.id), asTalentManager, { assetUrl: 'ftp://nope', caption: 'x' })).status).toBe(400);
    expect((await submit(reel.id, 'Sponsored: winter glow with the new serum')).status).toBe(200);
    expect((await call('POST', `${draftsOf(reel.id)}/2/review`, asTalentManager, { decision: 'approve' })).status).toBe(403);
    expect((await call('POST', `${draftsOf(reel.id)}/2/review`, asManager, { decision: 'request_changes', feedback: 'Closer shot' })).status).toBe(200);
    expect((await submit(reel.id, 'Sponsored: winter glow with the new serum')).status).toBe(200);
    expect((await call('POST', `${draftsOf(reel.id)}/3/review`, asManager, { decision: 'approve' })).status).toBe(200);
    expect((await submit(story.id, 'Ad: the serum in my routine')).status).toBe(200);
    expect((await call('POST', `${draftsOf(story.id)}/1/review`, asManager, { decision: 'approve' })).status).toBe(200);
    await waitFor('POSTING', async () => ((await call('GET', `/collaborations/${booking.id}`, asTalentManager)).body.collaboration.stage === 'POSTING' ? true : undefined));
    const stored = (await call('GET', `/collaborations/${booking.id}/deliverables`, asTalentManager)).body;
    expect(stored.map((d: { type: string; status: string; revisionCount: number; drafts: unknown[] }) => [d.type, d.status, d.revisionCount, d.drafts.length])).toEqual([
      ['reel', 'approved', 1, 3],
      ['story', 'approved', 0, 1],
    ]);

    // Posting: a link on the wrong platform is refused with the reason; the right one is verified.
    const postOf = (deliverableId: string) => `/collaborations/${booking.id}/deliverables/${deliverableId}/post`;
    const wrong = await call('POST', postOf(reel.id), asTalentManager, { liveUrl: 'https://www.youtube.com/shorts/1', caption: 'Sponsored: winter glow with the new serum' });
    expect(wrong.body.deliverables.find((d: { deliverableId: string }) => d.deliverableId === reel.id).postProblems).toEqual([
      'The live URL is on www.youtube.com, not on instagram (instagram.com)',
    ]);
    expect((await call('POST', postOf(reel.id), asTalentManager, { liveUrl: 'https://www.instagram.com/reel/A1/', caption: 'Sponsored: winter glow with the new serum' })).status).toBe(200);
    expect((await call('POST', postOf(story.id), asTalentManager, { liveUrl: 'https://www.instagram.com/stories/asha/1/', caption: 'Ad: the serum in my routine' })).status).toBe(200);
    await waitFor('PAYOUT', async () => ((await call('GET', `/collaborations/${booking.id}`, asTalentManager)).body.collaboration.stage === 'PAYOUT' ? true : undefined), 30_000);

    // Payout: the invoice, then finance's approval (never the talent manager who requested it).
    const requested = await waitFor('the payout request', async () => {
      const response = await call('GET', `/collaborations/${booking.id}/payout`, asFinance);
      return response.status === 200 && response.body.payoutId ? response.body : undefined;
    });
    expect(requested).toMatchObject({ status: 'requested', amountMinor: 5100000, currency: 'INR' });
    expect((await call('POST', `/collaborations/${booking.id}/payout/approve`, asFinance)).status).toBe(409);
    expect((await call('POST', `/collaborations/${booking.id}/payout/invoice`, asTalentManager, { invoiceNumber: 'bad invoice' })).status).toBe(400);
    expect((await call('POST', `/collaborations/${booking.id}/payout/invoice`, asTalentManager, { invoiceNumber: 'INV-2026/7' })).status).toBe(200);
    expect((await call('POST', `/collaborations/${booking.id}/payout/approve`, asTalentManager)).status).toBe(403);
    const payoutApproved = await call('POST', `/collaborations/${booking.id}/payout/approve`, asFinance);
    expect(payoutApproved).toMatchObject({ status: 200, body: { status: 'scheduled', approvedBy: { userId: team.finance.id } } });
    const done = await waitFor('COMPLETED', async () => {
      const response = await call('GET', `/collaborations/${booking.id}?live=true`, asTalentManager);
      return response.body.collaboration.stage === 'COMPLETED' ? response.body : undefined;
    }, 30_000);
    expect(done.live.payout).toMatchObject({ status: 'paid', providerReference: expect.stringMatching(/^LEDGER-/) });
    // Finance reads the payout's details in the live state too; another team's talent manager reads nothing.
    expect((await call('GET', `/collaborations/${booking.id}?live=true`, asFinance)).body.live.payout).toMatchObject({ status: 'paid', providerReference: done.live.payout.providerReference });
    const audit = await system.database.db.query(`SELECT action FROM audit_log WHERE "entityId" = $1 ORDER BY id`, [booking.id]);
    expect(audit.map((a: { action: string }) => a.action)).toEqual(
      expect.arrayContaining(['collaboration.created', 'collaboration.brief_acknowledged', 'collaboration.terms_agreed', 'collaboration.margin_exception_approved', 'deliverables.planned']),
    );
  });

  describe('bad input', () => {
    it('answers 400 with every problem when a booking request is malformed', async () => {
      const response = await call('POST', '/collaborations', asTalentManager, { campaignId: 'not-a-uuid', creatorFeeMinor: 12.5, stage: 'COMPLETED' });
      expect(response.status).toBe(400);
      expect(response.body.message).toEqual(
        expect.arrayContaining([
          'property stage should not exist',
          'campaignId must be a UUID',
          'creatorId must be a UUID',
          'creatorFeeMinor must be a whole number of minor units (paise, cents)',
        ]),
      );
    });

    it('answers 400 for an audience that does not sum to 1 and for bank details in place of a token', async () => {
      const response = await call('POST', '/creators', asTalentManager, {
        name: 'X',
        handle: 'x-bad',
        audience: { gender: { female: 0.9, male: 0.9 } },
        payoutReference: '0012345678901234',
      });
      expect(response.status).toBe(400);
      expect(response.body.message).toEqual(
        expect.arrayContaining([
          'audience.gender shares must sum to 1 (they sum to 1.800)',
          "payoutReference must be a payout provider's token such as tok_8f3k2m9x; never send bank details",
        ]),
      );
    });

    it('answers 400 for campaign SLA overrides that are not durations, or end before they start', async () => {
      const { brand } = await setUpCampaign();
      const response = await call('POST', '/campaigns', asTalentManager, {
        brandId: brand.id, name: 'Bad', budgetMinor: 1, currency: 'INR', startsOn: dayFromToday(1), endsOn: dayFromToday(32),
        slaOverrides: { briefAckReminder: 'tomorrow' },
      });
      expect(response.status).toBe(400);
      expect(response.body.message).toEqual(['slaOverrides: "tomorrow" is not a duration; use forms like 90s, 48h, 5d or 1h30m']);
      const backwards = await call('POST', '/campaigns', asTalentManager, {
        brandId: brand.id, name: 'Bad', budgetMinor: 1, currency: 'INR', startsOn: dayFromToday(40), endsOn: dayFromToday(35),
      });
      expect(backwards).toMatchObject({ status: 400, body: { message: 'endsOn must not be before startsOn' } });
    });

    it('answers 400 for a malformed Idempotency-Key, 404 for an unknown booking, 422 for an unknown campaign', async () => {
      const booking = await book();
      const badKey = await call('POST', `/collaborations/${booking.id}/acknowledge-brief`, asTalentManager, undefined, { 'idempotency-key': 'x' });
      expect(badKey.status).toBe(400);
      const unknown = await call('GET', '/collaborations/3f1c2b9a-0000-4000-8000-000000000000', asTalentManager);
      expect(unknown).toMatchObject({ status: 404, body: { message: 'Collaboration 3f1c2b9a-0000-4000-8000-000000000000 does not exist' } });
      const unknownAck = await call('POST', '/collaborations/3f1c2b9a-0000-4000-8000-000000000000/acknowledge-brief', asTalentManager);
      expect(unknownAck.status).toBe(404);
      const orphan = await call('POST', '/collaborations', asTalentManager, { campaignId: '3f1c2b9a-0000-4000-8000-000000000000', creatorId: booking.creatorId });
      expect(orphan).toMatchObject({ status: 422, body: { message: 'campaignId 3f1c2b9a-0000-4000-8000-000000000000 does not exist' } });
    });

    it('answers 409 when the creator is already booked on the campaign', async () => {
      const booking = await book();
      const duplicate = await call('POST', '/collaborations', asTalentManager, { campaignId: booking.campaignId, creatorId: booking.creatorId });
      expect(duplicate).toMatchObject({ status: 409, body: { message: 'This creator is already booked on this campaign' } });
    });
  });

  it('runs each campaign as a workflow: bookings are its children, and cancelling it winds them down', async () => {
    const asManager = system.basic(team.manager.email, team.password);
    const booked = await book();
    const campaignId = booked.campaignId;
    const state = await call('GET', `/campaigns/${campaignId}/state`, asTalentManager);
    expect(state.status).toBe(200);
    expect(state.body.live).toMatchObject({ status: 'active', bookings: [{ collaborationId: booked.id, bookedBy: { userId: team.talentManager.id } }] });

    // The same creator again is refused before any workflow is asked; bad input and the wrong role are 4xx.
    const again = await call('POST', '/collaborations', asTalentManager, { campaignId, creatorId: booked.creatorId });
    expect(again).toMatchObject({ status: 409, body: { message: 'This creator is already booked on this campaign' } });
    expect((await call('POST', `/campaigns/${campaignId}/cancel`, asManager, {})).status).toBe(400);
    const byTalentManager = await call('POST', `/campaigns/${campaignId}/cancel`, asTalentManager, { reason: 'x' });
    expect(byTalentManager.status).toBe(403);

    const key = `cancel-${randomBytes(6).toString('hex')}`;
    const cancelled = await call('POST', `/campaigns/${campaignId}/cancel`, asManager, { reason: 'The brand postponed the launch' }, { 'idempotency-key': key });
    expect(cancelled).toMatchObject({ status: 200, body: { status: 'cancelled', cancellation: { reason: 'The brand postponed the launch' } } });
    // A retried request is the same decision, not a second (refused) one.
    const retried = await call('POST', `/campaigns/${campaignId}/cancel`, asManager, { reason: 'The brand postponed the launch' }, { 'idempotency-key': key });
    expect(retried).toMatchObject({ status: 200, body: { status: 'cancelled' } });
    const twice = await call('POST', `/campaigns/${campaignId}/cancel`, asManager, { reason: 'Again' });
    expect(twice.status).toBe(409);

    await waitFor('the booking cancelled', async () => {
      const view = await call('GET', `/collaborations/${booked.id}`, asTalentManager);
      return view.body.collaboration.stage === CollaborationStage.Cancelled ? true : undefined;
    });
    const ended = await waitFor('the campaign ended', async () => {
      const campaign = await call('GET', `/campaigns/${campaignId}`, asTalentManager);
      return campaign.body.summary ? campaign.body : undefined;
    });
    expect(ended).toMatchObject({ status: 'cancelled', summary: { bookings: 1, byOutcome: { CANCELLED: 1 }, killFeesMinor: 0 } });

    const { creator } = await setUpCampaign();
    const refused = await call('POST', '/collaborations', asTalentManager, { campaignId, creatorId: creator.id });
    expect(refused).toMatchObject({ status: 409, body: { message: `Campaign ${campaignId} is cancelled; it takes no more bookings` } });
    expect(await system.database.db.getRepository(Collaboration).countBy({ campaignId })).toBe(1);
  });

  it('books many creators on one campaign at once, past Temporal\'s limit of updates in flight per workflow', async () => {
    const { campaign } = await setUpCampaign();
    const creators = [];
    for (let i = 0; i < 14; i += 1) {
      const creator = await call('POST', '/creators', asTalentManager, { name: `Rush ${i}`, handle: `rush.${i}.${Date.now()}` });
      expect(creator.status).toBe(201);
      creators.push(creator.body.id as string);
    }
    // An integration's API key (a fast hash, unlike a password) lets the requests arrive together.
    const key = await call('POST', '/api-keys', asTalentManager, { name: 'Rush import' });
    expect(key.status).toBe(201);
    const asIntegration = `Bearer ${key.body.token}`;
    const bookings = await Promise.all(
      creators.map((creatorId, i) => call('POST', '/collaborations', asIntegration, { campaignId: campaign.id, creatorId }, { 'idempotency-key': `rush-${i}-${campaign.id}` })),
    );
    // Each one booked, or at worst told to retry (503); never a 500.
    expect(bookings.filter((b) => b.status !== 201 && b.status !== 503)).toEqual([]);
    for (const [i, booking] of bookings.entries()) {
      if (booking.status === 503) {
        const retried = await call('POST', '/collaborations', asIntegration, { campaignId: campaign.id, creatorId: creators[i] }, { 'idempotency-key': `rush-${i}-${campaign.id}` });
        expect(retried.status).toBe(201);
      }
    }
    const state = await call('GET', `/campaigns/${campaign.id}/state`, asTalentManager);
    expect(state.body.live.bookings).toHaveLength(14);
  });

  it('asks for a login before showing the back office', async () => {
    const response = await fetch(`${system.baseUrl}/admin`, { redirect: 'manual' });
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('/admin/login');
    const api = await fetch(`${system.baseUrl}/admin/api/resources/Collaboration/actions/list`, { redirect: 'manual' });
    expect(api.status).not.toBe(200);
  });
});

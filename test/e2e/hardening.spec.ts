import { randomBytes } from 'node:crypto';
import { Creator, Deliverable, ExclusivityWindow, PerformanceSnapshot } from '../../libs/domain/entities';
import { DeliverableType, Platform } from '../../libs/domain/rules/statuses';
import { createBookingRow, createTeam, Team } from '../support/fixtures';
import { panelGet, panelPost, panelSignIn } from '../support/panel-http';
import { requestJson } from '../support/rest-client';
import { logLines } from '../support/log-lines';
import { RunningSystem, startSystem } from '../support/system';
import { upcomingCampaign } from '../support/dates';

/**
 * Smaller hardening items, through the built API over HTTP: the OpenAPI document behind sign-in
 * when not public, the REST API refusing what the panel refuses, the panel's hand-entered
 * exclusivity windows and performance numbers within reach, and a login page that never shows an
 * internal error.
 */
describe('hardening', () => {
  let system: RunningSystem;
  let team: Team;
  let others: Team;

  beforeAll(async () => {
    system = await startSystem({ env: { API_DOCS_PUBLIC: 'false' } });
    team = await createTeam(system.database.db);
    others = await createTeam(system.database.db);
  });

  afterAll(async () => {
    await system?.stop();
  });

  it('serves /docs and /docs-json only with credentials when API_DOCS_PUBLIC is false', async () => {
    for (const path of ['/docs', '/docs-json']) {
      const anonymous = await fetch(`${system.baseUrl}${path}`);
      expect({ path, status: anonymous.status }).toEqual({ path, status: 401 });
      expect(anonymous.headers.get('www-authenticate')).toMatch(/^Basic /);
      const wrong = await fetch(`${system.baseUrl}${path}`, { headers: { authorization: system.basic(team.finance.email, 'not-the-password') } });
      expect(wrong.status).toBe(401);
      const signedIn = await fetch(`${system.baseUrl}${path}`, { headers: { authorization: system.basic(team.finance.email, team.password) } });
      expect({ path, status: signedIn.status }).toEqual({ path, status: 200 });
    }
    const document = await requestJson(system.baseUrl, 'GET', '/docs-json', system.basic(team.talentManager.email, team.password));
    expect(document.body.openapi).toMatch(/^3\./);
  });

  it("refuses a talent manager adding a creator to another's roster over REST (403), as the panel does", async () => {
    const handle = `someone-elses-${randomBytes(4).toString('hex')}`;
    const asTalentManager = system.basic(team.talentManager.email, team.password);
    const refused = await requestJson(system.baseUrl, 'POST', '/creators', asTalentManager, { name: 'Ira', handle, ownerId: others.talentManager.id });
    expect(refused).toMatchObject({ status: 403, body: { message: 'You can only add creators owned by yourself or, for a manager, by your team' } });
    expect(await system.database.db.getRepository(Creator).countBy({ handle })).toBe(0);

    // Their own, and a manager for their team, still may; a manager not for another team.
    const own = await requestJson(system.baseUrl, 'POST', '/creators', asTalentManager, { name: 'Ira', handle, ownerId: team.talentManager.id });
    expect(own.status).toBe(201);
    const asManager = system.basic(team.manager.email, team.password);
    const forTeam = await requestJson(system.baseUrl, 'POST', '/creators', asManager, { name: 'Ravi', handle: `${handle}-team`, ownerId: team.talentManager.id });
    expect(forTeam.status).toBe(201);
    const forOtherTeam = await requestJson(system.baseUrl, 'POST', '/creators', asManager, { name: 'Ravi', handle: `${handle}-other`, ownerId: others.talentManager.id });
    expect(forOtherTeam.status).toBe(403);
  });

  it("refuses a hand-entered exclusivity window on another talent manager's creator in the panel", async () => {
    const creator = await system.database.db.getRepository(Creator).save({ name: 'Asha', handle: `asha-${randomBytes(4).toString('hex')}`, ownerId: team.talentManager.id });
    const window = { creatorId: creator.id, category: 'skincare', brandName: 'GlowCo', startsOn: '2027-01-01', endsOn: '2027-03-31' };
    const stranger = await panelSignIn(system.baseUrl, others.talentManager.email, others.password);
    const refused = await panelPost(system.baseUrl, stranger, '/admin/api/resources/ExclusivityWindow/actions/new', window);
    expect(refused.body.notice?.type).toBe('error');
    expect(await system.database.db.getRepository(ExclusivityWindow).countBy({ creatorId: creator.id })).toBe(0);

    const owner = await panelSignIn(system.baseUrl, team.talentManager.email, team.password);
    const added = await panelPost(system.baseUrl, owner, '/admin/api/resources/ExclusivityWindow/actions/new', window);
    expect(added.body.notice?.type).toBe('success');
    const [saved] = await system.database.db.getRepository(ExclusivityWindow).findBy({ creatorId: creator.id });

    // Nor may the stranger change it.
    const edit = await panelPost(system.baseUrl, stranger, `/admin/api/resources/ExclusivityWindow/records/${saved.id}/edit`, { endsOn: '2027-12-31' });
    expect(edit.body.notice).toEqual({ message: 'forbiddenError', type: 'error' });
    expect((await system.database.db.getRepository(ExclusivityWindow).findOneByOrFail({ id: saved.id })).endsOn).toBe('2027-03-31');
  });

  it("refuses hand-entered performance numbers on another talent manager's deliverable in the panel", async () => {
    const booking = await createBookingRow(system.database.db, team);
    const deliverable = await system.database.db.getRepository(Deliverable).save({ collaborationId: booking.id, type: DeliverableType.Reel, platform: Platform.Instagram });
    const numbers = { deliverableId: deliverable.id, capturedAt: new Date().toISOString(), views: '1000', likes: '90', currency: 'INR' };
    const stranger = await panelSignIn(system.baseUrl, others.talentManager.email, others.password);
    const refused = await panelPost(system.baseUrl, stranger, '/admin/api/resources/PerformanceSnapshot/actions/new', numbers);
    expect(refused.body.notice?.type).toBe('error');
    expect(await system.database.db.getRepository(PerformanceSnapshot).countBy({ deliverableId: deliverable.id })).toBe(0);

    const owner = await panelSignIn(system.baseUrl, team.talentManager.email, team.password);
    const added = await panelPost(system.baseUrl, owner, '/admin/api/resources/PerformanceSnapshot/actions/new', numbers);
    expect(added.body.notice?.type).toBe('success');
    expect(await system.database.db.getRepository(PerformanceSnapshot).countBy({ deliverableId: deliverable.id })).toBe(1);
  });

  it('takes a confirm-only panel decision only as a POST from the panel: a GET (a link) decides nothing', async () => {
    const asTalentManager = system.basic(team.talentManager.email, team.password);
    const tag = randomBytes(4).toString('hex');
    const brand = await requestJson(system.baseUrl, 'POST', '/brands', asTalentManager, { name: `GlowCo ${tag}`, category: 'skincare' });
    const creator = await requestJson(system.baseUrl, 'POST', '/creators', asTalentManager, { name: 'Asha', handle: `asha-confirm-${tag}` });
    const campaign = await requestJson(system.baseUrl, 'POST', '/campaigns', asTalentManager, {
      brandId: brand.body.id, name: 'Winter Glow', budgetMinor: 150000000, currency: 'INR', ...upcomingCampaign(), ownerId: team.manager.id,
    });
    const booking = await requestJson(system.baseUrl, 'POST', '/collaborations', asTalentManager, { campaignId: campaign.body.id, creatorId: creator.body.id, brandPriceMinor: 6000000, creatorFeeMinor: 4500000 });
    expect(booking.status).toBe(201);
    const acknowledged = async () =>
      ((await requestJson(system.baseUrl, 'GET', `/collaborations/${booking.body.id}?live=true`, asTalentManager)).body.live.history as { event: string }[]).filter((entry) => entry.event === 'brief.acknowledged').length;

    const cookie = await panelSignIn(system.baseUrl, team.talentManager.email, team.password);
    const action = `/admin/api/resources/Collaboration/records/${booking.body.id}/acknowledgeBrief`;
    const opened = await panelGet(system.baseUrl, cookie, action);
    expect(opened.status).toBe(200);
    expect(opened.body.notice).toBeUndefined();
    expect(await acknowledged()).toBe(0);

    const taken = await panelPost(system.baseUrl, cookie, action, { requestId: `req-${tag}` });
    expect(taken.body.notice?.type).toBe('success');
    expect(await acknowledged()).toBe(1);
  });

  it('shows a signed-out visitor no internal error on the login page when the database fails', async () => {
    const tag = randomBytes(6).toString('hex');
    // A real failure of the sign-in query: its table is gone for a moment.
    await system.database.db.query('ALTER TABLE "login_throttle" RENAME TO "login_throttle_away"');
    try {
      const page = await fetch(`${system.baseUrl}/admin/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'same-origin', 'x-request-id': `sign-in-${tag}` },
        body: new URLSearchParams({ email: team.talentManager.email, password: team.password }).toString(),
      });
      const html = await page.text();
      expect(html).toContain('Signing in is not possible right now. Please try again in a few minutes.');
      expect(html).not.toMatch(/login_throttle|relation|does not exist|QueryFailedError/);
    } finally {
      await system.database.db.query('ALTER TABLE "login_throttle_away" RENAME TO "login_throttle"');
    }
    // And the full error is in the log, for the operators.
    expect(system.logs()).toMatch(/sign-in failed: .*login_throttle/);
    // On a line of that sign-in request, after the panel's session store and form parser ran.
    const failed = logLines(system).find((line) => /sign-in failed: .*login_throttle/.test(JSON.stringify(line)));
    expect(failed).toMatchObject({ level: 'error', service: 'api', requestId: `sign-in-${tag}` });
  });
});

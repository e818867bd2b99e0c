import { randomBytes } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { Collaboration, ExclusivityWindow } from '../../libs/domain/entities';
import { CollaborationStage } from '../../libs/domain/rules/stages';
import { waitFor } from '../../scripts/lib/ports';
import { createTeam, type Team } from '../support/fixtures';
import { closePanelSessions, launchChromium, logIn, newPanelSession, screenshot, type PanelSession } from '../support/panel';
import { restClient } from '../support/rest-client';
import { startSystem, type RunningSystem } from '../support/system';
import { dayFromToday, upcomingCampaign } from '../support/dates';

/**
 * An exclusivity window registered when a contract executes, in the back office (Chromium, the
 * built API and worker): it names the brand holding it. The booking is contracted over the REST API.
 */

let system: RunningSystem;
let browser: Browser;
let team: Team;
const sessions: PanelSession[] = [];
let asTalentManager: ReturnType<typeof restClient>;
let asManager: ReturnType<typeof restClient>;

beforeAll(async () => {
  [system, browser] = await Promise.all([startSystem(), launchChromium()]);
  team = await createTeam(system.database.db);
  asTalentManager = restClient(system, team.talentManager.email, team.password);
  asManager = restClient(system, team.manager.email, team.password);
}, 120_000);

afterEach(() => closePanelSessions(sessions));

afterAll(async () => {
  await browser?.close();
  await system?.stop();
});

async function settledIn(id: string, stage: CollaborationStage): Promise<void> {
  const stageOf = async () => (await system.database.db.getRepository(Collaboration).findOneByOrFail({ id })).stage;
  await waitFor(`collaboration ${id} in ${stage}`, async () => ((await stageOf()) === stage ? true : undefined), 30_000);
}

test('the window an executed contract registers shows the brand holding it', async () => {
  const brandName = `GlowCo ${randomBytes(3).toString('hex')}`;
  const brand = await asTalentManager.ok('POST', '/brands', { name: brandName, category: 'skincare' });
  const campaign = await asTalentManager.ok('POST', '/campaigns', {
    brandId: brand.id, name: 'Winter Glow', budgetMinor: 150_000_000, currency: 'INR', ...upcomingCampaign(), ownerId: team.manager.id,
  });
  const handle = `creator.${randomBytes(4).toString('hex')}`;
  const creator = await asTalentManager.ok('POST', '/creators', { name: `Creator ${handle}`, handle });
  const booking = await asTalentManager.ok('POST', '/collaborations', { campaignId: campaign.id, creatorId: creator.id, brandPriceMinor: 10_000_000, creatorFeeMinor: 7_000_000 });
  await asTalentManager.ok('POST', `/collaborations/${booking.id}/acknowledge-brief`);
  await settledIn(booking.id, CollaborationStage.Negotiating);
  await asTalentManager.ok('POST', `/collaborations/${booking.id}/terms`, {
    brandPriceMinor: 10_000_000, creatorFeeMinor: 7_000_000, currency: 'INR', paymentNetDays: 30, killFeeBps: 2_500,
    deliverables: [{ type: 'reel', platform: 'instagram', draftDueAt: new Date(Date.now() + 7 * 86_400_000).toISOString() }],
    exclusivity: { category: 'skincare', start: dayFromToday(1), end: dayFromToday(90) },
  });
  await asTalentManager.ok('POST', `/collaborations/${booking.id}/accept-terms`);
  const contracts = await waitFor('the contracts', async () => {
    const listed = await asTalentManager.ok<Array<{ id: string; documentHash: string }>>('GET', `/collaborations/${booking.id}/contracts`);
    return listed.length ? listed : undefined;
  });
  for (const contract of contracts) {
    const route = `/collaborations/${booking.id}/contracts/${contract.id}/signatures`;
    await asTalentManager.ok('POST', route, { party: 'creator', documentHash: contract.documentHash });
    await asManager.ok('POST', route, { party: 'agency', documentHash: contract.documentHash });
  }
  await settledIn(booking.id, CollaborationStage.InProduction);
  const window = await system.database.db.getRepository(ExclusivityWindow).findOneByOrFail({ creatorId: creator.id });
  expect(window).toMatchObject({ brandId: brand.id, brandName, category: 'skincare' });

  const session = await newPanelSession(browser);
  sessions.push(session);
  const page = session.page;
  await logIn(page, system.baseUrl, system.admin.email, system.admin.password);
  await page.goto(`${system.baseUrl}/admin/resources/ExclusivityWindow/records/${window.id}/show`);
  const holder = page.locator('section, div').filter({ hasText: /^Brand holding it/ }).last();
  await holder.waitFor();
  expect(await holder.innerText()).toContain(brandName);
  // Its source is the exclusivity addendum the creator and the agency signed.
  const source = page.locator('section, div').filter({ hasText: /^From contract/ }).last();
  expect(await source.innerText()).toContain('exclusivity_addendum');
  await screenshot(page, 'exclusivity-window-with-brand');
});

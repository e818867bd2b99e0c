import { randomBytes } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { Collaboration, DraftSubmission } from '../../libs/domain/entities';
import { CollaborationStage } from '../../libs/domain/rules/stages';
import { waitFor } from '../../scripts/lib/ports';
import { createTeam, type Team } from '../support/fixtures';
import { closePanelSessions, launchChromium, logIn, newPanelSession, screenshot, type PanelSession } from '../support/panel';
import { restClient } from '../support/rest-client';
import { startSystem, type RunningSystem } from '../support/system';
import { upcomingCampaign } from '../support/dates';

/**
 * Disclosure compliance in the back office, in Chromium, against the built API and worker
 * (docs/compliance.md): a draft declared in the panel as a YouTube video, disclosed only in its
 * description, comes back non-compliant with the reason; declared with its on-screen label, it
 * passes. The booking is brought to production over the REST API.
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

/** A US campaign's booking with one YouTube video to make, in IN_PRODUCTION. */
async function videoInProduction(): Promise<{ id: string; deliverableId: string }> {
  const brand = await asTalentManager.ok('POST', '/brands', { name: `GlowCo ${randomBytes(3).toString('hex')}`, category: 'skincare' });
  const campaign = await asTalentManager.ok('POST', '/campaigns', {
    brandId: brand.id, name: 'Winter Glow US', market: 'US', budgetMinor: 150_000_000, currency: 'USD', ...upcomingCampaign(), ownerId: team.manager.id,
  });
  const handle = `creator.${randomBytes(4).toString('hex')}`;
  const creator = await asTalentManager.ok('POST', '/creators', { name: `Creator ${handle}`, handle });
  const booking = await asTalentManager.ok('POST', '/collaborations', { campaignId: campaign.id, creatorId: creator.id, brandPriceMinor: 10_000_000, creatorFeeMinor: 7_000_000 });
  await asTalentManager.ok('POST', `/collaborations/${booking.id}/acknowledge-brief`);
  await settledIn(booking.id, CollaborationStage.Negotiating);
  await asTalentManager.ok('POST', `/collaborations/${booking.id}/terms`, {
    brandPriceMinor: 10_000_000, creatorFeeMinor: 7_000_000, currency: 'USD', paymentNetDays: 30, killFeeBps: 2_500,
    deliverables: [{ type: 'video', platform: 'youtube', draftDueAt: new Date(Date.now() + 7 * 86_400_000).toISOString() }],
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
  const [deliverable] = await waitFor('the deliverable', async () => {
    const listed = await asTalentManager.ok<Array<{ id: string }>>('GET', `/collaborations/${booking.id}/deliverables`);
    return listed.length ? listed : undefined;
  });
  return { id: booking.id, deliverableId: deliverable.id };
}

async function signedIn(email: string, password: string): Promise<Page> {
  const session = await newPanelSession(browser);
  sessions.push(session);
  await logIn(session.page, system.baseUrl, email, password);
  return session.page;
}

test('a video draft disclosed only in its description is answered non-compliant in the panel, saying so; with its on-screen label it passes', async () => {
  const { deliverableId } = await videoInProduction();
  const talent = await signedIn(team.talentManager.email, team.password);
  const deliverablePage = `${system.baseUrl}/admin/resources/Deliverable/records/${deliverableId}/show`;
  const caption = '#ad Thanks to GlowCo for sponsoring this video: my winter skincare routine';

  await talent.goto(deliverablePage);
  await talent.getByTestId('action-submitDraft').click();
  await talent.getByTestId('decision-form').waitFor();
  await talent.getByTestId('decision-field-assetUrl').fill('https://drive.example/video-v1.mp4');
  await talent.getByTestId('decision-field-caption').fill(caption);
  await talent.getByTestId('decision-field-format').selectOption('video');
  await talent.getByTestId('decision-field-durationSeconds').fill('480');
  await talent.getByTestId('decision-submit').click();
  const refusal = talent.getByText(/Draft v1 is recorded but fails the compliance check: The video is disclosed only in its description/).first();
  await refusal.waitFor({ timeout: 30_000 });
  await screenshot(talent, 'compliance-video-described-only');
  const first = await system.database.db.getRepository(DraftSubmission).findOneByOrFail({ deliverableId, version: 1 });
  expect(first.complianceResult).toMatchObject({ compliant: false, violations: [{ rule: 'disclosure-not-in-content' }], declared: { format: 'video', durationSeconds: 480 } });

  // A half-declared on-screen label is refused by the form itself, before any decision.
  await talent.goto(deliverablePage);
  await talent.getByTestId('action-submitDraft').click();
  await talent.getByTestId('decision-form').waitFor();
  await talent.getByTestId('decision-field-assetUrl').fill('https://drive.example/video-v2.mp4');
  await talent.getByTestId('decision-field-caption').fill(caption);
  await talent.getByTestId('decision-field-format').selectOption('video');
  await talent.getByTestId('decision-field-onScreenLabelText').fill('Ad');
  await talent.getByTestId('decision-submit').click();
  await talent.getByText('An on-screen label needs its text and the seconds it is shown from and to').first().waitFor({ timeout: 30_000 });
  expect(await system.database.db.getRepository(DraftSubmission).countBy({ deliverableId })).toBe(1);

  // Declared with the label on screen from the start, the same video passes and waits for review.
  await talent.getByTestId('decision-field-onScreenLabelFrom').fill('0');
  await talent.getByTestId('decision-field-onScreenLabelTo').fill('8');
  await talent.getByTestId('decision-submit').click();
  await talent.getByText(/Draft v2 submitted and passed the compliance check; it waits for review/).first().waitFor({ timeout: 30_000 });
  await screenshot(talent, 'compliance-video-labelled');
  const second = await system.database.db.getRepository(DraftSubmission).findOneByOrFail({ deliverableId, version: 2 });
  expect(second.complianceResult).toMatchObject({ compliant: true, declared: { format: 'video', onScreenLabel: { text: 'Ad', fromSecond: 0, toSecond: 8 } } });
});

import { randomBytes } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { hashPassword } from '../../libs/auth/passwords';
import { Collaboration, Payout, User } from '../../libs/domain/entities';
import { Role } from '../../libs/domain/rules/roles';
import { PayoutKind } from '../../libs/domain/rules/lifecycle';
import { CollaborationStage } from '../../libs/domain/rules/stages';
import { collaborationWorkflowId } from '../../libs/temporal/workflow-ids';
import { waitFor } from '../../scripts/lib/ports';
import { createTeam, type Team } from '../support/fixtures';
import { closePanelSessions, launchChromium, logIn, newPanelSession, screenshot, type PanelSession } from '../support/panel';
import { restClient } from '../support/rest-client';
import { startSystem, type RunningSystem } from '../support/system';
import { upcomingCampaign } from '../support/dates';

/**
 * The lifecycle's decisions taken in the back office, in Chromium, against the built API and
 * worker: each goes through the same service (and the workflow's validator) as the REST API.
 * Bookings are brought to the stage a test needs over the REST API. Every test leaves a
 * screenshot in test-artifacts/.
 */

const CAPTION = 'Sponsored: three days with the winter serum';

let system: RunningSystem;
let browser: Browser;
let team: Team;
let campaignId: string;
const sessions: PanelSession[] = [];

type Rest = ReturnType<typeof restClient>;
let asTalentManager: Rest;
let asManager: Rest;

beforeAll(async () => {
  [system, browser] = await Promise.all([startSystem(), launchChromium()]);
  team = await createTeam(system.database.db);
  asTalentManager = restClient(system, team.talentManager.email, team.password);
  asManager = restClient(system, team.manager.email, team.password);
  const brand = await asTalentManager.ok('POST', '/brands', { name: `GlowCo ${randomBytes(3).toString('hex')}`, category: 'skincare' });
  const campaign = await asTalentManager.ok('POST', '/campaigns', {
    brandId: brand.id,
    name: 'Winter Glow',
    budgetMinor: 150_000_000,
    currency: 'INR',
    ...upcomingCampaign(),
    ownerId: team.manager.id,
    // A payment-terms day of 10 ms: an approved payout is paid at once.
    slaOverrides: { paymentDay: '10ms' },
  });
  campaignId = campaign.id;
}, 120_000);

afterEach(() => closePanelSessions(sessions));

afterAll(async () => {
  await browser?.close();
  await system?.stop();
});

async function storedStage(id: string): Promise<string> {
  return (await system.database.db.getRepository(Collaboration).findOneByOrFail({ id })).stage;
}

async function settledIn(id: string, stage: CollaborationStage, timeout = 30_000): Promise<void> {
  await waitFor(`collaboration ${id} in ${stage}`, async () => ((await storedStage(id)) === stage ? true : undefined), timeout);
}

/** A new creator of the talent manager's, booked on the campaign, with the brief acknowledged: NEGOTIATING. */
async function negotiatingBooking(): Promise<string> {
  const handle = `creator.${randomBytes(4).toString('hex')}`;
  const creator = await asTalentManager.ok('POST', '/creators', { name: `Creator ${handle}`, handle, payoutReference: `tok_${randomBytes(6).toString('hex')}` });
  const booking = await asTalentManager.ok('POST', '/collaborations', { campaignId, creatorId: creator.id, brandPriceMinor: 10_000_000, creatorFeeMinor: 7_000_000 });
  await asTalentManager.ok('POST', `/collaborations/${booking.id}/acknowledge-brief`);
  await settledIn(booking.id, CollaborationStage.Negotiating);
  return booking.id;
}

const terms = () => ({
  brandPriceMinor: 10_000_000,
  creatorFeeMinor: 7_000_000,
  currency: 'INR',
  paymentNetDays: 30,
  killFeeBps: 2_500,
  deliverables: [{ type: 'reel', platform: 'instagram', draftDueAt: new Date(Date.now() + 7 * 86_400_000).toISOString() }],
});

/** Terms agreed (above the margin floor) and both signatures on every contract: IN_PRODUCTION, one reel. */
async function bookingInProduction(): Promise<{ id: string; deliverableId: string }> {
  const id = await negotiatingBooking();
  await asTalentManager.ok('POST', `/collaborations/${id}/terms`, terms());
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
  await settledIn(id, CollaborationStage.InProduction);
  const [deliverable] = await waitFor('the deliverable', async () => {
    const listed = await asTalentManager.ok<Array<{ id: string }>>('GET', `/collaborations/${id}/deliverables`);
    return listed.length ? listed : undefined;
  });
  return { id, deliverableId: deliverable.id };
}

const recordUrl = (resource: string, id: string, action = 'show') => `${system.baseUrl}/admin/resources/${resource}/records/${id}/${action}`;

async function signedIn(email: string, password: string): Promise<Page> {
  const session = await newPanelSession(browser);
  sessions.push(session);
  await logIn(session.page, system.baseUrl, email, password);
  const { page } = session;
  return page;
}

/** The notice AdminJS shows (a toast), or the form's own copy of an error. */
const notice = (page: Page, text: string | RegExp) => page.getByText(text).first();

interface ActionAnswer {
  notice?: { message: string; type: string };
  record?: { params: Record<string, unknown> };
  redirectUrl?: string;
}

/** A record action called directly, with the browser's session (what a forged or stale request does). */
async function postAction(page: Page, resource: string, id: string, action: string, form: Record<string, string> = {}): Promise<ActionAnswer> {
  const response = await page.request.post(`${system.baseUrl}/admin/api/resources/${resource}/records/${id}/${action}`, { multipart: form });
  expect(response.status()).toBe(200);
  return (await response.json()) as ActionAnswer;
}

test('(a) a draft submitted and approved in the panel moves the workflow on; the live view shows it', async () => {
  const { id, deliverableId } = await bookingInProduction();

  // The talent manager submits the creator's draft from the deliverable's page.
  const talent = await signedIn(team.talentManager.email, team.password);
  await talent.goto(recordUrl('Deliverable', deliverableId));
  await talent.getByTestId('action-submitDraft').click();
  await talent.getByTestId('decision-form').waitFor();
  await talent.getByTestId('decision-field-assetUrl').fill('https://drive.example/reel-v1.mp4');
  await talent.getByTestId('decision-field-caption').fill(CAPTION);
  await talent.getByTestId('decision-submit').click();
  await notice(talent, /Draft v1 submitted and passed the compliance check; it waits for review — stage is IN_PRODUCTION/).waitFor({ timeout: 30_000 });
  // Reviewing is a manager's decision: not offered to the talent manager.
  await talent.goto(recordUrl('Deliverable', deliverableId));
  await talent.getByText(/^in.review$/i).first().waitFor();
  expect(await talent.getByTestId('action-reviewDraft').count()).toBe(0);

  // The manager reviews it: the version on review is filled in.
  const manager = await signedIn(team.manager.email, team.password);
  await manager.goto(recordUrl('Deliverable', deliverableId));
  await manager.getByTestId('action-reviewDraft').click();
  await manager.getByTestId('decision-form').waitFor();
  await expect(manager.getByTestId('decision-field-version').inputValue()).resolves.toBe('1');
  await manager.getByTestId('decision-field-decision').selectOption('approve');
  await manager.getByTestId('decision-submit').click();
  await notice(manager, 'Draft v1 approved — stage is now POSTING').waitFor({ timeout: 30_000 });
  // Back on the deliverable, which is approved and offers the next decision (posting), not a review.
  await manager.waitForURL(/\/Deliverable\/records\/[^/]+\/show/);
  await manager.getByText(/^approved$/i).first().waitFor();
  expect(await manager.getByTestId('action-reviewDraft').count()).toBe(0);
  await manager.getByTestId('action-markPosted').waitFor();
  await screenshot(manager, 'workflow-actions-draft-approved');

  const view = await asManager.ok('GET', `/collaborations/${id}?live=true`);
  expect(view.live.stage).toBe(CollaborationStage.Posting);
  expect(view.live.history).toContainEqual(expect.objectContaining({ event: 'draft.approved', actor: { userId: team.manager.id, role: 'manager' } }));
  expect(await storedStage(id)).toBe(CollaborationStage.Posting);

  // A second review of the same draft (a stale page, a forged call): the workflow's reason, nothing changes.
  const again = await postAction(manager, 'Deliverable', deliverableId, 'reviewDraft', { version: '1', decision: 'approve' });
  expect(again.notice).toEqual({ type: 'error', message: 'Drafts can only be reviewed while the collaboration is IN_PRODUCTION; it is POSTING' });
  // Input is checked on the server before anything is sent.
  const incomplete = await postAction(manager, 'Deliverable', deliverableId, 'reviewDraft', { version: 'one', decision: 'request_changes' });
  expect(incomplete.notice).toEqual({ type: 'error', message: 'Please correct: Draft version must be a whole number between 1 and 1000' });

  // The live view: stage, the deliverable's status, the posting deadline with time left, the decisions and who took them.
  await manager.goto(recordUrl('Collaboration', id, 'liveView'));
  await manager.getByTestId('live-stage').filter({ hasText: 'POSTING' }).waitFor();
  await expect(manager.getByTestId(`live-deliverable-status-${deliverableId}`).textContent()).resolves.toBe('approved');
  await manager.getByTestId('live-deadlines').getByText(/^in \d/).first().waitFor();
  const history = manager.getByTestId('live-history');
  await history.getByText('Maya Manager (manager)').first().waitFor();
  await history.getByText('Tara Talent (talent_manager)').first().waitFor();
  await expect(history.getByText('draft approved').count()).resolves.toBeGreaterThan(0);
  await expect(manager.getByTestId('live-escalations').getByText('No open escalation.').count()).resolves.toBe(1);
  await screenshot(manager, 'workflow-actions-live-view');
});

test('(b) finance approves a payout, but its requester and the officer who entered its invoice are refused (segregation of duties)', async () => {
  const { id } = await bookingInProduction();

  // The admin drops the creator after the contract is executed: the kill fee is requested by the admin.
  const admin = await signedIn(system.admin.email, system.admin.password);
  await admin.goto(recordUrl('Collaboration', id));
  await admin.getByTestId('action-dropOut').click();
  await admin.getByTestId('decision-field-reason').fill('The creator signed with a competitor');
  await admin.getByTestId('decision-submit').click();
  await notice(admin, 'Creator dropped — stage is now DROPPED; a kill fee of 1750000 minor units is requested').waitFor({ timeout: 30_000 });
  const payout = await waitFor('the kill-fee payout', async () => (await system.database.db.getRepository(Payout).findOneBy({ collaborationId: id })) ?? undefined);
  expect(payout).toMatchObject({ kind: PayoutKind.KillFee, amountMinor: 1_750_000, currency: 'INR', status: 'requested' });
  const adminUser = await system.database.db.query(`SELECT id FROM users WHERE email = $1`, [system.admin.email]);
  expect(payout.requestedById).toBe(adminUser[0].id);

  // Finance records the creator's invoice; the payout shows its amount with the currency.
  const finance = await signedIn(team.finance.email, team.password);
  await finance.goto(recordUrl('Payout', payout.id));
  await finance.getByTestId('money-amountMinor').filter({ hasText: /INR\s*17,500\.00/ }).waitFor();
  await finance.getByTestId('action-submitInvoice').click();
  await finance.getByTestId('decision-field-invoiceNumber').fill('INV-2026/77');
  await finance.getByTestId('decision-submit').click();
  await notice(finance, 'Invoice INV-2026/77 submitted — payout is now invoiced').waitFor({ timeout: 30_000 });

  // The admin who requested it may approve payouts, but not this one: the workflow says why.
  await admin.goto(recordUrl('Payout', payout.id));
  await admin.getByTestId('action-approvePayout').click();
  await admin.getByRole('button', { name: /^confirm$/i }).click();
  await notice(admin, 'A payout cannot be approved by the person who requested it').waitFor({ timeout: 30_000 });
  await screenshot(admin, 'workflow-actions-payout-refused-requester');
  expect((await system.database.db.getRepository(Payout).findOneByOrFail({ id: payout.id })).approvedById).toBeNull();

  // The finance officer who entered the invoice may not approve the payment too (maker-checker).
  await finance.goto(recordUrl('Payout', payout.id));
  await finance.getByTestId('action-approvePayout').click();
  await finance.getByRole('button', { name: /^confirm$/i }).click();
  await notice(finance, 'A payout cannot be approved by the person who submitted its invoice').waitFor({ timeout: 30_000 });
  await screenshot(finance, 'workflow-actions-payout-refused-invoicer');

  // Another finance officer approves it: scheduled on its due date, then paid (a 10 ms payment day here).
  const checkerEmail = `checker-${randomBytes(3).toString('hex')}@creatorops.test`;
  await system.database.db.getRepository(User).save({ email: checkerEmail, name: 'Chen Checker', role: Role.Finance, passwordHash: await hashPassword(team.password) });
  const checker = await signedIn(checkerEmail, team.password);
  await checker.goto(recordUrl('Payout', payout.id));
  await checker.getByTestId('action-approvePayout').click();
  await checker.getByRole('button', { name: /^confirm$/i }).click();
  await notice(checker, /^Payout approved — status is now (scheduled|paid)/).waitFor({ timeout: 30_000 });
  await screenshot(checker, 'workflow-actions-payout-approved');
  const paid = await waitFor('the payout paid', async () => {
    const row = await system.database.db.getRepository(Payout).findOneByOrFail({ id: payout.id });
    return row.status === 'paid' ? row : undefined;
  }, 30_000);
  const checkerId = (await system.database.db.getRepository(User).findOneByOrFail({ email: checkerEmail })).id;
  expect(paid.approvedById).toBe(checkerId);
  // The decision is no longer offered.
  await finance.goto(recordUrl('Payout', payout.id));
  await finance.getByText(/^paid$/i).first().waitFor();
  expect(await finance.getByTestId('action-approvePayout').count()).toBe(0);
});

test('(c) a decision sent from a stale page shows the workflow\'s reason, and changes nothing', async () => {
  const id = await negotiatingBooking();
  const talent = await signedIn(team.talentManager.email, team.password);
  await talent.goto(recordUrl('Collaboration', id));
  await talent.getByTestId('action-proposeTerms').click();
  await talent.getByTestId('decision-form').waitFor();
  // Opened with the booking's own prices and currency.
  await expect(talent.getByTestId('decision-field-brandPriceMinor').inputValue()).resolves.toBe('10000000');
  await expect(talent.getByTestId('decision-field-currency').inputValue()).resolves.toBe('INR');
  await talent.getByTestId('decision-field-killFeeBps').fill('2500');

  // Meanwhile terms are agreed over the API: the booking moves on to CONTRACTING.
  await asTalentManager.ok('POST', `/collaborations/${id}/terms`, terms());
  await asTalentManager.ok('POST', `/collaborations/${id}/accept-terms`);
  await settledIn(id, CollaborationStage.Contracting);
  const before = await asTalentManager.ok('GET', `/collaborations/${id}?live=true`);

  await talent.getByTestId('decision-submit').click();
  const refusal = 'Terms can only be proposed while the collaboration is NEGOTIATING; it is CONTRACTING';
  await talent.getByTestId('decision-error').filter({ hasText: refusal }).waitFor({ timeout: 30_000 });
  await notice(talent, refusal).waitFor();
  await screenshot(talent, 'workflow-actions-wrong-stage');

  const after = await asTalentManager.ok('GET', `/collaborations/${id}?live=true`);
  expect(after.live.negotiation.offers).toHaveLength(before.live.negotiation.offers.length);
  expect(after.live.stage).toBe(CollaborationStage.Contracting);
  // Reloaded, the page offers the decisions of the new stage only.
  await talent.goto(recordUrl('Collaboration', id));
  await talent.getByText(/^contracting$/i).first().waitFor();
  expect(await talent.getByTestId('action-proposeTerms').count()).toBe(0);
  expect(await talent.getByTestId('action-acknowledgeBrief').count()).toBe(0);
  // From the booking to what belongs to it: its live view, deliverables, contracts, payouts.
  await talent.getByTestId('related-Contract').waitFor();
  await talent.getByTestId('related-liveView').waitFor();
  await screenshot(talent, 'workflow-actions-booking-contracting');
  // A role the workflow refuses cannot even call it: finance and the contract's signature.
  const finance = await signedIn(team.finance.email, team.password);
  const forged = await finance.request.post(`${system.baseUrl}/admin/api/resources/Collaboration/records/${id}/proposeTerms`, { multipart: { killFeeBps: '0' } });
  expect(JSON.stringify(await forged.json().catch(() => ({})))).not.toContain('Terms proposed');
  expect((await asTalentManager.ok('GET', `/collaborations/${id}?live=true`)).live.negotiation.offers).toHaveLength(before.live.negotiation.offers.length);
});

test('(d) the live view says so when the workflow cannot be asked', async () => {
  // A booking row whose workflow does not exist (as when Temporal has lost it or is unreachable).
  const handle = `creator.${randomBytes(4).toString('hex')}`;
  const creator = await asTalentManager.ok('POST', '/creators', { name: `Creator ${handle}`, handle });
  const rows = system.database.db.getRepository(Collaboration);
  const orphan = await rows.save(
    rows.create({ campaignId, creatorId: creator.id, talentManagerId: team.talentManager.id, currency: 'INR', workflowId: collaborationWorkflowId(`missing-${randomBytes(4).toString('hex')}`) }),
  );
  const manager = await signedIn(team.manager.email, team.password);
  await manager.goto(recordUrl('Collaboration', orphan.id, 'liveView'));
  const message = manager.getByTestId('live-unavailable');
  await message.waitFor();
  await expect(message.textContent()).resolves.toMatch(/The workflow could not be asked for its live state: .+The stored stage is BRIEFED/);
  await screenshot(manager, 'workflow-actions-live-view-unavailable');
});

test('(e) at 1440 px the heading stays clear of the decisions; badges, dates and bookings read as people expect', async () => {
  const id = await negotiatingBooking();
  const { title } = await system.database.db.getRepository(Collaboration).findOneByOrFail({ id });
  const talent = await signedIn(team.talentManager.email, team.password);
  await talent.setViewportSize({ width: 1440, height: 900 });
  await talent.goto(recordUrl('Collaboration', id, 'proposeTerms'));
  await talent.getByTestId('decision-form').waitFor();
  const heading = (await talent.locator('[data-css$="-action-header"] h2').boundingBox())!;
  const buttons = talent.locator('[data-css$="-action-header"] .adminjs_ButtonGroupItem');
  expect(await buttons.count()).toBeGreaterThanOrEqual(5);
  for (const button of await buttons.all()) {
    const box = (await button.boundingBox())!;
    // No button over the heading, none past the right edge of the window.
    const overlaps = box.x < heading.x + heading.width && heading.x < box.x + box.width && box.y < heading.y + heading.height && heading.y < box.y + box.height;
    expect(overlaps).toBe(false);
    expect(box.x + box.width).toBeLessThanOrEqual(1440);
  }
  await screenshot(talent, 'panel-propose-terms-1440');

  // The booking's stage as a coloured badge; its dates in the one configured format (en-GB, UTC).
  await talent.goto(recordUrl('Collaboration', id));
  const stage = talent.getByTestId('badge-stage').first();
  await expect(stage.textContent()).resolves.toBe('Negotiating');
  await expect(stage.getAttribute('data-tone')).resolves.toBe('progress');
  await expect(talent.getByTestId('when-createdAt').first().textContent()).resolves.toMatch(/^\d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2} UTC$/);

  // A record pointing at the booking names it ("<creator> · <campaign>"), not its UUID.
  expect(title).toMatch(/^Creator creator\.[0-9a-f]{8} · Winter Glow$/);
  await asTalentManager.ok('POST', `/collaborations/${id}/terms`, terms());
  await asTalentManager.ok('POST', `/collaborations/${id}/accept-terms`);
  const contracts = await waitFor('the contracts', async () => {
    const listed = await asTalentManager.ok<Array<{ id: string }>>('GET', `/collaborations/${id}/contracts`);
    return listed.length ? listed : undefined;
  });
  await talent.goto(recordUrl('Contract', contracts[0].id));
  await talent.getByText(title).first().waitFor();
  expect(await talent.getByText(id, { exact: true }).count()).toBe(0);
  await screenshot(talent, 'panel-contract-names-booking');
});

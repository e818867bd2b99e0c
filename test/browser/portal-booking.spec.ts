import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { AuditLog, Collaboration, Payout } from '../../libs/domain/entities';
import { waitFor } from '../../scripts/lib/ports';
import { upcomingCampaign } from '../support/dates';
import { testMailpit } from '../support/environment';
import { createTeam, type Team } from '../support/fixtures';
import { waitForMessage } from '../support/mailpit-inbox';
import { launchChromium, screenshot } from '../support/panel';
import { requestJson } from '../support/rest-client';
import { startSystem, type RunningSystem } from '../support/system';

/**
 * The "Done when": a booking in which the creator and the brand act only through their
 * links, read from the e-mails in Mailpit and driven in Chromium (screenshots in
 * test-artifacts/portal-*.png). Staff only propose terms, approve the commercials below the
 * floor and sign for the agency; finance only approves the payout. The built API and worker, a
 * real Temporal dev server, PostgreSQL and Mailpit. The booking reaches COMPLETED, paid.
 */
let system: RunningSystem;
let browser: Browser;
let team: Team;
let uploads: string;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  uploads = mkdtempSync(path.join(os.tmpdir(), 'creatorops-portal-'));
  [system, browser] = await Promise.all([
    startSystem({ env: { SMTP_URL: testMailpit().smtpUrl, MAIL_FROM: 'CreatorOps <no-reply@creatorops.test>', UPLOADS_DIR: uploads } }),
    launchChromium(),
  ]);
  team = await createTeam(system.database.db);
}, 120_000);

afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await system?.stop();
  if (uploads) rmSync(uploads, { recursive: true, force: true });
});

/** A browser of its own (cookies and all) for someone outside the team, failing on any CSP violation. */
async function outsider(): Promise<{ page: Page; cspErrors: string[] }> {
  const context = await browser.newContext();
  contexts.push(context);
  const page = await context.newPage();
  const cspErrors: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) cspErrors.push(message.text());
  });
  return { page, cspErrors };
}

function portalLink(text: string): string {
  const url = /https?:\/\/\S+\/portal\/[A-Za-z0-9_-]{43}/.exec(text)?.[0];
  if (!url) throw new Error(`no portal link in: ${text}`);
  return url.replace(/^https?:\/\/[^/]+/, system.baseUrl);
}

/** Submits the form whose button reads `button`, and waits for the page it leads to. */
async function submit(page: Page, button: string): Promise<void> {
  await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: button }).first().click()]);
  const error = await page.locator('.error').allTextContents();
  expect(error).toEqual([]);
}

test('a booking in which the creator and the brand act only through their links reaches COMPLETED, paid', async () => {
  const tag = randomBytes(4).toString('hex');
  const creatorEmail = `asha.${tag}@example.test`;
  const brandEmail = `mira.${tag}@example.test`;
  const asTalentManager = system.basic(team.talentManager.email, team.password);
  const asManager = system.basic(team.manager.email, team.password);
  const asFinance = system.basic(team.finance.email, team.password);
  const call = async (method: string, route: string, auth: string, body?: unknown) => {
    const answer = await requestJson(system.baseUrl, method, route, auth, body);
    if (answer.status >= 300) throw new Error(`${method} ${route}: ${answer.status} ${JSON.stringify(answer.body)}`);
    return answer.body as Record<string, unknown> & { id: string };
  };

  const brand = await call('POST', '/brands', asTalentManager, { name: `GlowCo ${tag}`, category: 'skincare', contacts: [{ name: 'Mira', email: brandEmail }] });
  const creator = await call('POST', '/creators', asTalentManager, {
    name: 'Asha Rao',
    handle: `asha.${tag}`,
    contactEmail: creatorEmail,
    niches: ['beauty'],
    channels: [{ platform: 'instagram', handle: '@asha', followers: 240000, engagementRate: 0.04 }],
    payoutReference: `tok_${randomBytes(5).toString('hex')}`,
  });
  const campaign = await call('POST', '/campaigns', asTalentManager, {
    brandId: brand.id,
    name: `Winter Glow ${tag}`,
    budgetMinor: 150000000,
    currency: 'INR',
    ...upcomingCampaign(),
    ownerId: team.manager.id,
    draftReviewer: 'brand',
    slaOverrides: { measureFirst: '1s', measureSecond: '2s', paymentDay: '10ms' },
  });
  const booking = await call('POST', '/collaborations', asTalentManager, { campaignId: campaign.id, creatorId: creator.id, brandPriceMinor: 6000000, creatorFeeMinor: 5000000 });
  const stage = async () => (await system.database.db.getRepository(Collaboration).findOneByOrFail({ id: booking.id })).stage;
  const reach = (wanted: string, timeoutMs = 60_000) => waitFor(`stage ${wanted}`, async () => ((await stage()) === wanted ? true : undefined), timeoutMs);

  // The creator's link arrives by e-mail; they open it in their own browser.
  const invitation = await waitForMessage(creatorEmail, /Your booking/, 90_000);
  const creatorUrl = portalLink(invitation.Text);
  const asha = await outsider();
  await asha.page.goto(creatorUrl);
  expect(await asha.page.locator('h1').textContent()).toContain('Winter Glow');
  await screenshot(asha.page, 'portal-1-brief');
  await submit(asha.page, 'I have read the brief and accept it');
  await reach('NEGOTIATING');

  // Staff propose terms; the creator accepts them in the portal (margin 16.7 % < the 20 % floor).
  const due = new Date(Date.now() + 7 * 86_400_000).toISOString();
  await call('POST', `/collaborations/${booking.id}/terms`, asTalentManager, {
    brandPriceMinor: 6000000, creatorFeeMinor: 5000000, currency: 'INR', paymentNetDays: 0, killFeeBps: 0,
    deliverables: [{ type: 'reel', platform: 'instagram', draftDueAt: due }],
  });
  await asha.page.goto(creatorUrl);
  expect(await asha.page.locator('[data-fee]').textContent()).toContain('50,000');
  expect(await asha.page.content()).not.toContain('60,000');
  await screenshot(asha.page, 'portal-2-offer');
  await submit(asha.page, 'Accept this offer');
  // A manager approves the commercials below the floor.
  await call('POST', `/collaborations/${booking.id}/approve-commercials`, asManager, { reason: 'Launch creator; strategic' });
  await reach('CONTRACTING');

  // The creator signs each contract by typing their name; a manager signs for the agency.
  const contracts = await waitFor('contracts', async () => {
    const view = (await call('GET', `/collaborations/${booking.id}?live=true`, asManager)) as { live?: { contracts?: { contractId: string; documentHash: string }[] } };
    return view.live?.contracts?.length ? view.live.contracts : undefined;
  });
  for (const contract of contracts) {
    await asha.page.goto(creatorUrl);
    await asha.page.locator('input[name="fullName"]').first().fill('Asha Rao');
    await asha.page.locator('input[name="consent"]').first().check();
    if (contract === contracts[0]) await screenshot(asha.page, 'portal-3-contract');
    await submit(asha.page, 'Sign');
  }
  for (const contract of contracts) {
    await call('POST', `/collaborations/${booking.id}/contracts/${contract.contractId}/signatures`, asManager, { party: 'agency', documentHash: contract.documentHash });
  }
  await reach('IN_PRODUCTION');
  const evidence = await system.database.db.getRepository(AuditLog).findBy({ action: 'contract.signed_through_link', entityId: contracts[0].contractId });
  expect(evidence).toHaveLength(1);
  expect(evidence[0].after).toMatchObject({ fullName: 'Asha Rao', consent: true, documentHash: contracts[0].documentHash, ip: expect.any(String) });

  // The creator uploads a draft with its caption and sees the compliance result.
  const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(256)]);
  await waitFor('the draft form', async () => {
    await asha.page.goto(creatorUrl);
    return (await asha.page.locator('input[type="file"]').count()) > 0 ? true : undefined;
  });
  // Before uploading, the creator checks a caption: the compliance result, with nothing submitted.
  await asha.page.locator('form[action$="/check"] textarea[name="caption"]').fill('Three days with the winter serum #glow');
  await submit(asha.page, 'Check caption');
  expect(await asha.page.locator('.notice').textContent()).toMatch(/^Caption check: .*disclos/i);
  await screenshot(asha.page, 'portal-4a-caption-check');
  expect(await system.database.db.query(`SELECT 1 FROM "draft_submissions" d JOIN "deliverables" del ON del."id" = d."deliverableId" WHERE del."collaborationId" = $1`, [booking.id])).toEqual([]);
  await asha.page.locator('input[type="file"]').setInputFiles({ name: 'draft.png', mimeType: 'image/png', buffer: png });
  await asha.page.locator('form[enctype="multipart/form-data"] textarea[name="caption"]').fill('Sponsored: three days with the winter serum\nLink in bio');
  await submit(asha.page, 'Upload draft');
  expect(await asha.page.locator('[data-draft="1"]').textContent()).toContain('passes the disclosure check');
  await screenshot(asha.page, 'portal-4-draft');
  // Staff within the booking's reach read the uploaded file; another team's talent manager may not.
  const draftFile = `${system.baseUrl}/collaborations/${booking.id}/draft-files/${createHash('sha256').update(png).digest('hex')}`;
  const fetched = await fetch(draftFile, { headers: { authorization: asTalentManager } });
  expect(fetched.status).toBe(200);
  expect(Buffer.from(await fetched.arrayBuffer()).equals(png)).toBe(true);
  const stranger = await createTeam(system.database.db);
  expect((await fetch(draftFile, { headers: { authorization: system.basic(stranger.talentManager.email, stranger.password) } })).status).toBe(403);

  // The brand's review link arrives with the first draft; the brand approves in its browser.
  const review = await waitForMessage(brandEmail, /Drafts to review/, 90_000);
  const mira = await outsider();
  await mira.page.goto(portalLink(review.Text));
  await screenshot(mira.page, 'portal-5-brand-review');
  await submit(mira.page, 'Send review');
  await reach('POSTING');

  // The creator reports the live post.
  await asha.page.goto(creatorUrl);
  await asha.page.locator('input[name="liveUrl"]').fill('https://www.instagram.com/reel/portal-live/');
  await asha.page.locator('textarea[name="caption"]').fill('Sponsored: three days with the winter serum\nLink in bio');
  await submit(asha.page, 'Report live post');
  await reach('PAYOUT', 90_000);

  // The creator invoices; finance approves (the only thing finance does).
  await waitFor('the invoice form', async () => {
    await asha.page.goto(creatorUrl);
    return (await asha.page.locator('input[name="invoiceNumber"]').count()) > 0 ? true : undefined;
  });
  await asha.page.locator('input[name="invoiceNumber"]').fill(`INV-${tag}`);
  await waitFor('the payout to take the invoice', async () => {
    await asha.page.locator('input[name="invoiceNumber"]').fill(`INV-${tag}`);
    await Promise.all([asha.page.waitForLoadState('load'), asha.page.getByRole('button', { name: 'Submit invoice' }).click()]);
    return (await asha.page.locator('.notice').count()) > 0 ? true : undefined;
  });
  await screenshot(asha.page, 'portal-6-invoice');
  await call('POST', `/collaborations/${booking.id}/payout/approve`, asFinance);
  await reach('COMPLETED', 90_000);
  const [payout] = await system.database.db.getRepository(Payout).findBy({ collaborationId: booking.id });
  expect(payout).toMatchObject({ status: 'paid', invoiceNumber: `INV-${tag}`, amountMinor: 5000000 });

  // Once completed the creator rates the booking, and the link ends.
  await waitFor('the rating form', async () => {
    await asha.page.goto(creatorUrl);
    return (await asha.page.locator('select[name="rating"]').count()) > 0 ? true : undefined;
  });
  await asha.page.locator('select[name="rating"]').selectOption('5');
  await screenshot(asha.page, 'portal-7-rating');
  await submit(asha.page, 'Send rating');
  const reopened = await asha.page.goto(creatorUrl);
  expect(reopened?.status()).toBe(410);

  expect(asha.cspErrors).toEqual([]);
  expect(mira.cspErrors).toEqual([]);
}, 420_000);

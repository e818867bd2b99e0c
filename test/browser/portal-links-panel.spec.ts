import { randomBytes } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { PortalLink } from '../../libs/domain/entities';
import { waitFor } from '../../scripts/lib/ports';
import { upcomingCampaign } from '../support/dates';
import { testMailpit } from '../support/environment';
import { createTeam, type Team } from '../support/fixtures';
import { messagesTo, readMessage } from '../support/mailpit-inbox';
import { closePanelSessions, launchChromium, logIn, newPanelSession, screenshot, type PanelSession } from '../support/panel';
import { requestJson } from '../support/rest-client';
import { startSystem, type RunningSystem } from '../support/system';

/**
 * Staff and the portal links from the back office (Chromium, the built API and worker, Mailpit):
 * "Send creator link" e-mails a new link and the old one stops working; "Revoke portal links"
 * stops them all.
 */
let system: RunningSystem;
let browser: Browser;
let team: Team;
const sessions: PanelSession[] = [];

beforeAll(async () => {
  [system, browser] = await Promise.all([startSystem({ env: { SMTP_URL: testMailpit().smtpUrl, MAIL_FROM: 'CreatorOps <no-reply@creatorops.test>' } }), launchChromium()]);
  team = await createTeam(system.database.db);
}, 120_000);

afterEach(() => closePanelSessions(sessions));

afterAll(async () => {
  await browser?.close();
  await system?.stop();
});

const links = (text: string) => [...text.matchAll(/https?:\/\/\S+?\/portal\/([A-Za-z0-9_-]{43})/g)].map((match) => `${system.baseUrl}/portal/${match[1]}`);

async function allLinksTo(address: string): Promise<string[]> {
  const messages = await messagesTo(address);
  const bodies = await Promise.all(messages.map((message) => readMessage(message.ID)));
  return bodies.flatMap((message) => links(message.Text));
}

test('a talent manager re-sends the creator link and revokes the links from the booking in the panel', async () => {
  const tag = randomBytes(4).toString('hex');
  const creatorEmail = `asha.${tag}@example.test`;
  const auth = system.basic(team.talentManager.email, team.password);
  const call = async (route: string, body: unknown) => (await requestJson(system.baseUrl, 'POST', route, auth, body)).body as { id: string };
  const brand = await call('/brands', { name: `GlowCo ${tag}`, category: 'skincare' });
  const creator = await call('/creators', { name: 'Asha Rao', handle: `asha.${tag}`, contactEmail: creatorEmail });
  const campaign = await call('/campaigns', { brandId: brand.id, name: `Winter Glow ${tag}`, budgetMinor: 150000000, currency: 'INR', ...upcomingCampaign(), ownerId: team.manager.id });
  const booking = await call('/collaborations', { campaignId: campaign.id, creatorId: creator.id, brandPriceMinor: 6000000, creatorFeeMinor: 4500000 });

  const [first] = await waitFor('the first link', async () => {
    const found = await allLinksTo(creatorEmail);
    return found.length ? found : undefined;
  }, 90_000);
  expect((await fetch(first)).status).toBe(200);

  const session = await newPanelSession(browser);
  sessions.push(session);
  const page: Page = session.page;
  await logIn(page, system.baseUrl, team.talentManager.email, team.password);
  const record = `${system.baseUrl}/admin/resources/Collaboration/records/${booking.id}/show`;

  await page.goto(record);
  await page.getByTestId('action-sendCreatorLink').click();
  await page.getByRole('button', { name: /^confirm$/i }).click();
  await page.getByText('A new link was e-mailed to the creator').first().waitFor({ timeout: 30_000 });
  await screenshot(page, 'portal-links-panel-resent');
  const second = await waitFor('the second link', async () => (await allLinksTo(creatorEmail)).find((url) => url !== first), 60_000);
  expect((await fetch(first)).status).toBe(410);
  expect((await fetch(second)).status).toBe(200);

  await page.goto(record);
  await page.getByTestId('action-revokePortalLinks').click();
  await page.getByRole('button', { name: /^confirm$/i }).click();
  await page.getByText('1 link(s) revoked').first().waitFor({ timeout: 30_000 });
  await screenshot(page, 'portal-links-panel-revoked');
  expect((await fetch(second)).status).toBe(410);
  const rows = await system.database.db.getRepository(PortalLink).findBy({ collaborationId: booking.id });
  expect(rows.every((row) => row.revokedAt !== null)).toBe(true);
}, 240_000);

import { randomBytes } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { SecretBox } from '../../libs/auth/secret-box';
import { Delivery, DeliveryStatus, Notification, User, Webhook } from '../../libs/domain/entities';
import { waitFor } from '../../scripts/lib/ports';
import { createBookingRow, createTeam, type Team } from '../support/fixtures';
import { closePanelSessions, launchChromium, logIn, newPanelSession, screenshot, type PanelSession } from '../support/panel';
import { startSystem, type RunningSystem } from '../support/system';

/**
 * The channels in the back office (Chromium, the built API and worker): a manager adds a team
 * webhook (a bad URL refused, the secret sealed at rest and revealed on request), sees a failed
 * webhook delivery of their team with the receiver's answer, and a user sets their own
 * notification preferences on the page that PUT /me/notification-preferences also changes.
 */

const WEBHOOK_SECRET_KEY = randomBytes(32).toString('hex');
let system: RunningSystem;
let browser: Browser;
let team: Team;
const sessions: PanelSession[] = [];

beforeAll(async () => {
  [system, browser] = await Promise.all([startSystem({ env: { WEBHOOK_SECRET_KEY } }), launchChromium()]);
  team = await createTeam(system.database.db);
}, 120_000);

afterEach(() => closePanelSessions(sessions));

afterAll(async () => {
  await browser?.close();
  await system?.stop();
});

async function signedIn(email: string) {
  const session = await newPanelSession(browser);
  sessions.push(session);
  await logIn(session.page, system.baseUrl, email, team.password);
  return session.page;
}

test('a manager adds a team webhook (http/https only), reveals its secret, and sees a failed delivery with the receiver\'s answer', async () => {
  const page = await signedIn(team.manager.email);
  const webhooks = system.database.db.getRepository(Webhook);

  await page.goto(`${system.baseUrl}/admin/resources/Webhook/actions/new`);
  await page.locator('input[name="name"]').fill('#ops on Slack');
  await page.locator('input[name="url"]').fill('ftp://files.example.com/hook');
  await page.getByTestId('button-save').click();
  await page.getByText('The URL must start with http:// or https:// (got ftp:)').first().waitFor({ timeout: 30_000 });
  await screenshot(page, 'webhook-bad-url');
  expect(await webhooks.countBy({ teamLeadId: team.manager.id })).toBe(0);

  await page.locator('input[name="url"]').fill('https://hooks.example.com/creatorops');
  await page.getByTestId('button-save').click();
  const created = await waitFor('the webhook saved', async () => (await webhooks.findOneBy({ teamLeadId: team.manager.id })) ?? undefined, 30_000);
  expect(created).toMatchObject({ name: '#ops on Slack', url: 'https://hooks.example.com/creatorops', active: true, createdById: team.manager.id });

  await page.goto(`${system.baseUrl}/admin/resources/Webhook/records/${created.id}/revealSecret`);
  await page.getByTestId('decision-submit').click();
  const notice = page.getByText(/signing secret of "#ops on Slack".*whsec_/).first();
  await notice.waitFor({ timeout: 30_000 });
  await screenshot(page, 'webhook-secret-revealed');
  const secret = /whsec_[A-Za-z0-9_-]+/.exec((await notice.textContent()) ?? '')![0];
  const { secretSealed } = (await webhooks.createQueryBuilder('w').addSelect('w.secretSealed').where('w.id = :id', { id: created.id }).getOneOrFail());
  // At rest only sealed, under WEBHOOK_SECRET_KEY; the page showed the real one.
  expect(secretSealed).not.toContain(secret.slice(6));
  expect(new SecretBox(WEBHOOK_SECRET_KEY).open(secretSealed)).toBe(secret);

  // A delivery of the team's that the receiver refused for good, as the worker records it.
  const row = await createBookingRow(system.database.db, team);
  const notification = await system.database.db.getRepository(Notification).save({
    recipientId: team.talentManager.id, collaborationId: row.id, kind: 'BRIEF_ACK_REMINDER', message: 'The creator has not acknowledged the brief yet.', eventKey: `${row.workflowId}:remind:BRIEF_ACK_REMINDER`,
  });
  await system.database.db.getRepository(Delivery).save({
    eventKey: `${notification.eventKey}:webhook:${created.id}`, notificationId: notification.id, channel: 'webhook', webhookId: created.id, recipient: created.name,
    status: DeliveryStatus.Failed, attempts: 5, lastError: 'HTTP 503 Service Unavailable', messageId: 'evt_test', sentAt: null,
  });
  await page.goto(`${system.baseUrl}/admin/resources/Delivery?filters.channel=webhook`);
  await page.getByText('HTTP 503 Service Unavailable').first().waitFor({ timeout: 30_000 });
  expect(await page.getByText('failed').count()).toBeGreaterThan(0);
  await screenshot(page, 'webhook-delivery-failed');

  // A talent manager has no webhooks to manage.
  const talent = await signedIn(team.talentManager.email);
  const refused = (await (await talent.request.get(`${system.baseUrl}/admin/api/resources/Webhook/actions/list`)).json()) as { notice?: { type: string }; records?: unknown[] };
  // AdminJS's refusal: an error notice and no records.
  expect(refused.notice?.type).toBe('error');
  expect(refused.records ?? []).toEqual([]);
});

test('a user switches a kind off for e-mail and chooses the daily digest on their preferences page', async () => {
  const page = await signedIn(team.talentManager.email);
  await page.goto(`${system.baseUrl}/admin/pages/notificationPreferences`);
  await page.getByTestId('preferences-page').waitFor({ timeout: 30_000 });
  expect(await page.getByTestId('preference-reminders').isChecked()).toBe(true);
  await page.getByTestId('preference-reminders').uncheck();
  await page.getByTestId('preference-cadence').selectOption('daily_digest');
  await page.getByTestId('preferences-save').click();
  await page.getByTestId('preferences-saved').waitFor({ timeout: 30_000 });
  await screenshot(page, 'notification-preferences-saved');
  const stored = await system.database.db.getRepository(User).findOneByOrFail({ id: team.talentManager.id });
  expect(stored.notificationPreferences).toEqual({ email: { reminders: false, escalations: true, ratings: true, performance: true }, emailCadence: 'daily_digest' });

  // The REST API reads the same, and the page shows it after a reload.
  const api = await fetch(`${system.baseUrl}/me/notification-preferences`, { headers: { authorization: system.basic(team.talentManager.email, team.password) } });
  expect(await api.json()).toEqual({ email: { reminders: false, escalations: true, ratings: true, performance: true }, emailCadence: 'daily_digest' });
  await page.reload();
  await page.getByTestId('preferences-page').waitFor({ timeout: 30_000 });
  expect(await page.getByTestId('preference-reminders').isChecked()).toBe(false);
  expect(await page.getByTestId('preference-cadence').inputValue()).toBe('daily_digest');
});

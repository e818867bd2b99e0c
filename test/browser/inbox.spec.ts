import type { Browser } from 'playwright-core';
import { Notification } from '../../libs/domain/entities';
import { createBookingRow, createTeam, type Team } from '../support/fixtures';
import { closePanelSessions, launchChromium, logIn, newPanelSession, screenshot, type PanelSession } from '../support/panel';
import { startSystem, type RunningSystem } from '../support/system';

/**
 * The inbox in the back office (Chromium, the built API): the top bar counts the signed-in
 * user's unread notifications, the Inbox lists only theirs, and "Mark read" lowers the count.
 */

let system: RunningSystem;
let browser: Browser;
let team: Team;
const sessions: PanelSession[] = [];

beforeAll(async () => {
  [system, browser] = await Promise.all([startSystem(), launchChromium()]);
  team = await createTeam(system.database.db);
}, 120_000);

afterEach(() => closePanelSessions(sessions));

afterAll(async () => {
  await browser?.close();
  await system?.stop();
});

test('the top bar counts my unread notifications; the inbox holds only mine; marking one read lowers the count', async () => {
  const row = await createBookingRow(system.database.db, team);
  const notifications = system.database.db.getRepository(Notification);
  const note = (recipientId: string, kind: string, readAt: Date | null = null) =>
    notifications.save({ recipientId, collaborationId: row.id, kind, message: `${kind} for the test`, eventKey: `${row.workflowId}:${kind}`, readAt });
  const first = await note(team.talentManager.id, 'BRIEF_ACK_REMINDER');
  await note(team.talentManager.id, 'CONTRACT_REMINDER');
  await note(team.talentManager.id, 'SATISFACTION_RATING_DUE', new Date());
  await note(team.manager.id, 'escalation.BRIEF_ACK_OVERDUE');

  const session = await newPanelSession(browser);
  sessions.push(session);
  const { page } = session;
  await logIn(page, system.baseUrl, team.talentManager.email, team.password);
  await page.goto(`${system.baseUrl}/admin`);
  await expect(page.getByTestId('inbox-unread').textContent({ timeout: 30_000 })).resolves.toBe('2');
  await screenshot(page, 'inbox-badge');

  await page.getByTestId('inbox-link').click();
  await page.waitForURL(/\/admin\/resources\/Notification/);
  await page.getByText('CONTRACT_REMINDER for the test').first().waitFor();
  const listed = await page.locator('tbody tr').count();
  expect(listed).toBe(3);
  expect(await page.getByText('escalation.BRIEF_ACK_OVERDUE for the test').count()).toBe(0);
  await screenshot(page, 'inbox-list');

  await page.goto(`${system.baseUrl}/admin/resources/Notification/records/${first.id}/markRead`);
  await page.getByTestId('decision-submit').click();
  await page.getByText('Marked read').first().waitFor({ timeout: 30_000 });
  expect((await notifications.findOneByOrFail({ id: first.id })).readAt).toBeInstanceOf(Date);
  await page.goto(`${system.baseUrl}/admin`);
  await expect(page.getByTestId('inbox-unread').textContent({ timeout: 30_000 })).resolves.toBe('1');
  await screenshot(page, 'inbox-after-mark-read');
});

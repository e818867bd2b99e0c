import { Client, Connection, ScheduleHandle } from '@temporalio/client';
import type { Browser, Page } from 'playwright-core';
import { UnderperformerFlag } from '../../libs/domain/entities';
import { underperformersScheduleId } from '../../libs/temporal/underperformer-schedule';
import { waitFor } from '../../scripts/lib/ports';
import { createTeam, type Team } from '../support/fixtures';
import { closePanelSessions, launchChromium, logIn, newPanelSession, screenshot, type PanelSession } from '../support/panel';
import { requestJson } from '../support/rest-client';
import { startSystem, type RunningSystem } from '../support/system';
import { seedDecline, seedRecovery, type DeclineDataset } from '../support/underperformer-dataset';

/**
 * The Underperformers page (docs/insight.md) in Chromium, on flags the worker's daily Schedule
 * made from a seeded decline: what is low, against what, since when, the suggestion, raised and
 * cleared days; the same flags over the API, and the booking's risk flag in GET /collaborations/:id.
 * Screenshots in test-artifacts/.
 */

let system: RunningSystem;
let browser: Browser;
let team: Team;
let data: DeclineDataset;
let connection: Connection;
let schedule: ScheduleHandle;
const sessions: PanelSession[] = [];
const today = () => new Date().toISOString().slice(0, 10);
const as = (user: { email: string }) => system.basic(user.email, team.password);
const flagOf = () => system.database.db.getRepository(UnderperformerFlag).findOneBy({ subjectKind: 'creator', subjectId: data.creator.id });

async function signedIn(email: string): Promise<Page> {
  const session = await newPanelSession(browser);
  sessions.push(session);
  await logIn(session.page, system.baseUrl, email, team.password);
  return session.page;
}

beforeAll(async () => {
  [system, browser] = await Promise.all([startSystem(), launchChromium()]);
  team = await createTeam(system.database.db);
  data = await seedDecline(system.database.db, team.talentManager.id, team.manager.id);
  connection = await Connection.connect({ address: system.temporalAddress });
  // The worker ensured the Schedule at start.
  schedule = new Client({ connection }).schedule.getHandle(underperformersScheduleId(system.taskQueue));
  await waitFor('the Schedule', async () => schedule.describe().catch(() => undefined), 30_000);
  await schedule.trigger();
  await waitFor('the flag', async () => (await flagOf()) ?? undefined, 90_000);
}, 180_000);

afterEach(() => closePanelSessions(sessions));

afterAll(async () => {
  await connection?.close();
  await browser?.close();
  await system?.stop();
});

test("lists the flag over the API within reach, and puts UNDERPERFORMING in the running booking's answer", async () => {
  const open = await requestJson(system.baseUrl, 'GET', '/underperformers?status=open', as(team.manager));
  expect(open.status).toBe(200);
  expect(open.body.items).toEqual(
    expect.arrayContaining([
      expect.objectContaining({ subjectKind: 'creator', subjectId: data.creator.id, subjectName: data.creator.name, metric: 'engagementRate', basis: 'trend', raisedOn: today(), clearedOn: null, suggestion: 'refresh_brief_hook' }),
    ]),
  );
  // Within reach only: another team's talent manager does not see it.
  const other = await createTeam(system.database.db);
  const theirs = await requestJson(system.baseUrl, 'GET', '/underperformers?status=all', system.basic(other.talentManager.email, other.password));
  expect(theirs.status).toBe(200);
  expect(theirs.body.items.filter((f: { subjectId: string }) => f.subjectId === data.creator.id)).toEqual([]);
  const bad = await requestJson(system.baseUrl, 'GET', '/underperformers?status=closed', as(team.manager));
  expect(bad.status).toBe(400);
  expect(JSON.stringify(bad.body.message)).toContain('status must be open, cleared or all');
  const booking = await requestJson(system.baseUrl, 'GET', `/collaborations/${data.running.id}`, as(team.manager));
  expect(booking.status).toBe(200);
  expect(booking.body.riskFlags).toEqual([expect.objectContaining({ kind: 'UNDERPERFORMING', detail: expect.stringContaining('engagement rate by views low since') })]);
});

test('shows what is low, against what, since when and what to do; after the recovery, the day it cleared', async () => {
  const page = await signedIn(team.manager.email);
  await page.goto(`${system.baseUrl}/admin/pages/underperformers`);
  const row = page.getByTestId('underperformer-row').filter({ hasText: data.creator.name });
  await row.waitFor();
  const flag = (await flagOf())!;
  expect(await row.getByTestId('underperformer-subject').textContent()).toBe(`Creator: ${data.creator.name}`);
  expect(await row.getByTestId('underperformer-metric').textContent()).toBe('engagement rate by views');
  expect(await row.getByTestId('underperformer-observed').textContent()).toBe('2.50 %');
  expect(await row.getByTestId('underperformer-baseline').textContent()).toBe('own trend: 5.50 %');
  expect(await row.getByTestId('underperformer-since').textContent()).toBe(flag.since);
  expect(await row.getByTestId('underperformer-suggestion').textContent()).toBe('Refresh the brief and the hook');
  expect(await row.getByTestId('underperformer-raised').textContent()).toBe(today());
  expect(await row.getByTestId('underperformer-cleared').textContent()).toBe('open');
  await screenshot(page, 'underperformers-open');

  await seedRecovery(system.database.db, data);
  await schedule.trigger();
  await waitFor('the flag to clear', async () => ((await flagOf())?.clearedOn ? true : undefined), 90_000);
  await page.reload();
  await page.getByTestId('underperformers-page').waitFor();
  expect(await page.getByTestId('underperformer-row').filter({ hasText: data.creator.name }).count()).toBe(0);
  await page.getByTestId('underperformers-status').selectOption('cleared');
  const cleared = page.getByTestId('underperformer-row').filter({ hasText: data.creator.name });
  await cleared.waitFor();
  expect(await cleared.getByTestId('underperformer-cleared').textContent()).toBe(today());
  await screenshot(page, 'underperformers-cleared');

  const booking = await requestJson(system.baseUrl, 'GET', `/collaborations/${data.running.id}`, as(team.manager));
  expect(booking.body.riskFlags).toEqual([]);
});

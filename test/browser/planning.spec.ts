import { parse } from 'csv-parse/sync';
import * as path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { seedDemoHistory } from '../../libs/db/demo-history';
import { DEMO_PASSWORD, seedDemo, type DemoData } from '../../libs/db/seed';
import { Target } from '../../libs/domain/entities';
import { ARTIFACTS, closePanelSessions, launchChromium, logIn, newPanelSession, type PanelSession } from '../support/panel';
import { startSystem, type RunningSystem } from '../support/system';

/**
 * The Planning page (docs/metrics.md#planning) in Chromium, on the demo history seeded up to
 * today: each team's forecast for the next plannable quarter with its bounds and back-tested
 * error, a stretch, setting the targets (stored with who and when), the CSV; a talent manager
 * sees the plan but no button. Screenshots in test-artifacts/.
 */

let system: RunningSystem;
let browser: Browser;
let demo: DemoData;
const sessions: PanelSession[] = [];

async function signedIn(email: string): Promise<Page> {
  const session = await newPanelSession(browser);
  sessions.push(session);
  await logIn(session.page, system.baseUrl, email, DEMO_PASSWORD);
  return session.page;
}

beforeAll(async () => {
  [system, browser] = await Promise.all([startSystem(), launchChromium()]);
  demo = await seedDemo(system.database.db);
  expect(await seedDemoHistory(system.database.db, demo)).toBe(true);
}, 180_000);

afterEach(() => closePanelSessions(sessions));

afterAll(async () => {
  await browser?.close();
  await system?.stop();
});

test('a manager sees the team forecast for the next quarter, sets targets at forecast + stretch, and downloads the CSV', async () => {
  const page = await signedIn(demo.manager.email);
  await page.goto(`${system.baseUrl}/admin/pages/planning?period=quarter&level=team`);
  const table = page.getByTestId('planning-table');
  await table.waitFor();
  expect(await page.getByTestId('planning-title').textContent()).toMatch(/^Teams · \d{4}-Q[1-4] · forecast as of \d{4}-\d{2}, \d+ months ahead at most$/);
  const rows = page.getByTestId('planning-row');
  const teamRow = page.locator(`[data-testid="planning-row"][data-id="${demo.manager.id}"][data-currency="INR"]`);
  expect(await teamRow.count()).toBe(1);
  expect(await teamRow.getByTestId('planning-forecast').textContent()).toMatch(/₹|INR/);
  expect(await teamRow.getByTestId('planning-band').textContent()).toContain('–');
  expect(await teamRow.getByTestId('planning-error').textContent()).toMatch(/^(\d+\.\d{2}|n\/a) \(naive (\d+\.\d{2}|n\/a), mean of 3 (\d+\.\d{2}|n\/a)\)/);
  expect(await teamRow.getByTestId('planning-target').textContent()).toBe('—');

  await page.getByTestId('planning-stretch').fill('10');
  await page.getByTestId('planning-stretch').blur();
  // The proposed targets are recomputed at the new stretch when the field is left.
  await table.getByText('Forecast + 10 %', { exact: true }).waitFor();
  expect(await page.getByTestId('planning-set').textContent()).toBe('Set targets at forecast + 10 %');
  await page.getByTestId('planning-set').click();
  const result = page.getByTestId('planning-result');
  await result.waitFor();
  expect(await result.textContent()).toMatch(/\d+ targets created, 0 updated, 0 already at that value\./);
  expect(await teamRow.getByTestId('planning-target').textContent()).toBe(await teamRow.getByTestId('planning-proposed').textContent());
  expect(await teamRow.getByTestId('planning-set-by').textContent()).toMatch(new RegExp(`^${demo.manager.name}, \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} UTC$`));
  const quarter = await teamRow.getAttribute('data-quarter');
  const [stored] = await system.database.db.getRepository(Target).findBy({ teamManagerId: demo.manager.id, periodStart: quarter!, currency: 'INR', metric: 'nmv' as never });
  expect(stored).toMatchObject({ period: 'quarter', setById: demo.manager.id });
  await page.getByTestId('planning-table-box').screenshot({ path: path.join(ARTIFACTS, 'planning-team-quarter.png') });

  const href = await page.getByTestId('planning-csv').getAttribute('href');
  const csv = await page.evaluate(async (url) => (await fetch(url!)).text(), href);
  const records: Record<string, string>[] = parse(csv, { columns: true });
  expect(records.length).toBe(await rows.count());
  const line = records.find((r) => r.id === demo.manager.id && r.currency === 'INR')!;
  expect(line).toMatchObject({ period: 'quarter', periodStart: quarter, level: 'team', stretchPercent: '10', targetMinor: stored.valueNumeric, setById: demo.manager.id });
});

test('a year shows its four quarters and the year’s total; a talent manager sees the plan without the button', async () => {
  const page = await signedIn(demo.talentManager.email);
  // A year is planned before it begins: from October on, next year as of the last complete
  // month; earlier in the year, this year as it would have been planned at the end of December.
  const now = new Date();
  const year = now.getUTCMonth() >= 9 ? now.getUTCFullYear() + 1 : now.getUTCFullYear();
  const asOf = now.getUTCMonth() >= 9 ? '' : `&asOf=${year - 1}-12`;
  await page.goto(`${system.baseUrl}/admin/pages/planning?period=year&start=${year}-01-01&level=talentManager${asOf}`);
  await page.getByTestId('planning-table').waitFor();
  const own = page.locator(`[data-testid="planning-row"][data-id="${demo.talentManager.id}"][data-currency="INR"]`);
  expect(await own.count()).toBe(4);
  expect(await page.locator(`[data-testid="planning-total"][data-id="${demo.talentManager.id}"]`).count()).toBeGreaterThanOrEqual(1);
  expect(await page.getByTestId('planning-set').count()).toBe(0);
  expect(await page.getByTestId('planning-read-only').textContent()).toBe('Targets are set by managers and admins.');
  await page.getByTestId('planning-page').screenshot({ path: path.join(ARTIFACTS, 'planning-executive-year.png') });
});

import * as path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { seedDemoHistory } from '../../libs/db/demo-history';
import { DEMO_PASSWORD, seedDemo, type DemoData } from '../../libs/db/seed';
import { ARTIFACTS, closePanelSessions, launchChromium, logIn, newPanelSession, type PanelSession } from '../support/panel';
import { startSystem, type RunningSystem } from '../support/system';

/**
 * The NMV forecast on the analytics pages (docs/metrics.md#forecast) in Chromium, on the demo
 * history seeded up to today (as `npm start` does): a creator's actual months and the forecast
 * with its 80 % band, axes labelled, the back-tested MASE beside both baselines'; the same on the
 * talent manager's and the team's pages. Screenshots in test-artifacts/.
 */

let system: RunningSystem;
let browser: Browser;
let demo: DemoData;
let meera: string;
const sessions: PanelSession[] = [];

async function signedIn(email: string): Promise<Page> {
  const session = await newPanelSession(browser);
  sessions.push(session);
  await logIn(session.page, system.baseUrl, email, DEMO_PASSWORD);
  return session.page;
}

async function screenshotOf(locator: Locator, name: string): Promise<void> {
  await locator.scrollIntoViewIfNeeded();
  await locator.screenshot({ path: path.join(ARTIFACTS, `${name}.png`) });
}

const attr = async (locator: Locator, name: string) => Number(await locator.getAttribute(name));

beforeAll(async () => {
  [system, browser] = await Promise.all([startSystem(), launchChromium()]);
  demo = await seedDemo(system.database.db);
  expect(await seedDemoHistory(system.database.db, demo)).toBe(true);
  [{ id: meera }] = await system.database.db.query(`SELECT "id" FROM "creators" WHERE "handle" = 'meera.glows'`);
}, 180_000);

afterEach(() => closePanelSessions(sessions));

afterAll(async () => {
  await browser?.close();
  await system?.stop();
});

test("a creator's analytics page draws the NMV forecast with its 80 % band, labelled axes and the back-tested MASE beside both baselines'", async () => {
  const page = await signedIn(demo.manager.email);
  await page.goto(`${system.baseUrl}/admin/pages/analytics?kind=creators&id=${meera}`);
  const forecast = page.getByTestId('forecast');
  await forecast.getByTestId('forecast-chart').waitFor();
  expect(await forecast.getByTestId('forecast-title').textContent()).toMatch(/^NMV forecast \(INR\), the next 3 months, as at the end of \d{4}-\d{2}$/);

  // Twelve actual months, then three forecast months, each inside its band.
  expect(await forecast.getByTestId('forecast-actual').count()).toBe(12);
  const points = forecast.getByTestId('forecast-point');
  expect(await points.count()).toBe(3);
  for (let h = 0; h < 3; h += 1) {
    const point = points.nth(h);
    expect(await attr(point, 'data-value')).toBeGreaterThan(0);
    expect(await attr(point, 'data-low')).toBeLessThanOrEqual(await attr(point, 'data-value'));
    expect(await attr(point, 'data-high')).toBeGreaterThan(await attr(point, 'data-low'));
  }
  const band = forecast.getByTestId('forecast-band');
  expect(await band.isVisible()).toBe(true);
  // Four points along the top (the last actual month and three ahead) and back along the bottom.
  expect((await band.getAttribute('points'))!.split(' ')).toHaveLength(8);
  const box = await band.boundingBox();
  expect(box!.height).toBeGreaterThan(5);

  expect(await forecast.getByTestId('forecast-chart-y-axis-title').textContent()).toBe('NMV (INR)');
  expect(await forecast.getByTestId('forecast-chart-x-axis-title').textContent()).toBe('Month (UTC)');
  expect(await forecast.getByTestId('forecast-chart-x-axis-tick').count()).toBe(15);
  expect((await forecast.getByTestId('forecast-chart-y-axis-tick').allTextContents()).every((tick) => /₹|INR/.test(tick))).toBe(true);

  for (const score of ['forecast-mase', 'forecast-naive-mase', 'forecast-mean3-mase']) {
    expect(await forecast.getByTestId(`${score}-value`).textContent()).toMatch(/^\d+\.\d{2}$/);
  }
  expect(await forecast.getByTestId('forecast-wape-value').textContent()).toMatch(/%$/);
  await screenshotOf(forecast, 'forecast-creator');
});

test("the talent manager's and the team's analytics pages carry their forecast too, summed from their creators", async () => {
  const page = await signedIn(demo.manager.email);
  for (const [kind, id, name] of [['executives', demo.talentManager.id, 'executive'], ['teams', demo.manager.id, 'team']] as const) {
    await page.goto(`${system.baseUrl}/admin/pages/analytics?kind=${kind}&id=${id}`);
    const forecast = page.getByTestId('forecast');
    await forecast.getByTestId('forecast-band').waitFor();
    expect(await forecast.getByTestId('forecast-point').count()).toBe(3);
    expect(await forecast.getByTestId('forecast-chart-legend').textContent()).toContain('sum of its creators’ forecasts');
    await screenshotOf(forecast, `forecast-${name}`);
  }
});

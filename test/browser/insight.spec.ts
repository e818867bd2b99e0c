import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { ASHA_OCTOBER_2026, InsightDataset, OCTOBER_2026, seedInsightDataset } from '../support/insight-dataset';
import { ARTIFACTS, closePanelSessions, launchChromium, logIn, newPanelSession, screenshot, type PanelSession } from '../support/panel';
import { startSystem, type RunningSystem } from '../support/system';

/**
 * The insight pages of the back office (docs/insight.md) in Chromium, on the known dataset
 * (test/support/insight-dataset.ts) whose October 2026 answers were worked out by hand: the KPI
 * board of Maya's team, Asha's analytics with its four charts, the table and its CSV, and the
 * reach rules. The built API and worker, a fresh database; screenshots in test-artifacts/.
 */

let system: RunningSystem;
let browser: Browser;
let data: InsightDataset;
const sessions: PanelSession[] = [];

async function signedIn(user: { email: string }): Promise<Page> {
  const session = await newPanelSession(browser);
  sessions.push(session);
  await logIn(session.page, system.baseUrl, user.email, data.password);
  return session.page;
}

async function importCsv(user: { email: string }, kind: 'creator-sales' | 'post-performance', csv: string): Promise<void> {
  const response = await fetch(`${system.baseUrl}/imports/${kind}?filename=${kind}.csv`, {
    method: 'POST',
    headers: { authorization: system.basic(user.email, data.password), 'content-type': 'text/csv' },
    body: csv,
  });
  expect(response.status).toBe(200);
}

/** A screenshot of one part of the page (the panel scrolls inside its layout, so a full-page one stops at the window). */
async function screenshotOf(locator: Locator, name: string): Promise<void> {
  await locator.scrollIntoViewIfNeeded();
  await locator.screenshot({ path: path.join(ARTIFACTS, `${name}.png`) });
}

/** The whole page: the window made tall enough for it, then back. */
async function tallScreenshot(page: Page, name: string, height = 3400): Promise<void> {
  await page.setViewportSize({ width: 1400, height });
  await screenshot(page, name);
  await page.setViewportSize({ width: 1400, height: 900 });
}

const text = async (locator: Locator) => ((await locator.textContent()) ?? '').trim();
const texts = async (locator: Locator) => (await locator.allTextContents()).map((t) => t.trim());

beforeAll(async () => {
  [system, browser] = await Promise.all([startSystem(), launchChromium()]);
  data = await seedInsightDataset(system.database.db);
  await importCsv(data.tara, 'creator-sales', data.taraSalesCsv);
  await importCsv(data.omar, 'creator-sales', data.omarSalesCsv);
  await importCsv(data.tara, 'post-performance', data.postPerformanceCsv);
}, 180_000);

afterEach(() => closePanelSessions(sessions));

afterAll(async () => {
  await browser?.close();
  await system?.stop();
});

test("(a) Maya's KPI board for her team, October 2026: every KPI beside its target, the progress chart drawn", async () => {
  const page = await signedIn(data.maya);
  // Under "Pages" in the sidebar.
  await page.getByText('KPI board', { exact: true }).first().click();
  await page.getByTestId('kpi-whose').waitFor();
  const whose = await page.getByTestId('kpi-whose').locator('option').evaluateAll((options) => options.map((o) => (o as unknown as { value: string }).value));
  expect(whose).toEqual([`team:${data.maya.id}`, `executive:${data.tara.id}`]);
  await page.getByTestId('kpi-whose').selectOption(`team:${data.maya.id}`);
  await page.getByTestId('kpi-period-kind').selectOption('month');
  await page.goto(`${system.baseUrl}/admin/pages/kpiBoard?scope=team&id=${data.maya.id}&period=month&start=2026-10-01`);
  await page.getByTestId('kpi-row-on_time_delivery_rate').waitFor();
  expect(await text(page.getByTestId('kpi-board-title'))).toBe('Team of Maya Manager (2 people) · 2026-10');

  const cell = (row: string, what: 'actual' | 'target' | 'progress' | 'basis') => text(page.getByTestId(`kpi-row-${row}`).getByTestId(`kpi-${what}`));
  expect(await cell('on_time_delivery_rate', 'actual')).toBe('50 %');
  expect(await cell('on_time_delivery_rate', 'target')).toBe('90 %');
  expect(await cell('on_time_delivery_rate', 'progress')).toBe('56 % · not met');
  expect(await cell('on_time_delivery_rate', 'basis')).toBe('1 of 2 posts on time');
  expect(await cell('nmv-INR', 'actual')).toBe('INR 6,300.00');
  expect(await cell('nmv-INR', 'target')).toBe('INR 10,000.00');
  expect(await cell('nmv-INR', 'progress')).toBe('63 % · not met');
  expect(await cell('nmv_growth-INR', 'actual')).toBe('+57.5 %');
  expect(await cell('nmv_growth-INR', 'basis')).toBe('from INR 4,000.00 to INR 6,300.00');
  expect(await cell('revenue-INR', 'actual')).toBe('INR 10,000.00');
  expect(await cell('margin-INR', 'actual')).toBe('INR 2,500.00');
  expect(await cell('creator_retention', 'actual')).toBe('50 %');
  expect(await cell('creator_retention', 'basis')).toBe('1 of 2 creators booked again');
  expect(await cell('roster_churn', 'actual')).toBe('33 %');
  expect(await cell('escalations', 'actual')).toBe('0.67 per collaboration');
  expect(await cell('resolved_late_share', 'actual')).toBe('50 %');
  expect(await cell('rework_rate', 'actual')).toBe(`${OCTOBER_2026.rework.toFixed(2)} per deliverable`);
  expect(await cell('repeat_collaborations', 'actual')).toBe('50 %');
  expect(await cell('satisfaction', 'actual')).toBe('—');
  expect(await cell('satisfaction', 'target')).toBe('no target set');
  // Each KPI names its definition (tooltip and text).
  const onTimeName = page.getByTestId('kpi-row-on_time_delivery_rate').locator('td').first();
  expect(await onTimeName.getAttribute('title')).toMatch(/^Posts live by their scheduled time ÷ posts with a scheduled time/);
  await expect(page.getByTestId('kpi-definitions-link').textContent()).resolves.toBe('Definitions: docs/metrics.md');
  expect(await text(page.getByTestId('kpi-definitions'))).toContain('Creator retention: Creators booked in the previous period and again in this one');

  // The progress chart: both axes, 0 % to 150 %, the target line at 100 %, a bar per KPI with a target.
  const chart = page.getByTestId('kpi-progress-chart');
  await chart.waitFor();
  expect(await chart.locator('[data-testid="kpi-progress-chart-x-axis-line"]').count()).toBe(1);
  expect(await chart.locator('[data-testid="kpi-progress-chart-y-axis-line"]').count()).toBe(1);
  expect(await texts(chart.getByTestId('kpi-progress-chart-x-axis-tick'))).toEqual(['0 %', '25 %', '50 %', '75 %', '100 %', '125 %', '150 %']);
  expect(await texts(chart.getByTestId('kpi-progress-chart-y-axis-tick'))).toContain('NMV (INR)');
  expect(await text(chart.getByTestId('kpi-progress-chart-target'))).toBe('target (100 %)');
  expect(await text(chart.getByTestId('kpi-progress-chart-legend'))).toContain('target met');
  const bars = chart.getByTestId('bar');
  expect(await bars.count()).toBe(2);
  expect(await chart.locator('[data-kpi="nmv-INR"]').getAttribute('data-value')).toBe('0.63');
  const box = await chart.locator('[data-kpi="nmv-INR"]').boundingBox();
  expect(box?.width).toBeGreaterThan(50);
  await tallScreenshot(page, 'insight-kpi-board-maya-team-october', 2600);
  await screenshotOf(chart, 'insight-kpi-board-maya-team-october-progress-chart');
});

test("(b) Asha's analytics for October 2026: totals, four charts with axes and legends, the table linking on and its CSV", async () => {
  const page = await signedIn(data.maya);
  // From the creator's record: "Analytics" opens the page preset to her.
  await page.goto(`${system.baseUrl}/admin/resources/Creator/records/${data.creators.asha.id}/show`);
  await page.getByTestId('related-analytics').click();
  await page.waitForURL(/\/admin\/pages\/analytics\?kind=creators&id=/);
  await page.getByTestId('analytics-title').waitFor();
  expect(await page.getByTestId('analytics-entity').inputValue()).toBe(data.creators.asha.id);
  // October 2026 from the picker when it still offers it (the last 18 months), else by address.
  const offered = await page.getByTestId('analytics-period').locator('option[value="2026-10-01"]').count();
  if (offered) await page.getByTestId('analytics-period').selectOption('2026-10-01');
  else await page.goto(`${system.baseUrl}/admin/pages/analytics?kind=creators&id=${data.creators.asha.id}&period=month&start=2026-10-01`);
  await page.getByText('Asha Rao · creator · 2026-10').waitFor();

  const total = (id: string) => text(page.getByTestId(`total-${id}`).getByTestId(`total-${id}-value`).first());
  expect(await total('nmv')).toBe('INR 4,500.00');
  expect(await total('gmv')).toBe('INR 5,000.00');
  expect(await total('spend')).toBe('INR 10,000.00');
  expect(await total('roas')).toBe(`${ASHA_OCTOBER_2026.roasInr} (INR)`);
  expect(await total('roi')).toBe('-55.0 %');
  expect(await total('engagement')).toBe('5.0 %');
  expect(await total('engagement-reach')).toBe('8.0 %');
  expect(await total('conversion')).toBe('3.0 %');
  expect(await total('views')).toBe('20,000');
  expect(await page.getByTestId('total-nmv').getAttribute('title')).toMatch(/GMV − returns − cancellations of settled creator sales/);

  const months = ["Nov '25", "Dec '25", "Jan '26", "Feb '26", "Mar '26", "Apr '26", "May '26", "Jun '26", "Jul '26", "Aug '26", "Sep '26", "Oct '26"];
  const charts: Array<{ id: string; unit: RegExp; legend: string[] }> = [
    { id: 'chart-nmv', unit: /^INR \d+(\.\d)?[KMB]?$/, legend: ['NMV (INR)', 'MoM growth'] },
    { id: 'chart-roas', unit: /^\d+\.\d+×$/, legend: ['ROAS (INR)'] },
    { id: 'chart-engagement', unit: /^\d+(\.\d+)? %$/, legend: ['Engagement rate by views'] },
    { id: 'chart-conversion', unit: /^\d+(\.\d+)? %$/, legend: ['Conversion'] },
  ];
  for (const { id, unit, legend } of charts) {
    const svg = page.locator(`svg[data-testid="${id}"]`);
    await svg.waitFor();
    expect(await svg.locator(`[data-testid="${id}-x-axis-line"]`).count()).toBe(1);
    expect(await svg.locator(`[data-testid="${id}-y-axis-line"]`).count()).toBe(1);
    expect(await texts(svg.getByTestId(`${id}-x-axis-tick`))).toEqual(months);
    const ticks = await texts(svg.getByTestId(`${id}-y-axis-tick`));
    expect(ticks.length).toBeGreaterThanOrEqual(3);
    for (const tick of ticks) expect(tick).toMatch(unit);
    expect(await text(svg.getByTestId(`${id}-y-axis-title`))).not.toBe('');
    const legendText = await text(svg.getByTestId(`${id}-legend`));
    for (const name of legend) expect(legendText).toContain(name);
    const box = await svg.boundingBox();
    expect(box?.width).toBeGreaterThan(300);
  }
  // NMV: 12 bars, September and October measured; growth: 12 points, October +12.5 %.
  const nmvBars = page.locator('svg[data-testid="chart-nmv"] [data-testid="bar"]');
  expect(await nmvBars.count()).toBe(12);
  expect(await page.locator('svg[data-testid="chart-nmv"] [data-testid="bar"][data-month="2026-10-01"]').getAttribute('data-value')).toBe(String(ASHA_OCTOBER_2026.nmvInr));
  expect(await page.locator('svg[data-testid="chart-nmv"] [data-testid="bar"][data-month="2026-09-01"]').getAttribute('data-value')).toBe(String(ASHA_OCTOBER_2026.septemberNmvInr));
  expect(await page.locator('svg[data-testid="chart-nmv"] [data-testid="chart-nmv-y2-axis-line"]').count()).toBe(1);
  const growthTicks = await texts(page.locator('svg[data-testid="chart-nmv"]').getByTestId('chart-nmv-y2-axis-tick'));
  expect(new Set(growthTicks).size).toBe(growthTicks.length);
  for (const tick of growthTicks) expect(tick).toMatch(/^[+-]?\d+(\.\d+)? %$/);
  expect(await page.locator('svg[data-testid="chart-nmv"] [data-testid="point"]').count()).toBe(12);
  expect(await page.locator('svg[data-testid="chart-nmv"] [data-testid="point"][data-month="2026-10-01"]').getAttribute('data-value')).toBe(String(ASHA_OCTOBER_2026.growthInr));
  for (const [id, october] of [['chart-roas', ASHA_OCTOBER_2026.roasInr], ['chart-engagement', 0.05], ['chart-conversion', 0.03]] as const) {
    expect(await page.locator(`svg[data-testid="${id}"] [data-testid="point"]`).count()).toBe(12);
    expect(await page.locator(`svg[data-testid="${id}"] [data-testid="point"][data-month="2026-10-01"]`).getAttribute('data-value')).toBe(String(october));
  }
  await tallScreenshot(page, 'insight-analytics-asha-october', 2000);
  await screenshotOf(page.getByTestId('analytics-totals'), 'insight-analytics-asha-october-totals');
  for (const { id } of charts) await screenshotOf(page.getByTestId(`${id}-box`), `insight-analytics-asha-october-${id}`);

  // The table below: her October collaboration, linking to its record.
  const rows = page.getByTestId('analytics-row');
  expect(await rows.count()).toBe(1);
  expect(await text(rows.first().getByTestId('cell-detail'))).toBe('COMPLETED');
  expect(await text(rows.first().getByTestId('cell-spend'))).toBe('INR 10,000.00');

  // The CSV: the same lines as the REST API's table.csv.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('analytics-csv').click()]);
  expect(download.suggestedFilename()).toBe('analytics-creators-asha-rao-2026-10.csv');
  const csv = fs.readFileSync((await download.path()) as string, 'utf8');
  const lines = csv.trim().split('\r\n');
  expect(lines[0]).toBe('id,name,detail,currency,nmv_minor,gmv_minor,spend_minor,roas,roi,orders,posts,views,engagement_rate_by_views,engagement_rate_by_reach,conversion');
  expect(lines).toHaveLength(2);
  expect(lines[1]).toContain(',COMPLETED,INR,,,1000000,,,0,3,20000,0.05,0.08,0.03');
  const fromApi = await fetch(`${system.baseUrl}/analytics/creators/${data.creators.asha.id}/table.csv?period=month&start=2026-10-01`, {
    headers: { authorization: system.basic(data.maya.email, data.password) },
  });
  expect(csv).toBe(await fromApi.text());

  const link = rows.first().getByTestId('analytics-row-link');
  const id = (await rows.first().getAttribute('data-id')) as string;
  expect(await link.getAttribute('href')).toBe(`/admin/resources/Collaboration/records/${id}/show`);
  await link.click();
  await page.waitForURL(new RegExp(`/admin/resources/Collaboration/records/${id}/show`));
});

test("(c) the team's page links on to Tara's, whose creators sort by a column", async () => {
  const page = await signedIn(data.maya);
  await page.goto(`${system.baseUrl}/admin/pages/analytics?kind=teams&id=${data.maya.id}&period=month&start=2026-10-01`);
  await page.getByText('Maya Manager · team').first().waitFor();
  expect(await text(page.getByTestId('total-nmv').getByTestId('total-nmv-value').first())).toBe('INR 6,300.00');
  await page.getByTestId('analytics-row-link').filter({ hasText: 'Tara Talent' }).click();
  await page.getByText('Tara Talent · talent manager (executive) · 2026-10').waitFor();
  expect(new URL(page.url()).searchParams.get('kind')).toBe('executives');
  const names = () => texts(page.getByTestId('analytics-row').getByTestId('cell-name'));
  expect(await names()).toEqual(['Asha Rao', 'Bina Shah', 'Chen Li']);
  await page.getByTestId('sort-nmv').click();
  expect(await names()).toEqual(['Bina Shah', 'Asha Rao', 'Chen Li']);
  await page.getByTestId('sort-nmv').click();
  // Chen sold nothing: not measurable, last either way.
  expect(await names()).toEqual(['Asha Rao', 'Bina Shah', 'Chen Li']);
  expect(await page.getByTestId('sort-nmv').locator('..').getAttribute('aria-sort')).toBe('descending');
  // A custom range: 1 to 31 October is October.
  await page.getByTestId('analytics-period-kind').selectOption('custom');
  await page.getByTestId('analytics-from').fill('2026-10-01');
  await page.getByTestId('analytics-to').fill('2026-10-31');
  await page.getByTestId('analytics-apply').click();
  await page.getByText('Tara Talent · talent manager (executive) · 2026-10-01 – 2026-10-31').waitFor();
  expect(await text(page.getByTestId('total-nmv').getByTestId('total-nmv-value').first())).toBe('INR 6,300.00');
  await tallScreenshot(page, 'insight-analytics-tara-executive-custom', 2000);
  await screenshotOf(page.getByTestId('analytics-table-box'), 'insight-analytics-tara-executive-custom-table');
});

test("(d) Tara sees only her own board, and is refused Maya's team when she forces it", async () => {
  const page = await signedIn(data.tara);
  await page.goto(`${system.baseUrl}/admin/pages/kpiBoard`);
  await page.getByTestId('kpi-whose').waitFor();
  const whose = await page.getByTestId('kpi-whose').locator('option').evaluateAll((options) => options.map((o) => (o as unknown as { value: string }).value));
  expect(whose).toEqual([`executive:${data.tara.id}`]);

  await page.goto(`${system.baseUrl}/admin/pages/kpiBoard?scope=team&id=${data.maya.id}&period=month&start=2026-10-01`);
  const error = page.getByTestId('kpi-board-error');
  await error.waitFor();
  expect(await text(error)).toContain('The team of Maya Manager belongs to someone else; a talent manager acts only on their own');
  expect(await page.getByTestId('kpi-table').count()).toBe(0);
  const answer = await page.evaluate(async (id) => {
    const response = await fetch(`/admin/api/pages/kpiBoard?scope=team&id=${id}&period=month&start=2026-10-01`);
    return { status: response.status, body: (await response.json()) as { board: unknown; error: string } };
  }, data.maya.id);
  expect(answer.status).toBe(403);
  expect(answer.body.board).toBeNull();
  await screenshot(page, 'insight-kpi-board-tara-refused');

  // Her own board works; the analytics of Maya's team and of another team's creator are refused too.
  await page.goto(`${system.baseUrl}/admin/pages/kpiBoard?scope=executive&id=${data.tara.id}&period=month&start=2026-10-01`);
  expect(await text(page.getByTestId('kpi-row-nmv-INR').getByTestId('kpi-actual'))).toBe('INR 6,300.00');
  await page.goto(`${system.baseUrl}/admin/pages/analytics?kind=creators&id=${data.creators.dev.id}&period=month&start=2026-10-01`);
  await page.getByTestId('analytics-error').waitFor();
  expect(await text(page.getByTestId('analytics-error'))).toContain('belongs to someone else');
  expect(await page.getByTestId('analytics-totals').count()).toBe(0);
  const csv = await page.evaluate(async (id) => (await fetch(`/admin/api/pages/analytics?kind=creators&id=${id}&period=month&start=2026-10-01&format=csv`)).status, data.creators.dev.id);
  expect(csv).toBe(403);
  // The creators she may pick are her own.
  await page.goto(`${system.baseUrl}/admin/pages/analytics?kind=creators`);
  await page.getByTestId('analytics-entity').waitFor();
  const creators = await page.getByTestId('analytics-entity').locator('option').evaluateAll((options) => options.map((o) => (o as unknown as { value: string }).value).sort());
  expect(creators).toEqual([data.creators.asha.id, data.creators.bina.id, data.creators.chen.id].sort());
});

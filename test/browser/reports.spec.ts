import type { Browser } from 'playwright-core';
import { Report } from '../../libs/domain/entities';
import { InsightDataset, seedInsightDataset } from '../support/insight-dataset';
import { closePanelSessions, launchChromium, logIn, newPanelSession, screenshot, type PanelSession } from '../support/panel';
import { startSystem, type RunningSystem } from '../support/system';

/** The reports page: a team lead's monthly report made from the panel, listed, its files downloaded. */
describe('monthly reports in the panel', () => {
  let system: RunningSystem;
  let browser: Browser;
  let data: InsightDataset;
  const sessions: PanelSession[] = [];

  beforeAll(async () => {
    system = await startSystem();
    data = await seedInsightDataset(system.database.db);
    const response = await fetch(`${system.baseUrl}/imports/creator-sales`, {
      method: 'POST',
      headers: { authorization: system.basic(data.tara.email, data.password), 'content-type': 'text/csv' },
      body: data.taraSalesCsv,
    });
    expect(response.status).toBe(200);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await closePanelSessions(sessions);
    await browser?.close();
    await system?.stop();
  });

  it("makes Maya's October report on demand, lists it and downloads its PDF and CSV", async () => {
    const session = await newPanelSession(browser);
    sessions.push(session);
    const { page } = session;
    await logIn(page, system.baseUrl, data.maya.email, data.password);
    await page.goto(`${system.baseUrl}/admin/pages/reports`);
    await page.getByTestId('reports-page').waitFor();
    expect(await page.getByTestId('reports-empty').textContent()).toBe('No reports yet.');

    await page.getByTestId('report-team').selectOption(data.maya.id);
    await page.getByTestId('report-month').selectOption('2026-10-01');
    await page.getByTestId('report-make').click();
    await page.getByTestId('report-row').first().waitFor({ timeout: 60_000 });
    const row = await page.getByTestId('report-row').first().textContent();
    expect(row).toContain('Maya Manager');
    expect(row).toContain('2026-10');
    expect(row).toContain('on demand');
    expect(row).toContain('Asha Rao');
    expect(row).toContain('On-time delivery is 50 % against a target of 90 %.');
    await screenshot(page, 'reports-page-made');

    const pdfUrl = await page.getByTestId('report-pdf').first().getAttribute('href');
    const csvUrl = await page.getByTestId('report-csv').first().getAttribute('href');
    const downloaded = await page.evaluate(async ([pdf, csv]) => {
      const a = await fetch(pdf!);
      const b = await fetch(csv!);
      const bytes = new Uint8Array(await a.arrayBuffer());
      return { pdfType: a.headers.get('content-type'), pdfStart: String.fromCharCode(...bytes.slice(0, 5)), csv: await b.text() };
    }, [pdfUrl, csvUrl]);
    expect(downloaded.pdfType).toBe('application/pdf');
    expect(downloaded.pdfStart).toBe('%PDF-');
    expect(downloaded.csv).toContain('outcome,NMV,INR,630000,1000000,0.63,missed; in INR');
    expect(await system.database.db.getRepository(Report).countBy({ subjectId: data.maya.id })).toBe(1);
  });

  it('offers Tara (a talent manager) no team to report on, and refuses her when forced', async () => {
    const session = await newPanelSession(browser);
    sessions.push(session);
    const { page } = session;
    await logIn(page, system.baseUrl, data.tara.email, data.password);
    await page.goto(`${system.baseUrl}/admin/pages/reports`);
    await page.getByTestId('reports-page').waitFor();
    expect(await page.getByTestId('report-make').count()).toBe(0);
    // Her own team lead's report is within her reach? No: a team's figures are the manager's.
    expect(await page.getByTestId('report-row').count()).toBe(0);
    const forced = await page.evaluate(async (managerId) => {
      const response = await fetch('/admin/api/pages/reports', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ managerId, month: '2026-10-01' }) });
      return { status: response.status, body: (await response.json()) as { error?: string } };
    }, data.maya.id);
    expect(forced.status).toBe(403);
    expect(forced.body.error).toMatch(/belongs to someone else/);
  });
});

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Browser } from 'playwright-core';
import { CreatorSale } from '../../libs/domain/entities';
import { InsightDataset, seedInsightDataset } from '../support/insight-dataset';
import { closePanelSessions, launchChromium, logIn, newPanelSession, screenshot, type PanelSession } from '../support/panel';
import { startSystem, type RunningSystem } from '../support/system';

/** Importing performance data from the panel: a preview of the rows and the bad lines, then all-or-nothing or good rows only. */
describe('the panel upload of performance data', () => {
  let system: RunningSystem;
  let browser: Browser;
  let data: InsightDataset;
  const sessions: PanelSession[] = [];

  beforeAll(async () => {
    system = await startSystem();
    data = await seedInsightDataset(system.database.db);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await closePanelSessions(sessions);
    await browser?.close();
    await system?.stop();
  });

  it('previews a file with a bad row, refuses it whole, then stores its good rows when asked', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'upload-')), 'november.csv');
    fs.writeFileSync(
      file,
      [
        'date,creator,orders,gmv,returns,cancellations,currency',
        `2026-11-02,${data.creators.asha.handle},3,1500.00,0,0,INR`,
        `2026-11-03,${data.creators.bina.handle},2,abc,0,0,INR`,
        `2026-11-04,${data.creators.bina.handle},1,700.50,0,0,INR`,
      ].join('\n'),
    );
    const session = await newPanelSession(browser);
    sessions.push(session);
    const { page } = session;
    await logIn(page, system.baseUrl, data.tara.email, data.password);
    await page.goto(`${system.baseUrl}/admin/resources/Import/actions/upload`);
    await page.getByTestId('import-upload').waitFor();
    await page.getByTestId('import-file').setInputFiles(file);

    await page.getByTestId('import-preview').click();
    await page.getByTestId('import-outcome').filter({ hasText: /^Preview:/ }).waitFor();
    expect(await page.getByTestId('import-outcome').textContent()).toBe('Preview: 1 bad, 2 good rows shown — nothing stored');
    const rejected = await page.getByTestId('import-rejected').textContent();
    expect(rejected).toContain('3');
    expect(rejected).toContain('gmv');
    expect(await page.getByTestId('import-preview-rows').locator('tbody tr').count()).toBe(2);
    await screenshot(page, 'imports-upload-preview');
    const sales = () => system.database.db.getRepository(CreatorSale).countBy({ date: '2026-11-02' });
    expect(await sales()).toBe(0);

    await page.getByTestId('import-submit').click();
    await page.getByTestId('import-outcome').filter({ hasText: /^Nothing stored/ }).waitFor();
    expect(await sales()).toBe(0);

    await page.getByTestId('import-partial').check();
    await page.getByTestId('import-submit').click();
    await page.getByTestId('import-outcome').filter({ hasText: /^Stored:/ }).waitFor({ timeout: 15_000 }).catch(async (error) => {
      throw new Error(`${(error as Error).message}; the page says: ${await page.getByTestId('import-upload').textContent()}`);
    });
    expect(await page.getByTestId('import-outcome').textContent()).toBe('Stored: 2 new, 0 replaced, 1 bad rows left out');
    expect(await sales()).toBe(1);
    await screenshot(page, 'imports-upload-stored');
  });
});

import type { Browser } from 'playwright-core';
import { Collaboration } from '../../libs/domain/entities';
import { waitFor } from '../../scripts/lib/ports';
import { createTeam, type Team } from '../support/fixtures';
import { closePanelSessions, launchChromium, logIn, newPanelSession, screenshot, type PanelSession } from '../support/panel';
import { seedRankingScenario, type RankingScenario } from '../support/recommendation-fixtures';
import { requestJson } from '../support/rest-client';
import { startSystem, type RunningSystem } from '../support/system';

/** "Find creators": a campaign's ranking with each factor's contribution, and booking two creators from it. */
describe('Find creators in the panel', () => {
  let system: RunningSystem;
  let browser: Browser;
  let team: Team;
  let scenario: RankingScenario;
  const sessions: PanelSession[] = [];

  beforeAll(async () => {
    system = await startSystem();
    team = await createTeam(system.database.db);
    scenario = await seedRankingScenario(system, team, await createTeam(system.database.db));
    browser = await launchChromium();
  });

  afterAll(async () => {
    await closePanelSessions(sessions);
    await browser?.close();
    await system?.stop();
  });

  it('shows the ranking with contributions and the excluded, books the two chosen creators and starts their workflows', async () => {
    const session = await newPanelSession(browser);
    sessions.push(session);
    const { page } = session;
    await logIn(page, system.baseUrl, team.talentManager.email, team.password);
    // From the campaign's page, as a user gets there.
    await page.goto(`${system.baseUrl}/admin/resources/Campaign/records/${scenario.campaignId}/show`);
    await page.getByTestId('related-findCreators').click();
    await page.getByTestId('find-ranking').waitFor();
    expect(new URL(page.url()).searchParams.get('campaign')).toBe(scenario.campaignId);

    const rows = page.getByTestId('find-row');
    expect(await page.getByTestId('find-name').allTextContents()).toEqual(['Ada Both', 'Bea Skin', 'Cai Pricey', 'Dev Food']);
    expect(await rows.first().getByTestId('find-score').textContent()).toBe('70.0');
    const niche = rows.first().getByTestId('find-factor-nicheFit');
    expect(await niche.textContent()).toBe('15.0');
    expect(await niche.getAttribute('title')).toBe('covers 2 of the 2 niches the brief asks for (skincare, beauty)');
    expect(await rows.nth(2).getByTestId('find-factor-priceFit').getAttribute('title')).toMatch(/60% over the fee ceiling/);
    const excluded = await page.getByTestId('find-excluded-row').allTextContents();
    expect(excluded).toEqual([expect.stringMatching(/^Eli Exclusive: exclusivity: /), expect.stringMatching(/^Fay Refuses: refused category: /)]);
    await screenshot(page, 'find-creators-ranking');

    await rows.nth(0).getByTestId('find-choose').check();
    await rows.nth(1).getByTestId('find-choose').check();
    await page.getByTestId('find-book').click();
    await page.getByTestId('find-booked').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('find-booked-link').allTextContents()).toEqual(['Ada Both', 'Bea Skin']);
    // Booked now: out of the ranking, listed as booked.
    await page.getByTestId('find-ranking').waitFor();
    expect(await page.getByTestId('find-name').allTextContents()).toEqual(['Cai Pricey', 'Dev Food']);
    expect(await page.getByTestId('find-excluded-row').allTextContents()).toEqual(
      expect.arrayContaining(['Ada Both: is already booked on this campaign', 'Bea Skin: is already booked on this campaign']),
    );
    await screenshot(page, 'find-creators-booked');

    const bookings = await system.database.db.getRepository(Collaboration).findBy({ campaignId: scenario.campaignId });
    expect(bookings.map((b) => b.creatorId).sort()).toEqual([scenario.ids['Ada Both'], scenario.ids['Bea Skin']].sort());
    const auth = system.basic(team.talentManager.email, team.password);
    for (const booking of bookings) {
      const live = await waitFor(`the workflow of ${booking.id}`, async () => {
        const response = await requestJson(system.baseUrl, 'GET', `/collaborations/${booking.id}`, auth);
        // Its workflow projected BRIEFED (with the stage's deadlines).
        return response.body.state?.deadlines?.length ? response.body.state : undefined;
      });
      expect(live.stage).toBe('BRIEFED');
    }
  });

  it('refuses to book a creator the ranking excludes', async () => {
    const session = await newPanelSession(browser);
    sessions.push(session);
    const { page } = session;
    await logIn(page, system.baseUrl, team.talentManager.email, team.password);
    await page.goto(`${system.baseUrl}/admin/pages/findCreators?campaign=${scenario.campaignId}`);
    await page.getByTestId('find-ranking').waitFor();
    const forced = await page.evaluate(async ([campaign, creator]) => {
      const response = await fetch('/admin/api/pages/findCreators', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ campaign, creators: creator }) });
      return { status: response.status, body: (await response.json()) as { refused?: { name: string; reason: string }[] } };
    }, [scenario.campaignId, scenario.ids['Fay Refuses']]);
    expect(forced.status).toBe(422);
    expect(forced.body.refused).toEqual([{ creatorId: scenario.ids['Fay Refuses'], name: 'Fay Refuses', reason: expect.stringMatching(/^is excluded: refused category: Fay Refuses refuses skincare/) }]);
    expect(await system.database.db.getRepository(Collaboration).countBy({ creatorId: scenario.ids['Fay Refuses'] })).toBe(0);
  });
});

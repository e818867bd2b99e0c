import { waitFor } from '../../scripts/lib/ports';
import { createTeam, Team } from '../support/fixtures';
import { seedRankingScenario } from '../support/recommendation-fixtures';
import { requestJson } from '../support/rest-client';
import { RunningSystem, startSystem } from '../support/system';

interface Ranked {
  creatorId: string;
  name: string;
  score: number;
  factors: { name: string; value: number; weight: number; contribution: number; explanation: string }[];
}

/**
 * Creator recommendations for a brief, through the built API and worker: seeded creators whose
 * order follows from the brief by hand, two excluded by the conflict rule, then two booked from
 * the ranking with their workflows running.
 */
describe('GET /campaigns/:id/candidates', () => {
  let system: RunningSystem;
  let team: Team;
  let asTalentManager: string;
  let ids: Record<string, string>;
  let campaignId: string;

  const call = (method: string, path: string, auth: string | null, body?: unknown) => requestJson(system.baseUrl, method, path, auth, body);

  beforeAll(async () => {
    system = await startSystem();
    team = await createTeam(system.database.db);
    asTalentManager = system.basic(team.talentManager.email, team.password);
    ({ campaignId, ids } = await seedRankingScenario(system, team, await createTeam(system.database.db)));
  });

  afterAll(async () => {
    await system?.stop();
  });

  it('ranks the pool within reach in the expected order, explains every factor, and lists the excluded with reasons', async () => {
    const { status, body } = await call('GET', `/campaigns/${campaignId}/candidates`, asTalentManager);
    expect(status).toBe(200);
    const items = body.items as Ranked[];
    expect(items.map((item) => item.name)).toEqual(['Ada Both', 'Bea Skin', 'Cai Pricey', 'Dev Food']);
    for (const item of items) {
      expect(item.score).toBeCloseTo(item.factors.reduce((sum, factor) => sum + factor.contribution, 0), 6);
      expect(item.factors.reduce((sum, factor) => sum + factor.weight, 0)).toBeCloseTo(1, 9);
      for (const factor of item.factors) expect(factor.contribution).toBeCloseTo(factor.value * factor.weight * 100, 2);
    }
    const factor = (name: string, key: string) => items.find((item) => item.name === name)!.factors.find((f) => f.name === key)!;
    expect(factor('Ada Both', 'nicheFit')).toMatchObject({ value: 1, contribution: 15 });
    expect(factor('Cai Pricey', 'audienceFit').value).toBeCloseTo(0.7, 4);
    expect(factor('Cai Pricey', 'priceFit')).toMatchObject({ value: 0.4 });
    expect(factor('Cai Pricey', 'priceFit').explanation).toMatch(/60% over the fee ceiling/);

    expect(body.excluded).toEqual([
      { creatorId: ids['Eli Exclusive'], name: 'Eli Exclusive', reasons: [expect.stringMatching(/^exclusivity: Eli Exclusive is exclusive to ShineCorp in skincare/)] },
      { creatorId: ids['Fay Refuses'], name: 'Fay Refuses', reasons: [expect.stringMatching(/^refused category: Fay Refuses refuses skincare/)] },
    ]);
    // Another team's creator is outside a talent manager's reach: neither ranked nor listed.
    expect(JSON.stringify(body)).not.toContain(ids['Gus Elsewhere']);
  });

  it('takes limit 1–100, default 20, and refuses anything else with 400', async () => {
    expect((await call('GET', `/campaigns/${campaignId}/candidates?limit=2`, asTalentManager)).body.items).toHaveLength(2);
    for (const bad of ['0', '101', 'ten', '2.5']) {
      expect((await call('GET', `/campaigns/${campaignId}/candidates?limit=${bad}`, asTalentManager)).status).toBe(400);
    }
    expect((await call('GET', '/campaigns/00000000-0000-4000-8000-000000000000/candidates', asTalentManager)).status).toBe(404);
  });

  it('books the top two from the ranking through POST /collaborations, starts their workflows, and then lists them as booked', async () => {
    const ranking = (await call('GET', `/campaigns/${campaignId}/candidates`, asTalentManager)).body.items as Ranked[];
    const chosen = ranking.slice(0, 2);
    const bookings = [];
    for (const candidate of chosen) {
      const created = await call('POST', '/collaborations', asTalentManager, { campaignId, creatorId: candidate.creatorId, brandPriceMinor: 6_000_000, creatorFeeMinor: 4_000_000 });
      expect(created.status).toBe(201);
      bookings.push(created.body);
    }
    for (const booking of bookings) {
      const view = await waitFor(`the workflow of ${booking.id}`, async () => {
        const response = await call('GET', `/collaborations/${booking.id}`, asTalentManager);
        // Its workflow projected BRIEFED (with the stage's deadlines).
        return response.body.state?.deadlines?.length ? response : undefined;
      });
      expect(view.body.state.stage).toBe('BRIEFED');
    }

    const after = (await call('GET', `/campaigns/${campaignId}/candidates`, asTalentManager)).body;
    expect((after.items as Ranked[]).map((item) => item.name)).toEqual(['Cai Pricey', 'Dev Food']);
    for (const candidate of chosen) {
      expect(after.excluded).toContainEqual({ creatorId: candidate.creatorId, name: candidate.name, reasons: ['is already booked on this campaign'] });
    }
    // Cai's audience is 70 % like the booked creators': the overlap penalty now counts.
    const overlap = (after.items as Ranked[])[0].factors.find((f) => f.name === 'audienceOverlap')!;
    expect(overlap.value).toBeCloseTo(0.3, 4);
    expect(overlap.explanation).toMatch(/70% similar to (Ada Both|Bea Skin), already booked/);
  });

  it('uses the weights a team lead sets for their team', async () => {
    const asManager = system.basic(team.manager.email, team.password);
    expect((await call('PUT', '/recommendation-weights', asManager, { weights: { nicheFit: 0.5 } })).status).toBe(400);
    const set = await call('PUT', '/recommendation-weights', asManager, { weights: { nicheFit: 0.05, audienceFit: 0.05, nmvPerPost: 0.15, priceFit: 0.35 } });
    expect(set.status).toBe(200);
    const ranked = (await call('GET', `/campaigns/${campaignId}/candidates`, asTalentManager)).body.items as Ranked[];
    // Price now outweighs niche and audience: Dev (no rate card, neutral) passes Cai (60 % over the ceiling), 45 to 44.
    expect(ranked.map((item) => item.name)).toEqual(['Dev Food', 'Cai Pricey']);
    expect(ranked[0].factors.find((f) => f.name === 'priceFit')!.weight).toBe(0.35);
  });

  it('edits the targeting the ranking reads through PATCH /campaigns/:id/targeting, validated', async () => {
    const asManager = system.basic(team.manager.email, team.password);
    const patch = (body: unknown) => call('PATCH', `/campaigns/${campaignId}/targeting`, asManager, body);
    // The campaign is the manager's: a talent manager may not edit it (the same reach as closing it).
    expect((await call('PATCH', `/campaigns/${campaignId}/targeting`, asTalentManager, { targetNiches: ['food'] })).status).toBe(403);
    const inverted = await patch({ creatorFeeMinMinor: 6_000_000, creatorFeeMaxMinor: 5_000_000 });
    expect(inverted.status).toBe(400);
    expect(inverted.body.message).toMatch(/creatorFeeMinMinor \(6000000\) must not be above creatorFeeMaxMinor \(5000000\)/);
    expect((await patch({ creatorFeeMinMinor: 6_000_000 })).status).toBe(400);
    expect((await patch({ targetPlatforms: ['myspace'] })).status).toBe(400);
    expect((await patch({ deliverableTypes: ['billboard'] })).status).toBe(400);
    expect((await patch({ creatorFeeMaxMinor: -1 })).status).toBe(400);
    expect((await patch({ targetNiches: [''] })).status).toBe(400);

    const edited = await patch({ targetNiches: ['food'], brandSafetyExclusions: ['gambling', 'alcohol'] });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ targetNiches: ['food'], brandSafetyExclusions: ['gambling', 'alcohol'], creatorFeeMaxMinor: 5_000_000, targetPlatforms: ['instagram'] });
    const ranked = (await call('GET', `/campaigns/${campaignId}/candidates`, asTalentManager)).body.items as Ranked[];
    const dev = ranked.find((item) => item.name === 'Dev Food')!;
    expect(dev.factors.find((f) => f.name === 'nicheFit')).toMatchObject({ value: 1, explanation: 'covers 1 of the 1 niches the brief asks for (food)' });
  });
});

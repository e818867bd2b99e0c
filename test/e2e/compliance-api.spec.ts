import { randomBytes } from 'node:crypto';
import { DraftSubmission } from '../../libs/domain/entities';
import { waitFor } from '../../scripts/lib/ports';
import { createTeam, Team } from '../support/fixtures';
import { requestJson } from '../support/rest-client';
import { RunningSystem, startSystem } from '../support/system';
import { upcomingCampaign } from '../support/dates';

/**
 * Disclosure compliance through the REST API (docs/compliance.md): the UK as a campaign market,
 * the creator's compliance facts on the profile, and drafts that declare how a video discloses,
 * checked by the built worker's workflow against the published guidance.
 */
describe('disclosure compliance through the REST API', () => {
  let system: RunningSystem;
  let team: Team;
  let asTalentManager: string;
  let asManager: string;

  beforeAll(async () => {
    system = await startSystem();
    team = await createTeam(system.database.db);
    asTalentManager = system.basic(team.talentManager.email, team.password);
    asManager = system.basic(team.manager.email, team.password);
  });

  afterAll(async () => {
    await system?.stop();
  });

  const call = (method: string, path: string, auth: string, body?: unknown) => requestJson(system.baseUrl, method, path, auth, body);
  const stageOf = async (id: string) => (await call('GET', `/collaborations/${id}`, asTalentManager)).body.collaboration.stage as string;

  async function campaignIn(market: string) {
    const brand = await call('POST', '/brands', asTalentManager, { name: `GlowCo ${market} ${randomBytes(4).toString('hex')}`, category: 'skincare' });
    expect(brand.status).toBe(201);
    return call('POST', '/campaigns', asTalentManager, {
      brandId: brand.body.id,
      name: `Winter Glow ${market}`,
      market,
      budgetMinor: 150000000,
      currency: market === 'GB' ? 'GBP' : market === 'US' ? 'USD' : 'INR',
      ...upcomingCampaign(),
      ownerId: team.manager.id,
    });
  }

  it('accepts GB as a campaign market and refuses a market it has no rules for', async () => {
    const uk = await campaignIn('GB');
    expect(uk.status).toBe(201);
    expect(uk.body).toMatchObject({ market: 'GB' });
    expect((await call('GET', `/campaigns/${uk.body.id}`, asTalentManager)).body).toMatchObject({ market: 'GB' });
    const stored = await system.database.db.query(`SELECT market FROM campaigns WHERE id = $1`, [uk.body.id]);
    expect(stored).toEqual([{ market: 'GB' }]);

    const france = await campaignIn('FR');
    expect(france.status).toBe(400);
    expect(JSON.stringify(france.body.message)).toContain('market');
  });

  it("keeps a creator's virtual status and qualifications, and checks them", async () => {
    const created = await call('POST', '/creators', asTalentManager, {
      name: 'Nova', handle: `nova.virtual.${randomBytes(4).toString('hex')}`, isVirtual: true, qualifications: ['MBBS'],
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ isVirtual: true, qualifications: ['MBBS'] });
    const bad = await call('POST', '/creators', asTalentManager, { name: 'X', handle: `x.${randomBytes(4).toString('hex')}`, isVirtual: 'yes', qualifications: 'MBBS' });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toEqual(expect.arrayContaining(['isVirtual must be a boolean value', 'qualifications must be an array']));
  });

  it('answers a video disclosed only in its description as non-compliant, saying so, and passes it once the label is on screen', async () => {
    // A US campaign with a YouTube video, brought to production through the API.
    const campaign = await campaignIn('US');
    expect(campaign.status).toBe(201);
    const creator = await call('POST', '/creators', asTalentManager, { name: 'Asha Rao', handle: `asha.video.${randomBytes(4).toString('hex')}`, niches: ['beauty'] });
    const booking = await call('POST', '/collaborations', asTalentManager, { campaignId: campaign.body.id, creatorId: creator.body.id, brandPriceMinor: 6000000, creatorFeeMinor: 4500000 });
    expect(booking.status).toBe(201);
    const id = booking.body.id as string;
    await call('POST', `/collaborations/${id}/acknowledge-brief`, asTalentManager);
    await waitFor('NEGOTIATING', async () => ((await stageOf(id)) === 'NEGOTIATING' ? true : undefined));
    const day = 86_400_000;
    const video = { type: 'video', platform: 'youtube', draftDueAt: new Date(Date.now() + 7 * day).toISOString(), scheduledPostAt: new Date(Date.now() + 10 * day).toISOString() };
    const terms = { brandPriceMinor: 6000000, creatorFeeMinor: 4500000, currency: 'USD', paymentNetDays: 30, killFeeBps: 2500, deliverables: [video] };
    expect((await call('POST', `/collaborations/${id}/terms`, asTalentManager, terms)).status).toBe(200);
    expect((await call('POST', `/collaborations/${id}/accept-terms`, asTalentManager)).status).toBe(200);
    const [contract] = await waitFor('the contract', async () => {
      const response = await call('GET', `/collaborations/${id}/contracts`, asTalentManager);
      return response.body.length ? response.body : undefined;
    });
    const sign = (auth: string, party: string) => call('POST', `/collaborations/${id}/contracts/${contract.id}/signatures`, auth, { party, documentHash: contract.documentHash });
    expect((await sign(asTalentManager, 'creator')).status).toBe(200);
    expect((await sign(asManager, 'agency')).status).toBe(200);
    await waitFor('IN_PRODUCTION', async () => ((await stageOf(id)) === 'IN_PRODUCTION' ? true : undefined));
    const [deliverable] = await waitFor('the deliverable', async () => {
      const response = await call('GET', `/collaborations/${id}/deliverables`, asTalentManager);
      return response.body.length === 1 ? (response.body as { id: string }[]) : undefined;
    });
    const drafts = `/collaborations/${id}/deliverables/${deliverable.id}/drafts`;
    const draft = { assetUrl: 'https://drive.example/video-v1.mp4', caption: '#ad Thanks to GlowCo for sponsoring this video: my winter routine' };

    // Malformed facts are refused before anything is recorded: by the API's shape checks, and by
    // the workflow's check of their sense.
    const malformed = await call('POST', drafts, asTalentManager, { ...draft, format: 'podcast', onScreenLabel: { text: '', fromSecond: -1, toSecond: 2 } });
    expect(malformed.status).toBe(400);
    expect(malformed.body.message).toEqual(
      expect.arrayContaining(['format must be one of post, reel, story, video, short, live, audio', 'onScreenLabel.text should not be empty', 'onScreenLabel.fromSecond must not be less than 0']),
    );
    const backwards = await call('POST', drafts, asTalentManager, { ...draft, format: 'video', onScreenLabel: { text: 'Ad', fromSecond: 9, toSecond: 2 } });
    expect(backwards).toMatchObject({ status: 400, body: { message: 'onScreenLabel.toSecond must not be before fromSecond' } });

    // Declared as a video, disclosed only in its description: non-compliant, and the answer says why.
    const described = await call('POST', drafts, asTalentManager, { ...draft, format: 'video', durationSeconds: 480, language: 'en' });
    expect(described.status).toBe(200);
    const first = described.body.deliverables[0].drafts[0];
    expect(first).toMatchObject({ version: 1, compliant: false });
    expect(first.violations).toEqual([
      {
        rule: 'disclosure-not-in-content',
        message: expect.stringContaining('The video is disclosed only in its description'),
        guideline: expect.stringContaining('FTC Disclosures 101, video'),
      },
    ]);
    expect(described.body.deliverables[0].status).toBe('changes_requested');
    const stored = await system.database.db.getRepository(DraftSubmission).findOneByOrFail({ deliverableId: deliverable.id, version: 1 });
    expect(stored.complianceResult).toMatchObject({
      compliant: false,
      violations: [{ rule: 'disclosure-not-in-content' }],
      declared: { format: 'video', durationSeconds: 480, language: 'en' },
    });

    // The same video with the label on screen from the start passes and goes to review.
    const labelled = await call('POST', drafts, asTalentManager, {
      ...draft, assetUrl: 'https://drive.example/video-v2.mp4', format: 'video', durationSeconds: 480, onScreenLabel: { text: 'Ad', fromSecond: 0, toSecond: 8 },
    });
    expect(labelled.status).toBe(200);
    expect(labelled.body.deliverables[0].drafts[1]).toMatchObject({ version: 2, compliant: true, violations: [] });
    expect(labelled.body.deliverables[0].status).toBe('in_review');
  });
});

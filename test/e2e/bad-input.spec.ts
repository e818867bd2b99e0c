import { randomBytes, randomUUID } from 'node:crypto';
import { Campaign, Collaboration } from '../../libs/domain/entities';
import { createTeam, sampleDeliverables, Team } from '../support/fixtures';
import { requestJson } from '../support/rest-client';
import { logLines } from '../support/log-lines';
import { RunningSystem, startSystem } from '../support/system';

/**
 * Bad input gets a clear 4xx and changes nothing (issue 11, "never a 5xx for bad input"):
 * amounts past what is stored exactly, a fee above the price, a campaign already over, an
 * Idempotency-Key reused for another request, ids that are not the booking's, malformed and
 * oversized bodies. Driven over HTTP against the built API and worker.
 */
describe('bad input through the REST API', () => {
  let system: RunningSystem;
  let team: Team;
  let asTalentManager: string;
  let brandId: string;
  let creatorId: string;

  beforeAll(async () => {
    system = await startSystem();
    team = await createTeam(system.database.db);
    asTalentManager = system.basic(team.talentManager.email, team.password);
    const brand = await call('POST', '/brands', { name: `GlowCo ${randomBytes(4).toString('hex')}`, category: 'skincare' });
    expect(brand.status).toBe(201);
    brandId = brand.body.id;
    const creator = await call('POST', '/creators', {
      name: 'Asha Rao',
      handle: `asha.${randomBytes(4).toString('hex')}`,
      niches: ['beauty'],
      channels: [{ platform: 'instagram', handle: '@asha', followers: 240000, engagementRate: 0.04 }],
      payoutReference: `tok_${randomBytes(5).toString('hex')}`,
    });
    expect(creator.status).toBe(201);
    creatorId = creator.body.id;
  });

  afterAll(async () => {
    await system?.stop();
  });

  async function call(method: string, path: string, body?: unknown, headers?: Record<string, string>) {
    const { status, body: answer } = await requestJson(system.baseUrl, method, path, asTalentManager, body, headers);
    return { status, body: answer };
  }

  /** A body written as given, so numbers JSON.stringify would round reach the server as typed. */
  async function callRaw(path: string, text: string, contentType = 'application/json') {
    const response = await fetch(`${system.baseUrl}${path}`, { method: 'POST', headers: { authorization: asTalentManager, 'content-type': contentType }, body: text });
    return { status: response.status, body: (await response.json().catch(() => undefined)) as any };
  }

  const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
  const campaignBody = (extra: Record<string, unknown> = {}) => ({
    brandId, name: `Winter ${randomBytes(3).toString('hex')}`, budgetMinor: 150000000, currency: 'INR', startsOn: day(1), endsOn: day(60), ownerId: team.manager.id, ...extra,
  });
  const campaigns = () => system.database.db.getRepository(Campaign).countBy({ brandId });
  const collaborations = () => system.database.db.getRepository(Collaboration).countBy({ creatorId });

  async function book(): Promise<Collaboration> {
    const campaign = await call('POST', '/campaigns', campaignBody());
    expect(campaign.status).toBe(201);
    const booked = await call('POST', '/collaborations', { campaignId: campaign.body.id, creatorId, brandPriceMinor: 6000000, creatorFeeMinor: 4500000 });
    expect(booked.status).toBe(201);
    return booked.body;
  }

  it('refuses amounts past what is stored exactly with a 400 that says why, storing nothing', async () => {
    const before = await campaigns();
    const huge = await call('POST', '/campaigns', campaignBody({ budgetMinor: 1e20 }));
    expect(huge).toMatchObject({ status: 400, body: { message: [`budgetMinor must be at most ${Number.MAX_SAFE_INTEGER} minor units`] } });
    // 2^53 + 1 cannot be held by a JavaScript number: JSON parsing rounds it, so it is refused rather than stored as …992.
    const rounded = await callRaw('/campaigns', JSON.stringify(campaignBody()).replace('"budgetMinor":150000000', '"budgetMinor":9007199254740993'));
    expect(rounded).toMatchObject({ status: 400, body: { message: [`budgetMinor must be at most ${Number.MAX_SAFE_INTEGER} minor units`] } });
    const fractional = await call('POST', '/campaigns', campaignBody({ budgetMinor: 10.5 }));
    expect(fractional).toMatchObject({ status: 400, body: { message: ['budgetMinor must be a whole number of minor units (paise, cents)'] } });
    expect(await campaigns()).toBe(before);

    const campaign = await call('POST', '/campaigns', campaignBody());
    const beforeBookings = await collaborations();
    const price = await call('POST', '/collaborations', { campaignId: campaign.body.id, creatorId, brandPriceMinor: 1e20 });
    expect(price).toMatchObject({ status: 400, body: { message: [`brandPriceMinor must be at most ${Number.MAX_SAFE_INTEGER} minor units`] } });
    const feeAbovePrice = await call('POST', '/collaborations', { campaignId: campaign.body.id, creatorId, brandPriceMinor: 1000, creatorFeeMinor: 1e15 });
    expect(feeAbovePrice).toMatchObject({ status: 400, body: { message: ['creatorFeeMinor (1000000000000000) must not exceed brandPriceMinor (1000)'] } });
    expect(await collaborations()).toBe(beforeBookings);
  });

  it('refuses a NUL byte in a search or a name with a 400, storing nothing', async () => {
    expect(await call('GET', '/brands?search=%00')).toMatchObject({ status: 400, body: { message: 'A text value holds a character that cannot be stored (a NUL byte)' } });
    const before = await campaigns();
    expect(await call('POST', '/campaigns', campaignBody({ name: 'Null\u0000Byte' }))).toMatchObject({ status: 400 });
    expect(await campaigns()).toBe(before);
  });

  it('refuses terms whose fee is above the price before the workflow is asked', async () => {
    const booking = await book();
    expect((await call('POST', `/collaborations/${booking.id}/acknowledge-brief`)).status).toBe(200);
    const terms = { brandPriceMinor: 6000000, creatorFeeMinor: 6000001, currency: 'INR', paymentNetDays: 30, killFeeBps: 2500, deliverables: sampleDeliverables() };
    const refused = await call('POST', `/collaborations/${booking.id}/terms`, terms);
    expect(refused).toMatchObject({ status: 400, body: { message: ['creatorFeeMinor (6000001) must not exceed brandPriceMinor (6000000)'] } });
  });

  it('refuses a campaign whose last day has passed', async () => {
    const before = await campaigns();
    const over = await call('POST', '/campaigns', campaignBody({ startsOn: day(-30), endsOn: day(-1) }));
    expect(over).toMatchObject({ status: 400, body: { message: `endsOn ${day(-1)} has passed; a new campaign must end today or later` } });
    expect(await campaigns()).toBe(before);
    // Ending today is still a campaign (it closes at the end of the day, UTC).
    expect((await call('POST', '/campaigns', campaignBody({ startsOn: day(-30), endsOn: day(0) }))).status).toBe(201);
  });

  it('answers 422 when an Idempotency-Key is reused for a different request, and replays the same one', async () => {
    const booking = await book();
    const key = { 'idempotency-key': `ack-${randomUUID()}` };
    const first = await call('POST', `/collaborations/${booking.id}/acknowledge-brief`, undefined, key);
    expect(first.status).toBe(200);
    expect(await call('POST', `/collaborations/${booking.id}/acknowledge-brief`, undefined, key)).toEqual(first);

    const terms = { brandPriceMinor: 6000000, creatorFeeMinor: 4500000, currency: 'INR', paymentNetDays: 30, killFeeBps: 2500, deliverables: sampleDeliverables() };
    // The same key on another decision, and on another booking: different requests.
    const otherDecision = await call('POST', `/collaborations/${booking.id}/terms`, terms, key);
    expect(otherDecision).toMatchObject({ status: 422, body: { message: 'This Idempotency-Key was used for a different request; send a new key for a new request' } });
    const other = await book();
    expect((await call('POST', `/collaborations/${other.id}/acknowledge-brief`, undefined, key)).status).toBe(422);
    expect(await system.database.db.getRepository(Collaboration).findOneByOrFail({ id: other.id })).toMatchObject({ stage: 'BRIEFED' });

    // The same decision with a different body under one key: refused, and the first offer stands.
    const offerKey = { 'idempotency-key': `terms-${randomUUID()}` };
    const offered = await call('POST', `/collaborations/${booking.id}/terms`, terms, offerKey);
    expect(offered.status).toBe(200);
    const changed = await call('POST', `/collaborations/${booking.id}/terms`, { ...terms, creatorFeeMinor: 4000000 }, offerKey);
    expect(changed.status).toBe(422);
    expect(await call('POST', `/collaborations/${booking.id}/terms`, terms, offerKey)).toEqual(offered);
  });

  it('frees a key whose first request was refused, so the corrected request may use it', async () => {
    const booking = await book();
    const key = { 'idempotency-key': `terms-${randomUUID()}` };
    const terms = { brandPriceMinor: 6000000, creatorFeeMinor: 4500000, currency: 'INR', paymentNetDays: 30, killFeeBps: 2500, deliverables: sampleDeliverables() };
    // Before the brief is acknowledged, terms are refused by the workflow (wrong stage): nothing was decided.
    const early = await call('POST', `/collaborations/${booking.id}/terms`, terms, key);
    expect(early.status).toBe(409);
    expect((await call('POST', `/collaborations/${booking.id}/acknowledge-brief`)).status).toBe(200);
    // The conflict check runs after the acknowledgement answers; terms are taken in NEGOTIATING.
    for (let i = 0; i < 200 && (await call('GET', `/collaborations/${booking.id}`)).body.collaboration.stage !== 'NEGOTIATING'; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect((await call('POST', `/collaborations/${booking.id}/terms`, terms, key)).status).toBe(200);
  });

  it('answers 404 for ids that do not exist or are not the booking named in the path', async () => {
    const booking = await book();
    const stranger = randomUUID();
    const draft = { assetUrl: 'https://cdn.example.com/d1.mp4', caption: 'Loving it #ad' };
    expect(await call('POST', `/collaborations/${booking.id}/deliverables/${stranger}/drafts`, draft)).toMatchObject({
      status: 404, body: { message: `Deliverable ${stranger} does not exist on collaboration ${booking.id}` },
    });
    // Reviewing is a manager's decision: the role is checked first (403 for a talent manager), then the id.
    const asManager = system.basic(team.manager.email, team.password);
    const review = await requestJson(system.baseUrl, 'POST', `/collaborations/${booking.id}/deliverables/${stranger}/drafts/1/review`, asManager, { decision: 'approve' });
    expect(review.status).toBe(404);
    expect((await call('POST', `/collaborations/${booking.id}/deliverables/${stranger}/post`, { liveUrl: 'https://www.instagram.com/p/x/', caption: '#ad' })).status).toBe(404);
    expect((await call('POST', `/collaborations/${booking.id}/contracts/${stranger}/signatures`, { party: 'creator', documentHash: 'a'.repeat(64) })).status).toBe(404);
    expect((await requestJson(system.baseUrl, 'POST', `/collaborations/${booking.id}/escalations/${stranger}/resolve`, asManager, { resolution: 'ACCEPT', reason: 'x' })).status).toBe(404);
    expect((await call('POST', `/collaborations/${stranger}/acknowledge-brief`)).status).toBe(404);
    expect((await call('GET', `/collaborations/${stranger}`)).status).toBe(404);
  });

  it('answers malformed and oversized bodies with 400 and 413, logged as one warn line without a stack', async () => {
    const malformed = await callRaw('/campaigns', '{"brandId": ');
    expect(malformed.status).toBe(400);
    const oversized = await callRaw('/campaigns', JSON.stringify({ ...campaignBody(), objective: 'x'.repeat(1_100_000) }));
    expect(oversized.status).toBe(413);
    const lines = logLines(system).filter((line) => typeof line.msg === 'string' && /^POST \/campaigns → 4\d\d: /.test(line.msg));
    expect(lines.filter((line) => line.level === 'warn').map((line) => (line.msg as string).slice(0, 'POST /campaigns → 4xx'.length))).toEqual(
      expect.arrayContaining(['POST /campaigns → 413', 'POST /campaigns → 400']),
    );
    // One line each, without the error or its stack.
    for (const line of lines) expect(JSON.stringify(line)).not.toMatch(/PayloadTooLargeError|SyntaxError|\\n\s+at /);
  });
});

import { randomBytes, randomUUID } from 'node:crypto';
import { waitFor } from '../../scripts/lib/ports';
import { upcomingCampaign } from '../support/dates';
import { createTeam, Team } from '../support/fixtures';
import { LogLine, logLines } from '../support/log-lines';
import { requestJson } from '../support/rest-client';
import { RunningSystem, startSystem } from '../support/system';

/**
 * Structured logs through the built API and worker (issue 12, item 4): every line is JSON, every
 * line of a request carries its request id, the id follows a decision into the worker's lines of
 * its update and activities, and secrets sent in headers and bodies never reach a line.
 */
describe('structured logs', () => {
  let system: RunningSystem;
  let team: Team;
  let basic: string;
  let apiKey: string;

  beforeAll(async () => {
    // Debug, so the refused bodies and the SDK's activity lines are written too: the most there is to leak.
    system = await startSystem({ env: { LOG_LEVEL: 'debug' }, logLimit: 20_000_000 });
    team = await createTeam(system.database.db);
    basic = system.basic(team.talentManager.email, team.password);
    const key = await requestJson(system.baseUrl, 'POST', '/api-keys', basic, { name: 'log test' });
    expect(key.status).toBe(201);
    apiKey = key.body.token;
  });

  afterAll(async () => {
    await system?.stop();
  });

  const call = (method: string, path: string, auth: string, body: unknown, requestId: string) =>
    requestJson(system.baseUrl, method, path, auth, body, { 'x-request-id': requestId });

  const linesOf = (requestId: string): LogLine[] => logLines(system).filter((line) => line.requestId === requestId);

  it('writes every request line with its request id, and never a password, an API key or payout details', async () => {
    const payoutToken = `tok_${randomBytes(6).toString('hex')}`;
    const iban = 'DE89370400440532013000';
    const accountNumber = `00${randomBytes(5).readUIntBE(0, 5)}`;
    const accepted = `create-${randomUUID()}`;
    const creator = await call('POST', '/creators', `Bearer ${apiKey}`, { name: 'Asha Rao', handle: `asha.${randomUUID()}`, payoutReference: payoutToken }, accepted);
    expect(creator.status).toBe(201);
    const refused = `refused-${randomUUID()}`;
    const bad = await call(
      'POST',
      '/creators',
      basic,
      { name: 'Asha Rao', handle: `asha.${randomUUID()}`, payoutReference: iban, payoutDetails: { iban, accountNumber }, password: team.password },
      refused,
    );
    expect(bad.status).toBe(400);

    // The access line of each, the refusal's warn line and the refused body at debug.
    await waitFor('the lines of both requests', async () => (linesOf(accepted).length >= 1 && linesOf(refused).length >= 3 ? true : undefined), 30_000, 100);
    expect(linesOf(accepted)).toContainEqual(expect.objectContaining({ msg: 'POST /creators → 201', service: 'api', req: expect.objectContaining({ method: 'POST' }) }));
    expect(linesOf(refused).map((line) => line.level)).toEqual(expect.arrayContaining(['info', 'warn', 'debug']));
    const body = linesOf(refused).find((line) => line.requestBody);
    expect(body?.requestBody).toMatchObject({ name: 'Asha Rao', payoutReference: '[redacted]', payoutDetails: '[redacted]', password: '[redacted]' });
    const access = linesOf(refused).find((line) => line.req) as { req: { headers: Record<string, string> } };
    expect(access.req.headers.authorization).toBe('[redacted]');

    // Every line about either request (access, refusal, body) carries its id: none is written outside the request's logger.
    const aboutCreators = logLines(system).filter((line) => /^POST \/creators\b/.test(String(line.msg)));
    expect(aboutCreators.length).toBeGreaterThanOrEqual(4);
    for (const line of aboutCreators) expect([accepted, refused]).toContain(line.requestId);

    // Every line of both processes is JSON, and none holds a secret that was sent.
    const all = logLines(system);
    expect(all.filter((line) => 'unparsed' in line)).toEqual([]);
    const text = system.logs();
    const basicCredentials = basic.slice('Basic '.length);
    for (const secret of [team.password, basicCredentials, apiKey, apiKey.slice(-20), payoutToken, iban, accountNumber]) expect(text).not.toContain(secret);
  });

  it("carries a decision's request id into the worker's lines of its update and its activities", async () => {
    const call201 = async (path: string, body: unknown) => {
      const answer = await call('POST', path, basic, body, `setup-${randomUUID()}`);
      expect(answer.status).toBe(201);
      return answer.body;
    };
    const brand = await call201('/brands', { name: `Log brand ${randomUUID()}`, category: 'skincare' });
    const creator = await call201('/creators', { name: 'Ravi K', handle: `ravi.${randomUUID()}`, payoutReference: `tok_${randomBytes(5).toString('hex')}` });
    const campaign = await call201('/campaigns', { brandId: brand.id, name: 'Log campaign', budgetMinor: 150000000, currency: 'INR', ...upcomingCampaign(), ownerId: team.manager.id });
    const booking = await call201('/collaborations', { campaignId: campaign.id, creatorId: creator.id, brandPriceMinor: 6000000, creatorFeeMinor: 4500000 });

    const decision = `decision-${randomUUID()}`;
    const acknowledged = await call('POST', `/collaborations/${booking.id}/acknowledge-brief`, basic, undefined, decision);
    expect(acknowledged.status).toBe(200);

    const worker = await waitFor(
      "the worker's lines of the decision",
      async () => {
        const lines = linesOf(decision);
        const worker = lines.filter((line) => line.service === 'worker');
        return lines.some((line) => line.service === 'api') && worker.some((line) => line.sdkComponent === 'workflow') && worker.some((line) => line.activityType) ? worker : undefined;
      },
      60_000,
      250,
    );
    expect(worker).toContainEqual(expect.objectContaining({ msg: 'Decision received', update: 'acknowledgeBrief', workflowId: `collaboration-${booking.id}` }));
    // The brief's acknowledgement is recorded by an activity the decision scheduled.
    expect(worker).toContainEqual(expect.objectContaining({ msg: 'Activity completed', workflowId: `collaboration-${booking.id}`, activityType: 'recordBriefAcknowledgement' }));
    expect(linesOf(decision)).toContainEqual(expect.objectContaining({ service: 'api', msg: `POST /collaborations/${booking.id}/acknowledge-brief → 200` }));
    // Lines of other work in the same workflow (its start, before the decision) do not carry it.
    const started = logLines(system).filter((line) => line.service === 'worker' && line.workflowId === `collaboration-${booking.id}` && line.msg === 'Workflow started');
    for (const line of started) expect(line.requestId).not.toBe(decision);
  });
});

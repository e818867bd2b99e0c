import { NativeConnection, Worker } from '@temporalio/worker';
import { randomBytes } from 'node:crypto';
import * as path from 'node:path';
import { collaborationActivities, collaborationActivityProviders } from '../../activities';
import { ACTOR_VERIFICATION_MODULE, creatorOpsWorkflowOptions } from '../../apps/worker/workflow-options';
import { loadConfig } from '../../libs/config/config';
import { CollaborationStage } from '../../libs/domain/rules/stages';
import { waitFor } from '../../scripts/lib/ports';
import { upcomingCampaign } from '../support/dates';
import { createTeam, Team } from '../support/fixtures';
import type { QueryCountingSinks } from '../support/query-counting-interceptor';
import { requestJson } from '../support/rest-client';
import { RunningSystem, startSystem } from '../support/system';
import { quietTemporalRuntime } from '../support/temporal-runtime';

const QUERY_COUNTING_MODULE = require.resolve(path.join(__dirname, '../support/query-counting-interceptor'));

/**
 * GET /collaborations/:id reads the state the workflow projected onto the database and asks
 * Temporal nothing unless `live=true`. The built API runs as a process, as users run it; the
 * worker runs in this test's process with the real workflows and activities plus an inbound
 * interceptor that reports every query it handles, so the queries a read causes are counted
 * where they are answered.
 */
describe('reads from the database, not from the workflow', () => {
  let system: RunningSystem;
  let team: Team;
  let auth: string;
  let worker: Worker;
  let running: Promise<void>;
  let native: NativeConnection;
  const handled: string[] = [];

  beforeAll(async () => {
    quietTemporalRuntime();
    system = await startSystem({ worker: false });
    team = await createTeam(system.database.db);
    auth = system.basic(team.talentManager.email, team.password);
    const workflowOptions = creatorOpsWorkflowOptions(loadConfig(system.env).actorSigningKey);
    native = await NativeConnection.connect({ address: system.temporalAddress });
    const sinks = { queries: { handled: { fn: (_info: unknown, queryName: string) => void handled.push(queryName), callDuringReplay: true } } };
    worker = await Worker.create({
      connection: native,
      taskQueue: system.taskQueue,
      ...workflowOptions,
      interceptors: { workflowModules: [ACTOR_VERIFICATION_MODULE, QUERY_COUNTING_MODULE] },
      sinks: sinks satisfies Record<keyof QueryCountingSinks, unknown>,
      activities: collaborationActivities(collaborationActivityProviders(system.database.db)),
    });
    running = worker.run();
  });

  afterAll(async () => {
    if (worker?.getState() === 'RUNNING') worker.shutdown();
    await running?.catch(() => undefined);
    await native?.close();
    await system?.stop();
  });

  const call = (method: string, route: string, body?: unknown) => requestJson(system.baseUrl, method, route, auth, body);
  const stateQueries = () => handled.filter((name) => name === 'state').length;

  async function book(): Promise<string> {
    const tag = randomBytes(4).toString('hex');
    const brand = await call('POST', '/brands', { name: `Dewdrop ${tag}`, category: 'skincare' });
    const creator = await call('POST', '/creators', {
      name: `Mira ${tag}`, handle: `mira.${tag}`, niches: ['beauty'], payoutReference: `tok_${tag}`,
      channels: [{ platform: 'instagram', handle: `@mira${tag}`, followers: 90_000, engagementRate: 0.05 }],
    });
    const campaign = await call('POST', '/campaigns', { brandId: brand.body.id, name: `Dew ${tag}`, budgetMinor: 50_000_000, currency: 'INR', ...upcomingCampaign(), ownerId: team.manager.id });
    const booked = await call('POST', '/collaborations', { campaignId: campaign.body.id, creatorId: creator.body.id, brandPriceMinor: 1_000_000, creatorFeeMinor: 750_000 });
    expect(booked.status).toBe(201);
    return booked.body.id as string;
  }

  it('issues no Temporal query for GET /collaborations/:id, and exactly one with live=true', async () => {
    const id = await book();
    // The workflow projects BRIEFED with its deadlines; the wait itself reads without live.
    const projected = await waitFor('the projected BRIEFED state', async () => {
      const view = await call('GET', `/collaborations/${id}`);
      return view.body.state?.deadlines?.length ? view.body : undefined;
    });
    expect(projected.state).toMatchObject({ collaborationId: id, stage: CollaborationStage.Briefed, openEscalations: [] });
    expect(projected.stateAsOf).toEqual(expect.any(String));
    expect(projected).not.toHaveProperty('live');

    const before = stateQueries();
    for (let i = 0; i < 10; i += 1) expect((await call('GET', `/collaborations/${id}`)).status).toBe(200);
    expect(stateQueries() - before).toBe(0);

    // The decision answers after the row shows the new stage: read at once, still without a query.
    expect((await call('POST', `/collaborations/${id}/acknowledge-brief`)).status).toBe(200);
    const afterDecision = await call('GET', `/collaborations/${id}`);
    expect([CollaborationStage.ConflictCheck, CollaborationStage.Negotiating]).toContain(afterDecision.body.state.stage);
    expect(stateQueries() - before).toBe(0);

    const live = await call('GET', `/collaborations/${id}?live=true`);
    expect(live.status).toBe(200);
    expect(live.body.live).toMatchObject({ collaborationId: id, history: expect.arrayContaining([expect.objectContaining({ event: 'brief.acknowledged' })]) });
    expect(live.body).not.toHaveProperty('state');
    expect(stateQueries() - before).toBe(1);

    // live=false is the default read, spelled out.
    expect((await call('GET', `/collaborations/${id}?live=false`)).body.state.collaborationId).toBe(id);
    expect(stateQueries() - before).toBe(1);
  });

  it('counts what it should: a query the worker answers is seen by the interceptor', async () => {
    // Guards the test above against counting nothing at all (a sink never called).
    const id = await book();
    await waitFor('the workflow', async () => ((await call('GET', `/collaborations/${id}`)).body.state?.deadlines?.length ? true : undefined));
    const before = stateQueries();
    await call('GET', `/collaborations/${id}?live=true`);
    await call('GET', `/collaborations/${id}?live=true`);
    expect(stateQueries() - before).toBe(2);
  });
});

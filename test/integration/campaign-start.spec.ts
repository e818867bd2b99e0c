import { Client, Connection, WorkflowNotFoundError } from '@temporalio/client';
import { randomBytes } from 'node:crypto';
import { CampaignsService } from '../../apps/api/campaigns/campaigns.service';
import type { CreateCampaignDto } from '../../apps/api/campaigns/campaign.dto';
import { Brand, Campaign } from '../../libs/domain/entities';
import { Role } from '../../libs/domain/rules/roles';
import type { TemporalClient } from '../../libs/temporal/temporal.module';
import { campaignWorkflowId } from '../../libs/temporal/workflow-ids';
import { testTemporalAddress } from '../support/environment';
import { createTeam, Team } from '../support/fixtures';
import { createTestDatabase, TestDatabase } from '../support/test-database';

/**
 * Creating a campaign when Temporal does not answer the workflow start (item 6 of issue 11): the
 * start may have happened before the answer was lost, so the row is kept, pending, and reconciled
 * with the same workflow id: never deleted under a running workflow, never started twice.
 * Temporal is the real dev server; only the API's start call is made to time out (gRPC
 * DEADLINE_EXCEEDED, code 4) after it reached the server, or before.
 */
describe('campaign creation when the workflow start goes unanswered', () => {
  let database: TestDatabase;
  let team: Team;
  let connection: Connection;
  let client: Client;
  const taskQueue = `campaign-start-${randomBytes(4).toString('hex')}`;
  const started: string[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    team = await createTeam(database.db);
    connection = await Connection.connect({ address: testTemporalAddress() });
    client = new Client({ connection });
  });

  afterAll(async () => {
    // No worker polls this task queue: end what was started.
    for (const id of started) await client.workflow.getHandle(id).terminate('test over').catch(() => undefined);
    await connection?.close();
    await database?.drop();
  });

  const timeout = () => Object.assign(new Error('Deadline exceeded'), { code: 4 });
  /** The API's view of Temporal, whose next start call fails as given (after or before reaching the server). */
  function flakyTemporal(failNextStart: 'after-start' | 'before-start' | 'refused' | null): { temporal: TemporalClient; starts: () => number } {
    let starts = 0;
    let failing = failNextStart;
    const workflow = Object.create(client.workflow) as Client['workflow'];
    workflow.start = (async (...args: Parameters<Client['workflow']['start']>) => {
      starts += 1;
      const mode = failing;
      failing = null;
      if (mode === 'before-start') throw timeout();
      if (mode === 'refused') throw Object.assign(new Error('Namespace not found'), { code: 5 });
      const handle = await client.workflow.start(...args);
      started.push(handle.workflowId);
      if (mode === 'after-start') throw timeout();
      return handle;
    }) as Client['workflow']['start'];
    return { temporal: { client: { workflow } as Client, taskQueue } as TemporalClient, starts: () => starts };
  }
  const service = (temporal: TemporalClient) => new CampaignsService(database.db, temporal, undefined as never, undefined as never);
  const dto = async (): Promise<CreateCampaignDto> => {
    const brand = await database.db.getRepository(Brand).save({ name: `Brand ${randomBytes(3).toString('hex')}`, category: 'skincare' });
    return { brandId: brand.id, name: `Launch ${randomBytes(3).toString('hex')}`, budgetMinor: 10_000_000, currency: 'INR', startsOn: '2026-12-01', endsOn: '2099-01-31', ownerId: team.manager.id } as CreateCampaignDto;
  };
  const manager = () => ({ userId: team.manager.id, role: Role.Manager });
  const runs = async (campaignId: string) => {
    const found: string[] = [];
    for await (const execution of client.workflow.list({ query: `WorkflowId = '${campaignWorkflowId(campaignId)}'` })) found.push(execution.runId);
    return found.length;
  };

  it('keeps the campaign when the start timed out after Temporal started it, and reconciles it to that one workflow', async () => {
    const { temporal, starts } = flakyTemporal('after-start');
    const campaigns = service(temporal);
    const campaign = await campaigns.create(await dto(), manager());
    expect(campaign.workflowId).toBeNull();
    expect(await database.db.getRepository(Campaign).findOneByOrFail({ id: campaign.id })).toMatchObject({ workflowId: null });
    // It is running already, although the API was never told.
    expect((await client.workflow.getHandle(campaignWorkflowId(campaign.id)).describe()).status.name).toBe('RUNNING');

    expect(await campaigns.reconcileWorkflows()).toContain(campaign.id);
    expect(starts()).toBe(2);
    expect(await database.db.getRepository(Campaign).findOneByOrFail({ id: campaign.id })).toMatchObject({ workflowId: campaignWorkflowId(campaign.id) });
    // Reconciled, it is no longer pending: nothing more to do on the next round.
    expect(await campaigns.reconcileWorkflows()).not.toContain(campaign.id);
    // The list (visibility) lags a little behind the start.
    let count = 0;
    for (let i = 0; i < 50 && count === 0; i += 1) {
      count = await runs(campaign.id);
      if (count === 0) await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(count).toBe(1);
  });

  it('keeps the campaign when the start timed out before reaching Temporal, and starts its workflow when reconciling', async () => {
    const campaigns = service(flakyTemporal('before-start').temporal);
    const campaign = await campaigns.create(await dto(), manager());
    expect(campaign.workflowId).toBeNull();
    await expect(client.workflow.getHandle(campaignWorkflowId(campaign.id)).describe()).rejects.toBeInstanceOf(WorkflowNotFoundError);

    expect(await campaigns.reconcileWorkflows()).toContain(campaign.id);
    expect((await client.workflow.getHandle(campaignWorkflowId(campaign.id)).describe()).status.name).toBe('RUNNING');
    expect(await database.db.getRepository(Campaign).findOneByOrFail({ id: campaign.id })).toMatchObject({ workflowId: campaignWorkflowId(campaign.id) });
  });

  it('still removes the campaign when Temporal refuses the start outright (nothing can have started)', async () => {
    const campaigns = service(flakyTemporal('refused').temporal);
    const input = await dto();
    await expect(campaigns.create(input, manager())).rejects.toBeDefined();
    expect(await database.db.getRepository(Campaign).countBy({ name: input.name })).toBe(0);
  });

  it('marks a campaign started when the start is answered', async () => {
    const campaign = await service(flakyTemporal(null).temporal).create(await dto(), manager());
    expect(campaign.workflowId).toBe(campaignWorkflowId(campaign.id));
    expect(await database.db.getRepository(Campaign).findOneByOrFail({ id: campaign.id })).toMatchObject({ workflowId: campaignWorkflowId(campaign.id) });
  });
});

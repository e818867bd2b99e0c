import { Client, Connection, WorkflowHandle } from '@temporalio/client';
import { NativeConnection, Worker } from '@temporalio/worker';
import { randomBytes } from 'node:crypto';
import { CollaborationActivityFunctions, collaborationActivities, collaborationActivityProviders } from '../../activities';
import { creatorOpsWorkflowOptions } from '../../apps/worker/workflow-options';
import type { AppConfig } from '../../libs/config/config';
import { Collaboration } from '../../libs/domain/entities';
import { SlaPolicy } from '../../libs/domain/rules/sla';
import { actorSigningInterceptor } from '../../libs/temporal/actor-signing';
import { CollaborationStage } from '../../libs/domain/rules/stages';
import { waitFor } from '../../scripts/lib/ports';
import { CollaborationInput, stateQuery } from '../../workflows/messages';
import { testTemporalAddress } from './environment';
import { createBookingRow, createTeam, Team } from './fixtures';
import { quietTemporalRuntime } from './temporal-runtime';
import { createTestDatabase, TestDatabase } from './test-database';

/**
 * The collaboration workflow on the shared Temporal dev server, run by an in-process worker
 * with the real activities on a fresh database. One per test file.
 */
export interface WorkflowHarness {
  database: TestDatabase;
  team: Team;
  client: Client;
  taskQueue: string;
  /** Books a creator (fresh brand, creator, campaign) and starts its workflow. */
  book(sla?: Partial<SlaPolicy>, row?: Collaboration): Promise<{ row: Collaboration; handle: WorkflowHandle }>;
  /** Waits until a booking's workflow has projected its BRIEFED stage to the row. */
  briefProjected(row: Collaboration): Promise<void>;
  /** Waits until the workflow's state reaches a stage. */
  reachStage(handle: WorkflowHandle, stage: CollaborationStage, timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
}

/** The key the harness's worker checks decisions with and its client signs them with, as the API would. */
export const TEST_ACTOR_SIGNING_KEY = randomBytes(32).toString('hex');

/** A client that signs each decision's actor with the test key, as the API's does. */
export function signingClient(connection: Connection, namespace?: string): Client {
  return new Client({ connection, namespace, interceptors: { workflow: [actorSigningInterceptor(TEST_ACTOR_SIGNING_KEY)] } });
}

export const RELAXED_SLA: SlaPolicy = {
  briefAckReminder: 10 * 60_000,
  briefAckEscalation: 20 * 60_000,
  negotiationReminder: 20 * 60_000,
  negotiation: 30 * 60_000,
  commercialsApprovalReminder: 20 * 60_000,
  commercialsApproval: 30 * 60_000,
  contractReminder: 30 * 60_000,
  contractEscalation: 40 * 60_000,
  draftDueReminder: 10 * 60_000,
  draftReviewReminder: 20 * 60_000,
  draftReview: 30 * 60_000,
  revision: 30 * 60_000,
  postingReminder: 20 * 60_000,
  postingWindow: 30 * 60_000,
  measureFirst: 30 * 60_000,
  measureSecond: 40 * 60_000,
  paymentDay: 86_400_000,
  payoutDueReminder: 3 * 86_400_000,
  escalationResponse: 86_400_000,
};

/** The workflow input the API would give this booking row, with relaxed SLAs unless overridden. */
export function collaborationInput(row: Collaboration, sla: Partial<SlaPolicy> = {}): CollaborationInput {
  return {
    collaborationId: row.id,
    campaignId: row.campaignId,
    creatorId: row.creatorId,
    brandId: 'brand-under-test',
    talentManagerId: row.talentManagerId,
    sla: { ...RELAXED_SLA, ...sla },
    currency: 'INR',
    marginFloorBps: 2_000,
  };
}

export interface HarnessOptions {
  /** Wraps or replaces some of the real activities, for a focused test of the workflow around them. */
  activities?: (real: CollaborationActivityFunctions) => Partial<CollaborationActivityFunctions>;
  /** How long an open creator-satisfaction task waits for its reminder (default: the product's 3 days). */
  satisfactionReminderMs?: number;
  /** Delivery channels beside the inbox (default: none): e-mail to the run's Mailpit, team webhooks. */
  channels?: { mail?: Pick<AppConfig, 'mail' | 'publicUrl'>; webhooks?: Pick<AppConfig, 'webhooks' | 'publicUrl'> };
}

export async function startWorkflowHarness(options: HarnessOptions = {}): Promise<WorkflowHarness> {
  quietTemporalRuntime();
  const taskQueue = `workflow-${randomBytes(4).toString('hex')}`;
  const database = await createTestDatabase();
  const team = await createTeam(database.db);
  const native = await NativeConnection.connect({ address: testTemporalAddress() });
  const worker = await Worker.create({
    connection: native,
    taskQueue,
    ...creatorOpsWorkflowOptions(TEST_ACTOR_SIGNING_KEY),
    activities: withOverrides(
      collaborationActivities(collaborationActivityProviders(database.db, undefined, { satisfactionReminderMs: options.satisfactionReminderMs, ...options.channels })),
      options.activities,
    ),
  });
  const running = worker.run();
  const connection = await Connection.connect({ address: testTemporalAddress() });
  const client = signingClient(connection);

  const briefProjected = async (row: Collaboration) => {
    await waitFor('the BRIEFED projection', async () => {
      const current = await database.db.getRepository(Collaboration).findOneByOrFail({ id: row.id });
      return Object.keys(current.deadlines).length > 0 ? true : undefined;
    });
  };

  return {
    database,
    team,
    client,
    taskQueue,
    async book(sla = {}, existing) {
      const row = existing ?? (await createBookingRow(database.db, team));
      const handle = await client.workflow.start('collaborationWorkflow', { workflowId: row.workflowId!, taskQueue, args: [collaborationInput(row, sla)] });
      await briefProjected(row);
      return { row, handle };
    },
    briefProjected,
    async reachStage(handle, stage, timeoutMs = 20_000) {
      await waitFor(`stage ${stage}`, async () => ((await handle.query(stateQuery)).stage === stage ? true : undefined), timeoutMs);
    },
    async stop() {
      worker.shutdown();
      await running;
      await connection.close();
      await native.close();
      await database.drop();
    },
  };
}

function withOverrides(real: CollaborationActivityFunctions, overrides?: HarnessOptions['activities']): CollaborationActivityFunctions {
  return overrides ? { ...real, ...overrides(real) } : real;
}

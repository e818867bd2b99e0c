import 'reflect-metadata';
import { Connection, WorkflowUpdateStage } from '@temporalio/client';
import { NativeConnection, Worker } from '@temporalio/worker';
import { randomBytes } from 'node:crypto';
import { creatorOpsWorkflowOptions } from '../../apps/worker/workflow-options';
import { AppConfig, loadConfig } from '../../libs/config/config';
import { temporalConnectionOptions } from '../../libs/config/temporal-config';
import { Collaboration } from '../../libs/domain/entities';
import { Role } from '../../libs/domain/rules/roles';
import { TemporalClient } from '../../libs/temporal/temporal.module';
import { acknowledgeBriefUpdate, stateQuery } from '../../workflows/messages';
import { testTemporalAddress } from '../support/environment';
import { quietTemporalRuntime } from '../support/temporal-runtime';
import { createTestPki, startTlsProxy, TEST_SERVER_NAME, TestPki, TlsProxy } from '../support/tls-proxy';
import { collaborationInput } from '../support/workflow-harness';

/**
 * Issue 11 item 3: the TEMPORAL_TLS_* settings reach every Temporal connection. The dev server
 * speaks no TLS, so a TLS-terminating proxy that demands a client certificate stands in front of it.
 */
describe('Temporal over mutual TLS (TEMPORAL_TLS_*)', () => {
  let pki: TestPki;
  let proxy: TlsProxy;

  beforeAll(async () => {
    quietTemporalRuntime();
    pki = createTestPki();
    proxy = await startTlsProxy(pki, testTemporalAddress());
  });
  afterAll(async () => {
    await proxy?.close();
    pki?.remove();
  });

  const configWith = (env: NodeJS.ProcessEnv): AppConfig =>
    loadConfig({ NODE_ENV: 'test', TEMPORAL_ADDRESS: proxy.address, TEMPORAL_TLS_CA_PATH: pki.caPath, TEMPORAL_TLS_SERVER_NAME: TEST_SERVER_NAME, ...env });
  const withClientCertificate = () =>
    configWith({ TEMPORAL_TASK_QUEUE: `tls-${randomBytes(4).toString('hex')}`, TEMPORAL_TLS_CERT_PATH: pki.client.certPath, TEMPORAL_TLS_KEY_PATH: pki.client.keyPath });

  it("carries the API's client and the worker through the proxy: a booking started, run and decided across it", async () => {
    const config = withClientCertificate();
    expect(config.temporal.tls).toMatchObject({ serverNameOverride: TEST_SERVER_NAME, clientCertPair: { crt: expect.any(Buffer), key: expect.any(Buffer) } });
    const admittedBefore = proxy.admitted;

    const api = new TemporalClient(config);
    const native = await NativeConnection.connect(temporalConnectionOptions(config.temporal));
    const worker = await Worker.create({ connection: native, taskQueue: config.temporal.taskQueue, ...creatorOpsWorkflowOptions(config.actorSigningKey) });
    const running = worker.run();
    try {
      expect(await api.isReachable(10_000)).toBe(true);
      const id = randomBytes(8).toString('hex');
      const row = { id, campaignId: `campaign-${id}`, creatorId: `creator-${id}`, talentManagerId: `tm-${id}` } as Collaboration;
      const handle = await api.client.workflow.start('collaborationWorkflow', { workflowId: `tls-${id}`, taskQueue: api.taskQueue, args: [collaborationInput(row)] });
      try {
        // A query is answered by the worker: both connections crossed the proxy.
        expect(await handle.query(stateQuery)).toMatchObject({ stage: expect.any(String) });
        // A decision signed by the API's client passes the worker's actor check (accepted; its activities need a worker of their own).
        const update = await handle.startUpdate(acknowledgeBriefUpdate, { args: [{ actor: { userId: row.talentManagerId, role: Role.TalentManager } }], waitForStage: WorkflowUpdateStage.ACCEPTED });
        expect(update.updateId).toBeDefined();
      } finally {
        await handle.terminate('test over');
      }
      expect(proxy.admitted).toBeGreaterThan(admittedBefore);
    } finally {
      worker.shutdown();
      await running;
      await native.close();
      await api.onApplicationShutdown();
    }
  });

  it('is refused without a client certificate, or with one the server does not trust', async () => {
    const refusedBefore = proxy.refused;
    const withoutCertificate = configWith({});
    expect(withoutCertificate.temporal.tls?.clientCertPair).toBeUndefined();
    await expect(Connection.connect({ ...temporalConnectionOptions(withoutCertificate.temporal), connectTimeout: 5_000 })).rejects.toThrow();
    await expect(NativeConnection.connect(temporalConnectionOptions(withoutCertificate.temporal))).rejects.toThrow();
    const api = new TemporalClient(withoutCertificate);
    expect(await api.isReachable(5_000)).toBe(false);
    await api.onApplicationShutdown();

    const stranger = configWith({ TEMPORAL_TLS_CERT_PATH: pki.stranger.certPath, TEMPORAL_TLS_KEY_PATH: pki.stranger.keyPath });
    await expect(Connection.connect({ ...temporalConnectionOptions(stranger.temporal), connectTimeout: 5_000 })).rejects.toThrow();
    await expect(NativeConnection.connect(temporalConnectionOptions(stranger.temporal))).rejects.toThrow();
    expect(proxy.refused).toBeGreaterThan(refusedBefore);
  });

  it('refuses a server whose certificate the configured CA did not sign', async () => {
    const untrusting = configWith({ TEMPORAL_TLS_CA_PATH: pki.stranger.certPath.replace('stranger.pem', 'stranger-ca.pem'), TEMPORAL_TLS_CERT_PATH: pki.client.certPath, TEMPORAL_TLS_KEY_PATH: pki.client.keyPath });
    await expect(Connection.connect({ ...temporalConnectionOptions(untrusting.temporal), connectTimeout: 5_000 })).rejects.toThrow();
  });
});

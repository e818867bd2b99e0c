import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import { bundleWorkflowCode, Worker, WorkflowBundleWithSourceMap } from '@temporalio/worker';
import * as path from 'node:path';
import { creatorOpsWorkflowOptions } from '../../apps/worker/workflow-options';
import { ACTOR_PROOF_HEADER } from '../../libs/domain/rules/actor-proof';
import { quietTemporalRuntime } from '../support/temporal-runtime';
import { TEST_ACTOR_SIGNING_KEY } from '../support/workflow-harness';
import { recordedHistories } from '../support/workflow-histories';

/**
 * Running bookings replay their history against new workflow code after every deploy. These
 * are histories of real runs (test/fixtures/histories, recorded by `npm run histories:record`):
 * a change that would break a running campaign fails here instead. Guard such changes with
 * patched() (docs/workflow-stages.md). No server needed.
 */
describe('workflow code replays recorded histories', () => {
  // One bundle for every history: bundling takes about a second, replaying a few milliseconds.
  let workflowBundle: WorkflowBundleWithSourceMap;
  beforeAll(async () => {
    quietTemporalRuntime();
    // Bundled as the worker bundles them, actor check included: histories recorded before decisions
    // were signed replay under it, because update validators do not run on replay.
    const options = creatorOpsWorkflowOptions(TEST_ACTOR_SIGNING_KEY);
    workflowBundle = await bundleWorkflowCode({
      workflowsPath: options.workflowsPath!,
      workflowInterceptorModules: options.interceptors!.workflowModules,
      webpackConfigHook: options.bundlerOptions!.webpackConfigHook,
      logger: { info() {}, warn() {}, error() {}, debug() {}, trace() {}, log() {} } as never,
    });
  });

  const histories = recordedHistories();

  it('has recorded histories to replay', () => {
    expect(histories.map((h) => h.name)).toEqual(
      expect.arrayContaining(['v0.1-brief-acknowledged-in-time', 'v0.1-brief-escalated-then-acknowledged', 'v0.2-conflict-overridden', 'dropped-in-briefed', 'v0.3-terms-below-floor-approved', 'v0.4-contracts-executed-then-dropped', 'produced-then-dropped', 'v0.5-posted-and-measured', 'v0.6-completed-with-payout', 'v0.8-completed-with-payout', 'v0.10-completed-with-payout', 'v0.11-completed-with-payout', 'v0.11-produced-then-dropped', 'v0.11-terms-below-floor-approved', 'conflict-before-contracting-overridden', 'v0.8-conflict-overridden', 'v0.9-dropped-in-briefed', 'v0.9-campaign-cancelled', 'dropped-then-campaign-cancelled', 'completed-with-payout', 'payout-paid', 'campaign-continued-as-new', 'campaign-cancelled', 'booking-cancelled-with-campaign', 'brief-reacknowledged-then-reassigned', 'payout-details-missing', 'v0.12-completed-with-payout', 'v0.12-payout-paid', 'negotiation-reminded-escalated-then-agreed', 'brief-escalation-reescalated', 'payout-overdue-accepted', 'payout-overdue-accepted-payout', 'approval-above-limit']),
    );
  });

  it('replays decisions signed (completed-with-payout, payout-paid) and from before signing (v0.12-*) alike', () => {
    const signed = (name: string) => JSON.stringify(histories.find((h) => h.name === name)!.json).includes(ACTOR_PROOF_HEADER);
    expect(['completed-with-payout', 'payout-paid'].map(signed)).toEqual([true, true]);
    expect(['v0.12-completed-with-payout', 'v0.12-payout-paid'].map(signed)).toEqual([false, false]);
  });

  it.each(histories.map((h) => [h.name, h] as const))('replays %s deterministically', async (_name, history) => {
    await Worker.runReplayHistory({ workflowBundle }, historyFromJSON(history.json));
  });

  it('catches an incompatible change (a timer where the history has an activity)', async () => {
    const [history] = histories;
    const incompatible = require.resolve(path.resolve(__dirname, '../fixtures/incompatible-workflows'));
    await expect(Worker.runReplayHistory({ workflowsPath: incompatible }, historyFromJSON(history.json))).rejects.toMatchObject({
      name: 'DeterminismViolationError',
      message: expect.stringMatching(/Nondeterminism/),
    });
  });
});

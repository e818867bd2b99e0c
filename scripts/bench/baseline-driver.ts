import { Client, WorkflowNotFoundError } from '@temporalio/client';
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import {
  acceptTerms, acknowledgeBrief, approvePayout, baselinePayoutQuery, baselinePayoutWorkflowId, baselineProgressQuery, bookCreator, markPosted, proposeTerms, recordSignature, reviewDraft, submitDraft,
  submitInvoice, type BaselineCampaignInput, type BaselineInput,
} from './baseline-messages';
import type { benchBaselineCampaignWorkflow } from './baseline.workflow';
import { describeError, LifecycleFailed, PhaseRecorder, pollUntil, recordLifecycle, sleep, type PollOptions } from './drive';
import { terms } from './real-driver';

/**
 * The baseline lifecycle, driven with the Temporal client directly (no HTTP, no API, no
 * database): the same decisions in the same order and grouping as the real driver, and the same
 * polling at the same points (here a workflow query instead of a GET).
 */
export interface BaselineContext {
  client: Client;
  taskQueue: string;
  runTag: string;
  /** The one campaign every collaboration goes through, as in the real phase. */
  campaign: { workflowId: string; input: BaselineCampaignInput };
  input: BaselineInput;
  poll: PollOptions;
}

const actor = (role: string) => ({ userId: randomUUID(), role });

const MAX_ATTEMPTS = 10;
/** gRPC RESOURCE_EXHAUSTED (e.g. more than 10 updates in flight on one workflow, the server's default) and UNAVAILABLE (e.g. an update aborted). */
const RETRYABLE_CODES = new Set([8, 14]);

function retryable(error: unknown): boolean {
  for (let current: unknown = error, depth = 0; current && depth < 5; depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'number' && RETRYABLE_CODES.has(code)) return true;
    current = current instanceof Error ? current.cause : undefined;
  }
  return false;
}

/**
 * A Temporal call retried, with the same update id, while the server pushes back, as the real
 * driver retries the API's 5xx answers; the time recorded around it runs from the first attempt.
 */
async function withRetry<T>(recorder: PhaseRecorder, call: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await call();
    } catch (error) {
      if (!retryable(error) || attempt >= MAX_ATTEMPTS) throw error;
      recorder.retried(describeError(error).slice(0, 300));
      await sleep(250 * attempt + Math.random() * 250);
    }
  }
}

export async function baselineLifecycle(ctx: BaselineContext, recorder: PhaseRecorder, index: number): Promise<void> {
  await recordLifecycle(recorder, index, async () => {
    const workflowId = `bench-baseline-${ctx.runTag}-${index}`;
    const tm = actor('talent_manager');
    const mgr = actor('manager');
    const fin = actor('finance');

    // Collaboration, as the API does it: make sure the campaign's workflow runs (USE_EXISTING), then its
    // bookCreator update, which starts the collaboration's workflow as the campaign's child.
    const started = performance.now();
    const campaign = await withRetry(recorder, () =>
      ctx.client.workflow.start<typeof benchBaselineCampaignWorkflow>('benchBaselineCampaignWorkflow', {
        workflowId: ctx.campaign.workflowId,
        taskQueue: ctx.taskQueue,
        args: [ctx.campaign.input],
        workflowIdConflictPolicy: 'USE_EXISTING',
      }),
    );
    await withRetry(recorder, () =>
      campaign.executeUpdate(bookCreator, {
        args: [{ actor: tm, workflowId, input: ctx.input, booking: { campaignId: ctx.runTag, creatorId: randomUUID(), talentManagerId: tm.userId } }],
        updateId: `bookCreator:${workflowId}`,
      }),
    );
    recorder.starts.push(performance.now() - started);
    const handle = ctx.client.workflow.getHandle(workflowId);

    const reach = (what: string, ready: (p: Awaited<ReturnType<typeof progress>>) => boolean) =>
      pollUntil(recorder, `${workflowId}: ${what}`, async () => {
        const current = await progress();
        return ready(current) ? current : undefined;
      }, ctx.poll);
    const progress = () => handle.query(baselineProgressQuery);

    await recorder.timeUpdate('acknowledgeBrief', () => withRetry(recorder, () => handle.executeUpdate(acknowledgeBrief, { args: [{ actor: tm }], updateId: `acknowledgeBrief:ack-${workflowId}` })));
    await reach('NEGOTIATING', (p) => p.stage === 'NEGOTIATING');
    await recorder.timeUpdate('proposeTerms', () => withRetry(recorder, () => handle.executeUpdate(proposeTerms, { args: [{ actor: tm, terms: terms(ctx.input.deliverables) }], updateId: `proposeTerms:terms-${workflowId}` })));
    await recorder.timeUpdate('acceptTerms', () => withRetry(recorder, () => handle.executeUpdate(acceptTerms, { args: [{ actor: tm }], updateId: `acceptTerms:accept-${workflowId}` })));

    const { contractId } = await reach('contracts', (p) => p.contractId !== undefined);
    const documentHash = 'f'.repeat(64);
    await recorder.timeUpdate('recordSignature', () => withRetry(recorder, () => handle.executeUpdate(recordSignature, { args: [{ actor: tm, contractId, party: 'creator', documentHash }], updateId: `recordSignature:sign-c-${workflowId}` })));
    await recorder.timeUpdate('recordSignature', () => withRetry(recorder, () => handle.executeUpdate(recordSignature, { args: [{ actor: mgr, contractId, party: 'agency', documentHash }], updateId: `recordSignature:sign-a-${workflowId}` })));

    const { deliverableIds } = await reach('deliverables', (p) => p.deliverableIds.length === ctx.input.deliverables);
    await Promise.all(
      deliverableIds.map(async (deliverableId) => {
        await recorder.timeUpdate('submitDraft', () => withRetry(recorder, () => handle.executeUpdate(submitDraft, { args: [{ actor: tm, deliverableId, assetUrl: `https://drive.example/${deliverableId}.mp4`, caption: 'Sponsored: crunchy winter snacks' }], updateId: `submitDraft:draft-${workflowId}-${deliverableId}` })));
        await recorder.timeUpdate('reviewDraft', () => withRetry(recorder, () => handle.executeUpdate(reviewDraft, { args: [{ actor: mgr, deliverableId, version: 1, decision: 'approve' }], updateId: `reviewDraft:review-${workflowId}-${deliverableId}` })));
      }),
    );

    await reach('POSTING', (p) => p.stage === 'POSTING');
    await Promise.all(
      deliverableIds.map((deliverableId, k) =>
        recorder.timeUpdate('markPosted', () => withRetry(recorder, () => handle.executeUpdate(markPosted, { args: [{ actor: tm, deliverableId, liveUrl: `https://www.instagram.com/reel/bench${index}x${k}/`, caption: 'Sponsored: crunchy winter snacks' }], updateId: `markPosted:post-${workflowId}-${deliverableId}` }))),
      ),
    );

    const childWorkflowId = baselinePayoutWorkflowId(workflowId);
    const child = ctx.client.workflow.getHandle(childWorkflowId);
    await pollUntil(recorder, `${childWorkflowId}: payout requested`, async () => {
      try {
        return (await child.query(baselinePayoutQuery)).payoutId ? true : undefined;
      } catch (error) {
        if (error instanceof WorkflowNotFoundError) return undefined;
        throw error;
      }
    }, ctx.poll);
    await recorder.timeUpdate('submitInvoice', () => withRetry(recorder, () => child.executeUpdate(submitInvoice, { args: [{ actor: tm, invoiceNumber: `INV-${index}` }], updateId: `submitInvoice:invoice-${workflowId}` })));
    await recorder.timeUpdate('approvePayout', () => withRetry(recorder, () => child.executeUpdate(approvePayout, { args: [{ actor: fin }], updateId: `approvePayout:approve-${workflowId}` })));
    const done = await reach('COMPLETED', (p) => p.stage === 'COMPLETED');
    if (done.decisions !== 3 + 2 + 3 * ctx.input.deliverables) throw new LifecycleFailed(`${workflowId} recorded ${done.decisions} decisions`);
    return { workflowId, childWorkflowId };
  });
}

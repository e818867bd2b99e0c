import {
  condition, executeChild, getExternalWorkflowHandle, ParentClosePolicy, proxyActivities, setHandler, sleep, startChild, workflowInfo,
} from '@temporalio/workflow';
import type { baselineActivities } from './baseline-activities';
import {
  acceptTerms, acknowledgeBrief, approvePayout, baselineCampaignQuery, baselinePayoutQuery, baselinePayoutWorkflowId, baselineProgressQuery, bookCreator, bookingEnded, markPosted, proposeTerms,
  recordSignature, reviewDraft, submitDraft, submitInvoice,
  type BaselineCampaignBooking, type BaselineCampaignInput, type BaselineInput, type BaselinePayoutProgress, type BaselineProgress,
} from './baseline-messages';

/**
 * The benchmark's baseline: the collaboration lifecycle the benchmark drives (scripts/bench/shape.ts)
 * as a skeleton with the same updates (1 on the campaign + 11 + 2 in the payout child), activities
 * (27 + 4), timers (11 + 1), child workflows and signal, in the same order and with the same
 * concurrency (two deliverables in parallel; every collaboration through one campaign workflow), but
 * every activity is a no-op and every update handler only records the decision (no validator,
 * no check) and answers at the same point the real handler does (e.g. acknowledgeBrief once the
 * next stage is projected, submitDraft once the draft is "stored"). Same activity options as
 * workflows/collaboration-lifecycle.ts. What it measures is Temporal's own cost of this shape.
 */

const { noop } = proxyActivities<typeof baselineActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

export async function benchBaselineWorkflow(input: BaselineInput): Promise<BaselineProgress> {
  const progress: BaselineProgress = { stage: 'STARTED', deliverableIds: [], decisions: 0 };
  /** Decisions received (handlers record here) and acted on (the main path records here). */
  const received = new Set<string>();
  const actedOn = new Set<string>();
  const record = (key: string) => {
    received.add(key);
    progress.decisions += 1;
  };
  const answerWhenActedOn = async (key: string) => {
    record(key);
    await condition(() => actedOn.has(key));
    return progress;
  };
  /** Collaboration.enter: the stage-projection activity, then the stage is visible to pollers. */
  const enter = async (stage: string) => {
    await noop(`recordStage:${stage}`);
    progress.stage = stage;
  };

  setHandler(baselineProgressQuery, () => progress);
  setHandler(acknowledgeBrief, () => answerWhenActedOn('ack'));
  setHandler(proposeTerms, () => {
    record('propose');
    return progress;
  });
  setHandler(acceptTerms, () => answerWhenActedOn('accept'));
  setHandler(recordSignature, async ({ party }) => {
    record(`sign:${party}`);
    await noop('recordSignature');
    return progress;
  });
  setHandler(submitDraft, ({ deliverableId }) => answerWhenActedOn(`draft:${deliverableId}`));
  setHandler(reviewDraft, ({ deliverableId }) => answerWhenActedOn(`review:${deliverableId}`));
  setHandler(markPosted, ({ deliverableId }) => answerWhenActedOn(`post:${deliverableId}`));

  // BRIEFED → CONFLICT_CHECK
  await enter('BRIEFED');
  await condition(() => received.has('ack'), input.deadlineMs);
  await noop('recordBriefAcknowledgement');
  await enter('CONFLICT_CHECK');
  actedOn.add('ack');
  await noop('checkConflicts');

  // NEGOTIATING
  await enter('NEGOTIATING');
  await condition(() => received.has('accept'), input.deadlineMs);
  await noop('recordTerms');

  // CONTRACTING: the creator's then the agency's signature (the handler runs the activity).
  await enter('CONTRACTING');
  actedOn.add('accept');
  await noop('checkConflicts');
  progress.contractId = await noop('prepareContracts');
  await condition(() => received.has('sign:agency'), input.deadlineMs);
  await noop('registerExclusivity');

  // IN_PRODUCTION: every deliverable in parallel, a draft then its review.
  await enter('IN_PRODUCTION');
  await noop('createDeliverables');
  progress.deliverableIds = Array.from({ length: input.deliverables }, (_, i) => `deliverable-${i + 1}`);
  await Promise.all(
    progress.deliverableIds.map(async (id) => {
      await condition(() => received.has(`draft:${id}`), input.deadlineMs);
      await noop('recordDraft');
      actedOn.add(`draft:${id}`);
      await condition(() => received.has(`review:${id}`), input.deadlineMs);
      await noop('recordReview');
      actedOn.add(`review:${id}`);
    }),
  );

  // POSTING: every deliverable in parallel.
  await enter('POSTING');
  await Promise.all(
    progress.deliverableIds.map(async (id) => {
      await condition(() => received.has(`post:${id}`), input.deadlineMs);
      await noop('verifyPost');
      actedOn.add(`post:${id}`);
    }),
  );

  // MEASURING: two snapshots, each followed by a reminder (nobody entered numbers).
  await enter('MEASURING');
  for (const wait of [input.measureFirstMs, input.measureSecondMs - input.measureFirstMs]) {
    await sleep(wait);
    await noop('captureSnapshots');
    await noop('remind');
  }

  // PAYOUT: the child workflow, then COMPLETED.
  await enter('PAYOUT');
  await executeChild(benchBaselinePayoutWorkflow, { workflowId: baselinePayoutWorkflowId(workflowInfo().workflowId), args: [input] });
  await enter('COMPLETED');
  // As the real collaboration: tell the campaign how it ended.
  const parent = workflowInfo().parent;
  if (parent) {
    try {
      await getExternalWorkflowHandle(parent.workflowId).signal(bookingEnded, { workflowId: workflowInfo().workflowId, outcome: progress.stage });
    } catch {
      // the campaign is gone: nobody waits to hear
    }
  }
  return progress;
}

/**
 * The campaign's skeleton (workflows/campaign.workflow.ts): one per phase, every collaboration is a
 * bookCreator update that starts the collaboration's workflow as a child (ABANDON) and answers once it
 * has started; collaborations signal their end. It waits for its end date with one timer.
 */
export async function benchBaselineCampaignWorkflow(input: BaselineCampaignInput): Promise<number> {
  const bookings: BaselineCampaignBooking[] = [];
  let ended = 0;
  setHandler(baselineCampaignQuery, () => ({ bookings: bookings.length, ended }));
  setHandler(bookingEnded, ({ workflowId, outcome }) => {
    const collaboration = bookings.find((b) => b.workflowId === workflowId);
    if (collaboration && !collaboration.outcome) {
      collaboration.outcome = outcome;
      ended += 1;
    }
  });
  setHandler(bookCreator, async ({ workflowId, input: collaborationInput }) => {
    const collaboration: BaselineCampaignBooking = { workflowId, bookedAt: new Date(Date.now()).toISOString() };
    bookings.push(collaboration);
    await startChild(benchBaselineWorkflow, { workflowId, args: [collaborationInput], parentClosePolicy: ParentClosePolicy.ABANDON });
    return collaboration;
  });
  await condition(() => false, input.closesAfterMs);
  return bookings.length;
}

/**
 * The payout child's skeleton: request, invoice (activity in the handler), approval (answers once
 * scheduled), disbursement; like the real one, an approval later than the grace adds the
 * PAYOUT_OVERDUE escalation and its closing (two more activities).
 */
export async function benchBaselinePayoutWorkflow(input: BaselineInput): Promise<BaselinePayoutProgress> {
  const progress: BaselinePayoutProgress = { status: 'requested', decisions: 0 };
  let approved = false;
  setHandler(baselinePayoutQuery, () => progress);
  setHandler(submitInvoice, async () => {
    progress.decisions += 1;
    await noop('recordInvoice');
    progress.status = 'invoiced';
    return progress;
  });
  setHandler(approvePayout, async () => {
    progress.decisions += 1;
    approved = true;
    await condition(() => progress.status === 'scheduled');
    return progress;
  });

  progress.payoutId = await noop('requestPayout');
  // As the real payout: approval later than the grace raises PAYOUT_OVERDUE, closed once paid.
  let overdue = false;
  if (!(await condition(() => approved, input.payoutGraceMs))) {
    await noop('escalate');
    overdue = true;
    await condition(() => approved);
  }
  await noop('approvePayout');
  progress.status = 'scheduled';
  await noop('disburse');
  progress.status = 'paid';
  if (overdue) await noop('closeEscalation');
  return progress;
}

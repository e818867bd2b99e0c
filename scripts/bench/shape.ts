/**
 * What one benchmarked lifecycle is made of, counted by reading workflows/campaign.workflow.ts,
 * workflows/collaboration.workflow.ts, workflows/stages/*.ts and workflows/payout.workflow.ts for
 * the path the benchmark drives: one collaboration on a campaign that all collaborations share (the campaign's
 * workflow takes a bookCreator update and starts the collaboration's workflow as its child), brief
 * acknowledged at once, no conflicts, terms above the margin floor (no approveCommercials), one
 * contract (no NDA, no exclusivity), TWO deliverables each approved on its first draft, both
 * posts verified at the first report, no performance numbers entered (so each of the two
 * snapshots reminds), invoice and approval within the payout's grace, no usage-rights or
 * exclusivity timers; at the end the collaboration signals its campaign. The baseline workflows have
 * exactly these counts.
 *
 * The counts are what the code issues; the history may show fewer timers, because a wait whose
 * condition already holds when it starts never reaches the server (the SDK drops a timer started
 * and cancelled in the same workflow task). The report therefore also counts the real events in
 * the histories of both phases.
 */
export interface PhaseCounts {
  updates: number;
  activities: number;
  timers: number;
  childWorkflows: number;
  /** Signals sent to another workflow. */
  signals: number;
}

export const LIFECYCLE_SHAPE = {
  deliverables: 2,
  /** Per collaboration, on the campaign's workflow (its own end-date timer is per campaign, not counted). */
  campaignWorkflowShare: {
    updates: 1,
    activities: 0,
    timers: 0,
    childWorkflows: 1,
    signals: 0,
  } satisfies PhaseCounts,
  collaborationWorkflow: {
    updates: 11,
    activities: 28,
    timers: 11,
    childWorkflows: 1,
    signals: 1,
  } satisfies PhaseCounts,
  payoutWorkflow: {
    updates: 2,
    activities: 4,
    timers: 1,
    childWorkflows: 0,
    signals: 0,
  } satisfies PhaseCounts,
  total: {
    updates: 14,
    activities: 32,
    timers: 12,
    childWorkflows: 2,
    signals: 1,
  } satisfies PhaseCounts,
  detail: {
    updates: [
      'campaign: bookCreator (starts the collaboration workflow as its child)',
      'acknowledgeBrief',
      'proposeTerms',
      'acceptTerms',
      'recordSignature ×2 (creator, agency; one campaign agreement)',
      'submitDraft ×2 (one per deliverable)',
      'reviewDraft ×2 (approve)',
      'markPosted ×2',
      'payout child: submitInvoice, approvePayout',
    ],
    activities: [
      'recordStage ×9 (BRIEFED, CONFLICT_CHECK, NEGOTIATING, CONTRACTING, IN_PRODUCTION, POSTING, MEASURING, PAYOUT, COMPLETED)',
      'recordBriefAcknowledgement',
      'checkConflicts ×2 (after the brief; again before contracting, with the negotiated exclusivity)',
      'recordTerms',
      'prepareContracts',
      'recordSignature ×2 (run by the update handler)',
      'registerExclusivity',
      'createDeliverables',
      'recordDraft ×2',
      'recordReview ×2',
      'verifyPost ×2',
      'captureSnapshots ×2 (+1 d, +7 d)',
      'remind ×2 (PERFORMANCE_DATA_MISSING: nobody entered numbers)',
      'payout child: requestPayout, recordInvoice (run by the update handler), approvePayout, disburse',
    ],
    timers: [
      'brief acknowledgement deadline (condition with timeout)',
      'negotiation deadline',
      'contract reminder deadline',
      'draft deadline ×2',
      'review deadline ×2',
      'posting window ×2',
      'measuring sleeps ×2 (measureFirst, measureSecond − measureFirst)',
      'payout child: approval grace before PAYOUT_OVERDUE (the due date has passed with paymentDay = 10 ms)',
    ],
    childWorkflows: ['the collaboration workflow, started by the campaign workflow', 'the payout workflow, started by the collaboration workflow'],
    signals: ['bookingEnded, from the collaboration workflow to its campaign when it ends'],
    notCounted: [
      'upsertSearchAttributes (Stage) on every stage change: a command, not an update, activity or timer; the baseline does not issue it',
      "the campaign workflow's own end-date timer and its start (once per campaign, i.e. per phase, in both)",
      'PAYOUT_OVERDUE: escalate + closeEscalation (2 more activities, in both the real and the baseline payout) when the approval comes later than the grace (1 s after the payout request once the due date has passed); the histories show how often',
      'a sleep until the due date when approved before it (not with paymentDay = 10 ms: the due date has passed)',
    ],
  },
} as const;

/** Counts of one workflow's history, from its events' attribute fields. */
export interface HistoryCounts {
  events: number;
  updatesAccepted: number;
  activitiesScheduled: number;
  timersStarted: number;
  timersFired: number;
  childWorkflowsStarted: number;
  signalsSent: number;
  signalsReceived: number;
  workflowTasksCompleted: number;
}

export const EMPTY_COUNTS: HistoryCounts = Object.freeze({
  events: 0,
  updatesAccepted: 0,
  activitiesScheduled: 0,
  timersStarted: 0,
  timersFired: 0,
  childWorkflowsStarted: 0,
  signalsSent: 0,
  signalsReceived: 0,
  workflowTasksCompleted: 0,
});

/** A history event as the client decodes it: one `<kind>EventAttributes` field is set. */
export type HistoryEventLike = Record<string, unknown>;

const has = (event: HistoryEventLike, field: string) => event[field] !== null && event[field] !== undefined;

/** Counts updates, activities, timers, child workflows, signals and workflow tasks in one history. */
export function countHistory(events: readonly HistoryEventLike[]): HistoryCounts {
  const counts: HistoryCounts = { ...EMPTY_COUNTS };
  for (const event of events) {
    counts.events += 1;
    if (has(event, 'workflowExecutionUpdateAcceptedEventAttributes')) counts.updatesAccepted += 1;
    if (has(event, 'activityTaskScheduledEventAttributes')) counts.activitiesScheduled += 1;
    if (has(event, 'timerStartedEventAttributes')) counts.timersStarted += 1;
    if (has(event, 'timerFiredEventAttributes')) counts.timersFired += 1;
    if (has(event, 'startChildWorkflowExecutionInitiatedEventAttributes')) counts.childWorkflowsStarted += 1;
    if (has(event, 'signalExternalWorkflowExecutionInitiatedEventAttributes')) counts.signalsSent += 1;
    if (has(event, 'workflowExecutionSignaledEventAttributes')) counts.signalsReceived += 1;
    if (has(event, 'workflowTaskCompletedEventAttributes')) counts.workflowTasksCompleted += 1;
  }
  return counts;
}

export function addCounts(a: HistoryCounts, b: HistoryCounts): HistoryCounts {
  const sum = { ...a };
  for (const key of Object.keys(EMPTY_COUNTS) as (keyof HistoryCounts)[]) sum[key] = a[key] + b[key];
  return sum;
}

/** Every count divided by `by` (a campaign's history shared out over its collaborations). */
export function divideCounts(counts: HistoryCounts, by: number): Record<keyof HistoryCounts, number> {
  const share = {} as Record<keyof HistoryCounts, number>;
  for (const key of Object.keys(EMPTY_COUNTS) as (keyof HistoryCounts)[]) share[key] = by > 0 ? Math.round((counts[key] / by) * 100) / 100 : 0;
  return share;
}

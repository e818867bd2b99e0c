import { CancellationScope, condition, patched, proxyActivities, upsertSearchAttributes, workflowInfo } from '@temporalio/workflow';
import type { CollaborationActivityFunctions } from '../activities';
import { EscalationKind, EscalationResolution, EscalationSeverity } from '../libs/domain/rules/escalations';
import type { Actor } from '../libs/domain/rules/roles';
import { DEFAULT_SLA_POLICY, type SlaPolicy } from '../libs/domain/rules/sla';
import { CollaborationStage } from '../libs/domain/rules/stages';
import type { CollaborationInput, CollaborationState, Deadline, MarkPostedInput, ReminderRecipient, ResolveEscalationInput, ReviewDraftInput, SubmitDraftInput } from './messages';
import { StageKey } from './search-attributes';

export const activities = proxyActivities<CollaborationActivityFunctions>({
  startToCloseTimeout: '30 seconds',
  retry: {
    initialInterval: '1 second',
    backoffCoefficient: 2,
    maximumInterval: '1 minute',
    // Retrying cannot make a missing collaboration appear, nor approve a payout.
    nonRetryableErrorTypes: ['CollaborationNotFound', 'PayoutNotApproved'],
  },
});

/**
 * The state of one collaboration as the workflow sees it, and the only place that changes it.
 * Stage files call these methods; the state query reads `state`.
 */
export class CollaborationLifecycle {
  readonly state: CollaborationState;
  /** The stage the database row shows; update handlers wait for it before answering. */
  projectedStage: CollaborationStage | null = null;
  /** Managers' decisions on open escalations, waiting for the stage that raised them. */
  readonly decisions = new Map<string, ResolveEscalationInput>();
  /** Decisions the raising stage has fully acted on (deadline moved, collaboration released). */
  readonly settledDecisions = new Set<string>();
  /** Drafts and reviews received by update handlers, waiting for their deliverable's loop. */
  readonly pendingDrafts = new Map<string, SubmitDraftInput>();
  readonly pendingReviews = new Map<string, ReviewDraftInput>();
  readonly pendingPosts = new Map<string, MarkPostedInput>();
  /**
   * Set just before the activity that creates contracts (deliverables) is scheduled: a dropout
   * that cancels it mid-flight must still undo whatever it may have written.
   */
  contractsMayExist = false;
  deliverablesMayExist = false;
  /** The agreed terms are on the collaboration row. */
  termsRecorded = false;
  /** Terms below the floor wait for an approval checked against the approver's limit (patched('approval-limits')). */
  approvalLimitsApply = false;
  /** An approval is with that check (an activity): another one waits for its answer. */
  approvalBeingChecked = false;
  /** Set by dropOut (or a DROP resolution): the lifecycle is being cancelled. */
  dropRequest?: { actor: Actor; reason: string };
  /** The drop comes from the campaign's cancellation, not from this creator. */
  cancelledWithCampaign = false;
  /** The campaign was cancelled after this collaboration had been dropped: no replacement will be sought. */
  campaignCancelledAfterDrop?: { actor: Actor; reason: string };
  private readonly escalationCounts = new Map<EscalationKind, number>();
  private deadlineRevision = 0;
  private lifecycle?: CancellationScope;

  constructor(readonly input: CollaborationInput) {
    this.state = {
      collaborationId: input.collaborationId,
      stage: CollaborationStage.Briefed,
      deadlines: [],
      openEscalations: [],
      resolvedEscalations: [],
      history: [],
    };
  }

  /** Who runs the booking: the talent manager it started with, or the one it moved to (talentManagerChanged). */
  get talentManagerId(): string {
    return this.state.talentManagerId ?? this.input.talentManagerId;
  }

  /** How many times the brief changed after acknowledgement: keys each fresh acknowledgement's record. */
  briefChanges = 0;

  get stage(): CollaborationStage {
    return this.state.stage;
  }

  /** Workflow time (deterministic), as ISO text. */
  now(): string {
    return new Date(Date.now()).toISOString();
  }

  /** The SLA policy with defaults for durations added after this run started. */
  get sla(): SlaPolicy {
    return { ...DEFAULT_SLA_POLICY, ...this.input.sla };
  }

  /** A deadline `ms` from now in this stage, as the panel and query show it. */
  deadline(name: string, ms: number): Deadline {
    return { name, stage: this.stage, dueAt: new Date(Date.now() + ms).toISOString() };
  }

  /**
   * Waits until the row shows the stage the workflow is in. A decision that moves the collaboration
   * on then answers when the panel and the API already show the new stage and offer its
   * actions. Runs from before the patch answered as soon as the workflow had moved.
   */
  async projectionCaughtUp(): Promise<void> {
    if (!patched('decisions-answer-after-projection')) return;
    await condition(() => this.projectedStage === this.state.stage);
  }

  /** Runs the stages in a scope that a dropout cancels, wherever the collaboration is waiting. */
  async runLifecycle(stages: () => Promise<void>): Promise<void> {
    this.lifecycle = new CancellationScope();
    await this.lifecycle.run(stages);
  }

  requestDrop(actor: Actor, reason: string): void {
    this.dropRequest = { actor, reason };
    this.lifecycle?.cancel();
  }

  async enter(
    stage: CollaborationStage,
    deadlines: (collaboration: CollaborationLifecycle) => Deadline[] = () => [],
    decidedBy?: { actor?: Actor; reason?: string },
  ): Promise<void> {
    const from = this.projectedStage;
    this.state.stage = stage;
    this.state.deadlines = deadlines(this);
    this.record('stage.entered', decidedBy?.actor, decidedBy?.reason);
    upsertSearchAttributes([{ key: StageKey, value: stage }]);
    await activities.recordStage({
      collaborationId: this.input.collaborationId,
      from,
      to: stage,
      deadlines: this.deadlinesSnapshot(),
      at: this.now(),
      eventKey: this.eventKey(`stage:${stage}`),
      actor: decidedBy?.actor,
      reason: decidedBy?.reason,
    });
    this.projectedStage = stage;
  }

  /**
   * An extension: replaces the current stage's deadlines, or with `keepOthers` only those with
   * the same names (deliverables in production each have their own), and shows them on the row.
   */
  async moveDeadlines(deadlines: Deadline[], keepOthers = false): Promise<void> {
    const names = new Set(deadlines.map((d) => d.name));
    this.state.deadlines = keepOthers ? [...this.state.deadlines.filter((d) => !names.has(d.name)), ...deadlines] : deadlines;
    this.deadlineRevision += 1;
    await activities.recordDeadlines({
      collaborationId: this.input.collaborationId,
      deadlines: this.deadlinesSnapshot(),
      eventKey: this.eventKey(`deadlines:${this.stage}:${this.deadlineRevision}`),
    });
  }

  record(event: string, actor?: Actor, detail?: string): void {
    this.state.history.push({ at: this.now(), event, stage: this.stage, actor, detail });
  }

  async remind(kind: string, message: string, options: { step?: string; recipient?: ReminderRecipient } = {}): Promise<void> {
    await activities.remind({
      collaborationId: this.input.collaborationId,
      kind,
      message,
      eventKey: this.eventKey(options.step ? `remind:${kind}:${options.step}` : `remind:${kind}`),
      ...(options.recipient ? { recipient: options.recipient } : {}),
    });
    this.record('reminder.sent', undefined, kind);
  }

  /** Raises an escalation and returns its id. */
  async escalate(kind: EscalationKind, severity: EscalationSeverity, summary: string): Promise<string> {
    const occurrence = (this.escalationCounts.get(kind) ?? 0) + 1;
    this.escalationCounts.set(kind, occurrence);
    const raisedAt = this.now();
    const escalationId = await activities.escalate({
      collaborationId: this.input.collaborationId,
      kind,
      severity,
      summary,
      at: raisedAt,
      eventKey: this.eventKey(`escalate:${kind}:${occurrence}`),
    });
    this.state.openEscalations.push({ escalationId, kind, raisedAt });
    this.record('escalation.raised', undefined, kind);
    return escalationId;
  }

  /**
   * Waits for a manager's decision on the escalation, or until `settled` says the awaited thing
   * arrived anyway (then null). A DROP never returns: it cancels the lifecycle.
   */
  async awaitDecision(escalationId: string, settled: () => boolean = () => false): Promise<ResolveEscalationInput | null> {
    const answered = () => this.decisions.has(escalationId) || settled();
    // Runs from before re-escalation wait for their assignee however long it takes, as they did then.
    if (patched('reescalate-up-the-team-tree')) await this.reescalateUntil(escalationId, answered);
    await condition(answered);
    return this.decisions.get(escalationId) ?? null;
  }

  /**
   * An escalation nobody resolves within `escalationResponse` goes to the assignee's own manager,
   * and on up the team tree each time that lapses too, until it is answered or nobody is above.
   */
  private async reescalateUntil(escalationId: string, answered: () => boolean): Promise<void> {
    for (let level = 1; !(await condition(answered, this.sla.escalationResponse)); level += 1) {
      const assigneeId = await activities.reescalate({
        escalationId,
        collaborationId: this.input.collaborationId,
        at: this.now(),
        eventKey: this.eventKey(`reescalate:${escalationId}:${level}`),
      });
      if (!assigneeId) return;
      const open = this.state.openEscalations.find((e) => e.escalationId === escalationId);
      if (open) open.assigneeId = assigneeId;
      this.record('escalation.reescalated', undefined, `${open?.kind ?? escalationId}: level ${level}`);
    }
  }

  /** Marks an open escalation resolved, in the state and the database. */
  async closeEscalation(escalationId: string, resolution: EscalationResolution, reason: string, actor?: Actor): Promise<void> {
    const open = this.state.openEscalations.find((e) => e.escalationId === escalationId);
    if (!open) return;
    const resolvedAt = this.now();
    await activities.closeEscalation({
      escalationId,
      collaborationId: this.input.collaborationId,
      resolution,
      reason,
      actor,
      at: resolvedAt,
      eventKey: this.eventKey(`resolve:${escalationId}`),
    });
    this.state.openEscalations = this.state.openEscalations.filter((e) => e.escalationId !== escalationId);
    this.state.resolvedEscalations.push({ ...open, resolution, reason, actor, resolvedAt });
    this.record('escalation.resolved', actor, `${open.kind}: ${resolution}`);
  }

  async recordBriefAcknowledgement(actor: Actor, at: string, step = 'brief-acknowledged'): Promise<void> {
    await activities.recordBriefAcknowledgement({
      collaborationId: this.input.collaborationId,
      actor,
      at,
      eventKey: this.eventKey(step),
    });
  }

  /** Idempotency key of a side effect: stable across activity retries and worker restarts. */
  eventKey(step: string): string {
    return `${workflowInfo().workflowId}:${step}`;
  }

  private deadlinesSnapshot(): Record<string, string> {
    return Object.fromEntries(this.state.deadlines.map((d) => [d.name, d.dueAt]));
  }
}

import { condition, patched, setHandler } from '@temporalio/workflow';
import { EscalationKind, EscalationResolution, EscalationSeverity } from '../../libs/domain/rules/escalations';
import { DeliverableStatus, DraftDecision } from '../../libs/domain/rules/lifecycle';
import { DECISION_ROLES } from '../../libs/domain/rules/decision-roles';
import { DEFAULT_SLA_POLICY } from '../../libs/domain/rules/sla';
import { CollaborationStage } from '../../libs/domain/rules/stages';
import { activities, type Booking } from '../booking';
import { waitOrEscalate } from '../deadlines';
import { reviewDraftUpdate, submitDraftUpdate, type DeliverableProgress, type ReviewDraftInput, type SubmitDraftInput } from '../messages';
import { rejectDecision, requireRole, requireStage } from './decisions';

const MAY_SUBMIT = DECISION_ROLES.submitDraft;
/** Managers review for the brand when it delegates (docs/domain.md#roles). */
const MAY_REVIEW = DECISION_ROLES.reviewDraft;
const MAX_CAPTION = 2_200;

function deliverableOf(booking: Booking, deliverableId: string): DeliverableProgress {
  const deliverable = booking.state.deliverables?.find((d) => d.deliverableId === deliverableId);
  if (!deliverable) throw rejectDecision(`Deliverable ${deliverableId} is not one of this booking's deliverables`, 'InvalidDecision');
  return deliverable;
}

function checkDraftSubmission(booking: Booking, input: SubmitDraftInput): void {
  const deliverable = deliverableOf(booking, input.deliverableId);
  if (deliverable.status === 'in_review') throw rejectDecision(`The ${deliverable.type} has a draft in review; wait for the review`, 'WrongStage');
  if (deliverable.status === 'approved') throw rejectDecision(`The ${deliverable.type} is already approved`, 'WrongStage');
  if (booking.pendingDrafts.has(input.deliverableId)) throw rejectDecision(`A draft of the ${deliverable.type} is being checked`, 'WrongStage');
}

export function handleProduction(booking: Booking): void {
  setHandler(
    submitDraftUpdate,
    async (input: SubmitDraftInput) => {
      if (!booking.state.deliverables) {
        // Accepted while the deliverables were being created: checked in full once they are known.
        await condition(() => booking.state.deliverables !== undefined || booking.stage !== CollaborationStage.InProduction);
        requireStage(booking, CollaborationStage.InProduction, 'Drafts can only be submitted');
        checkDraftSubmission(booking, input);
      }
      const deliverable = booking.state.deliverables!.find((d) => d.deliverableId === input.deliverableId)!;
      const version = deliverable.drafts.length + 1;
      booking.pendingDrafts.set(input.deliverableId, input);
      // Answer with the compliance result, once the draft is stored.
      await condition(() => deliverable.drafts.length >= version);
      return booking.state;
    },
    {
      validator: (input: SubmitDraftInput) => {
        if (!input || typeof input !== 'object' || !input.actor) throw rejectDecision('An acting user is required', 'InvalidDecision');
        requireRole(input.actor, MAY_SUBMIT, 'submit a draft');
        requireStage(booking, CollaborationStage.InProduction, 'Drafts can only be submitted');
        // The deliverables are visible as soon as they are stored, a moment before the workflow
        // hears back from the activity; a draft sent in that moment waits for them.
        if (!(booking.deliverablesMayExist && !booking.state.deliverables)) checkDraftSubmission(booking, input);
        if (typeof input.assetUrl !== 'string' || !/^https:\/\/\S+$/.test(input.assetUrl) || input.assetUrl.length > 2_048) {
          throw rejectDecision('assetUrl must be an https:// link to the draft', 'InvalidDecision');
        }
        if (typeof input.caption !== 'string' || input.caption.length > MAX_CAPTION) {
          throw rejectDecision(`caption must be text of at most ${MAX_CAPTION} characters`, 'InvalidDecision');
        }
      },
    },
  );

  setHandler(
    reviewDraftUpdate,
    async (input: ReviewDraftInput) => {
      const deliverable = booking.state.deliverables!.find((d) => d.deliverableId === input.deliverableId)!;
      booking.pendingReviews.set(input.deliverableId, input);
      await condition(() => deliverable.drafts[input.version - 1]?.decision !== undefined);
      await booking.projectionCaughtUp();
      return booking.state;
    },
    {
      validator: (input: ReviewDraftInput) => {
        if (!input || typeof input !== 'object' || !input.actor) throw rejectDecision('An acting user is required', 'InvalidDecision');
        requireRole(input.actor, MAY_REVIEW, 'review a draft');
        requireStage(booking, CollaborationStage.InProduction, 'Drafts can only be reviewed');
        const deliverable = deliverableOf(booking, input.deliverableId);
        if (deliverable.status !== 'in_review' || booking.pendingReviews.has(input.deliverableId)) {
          throw rejectDecision(`The ${deliverable.type} has no draft waiting for review (it is ${deliverable.status})`, 'WrongStage');
        }
        if (input.version !== deliverable.drafts.length) {
          throw rejectDecision(`Version ${input.version} is not the draft in review; version ${deliverable.drafts.length} is`, 'WrongStage');
        }
        if (input.decision !== 'approve' && input.decision !== 'request_changes') throw rejectDecision('decision must be approve or request_changes', 'InvalidDecision');
        if (input.decision === 'request_changes' && (typeof input.feedback !== 'string' || !input.feedback.trim())) {
          throw rejectDecision('Requesting changes needs feedback for the creator', 'InvalidDecision');
        }
      },
    },
  );
}

/**
 * IN_PRODUCTION (docs/domain.md#the-collaboration-lifecycle), every deliverable in parallel: a draft by its due date
 * (DRAFT_OVERDUE), a compliance check (a failing draft goes back with the reasons without
 * using a revision round), the review (REVIEW_OVERDUE: extend or accept as is), and the
 * included revision rounds (REVISION_LIMIT: allow one more round, or accept as is).
 */
export async function inProduction(booking: Booking): Promise<void> {
  await booking.enter(CollaborationStage.InProduction);
  if (!patched('in-production')) {
    // Bookings that reached this stage before production existed hold here, as they did then.
    await condition(() => booking.stage !== CollaborationStage.InProduction);
    return;
  }
  booking.deliverablesMayExist = true;
  const planned = await activities.createDeliverables({
    collaborationId: booking.input.collaborationId,
    deliverables: booking.state.negotiation!.agreed!.terms.deliverables,
    at: booking.now(),
  });
  booking.state.deliverables = planned.map((d) => ({ ...d, status: 'drafting' as const, revisionCount: 0, drafts: [] }));
  booking.state.deadlines = booking.state.deliverables.map((d) => ({ name: draftDeadlineName(d), stage: booking.stage, dueAt: d.draftDueAt }));
  await Promise.all(booking.state.deliverables.map((deliverable) => produce(booking, deliverable)));
}

function draftDeadlineName(d: DeliverableProgress): string {
  return `draftDue:${d.deliverableId}`;
}

async function produce(booking: Booking, d: DeliverableProgress): Promise<void> {
  const sla = { ...DEFAULT_SLA_POLICY, ...booking.input.sla };
  // A due date already past still gets a moment for a draft on its way.
  let draftWindow = Math.max(1_000, Date.parse(d.draftDueAt) - Date.now());
  for (;;) {
    await waitOrEscalate(booking, {
      done: () => booking.pendingDrafts.has(d.deliverableId),
      escalateAfter: draftWindow,
      escalation: { kind: EscalationKind.DraftOverdue, severity: EscalationSeverity.Medium, summary: `The ${d.type} draft is overdue; extend the deadline or drop the booking.` },
      deadlineName: draftDeadlineName(d),
      lateReason: 'The draft arrived after the deadline',
      keepOtherDeadlines: true,
    });
    const submission = booking.pendingDrafts.get(d.deliverableId)!;
    const version = d.drafts.length + 1;
    const check = await activities.recordDraft({
      collaborationId: booking.input.collaborationId,
      deliverableId: d.deliverableId,
      version,
      assetUrl: submission.assetUrl,
      caption: submission.caption,
      paidPartnershipLabel: submission.paidPartnershipLabel,
      actor: submission.actor,
      at: booking.now(),
    });
    booking.pendingDrafts.delete(d.deliverableId);
    d.drafts.push({ version, compliant: check.compliant, violations: check.violations });
    if (!check.compliant) {
      // Back to the creator with the reasons; no revision round is used.
      d.status = 'changes_requested';
      booking.record('draft.failed_compliance', submission.actor, `${d.type} v${version}: ${check.violations.map((v) => v.rule).join(', ')}`);
      draftWindow = sla.revision;
      continue;
    }
    d.status = 'in_review';
    booking.record('draft.submitted', submission.actor, `${d.type} v${version}`);

    const acceptance = await waitOrEscalate(booking, {
      done: () => booking.pendingReviews.has(d.deliverableId),
      escalateAfter: sla.draftReview,
      escalation: { kind: EscalationKind.ReviewOverdue, severity: EscalationSeverity.Medium, summary: `The ${d.type} draft has waited too long for review; extend the review or accept it as is.` },
      deadlineName: `review:${d.deliverableId}`,
      lateReason: 'The draft was reviewed after the deadline',
      keepOtherDeadlines: true,
    });
    const draft = d.drafts[version - 1];
    if (acceptance) {
      await approve(booking, d, draft, { actor: acceptance.actor, feedback: acceptance.reason, acceptedAsIs: true });
      booking.settledDecisions.add(acceptance.escalationId);
      return;
    }
    const review = booking.pendingReviews.get(d.deliverableId)!;
    booking.pendingReviews.delete(d.deliverableId);
    if (review.decision === 'approve') {
      await approve(booking, d, draft, { actor: review.actor, feedback: review.feedback });
      return;
    }

    // Changes requested: within the included rounds, or past them by a manager's leave.
    draftWindow = sla.revision;
    if (d.revisionCount >= d.maxRevisions) {
      await recordReview(booking, d, draft, DraftDecision.ChangesRequested, DeliverableStatus.ChangesRequested, review);
      const escalationId = await booking.escalate(
        EscalationKind.RevisionLimit,
        EscalationSeverity.Medium,
        `The ${d.type} has used its ${d.maxRevisions} included revision rounds and more changes were requested; allow one more round or accept the draft as is.`,
      );
      const decision = (await booking.awaitDecision(escalationId))!;
      await booking.closeEscalation(escalationId, decision.resolution, decision.reason, decision.actor);
      if (decision.resolution === EscalationResolution.Accept) {
        draft.acceptedAsIs = true;
        await approve(booking, d, draft, { actor: decision.actor, feedback: decision.reason, acceptedAsIs: true, alreadyDecided: true });
        booking.settledDecisions.add(escalationId);
        return;
      }
      d.maxRevisions += 1;
      booking.settledDecisions.add(escalationId);
    }
    d.revisionCount += 1;
    d.status = 'changes_requested';
    if (draft.decision === undefined) {
      await recordReview(booking, d, draft, DraftDecision.ChangesRequested, DeliverableStatus.ChangesRequested, review);
    } else {
      await activities.recordReview({
        deliverableId: d.deliverableId, version: draft.version, decision: DraftDecision.ChangesRequested, status: DeliverableStatus.ChangesRequested,
        revisionCount: d.revisionCount, maxRevisions: d.maxRevisions, actor: review.actor, at: booking.now(),
        eventKey: booking.eventKey(`review:${d.deliverableId}:${draft.version}:extra-round`),
      });
    }
  }
}

async function recordReview(
  booking: Booking,
  d: DeliverableProgress,
  draft: DeliverableProgress['drafts'][number],
  decision: DraftDecision,
  status: DeliverableStatus,
  review: { actor?: ReviewDraftInput['actor']; feedback?: string },
): Promise<void> {
  await activities.recordReview({
    deliverableId: d.deliverableId,
    version: draft.version,
    decision,
    feedback: review.feedback,
    status,
    revisionCount: d.revisionCount,
    maxRevisions: d.maxRevisions,
    actor: review.actor,
    at: booking.now(),
    eventKey: booking.eventKey(`review:${d.deliverableId}:${draft.version}`),
  });
  draft.decision = decision;
  draft.feedback = review.feedback;
  booking.record(decision === DraftDecision.Approved ? 'draft.approved' : 'draft.changes_requested', review.actor, `${d.type} v${draft.version}`);
}

async function approve(
  booking: Booking,
  d: DeliverableProgress,
  draft: DeliverableProgress['drafts'][number],
  by: { actor?: ReviewDraftInput['actor']; feedback?: string; acceptedAsIs?: boolean; alreadyDecided?: boolean },
): Promise<void> {
  d.status = 'approved';
  if (by.acceptedAsIs) draft.acceptedAsIs = true;
  if (by.alreadyDecided) {
    await activities.recordReview({
      deliverableId: d.deliverableId, version: draft.version, decision: DraftDecision.Approved, status: DeliverableStatus.Approved,
      revisionCount: d.revisionCount, maxRevisions: d.maxRevisions, actor: by.actor, at: booking.now(),
      eventKey: booking.eventKey(`review:${d.deliverableId}:${draft.version}:accepted`),
    });
    booking.record('draft.accepted_as_is', by.actor, `${d.type} v${draft.version}`);
    return;
  }
  await recordReview(booking, d, draft, DraftDecision.Approved, DeliverableStatus.Approved, { actor: by.actor, feedback: by.feedback });
}

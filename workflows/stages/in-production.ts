import { condition, patched, setHandler } from '@temporalio/workflow';
import { EscalationKind, EscalationResolution, EscalationSeverity } from '../../libs/domain/rules/escalations';
import { DeliverableStatus, DraftDecision } from '../../libs/domain/rules/lifecycle';
import { DECISION_ROLES } from '../../libs/domain/rules/decision-roles';
import { deliverableDeadlineName } from '../../libs/domain/rules/deadline-names';
import { declaredDisclosureFacts, disclosureFactsProblem } from '../../libs/domain/rules/disclosure-facts';
import { DEFAULT_SLA_POLICY } from '../../libs/domain/rules/sla';
import { CollaborationStage } from '../../libs/domain/rules/stages';
import { activities, type CollaborationLifecycle } from '../collaboration-lifecycle';
import { waitOrEscalate } from '../deadlines';
import { reviewDraftUpdate, submitDraftUpdate, type DeliverableProgress, type ReviewDraftInput, type SubmitDraftInput } from '../messages';
import { UPLOAD_ASSET } from '../../libs/domain/rules/upload-types';
import { rejectDecision, requireDecider, requireStage } from './decisions';

const MAY_SUBMIT = DECISION_ROLES.submitDraft;
/** Managers review for the brand when it delegates (docs/domain.md#roles). */
const MAY_REVIEW = DECISION_ROLES.reviewDraft;
const MAX_CAPTION = 2_200;

function deliverableOf(collaboration: CollaborationLifecycle, deliverableId: string): DeliverableProgress {
  const deliverable = collaboration.state.deliverables?.find((d) => d.deliverableId === deliverableId);
  if (!deliverable) throw rejectDecision(`Deliverable ${deliverableId} is not one of this booking's deliverables`, 'InvalidDecision');
  return deliverable;
}

function checkDraftSubmission(collaboration: CollaborationLifecycle, input: SubmitDraftInput): void {
  const deliverable = deliverableOf(collaboration, input.deliverableId);
  if (deliverable.status === DeliverableStatus.InReview) throw rejectDecision(`The ${deliverable.type} has a draft in review; wait for the review`, 'WrongStage');
  if (deliverable.status === DeliverableStatus.Approved) throw rejectDecision(`The ${deliverable.type} is already approved`, 'WrongStage');
  if (collaboration.pendingDrafts.has(input.deliverableId)) throw rejectDecision(`A draft of the ${deliverable.type} is being checked`, 'WrongStage');
}

export function handleProduction(collaboration: CollaborationLifecycle): void {
  setHandler(
    submitDraftUpdate,
    async (input: SubmitDraftInput) => {
      if (!collaboration.state.deliverables) {
        // Accepted while the deliverables were being created: checked in full once they are known.
        await condition(() => collaboration.state.deliverables !== undefined || collaboration.stage !== CollaborationStage.InProduction);
        requireStage(collaboration, CollaborationStage.InProduction, 'Drafts can only be submitted');
        if (collaboration.state.briefChangedAt) {
          throw rejectDecision(
            `The campaign brief changed at ${collaboration.state.briefChangedAt}, after the creator acknowledged it; record their acknowledgement of the new brief (acknowledge-brief) before submitting a draft`,
            'WrongStage',
          );
        }
        checkDraftSubmission(collaboration, input);
      }
      const deliverable = collaboration.state.deliverables!.find((d) => d.deliverableId === input.deliverableId)!;
      const version = deliverable.drafts.length + 1;
      collaboration.pendingDrafts.set(input.deliverableId, input);
      // Answer with the compliance result, once the draft is stored.
      await condition(() => deliverable.drafts.length >= version);
      return collaboration.state;
    },
    {
      validator: (input: SubmitDraftInput) => {
        if (!input || typeof input !== 'object' || !input.actor) throw rejectDecision('An acting user is required', 'InvalidDecision');
        requireDecider(collaboration, input.actor, MAY_SUBMIT, 'submitDraft', 'submit a draft');
        requireStage(collaboration, CollaborationStage.InProduction, 'Drafts can only be submitted');
        if (collaboration.state.briefChangedAt) {
          throw rejectDecision(
            `The campaign brief changed at ${collaboration.state.briefChangedAt}, after the creator acknowledged it; record their acknowledgement of the new brief (acknowledge-brief) before submitting a draft`,
            'WrongStage',
          );
        }
        // The deliverables are visible as soon as they are stored, a moment before the workflow
        // hears back from the activity; a draft sent in that moment waits for them.
        if (!(collaboration.deliverablesMayExist && !collaboration.state.deliverables)) checkDraftSubmission(collaboration, input);
        // An https:// link to the draft, or a file uploaded through the portal (upload:<sha256>).
        if (typeof input.assetUrl !== 'string' || !(/^https:\/\/\S+$/.test(input.assetUrl) || UPLOAD_ASSET.test(input.assetUrl)) || input.assetUrl.length > 2_048) {
          throw rejectDecision('assetUrl must be an https:// link to the draft, or an uploaded file', 'InvalidDecision');
        }
        if (typeof input.caption !== 'string' || input.caption.length > MAX_CAPTION) {
          throw rejectDecision(`caption must be text of at most ${MAX_CAPTION} characters`, 'InvalidDecision');
        }
        const problem = disclosureFactsProblem(input);
        if (problem) throw rejectDecision(problem, 'InvalidDecision');
      },
    },
  );

  setHandler(
    reviewDraftUpdate,
    async (input: ReviewDraftInput) => {
      const deliverable = collaboration.state.deliverables!.find((d) => d.deliverableId === input.deliverableId)!;
      collaboration.pendingReviews.set(input.deliverableId, input);
      await condition(() => deliverable.drafts[input.version - 1]?.decision !== undefined);
      await collaboration.projectionCaughtUp();
      return collaboration.state;
    },
    {
      validator: (input: ReviewDraftInput) => {
        if (!input || typeof input !== 'object' || !input.actor) throw rejectDecision('An acting user is required', 'InvalidDecision');
        requireDecider(collaboration, input.actor, MAY_REVIEW, 'reviewDraft', 'review a draft');
        requireStage(collaboration, CollaborationStage.InProduction, 'Drafts can only be reviewed');
        const deliverable = deliverableOf(collaboration, input.deliverableId);
        if (deliverable.status !== DeliverableStatus.InReview || collaboration.pendingReviews.has(input.deliverableId)) {
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
export async function inProduction(collaboration: CollaborationLifecycle): Promise<void> {
  await collaboration.enter(CollaborationStage.InProduction);
  if (!patched('in-production')) {
    // Collaborations that reached this stage before production existed hold here, as they did then.
    await condition(() => collaboration.stage !== CollaborationStage.InProduction);
    return;
  }
  collaboration.deliverablesMayExist = true;
  const planned = await activities.createDeliverables({
    collaborationId: collaboration.input.collaborationId,
    deliverables: collaboration.state.negotiation!.agreed!.terms.deliverables,
    at: collaboration.now(),
  });
  collaboration.state.deliverables = planned.map((d) => ({ ...d, status: DeliverableStatus.Drafting as const, revisionCount: 0, drafts: [] }));
  collaboration.state.deadlines = collaboration.state.deliverables.map((d) => ({ name: draftDeadlineName(d), stage: collaboration.stage, dueAt: d.draftDueAt }));
  await Promise.all(collaboration.state.deliverables.map((deliverable) => produce(collaboration, deliverable)));
}

function draftDeadlineName(d: DeliverableProgress): string {
  return deliverableDeadlineName('draftDue', d.deliverableId);
}

async function produce(collaboration: CollaborationLifecycle, d: DeliverableProgress): Promise<void> {
  const sla = { ...DEFAULT_SLA_POLICY, ...collaboration.input.sla };
  // Runs from before every wait reminded escalate without a reminder, as they did then.
  const reminds = patched('remind-before-every-escalation');
  // A due date already past still gets a moment for a draft on its way.
  let draftWindow = Math.max(1_000, Date.parse(d.draftDueAt) - Date.now());
  for (let round = 1; ; round += 1) {
    await waitOrEscalate(collaboration, {
      done: () => collaboration.pendingDrafts.has(d.deliverableId),
      ...(reminds
        ? { reminder: { after: draftWindow - sla.draftDueReminder, kind: 'DRAFT_DUE_REMINDER', message: `The ${d.type} draft is due soon.`, step: `${d.deliverableId}:${round}` } }
        : {}),
      escalateAfter: draftWindow,
      escalation: { kind: EscalationKind.DraftOverdue, severity: EscalationSeverity.Medium, summary: `The ${d.type} draft is overdue; extend the deadline or drop the booking.` },
      deadlineName: draftDeadlineName(d),
      lateReason: 'The draft arrived after the deadline',
      keepOtherDeadlines: true,
    });
    const submission = collaboration.pendingDrafts.get(d.deliverableId)!;
    const version = d.drafts.length + 1;
    // Format, on-screen label, spoken disclosure and language reach the check from this version on;
    // histories recorded before carry none and replay as they ran.
    const disclosure = patched('compliance-disclosure-facts') ? declaredDisclosureFacts(submission) : undefined;
    const check = await activities.recordDraft({
      collaborationId: collaboration.input.collaborationId,
      deliverableId: d.deliverableId,
      version,
      assetUrl: submission.assetUrl,
      caption: submission.caption,
      paidPartnershipLabel: submission.paidPartnershipLabel,
      ...(disclosure ? { disclosure } : {}),
      actor: submission.actor,
      at: collaboration.now(),
    });
    collaboration.pendingDrafts.delete(d.deliverableId);
    d.drafts.push({ version, compliant: check.compliant, violations: check.violations });
    if (!check.compliant) {
      // Back to the creator with the reasons; no revision round is used.
      d.status = DeliverableStatus.ChangesRequested;
      collaboration.record('draft.failed_compliance', submission.actor, `${d.type} v${version}: ${check.violations.map((v) => v.rule).join(', ')}`);
      draftWindow = sla.revision;
      continue;
    }
    d.status = DeliverableStatus.InReview;
    collaboration.record('draft.submitted', submission.actor, `${d.type} v${version}`);

    const acceptance = await waitOrEscalate(collaboration, {
      done: () => collaboration.pendingReviews.has(d.deliverableId),
      ...(reminds
        ? { reminder: { after: sla.draftReviewReminder, kind: 'DRAFT_REVIEW_REMINDER', message: `The ${d.type} draft is waiting for review.`, step: `${d.deliverableId}:${version}`, recipient: 'approver' as const } }
        : {}),
      escalateAfter: sla.draftReview,
      escalation: { kind: EscalationKind.ReviewOverdue, severity: EscalationSeverity.Medium, summary: `The ${d.type} draft has waited too long for review; extend the review or accept it as is.` },
      deadlineName: `review:${d.deliverableId}`,
      lateReason: 'The draft was reviewed after the deadline',
      keepOtherDeadlines: true,
    });
    const draft = d.drafts[version - 1];
    if (acceptance) {
      await approve(collaboration, d, draft, { actor: acceptance.actor, feedback: acceptance.reason, acceptedAsIs: true });
      collaboration.settledDecisions.add(acceptance.escalationId);
      return;
    }
    const review = collaboration.pendingReviews.get(d.deliverableId)!;
    collaboration.pendingReviews.delete(d.deliverableId);
    if (review.decision === 'approve') {
      await approve(collaboration, d, draft, { actor: review.actor, feedback: review.feedback });
      return;
    }

    // Changes requested: within the included rounds, or past them by a manager's leave.
    draftWindow = sla.revision;
    if (d.revisionCount >= d.maxRevisions) {
      await recordReview(collaboration, d, draft, DraftDecision.ChangesRequested, DeliverableStatus.ChangesRequested, review);
      const escalationId = await collaboration.escalate(
        EscalationKind.RevisionLimit,
        EscalationSeverity.Medium,
        `The ${d.type} has used its ${d.maxRevisions} included revision rounds and more changes were requested; allow one more round or accept the draft as is.`,
      );
      const decision = (await collaboration.awaitDecision(escalationId))!;
      await collaboration.closeEscalation(escalationId, decision.resolution, decision.reason, decision.actor);
      if (decision.resolution === EscalationResolution.Accept) {
        draft.acceptedAsIs = true;
        await approve(collaboration, d, draft, { actor: decision.actor, feedback: decision.reason, acceptedAsIs: true, alreadyDecided: true });
        collaboration.settledDecisions.add(escalationId);
        return;
      }
      d.maxRevisions += 1;
      collaboration.settledDecisions.add(escalationId);
    }
    d.revisionCount += 1;
    d.status = DeliverableStatus.ChangesRequested;
    if (draft.decision === undefined) {
      await recordReview(collaboration, d, draft, DraftDecision.ChangesRequested, DeliverableStatus.ChangesRequested, review);
    } else {
      await activities.recordReview({
        deliverableId: d.deliverableId, version: draft.version, decision: DraftDecision.ChangesRequested, status: DeliverableStatus.ChangesRequested,
        revisionCount: d.revisionCount, maxRevisions: d.maxRevisions, actor: review.actor, at: collaboration.now(),
        eventKey: collaboration.eventKey(`review:${d.deliverableId}:${draft.version}:extra-round`),
      });
    }
  }
}

async function recordReview(
  collaboration: CollaborationLifecycle,
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
    at: collaboration.now(),
    eventKey: collaboration.eventKey(`review:${d.deliverableId}:${draft.version}`),
  });
  draft.decision = decision;
  draft.feedback = review.feedback;
  collaboration.record(decision === DraftDecision.Approved ? 'draft.approved' : 'draft.changes_requested', review.actor, `${d.type} v${draft.version}`);
}

async function approve(
  collaboration: CollaborationLifecycle,
  d: DeliverableProgress,
  draft: DeliverableProgress['drafts'][number],
  by: { actor?: ReviewDraftInput['actor']; feedback?: string; acceptedAsIs?: boolean; alreadyDecided?: boolean },
): Promise<void> {
  d.status = DeliverableStatus.Approved;
  if (by.acceptedAsIs) draft.acceptedAsIs = true;
  if (by.alreadyDecided) {
    await activities.recordReview({
      deliverableId: d.deliverableId, version: draft.version, decision: DraftDecision.Approved, status: DeliverableStatus.Approved,
      revisionCount: d.revisionCount, maxRevisions: d.maxRevisions, actor: by.actor, at: collaboration.now(),
      eventKey: collaboration.eventKey(`review:${d.deliverableId}:${draft.version}:accepted`),
    });
    collaboration.record('draft.accepted_as_is', by.actor, `${d.type} v${draft.version}`);
    return;
  }
  await recordReview(collaboration, d, draft, DraftDecision.Approved, DeliverableStatus.Approved, { actor: by.actor, feedback: by.feedback });
}

import { condition, patched, setHandler, sleep } from '@temporalio/workflow';
import { EscalationKind, EscalationSeverity } from '../../libs/domain/rules/escalations';
import { DeliverableStatus, SnapshotLabel } from '../../libs/domain/rules/lifecycle';
import { DECISION_ROLES } from '../../libs/domain/rules/decision-roles';
import { deliverableDeadlineName } from '../../libs/domain/rules/deadline-names';
import { declaredDisclosureFacts, disclosureFactsProblem } from '../../libs/domain/rules/disclosure-facts';
import { postedAtProblem } from '../../libs/domain/rules/posting';
import { DEFAULT_SLA_POLICY } from '../../libs/domain/rules/sla';
import { CollaborationStage } from '../../libs/domain/rules/stages';
import { activities, type CollaborationLifecycle } from '../collaboration-lifecycle';
import { waitOrEscalate } from '../deadlines';
import { markPostedUpdate, type DeliverableProgress, type MarkPostedInput } from '../messages';
import { rejectDecision, requireDecider, requireStage } from './decisions';

const MAY_REPORT = DECISION_ROLES.markPosted;

export function handlePosting(collaboration: CollaborationLifecycle): void {
  setHandler(
    markPostedUpdate,
    async (input: MarkPostedInput) => {
      collaboration.pendingPosts.set(input.deliverableId, input);
      // Answer with the verification's outcome.
      await condition(() => !collaboration.pendingPosts.has(input.deliverableId));
      await collaboration.projectionCaughtUp();
      return collaboration.state;
    },
    {
      validator: (input: MarkPostedInput) => {
        if (!input || typeof input !== 'object' || !input.actor) throw rejectDecision('An acting user is required', 'InvalidDecision');
        requireDecider(collaboration, input.actor, MAY_REPORT, 'markPosted', 'report a post live');
        requireStage(collaboration, CollaborationStage.Posting, 'Posts can only be reported');
        const deliverable = collaboration.state.deliverables?.find((d) => d.deliverableId === input.deliverableId);
        if (!deliverable) throw rejectDecision(`Deliverable ${input.deliverableId} is not one of this booking's deliverables`, 'InvalidDecision');
        if (deliverable.status === DeliverableStatus.Verified) throw rejectDecision(`The ${deliverable.type} is already live and verified`, 'WrongStage');
        if (collaboration.pendingPosts.has(input.deliverableId)) throw rejectDecision(`The ${deliverable.type} post is being verified`, 'WrongStage');
        if (typeof input.liveUrl !== 'string' || input.liveUrl.length > 2_048) throw rejectDecision('liveUrl must be the link to the live post', 'InvalidDecision');
        if (typeof input.caption !== 'string' || input.caption.length > 2_200) throw rejectDecision('caption must be text of at most 2200 characters', 'InvalidDecision');
        const problem = postedAtProblem(input.postedAt, Date.now()) ?? disclosureFactsProblem(input);
        if (problem) throw rejectDecision(problem, 'InvalidDecision');
      },
    },
  );
}

/**
 * POSTING: each approved deliverable goes live by its scheduled time plus the posting window
 * (POSTING_MISSED: extend or drop). A reported post is verified: the URL is on the right
 * platform and the caption as posted still discloses; a failed check says why and waits for
 * a corrected post.
 */
export async function posting(collaboration: CollaborationLifecycle): Promise<void> {
  const sla = { ...DEFAULT_SLA_POLICY, ...collaboration.input.sla };
  const deliverables = collaboration.state.deliverables ?? [];
  // The go-live deadlines are the stage's own: entering the stage projects them onto the row.
  await collaboration.enter(CollaborationStage.Posting, (c) => deliverables.map((d) => ({ name: postDeadlineName(d), stage: c.stage, dueAt: postBy(d, sla.postingWindow) })));
  // Runs from before every wait reminded escalate without a reminder, as they did then.
  const reminder = patched('remind-before-every-escalation') ? sla.postingReminder : undefined;
  await Promise.all(deliverables.map((d) => goLive(collaboration, d, sla.postingWindow, reminder)));
}

function postDeadlineName(d: DeliverableProgress): string {
  return deliverableDeadlineName('postBy', d.deliverableId);
}

function postBy(d: DeliverableProgress, window: number): string {
  const scheduled = d.scheduledPostAt ? Date.parse(d.scheduledPostAt) : Date.now();
  return new Date(Math.max(scheduled, Date.now()) + window).toISOString();
}

async function goLive(collaboration: CollaborationLifecycle, d: DeliverableProgress, window: number, reminder?: number): Promise<void> {
  const dueAt = Date.parse(postBy(d, window));
  let grace = Math.max(1_000, dueAt - Date.now());
  for (let attempt = 1; d.status !== DeliverableStatus.Verified; attempt += 1) {
    await waitOrEscalate(collaboration, {
      done: () => collaboration.pendingPosts.has(d.deliverableId),
      // Counted from the scheduled time, like the window: so many ms before the window closes.
      ...(reminder !== undefined
        ? { reminder: { after: grace - (window - reminder), kind: 'POSTING_REMINDER', message: `The ${d.type} is not live yet.`, step: `${d.deliverableId}:${attempt}` } }
        : {}),
      escalateAfter: grace,
      escalation: { kind: EscalationKind.PostingMissed, severity: EscalationSeverity.High, summary: `The ${d.type} is not live within its posting window; extend it or drop the booking.` },
      deadlineName: postDeadlineName(d),
      lateReason: 'The post went live after the window',
      keepOtherDeadlines: true,
    });
    const post = collaboration.pendingPosts.get(d.deliverableId)!;
    // As for drafts: the declared disclosure facts reach the check from this version on.
    const disclosure = patched('compliance-disclosure-facts') ? declaredDisclosureFacts(post) : undefined;
    const result = await activities.verifyPost({
      collaborationId: collaboration.input.collaborationId,
      deliverableId: d.deliverableId,
      liveUrl: post.liveUrl,
      caption: post.caption,
      paidPartnershipLabel: post.paidPartnershipLabel,
      ...(disclosure ? { disclosure } : {}),
      ...(post.postedAt ? { postedAt: post.postedAt } : {}),
      actor: post.actor,
      at: collaboration.now(),
      eventKey: collaboration.eventKey(`post:${d.deliverableId}:${attempt}`),
    });
    d.liveUrl = post.liveUrl;
    d.postProblems = result.problems;
    d.status = result.verified ? DeliverableStatus.Verified : DeliverableStatus.Posted;
    if (result.verified) d.verifiedAt = collaboration.now();
    collaboration.record(result.verified ? 'post.verified' : 'post.rejected', post.actor, `${d.type}${result.verified ? '' : `: ${result.problems.join('; ')}`}`);
    collaboration.pendingPosts.delete(d.deliverableId);
    // A rejected post must be corrected within the same window.
    grace = Math.max(1_000, dueAt - Date.now());
  }
}

/**
 * MEASURING: performance is captured through the metrics source at +1 day and +7 days after
 * the posts are verified. Where nobody has entered numbers yet, the talent manager is asked.
 */
export async function measuring(collaboration: CollaborationLifecycle): Promise<void> {
  const sla = { ...DEFAULT_SLA_POLICY, ...collaboration.input.sla };
  await collaboration.enter(CollaborationStage.Measuring, (b) => [b.deadline('measureFirst', sla.measureFirst), b.deadline('measureSecond', sla.measureSecond)]);
  collaboration.state.measurements = [];
  const plan: [SnapshotLabel, number][] = [
    [SnapshotLabel.OneDay, sla.measureFirst],
    [SnapshotLabel.SevenDays, sla.measureSecond - sla.measureFirst],
  ];
  for (const [label, wait] of plan) {
    await sleep(wait);
    const at = collaboration.now();
    const result = await activities.captureSnapshots({ collaborationId: collaboration.input.collaborationId, label, at });
    collaboration.state.measurements.push({ label, at, ...result });
    collaboration.record('performance.captured', undefined, `${label}: ${result.captured} captured, ${result.withoutData} without data`);
    if (result.withoutData > 0) {
      await collaboration.remind(`PERFORMANCE_DATA_MISSING${label}`, `No performance numbers were entered for ${result.withoutData} live post(s) at ${label}.`);
    }
  }
}

import { WorkflowHandle } from '@temporalio/client';
import { Deliverable, DraftSubmission, Escalation } from '../../libs/domain/entities';
import { EscalationKind, EscalationResolution } from '../../libs/domain/rules/escalations';
import { SlaPolicy } from '../../libs/domain/rules/sla';
import { CollaborationStage } from '../../libs/domain/rules/stages';
import { DeliverableType, Platform } from '../../libs/domain/rules/statuses';
import { waitFor } from '../../scripts/lib/ports';
import { resolveEscalationUpdate, reviewDraftUpdate, stateQuery, submitDraftUpdate } from '../../workflows/messages';
import { lifecycleDriver, updateRejection } from '../support/lifecycle-driver';
import { startWorkflowHarness, WorkflowHarness } from '../support/workflow-harness';

/** IN_PRODUCTION on a real Temporal dev server: drafts, compliance, reviews and revision rounds, per deliverable in parallel. */
describe('collaboration workflow: IN_PRODUCTION', () => {
  let harness: WorkflowHarness;

  beforeAll(async () => {
    harness = await startWorkflowHarness();
  });

  afterAll(() => harness?.stop());

  const drive = () => lifecycleDriver(harness);
  const talentManager = () => drive().talentManager();
  const manager = () => drive().manager();
  const rejection = updateRejection;
  const compliant = 'Sponsored: three days with the winter serum ❄️\nLink in bio';
  const undisclosed = 'Three days with the winter serum ❄️ #skincare #glow';

  async function toProduction(options: { draftDueInMs?: number; sla?: Partial<SlaPolicy>; types?: DeliverableType[] } = {}) {
    const due = new Date(Date.now() + (options.draftDueInMs ?? 7 * 86_400_000)).toISOString();
    const deliverables = (options.types ?? [DeliverableType.Reel, DeliverableType.Story]).map((type) => ({ type, platform: Platform.Instagram, draftDueAt: due }));
    return drive().toProduction({ sla: options.sla, deliverables });
  }

  const submit = (handle: WorkflowHandle, deliverableId: string, caption = compliant, version = 1) => drive().submitDraft(handle, deliverableId, caption, version);
  const review = (handle: WorkflowHandle, deliverableId: string, version: number, decision: 'approve' | 'request_changes', feedback?: string) =>
    drive().reviewDraft(handle, deliverableId, version, decision, feedback);

  it('takes two deliverables in parallel through compliance, a requested revision and approval, then moves to POSTING', async () => {
    const { row, handle, deliverables } = await toProduction();
    const [reel, story] = deliverables;

    const failed = await submit(handle, reel.deliverableId, undisclosed, 1);
    const reelAfterCheck = failed.deliverables!.find((d) => d.deliverableId === reel.deliverableId)!;
    expect(reelAfterCheck).toMatchObject({ status: 'changes_requested', revisionCount: 0 });
    expect(reelAfterCheck.drafts[0]).toMatchObject({ version: 1, compliant: false, violations: [expect.objectContaining({ rule: 'disclosure-missing' })] });

    await submit(handle, story.deliverableId, compliant, 1);
    await submit(handle, reel.deliverableId, compliant, 2);
    const changes = await review(handle, reel.deliverableId, 2, 'request_changes', 'Show the texture in the first 3 seconds');
    expect(changes.deliverables!.find((d) => d.deliverableId === reel.deliverableId)).toMatchObject({ status: 'changes_requested', revisionCount: 1 });
    await review(handle, story.deliverableId, 1, 'approve');
    await submit(handle, reel.deliverableId, compliant, 3);
    await review(handle, reel.deliverableId, 3, 'approve');
    await harness.reachStage(handle, CollaborationStage.Posting);

    const rows = await harness.database.db.getRepository(Deliverable).findBy({ collaborationId: row.id });
    expect(rows.map((d) => [d.type, d.status, d.revisionCount]).sort()).toEqual([['reel', 'approved', 1], ['story', 'approved', 0]]);
    const drafts = await harness.database.db.getRepository(DraftSubmission).find({ where: { deliverableId: reel.deliverableId }, order: { version: 'ASC' } });
    expect(drafts.map((d) => [d.version, d.complianceResult?.compliant, d.decision])).toEqual([[1, false, null], [2, true, 'changes_requested'], [3, true, 'approved']]);
    expect(drafts[1]).toMatchObject({ feedback: 'Show the texture in the first 3 seconds', reviewerId: harness.team.manager.id });
  });

  it('escalates REVISION_LIMIT after the included rounds, and a manager accepts the draft as is', async () => {
    const { row, handle, deliverables } = await toProduction({ types: [DeliverableType.Reel] });
    const [reel] = deliverables;
    for (let version = 1; version <= 3; version += 1) {
      await submit(handle, reel.deliverableId, compliant, version);
      await review(handle, reel.deliverableId, version, 'request_changes', `Round ${version}`);
    }
    const limit = await waitFor('REVISION_LIMIT', async () => (await handle.query(stateQuery)).openEscalations.find((e) => e.kind === EscalationKind.RevisionLimit));
    const state = await handle.executeUpdate(resolveEscalationUpdate, {
      args: [{ actor: manager(), escalationId: limit.escalationId, resolution: EscalationResolution.Accept, reason: 'Good enough; posting window is close' }],
    });
    expect(state.deliverables![0]).toMatchObject({ status: 'approved', revisionCount: 2 });
    expect(state.deliverables![0].drafts[2].acceptedAsIs).toBe(true);
    await harness.reachStage(handle, CollaborationStage.Posting);
    const [escalation] = await harness.database.db.getRepository(Escalation).findBy({ collaborationId: row.id, kind: EscalationKind.RevisionLimit });
    expect(escalation.resolution).toBe('ACCEPT: Good enough; posting window is close');
  });

  it('escalates DRAFT_OVERDUE when the draft is late, and REVIEW_OVERDUE when the review is', async () => {
    const { handle, deliverables } = await toProduction({ draftDueInMs: 500, sla: { draftReview: 1_000 }, types: [DeliverableType.Reel] });
    const [reel] = deliverables;
    const overdue = await waitFor('DRAFT_OVERDUE', async () => (await handle.query(stateQuery)).openEscalations.find((e) => e.kind === EscalationKind.DraftOverdue), 20_000);
    await submit(handle, reel.deliverableId, compliant, 1);
    const afterLateDraft = await handle.query(stateQuery);
    expect(afterLateDraft.resolvedEscalations).toEqual([expect.objectContaining({ escalationId: overdue.escalationId, resolution: 'RESOLVED_LATE' })]);

    const reviewOverdue = await waitFor('REVIEW_OVERDUE', async () => (await handle.query(stateQuery)).openEscalations.find((e) => e.kind === EscalationKind.ReviewOverdue), 20_000);
    const accepted = await handle.executeUpdate(resolveEscalationUpdate, {
      args: [{ actor: manager(), escalationId: reviewOverdue.escalationId, resolution: EscalationResolution.Accept, reason: 'Brand silent; approve as is' }],
    });
    expect(accepted.deliverables![0]).toMatchObject({ status: 'approved' });
    await harness.reachStage(handle, CollaborationStage.Posting);
  });

  it('refuses a review by a talent manager, changes without feedback, the wrong version, and a non-https draft', async () => {
    const { handle, deliverables } = await toProduction({ types: [DeliverableType.Reel] });
    const [reel] = deliverables;
    const http = await rejection(handle.executeUpdate(submitDraftUpdate, { args: [{ actor: talentManager(), deliverableId: reel.deliverableId, assetUrl: 'http://x.example/a.mp4', caption: compliant }] }));
    expect(http).toMatchObject({ type: 'InvalidDecision', message: 'assetUrl must be an https:// link to the draft, or an uploaded file' });
    const early = await rejection(review(handle, reel.deliverableId, 1, 'approve'));
    expect(early).toMatchObject({ type: 'WrongStage', message: 'The reel has no draft waiting for review (it is drafting)' });

    await submit(handle, reel.deliverableId, compliant, 1);
    const byTalentManager = await rejection(handle.executeUpdate(reviewDraftUpdate, { args: [{ actor: talentManager(), deliverableId: reel.deliverableId, version: 1, decision: 'approve' }] }));
    expect(byTalentManager.type).toBe('Forbidden');
    const noFeedback = await rejection(review(handle, reel.deliverableId, 1, 'request_changes'));
    expect(noFeedback).toMatchObject({ type: 'InvalidDecision', message: 'Requesting changes needs feedback for the creator' });
    const wrongVersion = await rejection(review(handle, reel.deliverableId, 2, 'approve'));
    expect(wrongVersion).toMatchObject({ type: 'WrongStage', message: 'Version 2 is not the draft in review; version 1 is' });
    const twice = await rejection(submit(handle, reel.deliverableId, compliant, 2));
    expect(twice).toMatchObject({ type: 'WrongStage', message: 'The reel has a draft in review; wait for the review' });
  });
});

import { WorkflowHandle } from '@temporalio/client';
import { Deliverable, Escalation, Notification, PerformanceSnapshot } from '../../libs/domain/entities';
import { EscalationKind, EscalationResolution } from '../../libs/domain/rules/escalations';
import { SnapshotLabel, SnapshotSource } from '../../libs/domain/rules/lifecycle';
import { SlaPolicy } from '../../libs/domain/rules/sla';
import { CollaborationStage } from '../../libs/domain/rules/stages';
import { DeliverableType, Platform } from '../../libs/domain/rules/statuses';
import { waitFor } from '../../scripts/lib/ports';
import { resolveEscalationUpdate, stateQuery } from '../../workflows/messages';
import { DISCLOSED_CAPTION, lifecycleDriver, updateRejection } from '../support/lifecycle-driver';
import { startWorkflowHarness, WorkflowHarness } from '../support/workflow-harness';

/** POSTING and MEASURING on a real Temporal dev server. */
describe('collaboration workflow: POSTING and MEASURING', () => {
  let harness: WorkflowHarness;

  beforeAll(async () => {
    harness = await startWorkflowHarness();
  });

  afterAll(() => harness?.stop());

  const drive = () => lifecycleDriver(harness);
  const manager = () => drive().manager();
  const rejection = updateRejection;

  /** One Instagram reel, approved, due to go live `scheduledInMs` from now. */
  async function toPosting(sla: Partial<SlaPolicy> = {}, scheduledInMs = 60_000) {
    const deliverables = [{
      type: DeliverableType.Reel,
      platform: Platform.Instagram,
      draftDueAt: new Date(Date.now() + Math.max(1, scheduledInMs - 1_000)).toISOString(),
      scheduledPostAt: new Date(Date.now() + scheduledInMs).toISOString(),
    }];
    const { row, handle, deliverables: [reel] } = await drive().toPosting({ sla, deliverables, terms: { killFeeBps: 0 } });
    return { row, handle, reel };
  }

  const post = (handle: WorkflowHandle, deliverableId: string, liveUrl: string, text = DISCLOSED_CAPTION) => drive().markPosted(handle, deliverableId, liveUrl, text);

  it('verifies the live post, refusing the wrong platform and a caption that lost its disclosure, then measures', async () => {
    const { row, handle, reel } = await toPosting({ measureFirst: 1_000, measureSecond: 2_000 });
    const wrong = await post(handle, reel.deliverableId, 'https://www.tiktok.com/@asha/video/1', 'Three days with the serum');
    expect(wrong.deliverables![0]).toMatchObject({ status: 'posted' });
    expect(wrong.deliverables![0].postProblems).toEqual([
      'The live URL is on www.tiktok.com, not on instagram (instagram.com)',
      expect.stringMatching(/disclos|label/i),
    ]);
    expect(wrong.stage).toBe(CollaborationStage.Posting);

    // Ops enter the numbers they have before the +1d capture.
    await harness.database.db.getRepository(PerformanceSnapshot).save({
      deliverableId: reel.deliverableId, capturedAt: new Date(), label: SnapshotLabel.Manual, source: SnapshotSource.OpsEntry,
      reach: 120_000, views: 150_000, likes: 9_000, gmvMinor: 500_000, returnsMinor: 20_000, cancellationsMinor: 10_000, currency: 'INR',
    });
    const verified = await post(handle, reel.deliverableId, 'https://www.instagram.com/reel/C1a2b3/');
    expect(verified.deliverables![0]).toMatchObject({ status: 'verified', postProblems: [] });
    await harness.reachStage(handle, CollaborationStage.Payout, 30_000);

    const snapshots = await harness.database.db.getRepository(PerformanceSnapshot).find({ where: { deliverableId: reel.deliverableId }, order: { capturedAt: 'ASC' } });
    expect(snapshots.map((s) => [s.label, s.views, s.nmvMinor])).toEqual([['manual', 150_000, null], ['+1d', 150_000, 470_000], ['+7d', 150_000, 470_000]]);
    const stored = await harness.database.db.getRepository(Deliverable).findOneByOrFail({ id: reel.deliverableId });
    expect(stored).toMatchObject({ status: 'verified', liveUrl: 'https://www.instagram.com/reel/C1a2b3/' });
    expect(stored.postedAt).not.toBeNull();
    expect(await harness.database.db.getRepository(Notification).countBy({ collaborationId: row.id, kind: 'PERFORMANCE_DATA_MISSING+1d' })).toBe(0);
  });

  it('asks the talent manager for numbers when none were entered by the capture', async () => {
    const { row, handle, reel } = await toPosting({ measureFirst: 500, measureSecond: 1_000 });
    await post(handle, reel.deliverableId, 'https://instagram.com/reel/X/');
    await harness.reachStage(handle, CollaborationStage.Payout, 30_000);
    const state = await handle.query(stateQuery);
    expect(state.measurements).toEqual([expect.objectContaining({ label: '+1d', captured: 0, withoutData: 1 }), expect.objectContaining({ label: '+7d', captured: 0, withoutData: 1 })]);
    expect(await harness.database.db.getRepository(Notification).countBy({ collaborationId: row.id, recipientId: harness.team.talentManager.id })).toBe(2);
  });

  it('escalates POSTING_MISSED when the post is not live by its scheduled time plus the window', async () => {
    const { row, handle } = await toPosting({ postingWindow: 1_000 }, 2_000);
    const missed = await waitFor('POSTING_MISSED', async () => (await handle.query(stateQuery)).openEscalations.find((e) => e.kind === EscalationKind.PostingMissed), 20_000);
    const state = await handle.executeUpdate(resolveEscalationUpdate, {
      args: [{ actor: manager(), escalationId: missed.escalationId, resolution: EscalationResolution.Extend, reason: 'Creator travelling', extendBy: '1h' }],
    });
    expect(state.deadlines.find((d) => d.name.startsWith('postBy:'))).toBeDefined();
    const [escalation] = await harness.database.db.getRepository(Escalation).findBy({ collaborationId: row.id, kind: EscalationKind.PostingMissed });
    expect(escalation.status).toBe('resolved');
  });

  it('refuses a post report outside POSTING or for a post already verified', async () => {
    const { handle, reel } = await toPosting({ measureFirst: 60_000, measureSecond: 120_000 });
    await post(handle, reel.deliverableId, 'https://instagram.com/reel/Y/');
    await harness.reachStage(handle, CollaborationStage.Measuring);
    const again = await rejection(post(handle, reel.deliverableId, 'https://instagram.com/reel/Y/'));
    expect(again).toMatchObject({ type: 'WrongStage', message: 'Posts can only be reported while the collaboration is POSTING; it is MEASURING' });
  });
});

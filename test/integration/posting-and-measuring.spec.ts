import { Like } from 'typeorm';
import { WorkflowHandle } from '@temporalio/client';
import { Readable } from 'node:stream';
import { PostPerformanceImport } from '../../apps/api/imports/post-performance.import';
import { UsersService } from '../../apps/api/users/users.service';
import { loadConfig } from '../../libs/config/config';
import { Deliverable, Escalation, Notification, PerformanceSnapshot } from '../../libs/domain/entities';
import { EscalationKind, EscalationResolution } from '../../libs/domain/rules/escalations';
import { SnapshotLabel, SnapshotSource } from '../../libs/domain/rules/lifecycle';
import { Role } from '../../libs/domain/rules/roles';
import { SlaPolicy } from '../../libs/domain/rules/sla';
import { CollaborationStage } from '../../libs/domain/rules/stages';
import { DeliverableType, Platform } from '../../libs/domain/rules/statuses';
import { waitFor } from '../../scripts/lib/ports';
import { markPostedUpdate, resolveEscalationUpdate, stateQuery, type MarkPostedInput } from '../../workflows/messages';
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

  /** Post readings through the real import (as the talent manager), the way ops send a platform's export. */
  async function importReadings(deliverableId: string, readings: Array<{ at: Date; views: number }>) {
    const config = loadConfig({});
    const imports = new PostPerformanceImport(harness.database.db, config, new UsersService(harness.database.db, config));
    const csv = ['deliverable_id,captured_at,views', ...readings.map((r) => `${deliverableId},${r.at.toISOString()},${r.views}`)].join('\n');
    const result = await imports.run(Readable.from([csv]), { actor: { userId: harness.team.talentManager.id, role: Role.TalentManager }, fileName: 'readings.csv' });
    expect(result).toMatchObject({ outcome: 'stored', answer: { imported: readings.length, rejectedCount: 0 } });
  }

  const timerSnapshots = (deliverableId: string) =>
    harness.database.db.getRepository(PerformanceSnapshot).find({ where: [{ deliverableId, label: SnapshotLabel.OneDay }, { deliverableId, label: SnapshotLabel.SevenDays }], order: { capturedAt: 'ASC' } });

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
    // +1d takes the manual reading; +7d finds nothing newer and says so instead of repeating it.
    expect(snapshots.map((s) => [s.label, s.source, s.views, s.nmvMinor])).toEqual([
      ['manual', 'ops_entry', 150_000, null],
      ['+1d', 'ops_entry', 150_000, 470_000],
      ['+7d', 'no_data', null, null],
    ]);
    expect(snapshots[1].measuredAt).toEqual(snapshots[0].capturedAt);
    const stored = await harness.database.db.getRepository(Deliverable).findOneByOrFail({ id: reel.deliverableId });
    expect(stored).toMatchObject({ status: 'verified', liveUrl: 'https://www.instagram.com/reel/C1a2b3/' });
    expect(stored.postedAt).not.toBeNull();
    const notifications = harness.database.db.getRepository(Notification);
    expect(await notifications.countBy({ collaborationId: row.id, kind: 'PERFORMANCE_DATA_MISSING+1d' })).toBe(0);
    expect(await notifications.countBy({ collaborationId: row.id, kind: 'PERFORMANCE_DATA_MISSING+7d' })).toBe(1);
    const state = await handle.query(stateQuery);
    expect(state.measurements).toEqual([expect.objectContaining({ label: '+1d', captured: 1, withoutData: 0 }), expect.objectContaining({ label: '+7d', captured: 0, withoutData: 1 })]);
  });

  it('takes the imported reading nearest each capture, only readings after the previous moment, never one twice', async () => {
    const { row, handle, reel } = await toPosting({ measureFirst: 4_000, measureSecond: 8_000 });
    await post(handle, reel.deliverableId, 'https://www.instagram.com/reel/Near1d/');
    const { postedAt } = await harness.database.db.getRepository(Deliverable).findOneByOrFail({ id: reel.deliverableId });
    const live = postedAt!.getTime();
    // Before the post went live (not this post's performance), early on day one, and just before +1d.
    await importReadings(reel.deliverableId, [
      { at: new Date(live - 60_000), views: 1 },
      { at: new Date(live + 1_000), views: 2 },
      { at: new Date(live + 3_600), views: 3 },
    ]);

    const first = await waitFor('the +1d capture', async () => (await timerSnapshots(reel.deliverableId))[0], 20_000);
    expect(first).toMatchObject({ label: '+1d', source: 'import', views: 3, measuredAt: new Date(live + 3_600) });
    // A reading taken between the captures is +7d's; the +1d reading is not taken again.
    await importReadings(reel.deliverableId, [{ at: new Date(first.capturedAt.getTime() + 2_500), views: 4 }]);
    await harness.reachStage(handle, CollaborationStage.Payout, 30_000);

    const [, seventh] = await timerSnapshots(reel.deliverableId);
    expect(seventh).toMatchObject({ label: '+7d', source: 'import', views: 4, measuredAt: new Date(first.capturedAt.getTime() + 2_500) });
    // No request for numbers (the draft-due reminder, sent at once for a draft due within the hour, is another matter).
    expect(await harness.database.db.getRepository(Notification).countBy({ collaborationId: row.id, recipientId: harness.team.talentManager.id, kind: Like('PERFORMANCE_DATA_MISSING%') })).toBe(0);
  });

  it('asks the talent manager for numbers when none were entered by the capture', async () => {
    const { row, handle, reel } = await toPosting({ measureFirst: 500, measureSecond: 1_000 });
    await post(handle, reel.deliverableId, 'https://instagram.com/reel/X/');
    await harness.reachStage(handle, CollaborationStage.Payout, 30_000);
    const state = await handle.query(stateQuery);
    expect(state.measurements).toEqual([expect.objectContaining({ label: '+1d', captured: 0, withoutData: 1 }), expect.objectContaining({ label: '+7d', captured: 0, withoutData: 1 })]);
    expect(await harness.database.db.getRepository(Notification).countBy({ collaborationId: row.id, recipientId: harness.team.talentManager.id, kind: Like('PERFORMANCE_DATA_MISSING%') })).toBe(2);
    // Each capture is on record as "no data": every figure null, never zeros or an older number.
    const snapshots = await timerSnapshots(reel.deliverableId);
    expect(snapshots.map((s) => [s.label, s.source, s.views, s.reach, s.gmvMinor, s.nmvMinor, s.currency, s.measuredAt])).toEqual([
      ['+1d', 'no_data', null, null, null, null, null, null],
      ['+7d', 'no_data', null, null, null, null, null, null],
    ]);
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

  it('verifies a reel against what is declared about it: disclosed only in its caption it is refused, with its on-screen label it is verified', async () => {
    const { handle, reel } = await toPosting({ measureFirst: 60_000, measureSecond: 120_000 });
    const report = (facts: Partial<MarkPostedInput>) =>
      handle.executeUpdate(markPostedUpdate, {
        args: [{ actor: drive().talentManager(), deliverableId: reel.deliverableId, liveUrl: 'https://www.instagram.com/reel/C9/', caption: DISCLOSED_CAPTION, ...facts }],
      });

    const nonsense = await rejection(report({ format: 'reel', onScreenLabel: { text: 'Ad', fromSecond: 12, toSecond: 3 } }));
    expect(nonsense).toMatchObject({ type: 'InvalidDecision', message: 'onScreenLabel.toSecond must not be before fromSecond' });
    expect(await rejection(report({ format: 'podcast' as never }))).toMatchObject({ type: 'InvalidDecision', message: 'format must be one of post, reel, story, video, short, live, audio' });

    const captionOnly = await report({ format: 'reel', durationSeconds: 30 });
    expect(captionOnly.deliverables![0]).toMatchObject({ status: 'posted' });
    expect(captionOnly.deliverables![0].postProblems).toEqual([expect.stringContaining('The reel is disclosed only in its caption; ASCI (India) needs the disclosure in the content itself')]);

    // ASCI: a 30 s reel keeps its label on screen for a third of its length.
    const tooShort = await report({ format: 'reel', durationSeconds: 30, onScreenLabel: { text: 'Ad', fromSecond: 0, toSecond: 4 } });
    expect(tooShort.deliverables![0].postProblems).toEqual([
      'The on-screen label is shown for 4 s (0–4 s); ASCI (India) needs at least 10 s, a third of the 30 s video.',
    ]);
    const labelled = await report({ format: 'reel', durationSeconds: 30, onScreenLabel: { text: 'विज्ञापन', fromSecond: 0, toSecond: 10 }, language: 'hi' });
    expect(labelled.deliverables![0]).toMatchObject({ status: 'verified', postProblems: [] });
  });

  it('refuses a post report outside POSTING or for a post already verified', async () => {
    const { handle, reel } = await toPosting({ measureFirst: 60_000, measureSecond: 120_000 });
    await post(handle, reel.deliverableId, 'https://instagram.com/reel/Y/');
    await harness.reachStage(handle, CollaborationStage.Measuring);
    const again = await rejection(post(handle, reel.deliverableId, 'https://instagram.com/reel/Y/'));
    expect(again).toMatchObject({ type: 'WrongStage', message: 'Posts can only be reported while the collaboration is POSTING; it is MEASURING' });
  });
});

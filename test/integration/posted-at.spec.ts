import { Deliverable } from '../../libs/domain/entities';
import { DeliverableType, Platform } from '../../libs/domain/rules/statuses';
import { markPostedUpdate } from '../../workflows/messages';
import { DISCLOSED_CAPTION, lifecycleDriver, updateRejection } from '../support/lifecycle-driver';
import { startWorkflowHarness, WorkflowHarness } from '../support/workflow-harness';

/** When a post went live, as reported with it: the on-time delivery KPI's input. */
describe('collaboration workflow: the go-live time of a post', () => {
  let harness: WorkflowHarness;

  beforeAll(async () => {
    harness = await startWorkflowHarness();
  });

  afterAll(() => harness?.stop());

  const drive = () => lifecycleDriver(harness);

  async function toPosting() {
    const deliverables = [{
      type: DeliverableType.Reel,
      platform: Platform.Instagram,
      draftDueAt: new Date(Date.now() + 30_000).toISOString(),
      scheduledPostAt: new Date(Date.now() + 60_000).toISOString(),
    }];
    const { handle, deliverables: [reel] } = await drive().toPosting({ sla: { measureFirst: 60_000, measureSecond: 120_000 }, deliverables, terms: { killFeeBps: 0 } });
    return { handle, reel };
  }

  it('stores the reported go-live time, and refuses one later than the report', async () => {
    const { handle, reel } = await toPosting();
    const report = (postedAt: string) =>
      handle.executeUpdate(markPostedUpdate, {
        args: [{ actor: drive().talentManager(), deliverableId: reel.deliverableId, liveUrl: 'https://www.instagram.com/reel/went-live/', caption: DISCLOSED_CAPTION, postedAt }],
      });

    const tomorrow = new Date(Date.now() + 86_400_000).toISOString();
    expect(await updateRejection(report(tomorrow))).toMatchObject({ type: 'InvalidDecision', message: 'postedAt may not be later than the time the post is reported' });

    const wentLive = new Date(Date.now() - 3 * 3_600_000);
    wentLive.setMilliseconds(0);
    const state = await report(wentLive.toISOString());
    expect(state.deliverables![0]).toMatchObject({ status: 'verified' });
    const stored = await harness.database.db.getRepository(Deliverable).findOneByOrFail({ id: reel.deliverableId });
    expect(stored.postedAt?.toISOString()).toBe(wentLive.toISOString());
  });

  it('takes the time of the report when none is given', async () => {
    const { handle, reel } = await toPosting();
    const before = Date.now();
    await drive().markPosted(handle, reel.deliverableId, 'https://www.instagram.com/reel/now/');
    const stored = await harness.database.db.getRepository(Deliverable).findOneByOrFail({ id: reel.deliverableId });
    expect(stored.postedAt!.getTime()).toBeGreaterThanOrEqual(before - 1_000);
    expect(stored.postedAt!.getTime()).toBeLessThanOrEqual(Date.now());
  });
});

import { ScheduleHandle } from '@temporalio/client';
import { IsNull } from 'typeorm';
import { UNDERPERFORMER_NOTICE, UNDERPERFORMING } from '../../activities/underperformer.activities';
import { BookingRiskFlag, Notification, UnderperformerFlag } from '../../libs/domain/entities';
import { ensureUnderperformersSchedule, underperformersScheduleId } from '../../libs/temporal/underperformer-schedule';
import { waitFor } from '../../scripts/lib/ports';
import { DeclineDataset, seedDecline, seedRecovery } from '../support/underperformer-dataset';
import { startWorkflowHarness, WorkflowHarness } from '../support/workflow-harness';

/**
 * Underperformer flags from the daily Schedule on a real Temporal dev server and PostgreSQL:
 * raised on a seeded decline (flag, the owner's notification, UNDERPERFORMING on the running
 * booking), kept as one row when the day is evaluated again, cleared when the numbers recover.
 */
describe('underperformer flags (daily Schedule)', () => {
  let harness: WorkflowHarness;
  let schedule: ScheduleHandle;
  let data: DeclineDataset;
  const today = () => new Date().toISOString().slice(0, 10);
  const db = () => harness.database.db;
  const flagsOf = (creatorId: string) => db().getRepository(UnderperformerFlag).find({ where: { subjectKind: 'creator', subjectId: creatorId }, order: { createdAt: 'ASC' } });
  const riskFlags = (collaborationId: string) => db().getRepository(BookingRiskFlag).find({ where: { collaborationId } });
  const notices = () => db().getRepository(Notification).findBy({ recipientId: harness.team.talentManager.id, kind: UNDERPERFORMER_NOTICE });

  /** Fires the Schedule now and waits until that run has finished. */
  async function fire(): Promise<void> {
    const before = (await schedule.describe()).info.recentActions.length;
    await schedule.trigger();
    await waitFor('the triggered evaluation', async () => {
      const { info } = await schedule.describe();
      if (info.recentActions.length <= before || info.runningActions.length > 0) return undefined;
      const run = harness.client.workflow.getHandle(info.recentActions[info.recentActions.length - 1].action.workflow.workflowId);
      return (await run.describe()).status.name === 'COMPLETED' ? true : undefined;
    }, 90_000);
  }

  beforeAll(async () => {
    harness = await startWorkflowHarness();
    await ensureUnderperformersSchedule(harness.client, harness.taskQueue);
    // Ensuring twice (a second worker start) keeps one Schedule.
    await ensureUnderperformersSchedule(harness.client, harness.taskQueue);
    schedule = harness.client.schedule.getHandle(underperformersScheduleId(harness.taskQueue));
    data = await seedDecline(db(), harness.team.talentManager.id, harness.team.manager.id);
  });

  afterAll(async () => {
    await schedule?.delete().catch(() => undefined);
    await harness?.stop();
  });

  it('runs daily at 05:00 UTC', async () => {
    const description = await schedule.describe();
    expect(description.spec.calendars).toEqual([expect.objectContaining({ hour: [{ start: 5, end: 5, step: 1 }], minute: [{ start: 0, end: 0, step: 1 }] })]);
    expect(description.action).toMatchObject({ type: 'startWorkflow', workflowType: 'dailyUnderperformersWorkflow', taskQueue: harness.taskQueue });
  });

  it('raises a flag on the decline, tells the owner, and marks the running booking UNDERPERFORMING', async () => {
    expect(await flagsOf(data.creator.id)).toEqual([]);
    await fire();
    const [flag, ...others] = await flagsOf(data.creator.id);
    expect(others).toEqual([]);
    expect(flag).toMatchObject({ metric: 'engagementRate', basis: 'trend', raisedOn: today(), evaluatedOn: today(), clearedOn: null, suggestion: 'refresh_brief_hook', currency: null, ownerId: harness.team.talentManager.id });
    expect(flag.observed).toBeCloseTo(0.025, 10);
    expect(flag.baseline).toBeCloseTo(0.055, 10);
    // Since: the first post in the window below the baseline (22 days ago).
    expect(flag.since).toBe(new Date(Date.now() - 22 * 86_400_000 - 3_600_000).toISOString().slice(0, 10));

    const [notice, ...moreNotices] = await notices();
    expect(moreNotices).toEqual([]);
    expect(notice.message).toContain(`${data.creator.name} (creator) is underperforming since ${flag.since}`);

    const [risk, ...moreRisks] = await riskFlags(data.running.id);
    expect(moreRisks).toEqual([]);
    expect(risk).toMatchObject({ kind: UNDERPERFORMING, sourceFlagId: flag.id, clearedAt: null });
    // The completed booking is not running: no risk flag on it.
    expect(await riskFlags(data.past.id)).toEqual([]);
    // The campaign whose posts declined is flagged too, and its owner told.
    const campaignFlags = await db().getRepository(UnderperformerFlag).findBy({ subjectKind: 'campaign', subjectId: data.past.campaignId });
    expect(campaignFlags.map((f) => [f.metric, f.basis, f.ownerId])).toEqual([['engagementRate', 'trend', harness.team.manager.id]]);
    expect(await db().getRepository(Notification).countBy({ recipientId: harness.team.manager.id, kind: UNDERPERFORMER_NOTICE })).toBe(1);
  });

  it('keeps one row, one notice and one risk flag when the same day is evaluated again', async () => {
    const [before] = await flagsOf(data.creator.id);
    await fire();
    const after = await flagsOf(data.creator.id);
    expect(after).toHaveLength(1);
    expect(after[0]).toMatchObject({ id: before.id, raisedOn: before.raisedOn, since: before.since, clearedOn: null, observed: before.observed });
    expect(await notices()).toHaveLength(1);
    expect(await riskFlags(data.running.id)).toHaveLength(1);
  });

  it('clears the flag and the risk flag once the numbers recover', async () => {
    await seedRecovery(db(), data);
    await fire();
    const [flag, ...others] = await flagsOf(data.creator.id);
    expect(others).toEqual([]);
    expect(flag.clearedOn).toBe(today());
    expect(await db().getRepository(UnderperformerFlag).countBy({ subjectId: data.creator.id, clearedOn: IsNull() })).toBe(0);
    const [risk] = await riskFlags(data.running.id);
    expect(risk.clearedAt).not.toBeNull();
  });
});

import { Creator, CreatorRating, Notification } from '../../libs/domain/entities';
import { CollaborationStage } from '../../libs/domain/rules/stages';
import { satisfactionWorkflowId } from '../../libs/temporal/workflow-ids';
import { waitFor } from '../../scripts/lib/ports';
import { approvePayoutUpdate, payoutStateQuery, payoutWorkflowId, submitInvoiceUpdate } from '../../workflows/payout-messages';
import { lifecycleDriver } from '../support/lifecycle-driver';
import { startWorkflowHarness, WorkflowHarness } from '../support/workflow-harness';

/** Creator satisfaction on a real Temporal dev server: requested when the fee is paid, reminded when left open. */
describe('creator satisfaction', () => {
  let harness: WorkflowHarness;

  beforeAll(async () => {
    harness = await startWorkflowHarness({ satisfactionReminderMs: 1_500 });
  });

  afterAll(() => harness?.stop());

  const drive = () => lifecycleDriver(harness);

  async function paid() {
    const { row, handle } = await drive().toPayout({ sla: { measureFirst: 200, measureSecond: 400, paymentDay: 20 }, terms: { paymentNetDays: 1, killFeeBps: 0 } });
    const payout = harness.client.workflow.getHandle(payoutWorkflowId(row.id));
    await waitFor('the payout request', async () => ((await payout.query(payoutStateQuery)).payoutId ? true : undefined));
    await payout.executeUpdate(submitInvoiceUpdate, { args: [{ actor: drive().talentManager(), invoiceNumber: `INV-${row.id.slice(0, 8)}` }] });
    await payout.executeUpdate(approvePayoutUpdate, { args: [{ actor: drive().finance() }] });
    expect((await handle.result()).stage).toBe(CollaborationStage.Completed);
    return row;
  }

  const ratings = () => harness.database.db.getRepository(CreatorRating);
  const notices = (collaborationId: string, kind: string) => harness.database.db.getRepository(Notification).countBy({ collaborationId, kind });

  it("gives the talent manager a task to rate the creator once the fee is paid, and reminds them when it stays open", async () => {
    const row = await paid();
    const task = await waitFor('the rating task', async () => (await ratings().findOneBy({ collaborationId: row.id })) ?? undefined);
    expect(task).toMatchObject({ creatorId: row.creatorId, talentManagerId: row.talentManagerId, rating: null, remindedAt: null });
    expect(await notices(row.id, 'SATISFACTION_RATING_REQUESTED')).toBe(1);

    const reminder = harness.client.workflow.getHandle(satisfactionWorkflowId(row.id));
    expect(await reminder.result()).toEqual({ reminded: true });
    expect(await notices(row.id, 'SATISFACTION_RATING_DUE')).toBe(1);
    expect((await ratings().findOneByOrFail({ collaborationId: row.id })).remindedAt).not.toBeNull();
  });

  it('does not remind once the rating is recorded', async () => {
    const row = await paid();
    await waitFor('the rating task', async () => (await ratings().findOneBy({ collaborationId: row.id })) ?? undefined);
    await ratings().update({ collaborationId: row.id }, { rating: 4, ratedAt: new Date(), ratedById: row.talentManagerId, ratedByRole: 'talent_manager' });
    const reminder = harness.client.workflow.getHandle(satisfactionWorkflowId(row.id));
    expect(await reminder.result()).toEqual({ reminded: false });
    expect(await notices(row.id, 'SATISFACTION_RATING_DUE')).toBe(0);
    // The creator on the row is untouched by the reminder path.
    expect(await harness.database.db.getRepository(Creator).countBy({ id: row.creatorId })).toBe(1);
  });
});

import { WorkflowHandle } from '@temporalio/client';
import { AuditLog, Campaign, Collaboration, Contract, Deliverable, Escalation, ExclusivityWindow, Payout } from '../../libs/domain/entities';
import { EscalationKind, EscalationResolution } from '../../libs/domain/rules/escalations';
import { SlaPolicy } from '../../libs/domain/rules/sla';
import { CollaborationStage } from '../../libs/domain/rules/stages';
import { campaignWorkflowId } from '../../libs/temporal/workflow-ids';
import { waitFor } from '../../scripts/lib/ports';
import { bookCreatorUpdate, campaignStateQuery, cancelCampaignUpdate, closeBookingsUpdate, rescheduleCloseSignal, type CampaignState } from '../../workflows/campaign-messages';
import { dropOutUpdate, resolveEscalationUpdate, stateQuery, type CollaborationState } from '../../workflows/messages';
import { approvePayoutUpdate, payoutStateQuery, payoutWorkflowId, submitInvoiceUpdate } from '../../workflows/payout-messages';
import { createBookingRow, createCampaignRow } from '../support/fixtures';
import { lifecycleDriver, updateRejection } from '../support/lifecycle-driver';
import { collaborationInput, startWorkflowHarness, WorkflowHarness } from '../support/workflow-harness';

/**
 * The campaign workflow on a real Temporal dev server with the real activities: one child
 * collaboration per booked creator, bookings while it runs, cancellation cascading with
 * compensation, a recorded summary, and continue-as-new.
 */
describe('campaign workflow', () => {
  let harness: WorkflowHarness;

  beforeAll(async () => {
    harness = await startWorkflowHarness();
  });

  afterAll(() => harness?.stop());

  const drive = () => lifecycleDriver(harness);
  const db = () => harness.database.db;

  async function startCampaign(options: { closesInMs?: number; historyLimit?: number } = {}) {
    const campaign = await createCampaignRow(db(), harness.team);
    const handle: WorkflowHandle = await harness.client.workflow.start('campaignWorkflow', {
      workflowId: campaignWorkflowId(campaign.id),
      taskQueue: harness.taskQueue,
      args: [{ campaignId: campaign.id, closesAt: new Date(Date.now() + (options.closesInMs ?? 30 * 86_400_000)).toISOString(), historyLimit: options.historyLimit }],
    });
    /** Books a fresh creator through the campaign, as the API does, and waits for the booking's BRIEFED projection. */
    const book = async (sla?: Partial<SlaPolicy>, existing?: Collaboration) => {
      const row = existing ?? (await createBookingRow(db(), harness.team, { campaignId: campaign.id }));
      await handle.executeUpdate(bookCreatorUpdate, { args: [{ actor: drive().manager(), booking: collaborationInput(row, sla) }], updateId: `book-${row.id}` });
      await harness.briefProjected(row);
      return { row, handle: harness.client.workflow.getHandle(row.workflowId!) };
    };
    return { campaign, handle, book };
  }

  async function acceptDropout(collaboration: WorkflowHandle): Promise<void> {
    const dropped = await waitFor('CREATOR_DROPPED', async () =>
      (await collaboration.query(stateQuery)).openEscalations.find((e) => e.kind === EscalationKind.CreatorDropped),
    );
    await collaboration.executeUpdate(resolveEscalationUpdate, {
      args: [{ actor: drive().manager(), escalationId: dropped.escalationId, resolution: EscalationResolution.Accept, reason: 'No replacement needed' }],
    });
  }

  it('books creators while it runs, refuses duplicates and the wrong roles, and completes with a summary once closed and every booking has ended', async () => {
    const { campaign, handle, book } = await startCampaign();
    const first = await book();
    const second = await book();
    expect((await first.handle.describe()).parentExecution?.workflowId).toBe(campaignWorkflowId(campaign.id));

    const duplicate = await updateRejection(handle.executeUpdate(bookCreatorUpdate, { args: [{ actor: drive().manager(), booking: collaborationInput(first.row) }] }));
    expect(duplicate).toMatchObject({ type: 'WrongStage', message: `Collaboration ${first.row.id} is already booked on this campaign` });
    const byFinance = await updateRejection(handle.executeUpdate(bookCreatorUpdate, { args: [{ actor: drive().finance(), booking: collaborationInput(first.row) }] }));
    expect(byFinance.type).toBe('Forbidden');
    const tmCloses = await updateRejection(handle.executeUpdate(closeBookingsUpdate, { args: [{ actor: drive().talentManager() }] }));
    expect(tmCloses.type).toBe('Forbidden');

    const closed = await handle.executeUpdate(closeBookingsUpdate, { args: [{ actor: drive().manager(), reason: 'Fully booked' }] });
    expect(closed.status).toBe('closed');
    const late = await createBookingRow(db(), harness.team, { campaignId: campaign.id });
    const afterClose = await updateRejection(handle.executeUpdate(bookCreatorUpdate, { args: [{ actor: drive().manager(), booking: collaborationInput(late) }] }));
    expect(afterClose).toMatchObject({ type: 'WrongStage', message: 'The campaign is closed to new bookings' });
    await db().getRepository(Collaboration).delete({ id: late.id }); // as the API does with a refused booking

    // Still running: it ends when its bookings do.
    expect((await handle.query(campaignStateQuery)).status).toBe('closed');
    for (const collaboration of [first, second]) {
      await collaboration.handle.executeUpdate(dropOutUpdate, { args: [{ actor: drive().talentManager(), reason: 'Creator unavailable' }] });
      await acceptDropout(collaboration.handle);
    }
    const result: CampaignState = await handle.result();
    expect(result.status).toBe('completed');
    expect(result.bookings.map((b) => b.outcome)).toEqual([CollaborationStage.Dropped, CollaborationStage.Dropped]);
    expect(result.summary).toMatchObject({ bookings: 2, byOutcome: { DROPPED: 2 }, billedMinor: 0, feesPaidMinor: 0, killFeesMinor: 0, marginBps: null });

    const stored = await db().getRepository(Campaign).findOneByOrFail({ id: campaign.id });
    expect(stored).toMatchObject({ status: 'completed', summary: result.summary });
    expect(stored.endedAt).toBeInstanceOf(Date);
    const audit = await db().getRepository(AuditLog).findBy({ entity: 'Campaign', entityId: campaign.id });
    expect(audit.map((a) => a.action).sort()).toEqual(['campaign.closed', 'campaign.completed']);
    expect(audit.find((a) => a.action === 'campaign.closed')).toMatchObject({ actorId: harness.team.manager.id, after: { reason: 'Fully booked' } });
  });

  it('cascades a cancellation: bookings not yet live are wound down with compensation, a live one is still paid', async () => {
    const { campaign, handle, book } = await startCampaign();
    const briefed = await book();
    const producing = await drive().toProduction({ start: book, sla: { paymentDay: 10 }, terms: { exclusivity: { category: 'skincare', start: '2026-12-01', end: '2027-02-28' } } });
    const live = await drive().toPayout({ start: book, sla: { measureFirst: 200, measureSecond: 400, paymentDay: 50 }, terms: { killFeeBps: 0 } });

    const byTalentManager = await updateRejection(handle.executeUpdate(cancelCampaignUpdate, { args: [{ actor: drive().talentManager(), reason: 'Brand pulled out' }] }));
    expect(byTalentManager.type).toBe('Forbidden');
    const noReason = await updateRejection(handle.executeUpdate(cancelCampaignUpdate, { args: [{ actor: drive().manager(), reason: ' ' }] }));
    expect(noReason).toMatchObject({ type: 'InvalidDecision', message: 'A reason is required' });
    const cancelled = await handle.executeUpdate(cancelCampaignUpdate, { args: [{ actor: drive().manager(), reason: 'Brand pulled out' }] });
    expect(cancelled).toMatchObject({ status: 'cancelled', cancellation: { actor: drive().manager(), reason: 'Brand pulled out' } });
    const again = await updateRejection(handle.executeUpdate(cancelCampaignUpdate, { args: [{ actor: drive().manager(), reason: 'Twice' }] }));
    expect(again).toMatchObject({ type: 'WrongStage', message: 'The campaign is already cancelled' });

    // Nothing to undo before contracts: simply cancelled, no replacement sought.
    const briefedEnd: CollaborationState = await briefed.handle.result();
    expect(briefedEnd.stage).toBe(CollaborationStage.Cancelled);
    expect(briefedEnd.openEscalations).toEqual([]);
    expect(briefedEnd.resolvedEscalations.map((e) => e.kind)).not.toContain(EscalationKind.CreatorDropped);

    // Executed contract: the kill fee it allows (25 % of 70,000.00) and nothing more, requested by
    // the manager who cancelled and paid once finance approves; exclusivity released, drafts cancelled.
    const killFee = harness.client.workflow.getHandle(payoutWorkflowId(producing.row.id));
    await waitFor('the kill fee request', async () => ((await killFee.query(payoutStateQuery)).payoutId ? true : undefined));
    await killFee.executeUpdate(submitInvoiceUpdate, { args: [{ actor: drive().talentManager(), invoiceNumber: 'KILL-C-1' }] });
    await killFee.executeUpdate(approvePayoutUpdate, { args: [{ actor: drive().finance() }] });
    const producingEnd: CollaborationState = await producing.handle.result();
    expect(producingEnd).toMatchObject({ stage: CollaborationStage.Cancelled, killFeeMinor: 1_750_000, payout: { status: 'paid' } });
    const payouts = await db().getRepository(Payout).findBy({ collaborationId: producing.row.id });
    expect(payouts.map((p) => [p.kind, p.amountMinor, p.status, p.requestedById])).toEqual([['kill_fee', 1_750_000, 'paid', harness.team.manager.id]]);
    const window = await db().getRepository(ExclusivityWindow).findOneByOrFail({ creatorId: producing.row.creatorId });
    expect(window.releasedAt).toBeInstanceOf(Date);
    expect((await db().getRepository(Deliverable).findBy({ collaborationId: producing.row.id })).every((d) => d.status === 'cancelled')).toBe(true);
    expect((await db().getRepository(Contract).findBy({ collaborationId: producing.row.id })).every((c) => c.status === 'executed')).toBe(true);
    expect((await db().getRepository(Collaboration).findOneByOrFail({ id: producing.row.id })).stage).toBe(CollaborationStage.Cancelled);

    // Live and verified: the fee is owed, so it goes on to be invoiced, approved and paid.
    expect((await live.handle.query(stateQuery)).stage).toBe(CollaborationStage.Payout);
    const payout = harness.client.workflow.getHandle(payoutWorkflowId(live.row.id));
    await waitFor('the payout request', async () => ((await payout.query(payoutStateQuery)).payoutId ? true : undefined));
    await payout.executeUpdate(submitInvoiceUpdate, { args: [{ actor: drive().talentManager(), invoiceNumber: 'INV-C-1' }] });
    await payout.executeUpdate(approvePayoutUpdate, { args: [{ actor: drive().finance() }] });
    expect((await live.handle.result()).stage).toBe(CollaborationStage.Completed);

    const result: CampaignState = await handle.result();
    expect(result.status).toBe('cancelled');
    expect(result.summary).toMatchObject({
      bookings: 3,
      byOutcome: { CANCELLED: 2, COMPLETED: 1 },
      billedMinor: 10_000_000,
      feesPaidMinor: 7_000_000,
      killFeesMinor: 1_750_000,
      marginBps: 1_250,
    });
    const stored = await db().getRepository(Campaign).findOneByOrFail({ id: campaign.id });
    expect(stored.status).toBe('cancelled');
    const cancellation = await db().getRepository(AuditLog).findOneByOrFail({ entity: 'Campaign', entityId: campaign.id, action: 'campaign.cancelled', actorId: harness.team.manager.id });
    expect(cancellation.after).toMatchObject({ status: 'cancelled', reason: 'Brand pulled out' });
  });

  it('ends a dropped booking still waiting for the manager when its campaign is cancelled: there is nothing to replace', async () => {
    const { campaign, handle, book } = await startCampaign();
    const dropped = await book();
    await dropped.handle.executeUpdate(dropOutUpdate, { args: [{ actor: drive().talentManager(), reason: 'Creator unavailable' }] });
    const escalation = await waitFor('CREATOR_DROPPED', async () =>
      (await dropped.handle.query(stateQuery)).openEscalations.find((e) => e.kind === EscalationKind.CreatorDropped),
    );

    await handle.executeUpdate(cancelCampaignUpdate, { args: [{ actor: drive().manager(), reason: 'Brand pulled out' }] });
    const end: CollaborationState = await dropped.handle.result();
    expect(end.stage).toBe(CollaborationStage.Dropped);
    expect(end.openEscalations).toEqual([]);
    expect(end.resolvedEscalations).toContainEqual(expect.objectContaining({ escalationId: escalation.escalationId, resolution: EscalationResolution.BookingEnded }));
    const stored = await db().getRepository(Escalation).findOneByOrFail({ id: escalation.escalationId });
    expect(stored).toMatchObject({ resolution: 'BOOKING_ENDED: The campaign was cancelled: Brand pulled out', resolvedById: harness.team.manager.id });

    const result: CampaignState = await handle.result();
    expect(result).toMatchObject({ status: 'cancelled', summary: { bookings: 1, byOutcome: { DROPPED: 1 } } });
    expect((await db().getRepository(Campaign).findOneByOrFail({ id: campaign.id })).status).toBe('cancelled');
  });

  it('continues as new before its history grows large, keeping its bookings and hearing how they end', async () => {
    const { handle, book } = await startCampaign({ historyLimit: 30 });
    const firstRun = (await handle.describe()).runId;
    const bookings = [];
    for (let i = 0; i < 6; i += 1) bookings.push(await book());
    const state = await waitFor('a new run', async () => {
      const current = await handle.query(campaignStateQuery);
      return current.runs > 1 ? current : undefined;
    });
    expect((await handle.describe()).runId).not.toBe(firstRun);
    expect(state.bookings.map((b) => b.collaborationId)).toEqual(bookings.map((b) => b.row.id));

    // Bookings started by an earlier run are abandoned, not terminated, by the continue-as-new.
    expect((await bookings[0].handle.describe()).status.name).toBe('RUNNING');
    await handle.executeUpdate(cancelCampaignUpdate, { args: [{ actor: drive().manager(), reason: 'Budget withdrawn' }] });
    const result: CampaignState = await handle.result();
    expect(result.status).toBe('cancelled');
    expect(result.bookings).toHaveLength(6);
    expect(result.bookings.every((b) => b.outcome === CollaborationStage.Cancelled)).toBe(true);
    expect(result.summary).toMatchObject({ bookings: 6, byOutcome: { CANCELLED: 6 } });
  });

  it('stops taking bookings at the end of its last day, and completes when it has none running', async () => {
    const { campaign, handle } = await startCampaign({ closesInMs: 1_500 });
    const result: CampaignState = await handle.result();
    expect(result).toMatchObject({ status: 'completed', bookings: [], summary: { bookings: 0, marginBps: null } });
    const closed = await db().getRepository(AuditLog).findOneByOrFail({ entity: 'Campaign', entityId: campaign.id, action: 'campaign.closed' });
    expect(closed.actorId).toBeNull();
    expect(closed.after).toMatchObject({ reason: 'The campaign end date has passed' });
  });

  it('closes bookings at the new time when its end date is moved, earlier or later', async () => {
    // Moved later: still taking bookings when the first end has passed.
    const later = await startCampaign({ closesInMs: 1_000 });
    await later.handle.signal(rescheduleCloseSignal, { closesAt: new Date(Date.now() + 60_000).toISOString() });
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect((await later.handle.query(campaignStateQuery)).status).toBe('active');
    await later.book();
    // Moved earlier (a month away, now past): closed to bookings at once and, with none, completed.
    const earlier = await startCampaign();
    await earlier.handle.signal(rescheduleCloseSignal, { closesAt: new Date(Date.now() - 1_000).toISOString() });
    await waitFor('closed', async () => ((await earlier.handle.query(campaignStateQuery)).status === 'closed' ? true : undefined));
    expect((await earlier.handle.result()).status).toBe('completed');
    const closed = await db().getRepository(AuditLog).findOneByOrFail({ entity: 'Campaign', entityId: earlier.campaign.id, action: 'campaign.closed' });
    expect(closed.after).toMatchObject({ reason: 'The campaign end date has passed' });
    // Not a date: ignored.
    await later.handle.signal(rescheduleCloseSignal, { closesAt: 'next week' });
    expect((await later.handle.query(campaignStateQuery)).status).toBe('active');
    await later.handle.executeUpdate(cancelCampaignUpdate, { args: [{ actor: drive().manager(), reason: 'Test over' }] });
  });
});

import { CollaborationStage } from '../../libs/domain/rules/stages';
import { DeliverableType, Platform } from '../../libs/domain/rules/statuses';
import { Party, type Actor } from '../../libs/domain/rules/roles';
import { waitFor } from '../../scripts/lib/ports';
import {
  acceptTermsUpdate,
  acknowledgeBriefUpdate,
  approveCommercialsUpdate,
  counterOfferUpdate,
  markPostedUpdate,
  proposeTermsUpdate,
  recordSignatureUpdate,
  reviewDraftUpdate,
  stateQuery,
  submitDraftUpdate,
} from '../../workflows/messages';
import { approvePayoutUpdate, payoutStateQuery, payoutWorkflowId, submitInvoiceUpdate } from '../../workflows/payout-messages';
import { DISCLOSED_CAPTION, lifecycleDriver, updateRejection } from '../support/lifecycle-driver';
import { createBookingRow } from '../support/fixtures';
import { collaborationInput, startWorkflowHarness, WorkflowHarness } from '../support/workflow-harness';

/**
 * The decisions a creator and a brand contact take through their links, on a real Temporal
 * server: the same updates staff send, admitted only for the booking's own creator (or brand)
 * and only for that party's decisions; each refusal leaves the state as it was.
 */
describe('party decisions through portal links', () => {
  let harness: WorkflowHarness;

  beforeAll(async () => {
    harness = await startWorkflowHarness();
  });

  afterAll(() => harness?.stop());

  it('runs a booking to COMPLETED with the creator and the brand acting for themselves, and refuses every other party', async () => {
    const drive = lifecycleDriver(harness);
    const sla = { measureFirst: 200, measureSecond: 400, paymentDay: 50 };
    // Started as the API would, with the campaign's real brand: the brand contact acts as that brand.
    const row = await createBookingRow(harness.database.db, harness.team);
    const brandId: string = (await harness.database.db.query(`SELECT "brandId" FROM "campaigns" WHERE "id" = $1`, [row.campaignId]))[0].brandId;
    const handle = await harness.client.workflow.start('collaborationWorkflow', {
      workflowId: row.workflowId!,
      taskQueue: harness.taskQueue,
      args: [{ ...collaborationInput(row, sla), brandId }],
    });
    await harness.briefProjected(row);
    const other = await harness.book();
    const creator: Actor = { userId: row.creatorId, role: Party.Creator };
    const otherCreator: Actor = { userId: other.row.creatorId, role: Party.Creator };
    const brand: Actor = { userId: brandId, role: Party.Brand };

    // Booking B's creator on booking A: refused, nothing recorded.
    const foreign = await updateRejection(handle.executeUpdate(acknowledgeBriefUpdate, { args: [{ actor: otherCreator }] }));
    expect(foreign.type).toBe('Forbidden');
    expect(foreign.message).toContain("not for this booking's creator");
    expect((await handle.query(stateQuery)).briefAcknowledgedAt).toBeUndefined();
    // The brand cannot act for the creator.
    expect((await updateRejection(handle.executeUpdate(acknowledgeBriefUpdate, { args: [{ actor: brand }] }))).type).toBe('Forbidden');

    await handle.executeUpdate(acknowledgeBriefUpdate, { args: [{ actor: creator }] });
    await harness.reachStage(handle, CollaborationStage.Negotiating);

    // The creator may not put the agency's terms on the table, and counters instead.
    const deliverables = [{ type: DeliverableType.Reel, platform: Platform.Instagram, draftDueAt: new Date(Date.now() + 7 * 86_400_000).toISOString() }];
    const terms = { brandPriceMinor: 10_000_000, creatorFeeMinor: 8_500_000, currency: 'INR', paymentNetDays: 1, killFeeBps: 0, deliverables };
    expect((await updateRejection(handle.executeUpdate(proposeTermsUpdate, { args: [{ actor: creator, terms }] }))).type).toBe('Forbidden');
    await handle.executeUpdate(proposeTermsUpdate, { args: [{ actor: drive.talentManager(), terms: { ...terms, creatorFeeMinor: 8_000_000 } }] });
    await handle.executeUpdate(counterOfferUpdate, { args: [{ actor: creator, terms: { ...terms, creatorFeeMinor: 8_800_000 } }] });
    // Not their own counter-offer.
    expect((await updateRejection(handle.executeUpdate(acceptTermsUpdate, { args: [{ actor: creator }] }))).type).toBe('WrongStage');
    // The manager proposes; the creator accepts: margin 15 % is below the 20 % floor.
    await handle.executeUpdate(proposeTermsUpdate, { args: [{ actor: drive.manager(), terms }] });
    const accepted = await handle.executeUpdate(acceptTermsUpdate, { args: [{ actor: creator }] });
    expect(accepted.negotiation?.approvalNeeded).toBe(true);
    // Staff approve the commercials below the floor (a manager, not the booking's talent manager).
    await handle.executeUpdate(approveCommercialsUpdate, { args: [{ actor: drive.manager(), reason: 'Strategic creator for the launch' }] });
    await harness.reachStage(handle, CollaborationStage.Contracting, 30_000);

    const contracts = await waitFor('contracts', async () => (await handle.query(stateQuery)).contracts);
    for (const contract of contracts) {
      const signed = { contractId: contract.contractId, documentHash: contract.documentHash };
      // The creator may not sign for the agency.
      expect((await updateRejection(handle.executeUpdate(recordSignatureUpdate, { args: [{ actor: creator, party: 'agency', ...signed }] }))).type).toBe('Forbidden');
      await handle.executeUpdate(recordSignatureUpdate, { args: [{ actor: creator, party: 'creator', ...signed }] });
      await handle.executeUpdate(recordSignatureUpdate, { args: [{ actor: drive.manager(), party: 'agency', ...signed }] });
    }
    await harness.reachStage(handle, CollaborationStage.InProduction, 30_000);

    const [reel] = await waitFor('deliverables', async () => (await handle.query(stateQuery)).deliverables);
    await handle.executeUpdate(submitDraftUpdate, { args: [{ actor: creator, deliverableId: reel.deliverableId, assetUrl: `upload:${'a'.repeat(64)}`, caption: DISCLOSED_CAPTION }] });
    // A creator deciding the brand's review: refused, the draft stays in review.
    const selfReview = await updateRejection(handle.executeUpdate(reviewDraftUpdate, { args: [{ actor: creator, deliverableId: reel.deliverableId, version: 1, decision: 'approve' }] }));
    expect(selfReview.type).toBe('Forbidden');
    expect((await handle.query(stateQuery)).deliverables![0].status).toBe('in_review');
    // Another booking's brand: refused too.
    const otherBrand: Actor = { userId: other.row.creatorId, role: Party.Brand };
    expect((await updateRejection(handle.executeUpdate(reviewDraftUpdate, { args: [{ actor: otherBrand, deliverableId: reel.deliverableId, version: 1, decision: 'approve' }] }))).type).toBe('Forbidden');
    await handle.executeUpdate(reviewDraftUpdate, { args: [{ actor: brand, deliverableId: reel.deliverableId, version: 1, decision: 'approve' }] });
    await harness.reachStage(handle, CollaborationStage.Posting, 30_000);

    await handle.executeUpdate(markPostedUpdate, { args: [{ actor: creator, deliverableId: reel.deliverableId, liveUrl: 'https://www.instagram.com/reel/live-portal/', caption: DISCLOSED_CAPTION }] });
    await harness.reachStage(handle, CollaborationStage.Payout, 60_000);

    const payout = harness.client.workflow.getHandle(payoutWorkflowId(row.id));
    await waitFor('payout requested', async () => ((await payout.query(payoutStateQuery)).payoutId ? true : undefined));
    expect((await updateRejection(payout.executeUpdate(submitInvoiceUpdate, { args: [{ actor: otherCreator, invoiceNumber: 'INV-X' }] }))).type).toBe('Forbidden');
    await payout.executeUpdate(submitInvoiceUpdate, { args: [{ actor: creator, invoiceNumber: 'INV-2026-001' }] });
    // The manager proposed the accepted terms: they agreed the fee, so they may not approve the payout.
    expect((await updateRejection(payout.executeUpdate(approvePayoutUpdate, { args: [{ actor: { ...drive.manager(), role: 'finance' } as Actor }] }))).type).toBe('Forbidden');
    await payout.executeUpdate(approvePayoutUpdate, { args: [{ actor: drive.finance() }] });
    await harness.reachStage(handle, CollaborationStage.Completed, 60_000);
  });
});

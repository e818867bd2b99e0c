import { WorkflowHandle } from '@temporalio/client';
import { Campaign, Collaboration, Contract, Deliverable, Escalation, ExclusivityWindow, Payout } from '../../libs/domain/entities';
import { EscalationKind, EscalationResolution } from '../../libs/domain/rules/escalations';
import { SlaPolicy } from '../../libs/domain/rules/sla';
import { CollaborationStage } from '../../libs/domain/rules/stages';
import { waitFor } from '../../scripts/lib/ports';
import { dropOutUpdate, recordSignatureUpdate, resolveEscalationUpdate, stateQuery } from '../../workflows/messages';
import { lifecycleDriver, updateRejection } from '../support/lifecycle-driver';
import { approvePayoutUpdate, payoutStateQuery, payoutWorkflowId, submitInvoiceUpdate } from '../../workflows/payout-messages';
import { createBookingRow, sampleDeliverables } from '../support/fixtures';
import { startWorkflowHarness, WorkflowHarness } from '../support/workflow-harness';

/** CONTRACTING on a real Temporal dev server: frozen terms, signatures, exclusivity, and undoing on dropout. */
describe('collaboration workflow: CONTRACTING', () => {
  let harness: WorkflowHarness;

  beforeAll(async () => {
    harness = await startWorkflowHarness();
  });

  afterAll(() => harness?.stop());

  const drive = () => lifecycleDriver(harness);
  const talentManager = () => drive().talentManager();
  const manager = () => drive().manager();
  const rejection = updateRejection;

  async function toContracting(options: { nda?: boolean; sla?: Partial<SlaPolicy> } = {}) {
    const row = await createBookingRow(harness.database.db, harness.team);
    if (options.nda) await harness.database.db.getRepository(Campaign).update({ id: row.campaignId }, { brief: { requiresNda: true } });
    return drive().toContracting({
      row,
      sla: options.sla,
      deliverables: sampleDeliverables(),
      terms: { exclusivity: { category: 'skincare', start: '2026-12-01', end: '2027-02-28' } },
    });
  }

  const signAll = (handle: WorkflowHandle) => drive().signAll(handle);

  it('sends the agreement, the NDA and the exclusivity addendum with frozen, hashed terms', async () => {
    const { row, handle } = await toContracting({ nda: true });
    const state = await handle.query(stateQuery);
    expect(state.contracts!.map((c) => c.kind).sort()).toEqual(['campaign_agreement', 'exclusivity_addendum', 'nda']);
    const stored = await harness.database.db.getRepository(Contract).findBy({ collaborationId: row.id });
    expect(stored.every((c) => c.status === 'sent' && /^[0-9a-f]{64}$/.test(c.documentHash!))).toBe(true);
    expect(stored[0].frozenTerms).toMatchObject({ creatorFee: { amountMinor: 7_000_000, currency: 'INR' }, killFeeBps: 2_500 });
    // No exclusivity binds the creator before execution.
    expect(await harness.database.db.getRepository(ExclusivityWindow).countBy({ creatorId: row.creatorId })).toBe(0);
  });

  it('executes on both signatures, registers the exclusivity, and moves to IN_PRODUCTION', async () => {
    const { row, handle } = await toContracting();
    await signAll(handle);
    await harness.reachStage(handle, CollaborationStage.InProduction);
    const stored = await harness.database.db.getRepository(Contract).findBy({ collaborationId: row.id });
    expect(stored.map((c) => c.status)).toEqual(['executed', 'executed']);
    const window = await harness.database.db.getRepository(ExclusivityWindow).findOneByOrFail({ creatorId: row.creatorId });
    expect(window).toMatchObject({ category: 'skincare', startsOn: '2026-12-01', endsOn: '2027-02-28', releasedAt: null });
  });

  it('refuses the agency signing first, a different document, and a talent manager signing for the agency', async () => {
    const { handle } = await toContracting();
    const [contract] = (await handle.query(stateQuery)).contracts!;
    const first = await rejection(handle.executeUpdate(recordSignatureUpdate, { args: [{ actor: manager(), contractId: contract.contractId, party: 'agency', documentHash: contract.documentHash }] }));
    expect(first).toMatchObject({ type: 'WrongStage', message: `The creator has not signed the ${contract.kind} yet; the agency signs last` });
    const forged = await rejection(handle.executeUpdate(recordSignatureUpdate, { args: [{ actor: talentManager(), contractId: contract.contractId, party: 'creator', documentHash: '0'.repeat(64) }] }));
    expect(forged).toMatchObject({ type: 'InvalidDecision', message: 'The signed document is not the one sent: its hash differs from the contract on record' });
    const tmForAgency = await rejection(handle.executeUpdate(recordSignatureUpdate, { args: [{ actor: talentManager(), contractId: contract.contractId, party: 'agency', documentHash: contract.documentHash }] }));
    expect(tmForAgency.type).toBe('Forbidden');
  });

  it('escalates CONTRACT_UNSIGNED, and a DROP voids the unsigned contracts with no kill fee', async () => {
    const { row, handle } = await toContracting({ sla: { contractReminder: 500, contractEscalation: 1_000 } });
    const unsigned = await waitFor('CONTRACT_UNSIGNED', async () => (await handle.query(stateQuery)).openEscalations.find((e) => e.kind === EscalationKind.ContractUnsigned), 20_000);
    const dropped = await handle.executeUpdate(resolveEscalationUpdate, {
      args: [{ actor: manager(), escalationId: unsigned.escalationId, resolution: EscalationResolution.Drop, reason: 'Creator will not sign' }],
    });
    expect(dropped.stage).toBe(CollaborationStage.Dropped);
    expect(dropped.killFeeMinor).toBe(0);
    const stored = await harness.database.db.getRepository(Contract).findBy({ collaborationId: row.id });
    expect(stored.map((c) => [c.status, c.voidReason])).toEqual([['void', 'Creator will not sign'], ['void', 'Creator will not sign']]);
    expect(await harness.database.db.getRepository(Payout).countBy({ collaborationId: row.id })).toBe(0);
    const reminders = await harness.database.db.getRepository(Escalation).countBy({ collaborationId: row.id, kind: EscalationKind.ContractUnsigned });
    expect(reminders).toBe(1);
  });

  it('after execution, a dropout releases the exclusivity and pays only the kill fee the contract allows', async () => {
    // Net-30 payment terms, in 10 ms days.
    const { row, handle } = await toContracting({ sla: { paymentDay: 10 } });
    await signAll(handle);
    await harness.reachStage(handle, CollaborationStage.InProduction);
    await waitFor('deliverables planned', async () => ((await handle.query(stateQuery)).deliverables?.length ? true : undefined));
    const dropped = await handle.executeUpdate(dropOutUpdate, { args: [{ actor: talentManager(), reason: 'Creator injured' }] });
    expect(dropped.killFeeMinor).toBe(1_750_000);

    const window = await harness.database.db.getRepository(ExclusivityWindow).findOneByOrFail({ creatorId: row.creatorId });
    expect(window.releasedAt).not.toBeNull();
    // The kill fee goes through the payout child: requested by whoever dropped the booking…
    const payout = harness.client.workflow.getHandle(payoutWorkflowId(row.id));
    await waitFor('the kill fee request', async () => ((await payout.query(payoutStateQuery)).payoutId ? true : undefined));
    const payouts = await harness.database.db.getRepository(Payout).findBy({ collaborationId: row.id });
    expect(payouts).toEqual([expect.objectContaining({ kind: 'kill_fee', amountMinor: 1_750_000, currency: 'INR', status: 'requested', requestedById: harness.team.talentManager.id })]);
    // Executed contracts stay executed: what was signed stays on record.
    const stored = await harness.database.db.getRepository(Contract).findBy({ collaborationId: row.id });
    expect(stored.map((c) => c.status)).toEqual(['executed', 'executed']);
    expect((await harness.database.db.getRepository(Collaboration).findOneByOrFail({ id: row.id })).stage).toBe(CollaborationStage.Dropped);
    // Nothing was approved yet, so every deliverable is cancelled.
    const deliverables = await harness.database.db.getRepository(Deliverable).findBy({ collaborationId: row.id });
    expect(deliverables.map((d) => d.status)).toEqual(['cancelled', 'cancelled']);
    expect(dropped.deliverables!.map((d) => d.status)).toEqual(['cancelled', 'cancelled']);

    // …invoiced, approved by finance (never the requester), paid once; the booking then ends.
    const byRequester = await rejection(payout.executeUpdate(approvePayoutUpdate, { args: [{ actor: talentManager() }] }));
    expect(byRequester.type).toBe('Forbidden');
    await payout.executeUpdate(submitInvoiceUpdate, { args: [{ actor: talentManager(), invoiceNumber: 'KILL-1' }] });
    await payout.executeUpdate(approvePayoutUpdate, { args: [{ actor: drive().finance() }] });
    const alert = await waitFor('CREATOR_DROPPED', async () => (await handle.query(stateQuery)).openEscalations.find((e) => e.kind === EscalationKind.CreatorDropped));
    await handle.executeUpdate(resolveEscalationUpdate, { args: [{ actor: manager(), escalationId: alert.escalationId, resolution: EscalationResolution.Accept, reason: 'Replaced' }] });
    const ended = await handle.result();
    expect(ended).toMatchObject({ stage: CollaborationStage.Dropped, payout: { status: 'paid' } });
    const paid = await harness.database.db.getRepository(Payout).findOneByOrFail({ collaborationId: row.id });
    expect(paid).toMatchObject({ kind: 'kill_fee', status: 'paid', amountMinor: 1_750_000, approvedById: harness.team.finance.id });
    const [{ count }] = await harness.database.db.query(`SELECT count(*)::int AS count FROM "payout_provider_ledger" WHERE "idempotencyKey" = $1`, [paid.idempotencyKey]);
    expect(count).toBe(1);
  });
});

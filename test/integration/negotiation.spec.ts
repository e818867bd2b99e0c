import { AuditLog, Collaboration, Escalation } from '../../libs/domain/entities';
import { EscalationKind, EscalationResolution } from '../../libs/domain/rules/escalations';
import { Actor, Role } from '../../libs/domain/rules/roles';
import { CollaborationStage } from '../../libs/domain/rules/stages';
import { Terms } from '../../libs/domain/rules/terms';
import { waitFor } from '../../scripts/lib/ports';
import {
  acceptTermsUpdate, acknowledgeBriefUpdate, approveCommercialsUpdate, counterOfferUpdate, proposeTermsUpdate, resolveEscalationUpdate, stateQuery,
} from '../../workflows/messages';
import { sampleDeliverables } from '../support/fixtures';
import { updateRejection } from '../support/lifecycle-driver';
import { startWorkflowHarness, WorkflowHarness } from '../support/workflow-harness';

/** NEGOTIATING on a real Temporal dev server: offers, acceptance, the margin floor, the stall escalation. */
describe('collaboration workflow: NEGOTIATING', () => {
  let harness: WorkflowHarness;

  beforeAll(async () => {
    harness = await startWorkflowHarness();
  });

  afterAll(() => harness?.stop());

  const talentManager = (): Actor => ({ userId: harness.team.talentManager.id, role: Role.TalentManager });
  const manager = (): Actor => ({ userId: harness.team.manager.id, role: Role.Manager });
  const terms = (overrides: Partial<Terms> = {}): Terms => ({
    brandPriceMinor: 10_000_000,
    creatorFeeMinor: 7_000_000,
    currency: 'INR',
    paymentNetDays: 30,
    killFeeBps: 2_500,
    deliverables: sampleDeliverables(),
    usageRights: { channels: ['instagram'], durationDays: 90 },
    ...overrides,
  });

  async function negotiatingBooking(sla = {}) {
    const booked = await harness.book(sla);
    await booked.handle.executeUpdate(acknowledgeBriefUpdate, { args: [{ actor: talentManager() }] });
    await harness.reachStage(booked.handle, CollaborationStage.Negotiating);
    return booked;
  }

  const rejection = updateRejection;

  it('agrees on the counter-offer, writes the terms to the booking and moves to CONTRACTING', async () => {
    const { row, handle } = await negotiatingBooking();
    await handle.executeUpdate(proposeTermsUpdate, { args: [{ actor: talentManager(), terms: terms({ creatorFeeMinor: 6_500_000 }) }] });
    await handle.executeUpdate(counterOfferUpdate, { args: [{ actor: talentManager(), terms: terms({ creatorFeeMinor: 7_500_000 }) }] });
    const state = await handle.executeUpdate(acceptTermsUpdate, { args: [{ actor: talentManager() }] });

    expect(state.negotiation?.offers.map((o) => [o.party, o.terms.creatorFeeMinor])).toEqual([['agency', 6_500_000], ['creator', 7_500_000]]);
    expect(state.negotiation?.agreed).toMatchObject({ marginBps: 2_500, floorBps: 2_000 });
    expect(state.negotiation?.approvalNeeded).toBe(false);
    await harness.reachStage(handle, CollaborationStage.Contracting);

    const projected = await harness.database.db.getRepository(Collaboration).findOneByOrFail({ id: row.id });
    expect(projected).toMatchObject({
      stage: CollaborationStage.Contracting,
      brandPriceMinor: 10_000_000,
      creatorFeeMinor: 7_500_000,
      marginBps: 2_500,
      paymentTerms: { netDays: 30, killFeeBps: 2_500 },
      usageRights: { channels: ['instagram'], durationDays: 90 },
    });
    const audit = await harness.database.db.getRepository(AuditLog).findOneByOrFail({ entityId: row.id, action: 'collaboration.terms_agreed' });
    expect(audit.actorId).toBe(harness.team.talentManager.id);
  });

  it('holds terms below the margin floor for a manager, refusing the booking\'s own talent manager', async () => {
    const { row, handle } = await negotiatingBooking();
    await handle.executeUpdate(proposeTermsUpdate, { args: [{ actor: talentManager(), terms: terms({ creatorFeeMinor: 8_500_000 }) }] });
    const accepted = await handle.executeUpdate(acceptTermsUpdate, { args: [{ actor: talentManager() }] });
    expect(accepted.negotiation).toMatchObject({ approvalNeeded: true, agreed: { marginBps: 1_500 } });
    expect(accepted.stage).toBe(CollaborationStage.Negotiating);

    const own = await rejection(handle.executeUpdate(approveCommercialsUpdate, { args: [{ actor: { ...talentManager(), role: Role.Manager }, reason: 'Strategic creator' }] }));
    expect(own).toMatchObject({ type: 'Forbidden', message: "A margin exception cannot be approved by the booking's own talent manager" });
    const asTalentManager = await rejection(handle.executeUpdate(approveCommercialsUpdate, { args: [{ actor: talentManager(), reason: 'x' }] }));
    expect(asTalentManager.type).toBe('Forbidden');

    const approved = await handle.executeUpdate(approveCommercialsUpdate, { args: [{ actor: manager(), reason: 'Strategic creator for the launch' }] });
    expect(approved.stage).toBe(CollaborationStage.Contracting);
    const audit = await harness.database.db.getRepository(AuditLog).findOneByOrFail({ entityId: row.id, action: 'collaboration.margin_exception_approved' });
    expect(audit).toMatchObject({ actorId: harness.team.manager.id, after: { marginBps: 1_500, floorBps: 2_000, reason: 'Strategic creator for the launch' } });
  });

  it('refuses unsound terms, acceptance with nothing on the table, and approval that is not needed', async () => {
    const { handle } = await negotiatingBooking();
    const nothing = await rejection(handle.executeUpdate(acceptTermsUpdate, { args: [{ actor: talentManager() }] }));
    expect(nothing).toMatchObject({ type: 'WrongStage', message: 'There are no terms on the table to accept' });
    const losing = await rejection(handle.executeUpdate(proposeTermsUpdate, { args: [{ actor: talentManager(), terms: terms({ creatorFeeMinor: 12_000_000, currency: 'USD' }) }] }));
    expect(losing).toMatchObject({
      type: 'InvalidDecision',
      message: "The terms are not acceptable: creatorFeeMinor may not exceed brandPriceMinor: the booking would lose money; currency must be the campaign's currency, INR",
    });
    const byFinance = await rejection(handle.executeUpdate(proposeTermsUpdate, { args: [{ actor: { userId: harness.team.finance.id, role: Role.Finance }, terms: terms() }] }));
    expect(byFinance.type).toBe('Forbidden');
    const early = await rejection(handle.executeUpdate(approveCommercialsUpdate, { args: [{ actor: manager(), reason: 'x' }] }));
    expect(early).toMatchObject({ type: 'WrongStage', message: 'No terms are agreed yet' });
    expect((await handle.query(stateQuery)).negotiation?.offers ?? []).toEqual([]);
  });

  it('refuses negotiation updates outside NEGOTIATING with the stage it is in', async () => {
    const { handle } = await harness.book();
    const early = await rejection(handle.executeUpdate(proposeTermsUpdate, { args: [{ actor: talentManager(), terms: terms() }] }));
    expect(early).toMatchObject({ type: 'WrongStage', message: 'Terms can only be proposed while the collaboration is NEGOTIATING; it is BRIEFED' });
  });

  it('escalates NEGOTIATION_STALLED when nothing is agreed in time, and closes it when terms are agreed late', async () => {
    const { row, handle } = await negotiatingBooking({ negotiation: 1_000 });
    const stalled = await waitFor('NEGOTIATION_STALLED', async () => (await handle.query(stateQuery)).openEscalations.find((e) => e.kind === EscalationKind.NegotiationStalled), 20_000);
    await handle.executeUpdate(resolveEscalationUpdate, {
      args: [{ actor: manager(), escalationId: stalled.escalationId, resolution: EscalationResolution.Extend, reason: 'Brand reviewing rates', extendBy: '1h' }],
    });
    await handle.executeUpdate(proposeTermsUpdate, { args: [{ actor: talentManager(), terms: terms() }] });
    await handle.executeUpdate(acceptTermsUpdate, { args: [{ actor: talentManager() }] });
    await harness.reachStage(handle, CollaborationStage.Contracting);
    const [closed] = await harness.database.db.getRepository(Escalation).findBy({ collaborationId: row.id, kind: EscalationKind.NegotiationStalled });
    expect(closed.resolution).toBe('EXTEND: Brand reviewing rates');
  });
});

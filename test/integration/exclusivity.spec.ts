import { randomUUID } from 'node:crypto';
import { Brand, Campaign, Collaboration, Contract, Escalation, ExclusivityWindow, Market } from '../../libs/domain/entities';
import { EscalationKind, EscalationResolution } from '../../libs/domain/rules/escalations';
import { CollaborationStage } from '../../libs/domain/rules/stages';
import { collaborationWorkflowId } from '../../libs/temporal/workflow-ids';
import { waitFor } from '../../scripts/lib/ports';
import { acceptTermsUpdate, acknowledgeBriefUpdate, proposeTermsUpdate, resolveEscalationUpdate, stateQuery } from '../../workflows/messages';
import { lifecycleDriver } from '../support/lifecycle-driver';
import { createBookingRow, sampleDeliverables } from '../support/fixtures';
import { startWorkflowHarness, WorkflowHarness } from '../support/workflow-harness';

/**
 * Exclusivity windows carry the brand that holds them, and conflicts are checked again before
 * contracting with the exclusivity the booking negotiates, on a real Temporal dev server and PostgreSQL.
 */
describe('exclusivity: the holding brand and the check before contracting', () => {
  let harness: WorkflowHarness;

  beforeAll(async () => {
    harness = await startWorkflowHarness();
  });

  afterAll(() => harness?.stop());

  const db = () => harness.database.db;
  const drive = () => lifecycleDriver(harness);
  const exclusivity = { category: 'skincare', start: '2026-12-01', end: '2027-02-28' };

  /** Another booking of an existing creator, on a new campaign of `brandId` between the two dates. */
  async function bookAgain(creatorId: string, brandId: string, startsOn: string, endsOn: string): Promise<Collaboration> {
    const campaign = await db().getRepository(Campaign).save({
      brandId,
      name: `Campaign ${randomUUID().slice(0, 8)}`,
      market: Market.India,
      budgetMinor: 10_000_000,
      currency: 'INR',
      startsOn,
      endsOn,
      ownerId: harness.team.manager.id,
    });
    const id = randomUUID();
    return db().getRepository(Collaboration).save({ id, campaignId: campaign.id, creatorId, talentManagerId: harness.team.talentManager.id, currency: 'INR', workflowId: collaborationWorkflowId(id) });
  }

  const escalations = (collaborationId: string) => db().getRepository(Escalation).findBy({ collaborationId, kind: EscalationKind.Conflict });

  it('registers the executed contract’s window with its brand; the brand re-books the creator freely, a competitor it names is blocked', async () => {
    // Lumen (skincare) books the creator December–January with skincare exclusivity to 28 February.
    const first = await createBookingRow(db(), harness.team);
    const firstCampaign = await db().getRepository(Campaign).findOneOrFail({ where: { id: first.campaignId }, relations: { brand: true } });
    const lumen = firstCampaign.brand!;
    await drive().toProduction({ row: first, deliverables: sampleDeliverables(), terms: { exclusivity } });
    const window = await db().getRepository(ExclusivityWindow).findOneByOrFail({ creatorId: first.creatorId });
    expect(window).toMatchObject({ brandId: lumen.id, brandName: lumen.name, category: 'skincare', startsOn: '2026-12-01', endsOn: '2027-02-28', releasedAt: null });
    expect(await db().getRepository(Contract).findOneByOrFail({ id: window.sourceContractId! })).toMatchObject({ collaborationId: first.id, kind: 'exclusivity_addendum' });

    // Lumen re-books the same creator inside its own window: no conflict after the brief, nor before contracting.
    const rebooked = await bookAgain(first.creatorId, lumen.id, '2027-02-01', '2027-02-20');
    const again = await drive().toContracting({ row: rebooked, deliverables: sampleDeliverables() });
    const rebookedState = await again.handle.query(stateQuery);
    expect(rebookedState.conflicts).toEqual([]);
    expect(rebookedState.contracts!.length).toBeGreaterThan(0);
    expect(await escalations(rebooked.id)).toEqual([]);

    // Nova is in haircare, a category nobody lists; Lumen names Nova as a competitor. Only the window's brand can tell.
    await db().getRepository(Brand).update({ id: lumen.id }, { competitorBrands: ['Nova Hair'] });
    const nova = await db().getRepository(Brand).save({ name: 'Nova Hair', category: 'haircare' });
    const competitor = await bookAgain(first.creatorId, nova.id, '2027-02-10', '2027-02-20');
    const { handle } = await harness.book({}, competitor);
    await handle.executeUpdate(acknowledgeBriefUpdate, { args: [{ actor: drive().talentManager() }] });
    const conflict = await waitFor('CONFLICT', async () => (await handle.query(stateQuery)).openEscalations.find((e) => e.kind === EscalationKind.Conflict), 20_000);
    const state = await handle.query(stateQuery);
    expect(state.stage).toBe(CollaborationStage.ConflictCheck);
    expect(state.conflicts).toEqual([
      {
        kind: 'EXCLUSIVITY',
        severity: 'blocking',
        message:
          `The creator is exclusive to ${lumen.name} in skincare from 2026-12-01 to 2027-02-28 (contract ${window.sourceContractId}); ` +
          `${lumen.name} names Nova Hair as a competitor. It overlaps the campaign (2027-02-10 to 2027-02-20) by 11 days (2027-02-10 to 2027-02-20).`,
      },
    ]);
    const [stored] = await escalations(competitor.id);
    expect(stored).toMatchObject({ id: conflict.escalationId, status: 'open', summary: `Blocking: ${state.conflicts![0].message}` });
  });

  it('catches the negotiated exclusivity clashing with another booking before any contract is drawn up, with the same CONFLICT escalation', async () => {
    // The creator is also booked by Dewy (skincare) 5–25 February: clear of the December–January
    // campaign, so the check after the brief passes, but inside the exclusivity negotiated to 28 February.
    const row = await createBookingRow(db(), harness.team);
    const dewy = await db().getRepository(Brand).save({ name: `Dewy ${row.id.slice(0, 8)}`, category: 'skincare' });
    await bookAgain(row.creatorId, dewy.id, '2027-02-05', '2027-02-25');
    const { handle } = await drive().toNegotiating({ row });
    expect((await handle.query(stateQuery)).conflicts).toEqual([]);

    const terms = { brandPriceMinor: 10_000_000, creatorFeeMinor: 7_000_000, currency: 'INR', paymentNetDays: 30, killFeeBps: 2_500, deliverables: sampleDeliverables(), exclusivity };
    await handle.executeUpdate(proposeTermsUpdate, { args: [{ actor: drive().talentManager(), terms }] });
    await handle.executeUpdate(acceptTermsUpdate, { args: [{ actor: drive().talentManager() }] });
    const conflict = await waitFor('CONFLICT', async () => (await handle.query(stateQuery)).openEscalations.find((e) => e.kind === EscalationKind.Conflict), 20_000);

    const state = await handle.query(stateQuery);
    expect(state.stage).toBe(CollaborationStage.Contracting);
    expect(state.contracts).toBeUndefined();
    expect(await db().getRepository(Contract).countBy({ collaborationId: row.id })).toBe(0);
    expect(state.conflicts).toEqual([
      {
        kind: 'NEGOTIATED_EXCLUSIVITY',
        severity: 'blocking',
        message:
          `The exclusivity being contracted (skincare, 2026-12-01 to 2027-02-28) would bar the creator from the booking with ${dewy.name} (skincare) ` +
          'from 2027-02-05 to 2027-02-25: both are in skincare. They overlap by 21 days (2027-02-05 to 2027-02-25).',
      },
    ]);
    const [stored] = await escalations(row.id);
    expect(stored).toMatchObject({ id: conflict.escalationId, kind: EscalationKind.Conflict, status: 'open', summary: `Blocking: ${state.conflicts![0].message}` });

    // A manager overrides with a reason: the contracts are drawn up and the exclusivity addendum goes out.
    const overridden = await handle.executeUpdate(resolveEscalationUpdate, {
      args: [{ actor: drive().manager(), escalationId: conflict.escalationId, resolution: EscalationResolution.Override, reason: 'Dewy agreed to move its campaign' }],
    });
    expect(overridden.resolvedEscalations).toEqual([expect.objectContaining({ escalationId: conflict.escalationId, kind: EscalationKind.Conflict, resolution: EscalationResolution.Override })]);
    await waitFor('contracts sent', async () => ((await handle.query(stateQuery)).contracts?.length ? true : undefined), 20_000);
    expect((await handle.query(stateQuery)).contracts!.map((c) => c.kind).sort()).toEqual(['campaign_agreement', 'exclusivity_addendum']);
    expect(await escalations(row.id)).toEqual([expect.objectContaining({ status: 'resolved', resolution: 'OVERRIDE: Dewy agreed to move its campaign' })]);
  });
});

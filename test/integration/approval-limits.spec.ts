import { AuditLog, User } from '../../libs/domain/entities';
import { Role } from '../../libs/domain/rules/roles';
import { CollaborationStage } from '../../libs/domain/rules/stages';
import { DeliverableType, Platform } from '../../libs/domain/rules/statuses';
import { acceptTermsUpdate, approveCommercialsUpdate, proposeTermsUpdate } from '../../workflows/messages';
import { createBookingRow, createTeam } from '../support/fixtures';
import { lifecycleDriver, updateRejection } from '../support/lifecycle-driver';
import { startWorkflowHarness, WorkflowHarness } from '../support/workflow-harness';

/**
 * Approval limits (docs/domain.md#approval-limits): a manager approves a margin exception alone
 * only up to their own limit; above it the approval goes up the team tree, and the state says
 * whose approval is awaited. The real workflow, dev server and PostgreSQL.
 */
describe('approval limits on margin exceptions', () => {
  let harness: WorkflowHarness;

  beforeAll(async () => {
    harness = await startWorkflowHarness();
  });

  afterAll(() => harness?.stop());

  // 10 % margin on a 1,00,000 INR deal, floor 20 %: an exception of 10,000 INR (10,00,000 minor units).
  const belowFloor = () => ({
    brandPriceMinor: 10_000_000, creatorFeeMinor: 9_000_000, currency: 'INR', paymentNetDays: 30, killFeeBps: 2_500,
    deliverables: [{ type: DeliverableType.Reel, platform: Platform.Instagram, draftDueAt: new Date(Date.now() + 7 * 86_400_000).toISOString() }],
  });

  async function teamWithHead(managerLimitMinor: number | null) {
    const team = await createTeam(harness.database.db);
    const users = harness.database.db.getRepository(User);
    const head = await users.save(users.create({ email: `head-${team.manager.id.slice(0, 8)}@test.local`, name: 'Hana Head', role: Role.Manager, passwordHash: team.manager.passwordHash }));
    await users.update({ id: team.manager.id }, { managerId: head.id, approvalLimitMinor: managerLimitMinor, approvalLimitCurrency: managerLimitMinor === null ? null : 'INR' });
    return { team, head };
  }

  async function agreedBelowFloor(team: Awaited<ReturnType<typeof teamWithHead>>['team']) {
    const row = await createBookingRow(harness.database.db, team);
    const driver = lifecycleDriver(harness);
    const { handle } = await driver.toNegotiating({ row });
    const talentManager = { userId: team.talentManager.id, role: Role.TalentManager };
    await handle.executeUpdate(proposeTermsUpdate, { args: [{ actor: talentManager, terms: belowFloor() }] });
    await handle.executeUpdate(acceptTermsUpdate, { args: [{ actor: talentManager }] });
    return { row, handle };
  }

  it('sends an exception above the manager\'s limit up to their manager, says whose approval is awaited, and moves on once they approve', async () => {
    const { team, head } = await teamWithHead(500_000);
    const { row, handle } = await agreedBelowFloor(team);
    const manager = { userId: team.manager.id, role: Role.Manager };

    const endorsed = await handle.executeUpdate(approveCommercialsUpdate, { args: [{ actor: manager, reason: 'Strategic launch' }] });
    expect(endorsed.stage).toBe(CollaborationStage.Negotiating);
    expect(endorsed.negotiation).toMatchObject({ approvalAwaitedFrom: head.id, endorsements: [expect.objectContaining({ actor: manager, reason: 'Strategic launch' })] });
    expect(endorsed.negotiation!.approval).toBeUndefined();
    const audit = await harness.database.db.getRepository(AuditLog).findOneByOrFail({ entityId: row.id, action: 'collaboration.margin_exception_endorsed' });
    expect(audit.after).toMatchObject({ exceptionMinor: 1_000_000, currency: 'INR', limit: { amountMinor: 500_000, currency: 'INR' }, awaitedFrom: head.id });

    // Nobody but the awaited manager (or an admin) may approve now, the endorser included.
    expect(await updateRejection(handle.executeUpdate(approveCommercialsUpdate, { args: [{ actor: manager, reason: 'Again' }] }))).toMatchObject({
      type: 'Forbidden', message: 'You have already approved; the exception is above your approval limit',
    });
    const other = await createTeam(harness.database.db);
    expect(await updateRejection(handle.executeUpdate(approveCommercialsUpdate, { args: [{ actor: { userId: other.manager.id, role: Role.Manager }, reason: 'Fine' }] }))).toMatchObject({
      type: 'Forbidden', message: `The exception is above the last approver's limit; awaiting approval from user ${head.id}`,
    });

    const approved = await handle.executeUpdate(approveCommercialsUpdate, { args: [{ actor: { userId: head.id, role: Role.Manager }, reason: 'Worth it for the launch' }] });
    expect(approved.negotiation!.approval).toMatchObject({ actor: { userId: head.id }, reason: 'Worth it for the launch' });
    await harness.reachStage(handle, CollaborationStage.Contracting);
    expect(await harness.database.db.getRepository(AuditLog).findOneBy({ entityId: row.id, action: 'collaboration.margin_exception_approved', actorId: head.id })).not.toBeNull();
  });

  it('lets a manager approve alone within their limit, or with no limit set', async () => {
    for (const limit of [2_000_000, null]) {
      const { team } = await teamWithHead(limit);
      const { handle } = await agreedBelowFloor(team);
      const state = await handle.executeUpdate(approveCommercialsUpdate, { args: [{ actor: { userId: team.manager.id, role: Role.Manager }, reason: 'Within my limit' }] });
      expect(state.negotiation!.approvalAwaitedFrom).toBeUndefined();
      expect(state.negotiation!.approval).toMatchObject({ actor: { userId: team.manager.id } });
      await harness.reachStage(handle, CollaborationStage.Contracting);
    }
  });

  it('waits for an admin when nobody above the manager may approve', async () => {
    const team = await createTeam(harness.database.db);
    await harness.database.db.getRepository(User).update({ id: team.manager.id }, { approvalLimitMinor: 0, approvalLimitCurrency: 'INR' });
    const { handle } = await agreedBelowFloor(team);
    const endorsed = await handle.executeUpdate(approveCommercialsUpdate, { args: [{ actor: { userId: team.manager.id, role: Role.Manager }, reason: 'Please' }] });
    expect(endorsed.negotiation!.approvalAwaitedFrom).toBe('admin');
    const admin = await harness.database.db.getRepository(User).save({ email: `admin-${team.manager.id.slice(0, 8)}@test.local`, name: 'Ada Admin', role: Role.Admin, passwordHash: team.manager.passwordHash });
    await handle.executeUpdate(approveCommercialsUpdate, { args: [{ actor: { userId: admin.id, role: Role.Admin }, reason: 'Approved centrally' }] });
    await harness.reachStage(handle, CollaborationStage.Contracting);
  });
});

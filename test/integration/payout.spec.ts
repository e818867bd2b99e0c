import { randomBytes } from 'node:crypto';
import { hashPassword } from '../../libs/auth/passwords';
import { Collaboration, Creator, Escalation, Notification, Payout, User } from '../../libs/domain/entities';
import { EscalationKind } from '../../libs/domain/rules/escalations';
import { Actor, Role } from '../../libs/domain/rules/roles';
import { SlaPolicy } from '../../libs/domain/rules/sla';
import { Terms } from '../../libs/domain/rules/terms';
import { CollaborationStage } from '../../libs/domain/rules/stages';
import { waitFor } from '../../scripts/lib/ports';
import { CollaborationState, dropOutUpdate } from '../../workflows/messages';
import { lifecycleDriver, updateRejection } from '../support/lifecycle-driver';
import { approvePayoutUpdate, payoutStateQuery, payoutWorkflowId, submitInvoiceUpdate } from '../../workflows/payout-messages';
import { startWorkflowHarness, WorkflowHarness } from '../support/workflow-harness';

/** PAYOUT on a real Temporal dev server: the child workflow, segregation of duties, exactly-once disbursement. */
describe('collaboration workflow: PAYOUT', () => {
  let harness: WorkflowHarness;
  let admin: Actor;

  beforeAll(async () => {
    harness = await startWorkflowHarness();
    const user = await harness.database.db.getRepository(User).save({ email: `admin-${Date.now()}@test.local`, name: 'Ada Admin', role: Role.Admin, passwordHash: await hashPassword(randomBytes(12).toString('hex')) });
    admin = { userId: user.id, role: Role.Admin };
  });

  afterAll(() => harness?.stop());

  const drive = () => lifecycleDriver(harness);
  const talentManager = () => drive().talentManager();
  const manager = () => drive().manager();
  const finance = () => drive().finance();
  const rejection = updateRejection;

  /** A booking with one reel, live and measured, in PAYOUT, with its payout requested. */
  async function toPayout(options: { sla?: Partial<SlaPolicy>; netDays?: number; acceptedBy?: Actor; terms?: Partial<Terms> } = {}) {
    const { row, handle } = await drive().toPayout({
      sla: { measureFirst: 200, measureSecond: 400, paymentDay: 50, ...options.sla },
      terms: { paymentNetDays: options.netDays ?? 30, killFeeBps: 0, ...options.terms },
      acceptedBy: options.acceptedBy,
    });
    const payout = harness.client.workflow.getHandle(payoutWorkflowId(row.id));
    await waitFor('the payout request', async () => ((await payout.query(payoutStateQuery)).payoutId ? true : undefined));
    return { row, handle, payout };
  }

  const ledgerCount = async (payoutId: string) => {
    const payout = await harness.database.db.getRepository(Payout).findOneByOrFail({ id: payoutId });
    const [{ count }] = await harness.database.db.query(`SELECT count(*)::int AS count FROM "payout_provider_ledger" WHERE "idempotencyKey" = $1`, [payout.idempotencyKey]);
    return count as number;
  };

  it('pays the creator once on the due date after invoice and finance approval, then completes', async () => {
    const { row, handle, payout } = await toPayout({ netDays: 30 });
    await payout.executeUpdate(submitInvoiceUpdate, { args: [{ actor: talentManager(), invoiceNumber: 'INV-2026/041' }] });
    const approved = await payout.executeUpdate(approvePayoutUpdate, { args: [{ actor: finance() }] });
    expect(approved).toMatchObject({ status: 'scheduled', approvedBy: finance() });
    const result = await handle.result();
    expect(result.stage).toBe(CollaborationStage.Completed);
    expect(result.payout).toMatchObject({ status: 'paid', providerReference: expect.stringMatching(/^LEDGER-/) });

    const [stored] = await harness.database.db.getRepository(Payout).findBy({ collaborationId: row.id });
    expect(stored).toMatchObject({ kind: 'fee', status: 'paid', amountMinor: 7_000_000, invoiceNumber: 'INV-2026/041', requestedById: harness.team.talentManager.id, approvedById: harness.team.finance.id });
    // Net-30 from the verified post: paid no earlier than the due date.
    const state = await payout.query(payoutStateQuery);
    expect(Date.parse(state.paidAt!)).toBeGreaterThanOrEqual(Date.parse(state.dueAt));
    expect(await ledgerCount(stored.id)).toBe(1);
  });

  it('refuses approval by the requester, by whoever agreed the fee, by a manager, and before the invoice', async () => {
    const { payout } = await toPayout({ acceptedBy: admin });
    const early = await rejection(payout.executeUpdate(approvePayoutUpdate, { args: [{ actor: finance() }] }));
    expect(early).toMatchObject({ type: 'WrongStage', message: 'A payout can only be approved once invoiced; it is requested' });
    await payout.executeUpdate(submitInvoiceUpdate, { args: [{ actor: talentManager(), invoiceNumber: 'INV-1' }] });
    const negotiator = await rejection(payout.executeUpdate(approvePayoutUpdate, { args: [{ actor: admin }] }));
    expect(negotiator).toMatchObject({ type: 'Forbidden', message: 'A payout cannot be approved by the person who agreed the fee' });
    const byManager = await rejection(payout.executeUpdate(approvePayoutUpdate, { args: [{ actor: manager() }] }));
    expect(byManager.type).toBe('Forbidden');
    const requester = await rejection(payout.executeUpdate(approvePayoutUpdate, { args: [{ actor: { ...talentManager(), role: Role.Finance } }] }));
    expect(requester).toMatchObject({ type: 'Forbidden', message: 'A payout cannot be approved by the person who requested it' });
  });

  it('refuses approval by the finance officer who entered the invoice (maker-checker); another one approves', async () => {
    const { payout } = await toPayout();
    await payout.executeUpdate(submitInvoiceUpdate, { args: [{ actor: finance(), invoiceNumber: 'INV-MC' }] });
    const maker = await rejection(payout.executeUpdate(approvePayoutUpdate, { args: [{ actor: finance() }] }));
    expect(maker).toMatchObject({ type: 'Forbidden', message: 'A payout cannot be approved by the person who submitted its invoice' });
    const checker = await harness.database.db.getRepository(User).save({ email: `checker-${Date.now()}@test.local`, name: 'Chen Checker', role: Role.Finance, passwordHash: await hashPassword(randomBytes(12).toString('hex')) });
    const approved = await payout.executeUpdate(approvePayoutUpdate, { args: [{ actor: { userId: checker.id, role: Role.Finance } }] });
    expect(approved).toMatchObject({ status: 'scheduled', invoicedBy: finance(), approvedBy: { userId: checker.id } });
  });

  it('escalates PAYOUT_OVERDUE when the due date passes unapproved, pays at once on approval, and closes it', async () => {
    const { row, handle, payout } = await toPayout({ netDays: 0 });
    const overdue = await waitFor('PAYOUT_OVERDUE', async () => (await harness.database.db.getRepository(Escalation).findOneBy({ collaborationId: row.id, kind: EscalationKind.PayoutOverdue })) ?? undefined, 20_000);
    expect(overdue.status).toBe('open');
    await payout.executeUpdate(submitInvoiceUpdate, { args: [{ actor: talentManager(), invoiceNumber: 'INV-2' }] });
    await payout.executeUpdate(approvePayoutUpdate, { args: [{ actor: finance() }] });
    expect((await handle.result()).stage).toBe(CollaborationStage.Completed);
    const closed = await harness.database.db.getRepository(Escalation).findOneByOrFail({ id: overdue.id });
    expect(closed.resolution).toMatch(/^RESOLVED_LATE/);
  });

  it('escalates PAYOUT_DETAILS_MISSING to finance instead of paying a creator with no payout details, then pays once after they are added', async () => {
    const { row, handle, payout } = await toPayout({ netDays: 0 });
    const creators = harness.database.db.getRepository(Creator);
    await creators.update({ id: row.creatorId }, { payoutReference: null });
    await payout.executeUpdate(submitInvoiceUpdate, { args: [{ actor: talentManager(), invoiceNumber: 'INV-NO-TOKEN' }] });
    await payout.executeUpdate(approvePayoutUpdate, { args: [{ actor: finance() }] });

    const missing = await waitFor('PAYOUT_DETAILS_MISSING', async () => (await harness.database.db.getRepository(Escalation).findOneBy({ collaborationId: row.id, kind: EscalationKind.PayoutDetailsMissing })) ?? undefined, 20_000);
    // Finance's to fix: assigned to the officer who approved the payout, not to the booking's manager.
    expect(missing).toMatchObject({ status: 'open', severity: 'high', assigneeId: harness.team.finance.id });
    const [stored] = await harness.database.db.getRepository(Payout).findBy({ collaborationId: row.id });
    expect(stored).toMatchObject({ status: 'scheduled', providerReference: null });
    expect(await ledgerCount(stored.id)).toBe(0);
    expect(await payout.query(payoutStateQuery)).toMatchObject({ status: 'scheduled', detailsEscalationId: missing.id });
    // The refusal is final for that attempt: one failed attempt, never retried by Temporal itself.
    const failures = (await payout.fetchHistory()).events!.filter((event) => event.activityTaskFailedEventAttributes);
    expect(failures.length).toBeGreaterThanOrEqual(1);
    expect(failures[0].activityTaskFailedEventAttributes!.failure).toMatchObject({ applicationFailureInfo: { type: 'PayoutDetailsMissing', nonRetryable: true } });

    await creators.update({ id: row.creatorId }, { payoutReference: 'tok_added8f3k2m' });
    expect((await handle.result()).stage).toBe(CollaborationStage.Completed);
    expect(await harness.database.db.getRepository(Payout).findOneByOrFail({ id: stored.id })).toMatchObject({ status: 'paid', providerReference: expect.stringMatching(/^LEDGER-/) });
    expect(await ledgerCount(stored.id)).toBe(1);
    const [{ payee }] = await harness.database.db.query(`SELECT "payeeReference" AS payee FROM "payout_provider_ledger" WHERE "idempotencyKey" = $1`, [stored.idempotencyKey]);
    expect(payee).toBe('tok_added8f3k2m');
    expect(await harness.database.db.getRepository(Escalation).findOneByOrFail({ id: missing.id })).toMatchObject({ status: 'resolved', resolution: expect.stringMatching(/^RESOLVED_LATE/) });
    expect(await harness.database.db.getRepository(Escalation).countBy({ collaborationId: row.id, kind: EscalationKind.PayoutDetailsMissing })).toBe(1);
  });

  it('refuses a dropout once the content is live and the fee owed', async () => {
    const { handle } = await toPayout();
    const refused = await rejection(handle.executeUpdate(dropOutUpdate, { args: [{ actor: manager(), reason: 'Too late' }] }));
    expect(refused).toMatchObject({ type: 'WrongStage', message: "The content is live and verified: the creator's fee is owed, and the booking can no longer be dropped" });
  });

  it('after the payout, keeps the usage licence and exclusivity timers, reminding 7 days before each end, then completes', async () => {
    // A payment-terms day of 50 ms: a 500-day licence runs 25 s from the verified post, its
    // reminder 0.35 s before the end, leaving room for measuring and the payout on a busy machine.
    const { row, handle, payout } = await toPayout({
      netDays: 0,
      terms: { usageRights: { channels: ['instagram'], durationDays: 500 }, exclusivity: { category: 'skincare', start: '2026-01-01', end: '2026-01-31' } },
    });
    await payout.executeUpdate(submitInvoiceUpdate, { args: [{ actor: talentManager(), invoiceNumber: 'INV-3' }] });
    await payout.executeUpdate(approvePayoutUpdate, { args: [{ actor: finance() }] });
    const result = (await handle.result()) as CollaborationState;
    expect(result.stage).toBe(CollaborationStage.Completed);
    expect(result.history.map((h) => h.event)).toEqual(expect.arrayContaining(['exclusivity.ended', 'usage_rights.expired']));
    const notifications = await harness.database.db.getRepository(Notification).findBy({ collaborationId: row.id, kind: 'USAGE_RIGHTS_EXPIRING' });
    expect(notifications).toHaveLength(1);
    // The exclusivity had already ended: recorded at once, no reminder after the fact.
    expect(await harness.database.db.getRepository(Notification).countBy({ collaborationId: row.id, kind: 'EXCLUSIVITY_ENDING' })).toBe(0);
    const stored = await harness.database.db.getRepository(Collaboration).findOneByOrFail({ id: row.id });
    expect(stored.usageRights.expiredAt).toBeDefined();
    const ended = await harness.database.db.query(`SELECT action FROM audit_log WHERE "entityId" = $1 AND action IN ('usage_rights.expired', 'exclusivity.ended') ORDER BY action`, [row.id]);
    expect(ended.map((a: { action: string }) => a.action)).toEqual(['exclusivity.ended', 'usage_rights.expired']);
  });
});

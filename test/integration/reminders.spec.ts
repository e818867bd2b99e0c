import { AuditLog, Brand, Campaign, Collaboration, Delivery, DeliveryStatus, Escalation, User } from '../../libs/domain/entities';
import { EscalationKind, EscalationResolution, EscalationStatus } from '../../libs/domain/rules/escalations';
import { CollaborationStage } from '../../libs/domain/rules/stages';
import { DeliverableType, Platform } from '../../libs/domain/rules/statuses';
import { waitFor } from '../../scripts/lib/ports';
import { approvePayoutUpdate, payoutStateQuery, payoutWorkflowId, submitInvoiceUpdate } from '../../workflows/payout-messages';
import { acceptTermsUpdate, approveCommercialsUpdate, proposeTermsUpdate, resolveEscalationUpdate, stateQuery } from '../../workflows/messages';
import { Role } from '../../libs/domain/rules/roles';
import { testMailpit } from '../support/environment';
import { createBookingRow, createTeam, Team } from '../support/fixtures';
import { lifecycleDriver } from '../support/lifecycle-driver';
import { waitForMessage } from '../support/mailpit-inbox';
import { startWorkflowHarness, WorkflowHarness } from '../support/workflow-harness';

const PUBLIC_URL = 'https://ops.example.test';

/**
 * Every wait of the stage table reminds before it escalates (docs/workflow-stages.md): the real
 * workflow on the dev server, the real activities on PostgreSQL, and the e-mails read back from
 * Mailpit. Each booking belongs to a team of its own, so every address sees only its booking's mail.
 */
describe('every wait reminds, then escalates, by e-mail', () => {
  let harness: WorkflowHarness;

  beforeAll(async () => {
    harness = await startWorkflowHarness({
      channels: { mail: { mail: { smtpUrl: testMailpit().smtpUrl, from: 'CreatorOps <no-reply@creatorops.test>', maxAttempts: 3 }, publicUrl: PUBLIC_URL } },
    });
  });

  afterAll(() => harness?.stop());

  const drive = () => lifecycleDriver(harness);

  async function bookingOfNewTeam(): Promise<{ team: Team; row: Collaboration }> {
    const team = await createTeam(harness.database.db);
    return { team, row: await createBookingRow(harness.database.db, team) };
  }

  /**
   * The reminder reaches its recipient, then the escalation reaches the talent manager's manager,
   * both with the link to the booking; the reminder was sent first.
   */
  async function expectReminderThenEscalation(
    row: Collaboration,
    reminder: { to: string; subject: RegExp; says: string },
    escalation: { to: string; subject: RegExp; kind: EscalationKind },
  ): Promise<Escalation> {
    const link = `${PUBLIC_URL}/admin/resources/Collaboration/records/${row.id}/show`;
    const reminded = await waitForMessage(reminder.to, reminder.subject);
    expect(reminded.Text).toContain(reminder.says);
    expect(reminded.Text).toContain(link);
    const escalated = await waitForMessage(escalation.to, escalation.subject);
    expect(escalated.HTML).toContain(`href="${link}"`);
    const raised = await harness.database.db.getRepository(Escalation).findOneByOrFail({ collaborationId: row.id, kind: escalation.kind });
    expect(escalated.Text).toContain(raised.summary);

    const sent = await waitFor('both deliveries recorded', async () => {
      const rows = await harness.database.db.getRepository(Delivery).find({ where: { notification: { collaborationId: row.id }, status: DeliveryStatus.Sent }, relations: { notification: true } });
      const first = rows.find((d) => d.recipient === reminder.to && !d.notification!.kind.startsWith('escalation.'));
      const second = rows.find((d) => d.notification!.kind === `escalation.${escalation.kind}`);
      return first && second ? { first, second } : undefined;
    });
    expect(sent.first.sentAt!.getTime()).toBeLessThanOrEqual(sent.second.sentAt!.getTime());
    return raised;
  }

  it('NEGOTIATING: NEGOTIATION_REMINDER to the talent manager, then NEGOTIATION_STALLED to their manager', async () => {
    const { team, row } = await bookingOfNewTeam();
    await drive().toNegotiating({ row, sla: { negotiationReminder: 1_000, negotiation: 3_000 } });
    await expectReminderThenEscalation(
      row,
      { to: team.talentManager.email, subject: /Negotiation reminder/, says: 'No terms are agreed with the creator yet.' },
      { to: team.manager.email, subject: /Escalation: negotiation stalled/, kind: EscalationKind.NegotiationStalled },
    );
  });

  it('terms below the floor: a reminder to the approving manager, COMMERCIALS_APPROVAL_OVERDUE, and a late approval closes it and moves on', async () => {
    const { team, row } = await bookingOfNewTeam();
    const driver = drive();
    const { handle } = await driver.toNegotiating({ row, sla: { commercialsApprovalReminder: 1_000, commercialsApproval: 3_000 } });
    const terms = {
      brandPriceMinor: 10_000_000, creatorFeeMinor: 9_000_000, currency: 'INR', paymentNetDays: 30, killFeeBps: 2_500,
      deliverables: [{ type: DeliverableType.Reel, platform: Platform.Instagram, draftDueAt: new Date(Date.now() + 7 * 86_400_000).toISOString() }],
    };
    await handle.executeUpdate(proposeTermsUpdate, { args: [{ actor: driver.talentManager(), terms }] });
    await handle.executeUpdate(acceptTermsUpdate, { args: [{ actor: driver.talentManager() }] });
    const deadlines = (await handle.query(stateQuery)).deadlines.map((d) => d.name);
    expect(deadlines).toContain('commercialsApproval');

    const raised = await expectReminderThenEscalation(
      row,
      { to: team.manager.email, subject: /Commercials approval reminder/, says: 'Agreed terms below the margin floor are waiting for your approval.' },
      { to: team.manager.email, subject: /Escalation: commercials approval overdue/, kind: EscalationKind.CommercialsApprovalOverdue },
    );
    expect(raised.assigneeId).toBe(team.manager.id);

    await handle.executeUpdate(approveCommercialsUpdate, { args: [{ actor: { userId: team.manager.id, role: driver.manager().role }, reason: 'Strategic launch' }] });
    await harness.reachStage(handle, CollaborationStage.Contracting);
    const closed = await harness.database.db.getRepository(Escalation).findOneByOrFail({ id: raised.id });
    expect(closed.status).toBe(EscalationStatus.Resolved);
    expect(closed.resolution).toMatch(new RegExp(`^${EscalationResolution.ResolvedLate}: The commercials were approved after the deadline`));
  });

  it('CONTRACTING: CONTRACT_REMINDER, then CONTRACT_UNSIGNED', async () => {
    const { team, row } = await bookingOfNewTeam();
    await drive().toContracting({ row, sla: { contractReminder: 1_000, contractEscalation: 3_000 } });
    await expectReminderThenEscalation(
      row,
      { to: team.talentManager.email, subject: /Contract reminder/, says: 'Contracts are waiting for signatures.' },
      { to: team.manager.email, subject: /Escalation: contract unsigned/, kind: EscalationKind.ContractUnsigned },
    );
  });

  it('IN_PRODUCTION: DRAFT_DUE_REMINDER before the due date, then DRAFT_OVERDUE at it', async () => {
    const { team, row } = await bookingOfNewTeam();
    const deliverables = [{ type: DeliverableType.Reel, platform: Platform.Instagram, draftDueAt: new Date(Date.now() + 12_000).toISOString() }];
    await drive().toProduction({ row, deliverables, sla: { draftDueReminder: 9_000 } });
    await expectReminderThenEscalation(
      row,
      { to: team.talentManager.email, subject: /Draft due reminder/, says: 'The reel draft is due soon.' },
      { to: team.manager.email, subject: /Escalation: draft overdue/, kind: EscalationKind.DraftOverdue },
    );
  });

  it('IN_PRODUCTION: DRAFT_REVIEW_REMINDER to the reviewing manager, then REVIEW_OVERDUE', async () => {
    const { team, row } = await bookingOfNewTeam();
    const driver = drive();
    const { handle, deliverables } = await driver.toProduction({ row, sla: { draftReviewReminder: 1_000, draftReview: 3_000 } });
    await driver.submitDraft(handle, deliverables[0].deliverableId);
    await expectReminderThenEscalation(
      row,
      { to: team.manager.email, subject: /Draft review reminder/, says: 'The reel draft is waiting for review.' },
      { to: team.manager.email, subject: /Escalation: review overdue/, kind: EscalationKind.ReviewOverdue },
    );
  });

  it('POSTING: POSTING_REMINDER, then POSTING_MISSED', async () => {
    const { team, row } = await bookingOfNewTeam();
    await drive().toPosting({ row, sla: { postingReminder: 1_000, postingWindow: 3_000 } });
    await expectReminderThenEscalation(
      row,
      { to: team.talentManager.email, subject: /Posting reminder/, says: 'The reel is not live yet.' },
      { to: team.manager.email, subject: /Escalation: posting missed/, kind: EscalationKind.PostingMissed },
    );
  });

  it('PAYOUT: PAYOUT_DUE_REMINDER to finance before the due date, then PAYOUT_OVERDUE', async () => {
    const { team, row } = await bookingOfNewTeam();
    // Net-30 of 300 ms days: due 9 s after the post is verified; finance is reminded 6 s before.
    await drive().toPayout({ row, sla: { measureFirst: 100, measureSecond: 200, paymentDay: 300, payoutDueReminder: 6_000 } });
    // Finance is whoever approves payouts here: the first finance officer of this database.
    await expectReminderThenEscalation(
      row,
      { to: harness.team.finance.email, subject: /Payout due reminder/, says: "The creator's payout falls due on" },
      { to: team.manager.email, subject: /Escalation: payout overdue/, kind: EscalationKind.PayoutOverdue },
    );
  });

  it("re-escalates an escalation left unresolved past its own deadline to the manager's manager, who can then resolve it", async () => {
    const { team, row } = await bookingOfNewTeam();
    const users = harness.database.db.getRepository(User);
    const head = await users.save(users.create({ email: `head-${row.id.slice(0, 8)}@test.local`, name: 'Hana Head', role: Role.Manager, passwordHash: team.manager.passwordHash }));
    await users.update({ id: team.manager.id }, { managerId: head.id });
    const { handle } = await harness.book({ briefAckReminder: 500, briefAckEscalation: 1_000, escalationResponse: 2_000 }, row);

    await waitForMessage(team.manager.email, /Escalation: brief ack overdue/);
    const upstairs = await waitForMessage(head.email, /Escalation: brief ack overdue/);
    expect(upstairs.Text).toContain('so it comes to you now: The creator has not acknowledged the brief');
    expect(upstairs.Text).toContain(`${PUBLIC_URL}/admin/resources/Collaboration/records/${row.id}/show`);

    const escalation = await harness.database.db.getRepository(Escalation).findOneByOrFail({ collaborationId: row.id, kind: EscalationKind.BriefAckOverdue });
    expect(escalation).toMatchObject({ assigneeId: head.id, status: EscalationStatus.Open });
    const audit = await harness.database.db.getRepository(AuditLog).findOneByOrFail({ entityId: escalation.id, action: 'escalation.reescalated' });
    expect(audit.before).toMatchObject({ assigneeId: team.manager.id });
    expect(audit.after).toMatchObject({ assigneeId: head.id });
    const state = await handle.query(stateQuery);
    expect(state.openEscalations).toEqual([expect.objectContaining({ escalationId: escalation.id, assigneeId: head.id })]);
    expect(state.history.map((h) => h.event)).toContain('escalation.reescalated');

    await handle.executeUpdate(resolveEscalationUpdate, {
      args: [{ actor: { userId: head.id, role: Role.Manager }, escalationId: escalation.id, resolution: EscalationResolution.Extend, reason: 'One more day', extendBy: '1d' }],
    });
    expect(await harness.database.db.getRepository(Escalation).findOneByOrFail({ id: escalation.id })).toMatchObject({ status: EscalationStatus.Resolved, resolvedById: head.id });
  });

  it('PAYOUT_OVERDUE is decided on the booking: ACCEPT closes it as acknowledged late and the payout goes on to be paid', async () => {
    const { team, row } = await bookingOfNewTeam();
    const driver = drive();
    const { handle } = await driver.toPayout({ row, sla: { measureFirst: 100, measureSecond: 200, paymentDay: 30, payoutDueReminder: 100 } });
    const overdue = await waitFor('PAYOUT_OVERDUE in the booking', async () => (await handle.query(stateQuery)).openEscalations.find((e) => e.kind === EscalationKind.PayoutOverdue));

    const state = await handle.executeUpdate(resolveEscalationUpdate, {
      args: [{ actor: { userId: team.manager.id, role: Role.Manager }, escalationId: overdue.escalationId, resolution: EscalationResolution.Accept, reason: 'Finance was closing the quarter' }],
    });
    expect(state.openEscalations).toEqual([]);
    expect(state.resolvedEscalations).toEqual([expect.objectContaining({ escalationId: overdue.escalationId, resolution: EscalationResolution.Accept })]);
    const closed = await harness.database.db.getRepository(Escalation).findOneByOrFail({ id: overdue.escalationId });
    expect(closed).toMatchObject({ status: EscalationStatus.Resolved, resolvedById: team.manager.id, resolution: 'ACCEPT: Acknowledged late: Finance was closing the quarter' });

    const payout = harness.client.workflow.getHandle(payoutWorkflowId(row.id));
    await waitFor('the payout told', async () => ((await payout.query(payoutStateQuery)).overdueAccepted ? true : undefined));
    await payout.executeUpdate(submitInvoiceUpdate, { args: [{ actor: driver.talentManager(), invoiceNumber: 'INV-LATE-1' }] });
    await payout.executeUpdate(approvePayoutUpdate, { args: [{ actor: driver.finance() }] });
    const result = await handle.result();
    expect(result.stage).toBe(CollaborationStage.Completed);
    expect(result.payout).toMatchObject({ status: 'paid' });
    // Paid late, but the manager's ACCEPT stands on the row.
    expect(await harness.database.db.getRepository(Escalation).findOneByOrFail({ id: overdue.escalationId })).toMatchObject({ resolution: 'ACCEPT: Acknowledged late: Finance was closing the quarter' });
  });

  it('starts the licence timer when the content goes live: its 7-day reminder reaches the talent manager, and the brand contact, before the payout is even due', async () => {
    const { team, row } = await bookingOfNewTeam();
    const campaign = await harness.database.db.getRepository(Campaign).findOneByOrFail({ id: row.campaignId });
    const brandContact = `bea-${row.id.slice(0, 8)}@brand.test`;
    await harness.database.db.getRepository(Brand).update({ id: campaign.brandId }, { contacts: [{ name: 'No Address' }, { name: 'Bea Brand', email: brandContact }] });
    // Days of 300 ms: a 10-day licence ends 3 s after go-live, its reminder at 0.9 s; net-60 falls due at 18 s.
    const { handle } = await drive().toPayout({
      row, sla: { measureFirst: 100, measureSecond: 200, paymentDay: 300 }, terms: { paymentNetDays: 60, usageRights: { channels: ['instagram'], durationDays: 10 } },
    });
    const reminder = await waitForMessage(team.talentManager.email, /Usage rights expiring/);
    expect(reminder.Text).toContain("The brand's licence to use the creator's content ends in 7 days.");
    // The brand's first contact with an address gets its own copy, once, recorded beside the talent manager's e-mail.
    const copy = await waitForMessage(brandContact, /the content licence ends in 7 days/);
    expect(copy.Text).toContain("The brand's licence to use the creator's content ends in 7 days.");
    expect(copy.Text).toContain(campaign.name);
    const copies = await harness.database.db.getRepository(Delivery).findBy({ channel: 'brand_email', recipient: brandContact });
    expect(copies).toEqual([expect.objectContaining({ status: DeliveryStatus.Sent, attempts: 1 })]);
    await waitFor('the licence recorded as expired', () => harness.database.db.getRepository(AuditLog).findOneBy({ entityId: row.id, action: 'usage_rights.expired' }).then((a) => a ?? undefined));
    const state = await handle.query(stateQuery);
    // Still waiting for its invoice and approval: the licence ran from go-live, not from the payout.
    expect(state.stage).toBe(CollaborationStage.Payout);
    expect(state.payout?.status).not.toBe('paid');
    expect(state.licenceEnds).toEqual([expect.objectContaining({ name: 'usageRightsExpiry' })]);
    const verifiedAt = Math.max(...state.deliverables!.map((d) => Date.parse(d.verifiedAt!)));
    expect(Date.parse(state.licenceEnds![0].dueAt)).toBe(verifiedAt + 10 * 300);
  });
});

import { ApplicationFailure } from '@temporalio/common';
import { randomUUID } from 'node:crypto';
import { CollaborationActivities } from '../../activities/collaboration.activities';
import { PayoutActivities } from '../../activities/payout.activities';
import { LedgerPayoutProvider } from '../../activities/payout-provider';
import { AuditLog, Creator, Escalation, Notification, Payout } from '../../libs/domain/entities';
import { PayoutKind, PayoutStatus } from '../../libs/domain/rules/lifecycle';
import { EscalationKind, EscalationSeverity } from '../../libs/domain/rules/escalations';
import { CollaborationStage } from '../../libs/domain/rules/stages';
import { createBookingRow, createTeam, Team } from '../support/fixtures';
import { createTestDatabase, TestDatabase } from '../support/test-database';

/** Activities are retried by Temporal after crashes: every one must be safe to run twice. */
describe('collaboration activities on PostgreSQL', () => {
  let database: TestDatabase;
  let team: Team;
  let activities: CollaborationActivities;

  beforeAll(async () => {
    database = await createTestDatabase();
    team = await createTeam(database.db);
    activities = new CollaborationActivities(database.db);
  });

  afterAll(() => database?.drop());

  it('writes one escalation and one audit entry however often it is retried', async () => {
    const row = await createBookingRow(database.db, team);
    const input = {
      collaborationId: row.id,
      kind: EscalationKind.BriefAckOverdue,
      severity: EscalationSeverity.Medium,
      summary: 'Brief not acknowledged',
      at: new Date().toISOString(),
      eventKey: `${row.workflowId}:escalate:BRIEF_ACK_OVERDUE:1`,
    };
    const first = await activities.escalate(input);
    const retried = await activities.escalate(input);
    expect(retried).toBe(first);
    expect(await database.db.getRepository(Escalation).countBy({ collaborationId: row.id })).toBe(1);
    expect(await database.db.getRepository(AuditLog).countBy({ eventKey: input.eventKey })).toBe(1);
    expect(await database.db.getRepository(Notification).countBy({ collaborationId: row.id })).toBe(1);
  });

  it('projects a stage once per event key', async () => {
    const row = await createBookingRow(database.db, team);
    const input = { collaborationId: row.id, from: null, to: CollaborationStage.Briefed, deadlines: {}, at: new Date().toISOString(), eventKey: `${row.workflowId}:stage:BRIEFED` };
    await activities.recordStage(input);
    await activities.recordStage(input);
    expect(await database.db.getRepository(AuditLog).countBy({ entityId: row.id, action: 'collaboration.stage_changed' })).toBe(1);
  });

  it('fails for good, without retries, when the booking does not exist', async () => {
    const error = await activities.remind({ collaborationId: randomUUID(), kind: 'X', message: 'x', eventKey: randomUUID() }).catch((e) => e);
    expect(error).toBeInstanceOf(ApplicationFailure);
    expect(error).toMatchObject({ type: 'CollaborationNotFound', nonRetryable: true });
  });

  it('keeps the audit log append-only in the database itself', async () => {
    const row = await createBookingRow(database.db, team);
    await activities.recordStage({ collaborationId: row.id, from: null, to: CollaborationStage.Briefed, deadlines: {}, at: new Date().toISOString(), eventKey: randomUUID() });
    await expect(database.db.query(`UPDATE "audit_log" SET "action" = 'forged' WHERE "entityId" = $1`, [row.id])).rejects.toThrow(/append-only/);
    await expect(database.db.query(`DELETE FROM "audit_log" WHERE "entityId" = $1`, [row.id])).rejects.toThrow(/append-only/);
  });

  it('disburses exactly once at the provider, even when the provider call is retried after a crash', async () => {
    const row = await createBookingRow(database.db, team);
    const payout = await database.db.getRepository(Payout).save({
      collaborationId: row.id, kind: PayoutKind.Fee, amountMinor: 700_000, currency: 'INR', status: PayoutStatus.Scheduled,
      requestedById: team.talentManager.id, approvedById: team.finance.id, idempotencyKey: `${row.workflowId}:fee`,
    });
    // The provider transfers, then the worker dies before recording it: the first attempt fails.
    const ledger = new LedgerPayoutProvider(database.db);
    let calls = 0;
    const flaky = { pay: async (d: Parameters<LedgerPayoutProvider['pay']>[0]) => { calls += 1; const result = await ledger.pay(d); if (calls === 1) throw new Error('connection reset'); return result; } };
    const payouts = new PayoutActivities(database.db, flaky);
    await expect(payouts.disburse({ payoutId: payout.id, at: new Date().toISOString() })).rejects.toThrow('connection reset');
    const first = await payouts.disburse({ payoutId: payout.id, at: new Date().toISOString() });
    const again = await payouts.disburse({ payoutId: payout.id, at: new Date().toISOString() });
    expect(again).toEqual(first);
    const [{ count }] = await database.db.query(`SELECT count(*)::int AS count FROM "payout_provider_ledger" WHERE "idempotencyKey" = $1`, [payout.idempotencyKey]);
    expect(count).toBe(1);
    expect(await database.db.getRepository(Payout).findOneByOrFail({ id: payout.id })).toMatchObject({ status: 'paid', providerReference: first.providerReference });
  });

  it('refuses, without calling the provider, to pay a creator who has no payout details', async () => {
    const row = await createBookingRow(database.db, team);
    await database.db.getRepository(Creator).update({ id: row.creatorId }, { payoutReference: null });
    const payout = await database.db.getRepository(Payout).save({
      collaborationId: row.id, kind: PayoutKind.Fee, amountMinor: 700_000, currency: 'INR', status: PayoutStatus.Scheduled,
      requestedById: team.talentManager.id, approvedById: team.finance.id, idempotencyKey: `${row.workflowId}:fee`,
    });
    let calls = 0;
    const provider = { pay: async () => { calls += 1; return { reference: 'never' }; } };
    const error = await new PayoutActivities(database.db, provider).disburse({ payoutId: payout.id, at: new Date().toISOString() }).catch((e) => e);
    expect(error).toBeInstanceOf(ApplicationFailure);
    expect(error).toMatchObject({ type: 'PayoutDetailsMissing', nonRetryable: true, message: expect.stringContaining('has no payout details') });
    expect(calls).toBe(0);
    expect(await database.db.getRepository(Payout).findOneByOrFail({ id: payout.id })).toMatchObject({ status: 'scheduled', providerReference: null });
  });

  it('refuses to pay a payout finance has not approved', async () => {
    const row = await createBookingRow(database.db, team);
    const payout = await database.db.getRepository(Payout).save({
      collaborationId: row.id, kind: PayoutKind.Fee, amountMinor: 1, currency: 'INR', status: PayoutStatus.Invoiced, requestedById: team.talentManager.id, idempotencyKey: `${row.workflowId}:fee`,
    });
    const error = await new PayoutActivities(database.db, new LedgerPayoutProvider(database.db)).disburse({ payoutId: payout.id, at: new Date().toISOString() }).catch((e) => e);
    expect(error).toMatchObject({ type: 'PayoutNotApproved', nonRetryable: true });
  });
});

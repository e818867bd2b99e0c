import { randomBytes } from 'node:crypto';
import { AuditLog, Collaboration, Creator, Escalation } from '../../libs/domain/entities';
import { hashPassword } from '../../libs/auth/passwords';
import { User } from '../../libs/domain/entities';
import { EscalationKind, EscalationResolution, EscalationStatus } from '../../libs/domain/rules/escalations';
import { Actor, Role } from '../../libs/domain/rules/roles';
import { CollaborationStage } from '../../libs/domain/rules/stages';
import { waitFor } from '../../scripts/lib/ports';
import { acknowledgeBriefUpdate, dropOutUpdate, resolveEscalationUpdate, stateQuery } from '../../workflows/messages';
import { createBookingRow } from '../support/fixtures';
import { updateRejection } from '../support/lifecycle-driver';
import { startWorkflowHarness, WorkflowHarness } from '../support/workflow-harness';

/**
 * Escalations a manager resolves (extend, override, drop), the conflict check, and a creator
 * dropping out at any stage, on a real Temporal dev server with the real activities.
 */
describe('collaboration workflow: escalations, conflicts and dropout', () => {
  let harness: WorkflowHarness;

  beforeAll(async () => {
    harness = await startWorkflowHarness();
  });

  afterAll(() => harness?.stop());

  const manager = (): Actor => ({ userId: harness.team.manager.id, role: Role.Manager });
  const talentManager = (): Actor => ({ userId: harness.team.talentManager.id, role: Role.TalentManager });
  const escalations = (collaborationId: string) => harness.database.db.getRepository(Escalation).find({ where: { collaborationId }, order: { raisedAt: 'ASC' } });

  const rejection = updateRejection;

  async function openEscalation(handle: Parameters<WorkflowHarness['reachStage']>[0], kind: EscalationKind) {
    return waitFor(`an open ${kind}`, async () => (await handle.query(stateQuery)).openEscalations.find((e) => e.kind === kind), 20_000);
  }

  /** A booking whose creator refuses the brand's category: a blocking conflict. */
  async function conflictedBooking() {
    const row = await createBookingRow(harness.database.db, harness.team);
    await harness.database.db.getRepository(Creator).update({ id: row.creatorId }, { preferences: { refusedCategories: ['skincare'] }, niches: ['beauty'] });
    const booked = await harness.book(undefined, row);
    await booked.handle.executeUpdate(acknowledgeBriefUpdate, { args: [{ actor: talentManager() }] });
    const conflict = await openEscalation(booked.handle, EscalationKind.Conflict);
    return { ...booked, conflict };
  }

  describe('conflict check', () => {
    it('moves a conflict-free booking on to NEGOTIATING', async () => {
      const { row, handle } = await harness.book();
      await handle.executeUpdate(acknowledgeBriefUpdate, { args: [{ actor: talentManager() }] });
      await harness.reachStage(handle, CollaborationStage.Negotiating);
      const state = await handle.query(stateQuery);
      expect(state.conflicts).toEqual([]);
      expect(state.openEscalations).toEqual([]);
      expect((await harness.database.db.getRepository(Collaboration).findOneByOrFail({ id: row.id })).stage).toBe(CollaborationStage.Negotiating);
    });

    it('raises CONFLICT for a blocking conflict and holds the booking until a manager decides', async () => {
      const { row, handle, conflict } = await conflictedBooking();
      const state = await handle.query(stateQuery);
      expect(state.stage).toBe(CollaborationStage.ConflictCheck);
      expect(state.conflicts).toEqual([expect.objectContaining({ kind: 'REFUSED_CATEGORY', severity: 'blocking' })]);
      const [recorded] = await escalations(row.id);
      expect(recorded).toMatchObject({ id: conflict.escalationId, kind: 'CONFLICT', severity: 'high', assigneeId: harness.team.manager.id });
      expect(recorded.summary).toMatch(/^Blocking: The creator refuses skincare brands/);
    });

    it('goes on to NEGOTIATING when the manager overrides the conflict with a reason, and audits who did', async () => {
      const { row, handle, conflict } = await conflictedBooking();
      const state = await handle.executeUpdate(resolveEscalationUpdate, {
        args: [{ actor: manager(), escalationId: conflict.escalationId, resolution: EscalationResolution.Override, reason: 'Creator agreed for this launch' }],
      });
      expect(state.resolvedEscalations).toEqual([expect.objectContaining({ escalationId: conflict.escalationId, resolution: 'OVERRIDE', actor: manager() })]);
      await harness.reachStage(handle, CollaborationStage.Negotiating);
      const [closed] = await escalations(row.id);
      expect(closed).toMatchObject({ status: EscalationStatus.Resolved, resolvedById: harness.team.manager.id, resolution: 'OVERRIDE: Creator agreed for this launch' });
      const audit = await harness.database.db.getRepository(AuditLog).findOneByOrFail({ entityId: conflict.escalationId, action: 'escalation.resolved' });
      expect(audit).toMatchObject({ actorId: harness.team.manager.id, actorRole: 'manager' });
    });

    it('refuses a talent manager resolving escalations, and EXTEND on a conflict, each with the reason', async () => {
      const { handle, conflict } = await conflictedBooking();
      const byTalentManager = await rejection(
        handle.executeUpdate(resolveEscalationUpdate, { args: [{ actor: talentManager(), escalationId: conflict.escalationId, resolution: EscalationResolution.Override, reason: 'x' }] }),
      );
      expect(byTalentManager).toMatchObject({ type: 'Forbidden', message: 'A talent_manager may not resolve an escalation; allowed roles: manager, admin' });
      const extend = await rejection(
        handle.executeUpdate(resolveEscalationUpdate, { args: [{ actor: manager(), escalationId: conflict.escalationId, resolution: EscalationResolution.Extend, reason: 'x', extendBy: '1d' }] }),
      );
      expect(extend).toMatchObject({ type: 'InvalidDecision', message: 'A CONFLICT escalation can be resolved with OVERRIDE or DROP, not EXTEND' });
      const noReason = await rejection(
        handle.executeUpdate(resolveEscalationUpdate, { args: [{ actor: manager(), escalationId: conflict.escalationId, resolution: EscalationResolution.Override, reason: ' ' }] }),
      );
      expect(noReason).toMatchObject({ type: 'InvalidDecision', message: 'A reason is required' });
      expect((await handle.query(stateQuery)).openEscalations).toHaveLength(1);
    });
  });

  describe('an overdue brief acknowledgement', () => {
    it('gives the creator more time when the manager extends, and escalates again when that lapses too', async () => {
      const { row, handle } = await harness.book({ briefAckReminder: 500, briefAckEscalation: 1_000 });
      const first = await openEscalation(handle, EscalationKind.BriefAckOverdue);
      await handle.executeUpdate(resolveEscalationUpdate, {
        args: [{ actor: manager(), escalationId: first.escalationId, resolution: EscalationResolution.Extend, reason: 'Creator travelling', extendBy: '2s' }],
      });
      const moved = await harness.database.db.getRepository(Collaboration).findOneByOrFail({ id: row.id });
      expect(Object.keys(moved.deadlines)).toEqual(['briefAckEscalation']);

      const second = await waitFor('a second escalation', async () => {
        const state = await handle.query(stateQuery);
        return state.openEscalations.find((e) => e.escalationId !== first.escalationId);
      }, 20_000);
      expect(second.kind).toBe(EscalationKind.BriefAckOverdue);
      const rows = await escalations(row.id);
      expect(rows.map((e) => [e.status, e.resolution?.split(':')[0]])).toEqual([['resolved', 'EXTEND'], ['open', undefined]]);
    });

    it('moves on as usual when the creator acknowledges within the extension', async () => {
      const { handle } = await harness.book({ briefAckReminder: 500, briefAckEscalation: 1_000 });
      const overdue = await openEscalation(handle, EscalationKind.BriefAckOverdue);
      await handle.executeUpdate(resolveEscalationUpdate, {
        args: [{ actor: manager(), escalationId: overdue.escalationId, resolution: EscalationResolution.Extend, reason: 'One more day', extendBy: '1d' }],
      });
      const state = await handle.executeUpdate(acknowledgeBriefUpdate, { args: [{ actor: talentManager() }] });
      expect(state.stage).toBe(CollaborationStage.ConflictCheck);
      await harness.reachStage(handle, CollaborationStage.Negotiating);
    });

    it('drops the booking when the manager decides so, with a replacement shortlist for the manager', async () => {
      const row = await createBookingRow(harness.database.db, harness.team);
      await harness.database.db.getRepository(Creator).update({ id: row.creatorId }, { niches: ['beauty', 'skincare'] });
      const candidate = await harness.database.db.getRepository(Creator).save({
        name: 'Kabir Singh',
        handle: `kabir-${row.id.slice(0, 8)}`,
        ownerId: harness.team.talentManager.id,
        niches: ['beauty'],
        channels: [{ platform: 'instagram' as never, handle: '@kabir', followers: 300_000, engagementRate: 0.05 }],
      });
      const { handle } = await harness.book({ briefAckReminder: 500, briefAckEscalation: 1_000 }, row);
      const overdue = await openEscalation(handle, EscalationKind.BriefAckOverdue);

      const dropped = await handle.executeUpdate(resolveEscalationUpdate, {
        args: [{ actor: manager(), escalationId: overdue.escalationId, resolution: EscalationResolution.Drop, reason: 'No response in 3 days' }],
      });
      expect(dropped.stage).toBe(CollaborationStage.Dropped);
      expect(dropped.dropout).toMatchObject({ actor: manager(), reason: 'No response in 3 days' });
      expect(dropped.resolvedEscalations).toEqual([expect.objectContaining({ escalationId: overdue.escalationId, resolution: 'DROP' })]);

      const alert = await waitFor('the dropout escalation', async () => (await escalations(row.id)).find((e) => e.kind === EscalationKind.CreatorDropped));
      expect(alert).toMatchObject({ status: 'open', severity: 'high', assigneeId: harness.team.manager.id });
      expect(alert.summary).toContain('dropped out of');
      expect(alert.summary).toContain(`@${candidate.handle} — score`);
      // The same ranking as GET /campaigns/:id/candidates, its factors explained in the line.
      expect(alert.summary).toMatch(/nicheFit \+7\.5: covers 1 of the 2 niches the brief asks for \(beauty\)/);
      const projected = await harness.database.db.getRepository(Collaboration).findOneByOrFail({ id: row.id });
      expect(projected.stage).toBe(CollaborationStage.Dropped);
    });
  });

  describe('dropOut', () => {
    it('ends a booking in BRIEFED: pending deadlines stop, the escalation is raised, the workflow ends once accepted', async () => {
      const { row, handle } = await harness.book({ briefAckReminder: 1_500, briefAckEscalation: 3_000 });
      const state = await handle.executeUpdate(dropOutUpdate, { args: [{ actor: talentManager(), reason: 'Creator signed with a competitor' }] });
      expect(state.stage).toBe(CollaborationStage.Dropped);
      const alert = await openEscalation(handle, EscalationKind.CreatorDropped);

      // The brief deadlines were cancelled with the lifecycle: no reminder, no BRIEF_ACK_OVERDUE.
      await new Promise((resolve) => setTimeout(resolve, 3_500));
      expect((await escalations(row.id)).map((e) => e.kind)).toEqual([EscalationKind.CreatorDropped]);

      await handle.executeUpdate(resolveEscalationUpdate, {
        args: [{ actor: manager(), escalationId: alert.escalationId, resolution: EscalationResolution.Accept, reason: 'Replacement booked' }],
      });
      const result = await handle.result();
      expect(result.stage).toBe(CollaborationStage.Dropped);
      expect(result.openEscalations).toEqual([]);
      const audit = await harness.database.db.getRepository(AuditLog).findOneByOrFail({ entityId: row.id, action: 'collaboration.stage_changed', actorId: harness.team.talentManager.id });
      expect(audit.after).toMatchObject({ stage: 'DROPPED', reason: 'Creator signed with a competitor' });
    });

    it('ends a booking held in CONFLICT_CHECK and closes its open conflict as moot', async () => {
      const { row, handle, conflict } = await conflictedBooking();
      const state = await handle.executeUpdate(dropOutUpdate, { args: [{ actor: manager(), reason: 'Conflict cannot be cleared' }] });
      expect(state.resolvedEscalations).toEqual([expect.objectContaining({ escalationId: conflict.escalationId, resolution: 'BOOKING_ENDED' })]);
      const closed = (await escalations(row.id)).find((e) => e.id === conflict.escalationId)!;
      expect(closed.status).toBe('resolved');
    });

    it('ends a booking in NEGOTIATING', async () => {
      const { handle } = await harness.book();
      await handle.executeUpdate(acknowledgeBriefUpdate, { args: [{ actor: talentManager() }] });
      await harness.reachStage(handle, CollaborationStage.Negotiating);
      const state = await handle.executeUpdate(dropOutUpdate, { args: [{ actor: manager(), reason: 'Budget cut' }] });
      expect(state.stage).toBe(CollaborationStage.Dropped);
      expect(state.history.map((h) => h.event)).toEqual(expect.arrayContaining(['creator.dropped']));
    });

    it("refuses another talent manager, a missing reason, and a second dropout, each with the reason", async () => {
      const { handle } = await harness.book();
      const other = await harness.database.db.getRepository(User).save({
        email: `other-${Date.now()}@test.local`, name: 'Other TM', role: Role.TalentManager, passwordHash: await hashPassword(randomBytes(12).toString('hex')),
      });
      const foreign = await rejection(handle.executeUpdate(dropOutUpdate, { args: [{ actor: { userId: other.id, role: Role.TalentManager }, reason: 'x' }] }));
      expect(foreign).toMatchObject({ type: 'Forbidden', message: "Only the booking's own talent manager, or a manager, may drop the creator" });
      const finance = await rejection(handle.executeUpdate(dropOutUpdate, { args: [{ actor: { userId: harness.team.finance.id, role: Role.Finance }, reason: 'x' }] }));
      expect(finance.type).toBe('Forbidden');
      const noReason = await rejection(handle.executeUpdate(dropOutUpdate, { args: [{ actor: manager(), reason: '' }] }));
      expect(noReason.message).toBe('A reason is required');

      await handle.executeUpdate(dropOutUpdate, { args: [{ actor: manager(), reason: 'Budget cut' }] });
      const again = await rejection(handle.executeUpdate(dropOutUpdate, { args: [{ actor: manager(), reason: 'Budget cut' }] }));
      expect(again).toMatchObject({ type: 'WrongStage', message: 'The booking has already ended (DROPPED)' });
    });
  });
});

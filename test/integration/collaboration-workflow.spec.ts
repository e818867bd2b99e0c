import { AuditLog, Collaboration, Escalation, Notification } from '../../libs/domain/entities';
import { EscalationKind, EscalationStatus } from '../../libs/domain/rules/escalations';
import { Actor, Role } from '../../libs/domain/rules/roles';
import { SlaPolicy } from '../../libs/domain/rules/sla';
import { CollaborationStage } from '../../libs/domain/rules/stages';
import { waitFor } from '../../scripts/lib/ports';
import { acknowledgeBriefUpdate, stateQuery } from '../../workflows/messages';
import { Team } from '../support/fixtures';
import { updateRejection } from '../support/lifecycle-driver';
import { TestDatabase } from '../support/test-database';
import { RELAXED_SLA, startWorkflowHarness, WorkflowHarness } from '../support/workflow-harness';

/**
 * The collaboration workflow on a real Temporal dev server with its real activities writing to
 * a real PostgreSQL. SLAs are seconds here; in production they are hours.
 */
describe('collaboration workflow: BRIEFED', () => {
  let harness: WorkflowHarness;
  let database: TestDatabase;
  let team: Team;
  const relaxed = RELAXED_SLA;

  beforeAll(async () => {
    harness = await startWorkflowHarness();
    ({ database, team } = harness);
  });

  afterAll(() => harness?.stop());

  const book = (sla?: Partial<SlaPolicy>) => harness.book(sla);

  const talentManager = (): Actor => ({ userId: team.talentManager.id, role: Role.TalentManager });

  const rejection = updateRejection;

  it('starts in BRIEFED with both brief deadlines projected to the row', async () => {
    const { row, handle } = await book();
    const state = await handle.query(stateQuery);
    expect(state.stage).toBe(CollaborationStage.Briefed);
    expect(state.deadlines.map((d) => d.name)).toEqual(['briefAckReminder', 'briefAckEscalation']);

    const projected = await database.db.getRepository(Collaboration).findOneByOrFail({ id: row.id });
    expect(projected.stage).toBe(CollaborationStage.Briefed);
    const reminderAt = Date.parse(projected.deadlines.briefAckReminder);
    const escalationAt = Date.parse(projected.deadlines.briefAckEscalation);
    expect(escalationAt - reminderAt).toBe(relaxed.briefAckEscalation - relaxed.briefAckReminder);
  });

  it('moves to CONFLICT_CHECK when the talent manager acknowledges the brief, and audits who did it', async () => {
    const { row, handle } = await book();
    const state = await handle.executeUpdate(acknowledgeBriefUpdate, { args: [{ actor: talentManager() }] });

    expect(state.stage).toBe(CollaborationStage.ConflictCheck);
    expect(state.briefAcknowledgedAt).toBeDefined();
    expect(state.history.map((h) => h.event)).toEqual(['stage.entered', 'brief.acknowledged', 'stage.entered']);

    const projected = await database.db.getRepository(Collaboration).findOneByOrFail({ id: row.id });
    expect(projected.stage).toBe(CollaborationStage.ConflictCheck);
    expect(projected.briefAcknowledgedAt?.toISOString()).toBe(state.briefAcknowledgedAt);
    const audit = await database.db.getRepository(AuditLog).findBy({ entityId: row.id, action: 'collaboration.brief_acknowledged' });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorId: team.talentManager.id, actorRole: Role.TalentManager });
  });

  it('refuses an acknowledgement in the wrong stage with the reason, leaving the state unchanged', async () => {
    const { handle } = await book();
    await handle.executeUpdate(acknowledgeBriefUpdate, { args: [{ actor: talentManager() }] });
    await harness.reachStage(handle, CollaborationStage.Negotiating);
    const before = await handle.query(stateQuery);

    const cause = await rejection(handle.executeUpdate(acknowledgeBriefUpdate, { args: [{ actor: talentManager() }] }));
    expect(cause.type).toBe('WrongStage');
    expect(cause.message).toBe('The brief can only be acknowledged while the collaboration is BRIEFED; it is NEGOTIATING');
    expect(await handle.query(stateQuery)).toEqual(before);
  });

  it('refuses an acknowledgement from finance, who have no say in briefs', async () => {
    const { handle } = await book();
    const cause = await rejection(
      handle.executeUpdate(acknowledgeBriefUpdate, { args: [{ actor: { userId: team.finance.id, role: Role.Finance } }] }),
    );
    expect(cause.type).toBe('Forbidden');
    expect(cause.message).toMatch(/A finance may not acknowledge a brief/);
    expect((await handle.query(stateQuery)).stage).toBe(CollaborationStage.Briefed);
  });

  it('treats a repeated decision with the same update id as one decision', async () => {
    const { row, handle } = await book();
    const first = await handle.executeUpdate(acknowledgeBriefUpdate, { args: [{ actor: talentManager() }], updateId: 'ack-once' });
    const second = await handle.executeUpdate(acknowledgeBriefUpdate, { args: [{ actor: talentManager() }], updateId: 'ack-once' });
    expect(second).toEqual(first);
    const audit = await database.db.getRepository(AuditLog).findBy({ entityId: row.id, action: 'collaboration.brief_acknowledged' });
    expect(audit).toHaveLength(1);
  });

  it('reminds the talent manager, then escalates BRIEF_ACK_OVERDUE to their manager, and still accepts a late acknowledgement', async () => {
    const { row, handle } = await book({ briefAckReminder: 1_000, briefAckEscalation: 2_500 });

    const reminder = await waitFor('the reminder', async () =>
      (await database.db.getRepository(Notification).findOneBy({ collaborationId: row.id, kind: 'BRIEF_ACK_REMINDER' })) ?? undefined,
    );
    expect(reminder.recipientId).toBe(team.talentManager.id);

    const escalation = await waitFor('the escalation', async () =>
      (await database.db.getRepository(Escalation).findOneBy({ collaborationId: row.id })) ?? undefined,
    );
    expect(escalation).toMatchObject({
      kind: EscalationKind.BriefAckOverdue,
      status: EscalationStatus.Open,
      assigneeId: team.manager.id,
      campaignId: row.campaignId,
    });
    const managerAlert = await database.db.getRepository(Notification).findOneBy({ recipientId: team.manager.id, collaborationId: row.id });
    expect(managerAlert?.kind).toBe('escalation.BRIEF_ACK_OVERDUE');

    await waitFor('the escalation in the workflow state', async () =>
      (await handle.query(stateQuery)).openEscalations.length === 1 ? true : undefined,
    );
    const state = await handle.query(stateQuery);
    expect(state.stage).toBe(CollaborationStage.Briefed);
    expect(state.openEscalations[0]).toMatchObject({ escalationId: escalation.id, kind: EscalationKind.BriefAckOverdue });
    expect(state.history.map((h) => h.event)).toEqual(['stage.entered', 'reminder.sent', 'escalation.raised']);

    const late = await handle.executeUpdate(acknowledgeBriefUpdate, { args: [{ actor: talentManager() }] });
    expect(late.stage).toBe(CollaborationStage.ConflictCheck);
    // The late acknowledgement settles the escalation by itself.
    expect(late.openEscalations).toEqual([]);
    expect(late.resolvedEscalations).toEqual([expect.objectContaining({ escalationId: escalation.id, resolution: 'RESOLVED_LATE' })]);
    const closed = await database.db.getRepository(Escalation).findOneByOrFail({ id: escalation.id });
    expect(closed).toMatchObject({ status: EscalationStatus.Resolved, resolvedById: null });
    expect(closed.resolution).toMatch(/^RESOLVED_LATE: /);
    // Exactly one reminder and one escalation: the timers fire once.
    expect(await database.db.getRepository(Notification).countBy({ collaborationId: row.id, kind: 'BRIEF_ACK_REMINDER' })).toBe(1);
    expect(await database.db.getRepository(Escalation).countBy({ collaborationId: row.id })).toBe(1);
  });

  it('does not remind or escalate when the brief is acknowledged in time', async () => {
    // Generous against a loaded CI machine: the acknowledgement lands well inside 4 s.
    const { row, handle } = await book({ briefAckReminder: 4_000, briefAckEscalation: 5_000 });
    await handle.executeUpdate(acknowledgeBriefUpdate, { args: [{ actor: talentManager() }] });
    await new Promise((resolve) => setTimeout(resolve, 5_500));
    expect(await database.db.getRepository(Notification).countBy({ collaborationId: row.id })).toBe(0);
    expect(await database.db.getRepository(Escalation).countBy({ collaborationId: row.id })).toBe(0);
  });
});

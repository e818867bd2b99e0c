import { CollaborationActivities } from '../../activities/collaboration.activities';
import { EmailDelivery, emailMessageId } from '../../activities/email-delivery';
import { Delivery, DeliveryStatus } from '../../libs/domain/entities';
import { EscalationKind, EscalationSeverity } from '../../libs/domain/rules/escalations';
import { freePort } from '../../scripts/lib/ports';
import { testMailpit } from '../support/environment';
import { createBookingRow, createTeam, Team } from '../support/fixtures';
import { messagesTo, waitForMessage } from '../support/mailpit-inbox';
import { createTestDatabase, TestDatabase } from '../support/test-database';

const FROM = 'CreatorOps <no-reply@creatorops.test>';
const PUBLIC_URL = 'https://ops.example.test';

/** The e-mail channel against the run's Mailpit: what arrives, once, and what a dead server leaves behind. */
describe('e-mail delivery of notifications', () => {
  let database: TestDatabase;
  let team: Team;

  beforeAll(async () => {
    database = await createTestDatabase();
    team = await createTeam(database.db);
  });

  afterAll(() => database?.drop());

  const activitiesSendingTo = (smtpUrl: string, maxAttempts = 3) => {
    const email = new EmailDelivery(database.db, { mail: { smtpUrl, from: FROM, maxAttempts }, publicUrl: PUBLIC_URL });
    return { email, activities: new CollaborationActivities(database.db, email) };
  };

  it('e-mails a reminder to the talent manager and the escalation to their manager, each with the link to the booking', async () => {
    const { activities } = activitiesSendingTo(testMailpit().smtpUrl);
    const row = await createBookingRow(database.db, team);
    await activities.remind({ collaborationId: row.id, kind: 'BRIEF_ACK_REMINDER', message: 'The creator has not acknowledged the brief yet.', eventKey: `${row.workflowId}:remind:BRIEF_ACK_REMINDER` });
    await activities.escalate({
      collaborationId: row.id,
      kind: EscalationKind.BriefAckOverdue,
      severity: EscalationSeverity.Medium,
      summary: 'The brief was not acknowledged in time.',
      at: new Date().toISOString(),
      eventKey: `${row.workflowId}:escalate:BRIEF_ACK_OVERDUE:1`,
    });
    const link = `${PUBLIC_URL}/admin/resources/Collaboration/records/${row.id}/show`;

    const reminder = await waitForMessage(team.talentManager.email, /Brief ack reminder/);
    expect(reminder.Subject).toBe('[CreatorOps] Brief ack reminder');
    expect(reminder.From.Address).toBe('no-reply@creatorops.test');
    expect(reminder.Text).toContain('The creator has not acknowledged the brief yet.');
    expect(reminder.Text).toContain(link);
    expect(reminder.HTML).toContain(`href="${link}"`);
    expect(`<${reminder.MessageID.replace(/^<|>$/g, '')}>`).toBe(emailMessageId(`${row.workflowId}:remind:BRIEF_ACK_REMINDER`, FROM));

    const escalation = await waitForMessage(team.manager.email, /Escalation: brief ack overdue/);
    expect(escalation.Text).toContain('The brief was not acknowledged in time.');
    expect(escalation.HTML).toContain(`href="${link}"`);
    const deliveries = await database.db.getRepository(Delivery).findBy({ notification: { collaborationId: row.id } });
    expect(deliveries).toHaveLength(2);
    expect(deliveries).toEqual(expect.arrayContaining([
      expect.objectContaining({ channel: 'email', recipient: team.talentManager.email, status: DeliveryStatus.Sent, attempts: 1, lastError: null }),
      expect.objectContaining({ channel: 'email', recipient: team.manager.email, status: DeliveryStatus.Sent, attempts: 1, lastError: null }),
    ]));
  });

  it('sends once however often the activity is retried', async () => {
    const { activities } = activitiesSendingTo(testMailpit().smtpUrl);
    const tm = await createTeam(database.db);
    const row = await createBookingRow(database.db, tm);
    const input = { collaborationId: row.id, kind: 'CONTRACT_REMINDER', message: 'The contract is not signed yet.', eventKey: `${row.workflowId}:remind:CONTRACT_REMINDER` };
    await activities.remind(input);
    await activities.remind(input);
    await activities.remind(input);
    await waitForMessage(tm.talentManager.email, /Contract reminder/);
    // A later reminder to the same person proves Mailpit has caught up with everything sent before it.
    await activities.remind({ ...input, kind: 'LATER', eventKey: `${row.workflowId}:remind:LATER` });
    await waitForMessage(tm.talentManager.email, /Later/);
    expect((await messagesTo(tm.talentManager.email)).map((message) => message.Subject).sort()).toEqual(['[CreatorOps] Contract reminder', '[CreatorOps] Later']);
    expect(await database.db.getRepository(Delivery).findOneBy({ eventKey: input.eventKey })).toMatchObject({ status: DeliveryStatus.Sent, attempts: 1 });
  });

  it('throws while tries remain, so Temporal tries again, then records the failure for good and lets the workflow go on', async () => {
    const closed = `smtp://127.0.0.1:${await freePort()}`;
    const { email, activities } = activitiesSendingTo(closed, 2);
    const row = await createBookingRow(database.db, team);
    const eventKey = `${row.workflowId}:remind:DRAFT_REMINDER`;
    // The notification is written even when the e-mail cannot go: the inbox still has it.
    await activities.remind({ collaborationId: row.id, kind: 'DRAFT_REMINDER', message: 'The draft is due.', eventKey }).catch(() => undefined);
    const deliveries = database.db.getRepository(Delivery);
    await expect(email.deliverByEventKey(eventKey, 1)).rejects.toThrow(/ECONNREFUSED/);
    expect(await deliveries.findOneBy({ eventKey })).toMatchObject({ status: DeliveryStatus.Retrying, attempts: 1, lastError: expect.stringMatching(/ECONNREFUSED/) });
    await expect(email.deliverByEventKey(eventKey, 2)).resolves.toBeUndefined();
    expect(await deliveries.findOneBy({ eventKey })).toMatchObject({ status: DeliveryStatus.Failed, attempts: 2, sentAt: null, lastError: expect.stringMatching(/ECONNREFUSED/) });
    // Given up for good: a later retry of the activity does not try again.
    await expect(email.deliverByEventKey(eventKey, 3)).resolves.toBeUndefined();
    expect(await deliveries.findOneBy({ eventKey })).toMatchObject({ attempts: 2 });
  });
});

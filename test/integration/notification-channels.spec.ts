import { ScheduleHandle } from '@temporalio/client';
import { randomBytes } from 'node:crypto';
import { digestKey } from '../../activities/digest.activities';
import { EmailDelivery, emailMessageId } from '../../activities/email-delivery';
import { NotificationChannels } from '../../activities/notification-channels';
import { UnderperformerActivities } from '../../activities/underperformer.activities';
import { WebhookDelivery, webhookDeliveryKey } from '../../activities/webhook-delivery';
import { NotificationPreferencesService } from '../../apps/api/notifications/notification-preferences.service';
import { WebhooksService } from '../../apps/api/webhooks/webhooks.service';
import { verifyWebhook, WEBHOOK_TOLERANCE_SECONDS } from '../../libs/auth/webhook-signature';
import { Delivery, DeliveryStatus, Notification } from '../../libs/domain/entities';
import { EmailCadence } from '../../libs/domain/rules/notification-preferences';
import { Role } from '../../libs/domain/rules/roles';
import { digestScheduleId, ensureDigestSchedule } from '../../libs/temporal/digest-schedule';
import { waitFor } from '../../scripts/lib/ports';
import { testMailpit } from '../support/environment';
import { createBookingRow, createTeam, Team } from '../support/fixtures';
import { messagesTo, waitForMessage } from '../support/mailpit-inbox';
import { seedDecline } from '../support/underperformer-dataset';
import { startWebhookReceiver, WebhookReceiver } from '../support/webhook-receiver';
import { startWorkflowHarness, WorkflowHarness } from '../support/workflow-harness';

const FROM = 'CreatorOps <no-reply@creatorops.test>';
const PUBLIC_URL = 'https://ops.example.test';
const WEBHOOKS = { secretKey: randomBytes(32).toString('hex'), maxAttempts: 3 };
/** The brief-acknowledgement reminder a second after the booking starts; its escalation three seconds later. */
const QUICK_REMINDER = { briefAckReminder: 1_000, briefAckEscalation: 4_000 };

/**
 * The channels beside the inbox, through the real path: the collaboration workflow's reminder on
 * the Temporal dev server, the worker's activities, PostgreSQL, Mailpit, and a real HTTP receiver.
 */
describe('notification channels (webhooks, preferences, daily digest)', () => {
  let harness: WorkflowHarness;
  let webhooks: WebhooksService;
  let preferences: NotificationPreferencesService;
  const receivers: WebhookReceiver[] = [];
  const db = () => harness.database.db;
  const deliveries = () => db().getRepository(Delivery);
  const reminderKey = (workflowId: string) => `${workflowId}:remind:BRIEF_ACK_REMINDER`;

  beforeAll(async () => {
    harness = await startWorkflowHarness({
      channels: { mail: { mail: { smtpUrl: testMailpit().smtpUrl, from: FROM, maxAttempts: 3 }, publicUrl: PUBLIC_URL }, webhooks: { webhooks: WEBHOOKS, publicUrl: PUBLIC_URL } },
    });
    webhooks = new WebhooksService(db(), { webhooks: WEBHOOKS });
    preferences = new NotificationPreferencesService(db());
  });

  afterAll(async () => {
    await Promise.all(receivers.map((receiver) => receiver.close()));
    await harness?.stop();
  });

  async function receiver(script: number[]): Promise<WebhookReceiver> {
    const started = await startWebhookReceiver(script);
    receivers.push(started);
    return started;
  }

  /** A fresh team with a webhook of its manager's team pointing at `url`. */
  async function teamWithWebhook(url: string): Promise<{ team: Team; secret: string; webhookId: string }> {
    const team = await createTeam(db());
    const created = await webhooks.create({ userId: team.manager.id, role: Role.Manager }, { name: '#ops on Slack', url });
    return { team, secret: created.secret, webhookId: created.id };
  }

  it('POSTs the reminder to the team webhook, signed; after one 500 the retry delivers it once, with both tries recorded', async () => {
    const hook = await receiver([500, 200]);
    const { team, secret, webhookId } = await teamWithWebhook(hook.url);
    const { row } = await harness.book(QUICK_REMINDER, await createBookingRow(db(), team));
    const key = webhookDeliveryKey(reminderKey(row.workflowId!), webhookId);

    const delivered = await waitFor('the webhook delivered', async () => {
      const found = await deliveries().findOneBy({ channel: 'webhook', eventKey: key });
      return found?.status === DeliveryStatus.Sent ? found : undefined;
    });
    expect(delivered).toMatchObject({ attempts: 2, webhookId, recipient: '#ops on Slack', lastError: null });
    const reminders = hook.received.filter((request) => JSON.parse(request.body).kind === 'BRIEF_ACK_REMINDER');
    expect(reminders.map((request) => request.answered)).toEqual([500, 200]);

    for (const request of reminders) {
      // What a receiver does (docs/webhooks.md): check the timestamp and the HMAC over "<timestamp>.<body>".
      const headers = { timestamp: request.headers['x-creatorops-timestamp'], signature: request.headers['x-creatorops-signature'] };
      expect(verifyWebhook(secret, headers, request.body, Math.floor(Date.now() / 1000))).toEqual({ valid: true });
      expect(verifyWebhook('whsec_someone-else', headers, request.body, Math.floor(Date.now() / 1000))).toEqual({ valid: false, reason: 'mismatch' });
      expect(verifyWebhook(secret, headers, request.body.replace('BRIEF_ACK_REMINDER', 'BRIEF_ACK_REMINDEX'), Math.floor(Date.now() / 1000))).toEqual({ valid: false, reason: 'mismatch' });
      // Replayed later than the tolerance: refused even with the genuine signature.
      expect(verifyWebhook(secret, headers, request.body, Number(headers.timestamp) + WEBHOOK_TOLERANCE_SECONDS + 1)).toEqual({ valid: false, reason: 'stale' });
      expect(request.headers['content-type']).toBe('application/json');
    }
    // Both tries carry the same event id, so a receiver can drop a duplicate.
    expect(new Set(reminders.map((request) => request.headers['x-creatorops-event-id'])).size).toBe(1);
    const payload = JSON.parse(reminders[1].body);
    expect(payload).toEqual({
      id: reminders[1].headers['x-creatorops-event-id'],
      type: 'notification',
      kind: 'BRIEF_ACK_REMINDER',
      title: 'Brief ack reminder',
      message: 'The creator has not acknowledged the brief yet.',
      occurredAt: expect.any(String),
      notificationId: expect.any(String),
      collaborationId: row.id,
      recipientId: team.talentManager.id,
      links: { collaboration: `${PUBLIC_URL}/admin/resources/Collaboration/records/${row.id}/show`, inbox: `${PUBLIC_URL}/admin/resources/Notification` },
      text: `Brief ack reminder: The creator has not acknowledged the brief yet. ${PUBLIC_URL}/admin/resources/Collaboration/records/${row.id}/show`,
    });
    // No personal data: neither the talent manager's name nor address travels.
    expect(reminders[1].body).not.toContain(team.talentManager.email);
    expect(reminders[1].body).not.toContain(team.talentManager.name);

    // The escalation to the manager reaches the same team webhook, as its own event.
    await waitFor('the escalation at the webhook', async () => (hook.received.some((request) => JSON.parse(request.body).kind === 'escalation.BRIEF_ACK_OVERDUE' && request.answered === 200) ? true : undefined));
  });

  it('records a receiver that keeps failing as failed after WEBHOOK_MAX_ATTEMPTS tries, and the booking goes on', async () => {
    const hook = await receiver([503]);
    const { team, webhookId } = await teamWithWebhook(hook.url);
    const { row } = await harness.book(QUICK_REMINDER, await createBookingRow(db(), team));
    const key = webhookDeliveryKey(reminderKey(row.workflowId!), webhookId);
    const failed = await waitFor('the failure recorded', async () => {
      const found = await deliveries().findOneBy({ channel: 'webhook', eventKey: key });
      return found?.status === DeliveryStatus.Failed ? found : undefined;
    }, 90_000);
    expect(failed).toMatchObject({ attempts: WEBHOOKS.maxAttempts, sentAt: null, lastError: 'HTTP 503 Service Unavailable' });
    expect(hook.received.filter((request) => JSON.parse(request.body).kind === 'BRIEF_ACK_REMINDER')).toHaveLength(WEBHOOKS.maxAttempts);
    // The reminder still stands in the inbox, and the workflow went on to escalate.
    expect(await db().getRepository(Notification).countBy({ eventKey: reminderKey(row.workflowId!) })).toBe(1);
    await waitForMessage(team.manager.email, /Escalation: brief ack overdue/);
  });

  it('sends no e-mail for a kind switched off, while the inbox still has it', async () => {
    const team = await createTeam(db());
    await preferences.update({ userId: team.talentManager.id, role: Role.TalentManager }, { email: { reminders: false } });
    const { row } = await harness.book(QUICK_REMINDER, await createBookingRow(db(), team));
    // The escalation comes after the reminder activity completed: by then its e-mail would have gone.
    await waitForMessage(team.manager.email, /Escalation: brief ack overdue/);
    const reminder = await db().getRepository(Notification).findOneByOrFail({ eventKey: reminderKey(row.workflowId!) });
    expect(reminder).toMatchObject({ recipientId: team.talentManager.id, kind: 'BRIEF_ACK_REMINDER', readAt: null });
    expect(await deliveries().countBy({ notificationId: reminder.id })).toBe(0);
    expect(await messagesTo(team.talentManager.email)).toEqual([]);
  });

  it('e-mails an underperformer flag to its owner and posts it to the team webhook, once per flag', async () => {
    const hook = await receiver([200]);
    const { team } = await teamWithWebhook(hook.url);
    const data = await seedDecline(db(), team.talentManager.id, team.manager.id);
    const email = new EmailDelivery(db(), { mail: { smtpUrl: testMailpit().smtpUrl, from: FROM, maxAttempts: 3 }, publicUrl: PUBLIC_URL });
    const underperformers = new UnderperformerActivities(db(), new NotificationChannels(email, new WebhookDelivery(db(), { webhooks: WEBHOOKS, publicUrl: PUBLIC_URL })));
    const asOf = new Date().toISOString().slice(0, 10);
    await underperformers.evaluateUnderperformers({ asOf });
    // Evaluated again (a retried activity, a second trigger): nothing more goes out.
    await underperformers.evaluateUnderperformers({ asOf });
    const notice = await waitForMessage(team.talentManager.email, /Underperformer flagged/);
    expect(notice.Text).toContain(`${data.creator.name} (creator) is underperforming`);
    expect(await messagesTo(team.talentManager.email)).toHaveLength(1);
    const posted = hook.received.filter((request) => JSON.parse(request.body).kind === 'UNDERPERFORMER_FLAGGED');
    // The creator's owner and the campaign's owner (the manager) are both on the team.
    expect(posted.map((request) => JSON.parse(request.body).recipientId).sort()).toEqual([team.manager.id, team.talentManager.id].sort());
  });

  describe('the daily digest', () => {
    let schedule: ScheduleHandle;

    beforeAll(async () => {
      await ensureDigestSchedule(harness.client, harness.taskQueue);
      schedule = harness.client.schedule.getHandle(digestScheduleId(harness.taskQueue));
    });

    afterAll(async () => {
      await schedule?.delete().catch(() => undefined);
    });

    /** Fires the Schedule now and waits until that run has finished. */
    async function fire(): Promise<void> {
      const before = (await schedule.describe()).info.recentActions.length;
      await schedule.trigger();
      await waitFor('the triggered digest run', async () => {
        const { info } = await schedule.describe();
        if (info.recentActions.length <= before || info.runningActions.length > 0) return undefined;
        const run = harness.client.workflow.getHandle(info.recentActions[info.recentActions.length - 1].action.workflow.workflowId);
        return (await run.describe()).status.name === 'COMPLETED' ? true : undefined;
      }, 90_000);
    }

    it('runs every day at 07:00 UTC', async () => {
      const description = await schedule.describe();
      expect(description.spec.calendars).toEqual([expect.objectContaining({ hour: [{ start: 7, end: 7, step: 1 }], minute: [{ start: 0, end: 0, step: 1 }] })]);
      expect(description.action).toMatchObject({ type: 'startWorkflow', workflowType: 'dailyDigestWorkflow', taskQueue: harness.taskQueue });
    });

    it('sends a digest user one e-mail listing the day\'s notifications with their links, no single e-mails, and nothing more on a second run', async () => {
      const team = await createTeam(db());
      const tm = { userId: team.talentManager.id, role: Role.TalentManager };
      expect(await preferences.update(tm, { emailCadence: EmailCadence.DailyDigest })).toMatchObject({ emailCadence: 'daily_digest', email: { reminders: true } });
      const first = await harness.book(QUICK_REMINDER, await createBookingRow(db(), team));
      const second = await harness.book(QUICK_REMINDER, await createBookingRow(db(), team));
      for (const { row } of [first, second]) {
        await waitFor('the reminder queued for the digest', async () => {
          const queued = await deliveries().findOneBy({ channel: 'digest', eventKey: reminderKey(row.workflowId!) });
          return queued?.status === DeliveryStatus.Queued ? true : undefined;
        });
      }
      // Their manager chose nothing: the escalations reach them one by one, as before.
      await waitForMessage(team.manager.email, /Escalation: brief ack overdue/);
      expect(await messagesTo(team.talentManager.email)).toEqual([]);

      await fire();
      const digest = await waitForMessage(team.talentManager.email, /Daily digest/);
      expect(digest.Subject).toMatch(/^\[CreatorOps\] Daily digest \d{4}-\d{2}-\d{2}: 2 notifications$/);
      for (const { row } of [first, second]) {
        const link = `${PUBLIC_URL}/admin/resources/Collaboration/records/${row.id}/show`;
        expect(digest.Text).toContain(link);
        expect(digest.HTML).toContain(`href="${link}"`);
      }
      expect(digest.Text.match(/Brief ack reminder/g)).toHaveLength(2);
      expect(digest.Text).toContain('The creator has not acknowledged the brief yet.');
      const digestDay = digest.Subject.match(/\d{4}-\d{2}-\d{2}/)![0];
      expect(`<${digest.MessageID.replace(/^<|>$/g, '')}>`).toBe(emailMessageId(digestKey(team.talentManager.id, digestDay), FROM));
      expect(await deliveries().findBy({ channel: 'digest', recipient: team.talentManager.email })).toEqual([
        expect.objectContaining({ status: DeliveryStatus.Sent, attempts: 1 }),
        expect.objectContaining({ status: DeliveryStatus.Sent, attempts: 1 }),
      ]);

      // Triggered again the same day: one digest per user and day.
      await fire();
      await waitForMessage(team.manager.email, /Escalation: brief ack overdue/);
      const all = await messagesTo(team.talentManager.email);
      expect(all.map((message) => message.Subject)).toEqual([digest.Subject]);
    });
  });
});

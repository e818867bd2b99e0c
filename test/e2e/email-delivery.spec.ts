import { randomBytes } from 'node:crypto';
import { Delivery, DeliveryStatus, Escalation, Notification } from '../../libs/domain/entities';
import { freePort, waitFor } from '../../scripts/lib/ports';
import { testMailpit } from '../support/environment';
import { createTeam, Team } from '../support/fixtures';
import { waitForMessage } from '../support/mailpit-inbox';
import { panelGet, panelPost, panelSignIn } from '../support/panel-http';
import { requestJson } from '../support/rest-client';
import { RunningSystem, startSystem } from '../support/system';
import { upcomingCampaign } from '../support/dates';

/**
 * Reminders and escalations leave the building: the built worker e-mails them through SMTP as
 * the workflow raises them, and the tests read them back from Mailpit's API. With a dead mail
 * server, Temporal retries the activity, the failure is recorded, and the booking goes on.
 */
describe('reminders and escalations by e-mail', () => {
  let mailing: RunningSystem;
  let dead: RunningSystem;

  beforeAll(async () => {
    const closedPort = await freePort();
    [mailing, dead] = await Promise.all([
      startSystem({ env: { SMTP_URL: testMailpit().smtpUrl, MAIL_FROM: 'CreatorOps <no-reply@creatorops.test>' } }),
      startSystem({ env: { SMTP_URL: `smtp://127.0.0.1:${closedPort}`, MAIL_MAX_ATTEMPTS: '2' } }),
    ]);
  });

  afterAll(async () => {
    await Promise.all([mailing?.stop(), dead?.stop()]);
  });

  /** Brand, creator and campaign through the API, then a booking whose brief reminds at 2 s and escalates at 4 s. */
  async function book(system: RunningSystem, team: Team): Promise<string> {
    const auth = system.basic(team.talentManager.email, team.password);
    const call = async (path: string, body: unknown) => {
      const { status, body: answer } = await requestJson(system.baseUrl, 'POST', path, auth, body);
      expect(status).toBe(201);
      return answer as { id: string };
    };
    const tag = randomBytes(4).toString('hex');
    const brand = await call('/brands', { name: `GlowCo ${tag}`, category: 'skincare' });
    const creator = await call('/creators', {
      name: 'Asha Rao',
      handle: `asha.${tag}`,
      niches: ['beauty'],
      channels: [{ platform: 'instagram', handle: '@asha', followers: 240000, engagementRate: 0.04 }],
      baseRates: { reel: { amountMinor: 4500000, currency: 'INR' } },
    });
    const campaign = await call('/campaigns', {
      brandId: brand.id, name: 'Winter Glow', budgetMinor: 150000000, currency: 'INR', ...upcomingCampaign(),
      ownerId: team.manager.id, slaOverrides: { briefAckReminder: '2s', briefAckEscalation: '4s' },
    });
    const booking = await call('/collaborations', { campaignId: campaign.id, creatorId: creator.id, brandPriceMinor: 6000000, creatorFeeMinor: 4500000 });
    return booking.id;
  }

  it('e-mails the brief reminder to the talent manager, then the escalation to their manager, each linking to the booking in the panel', async () => {
    const team = await createTeam(mailing.database.db);
    const id = await book(mailing, team);
    const link = `${mailing.baseUrl}/admin/resources/Collaboration/records/${id}/show`;

    const reminder = await waitForMessage(team.talentManager.email, /Brief ack reminder/, 90_000);
    expect(reminder.Subject).toBe('[CreatorOps] Brief ack reminder');
    expect(reminder.Text).toContain('The creator has not acknowledged the brief yet.');
    expect(reminder.Text).toContain(link);
    expect(reminder.HTML).toContain(`href="${link}"`);

    const escalation = await waitForMessage(team.manager.email, /Escalation: brief ack overdue/, 90_000);
    expect(escalation.Text).toContain(link);
    expect(escalation.HTML).toContain(`href="${link}"`);

    const deliveries = await waitFor('both deliveries recorded as sent', async () => {
      const rows = await mailing.database.db.getRepository(Delivery).findBy({ notification: { collaborationId: id }, status: DeliveryStatus.Sent });
      return rows.length === 2 ? rows : undefined;
    });
    expect(deliveries.map((row) => row.recipient).sort()).toEqual([team.manager.email, team.talentManager.email].sort());
    expect(deliveries.every((row) => row.attempts === 1 && row.sentAt !== null)).toBe(true);
  });

  it('records a reminder the mail server never took as failed after MAIL_MAX_ATTEMPTS tries, and the booking still escalates', async () => {
    const team = await createTeam(dead.database.db);
    const id = await book(dead, team);
    const escalation = await waitFor(
      'the escalation raised after the failed reminder',
      async () => (await dead.database.db.getRepository(Escalation).findOneBy({ collaborationId: id })) ?? undefined,
      90_000,
    );
    expect(escalation.kind).toBe('BRIEF_ACK_OVERDUE');
    const reminder = await dead.database.db.getRepository(Notification).findOneByOrFail({ collaborationId: id, kind: 'BRIEF_ACK_REMINDER' });
    const failed = await waitFor('the failed reminder delivery', async () => {
      const row = await dead.database.db.getRepository(Delivery).findOneBy({ notificationId: reminder.id });
      return row?.status === DeliveryStatus.Failed ? row : undefined;
    });
    // Two tries: the first threw and Temporal ran the activity again after its backoff.
    expect(failed).toMatchObject({ channel: 'email', recipient: team.talentManager.email, attempts: 2, sentAt: null, lastError: expect.stringMatching(/ECONNREFUSED/) });
  });

  it("keeps each user's inbox to what was sent to them, and keeps read state once marked", async () => {
    const team = await createTeam(mailing.database.db);
    const id = await book(mailing, team);
    const notifications = mailing.database.db.getRepository(Notification);
    const theirs = await waitFor('the reminder and the escalation notice', async () => {
      const rows = await notifications.findBy({ collaborationId: id });
      return rows.length === 2 ? rows : undefined;
    }, 90_000);
    const reminder = theirs.find((row) => row.recipientId === team.talentManager.id)!;
    const notice = theirs.find((row) => row.recipientId === team.manager.id)!;
    const inbox = '/admin/api/resources/Notification';

    const talent = await panelSignIn(mailing.baseUrl, team.talentManager.email, team.password);
    const manager = await panelSignIn(mailing.baseUrl, team.manager.email, team.password);
    const admin = await panelSignIn(mailing.baseUrl, mailing.admin.email, mailing.admin.password);
    const listed = async (cookie: string) =>
      ((await panelGet(mailing.baseUrl, cookie, `${inbox}/actions/list?perPage=100&filters.collaborationId=${id}`)).body.records as { id: string }[]).map((record) => record.id);
    expect(await listed(talent)).toEqual([reminder.id]);
    expect(await listed(manager)).toEqual([notice.id]);
    // An inbox is personal: an admin's lists only what was sent to the admin.
    expect(await listed(admin)).toEqual([]);
    const peeked = await panelGet(mailing.baseUrl, talent, `${inbox}/records/${notice.id}/show`);
    expect(peeked.body.notice).toEqual({ message: 'forbiddenError', type: 'error' });
    expect(JSON.stringify(peeked.body)).not.toContain(notice.message);

    // Someone else's notification cannot be marked read, through the action or a forged post.
    const forged = await panelPost(mailing.baseUrl, manager, `${inbox}/records/${reminder.id}/markRead`, { requestId: `req-${randomBytes(4).toString('hex')}` });
    expect(forged.body.notice).toEqual({ message: 'forbiddenError', type: 'error' });
    expect((await notifications.findOneByOrFail({ id: reminder.id })).readAt).toBeNull();

    const marked = await panelPost(mailing.baseUrl, talent, `${inbox}/records/${reminder.id}/markRead`, { requestId: `req-${randomBytes(4).toString('hex')}` });
    expect(marked.body.notice).toEqual({ message: 'Marked read', type: 'success' });
    const readAt = (await notifications.findOneByOrFail({ id: reminder.id })).readAt;
    expect(readAt).toBeInstanceOf(Date);
    const shown = await panelGet(mailing.baseUrl, talent, `${inbox}/records/${reminder.id}/show`);
    expect(shown.body.record.params.readAt).toBeTruthy();
    // Marking again keeps the first reading time.
    await panelPost(mailing.baseUrl, talent, `${inbox}/records/${reminder.id}/markRead`, { requestId: `req-${randomBytes(4).toString('hex')}` });
    expect((await notifications.findOneByOrFail({ id: reminder.id })).readAt).toEqual(readAt);
    expect((await notifications.findOneByOrFail({ id: notice.id })).readAt).toBeNull();
  });
});

import { randomBytes } from 'node:crypto';
import { AuditLog, User, Webhook } from '../../libs/domain/entities';
import { createTeam, type Team } from '../support/fixtures';
import { startSystem, type RunningSystem } from '../support/system';

/**
 * The REST side of the channels against the built API: a user's own notification preferences,
 * and team webhooks (managers their team's, admins any), each refusal with its status and reason.
 */
describe('notification preferences and webhooks over REST', () => {
  let system: RunningSystem;
  let team: Team;
  let other: Team;

  beforeAll(async () => {
    system = await startSystem({ env: { WEBHOOK_SECRET_KEY: randomBytes(32).toString('hex') } });
    team = await createTeam(system.database.db);
    other = await createTeam(system.database.db);
  }, 120_000);

  afterAll(() => system?.stop());

  async function call(method: string, path: string, who: { email: string }, body?: unknown, password = team.password): Promise<{ status: number; body: Record<string, unknown> & { message?: string } }> {
    const response = await fetch(`${system.baseUrl}${path}`, {
      method,
      headers: { authorization: system.basic(who.email, password), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as never };
  }

  it('answers and changes only the caller\'s own preferences, keeping what is left out, and refuses junk with the reason', async () => {
    const tm = team.talentManager;
    expect(await call('GET', '/me/notification-preferences', tm)).toEqual({
      status: 200,
      body: { email: { reminders: true, escalations: true, ratings: true, performance: true }, emailCadence: 'immediately' },
    });
    expect(await call('PUT', '/me/notification-preferences', tm, { email: { reminders: false } })).toMatchObject({ status: 200, body: { email: { reminders: false, escalations: true }, emailCadence: 'immediately' } });
    expect(await call('PUT', '/me/notification-preferences', tm, { emailCadence: 'daily_digest' })).toMatchObject({ status: 200, body: { email: { reminders: false }, emailCadence: 'daily_digest' } });
    // Someone else's are untouched.
    expect((await call('GET', '/me/notification-preferences', team.manager)).body).toMatchObject({ email: { reminders: true }, emailCadence: 'immediately' });

    const refused = [
      [{ emailCadence: 'weekly' }, /emailCadence must be one of/],
      [{ email: { reminders: 'no' } }, /reminders must be a boolean/],
      [{ email: { sms: true } }, /property sms should not exist/],
      [{ channel: 'sms' }, /property channel should not exist/],
    ] as const;
    for (const [body, reason] of refused) {
      const answer = await call('PUT', '/me/notification-preferences', tm, body);
      expect({ body, status: answer.status }).toEqual({ body, status: 400 });
      expect(JSON.stringify(answer.body.message)).toMatch(reason);
    }
    const stored = await system.database.db.getRepository(User).findOneByOrFail({ id: tm.id });
    expect(stored.notificationPreferences).toEqual({ email: { reminders: false, escalations: true, ratings: true, performance: true }, emailCadence: 'daily_digest' });
    expect(await system.database.db.getRepository(AuditLog).countBy({ action: 'user.notification_preferences', entityId: tm.id })).toBe(2);
  });

  it('lets a manager add, list, change, rotate and remove their team\'s webhooks; refuses bad URLs, other teams and other roles', async () => {
    const manager = team.manager;
    for (const url of ['ftp://files.example.com/x', 'javascript:alert(1)', 'not a url', 'https://user:pw@example.com/']) {
      const answer = await call('POST', '/webhooks', manager, { name: 'Ops', url });
      expect({ url, status: answer.status }).toEqual({ url, status: 400 });
      expect(answer.body.message).toMatch(/^url: /);
    }
    const created = await call('POST', '/webhooks', manager, { name: '#ops on Slack', url: 'https://hooks.example.com/ops' });
    expect(created).toMatchObject({ status: 201, body: { name: '#ops on Slack', url: 'https://hooks.example.com/ops', teamLeadId: manager.id, active: true, secret: expect.stringMatching(/^whsec_/) } });
    const id = created.body.id as string;
    const { secretSealed } = await system.database.db.getRepository(Webhook).createQueryBuilder('w').addSelect('w.secretSealed').where('w.id = :id', { id }).getOneOrFail();
    expect(secretSealed).not.toContain((created.body.secret as string).slice(6));

    const listed = await call('GET', '/webhooks', manager);
    expect(listed.status).toBe(200);
    expect(listed.body).toEqual([expect.objectContaining({ id, name: '#ops on Slack' })]);
    expect(JSON.stringify(listed.body)).not.toContain('whsec_');
    expect(JSON.stringify(listed.body)).not.toContain('secretSealed');

    expect(await call('PATCH', `/webhooks/${id}`, manager, { active: false, name: '#ops' })).toMatchObject({ status: 200, body: { active: false, name: '#ops' } });
    expect((await call('PATCH', `/webhooks/${id}`, manager, { url: 'gopher://x' })).status).toBe(400);
    const rotated = await call('POST', `/webhooks/${id}/rotate-secret`, manager);
    expect(rotated).toMatchObject({ status: 200, body: { id, secret: expect.stringMatching(/^whsec_/) } });
    expect(rotated.body.secret).not.toBe(created.body.secret);

    // Another team's manager, a talent manager and finance are refused; nothing changes.
    expect(await call('PATCH', `/webhooks/${id}`, other.manager, { active: true }, other.password)).toMatchObject({ status: 403, body: { message: expect.stringMatching(/outside yours/) } });
    expect((await call('GET', '/webhooks', other.manager, undefined, other.password)).body).toEqual([]);
    expect((await call('POST', '/webhooks', other.manager, { name: 'x', url: 'https://x.example.com', teamLeadId: manager.id }, other.password)).status).toBe(403);
    expect((await call('GET', '/webhooks', team.talentManager)).status).toBe(403);
    expect((await call('POST', '/webhooks', team.finance, { name: 'x', url: 'https://x.example.com' })).status).toBe(403);
    expect((await call('POST', '/webhooks', manager, { name: 'x', url: 'https://x.example.com', teamLeadId: team.talentManager.id })).status).toBe(400);
    expect(await system.database.db.getRepository(Webhook).findOneByOrFail({ id })).toMatchObject({ active: false, name: '#ops' });

    expect(await call('DELETE', `/webhooks/${id}`, manager)).toMatchObject({ status: 200, body: { id } });
    expect((await call('DELETE', `/webhooks/${id}`, manager)).status).toBe(404);
    const actions = (await system.database.db.getRepository(AuditLog).findBy({ entity: 'Webhook', entityId: id })).map((entry) => entry.action).sort();
    expect(actions).toEqual(['webhook.created', 'webhook.deleted', 'webhook.secret_rotated', 'webhook.updated']);
  });
});

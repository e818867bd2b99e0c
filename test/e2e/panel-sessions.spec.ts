import { randomBytes } from 'node:crypto';
import { createTeam, Team } from '../support/fixtures';
import { panelGet, panelPost, panelSignIn, sessionIdOf } from '../support/panel-http';
import { requestJson } from '../support/rest-client';
import { RunningSystem, startSystem } from '../support/system';

/**
 * Back-office sessions end 12 h after sign-in however active they are (besides the idle timeout),
 * and a password reset revokes the user's API keys as well as ending their sessions. Through the
 * built API over HTTP; the session's sign-in time is moved back in PostgreSQL, where it is kept.
 */
describe('sessions and password resets', () => {
  let system: RunningSystem;
  let team: Team;

  beforeAll(async () => {
    system = await startSystem();
    team = await createTeam(system.database.db);
  });

  afterAll(async () => {
    await system?.stop();
  });

  const list = '/admin/api/resources/Brand/actions/list';
  const hoursAgo = (hours: number) => Date.now() - hours * 3_600_000;
  const signedInAt = async (sid: string): Promise<unknown> =>
    (await system.database.db.query(`SELECT "sess"->'signedInAt' AS at FROM "admin_session" WHERE "sid" = $1`, [sid]))[0]?.at;
  const backdate = (sid: string, at: number) =>
    system.database.db.query(`UPDATE "admin_session" SET "sess" = jsonb_set("sess"::jsonb, '{signedInAt}', to_jsonb($2::bigint))::json WHERE "sid" = $1`, [sid, at]);

  it('keeps a session in use within 12 h of sign-in, and ends it at 12 h however active', async () => {
    const cookie = await panelSignIn(system.baseUrl, team.talentManager.email, team.password);
    const sid = sessionIdOf(cookie);
    // Let the sign-in's own session save land before the row is changed under it (see below).
    await new Promise((resolve) => setTimeout(resolve, 500));
    const at = Number(await signedInAt(sid));
    expect(at).toBeGreaterThan(hoursAgo(1));

    // Used all day long: still good eleven hours and a half after sign-in.
    await backdate(sid, hoursAgo(11.5));
    expect((await panelGet(system.baseUrl, cookie, list)).status).toBe(200);
    // Each use touched it (the idle timeout), but the sign-in time stays.
    expect(Number(await signedInAt(sid))).toBeLessThan(hoursAgo(11));

    await backdate(sid, hoursAgo(12.01));
    const ended = await panelGet(system.baseUrl, cookie, list);
    expect(ended).toMatchObject({ status: 302, location: '/admin/login' });
    expect(await system.database.db.query(`SELECT 1 FROM "admin_session" WHERE "sid" = $1`, [sid])).toHaveLength(0);
    // Signing in again starts a new lifetime.
    const again = await panelSignIn(system.baseUrl, team.talentManager.email, team.password);
    expect((await panelGet(system.baseUrl, again, list)).status).toBe(200);
  });

  it('ends a session whose sign-in time is unknown (made before the lifetime existed)', async () => {
    const cookie = await panelSignIn(system.baseUrl, team.manager.email, team.password);
    const sid = sessionIdOf(cookie);
    // express-session may still be saving the sign-in after the answer reached the client (it
    // writes the body before its save completes): drop the time again until it stays dropped.
    for (let i = 0; i < 20; i += 1) {
      await system.database.db.query(`UPDATE "admin_session" SET "sess" = ("sess"::jsonb - 'signedInAt')::json WHERE "sid" = $1`, [sid]);
      await new Promise((resolve) => setTimeout(resolve, 250));
      if ((await signedInAt(sid)) == null) break;
    }
    expect(await panelGet(system.baseUrl, cookie, list)).toMatchObject({ status: 302, location: '/admin/login' });
  });

  it("revokes the user's API keys when an admin resets their password, and audits why", async () => {
    const users = await createTeam(system.database.db);
    const created = await requestJson(system.baseUrl, 'POST', '/api-keys', system.basic(users.talentManager.email, users.password), { name: 'CRM sync' });
    expect(created.status).toBe(201);
    const bearer = `Bearer ${created.body.token}`;
    expect((await requestJson(system.baseUrl, 'GET', '/api-keys', bearer)).status).toBe(200);

    const admin = await panelSignIn(system.baseUrl, system.admin.email, system.admin.password);
    const reset = await panelPost(system.baseUrl, admin, `/admin/api/resources/User/records/${users.talentManager.id}/edit`, { password: `new-${randomBytes(8).toString('hex')}` });
    expect(reset.body.notice?.type).toBe('success');

    const refused = await requestJson(system.baseUrl, 'GET', '/api-keys', bearer);
    expect(refused).toMatchObject({ status: 401, body: { message: 'This API key has been revoked' } });
    const [entry] = await system.database.db.query(`SELECT "actorRole", after FROM audit_log WHERE action = 'api_key.revoked' AND "entityId" = $1`, [created.body.id]);
    expect(entry).toMatchObject({ actorRole: 'admin', after: { reason: 'password reset', userId: users.talentManager.id } });

    // An edit that leaves the password alone revokes nothing.
    const second = await requestJson(system.baseUrl, 'POST', '/api-keys', system.basic(users.manager.email, users.password), { name: 'Sheets' });
    const renamed = await panelPost(system.baseUrl, admin, `/admin/api/resources/User/records/${users.manager.id}/edit`, { name: 'Maya M.' });
    expect(renamed.body.notice?.type).toBe('success');
    expect((await requestJson(system.baseUrl, 'GET', '/api-keys', `Bearer ${second.body.token}`)).status).toBe(200);
  });
});

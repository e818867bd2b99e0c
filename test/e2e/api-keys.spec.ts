import { createHash, randomUUID } from 'node:crypto';
import { User } from '../../libs/domain/entities';
import { Role } from '../../libs/domain/rules/roles';
import { createTeam, Team } from '../support/fixtures';
import { requestJson } from '../support/rest-client';
import { RunningSystem, startSystem } from '../support/system';

/**
 * API keys for integrations, through the built API over HTTP: created with a person's password,
 * used as Bearer tokens that act as that person with their current role, revoked at once.
 * The database is read to check that no token is stored and what the audit log says.
 */
describe('API keys', () => {
  let system: RunningSystem;
  let team: Team;
  let asTalentManager: string;
  let asManager: string;
  let asAdmin: string;
  /** Every token handed out in this file: none may show up in a row, an audit entry or a log line. */
  const issued: string[] = [];

  beforeAll(async () => {
    system = await startSystem();
    team = await createTeam(system.database.db);
    asTalentManager = system.basic(team.talentManager.email, team.password);
    asManager = system.basic(team.manager.email, team.password);
    asAdmin = system.basic(system.admin.email, system.admin.password);
  });

  afterAll(async () => {
    await system?.stop();
  });

  const call = (method: string, path: string, auth: string | null, body?: unknown) => requestJson(system.baseUrl, method, path, auth, body);

  const bearer = (token: string) => `Bearer ${token}`;
  const secretOf = (token: string) => token.slice('co_'.length + 16 + 1);

  async function createKey(auth: string, body: Record<string, unknown> = { name: 'Zapier' }) {
    const created = await call('POST', '/api-keys', auth, body);
    expect(created.status).toBe(201);
    issued.push(created.body.token);
    return created.body as { id: string; userId: string; name: string; prefix: string; token: string; createdAt: string; expiresAt: string | null };
  }

  let seq = 0;
  const newBrand = () => ({ name: `Integration brand ${++seq} ${randomUUID()}`, category: 'skincare' });

  it('creates a key with the password and shows its token once', async () => {
    const before = Date.now();
    const key = await createKey(asTalentManager, { name: '  Zapier  ', expiresInDays: 30 });
    expect(key).toEqual({
      id: expect.any(String),
      userId: team.talentManager.id,
      name: 'Zapier',
      prefix: expect.stringMatching(/^[0-9a-f]{16}$/),
      token: expect.stringMatching(/^co_[0-9a-f]{16}_[A-Za-z0-9_-]{43}$/),
      createdAt: expect.any(String),
      lastUsedAt: null,
      expiresAt: expect.any(String),
      revokedAt: null,
    });
    expect(key.token.startsWith(`co_${key.prefix}_`)).toBe(true);
    const expiresIn = new Date(key.expiresAt!).getTime() - before;
    expect(expiresIn).toBeGreaterThan(30 * 86_400_000 - 60_000);
    expect(expiresIn).toBeLessThan(30 * 86_400_000 + 60_000);

    const [entry] = await system.database.db.query(`SELECT * FROM audit_log WHERE action = 'api_key.created' AND "entityId" = $1`, [key.id]);
    expect(entry).toMatchObject({ actorId: team.talentManager.id, actorRole: 'talent_manager', entity: 'ApiKey' });
    expect(entry.after).toMatchObject({ userId: team.talentManager.id, name: 'Zapier', prefix: key.prefix });
  });

  it('acts as the key\'s user on a role-protected route, and the audit log says so', async () => {
    const key = await createKey(asTalentManager, { name: 'CRM sync' });
    const brand = await call('POST', '/brands', bearer(key.token), newBrand());
    expect(brand.status).toBe(201);

    const [entry] = await system.database.db.query(`SELECT "actorId", "actorRole" FROM audit_log WHERE action = 'brand.created' AND "entityId" = $1`, [brand.body.id]);
    expect(entry).toEqual({ actorId: team.talentManager.id, actorRole: 'talent_manager' });

    // Reading works too, and the use is recorded (to the minute).
    expect((await call('GET', `/brands/${brand.body.id}`, bearer(key.token))).status).toBe(200);
    const [row] = await system.database.db.query(`SELECT "lastUsedAt" FROM api_keys WHERE id = $1`, [key.id]);
    expect(row.lastUsedAt).toBeInstanceOf(Date);
    expect(Date.now() - row.lastUsedAt.getTime()).toBeLessThan(60_000);
  });

  it('stores no token and no secret, only the SHA-256 of the secret', async () => {
    const key = await createKey(asTalentManager, { name: 'Storage check' });
    const [row] = await system.database.db.query(`SELECT row_to_json(k)::text AS json, "secretHash" FROM api_keys k WHERE id = $1`, [key.id]);
    expect(row.json).not.toContain(key.token);
    expect(row.json).not.toContain(secretOf(key.token));
    expect(row.secretHash).toBe(createHash('sha256').update(secretOf(key.token)).digest('hex'));
  });

  it('lists the caller\'s keys without any secret', async () => {
    const key = await createKey(asTalentManager, { name: 'Listing' });
    for (const auth of [asTalentManager, bearer(key.token)]) {
      const listed = await call('GET', '/api-keys', auth);
      expect(listed.status).toBe(200);
      expect(listed.body.length).toBeGreaterThanOrEqual(1);
      expect(listed.body.every((k: { userId: string }) => k.userId === team.talentManager.id)).toBe(true);
      expect(listed.body).toContainEqual(expect.objectContaining({ id: key.id, name: 'Listing', prefix: key.prefix, revokedAt: null }));
      for (const listedKey of listed.body) {
        expect(Object.keys(listedKey).sort()).toEqual(['createdAt', 'expiresAt', 'id', 'lastUsedAt', 'name', 'prefix', 'revokedAt', 'userId']);
      }
      for (const token of issued) {
        expect(listed.text).not.toContain(secretOf(token));
      }
    }
    // Nobody else's keys show up in the manager's list.
    const managers = await call('GET', '/api-keys', asManager);
    expect(managers.status).toBe(200);
    expect(managers.body.find((k: { id: string }) => k.id === key.id)).toBeUndefined();
  });

  it('lets only an admin list another user\'s keys', async () => {
    const key = await createKey(asTalentManager, { name: 'Admin can see' });
    const byAdmin = await call('GET', `/api-keys?userId=${team.talentManager.id}`, asAdmin);
    expect(byAdmin.status).toBe(200);
    expect(byAdmin.body).toContainEqual(expect.objectContaining({ id: key.id }));

    const byManager = await call('GET', `/api-keys?userId=${team.talentManager.id}`, asManager);
    expect(byManager.status).toBe(403);
    expect(byManager.body.message).toMatch(/admin/);
    expect((await call('GET', '/api-keys?userId=not-a-uuid', asAdmin)).status).toBe(400);
    expect((await call('GET', `/api-keys?userId=${randomUUID()}`, asAdmin)).status).toBe(404);
  });

  it('refuses wrong, garbled and unknown tokens with 401, never echoing them', async () => {
    const key = await createKey(asTalentManager, { name: 'Wrong ones' });
    const secret = secretOf(key.token);
    const flipped = `${secret.slice(0, -1)}${secret.endsWith('A') ? 'B' : 'A'}`;
    const attempts = [
      `co_${key.prefix}_${flipped}`, // right prefix, wrong secret
      `co_0000000000000000_${secret}`, // unknown prefix
      key.token.slice(0, -1), // truncated
      `${key.token}x`, // too long
      'co_garbled',
      'not-even-close',
    ];
    for (const token of attempts) {
      const response = await call('POST', '/brands', bearer(token), newBrand());
      expect(response.status).toBe(401);
      expect(response.body.message).toMatch(/API key/);
      expect(response.text).not.toContain(token);
      expect(response.text).not.toContain(secret);
    }
    const empty = await call('GET', '/api-keys', 'Bearer ');
    expect(empty.status).toBe(401);
    // The key itself still works.
    expect((await call('GET', '/api-keys', bearer(key.token))).status).toBe(200);
  });

  it('refuses a revoked key at once', async () => {
    const key = await createKey(asTalentManager, { name: 'To revoke' });
    expect((await call('GET', '/api-keys', bearer(key.token))).status).toBe(200);

    const revoked = await call('DELETE', `/api-keys/${key.id}`, asTalentManager);
    expect(revoked.status).toBe(200);
    expect(revoked.body).toMatchObject({ id: key.id, revokedAt: expect.any(String) });
    expect(revoked.body).not.toHaveProperty('token');

    const refused = await call('POST', '/brands', bearer(key.token), newBrand());
    expect(refused.status).toBe(401);
    expect(refused.body.message).toBe('This API key has been revoked');

    const [entry] = await system.database.db.query(`SELECT * FROM audit_log WHERE action = 'api_key.revoked' AND "entityId" = $1`, [key.id]);
    expect(entry).toMatchObject({ actorId: team.talentManager.id, actorRole: 'talent_manager' });

    // Revoking again changes nothing and logs nothing more.
    const again = await call('DELETE', `/api-keys/${key.id}`, asTalentManager);
    expect(again.status).toBe(200);
    expect(again.body.revokedAt).toBe(revoked.body.revokedAt);
    const entries = await system.database.db.query(`SELECT id FROM audit_log WHERE action = 'api_key.revoked' AND "entityId" = $1`, [key.id]);
    expect(entries).toHaveLength(1);
  });

  it('lets a key revoke itself', async () => {
    const key = await createKey(asTalentManager, { name: 'Self-revoking' });
    expect((await call('DELETE', `/api-keys/${key.id}`, bearer(key.token))).status).toBe(200);
    expect((await call('GET', '/api-keys', bearer(key.token))).status).toBe(401);
  });

  it('refuses an expired key', async () => {
    const key = await createKey(asTalentManager, { name: 'Short-lived', expiresInDays: 1 });
    expect((await call('GET', '/api-keys', bearer(key.token))).status).toBe(200);
    await system.database.db.query(`UPDATE api_keys SET "expiresAt" = now() - interval '1 second' WHERE id = $1`, [key.id]);
    const refused = await call('GET', '/api-keys', bearer(key.token));
    expect(refused.status).toBe(401);
    expect(refused.body.message).toBe('This API key has expired');
  });

  it('gives a talent manager\'s key no more than a talent manager may do (403 on manager-only routes)', async () => {
    const key = await createKey(asTalentManager, { name: 'Limited' });
    const response = await call('POST', `/collaborations/${randomUUID()}/approve-commercials`, bearer(key.token), { reason: 'ok' });
    expect(response.status).toBe(403);
    expect(response.body.message).toMatch(/talent_manager may not do this/);
  });

  it('follows the user\'s current role, and stops working when the user is disabled', async () => {
    const other = await createTeam(system.database.db);
    const key = await createKey(system.basic(other.talentManager.email, other.password), { name: 'Role follows' });
    const users = system.database.db.getRepository(User);

    await users.update({ id: other.talentManager.id }, { role: Role.Finance });
    const demoted = await call('POST', '/brands', bearer(key.token), newBrand());
    expect(demoted.status).toBe(403);
    expect(demoted.body.message).toMatch(/^A finance may not do this/);

    await users.update({ id: other.talentManager.id }, { role: Role.Manager });
    const promoted = await call('POST', '/brands', bearer(key.token), newBrand());
    expect(promoted.status).toBe(201);
    const [entry] = await system.database.db.query(`SELECT "actorId", "actorRole" FROM audit_log WHERE action = 'brand.created' AND "entityId" = $1`, [promoted.body.id]);
    expect(entry).toEqual({ actorId: other.talentManager.id, actorRole: 'manager' });

    await users.update({ id: other.talentManager.id }, { active: false });
    const disabled = await call('GET', '/api-keys', bearer(key.token));
    expect(disabled.status).toBe(401);
    expect(disabled.body.message).toBe('The account this API key belongs to is disabled');
  });

  it('does not let a key create keys: that needs the password', async () => {
    const key = await createKey(asTalentManager, { name: 'No minting' });
    const response = await call('POST', '/api-keys', bearer(key.token), { name: 'Minted' });
    expect(response.status).toBe(403);
    expect(response.body.message).toMatch(/e-mail and password/);
  });

  it('refuses to revoke someone else\'s key (403) unless you are an admin, and says 404 for unknown keys', async () => {
    const key = await createKey(asTalentManager, { name: 'Not yours' });
    const byManager = await call('DELETE', `/api-keys/${key.id}`, asManager);
    expect(byManager.status).toBe(403);
    const managerKey = await createKey(asManager, { name: 'Manager integration' });
    expect((await call('DELETE', `/api-keys/${key.id}`, bearer(managerKey.token))).status).toBe(403);
    expect((await call('GET', '/api-keys', bearer(key.token))).status).toBe(200);

    expect((await call('DELETE', `/api-keys/${randomUUID()}`, asTalentManager)).status).toBe(404);
    expect((await call('DELETE', '/api-keys/not-a-uuid', asTalentManager)).status).toBe(400);

    const byAdmin = await call('DELETE', `/api-keys/${key.id}`, asAdmin);
    expect(byAdmin.status).toBe(200);
    const [entry] = await system.database.db.query(`SELECT "actorId", "actorRole", after FROM audit_log WHERE action = 'api_key.revoked' AND "entityId" = $1`, [key.id]);
    expect(entry).toMatchObject({ actorRole: 'admin', after: expect.objectContaining({ userId: team.talentManager.id }) });
    expect((await call('GET', '/api-keys', bearer(key.token))).status).toBe(401);
  });

  it('answers 400 with the reasons for a bad request', async () => {
    const missing = await call('POST', '/api-keys', asTalentManager, {});
    expect(missing.status).toBe(400);
    expect(missing.body.message).toEqual(expect.arrayContaining([expect.stringMatching(/^name/)]));
    expect((await call('POST', '/api-keys', asTalentManager, { name: '   ' })).status).toBe(400);
    expect((await call('POST', '/api-keys', asTalentManager, { name: 'x'.repeat(101) })).status).toBe(400);
    for (const expiresInDays of [0, -1, 1.5, 3651, '30']) {
      const response = await call('POST', '/api-keys', asTalentManager, { name: 'Bad expiry', expiresInDays });
      expect(response.status).toBe(400);
      expect(response.body.message).toEqual(expect.arrayContaining([expect.stringMatching(/^expiresInDays/)]));
    }
    expect((await call('POST', '/api-keys', asTalentManager, { name: 'Sneaky', userId: team.manager.id })).status).toBe(400);
    expect((await call('POST', '/api-keys', null, { name: 'Anonymous' })).status).toBe(401);
  });

  it('documents Bearer authentication alongside Basic in OpenAPI', async () => {
    const response = await fetch(`${system.baseUrl}/docs-json`);
    const document = (await response.json()) as any;
    expect(document.components.securitySchemes).toMatchObject({ basic: { scheme: 'basic' }, bearer: { scheme: 'bearer' } });
    expect(document.paths['/brands'].post.security).toEqual(expect.arrayContaining([{ basic: [] }, { bearer: [] }]));
    expect(document.paths['/api-keys'].get.security).toEqual(expect.arrayContaining([{ basic: [] }, { bearer: [] }]));
    expect(document.paths['/api-keys'].post.security).toEqual([{ basic: [] }]);
  });

  it('never writes a token into the audit log or the logs', async () => {
    expect(issued.length).toBeGreaterThan(5);
    const [audit] = await system.database.db.query(`SELECT string_agg(row_to_json(a)::text, '\n') AS text FROM audit_log a`);
    for (const token of issued) {
      expect(audit.text).not.toContain(secretOf(token));
      expect(system.logs()).not.toContain(secretOf(token));
    }
  });
});

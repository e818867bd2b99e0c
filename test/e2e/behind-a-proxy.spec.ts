import { randomBytes } from 'node:crypto';
import { createTeam, Team } from '../support/fixtures';
import { requestJson } from '../support/rest-client';
import { RunningSystem, startSystem } from '../support/system';

/**
 * The API behind a reverse proxy (TRUST_PROXY=loopback: the test client connects from 127.0.0.1,
 * as a proxy on the same host would). The per-address login throttle must see the client's
 * address from X-Forwarded-For, not the proxy's: one client's failures lock that client only.
 */
describe('behind a reverse proxy', () => {
  let system: RunningSystem;
  let team: Team;

  beforeAll(async () => {
    system = await startSystem({ env: { TRUST_PROXY: 'loopback' } });
    team = await createTeam(system.database.db);
  });

  afterAll(async () => {
    await system?.stop();
  });

  const unknownBrand = '/brands/00000000-0000-4000-8000-000000000000';
  const from = (client: string) => ({ 'x-forwarded-for': client });

  it("locks the address of the client that keeps failing, not the proxy's, and not other clients", async () => {
    const attacker = '203.0.113.7';
    // 50 failures from one client, each for another (unknown) account, so no account lock is involved.
    for (let batch = 0; batch < 10; batch += 1) {
      await Promise.all(
        Array.from({ length: 5 }, async () => {
          const guess = system.basic(`nobody-${randomBytes(4).toString('hex')}@test.local`, `wrong-${randomBytes(6).toString('hex')}`);
          expect((await requestJson(system.baseUrl, 'GET', unknownBrand, guess, undefined, from(attacker))).status).toBe(401);
        }),
      );
    }

    const rightPassword = system.basic(team.talentManager.email, team.password);
    const locked = await requestJson(system.baseUrl, 'GET', unknownBrand, rightPassword, undefined, from(attacker));
    expect(locked.status).toBe(429);
    expect(locked.body.message).toMatch(/^Too many failed sign-ins for this network address, try again in \d+ minute/);

    // Another client behind the same proxy, and the proxy's own address, are not locked.
    expect((await requestJson(system.baseUrl, 'GET', unknownBrand, rightPassword, undefined, from('198.51.100.20'))).status).toBe(404);
    expect((await requestJson(system.baseUrl, 'GET', unknownBrand, rightPassword)).status).toBe(404);
  });
});

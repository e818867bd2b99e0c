import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../libs/db/data-source';
import { Escalation, Notification } from '../../libs/domain/entities';
import { EscalationKind } from '../../libs/domain/rules/escalations';
import { freePort, waitFor } from '../../scripts/lib/ports';
import { createTeam } from '../support/fixtures';
import { startOwnPostgres, type OwnPostgres } from '../support/own-postgres';
import { requestJson } from '../support/rest-client';
import { RunningSystem, startSystem } from '../support/system';

const BOOKINGS = 3;

/**
 * PostgreSQL restarted mid-flight (issue 11, item 18), an embedded server of this test's own:
 * while it is down the API answers 503 with Retry-After and the worker's activities retry; once
 * it is back both recover without a restart, and every reminder, escalation and audit row that
 * came due meanwhile is written exactly once.
 */
describe('PostgreSQL restarts while bookings run', () => {
  let dir: string;
  let port: number;
  let postgres: OwnPostgres;
  let db: DataSource;
  let system: RunningSystem;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'creatorops-pg-restart-'));
    port = await freePort();
    postgres = await startOwnPostgres(path.join(dir, 'postgres'), port);
    const url = new URL(postgres.adminUrl);
    const admin = new Client({ connectionString: postgres.adminUrl });
    await admin.connect();
    await admin.query('CREATE DATABASE "creatorops"');
    await admin.end();
    url.pathname = '/creatorops';
    db = await new DataSource({ ...dataSourceOptions(url.toString()), extra: { max: 2 } }).initialize();
    await db.runMigrations({ transaction: 'each' });
    system = await startSystem({ database: { url: url.toString(), db, drop: async () => undefined } });
  }, 180_000);

  afterAll(async () => {
    await system?.stop();
    if (db?.isInitialized) await db.destroy().catch(() => undefined);
    await postgres?.stop().catch(() => undefined);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('answers 503 while it is down, then recovers and loses or doubles nothing', async () => {
    const team = await createTeam(db);
    const tm = system.basic(team.talentManager.email, team.password);
    const call = (method: string, route: string, body?: unknown) => requestJson(system.baseUrl, method, route, tm, body);
    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    const brand = await call('POST', '/brands', { name: `Restart ${randomBytes(3).toString('hex')}`, category: 'snacks' });
    const campaign = await call('POST', '/campaigns', {
      brandId: brand.body.id, name: 'Restart', budgetMinor: 10_000_000, currency: 'INR', startsOn: day(1), endsOn: day(30), ownerId: team.manager.id,
      // Both come due while the database is down: the reminder and the escalation are written by retried activities.
      slaOverrides: { briefAckReminder: '4s', briefAckEscalation: '8s' },
    });
    expect(campaign.status).toBe(201);
    const bookings: string[] = [];
    for (let i = 0; i < BOOKINGS; i += 1) {
      const creator = await call('POST', '/creators', { name: `Creator ${i}`, handle: `pgrestart.${i}.${randomBytes(3).toString('hex')}` });
      const booked = await call('POST', '/collaborations', { campaignId: campaign.body.id, creatorId: creator.body.id });
      expect(booked.status).toBe(201);
      bookings.push(booked.body.id);
    }
    const bookedAt = Date.now();

    await db.destroy();
    await postgres.stop();
    const downAt = Date.now();
    const whileDown = await fetch(`${system.baseUrl}/brands`, { headers: { authorization: tm } });
    expect(whileDown.status).toBe(503);
    expect(whileDown.headers.get('retry-after')).toBe('5');
    expect(await whileDown.json()).toMatchObject({ message: 'The database is unreachable right now; try again shortly' });

    await new Promise((resolve) => setTimeout(resolve, Math.max(0, bookedAt + 12_000 - Date.now())));
    postgres = await startOwnPostgres(path.join(dir, 'postgres'), port);
    const upAt = Date.now();
    db = await new DataSource({ ...dataSourceOptions(system.database.url), extra: { max: 2 } }).initialize();

    await waitFor('the API to answer again', async () => ((await call('GET', '/brands')).status === 200 ? true : undefined), 60_000, 250);
    const apiBackAt = Date.now();
    await waitFor('every booking escalated once the database was back', async () => {
      const raised = await db.getRepository(Escalation).countBy(bookings.map((collaborationId) => ({ collaborationId, kind: EscalationKind.BriefAckOverdue })));
      return raised === BOOKINGS ? true : undefined;
    }, 120_000, 500);
    const escalatedAt = Date.now();

    for (const id of bookings) {
      expect(await db.getRepository(Notification).countBy({ collaborationId: id, kind: 'BRIEF_ACK_REMINDER' })).toBe(1);
      expect(await db.getRepository(Escalation).countBy({ collaborationId: id, kind: EscalationKind.BriefAckOverdue })).toBe(1);
      const audits: Array<{ action: string; n: number }> = await db.query(
        `SELECT "action", count(*)::int AS n FROM "audit_log" WHERE "entityId" = $1 OR "after"->>'collaborationId' = $1::text GROUP BY "action"`,
        [id],
      );
      expect(audits.length).toBeGreaterThan(0);
      for (const audit of audits) expect({ action: audit.action, n: audit.n }).toEqual({ action: audit.action, n: 1 });
    }
    process.stdout.write(
      `postgres restart: down ${((upAt - downAt) / 1000).toFixed(1)} s; API answering again ${((apiBackAt - upAt) / 1000).toFixed(1)} s after, ` +
        `all ${BOOKINGS} escalations written ${((escalatedAt - upAt) / 1000).toFixed(1)} s after, each once\n`,
    );
  }, 240_000);
});

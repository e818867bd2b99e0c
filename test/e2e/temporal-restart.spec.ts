import { Client, Connection } from '@temporalio/client';
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Escalation, Notification } from '../../libs/domain/entities';
import { EscalationKind } from '../../libs/domain/rules/escalations';
import { freePort, waitFor } from '../../scripts/lib/ports';
import { startTemporalDevServer, type TemporalDevServer } from '../../scripts/lib/temporal-dev-server';
import { createTeam } from '../support/fixtures';
import { requestJson } from '../support/rest-client';
import { RunningSystem, startSystem } from '../support/system';

const BOOKINGS = 3;

/**
 * The Temporal server restarted while bookings wait on their reminder and escalation timers
 * (issue 11, item 17). A dev server of this test's own, its state in a SQLite file, is stopped
 * before the reminders are due and started again after they are: every timer fires exactly
 * once (counted in each workflow's history), and each booking has one reminder and one
 * escalation, none lost or doubled.
 */
describe('the Temporal server restarts while bookings wait on timers', () => {
  let dir: string;
  let port: number;
  let temporal: TemporalDevServer;
  let system: RunningSystem;

  const start = () => startTemporalDevServer({ port, dbFilename: path.join(dir, 'temporal.db') });

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'creatorops-temporal-restart-'));
    port = await freePort();
    temporal = await start();
    system = await startSystem({ env: { TEMPORAL_ADDRESS: temporal.address } });
  });

  afterAll(async () => {
    await system?.stop();
    await temporal?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('fires every reminder and escalation timer once across the restart', async () => {
    const team = await createTeam(system.database.db);
    const tm = system.basic(team.talentManager.email, team.password);
    const call = (method: string, route: string, body?: unknown) => requestJson(system.baseUrl, method, route, tm, body);
    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    const brand = await call('POST', '/brands', { name: `Restart ${randomBytes(3).toString('hex')}`, category: 'snacks' });
    const campaign = await call('POST', '/campaigns', {
      brandId: brand.body.id, name: 'Restart', budgetMinor: 10_000_000, currency: 'INR', startsOn: day(1), endsOn: day(30), ownerId: team.manager.id,
      // Due while the server is down: the reminder 8 s, the escalation 14 s after booking.
      slaOverrides: { briefAckReminder: '8s', briefAckEscalation: '14s' },
    });
    expect(campaign.status).toBe(201);
    const bookings: string[] = [];
    for (let i = 0; i < BOOKINGS; i += 1) {
      const creator = await call('POST', '/creators', { name: `Creator ${i}`, handle: `restart.${i}.${randomBytes(3).toString('hex')}` });
      const booked = await call('POST', '/collaborations', { campaignId: campaign.body.id, creatorId: creator.body.id });
      expect(booked.status).toBe(201);
      bookings.push(booked.body.id);
    }
    const bookedAt = Date.now();

    await temporal.stop();
    const downAt = Date.now();
    // While it is down a booking still reads its projected state from the database; asked for the
    // live state, it reads from its row with the live state said to be unavailable.
    const projected = await call('GET', `/collaborations/${bookings[0]}`);
    expect(projected.status).toBe(200);
    expect(projected.body.state.stage).toBe('BRIEFED');
    const meanwhile = await call('GET', `/collaborations/${bookings[0]}?live=true`);
    expect(meanwhile.status).toBe(200);
    expect(meanwhile.body.collaboration.stage).toBe('BRIEFED');
    expect(meanwhile.body.liveError).toEqual(expect.any(String));
    // Back after both deadlines have passed.
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, bookedAt + 16_000 - Date.now())));
    temporal = await start();
    const upAt = Date.now();

    const escalations = system.database.db.getRepository(Escalation);
    await waitFor('every booking escalated after the restart', async () => {
      const raised = await escalations.countBy(bookings.map((collaborationId) => ({ collaborationId, kind: EscalationKind.BriefAckOverdue })));
      return raised === BOOKINGS ? true : undefined;
    }, 120_000, 500);
    const recoveredAt = Date.now();

    const connection = await Connection.connect({ address: temporal.address });
    try {
      const client = new Client({ connection, namespace: 'default' });
      for (const id of bookings) {
        const row = await system.database.db.query(`SELECT "workflowId" FROM "collaborations" WHERE "id" = $1`, [id]);
        const history = await client.workflow.getHandle(row[0].workflowId).fetchHistory();
        const events = history.events ?? [];
        const started = events.filter((e) => e.timerStartedEventAttributes).length;
        const fired = events.filter((e) => e.timerFiredEventAttributes).length;
        const reminders = events.filter((e) => e.activityTaskScheduledEventAttributes?.activityType?.name === 'remind').length;
        expect({ reminders, timersFiredAtMostOnce: fired <= started }).toEqual({ reminders: 1, timersFiredAtMostOnce: true });
        const timerIds = events.map((e) => e.timerFiredEventAttributes?.timerId).filter(Boolean);
        expect(new Set(timerIds).size).toBe(timerIds.length);
      }
    } finally {
      await connection.close();
    }
    for (const id of bookings) {
      expect(await system.database.db.getRepository(Notification).countBy({ collaborationId: id, kind: 'BRIEF_ACK_REMINDER' })).toBe(1);
      expect(await escalations.countBy({ collaborationId: id, kind: EscalationKind.BriefAckOverdue })).toBe(1);
    }
    process.stdout.write(
      `temporal restart: down ${((upAt - downAt) / 1000).toFixed(1)} s; ${BOOKINGS} bookings each fired one reminder and one escalation; ` +
        `all escalated ${((recoveredAt - upAt) / 1000).toFixed(1)} s after the server was back\n`,
    );
  }, 240_000);
});

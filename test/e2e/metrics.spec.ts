import { randomUUID } from 'node:crypto';
import { freePort, waitFor } from '../../scripts/lib/ports';
import { createTeam, Team } from '../support/fixtures';
import { logLines } from '../support/log-lines';
import { RunningSystem, startSystem } from '../support/system';

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

/** The value of one series in a Prometheus text answer, or undefined when it is absent. */
function sample(text: string, name: string, labels: Record<string, string>): number | undefined {
  for (const line of text.split('\n')) {
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const found = Object.fromEntries([...(match[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((m) => [m[1], m[2]]));
    if (Object.entries(labels).every(([key, value]) => found[key] === value)) return Number(match[3]);
  }
  return undefined;
}

/**
 * Observability through the built API and worker: /metrics in the Prometheus text format with
 * requests by route template and status and business gauges matching the database, a request id
 * on every answer, and the worker's Temporal SDK metrics on WORKER_METRICS_PORT.
 */
describe('metrics and request ids', () => {
  let system: RunningSystem;
  let team: Team;
  let workerMetricsPort: number;

  beforeAll(async () => {
    workerMetricsPort = await freePort();
    system = await startSystem({ env: { WORKER_METRICS_PORT: String(workerMetricsPort), METRICS_PUBLIC: 'false' } });
    team = await createTeam(system.database.db);
  });

  afterAll(async () => {
    await system?.stop();
  });

  it('counts requests by route template and status, never by raw URL, with business gauges matching the database', async () => {
    const auth = { authorization: system.basic(team.talentManager.email, team.password) };
    expect((await fetch(`${system.baseUrl}/health`)).status).toBe(200);
    expect((await fetch(`${system.baseUrl}/collaborations/${randomUUID()}`, { headers: auth })).status).toBe(404);
    expect((await fetch(`${system.baseUrl}/no-such-route/${randomUUID()}`)).status).toBe(404);
    await system.database.db.query(
      `INSERT INTO "escalations" ("kind", "severity", "raisedAt", "status", "summary", "eventKey") VALUES ('CONFLICT', 'high', now(), 'open', 'metrics test', $1)`,
      [`metrics-test:${randomUUID()}`],
    );

    // METRICS_PUBLIC=false: Prometheus signs in like any API client.
    expect((await fetch(`${system.baseUrl}/metrics`)).status).toBe(401);
    const answer = await fetch(`${system.baseUrl}/metrics`, { headers: auth });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toMatch(/^text\/plain;.*version=0\.0\.4/);
    const text = await answer.text();
    expect(text).toMatch(/^# HELP http_requests_total /m);
    expect(text).toMatch(/^# TYPE http_requests_total counter$/m);
    expect(text).toMatch(/^# TYPE http_request_duration_seconds histogram$/m);
    expect(text).toMatch(/^process_cpu_seconds_total /m);
    expect(sample(text, 'http_requests_total', { method: 'GET', route: '/health', status: '200' })).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'http_requests_total', { method: 'GET', route: '/collaborations/:id', status: '404' })).toBe(1);
    expect(sample(text, 'http_requests_total', { method: 'GET', route: 'unmatched', status: '404' })).toBe(1);
    expect(sample(text, 'http_request_duration_seconds_count', { method: 'GET', route: '/collaborations/:id', status: '404' })).toBe(1);
    for (const line of text.split('\n').filter((l) => l.includes('{'))) expect(line).not.toMatch(UUID);

    const [{ count: open }] = await system.database.db.query(`SELECT count(*)::int AS "count" FROM "escalations" WHERE "kind" = 'CONFLICT' AND "status" = 'open'`);
    expect(open).toBe(1);
    expect(sample(text, 'creatorops_escalations_unresolved', { kind: 'CONFLICT', status: 'open' })).toBe(open);
    expect(sample(text, 'creatorops_escalations_unresolved', { kind: 'DRAFT_OVERDUE', status: 'acknowledged' })).toBe(0);
    const [{ count: overdue }] = await system.database.db.query(
      `SELECT count(*)::int AS "count" FROM "payouts" WHERE "dueOn" < CURRENT_DATE AND "status" NOT IN ('paid', 'cancelled')`,
    );
    expect(sample(text, 'creatorops_payouts_overdue', {})).toBe(overdue);
  });

  it('echoes a safe incoming X-Request-Id, replaces an unsafe one, and generates one otherwise', async () => {
    const echoed = await fetch(`${system.baseUrl}/health`, { headers: { 'x-request-id': 'edge-7f3a.42:retry_1' } });
    expect(echoed.headers.get('x-request-id')).toBe('edge-7f3a.42:retry_1');
    const unsafe = await fetch(`${system.baseUrl}/no-such-route`, { headers: { 'x-request-id': 'a b<script>' } });
    expect(unsafe.status).toBe(404);
    expect(unsafe.headers.get('x-request-id')).toMatch(new RegExp(`^${UUID.source}$`, 'i'));
    const generated = await fetch(`${system.baseUrl}/health`);
    expect(generated.headers.get('x-request-id')).toMatch(new RegExp(`^${UUID.source}$`, 'i'));
    expect(generated.headers.get('x-request-id')).not.toBe(unsafe.headers.get('x-request-id'));

    const id = `trace-${randomUUID()}`;
    const auth = { authorization: system.basic(team.talentManager.email, team.password), 'x-request-id': id };
    const missing = await fetch(`${system.baseUrl}/collaborations/${randomUUID()}`, { headers: auth });
    expect(missing.status).toBe(404);
    expect(missing.headers.get('x-request-id')).toBe(id);
    const line = await waitFor('the warn line of the 404', async () => logLines(system).find((l) => l.requestId === id && l.level === 'warn'), 30_000, 100);
    expect(line.msg).toMatch(/GET \/collaborations\/\S+ → 404/);
  });

  it("serves the worker's Temporal SDK metrics in the Prometheus text format on WORKER_METRICS_PORT", async () => {
    const text = await waitFor(
      'the worker metrics port to report its task slots',
      async () => {
        const answer = await fetch(`http://127.0.0.1:${workerMetricsPort}/metrics`).catch(() => undefined);
        const body = answer?.ok ? await answer.text() : '';
        return new RegExp(`^temporal_worker_task_slots_available\\{[^}]*task_queue="${system.taskQueue}"`, 'm').test(body) ? body : undefined;
      },
      60_000,
      250,
    );
    expect(text).toMatch(/^# TYPE temporal_\w+ (counter|gauge|histogram)$/m);
    // Our worker's own slots, on its test task queue (latency histograms appear once a task has run).
    expect(text).toMatch(/^# TYPE temporal_worker_task_slots_available gauge$/m);
    expect(text).toMatch(new RegExp(`^temporal_worker_task_slots_available\\{[^}]*task_queue="${system.taskQueue}"`, 'm'));
  });
});

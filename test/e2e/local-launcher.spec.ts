import { randomBytes } from 'node:crypto';
import { ChildProcess, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DEMO_PASSWORD } from '../../libs/db/seed';
import { freePort, WaitAborted, waitFor } from '../../scripts/lib/ports';
import { dayFromToday } from '../support/dates';

/**
 * `npm start` as a newcomer runs it: no DATABASE_URL, no Temporal running. The launcher must
 * bring up embedded PostgreSQL, a Temporal dev server, the API, the worker and the panel, and
 * a booking created through the API must show its escalation in the panel once its shortened
 * deadline lapses. Ctrl-C stops it all.
 */
describe('npm start (local launcher)', () => {
  const root = path.resolve(__dirname, '../..');
  let dataDir: string;
  let launcher: ChildProcess;
  let output = '';
  let baseUrl: string;
  const adminPassword = randomBytes(12).toString('hex');

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'creatorops-launcher-'));
    const port = await freePort();
    baseUrl = `http://127.0.0.1:${port}`;
    const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), CREATOROPS_DATA_DIR: dataDir, EMBEDDED_POSTGRES_PORT: String(await freePort()), LOG_LEVEL: 'warn' };
    for (const name of ['DATABASE_URL', 'TEMPORAL_ADDRESS', 'NODE_ENV', 'ADMIN_EMAIL', 'SESSION_SECRET']) delete env[name];
    // The admin's password comes from the environment, as a newcomer would set it.
    env.ADMIN_PASSWORD = adminPassword;
    // `npm start` itself, as a newcomer types it: after `npm test`'s build nothing changed, so it
    // must start without building again, and a signal sent to the npm process must stop everything.
    launcher = spawn('npm', ['start'], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    launcher.stdout?.on('data', (chunk) => (output += chunk));
    launcher.stderr?.on('data', (chunk) => (output += chunk));
    await waitFor('the launcher to report it is running', async () => {
      if (launcher.exitCode !== null) throw new WaitAborted(`launcher exited with ${launcher.exitCode}:\n${output}`);
      return output.includes('CreatorOps is running') ? true : undefined;
    }, 150_000, 500).catch((error) => {
      throw new Error(`${(error as Error).message}\n--- launcher output ---\n${output.slice(-5_000)}`);
    });
  }, 180_000);

  afterAll(async () => {
    if (launcher && launcher.exitCode === null) {
      launcher.kill('SIGKILL');
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const demo = `Basic ${Buffer.from(`tara.talent@creatorops.local:${DEMO_PASSWORD}`).toString('base64')}`;
  const json = async (pathname: string, init: RequestInit = {}) => {
    const response = await fetch(`${baseUrl}${pathname}`, { ...init, headers: { authorization: demo, 'content-type': 'application/json', ...(init.headers ?? {}) } });
    return { status: response.status, body: (await response.json()) as any };
  };

  it('starts without building when nothing changed since the last build', () => {
    expect(output).toContain('npm start: nothing changed since the last build; starting');
  });

  it('prints where everything is and reports itself healthy', async () => {
    expect(output).toMatch(/REST API\s+http:\/\/127\.0\.0\.1:\d+/);
    expect(output).toMatch(/Back office\s+http:\/\/127\.0\.0\.1:\d+\/admin/);
    expect(output).toMatch(/Temporal UI\s+http:\/\/127\.0\.0\.1:\d+/);
    expect(output).toMatch(/Mailpit \(mail\)\s+http:\/\/127\.0\.0\.1:\d+/);
    expect((await json('/health')).body).toEqual({ status: 'ok', database: 'up', temporal: 'up' });
  });

  it("delivers the demo booking's brief reminder to the Mailpit it printed, within a few minutes", async () => {
    const mailpit = output.match(/Mailpit \(mail\)\s+(http:\/\/127\.0\.0\.1:\d+)/)?.[1];
    expect(mailpit).toBeDefined();
    const campaigns = await json('/campaigns?limit=100');
    const demoCampaign = (campaigns.body.items as { id: string; name: string }[]).find((campaign) => campaign.name === 'Winter Glow (demo)');
    expect(demoCampaign).toBeDefined();
    const bookings = await json(`/collaborations?campaignId=${demoCampaign!.id}`);
    const demoBooking = (bookings.body.items as { id: string }[])[0];
    expect(demoBooking).toBeDefined();
    // The demo campaign reminds after one minute of an unacknowledged brief (libs/db/seed.ts).
    const message = await waitFor('the demo reminder in Mailpit', async () => {
      const query = encodeURIComponent('to:"tara.talent@creatorops.local"');
      const found = (await (await fetch(`${mailpit}/api/v1/search?query=${query}&limit=50`)).json()) as { messages: { ID: string; Subject: string }[] };
      for (const summary of found.messages) {
        const full = (await (await fetch(`${mailpit}/api/v1/message/${summary.ID}`)).json()) as { Subject: string; Text: string };
        if (full.Text.includes(demoBooking.id) && !/escalation/i.test(full.Subject)) return full;
      }
      return undefined;
    }, 180_000, 2_000);
    expect(message.Subject).toMatch(/brief/i);
    expect(message.Text).toContain('has not acknowledged the brief');
  }, 240_000);

  it('shows an escalation in the panel once a booking misses its shortened brief deadline', async () => {
    const brand = await json('/brands', { method: 'POST', body: JSON.stringify({ name: 'Launcher Brand', category: 'snacks' }) });
    const creator = await json('/creators', { method: 'POST', body: JSON.stringify({ name: 'Ravi K', handle: 'ravi.k' }) });
    const campaign = await json('/campaigns', {
      method: 'POST',
      body: JSON.stringify({
        // Tomorrow for 30 days: a campaign whose end has passed is refused.
        brandId: brand.body.id, name: 'Quick', budgetMinor: 100000, currency: 'INR',
        startsOn: dayFromToday(1), endsOn: dayFromToday(31),
        slaOverrides: { briefAckReminder: '2s', briefAckEscalation: '4s' },
      }),
    });
    const booking = await json('/collaborations', { method: 'POST', body: JSON.stringify({ campaignId: campaign.body.id, creatorId: creator.body.id }) });
    expect(booking.status).toBe(201);

    const login = await fetch(`${baseUrl}/admin/login`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: baseUrl },
      body: new URLSearchParams({ email: 'admin@creatorops.local', password: adminPassword }),
    });
    expect(login.status).toBe(302);
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
    expect(cookie).toMatch(/=/);

    const listed = await waitFor('the escalation in the panel', async () => {
      const response = await fetch(`${baseUrl}/admin/api/resources/Escalation/actions/list`, { headers: { cookie } });
      const body = (await response.json()) as { records?: { params: Record<string, unknown> }[] };
      const records = (body.records ?? []) as { params: Record<string, unknown> }[];
      return records.find((record) => record.params.collaborationId === booking.body.id);
    }, 30_000, 500);
    expect(listed.params.kind).toBe('BRIEF_ACK_OVERDUE');
  });

  it('stops everything when the npm start process itself gets SIGINT', async () => {
    const temporalUi = output.match(/Temporal UI\s+(http:\/\/127\.0\.0\.1:\d+)/)?.[1];
    expect(temporalUi).toBeDefined();
    const exited = new Promise<number | null>((resolve) => launcher.once('exit', (code) => resolve(code)));
    launcher.kill('SIGINT');
    await exited;
    // Everything it started is gone: the API and the Temporal dev server answer nothing.
    await waitFor('the API and Temporal to stop', async () => {
      const apiUp = await fetch(`${baseUrl}/health`).then(() => true, () => false);
      const temporalUp = await fetch(temporalUi!).then(() => true, () => false);
      return !apiUp && !temporalUp ? true : undefined;
    }, 30_000, 250);
    expect(output).toMatch(/stopp/i);
  });
});

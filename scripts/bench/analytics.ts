/**
 * `npm run bench:analytics`: how the insight pages hold up as the data grows (not part of
 * `npm test`). Two databases, the small size (10,000 bookings) and the full size of the issue
 * (100,000 bookings, 1,000,000 post readings, 2,000 creators × 24 months of daily sales), each
 * served by the built API; for each, the p95 of the KPI board, a creator's analytics and a
 * team's analytics over HTTP, then the full-to-small ratio. Last, a 100,000-row creator-sales
 * CSV imported through the API: rows per second and the API's peak memory. Writes a JSON
 * report (default bench-results/analytics-<timestamp>.json) and prints a table.
 */
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { hashPassword } from '../../libs/auth/passwords';
import { dataSourceOptions } from '../../libs/db/data-source';
import { migrateAndSeed } from '../../libs/db/migrate';
import { appEnvironment, appProcesses, requireBuiltApps } from '../lib/app-processes';
import { freePort } from '../lib/ports';
import { startTemporalDevServer } from '../lib/temporal-dev-server';
import { analyticsScale, seedAnalytics, type SeededAnalytics } from './analytics-seed';
import { benchDatabaseServer, freshBenchDatabase, type Cleanup } from './databases';
import { ratio, round, roundSummary, summarize, type Summary } from './stats';

const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 40);
/** 1: the issue's full size; smaller only to try the script quickly (the report says which). */
const SCALE = Number(process.env.BENCH_SCALE ?? 1);
const WARMUP = 5;
const GOAL_P95_MS = 300;
const GOAL_RATIO = 3;
const IMPORT_ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 100_000);

const log = (message: string) => console.log(`[bench:analytics] ${message}`);

function memoryOf(pid: number | undefined): { rssMb: number | null; peakMb: number | null } {
  if (!pid) return { rssMb: null, peakMb: null };
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN) / 1024;
  return { rssMb: round(kb('VmRSS'), 1), peakMb: round(kb('VmHWM'), 1) };
}

async function timed(url: string, authorization: string): Promise<number> {
  const started = performance.now();
  const response = await fetch(url, { headers: { authorization } });
  await response.arrayBuffer();
  if (response.status !== 200) throw new Error(`${url} answered ${response.status}`);
  return performance.now() - started;
}

async function measure(baseUrl: string, authorization: string, seeded: SeededAnalytics): Promise<Record<string, Summary>> {
  const month = `period=month&start=${seeded.month}`;
  const pages: Record<string, string> = {
    kpiBoard: `${baseUrl}/kpis?scope=team&id=${seeded.managerId}&${month}`,
    creatorPage: `${baseUrl}/analytics/creators/${seeded.creatorId}?${month}`,
    teamPage: `${baseUrl}/analytics/teams/${seeded.managerId}?${month}`,
  };
  const results: Record<string, Summary> = {};
  for (const [name, url] of Object.entries(pages)) {
    for (let i = 0; i < WARMUP; i += 1) await timed(url, authorization);
    const samples: number[] = [];
    for (let i = 0; i < SAMPLES; i += 1) samples.push(await timed(url, authorization));
    results[name] = roundSummary(summarize(samples), 1);
    log(`${name}: p50 ${results[name].p50} ms, p95 ${results[name].p95} ms`);
  }
  return results;
}

async function main(): Promise<void> {
  requireBuiltApps('run `npm run build` first (npm run bench:analytics does)');
  const out = process.env.BENCH_OUT ?? path.join('bench-results', `analytics-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  const cleanups: Cleanup[] = [];
  const cleanup = async () => {
    for (const step of cleanups.reverse()) await step().catch((error: Error) => log(`cleanup: ${error.message}`));
  };
  process.once('SIGINT', () => void cleanup().then(() => process.exit(130)));
  try {
    const adminUrl = await benchDatabaseServer('analytics', cleanups);
    const temporal = await startTemporalDevServer();
    cleanups.push(() => temporal.stop());

    const password = `bench-${randomBytes(8).toString('hex')}`;
    const passwordHash = await hashPassword(password);
    const admin = { email: 'admin@bench.local', password };
    const authorization = `Basic ${Buffer.from(`${admin.email}:${password}`).toString('base64')}`;
    const now = new Date();
    const sizes: Record<string, { seeded: SeededAnalytics; seedSeconds: number; pages: Record<string, Summary>; import?: unknown }> = {};

    for (const [label, scale] of [['small', 0.1 * SCALE], ['full', SCALE]] as const) {
      const databaseUrl = await freshBenchDatabase(adminUrl, `analytics_${label}`, cleanups);
      await migrateAndSeed(databaseUrl, admin);
      const db = await new DataSource(dataSourceOptions(databaseUrl)).initialize();
      const seedStarted = performance.now();
      log(`${label}: seeding ${JSON.stringify(analyticsScale(scale))}`);
      const seeded = await seedAnalytics(db, analyticsScale(scale), passwordHash, now);
      await db.destroy();
      const seedSeconds = round((performance.now() - seedStarted) / 1000, 1)!;
      log(`${label}: seeded in ${seedSeconds} s: ${JSON.stringify(seeded.counts)}`);

      const port = await freePort();
      const baseUrl = `http://127.0.0.1:${port}`;
      const env = appEnvironment({ nodeEnv: 'development', port, databaseUrl, temporal: { address: temporal.address, namespace: 'default', taskQueue: `bench-${label}` }, admin });
      const apps = appProcesses({ env, baseUrl });
      apps.launch('api');
      cleanups.push(() => apps.stopAll());
      await apps.waitForApi();
      const pages = await measure(baseUrl, authorization, seeded);
      sizes[label] = { seeded, seedSeconds, pages };

      if (label === 'full') {
        const handles: Array<{ handle: string }> = await (async () => {
          const client = new Client({ connectionString: databaseUrl });
          await client.connect();
          try {
            return (await client.query(`SELECT "handle" FROM "creators" WHERE "handle" LIKE 'bench-creator-%' ORDER BY "handle" LIMIT 500`)).rows;
          } finally {
            await client.end();
          }
        })();
        // New keys (dates after the seeded history), so every row is an insert.
        const lines = ['date,creator,orders,gmv,returns,cancellations,currency'];
        const first = Date.UTC(now.getUTCFullYear() + 1, 0, 1);
        for (let i = 0; i < IMPORT_ROWS; i += 1) {
          const day = new Date(first + Math.floor(i / handles.length) * 86_400_000).toISOString().slice(0, 10);
          lines.push(`${day},${handles[i % handles.length].handle},${1 + (i % 5)},${100 + (i % 900)}.50,0,0,INR`);
        }
        const body = `${lines.join('\n')}\n`;
        const before = memoryOf(apps.pid('api'));
        const started = performance.now();
        const response = await fetch(`${baseUrl}/imports/creator-sales?filename=bench.csv`, { method: 'POST', headers: { authorization, 'content-type': 'text/csv' }, body });
        const answer = (await response.json()) as { imported?: number; rejectedCount?: number };
        const seconds = (performance.now() - started) / 1000;
        const after = memoryOf(apps.pid('api'));
        if (response.status !== 200) throw new Error(`the import answered ${response.status}: ${JSON.stringify(answer)}`);
        sizes.full.import = {
          rows: IMPORT_ROWS,
          megabytes: round(Buffer.byteLength(body) / 1_048_576, 1),
          seconds: round(seconds, 2),
          rowsPerSecond: Math.round(IMPORT_ROWS / seconds),
          imported: answer.imported,
          apiRssBeforeMb: before.rssMb,
          apiPeakRssMb: after.peakMb,
          apiPeakGrowthMb: before.rssMb === null || after.peakMb === null ? null : round(after.peakMb - before.rssMb, 1),
        };
        log(`import: ${IMPORT_ROWS} rows in ${round(seconds, 1)} s, API peak RSS ${after.peakMb} MB (from ${before.rssMb} MB)`);
      }
      await apps.stopAll();
    }

    const ratios = Object.fromEntries(Object.keys(sizes.full.pages).map((page) => [page, round(ratio(sizes.full.pages[page].p95, sizes.small.pages[page].p95), 2)]));
    const goals = Object.fromEntries(
      Object.keys(sizes.full.pages).map((page) => [page, { p95Under300ms: (sizes.full.pages[page].p95 ?? Infinity) < GOAL_P95_MS, ratioUnder3: (ratios[page] ?? Infinity) < GOAL_RATIO }]),
    );
    const report = {
      at: now.toISOString(),
      machine: { cpu: os.cpus()[0]?.model, cpus: os.cpus().length, memoryGb: round(os.totalmem() / 1024 ** 3, 1), node: process.version, loadAverage: os.loadavg().map((v) => round(v, 2)) },
      config: { scale: SCALE, samples: SAMPLES, warmup: WARMUP, importRows: IMPORT_ROWS, goals: { p95Ms: GOAL_P95_MS, fullToSmallRatio: GOAL_RATIO }, database: process.env.DATABASE_URL ? 'DATABASE_URL server' : 'embedded' },
      small: sizes.small,
      full: sizes.full,
      fullToSmallP95: ratios,
      goals,
    };
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);
    console.table(
      Object.keys(sizes.full.pages).map((page) => ({
        page,
        'small p95 (ms)': sizes.small.pages[page].p95,
        'full p95 (ms)': sizes.full.pages[page].p95,
        'full / small': ratios[page],
        'p95 < 300 ms': goals[page].p95Under300ms,
        'ratio < 3': goals[page].ratioUnder3,
      })),
    );
    log(`report: ${out}`);
  } finally {
    await cleanup();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

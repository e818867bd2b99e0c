/**
 * Benchmark options: command-line flags win over environment variables, which win over the
 * defaults. Pure (unit-tested in test/unit/bench-stats.spec.ts).
 */

export type Phase = 'real' | 'baseline';

export interface BenchOptions {
  /** Collaborations driven through the whole lifecycle in each phase (after the warm-up). */
  n: number;
  /** How many of them are in flight at once. */
  concurrency: number;
  /** Lifecycles run (unmeasured) before each phase: JIT, caches, connection pools. */
  warmup: number;
  /** Where the JSON report goes. */
  out: string;
  /** Waiting for the workflow to reach a stage: first poll interval, growing ×1.5 up to the max. */
  pollIntervalMs: number;
  pollMaxIntervalMs: number;
  /** How often the worker's RSS and CPU time are sampled. */
  sampleIntervalMs: number;
  /** One HTTP request or Temporal call may take this long before the lifecycle counts as failed. */
  requestTimeoutMs: number;
  /** One wait for a stage may take this long before the lifecycle counts as failed. */
  waitTimeoutMs: number;
  /** Campaign `slaOverrides` for the real phase (the baseline uses the same measuring and payment timings). */
  sla: Record<string, string>;
  /** The phases to run (both unless --only). */
  phases: Phase[];
  help: boolean;
}

/** Shortened SLAs: measuring at +300 ms / +600 ms, net-30 payment terms pass in 0.3 s. */
export const DEFAULT_BENCH_SLA: Readonly<Record<string, string>> = Object.freeze({ measureFirst: '300ms', measureSecond: '600ms', paymentDay: '10ms' });

export const USAGE = `Usage: npm run bench -- [options]   (or node dist/scripts/bench/run.js [options])

  --n N                    collaborations per phase (env BENCH_N; default 200)
  --concurrency C          lifecycles in flight at once (env BENCH_CONCURRENCY; default N)
  --warmup W               unmeasured lifecycles before each phase (env BENCH_WARMUP; default 2)
  --out FILE               JSON report (env BENCH_OUT; default bench-results/bench-<timestamp>.json)
  --poll-interval MS       first wait between stage polls, grows x1.5 (env BENCH_POLL_INTERVAL_MS; default 200)
  --poll-max-interval MS   longest wait between stage polls (env BENCH_POLL_MAX_INTERVAL_MS; default 2000)
  --sample-interval MS     worker RSS / CPU sampling (env BENCH_SAMPLE_INTERVAL_MS; default 500)
  --request-timeout MS     one request or Temporal call (env BENCH_REQUEST_TIMEOUT_MS; default 300000)
  --wait-timeout MS        one wait for a stage (env BENCH_WAIT_TIMEOUT_MS; default 900000)
  --sla JSON               campaign slaOverrides merged over {"measureFirst":"300ms","measureSecond":"600ms","paymentDay":"10ms"} (env BENCH_SLA)
  --only real|baseline     run one phase only (env BENCH_ONLY)
  --help

DATABASE_URL: a PostgreSQL server to create the benchmark's own database on (dropped afterwards);
unset: an embedded PostgreSQL in a temporary directory. TEMPORAL_CLI_PATH: the Temporal CLI.`;

const FLAGS: Record<string, string> = {
  '--n': 'BENCH_N',
  '-n': 'BENCH_N',
  '--concurrency': 'BENCH_CONCURRENCY',
  '-c': 'BENCH_CONCURRENCY',
  '--warmup': 'BENCH_WARMUP',
  '--out': 'BENCH_OUT',
  '-o': 'BENCH_OUT',
  '--poll-interval': 'BENCH_POLL_INTERVAL_MS',
  '--poll-max-interval': 'BENCH_POLL_MAX_INTERVAL_MS',
  '--sample-interval': 'BENCH_SAMPLE_INTERVAL_MS',
  '--request-timeout': 'BENCH_REQUEST_TIMEOUT_MS',
  '--wait-timeout': 'BENCH_WAIT_TIMEOUT_MS',
  '--sla': 'BENCH_SLA',
  '--only': 'BENCH_ONLY',
};

/** `bench-2026-05-01T10-20-30Z.json`: a timestamp safe in file names on every OS. */
export function defaultReportPath(now: Date): string {
  return `bench-results/bench-${now.toISOString().replace(/\.\d+Z$/, 'Z').replace(/:/g, '-')}.json`;
}

export function parseOptions(argv: readonly string[], env: Readonly<Record<string, string | undefined>>, now: Date = new Date()): BenchOptions {
  const given: Record<string, string | undefined> = {};
  for (const name of new Set(Object.values(FLAGS))) given[name] = env[name];
  let help = false;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === '--help' || arg === '-h') {
      help = true;
      continue;
    }
    const eq = arg.indexOf('=');
    const flag = eq > 0 ? arg.slice(0, eq) : arg;
    const name = FLAGS[flag];
    if (!name) throw new Error(`Unknown option ${arg}\n\n${USAGE}`);
    let value: string | undefined;
    if (eq > 0) value = arg.slice(eq + 1);
    else {
      value = argv[i + 1];
      i += 1;
    }
    if (value === undefined || value === '') throw new Error(`${flag} needs a value`);
    given[name] = value;
  }

  const int = (name: string, fallback: number, min: number): number => {
    const text = given[name];
    if (text === undefined || text === '') return fallback;
    const value = Number(text);
    if (!Number.isInteger(value) || value < min) throw new Error(`${name} must be a whole number ≥ ${min}, got "${text}"`);
    return value;
  };

  const n = int('BENCH_N', 200, 1);
  const concurrency = int('BENCH_CONCURRENCY', n, 1);
  const pollIntervalMs = int('BENCH_POLL_INTERVAL_MS', 200, 1);
  const pollMaxIntervalMs = int('BENCH_POLL_MAX_INTERVAL_MS', 2_000, 1);
  if (pollMaxIntervalMs < pollIntervalMs) throw new Error('BENCH_POLL_MAX_INTERVAL_MS must not be below BENCH_POLL_INTERVAL_MS');

  let sla: Record<string, string> = { ...DEFAULT_BENCH_SLA };
  if (given.BENCH_SLA) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(given.BENCH_SLA);
    } catch {
      throw new Error(`BENCH_SLA must be a JSON object such as {"measureFirst":"1s"}, got ${given.BENCH_SLA}`);
    }
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed) || !Object.values(parsed).every((v) => typeof v === 'string')) {
      throw new Error('BENCH_SLA must be a JSON object of durations as text, such as {"measureFirst":"1s"}');
    }
    sla = { ...sla, ...(parsed as Record<string, string>) };
  }

  let phases: Phase[] = ['real', 'baseline'];
  if (given.BENCH_ONLY) {
    if (given.BENCH_ONLY !== 'real' && given.BENCH_ONLY !== 'baseline') throw new Error(`BENCH_ONLY must be real or baseline, got "${given.BENCH_ONLY}"`);
    phases = [given.BENCH_ONLY];
  }

  return {
    n,
    concurrency: Math.min(concurrency, n),
    warmup: int('BENCH_WARMUP', 2, 0),
    out: given.BENCH_OUT || defaultReportPath(now),
    pollIntervalMs,
    pollMaxIntervalMs,
    sampleIntervalMs: int('BENCH_SAMPLE_INTERVAL_MS', 500, 10),
    requestTimeoutMs: int('BENCH_REQUEST_TIMEOUT_MS', 300_000, 1_000),
    waitTimeoutMs: int('BENCH_WAIT_TIMEOUT_MS', 900_000, 1_000),
    sla,
    phases,
    help,
  };
}

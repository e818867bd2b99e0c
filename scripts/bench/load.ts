import * as http from 'node:http';
import { performance } from 'node:perf_hooks';
import { summarize, type Summary } from './stats';

export interface LoadOptions {
  /** Requests in flight at once, each on its own kept-alive connection. */
  concurrency: number;
  /** Measured time; requests started after it are not sent. */
  durationMs: number;
  /** Unmeasured time first: JIT, connection set-up, caches. */
  warmupMs: number;
  /** Called when the measured time starts and when it ends (a profiler, CPU counters). */
  onMeasured?: { start(): void; end(): void };
}

export interface LoadResult {
  requests: number;
  /** Answers other than 200, and dropped connections. */
  errors: number;
  perSecond: number;
  latencyMs: Summary;
  firstError?: string;
}

function get(agent: http.Agent, url: URL, headers: Record<string, string>): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request({ agent, host: url.hostname, port: url.port, path: `${url.pathname}${url.search}`, method: 'GET', headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      response.on('error', reject);
    });
    request.on('error', reject);
    request.end();
  });
}

/**
 * A closed-loop load: `concurrency` clients, each sending its next GET as soon as the previous
 * answer is read, over kept-alive connections (as a busy integration or a proxy does). The same
 * loop drives every target compared in one report, so what it costs itself cancels out of the ratios.
 */
export async function closedLoopLoad(target: string, headers: Record<string, string>, options: LoadOptions): Promise<LoadResult> {
  const url = new URL(target);
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.concurrency });
  const latencies: number[] = [];
  let errors = 0;
  let firstError: string | undefined;
  const started = performance.now();
  const measureFrom = started + options.warmupMs;
  const stopAt = measureFrom + options.durationMs;
  // The measured window's hooks, each called exactly once, even if every client stops early.
  let phase: 'warm-up' | 'measured' | 'ended' = 'warm-up';
  const startMeasured = () => {
    if (phase !== 'warm-up') return;
    phase = 'measured';
    options.onMeasured?.start();
  };
  const endMeasured = () => {
    startMeasured();
    if (phase !== 'measured') return;
    phase = 'ended';
    options.onMeasured?.end();
  };
  const marks = [setTimeout(startMeasured, options.warmupMs), setTimeout(endMeasured, options.warmupMs + options.durationMs)];
  const client = async () => {
    while (performance.now() < stopAt) {
      const sent = performance.now();
      let failure: string | undefined;
      try {
        const answer = await get(agent, url, headers);
        if (answer.status !== 200) failure = `${answer.status}: ${answer.body.slice(0, 200)}`;
      } catch (error) {
        failure = (error as Error).message;
      }
      if (sent < measureFrom) continue;
      if (failure) {
        errors += 1;
        firstError ??= failure;
      } else {
        latencies.push(performance.now() - sent);
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: options.concurrency }, client));
  } finally {
    marks.forEach(clearTimeout);
    endMeasured();
    agent.destroy();
  }
  const requests = latencies.length + errors;
  return { requests, errors, perSecond: latencies.length / (options.durationMs / 1000), latencyMs: summarize(latencies), firstError };
}

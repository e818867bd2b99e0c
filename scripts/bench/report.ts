import type { PhaseRecorder } from './drive';
import type { ProcessUsage } from './process-sampler';
import { ratio, round, roundSummary, summarize, type Summary } from './stats';
import type { ObservedCampaign, ObservedCounts } from './temporal';

const MiB = 1024 * 1024;

export interface ProcessReport {
  pid: number;
  samples: number;
  rssMiB: { first: number | null; peak: number | null; mean: number | null; last: number | null };
  cpuSeconds: number | null;
}

export interface PhaseResult {
  driver: string;
  lifecycles: { attempted: number; completed: number; failed: number };
  failures: { index: number; error: string }[];
  wallSeconds: number;
  throughputPerSecond: number | null;
  lifecycleSeconds: Summary;
  updateRoundTripMs: Summary;
  updateRoundTripMsByName: Record<string, Summary>;
  startRoundTripMs: Summary;
  polls: { count: number; perLifecycle: number | null; roundTripMs: Summary };
  /** Every call the driver made: HTTP requests (real) or Temporal client calls (baseline), retries included. */
  requests: { count: number; perLifecycle: number | null };
  retries: number;
  retryReasons: string[];
  processes: Record<string, ProcessReport>;
  /** The whole machine's CPU over the phase (Linux), the benchmark process's own, and what no sampled process used. */
  machineCpu: { busySeconds: number | null; benchmarkSeconds: number | null; otherSeconds: number | null } | null;
  /** Collaboration + payout workflow histories, per lifecycle. */
  observedPerLifecycle: ObservedCounts | null;
  /** The campaign workflow's history, whole and per collaboration. */
  observedCampaign: ObservedCampaign | null;
  /** Means per lifecycle including the campaign's share: what the table shows. */
  observedTotalPerLifecycle: { updates: number | null; activities: number | null; timers: number | null; childWorkflows: number | null; signals: number | null };
}

function processReport(usage: ProcessUsage): ProcessReport {
  const mib = (bytes: number | null) => (bytes === null ? null : round(bytes / MiB, 1));
  return {
    pid: usage.pid,
    samples: usage.samples,
    rssMiB: { first: mib(usage.rssBytes.first), peak: mib(usage.rssBytes.peak), mean: mib(usage.rssBytes.mean), last: mib(usage.rssBytes.last) },
    cpuSeconds: round(usage.cpuSeconds, 2),
  };
}

export function phaseResult(
  driver: string,
  attempted: number,
  recorder: PhaseRecorder,
  wallMs: number,
  usage: Record<string, ProcessUsage>,
  observed: ObservedCounts | null,
  campaign: ObservedCampaign | null,
  machine: { busySeconds: number; benchmarkSeconds: number } | null = null,
): PhaseResult {
  const byName: Record<string, number[]> = {};
  for (const { name, ms } of recorder.updates) (byName[name] ??= []).push(ms);
  const completed = recorder.lifecycles.length;
  return {
    driver,
    lifecycles: { attempted, completed, failed: recorder.failures.length },
    failures: recorder.failures.slice(0, 20),
    wallSeconds: round(wallMs / 1000, 3)!,
    throughputPerSecond: round(completed / (wallMs / 1000), 4),
    lifecycleSeconds: roundSummary(summarize(recorder.lifecycles.map((ms) => ms / 1000))),
    updateRoundTripMs: roundSummary(summarize(recorder.updates.map((u) => u.ms)), 2),
    updateRoundTripMsByName: Object.fromEntries(Object.entries(byName).map(([name, values]) => [name, roundSummary(summarize(values), 2)])),
    startRoundTripMs: roundSummary(summarize(recorder.starts), 2),
    polls: {
      count: recorder.polls.length,
      perLifecycle: attempted ? round(recorder.polls.length / attempted, 2) : null,
      roundTripMs: roundSummary(summarize(recorder.polls), 2),
    },
    requests: {
      count: recorder.starts.length + recorder.updates.length + recorder.polls.length + recorder.retries,
      perLifecycle: attempted ? round((recorder.starts.length + recorder.updates.length + recorder.polls.length + recorder.retries) / attempted, 2) : null,
    },
    retries: recorder.retries,
    retryReasons: recorder.retryReasons,
    processes: Object.fromEntries(Object.entries(usage).map(([name, u]) => [name, processReport(u)])),
    machineCpu: machine
      ? {
          busySeconds: round(machine.busySeconds, 1),
          benchmarkSeconds: round(machine.benchmarkSeconds, 1),
          // What no sampled process used: PostgreSQL above all (on DATABASE_URL's server or embedded), and the rest of the machine.
          otherSeconds: round(machine.busySeconds - machine.benchmarkSeconds - Object.values(usage).reduce((sum, u) => sum + (u.cpuSeconds ?? 0), 0), 1),
        }
      : null,
    observedPerLifecycle: observed,
    observedCampaign: campaign,
    observedTotalPerLifecycle: {
      updates: totalMean(observed, campaign, 'updatesAccepted'),
      activities: totalMean(observed, campaign, 'activitiesScheduled'),
      timers: totalMean(observed, campaign, 'timersStarted'),
      childWorkflows: totalMean(observed, campaign, 'childWorkflowsStarted'),
      signals: totalMean(observed, campaign, 'signalsSent'),
    },
  };
}

function totalMean(observed: ObservedCounts | null, campaign: ObservedCampaign | null, key: keyof ObservedCounts['perLifecycle']): number | null {
  const mean = observed?.perLifecycle[key].mean;
  if (mean === null || mean === undefined) return null;
  return round(mean + (campaign?.perBooking[key] ?? 0), 2);
}

export interface Ratios {
  throughput: number | null;
  updateP50: number | null;
  updateP95: number | null;
  updateP99: number | null;
  lifecycleP50: number | null;
  workerRssPeak: number | null;
  workerRssMean: number | null;
  workerCpuSeconds: number | null;
}

/** real / baseline for each headline figure. */
export function ratios(real: PhaseResult, baseline: PhaseResult): Ratios {
  const r = (a: number | null | undefined, b: number | null | undefined) => round(ratio(a, b), 3);
  return {
    throughput: r(real.throughputPerSecond, baseline.throughputPerSecond),
    updateP50: r(real.updateRoundTripMs.p50, baseline.updateRoundTripMs.p50),
    updateP95: r(real.updateRoundTripMs.p95, baseline.updateRoundTripMs.p95),
    updateP99: r(real.updateRoundTripMs.p99, baseline.updateRoundTripMs.p99),
    lifecycleP50: r(real.lifecycleSeconds.p50, baseline.lifecycleSeconds.p50),
    workerRssPeak: r(real.processes.worker?.rssMiB.peak, baseline.processes.worker?.rssMiB.peak),
    workerRssMean: r(real.processes.worker?.rssMiB.mean, baseline.processes.worker?.rssMiB.mean),
    workerCpuSeconds: r(real.processes.worker?.cpuSeconds, baseline.processes.worker?.cpuSeconds),
  };
}

const fmt = (value: number | null | undefined, decimals = 1) => (value === null || value === undefined ? '—' : value.toFixed(decimals));

/** The readable table printed at the end of a run. */
export function formatSummary(
  header: string[],
  real: PhaseResult | undefined,
  baseline: PhaseResult | undefined,
  ratio: Ratios | undefined,
): string {
  const rows: [string, (p: PhaseResult) => string, keyof Ratios | null][] = [
    ['lifecycles completed / attempted', (p) => `${p.lifecycles.completed} / ${p.lifecycles.attempted}`, null],
    ['wall time (s)', (p) => fmt(p.wallSeconds, 1), null],
    ['throughput (lifecycles/s)', (p) => fmt(p.throughputPerSecond, 3), 'throughput'],
    ['update round trip p50 (ms)', (p) => fmt(p.updateRoundTripMs.p50), 'updateP50'],
    ['update round trip p95 (ms)', (p) => fmt(p.updateRoundTripMs.p95), 'updateP95'],
    ['update round trip p99 (ms)', (p) => fmt(p.updateRoundTripMs.p99), 'updateP99'],
    ['updates measured', (p) => String(p.updateRoundTripMs.count), null],
    ['lifecycle p50 (s)', (p) => fmt(p.lifecycleSeconds.p50, 2), 'lifecycleP50'],
    ['lifecycle p95 (s)', (p) => fmt(p.lifecycleSeconds.p95, 2), null],
    ['start round trip p50 (ms)', (p) => fmt(p.startRoundTripMs.p50), null],
    ['requests per lifecycle (of which polls)', (p) => `${fmt(p.requests.perLifecycle, 1)} (${fmt(p.polls.perLifecycle, 1)})`, null],
    ['worker RSS peak (MiB)', (p) => fmt(p.processes.worker?.rssMiB.peak), 'workerRssPeak'],
    ['worker RSS mean (MiB)', (p) => fmt(p.processes.worker?.rssMiB.mean), 'workerRssMean'],
    ['worker CPU (s)', (p) => fmt(p.processes.worker?.cpuSeconds, 1), 'workerCpuSeconds'],
    ['API CPU (s)', (p) => fmt(p.processes.api?.cpuSeconds, 1), null],
    ['API CPU per request (ms)', (p) => (p.processes.api?.cpuSeconds != null && p.requests.count ? fmt((p.processes.api.cpuSeconds * 1000) / p.requests.count, 0) : '—'), null],
    ['Temporal dev server CPU (s)', (p) => fmt(p.processes.temporal?.cpuSeconds, 1), null],
    ['benchmark driver CPU (s)', (p) => fmt(p.machineCpu?.benchmarkSeconds, 1), null],
    ['other CPU: PostgreSQL, … (s)', (p) => fmt(p.machineCpu?.otherSeconds, 1), null],
    ['machine CPU busy (s, both cores)', (p) => fmt(p.machineCpu?.busySeconds, 1), null],
    ['history: updates / lifecycle', (p) => fmt(p.observedTotalPerLifecycle.updates, 1), null],
    ['history: activities / lifecycle', (p) => fmt(p.observedTotalPerLifecycle.activities, 1), null],
    ['history: timers / lifecycle', (p) => fmt(p.observedTotalPerLifecycle.timers, 1), null],
    ['history: child workflows, signals', (p) => `${fmt(p.observedTotalPerLifecycle.childWorkflows, 1)}, ${fmt(p.observedTotalPerLifecycle.signals, 1)}`, null],
    ['retries (server pushed back)', (p) => String(p.retries), null],
  ];
  const widths = [38, 18, 18, 14];
  const line = (cells: string[]) => cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('');
  const out = [...header, '', line(['', 'real (API)', 'baseline', 'real/baseline']), '-'.repeat(widths.reduce((a, b) => a + b, 0))];
  for (const [label, value, ratioKey] of rows) {
    out.push(line([label, real ? value(real) : '—', baseline ? value(baseline) : '—', ratio && ratioKey ? fmt(ratio[ratioKey], 2) : '']));
  }
  for (const [name, phase] of [['real', real], ['baseline', baseline]] as const) {
    if (phase?.failures.length) out.push('', `${name}: ${phase.lifecycles.failed} lifecycle(s) failed, e.g. ${phase.failures[0].error}`);
  }
  return out.join('\n');
}

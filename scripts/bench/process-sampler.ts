import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';

/** Resident set size of a process in bytes (Linux: /proc/<pid>/status VmRSS; elsewhere `ps`), or null once it is gone. */
export function readRssBytes(pid: number): number | null {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = /^VmRSS:\s+(\d+)\s+kB$/m.exec(status);
    if (match) return Number(match[1]) * 1024;
  } catch {
    // not Linux, or the process has exited
  }
  try {
    const kb = Number(execFileSync('ps', ['-o', 'rss=', '-p', String(pid)], { encoding: 'utf8' }).trim());
    return Number.isFinite(kb) && kb > 0 ? kb * 1024 : null;
  } catch {
    return null;
  }
}

let clockTicks: number | undefined;

/** Clock ticks per second of /proc/<pid>/stat (`getconf CLK_TCK`; 100 on practically every Linux). */
function ticksPerSecond(): number {
  if (clockTicks === undefined) {
    try {
      clockTicks = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    } catch {
      clockTicks = 100;
    }
  }
  return clockTicks;
}

/**
 * CPU time (user + system, every thread of the process: the event loop, libuv's pool, the
 * Temporal core's threads) used so far, in seconds, from /proc/<pid>/stat. Null where there is
 * no /proc or the process has exited.
 */
export function readCpuSeconds(pid: number): number | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // After "pid (comm) ": state is field 3; utime and stime are fields 14 and 15 (1-based).
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    return Number.isFinite(ticks) ? ticks / ticksPerSecond() : null;
  } catch {
    return null;
  }
}

/**
 * The whole machine's CPU time so far, in seconds summed over its cores (Linux: /proc/stat's first
 * line): `busy` is everything but idle and I/O wait. Null where there is no /proc.
 */
export function readMachineCpuSeconds(): { busy: number; total: number } | null {
  try {
    const [line] = fs.readFileSync('/proc/stat', 'utf8').split('\n');
    const ticks = line.trim().split(/\s+/).slice(1, 9).map(Number);
    const total = ticks.reduce((sum, value) => sum + value, 0);
    const idle = ticks[3] + ticks[4];
    return { busy: (total - idle) / ticksPerSecond(), total: total / ticksPerSecond() };
  } catch {
    return null;
  }
}

export interface ProcessUsage {
  pid: number;
  samples: number;
  rssBytes: { first: number | null; peak: number | null; mean: number | null; last: number | null };
  /** CPU seconds used between the start and the end of sampling. */
  cpuSeconds: number | null;
}

export interface Sampler {
  stop(): Record<string, ProcessUsage>;
}

/** Samples RSS (and CPU at start and end) of the named processes every `intervalMs` until stopped. */
export function sampleProcesses(pids: Record<string, number | undefined>, intervalMs: number): Sampler {
  const state = Object.entries(pids)
    .filter((entry): entry is [string, number] => typeof entry[1] === 'number')
    .map(([name, pid]) => ({ name, pid, rss: [] as number[], cpuStart: readCpuSeconds(pid) }));
  const sample = () => {
    for (const entry of state) {
      const rss = readRssBytes(entry.pid);
      if (rss !== null) entry.rss.push(rss);
    }
  };
  sample();
  const timer = setInterval(sample, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      sample();
      const usage: Record<string, ProcessUsage> = {};
      for (const entry of state) {
        const cpuEnd = readCpuSeconds(entry.pid);
        const n = entry.rss.length;
        usage[entry.name] = {
          pid: entry.pid,
          samples: n,
          rssBytes: {
            first: n ? entry.rss[0] : null,
            peak: n ? Math.max(...entry.rss) : null,
            mean: n ? entry.rss.reduce((sum, v) => sum + v, 0) / n : null,
            last: n ? entry.rss[n - 1] : null,
          },
          cpuSeconds: cpuEnd !== null && entry.cpuStart !== null ? cpuEnd - entry.cpuStart : null,
        };
      }
      return usage;
    },
  };
}

import type { RunningSystem } from './system';

export type LogLine = Record<string, unknown> & { level?: string; msg?: string; requestId?: string; service?: string };

/**
 * The API's and the worker's output as JSON log lines. Each output chunk is prefixed with its
 * process name (scripts/lib/app-processes.ts) and chunks end at line ends, since each line is one
 * write; a line that is not JSON is returned as `{ unparsed }`, for a test to refuse (start the
 * system with a `logLimit` that keeps all the output, or the first line may be cut).
 */
export function logLines(system: Pick<RunningSystem, 'logs'>): LogLine[] {
  return system
    .logs()
    .split('\n')
    .map((line) => line.replace(/^\[(api|worker)\] /, ''))
    .filter((line) => line.trim() !== '')
    .map((line): LogLine => {
      try {
        const parsed: unknown = JSON.parse(line);
        return parsed && typeof parsed === 'object' ? (parsed as LogLine) : { unparsed: line };
      } catch {
        return { unparsed: line };
      }
    });
}

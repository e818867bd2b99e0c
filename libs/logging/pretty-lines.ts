import type { DestinationStream } from 'pino';

const HIDDEN = new Set(['level', 'time', 'msg', 'context', 'service', 'pid', 'hostname']);

/**
 * LOG_FORMAT=pretty: the same lines (redacted alike) as one readable line each for a person at a
 * terminal, `HH:MM:SS.mmm LEVEL [context] message key=value …`. Without a pino-pretty dependency:
 * the JSON is pino's own, so reading it back is all there is to do.
 */
export function prettyLines(out: { write(text: string): unknown }): DestinationStream {
  return {
    write(line: string) {
      let entry: Record<string, unknown>;
      try {
        entry = JSON.parse(line) as Record<string, unknown>;
      } catch {
        out.write(line);
        return;
      }
      out.write(`${formatEntry(entry)}\n`);
    },
  };
}

export function formatEntry(entry: Record<string, unknown>): string {
  const time = typeof entry.time === 'string' ? entry.time.slice(11, 23) : '';
  const level = String(entry.level ?? '').toUpperCase().padEnd(5);
  const context = entry.context ? ` [${String(entry.context)}]` : '';
  const rest = Object.entries(entry)
    .filter(([key]) => !HIDDEN.has(key))
    .map(([key, value]) => `${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`);
  return [`${time} ${level}${context} ${String(entry.msg ?? '')}`, ...rest].join(' ');
}

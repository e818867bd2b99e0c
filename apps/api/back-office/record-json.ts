import type { ActionResponse, RecordJSON } from './adminjs-types';
import { keepOnly, Params, withoutParams } from './request-guards';

/**
 * What the panel does to the records it sends and receives, whatever their type: secrets
 * stripped, field-level differences for the audit log, JSON columns shown as text.
 */

/** Properties no panel response may ever carry, whatever a resource's options say. */
export const NEVER_SHOWN = ['passwordHash', 'payoutReference', 'secretSealed'] as const;

export function unique(...lists: (readonly string[] | undefined)[]): string[] {
  return [...new Set(lists.flatMap((list) => list ?? []))];
}

function scrubRecord(record: RecordJSON | undefined): void {
  if (!record) return;
  record.params = withoutParams(record.params, NEVER_SHOWN);
  for (const populated of Object.values(record.populated ?? {})) scrubRecord(populated as RecordJSON | undefined);
}

/** After hook: strips secrets from every record a response carries. */
export function scrubResponse<T extends ActionResponse>(response: T): T {
  scrubRecord(response.record as RecordJSON | undefined);
  for (const record of (response.records as RecordJSON[] | undefined) ?? []) scrubRecord(record);
  return response;
}

export function pick(params: Params | undefined, keys: readonly string[]): Params {
  return keepOnly(params, keys);
}

/** Field-level differences between two flattened param sets, limited to `keys`. */
export function changes(before: Params, after: Params, keys: readonly string[]): { before: Params; after: Params } | null {
  const b = pick(before, keys);
  const a = pick(after, keys);
  const changed = unique(Object.keys(b), Object.keys(a)).filter((key) => JSON.stringify(b[key] ?? null) !== JSON.stringify(a[key] ?? null));
  if (changed.length === 0) return null;
  return {
    before: Object.fromEntries(changed.map((key) => [key, b[key] ?? null])),
    after: Object.fromEntries(changed.map((key) => [key, a[key] ?? null])),
  };
}

function formatLeaf(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') return Object.keys(value).length === 0 ? '' : JSON.stringify(value);
  return String(value);
}

/**
 * Folds the flattened params of JSON columns ("deadlines.briefAckReminder": "...") into one
 * text param per column, one "key: value" line per leaf.
 */
export function structuredAsText(params: Params, paths: readonly string[]): Params {
  const result: Params = { ...params };
  for (const path of paths) {
    const lines: string[] = [];
    for (const [key, value] of Object.entries(params)) {
      if (key === path) {
        const text = formatLeaf(value);
        if (text) lines.push(text);
        delete result[key];
      } else if (key.startsWith(`${path}.`)) {
        lines.push(`${key.slice(path.length + 1)}: ${formatLeaf(value)}`);
        delete result[key];
      }
    }
    result[path] = lines.join('\n');
  }
  return result;
}

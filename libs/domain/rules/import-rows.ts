/**
 * What the imports (docs/imports.md) share: reading a header row, naming what is wrong with a
 * cell, and the plain values (dates, counts) every format has.
 */

/** What is wrong with one row: the column (as the file names it), or null for the row as a whole. */
export interface CellProblem {
  column: string | null;
  message: string;
}

export interface HeaderSpec<K extends string> {
  /** Every canonical column name the format knows. */
  known: readonly K[];
  /** Columns the header must have. */
  required: readonly K[];
  /** Groups of which the header must have at least one (post_url or deliverable_id). */
  atLeastOne?: readonly (readonly K[])[];
}

export type ColumnPositions<K extends string> = Partial<Record<K, number>>;

/**
 * Where each column is, matched case-insensitively and trimmed (a byte-order mark is the CSV
 * reader's business). Unknown, duplicated and missing columns are all reported at once, each
 * naming the column: a misspelt optional column would otherwise be dropped without a word.
 */
export function mapHeader<K extends string>(header: readonly string[], spec: HeaderSpec<K>): { columns: ColumnPositions<K>; problems: CellProblem[] } {
  const columns: ColumnPositions<K> = {};
  const problems: CellProblem[] = [];
  const known = new Set<string>(spec.known);
  const unknown: string[] = [];
  header.forEach((raw, index) => {
    const name = raw.trim().toLowerCase();
    if (name === '') {
      problems.push({ column: null, message: `column ${index + 1} has no name` });
    } else if (!known.has(name)) {
      unknown.push(raw.trim());
    } else if (columns[name as K] !== undefined) {
      problems.push({ column: raw.trim(), message: `column "${name}" appears twice` });
    } else {
      columns[name as K] = index;
    }
  });
  if (unknown.length > 0) {
    // One problem for all of them: a file of another shape would otherwise repeat the list 30 times.
    const names = unknown.map((name) => `"${name}"`).join(', ');
    problems.unshift({ column: unknown[0], message: `unknown column${unknown.length > 1 ? 's' : ''} ${names}; the columns are ${spec.known.join(', ')}` });
  }
  for (const name of spec.required) {
    if (columns[name] === undefined) problems.push({ column: name, message: `the header has no "${name}" column` });
  }
  for (const group of spec.atLeastOne ?? []) {
    if (group.every((name) => columns[name] === undefined)) {
      problems.push({ column: group[0], message: `the header needs one of the columns ${group.join(', ')}` });
    }
  }
  return { columns, problems };
}

/** The trimmed cell of a column, '' when the file has no such column. */
export function cellOf<K extends string>(cells: readonly string[], columns: ColumnPositions<K>, name: K): string {
  const index = columns[name];
  return index === undefined ? '' : (cells[index] ?? '').trim();
}

/** True for a real calendar date written YYYY-MM-DD (no 2026-02-30). */
export function isCalendarDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** The largest count a PostgreSQL integer column holds. */
export const MAX_COUNT = 2_147_483_647;

/** A non-negative whole number written with digits only, or why not. */
export function readCount(text: string): { ok: true; count: number } | { ok: false; problem: string } {
  if (text === '') return { ok: false, problem: 'a whole number is required' };
  if (/^-\d/.test(text)) return { ok: false, problem: `"${text}" is negative; counts are never below zero` };
  if (!/^\d+$/.test(text)) return { ok: false, problem: `"${text}" is not a whole number (digits only)` };
  const count = Number(text);
  if (count > MAX_COUNT) return { ok: false, problem: `"${text}" is larger than ${MAX_COUNT}` };
  return { ok: true, count };
}

/** A row whose cells are all blank (",,,," lines that spreadsheets leave at the end): skipped, not an error. */
export function isBlankRow(cells: readonly string[]): boolean {
  return cells.every((cell) => cell.trim() === '');
}

/** What an import brings in (one `imports` row per file). */
export enum ImportKind {
  CreatorSales = 'creator_sales',
  PostPerformance = 'post_performance',
}

/** How an import ended: every row stored, only the good ones (`?partial=true`), or nothing (a bad row, all-or-nothing). */
export enum ImportOutcome {
  Stored = 'stored',
  PartiallyStored = 'partially_stored',
  Refused = 'refused',
}

/** The canonical format's name in the imports list; saved mappings have their own (tiktok-shop.ts). */
export const CANONICAL_FORMAT = 'canonical';

import { cellOf, readCount, type CellProblem, type ColumnPositions, type HeaderSpec } from './import-rows';
import { readCurrency, toMinorUnits } from './minor-units';
import { netMerchandiseValue } from './nmv';

/**
 * A post's numbers at one moment, as a platform or a brand reports them (docs/imports.md#post-performance).
 * They feed post-level figures (engagement, conversion, post NMV) and the MEASURING captures;
 * creator and team NMV come from creator sales, never from these.
 */

export const COUNT_COLUMNS = ['views', 'reach', 'likes', 'comments', 'shares', 'saves', 'clicks', 'orders'] as const;
export const MONEY_COLUMNS = ['gmv', 'returns', 'cancellations'] as const;
export const POST_PERFORMANCE_COLUMNS = ['post_url', 'deliverable_id', 'captured_at', ...COUNT_COLUMNS, ...MONEY_COLUMNS, 'currency'] as const;
export type PostPerformanceColumn = (typeof POST_PERFORMANCE_COLUMNS)[number];

export const POST_PERFORMANCE_HEADER: HeaderSpec<PostPerformanceColumn> = {
  known: POST_PERFORMANCE_COLUMNS,
  required: ['captured_at'],
  atLeastOne: [['post_url', 'deliverable_id']],
};

export type Counts = Record<(typeof COUNT_COLUMNS)[number], number | null>;

/** One checked row: which post (still as written), when, and the numbers; null where not reported. */
export interface PostPerformanceRow extends Counts {
  /** As compared with deliverables' live URLs (postUrlKey). */
  postUrl: string | null;
  deliverableId: string | null;
  capturedAt: Date;
  gmvMinor: number | null;
  returnsMinor: number | null;
  cancellationsMinor: number | null;
  /** Derived: GMV − returns − cancellations; never read from the file. */
  nmvMinor: number | null;
  currency: string | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(text: string): boolean {
  return UUID.test(text);
}

/**
 * A post's address as compared with a deliverable's live URL: trimmed, without a trailing
 * slash, the scheme and host lower-case (hosts are case-insensitive; paths are not: on most
 * platforms the post id in the path is case-sensitive). Null when it is not an http(s) URL.
 */
export function postUrlKey(text: string): string | null {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  const path = url.pathname.replace(/\/+$/, '');
  return `${url.protocol}//${url.host.toLowerCase()}${path}${url.search}${url.hash}`;
}

/**
 * A moment written ISO 8601 (2026-09-02T10:00:00Z, 2026-09-02 17:00:00+07:00). Without an
 * offset it is UTC, as a bare date is 00:00 UTC that day: exports from platform APIs write UTC,
 * and a rule that guessed the importer's time zone would move readings between machines.
 */
export function readMoment(text: string): { ok: true; at: Date } | { ok: false; problem: string } {
  if (text === '') return { ok: false, problem: 'captured_at (when the numbers were read) is required' };
  const match = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?)(Z|[+-]\d{2}:?\d{2})?)?$/i.exec(text);
  if (!match) return { ok: false, problem: `"${text}" is not a time written ISO 8601 (2026-09-02T10:00:00Z)` };
  const [, day, time, offset] = match;
  const at = new Date(`${day}T${time ?? '00:00'}${offset ? offset.toUpperCase() : 'Z'}`);
  if (Number.isNaN(at.getTime()) || !realDay(day)) return { ok: false, problem: `"${text}" is not a real date` };
  return { ok: true, at };
}

function realDay(text: string): boolean {
  const [year, month, day] = text.split('-').map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Reads one row; every problem of the row is reported, not only the first. */
export function readPostPerformance(cells: readonly string[], columns: ColumnPositions<PostPerformanceColumn>): { row?: PostPerformanceRow; problems: CellProblem[] } {
  const problems: CellProblem[] = [];
  const cell = (name: PostPerformanceColumn) => cellOf(cells, columns, name);

  const deliverableId = cell('deliverable_id');
  const urlText = cell('post_url');
  const postUrl = urlText === '' ? null : postUrlKey(urlText);
  if (deliverableId === '' && urlText === '') problems.push({ column: null, message: 'name the post: a post_url or a deliverable_id' });
  if (deliverableId !== '' && !isUuid(deliverableId)) problems.push({ column: 'deliverable_id', message: `"${deliverableId}" is not a deliverable id` });
  if (urlText !== '' && !postUrl) problems.push({ column: 'post_url', message: `"${urlText}" is not an http(s) link` });

  const moment = readMoment(cell('captured_at'));
  if (!moment.ok) problems.push({ column: 'captured_at', message: moment.problem });

  const counts = {} as Counts;
  for (const name of COUNT_COLUMNS) {
    const text = cell(name);
    counts[name] = null;
    if (text === '') continue;
    const count = readCount(text);
    if (count.ok) counts[name] = count.count;
    else problems.push({ column: name, message: count.problem });
  }

  const moneyGiven = MONEY_COLUMNS.filter((name) => cell(name) !== '');
  const currencyText = cell('currency');
  const currency = currencyText === '' ? null : readCurrency(currencyText);
  if (currency && !currency.ok) problems.push({ column: 'currency', message: currency.problem });
  if (moneyGiven.length > 0 && !currency) problems.push({ column: 'currency', message: `${moneyGiven.join(', ')} given without a currency` });
  const amounts: Record<(typeof MONEY_COLUMNS)[number], number | null> = { gmv: null, returns: null, cancellations: null };
  if (currency?.ok) {
    for (const name of moneyGiven) {
      const amount = toMinorUnits(cell(name), currency.currency);
      if (amount.ok) amounts[name] = amount.minor;
      else problems.push({ column: name, message: amount.problem });
    }
  }

  if (moneyGiven.length === 0 && COUNT_COLUMNS.every((name) => cell(name) === '')) {
    problems.push({ column: null, message: 'the row has no numbers: give at least one of views, reach, likes, comments, shares, saves, clicks, orders, gmv, returns, cancellations' });
  }

  if (problems.length > 0 || !moment.ok) return { problems };
  return {
    problems,
    row: {
      postUrl,
      deliverableId: deliverableId === '' ? null : deliverableId.toLowerCase(),
      capturedAt: moment.at,
      ...counts,
      gmvMinor: amounts.gmv,
      returnsMinor: amounts.returns,
      cancellationsMinor: amounts.cancellations,
      nmvMinor: netMerchandiseValue({ gmvMinor: amounts.gmv, returnsMinor: amounts.returns, cancellationsMinor: amounts.cancellations }),
      currency: currency?.ok ? currency.currency : null,
    },
  };
}

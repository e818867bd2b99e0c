import { formatMoney } from './money-format';
import { growth, type MoneyByCurrency } from './metrics';

/** A creator of the team in the month: the inputs of the ranking. */
export interface CreatorLine {
  id: string;
  name: string;
  owner: string;
  nmv: MoneyByCurrency;
  previousNmv: MoneyByCurrency;
  posts: number;
  escalations: number;
  /** Filled in by the ranking: why the creator is at the top or the bottom. */
  reasons?: string[];
}

const percent = (value: number) => `${Math.round(value * 1000) / 10} %`;

/** Why a creator ranks where they do, in the ranking's currency. */
export function creatorReasons(line: CreatorLine, currency: string | null): string[] {
  const reasons: string[] = [];
  const nmv = currency ? line.nmv[currency] : undefined;
  const before = currency ? line.previousNmv[currency] : undefined;
  if (currency === null || nmv === undefined) reasons.push('no settled sales this month');
  else reasons.push(`NMV ${formatMoney(nmv, currency)}`);
  if (currency !== null && nmv !== undefined && before !== undefined) {
    const change = growth(nmv, before);
    if (change !== null) reasons.push(`${change >= 0 ? 'up' : 'down'} ${percent(Math.abs(change))} on last month`);
  } else if (currency !== null && nmv !== undefined) {
    reasons.push('first sales this month');
  }
  reasons.push(line.posts === 1 ? '1 post live' : `${line.posts} posts live`);
  if (line.escalations > 0) reasons.push(line.escalations === 1 ? '1 escalation' : `${line.escalations} escalations`);
  return reasons;
}

/**
 * The top and bottom creators by NMV in `currency` (no sales counts as the bottom), up to
 * `count` each and never the same creator in both; ties by name, so the order is stable.
 */
export function rankCreators(lines: readonly CreatorLine[], currency: string | null, count = 3): { top: CreatorLine[]; bottom: CreatorLine[] } {
  const value = (line: CreatorLine) => (currency ? (line.nmv[currency] ?? Number.NEGATIVE_INFINITY) : Number.NEGATIVE_INFINITY);
  const byName = (a: CreatorLine, b: CreatorLine) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
  const sorted = [...lines].sort((a, b) => value(b) - value(a) || byName(a, b));
  const withReasons = (line: CreatorLine) => ({ ...line, reasons: creatorReasons(line, currency) });
  const top = sorted.slice(0, Math.min(count, Math.ceil(sorted.length / 2))).filter((line) => value(line) > Number.NEGATIVE_INFINITY);
  const bottom = sorted
    .slice(top.length)
    .reverse()
    .slice(0, count);
  return { top: top.map(withReasons), bottom: bottom.map(withReasons) };
}

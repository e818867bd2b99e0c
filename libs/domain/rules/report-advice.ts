import type { KpiRow } from './kpi-board';
import { TargetMetric } from './lifecycle';

/**
 * The improvement areas of a monthly team report: every KPI that missed its target, or (with
 * no target) got worse than the month before, with the action that usually moves it. A rule
 * per KPI, so the report says what to do, not only what happened.
 */

export interface ImprovementArea {
  kpi: TargetMetric;
  /** What is wrong, with the numbers. */
  finding: string;
  /** What to do about it. */
  action: string;
}

const ACTIONS: Record<TargetMetric, string> = {
  [TargetMetric.OnTimeDeliveryRate]: 'Confirm each post date with the creator a week ahead and remind them 48 hours before; move dates early rather than miss them.',
  [TargetMetric.Nmv]: 'Brief the bottom creators on the products that sell, add affiliate links to every post, and book the top sellers again.',
  [TargetMetric.NmvGrowth]: 'Look at which creators fell from last month and why (fewer posts, weaker offers); plan the next month around the ones that grew.',
  [TargetMetric.Revenue]: 'Fill the pipeline: propose the roster to the brands with open briefs, starting with repeat partners.',
  [TargetMetric.Margin]: 'Negotiate fees against the margin floor before accepting; escalate exceptions early instead of absorbing them.',
  [TargetMetric.CreatorRetention]: 'Re-book last month\'s creators who performed; ask the others why they did not work with you again.',
  [TargetMetric.RosterChurn]: 'Talk to creators before they leave: pay on time, share results, offer the next brief.',
  [TargetMetric.Satisfaction]: 'Call the creators who rated 3 or lower; fix what they name (payment speed, brief clarity) and tell them.',
  [TargetMetric.Escalations]: 'Review the escalations by kind and tighten the step that lapses most (brief acknowledgement, drafts, posting).',
  [TargetMetric.ResolvedLateShare]: 'Decide escalations the day they are raised; agree who covers when the manager is away.',
  [TargetMetric.ReworkRate]: 'Share the brand\'s guidelines and a sample caption before drafts; hold a short pre-brief call for new creators.',
  [TargetMetric.RepeatCollaborations]: 'Propose creators to the brands they already did well with; keep a shortlist per brand.',
};

const percent = (value: number) => `${Math.round(value * 1000) / 10} %`;

function describe(row: KpiRow, value: number | null): string {
  if (value === null) return 'not measurable';
  if (row.unit === 'share' || row.unit === 'growth') return percent(value);
  if (row.unit === 'money') return `${value} ${row.currency} minor units`;
  return String(Math.round(value * 100) / 100);
}

/** Improvement areas from this month's board and last month's (same scope). */
export function improvementAreas(current: readonly KpiRow[], previous: readonly KpiRow[]): ImprovementArea[] {
  const areas: ImprovementArea[] = [];
  for (const row of current) {
    const before = previous.find((p) => p.id === row.id && p.currency === row.currency);
    const label = row.currency ? `${row.name} (${row.currency})` : row.name;
    if (row.met === false) {
      areas.push({ kpi: row.id, finding: `${label} is ${describe(row, row.actual)} against a target of ${describe(row, row.target)}.`, action: ACTIONS[row.id] });
      continue;
    }
    if (row.target !== null || row.actual === null || before?.actual === null || before?.actual === undefined) continue;
    const worse = row.direction === 'higher' ? row.actual < before.actual : row.actual > before.actual;
    if (worse) {
      areas.push({ kpi: row.id, finding: `${label} went from ${describe(row, before.actual)} to ${describe(row, row.actual)} since last month.`, action: ACTIONS[row.id] });
    }
  }
  return areas;
}

import type { Direction, Share } from './kpis';
import { targetProgress } from './kpis';
import { TargetMetric } from './lifecycle';
import { growth, type MoneyByCurrency } from './metrics';
import { formatMoney } from './money-format';

/**
 * The KPI board: each team KPI's actual beside its target and the progress towards it
 * (docs/metrics.md#team-kpis). Pure: the actuals are measured by the caller with the
 * definitions in kpis.ts and metrics.ts; this lays them out and compares.
 */

export type KpiUnit = 'share' | 'money' | 'rating' | 'per_collaboration' | 'per_deliverable' | 'growth';

export interface KpiDefinition {
  id: TargetMetric;
  name: string;
  unit: KpiUnit;
  direction: Direction;
  /** One sentence: what is counted, over what. The full definition is in docs/metrics.md. */
  definition: string;
}

export const KPI_CATALOGUE: readonly KpiDefinition[] = [
  { id: TargetMetric.OnTimeDeliveryRate, name: 'On-time delivery', unit: 'share', direction: 'higher', definition: 'Posts live by their scheduled time ÷ posts with a scheduled time that went live in the period' },
  { id: TargetMetric.Nmv, name: 'NMV', unit: 'money', direction: 'higher', definition: 'GMV − returns − cancellations of settled creator sales in the period, per currency' },
  { id: TargetMetric.NmvGrowth, name: 'NMV growth', unit: 'growth', direction: 'higher', definition: "(This period's NMV − the previous period's) ÷ the previous period's, per currency" },
  { id: TargetMetric.Revenue, name: 'Revenue through managed talent', unit: 'money', direction: 'higher', definition: 'Brand price of the collaborations booked in the period, not dropped or cancelled' },
  { id: TargetMetric.Margin, name: 'Margin through managed talent', unit: 'money', direction: 'higher', definition: 'Brand price − creator fee of the same collaborations' },
  { id: TargetMetric.CreatorRetention, name: 'Creator retention', unit: 'share', direction: 'higher', definition: 'Creators booked in the previous period and again in this one ÷ creators booked in the previous period' },
  { id: TargetMetric.RosterChurn, name: 'Roster churn', unit: 'share', direction: 'lower', definition: 'Creators offboarded in the period ÷ creators on the roster at its start' },
  { id: TargetMetric.Satisfaction, name: 'Creator satisfaction', unit: 'rating', direction: 'higher', definition: 'Mean of the 1–5 ratings recorded in the period' },
  { id: TargetMetric.Escalations, name: 'Escalations per collaboration', unit: 'per_collaboration', direction: 'lower', definition: 'Escalations raised in the period ÷ collaborations active in it' },
  { id: TargetMetric.ResolvedLateShare, name: 'Escalations resolved late', unit: 'share', direction: 'lower', definition: 'Escalations closed as resolved late ÷ escalations resolved in the period' },
  { id: TargetMetric.ReworkRate, name: 'Rework', unit: 'per_deliverable', direction: 'lower', definition: 'Revision rounds ÷ deliverables approved in the period' },
  { id: TargetMetric.RepeatCollaborations, name: 'Repeat collaborations', unit: 'share', direction: 'higher', definition: 'Creator × brand pairs with two or more collaborations ÷ all pairs' },
];

/** What was measured for the scope and period, with the definitions in kpis.ts and metrics.ts. */
export interface KpiActuals {
  onTimeDelivery: Share;
  nmv: MoneyByCurrency;
  nmvPrevious: MoneyByCurrency;
  revenue: MoneyByCurrency;
  margin: MoneyByCurrency;
  creatorRetention: Share;
  rosterChurn: Share;
  satisfaction: { mean: number | null; ratings: number };
  escalations: { raised: number; collaborations: number; perCollaboration: number | null };
  resolvedLate: Share;
  rework: { rounds: number; deliverables: number; perDeliverable: number | null };
  repeatCollaborations: Share;
}

export interface KpiTarget {
  metric: string;
  value: number;
  currency: string | null;
}

export interface KpiRow {
  id: TargetMetric;
  name: string;
  unit: KpiUnit;
  direction: Direction;
  definition: string;
  /** Money and growth rows are per currency; null otherwise. */
  currency: string | null;
  actual: number | null;
  /** What the actual was computed from, in words ("12 of 15 posts"). */
  basis: string;
  target: number | null;
  progress: number | null;
  met: boolean | null;
}

const shareBasis = (share: Share, what: string): string => `${share.count} of ${share.of} ${what}`;

/** One row per KPI (per currency for money and growth), each with its target when one is set. */
export function kpiBoard(actuals: KpiActuals, targets: readonly KpiTarget[]): KpiRow[] {
  const rows: KpiRow[] = [];
  const targetOf = (metric: TargetMetric, currency: string | null = null) =>
    targets.find((t) => t.metric === metric && (currency === null || t.currency === currency)) ?? null;
  const push = (def: KpiDefinition, actual: number | null, basis: string, currency: string | null = null) => {
    const target = targetOf(def.id, currency);
    const { progress, met } = targetProgress(actual, target?.value ?? null, def.direction);
    rows.push({ id: def.id, name: def.name, unit: def.unit, direction: def.direction, definition: def.definition, currency, actual, basis, target: target?.value ?? null, progress, met });
  };
  /** Every currency that has an actual or a target, so a target in a currency with no sales still shows. */
  const currencies = (metric: TargetMetric, ...amounts: MoneyByCurrency[]) =>
    [...new Set([...amounts.flatMap((a) => Object.keys(a)), ...targets.filter((t) => t.metric === metric && t.currency).map((t) => t.currency!)])].sort();

  for (const def of KPI_CATALOGUE) {
    switch (def.id) {
      case TargetMetric.OnTimeDeliveryRate:
        push(def, actuals.onTimeDelivery.rate, shareBasis(actuals.onTimeDelivery, 'posts on time'));
        break;
      case TargetMetric.Nmv:
      case TargetMetric.Revenue:
      case TargetMetric.Margin: {
        const amounts = def.id === TargetMetric.Nmv ? actuals.nmv : def.id === TargetMetric.Revenue ? actuals.revenue : actuals.margin;
        for (const currency of currencies(def.id, amounts)) push(def, amounts[currency] ?? 0, `in ${currency}`, currency);
        break;
      }
      case TargetMetric.NmvGrowth:
        for (const currency of currencies(def.id, actuals.nmv, actuals.nmvPrevious)) {
          const previous = actuals.nmvPrevious[currency] ?? 0;
          push(def, growth(actuals.nmv[currency] ?? 0, previous), `from ${formatMoney(previous, currency)} to ${formatMoney(actuals.nmv[currency] ?? 0, currency)}`, currency);
        }
        break;
      case TargetMetric.CreatorRetention:
        push(def, actuals.creatorRetention.rate, shareBasis(actuals.creatorRetention, 'creators booked again'));
        break;
      case TargetMetric.RosterChurn:
        push(def, actuals.rosterChurn.rate, shareBasis(actuals.rosterChurn, 'creators offboarded'));
        break;
      case TargetMetric.Satisfaction:
        push(def, actuals.satisfaction.mean, `${actuals.satisfaction.ratings} rating${actuals.satisfaction.ratings === 1 ? '' : 's'}`);
        break;
      case TargetMetric.Escalations:
        push(def, actuals.escalations.perCollaboration, `${actuals.escalations.raised} escalations, ${actuals.escalations.collaborations} collaborations`);
        break;
      case TargetMetric.ResolvedLateShare:
        push(def, actuals.resolvedLate.rate, shareBasis(actuals.resolvedLate, 'resolved late'));
        break;
      case TargetMetric.ReworkRate:
        push(def, actuals.rework.perDeliverable, `${actuals.rework.rounds} revision rounds, ${actuals.rework.deliverables} deliverables approved`);
        break;
      case TargetMetric.RepeatCollaborations:
        push(def, actuals.repeatCollaborations.rate, shareBasis(actuals.repeatCollaborations, 'creator × brand pairs repeat'));
        break;
    }
  }
  return rows;
}

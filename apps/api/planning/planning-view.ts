import type { EntityForecast } from '../../../libs/domain/rules/forecast/entities';
import type { PlanningLevel, PlanningPeriodKind, QuarterPlan } from '../../../libs/domain/rules/planning';

/**
 * What GET /planning answers and the panel's Planning page draws (plain types: the server and
 * the page's component both import them). Amounts are minor units of the item's currency.
 */

/** A stored quarterly NMV target and who set it when. */
export interface PlanningTarget {
  targetId: string;
  valueMinor: number;
  /** Null for a target set before setters were recorded. */
  setBy: { id: string; name: string } | null;
  setAt: string;
}

export interface PlanningItem {
  /** The executive, or the team's manager. */
  id: string;
  name: string;
  currency: string;
  model: EntityForecast['model'];
  /** The rolling-origin back-test of the forecast at the plan's horizon (docs/metrics.md#forecast). */
  backtest: EntityForecast['backtest'];
  /** Each quarter of the period: forecast, 80 % bounds summed, the target the stretch proposes, the target set. */
  quarters: Array<QuarterPlan & { target: PlanningTarget | null }>;
  /** The quarters added; `targetMinor` only when every quarter has a target. */
  total: Omit<QuarterPlan, 'start' | 'label'> & { targetMinor: number | null };
}

export interface PlanningView {
  /** The forecast is made as at the end of this month (YYYY-MM). */
  asOf: string;
  period: { kind: PlanningPeriodKind; start: string; end: string; label: string };
  level: PlanningLevel;
  /** Months ahead of asOf the forecast reaches (the period's last month). */
  horizon: number;
  stretchPercent: number;
  items: PlanningItem[];
  definitions: string;
}

/** What POST /planning/targets answers. */
export interface TargetsSet {
  created: number;
  updated: number;
  /** Already at the value asked for: left as they were (who and when included). */
  unchanged: number;
  /** Ids asked for that have no forecast to start from. */
  skipped: Array<{ id: string; reason: string }>;
  /** The plan afterwards, with the targets as stored. */
  plan: PlanningView;
}

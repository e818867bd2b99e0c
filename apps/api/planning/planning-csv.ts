import { csvLine } from '../../../libs/domain/rules/csv-text';
import type { PlanningView } from './planning-view';

/**
 * The planning CSV (docs/metrics.md#planning): one line per executive or team, currency and
 * quarter of the period (a year has four), amounts in minor units. `proposedMinor` is the
 * forecast at the asked stretch; `targetMinor` the target stored, with who set it and when.
 */
export const PLANNING_CSV_COLUMNS = [
  'period', 'periodStart', 'level', 'id', 'name', 'currency', 'asOf', 'model', 'forecastMinor', 'lowMinor', 'highMinor', 'mase', 'naiveMase', 'meanOf3Mase',
  'stretchPercent', 'proposedMinor', 'targetMinor', 'setById', 'setBy', 'setAt',
] as const;

export function planningCsv(view: PlanningView): string {
  const lines = [csvLine(PLANNING_CSV_COLUMNS)];
  for (const item of view.items) {
    for (const quarter of item.quarters) {
      lines.push(
        csvLine([
          'quarter', quarter.start, view.level, item.id, item.name, item.currency, view.asOf, item.model,
          quarter.forecastMinor, quarter.lowMinor, quarter.highMinor, item.backtest.mase, item.backtest.naiveMase, item.backtest.meanOf3Mase,
          view.stretchPercent, quarter.proposedMinor, quarter.target?.valueMinor ?? null, quarter.target?.setBy?.id ?? null, quarter.target?.setBy?.name ?? null, quarter.target?.setAt ?? null,
        ]),
      );
    }
  }
  return `${lines.join('\r\n')}\r\n`;
}

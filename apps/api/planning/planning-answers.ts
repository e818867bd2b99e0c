import { PLANNING_LEVELS, PLANNING_PERIOD_KINDS } from '../../../libs/domain/rules/planning';
import { day, instant, integer, list, nullable, number, object, oneOf, text, uuid } from '../common/answer-schemas';
import { BACKTEST } from '../forecasts/forecast-answers';

const RANGE = { forecastMinor: integer(), lowMinor: integer('The months\' 80 % lower bounds, summed'), highMinor: integer(), proposedMinor: integer('forecast + stretchPercent') };
const TARGET = object({ targetId: uuid(), valueMinor: integer(), setBy: nullable(object({ id: uuid(), name: text() })), setAt: instant() });

/** GET /planning (docs/metrics.md#planning); amounts in minor units of each item's currency. */
export const PLANNING_VIEW = object({
  asOf: text('The forecast is made as at the end of this month (YYYY-MM)'),
  period: object({ kind: oneOf(PLANNING_PERIOD_KINDS), start: day(), end: day(), label: text() }),
  level: oneOf(PLANNING_LEVELS),
  horizon: integer(),
  stretchPercent: number(),
  items: list(
    object({
      id: uuid('The executive, or the team\'s manager'),
      name: text(),
      currency: text(),
      model: text(),
      backtest: BACKTEST,
      quarters: list(object({ start: day(), label: text(), ...RANGE, target: nullable(TARGET) })),
      total: object({ ...RANGE, targetMinor: nullable(integer('Only when every quarter has a target')) }),
    }),
  ),
  definitions: text(),
});

/** POST /planning/targets. */
export const TARGETS_SET = object({
  created: integer(),
  updated: integer(),
  unchanged: integer('Already at the value asked for'),
  skipped: list(object({ id: text(), reason: text() }), 'Ids asked for that have no forecast to start from'),
  plan: PLANNING_VIEW,
});

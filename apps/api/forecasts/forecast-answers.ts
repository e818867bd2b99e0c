import { integer, list, nullable, number, object, oneOf, text } from '../common/answer-schemas';
import { FORECAST_LEVELS } from './forecast-levels';

/** A forecast's rolling-origin back-test beside the two naive baselines (docs/metrics.md#forecast); null where not measurable. */
export const BACKTEST = object({ mase: nullable(number()), wape: nullable(number()), naiveMase: nullable(number()), meanOf3Mase: nullable(number()) });

/** GET /forecasts/nmv (docs/metrics.md#forecast). */
export const NMV_FORECAST = object({
  asOf: text('The last month of actuals (YYYY-MM)'),
  level: oneOf(FORECAST_LEVELS),
  horizon: integer(),
  items: list(
    object({
      id: text(),
      name: text(),
      currency: text(),
      model: text('The model chosen for the series, or bottom-up'),
      months: list(object({ month: text(), pointMinor: integer(), lowMinor: integer(), highMinor: integer() }), '80 % interval'),
      backtest: BACKTEST,
    }),
  ),
});

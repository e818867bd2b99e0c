import { boolean, integer, list, nullable, number, object, oneOf, PERIOD, text } from '../common/answer-schemas';

/** GET /kpis: the board of one executive or team for a period (docs/metrics.md). */
export const KPI_BOARD = object({
  scope: object({ kind: oneOf(['executive', 'team']), id: text(), name: text(), members: integer() }),
  period: PERIOD,
  kpis: list(
    object({
      id: text(),
      name: text(),
      unit: text(),
      direction: text(),
      definition: text(),
      currency: nullable(text('Money and growth rows are per currency')),
      actual: nullable(number()),
      basis: text('What the actual was computed from, in words'),
      target: nullable(number()),
      progress: nullable(number()),
      met: nullable(boolean()),
    }),
  ),
  definitions: text('Where every figure is defined'),
});

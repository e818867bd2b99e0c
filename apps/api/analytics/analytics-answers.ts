import { integer, list, MONEY_BY_CURRENCY, nullable, number, object, oneOf, PERIOD, RATIO_BY_CURRENCY, text } from '../common/answer-schemas';
import { ANALYTICS_KINDS } from './analytics-scope';

const TOTALS = object({
  nmv: MONEY_BY_CURRENCY,
  gmv: MONEY_BY_CURRENCY,
  orders: integer(),
  spend: MONEY_BY_CURRENCY,
  roas: RATIO_BY_CURRENCY,
  roi: RATIO_BY_CURRENCY,
  costPerOrder: RATIO_BY_CURRENCY,
  posts: integer(),
  views: nullable(integer()),
  engagementRateByViews: nullable(number()),
  engagementRateByReach: nullable(number()),
  conversion: nullable(number()),
});

/** GET /analytics/{kind}/{id} (docs/metrics.md). */
export const ANALYTICS_VIEW = object({
  entity: object({ kind: oneOf(ANALYTICS_KINDS), id: text(), name: text() }),
  period: PERIOD,
  totals: TOTALS,
  trend: list(
    object({
      month: text(),
      nmv: MONEY_BY_CURRENCY,
      growth: RATIO_BY_CURRENCY,
      spend: MONEY_BY_CURRENCY,
      roas: RATIO_BY_CURRENCY,
      posts: integer(),
      engagementRateByViews: nullable(number()),
      conversion: nullable(number()),
    }),
  ),
  table: object({
    of: oneOf(['collaborations', 'campaigns', 'creators', 'executives']),
    rows: list(object({ id: text(), name: text(), link: object({}, { analytics: oneOf(ANALYTICS_KINDS), resource: text() }), detail: text(), totals: TOTALS })),
  }),
  definitions: text(),
});

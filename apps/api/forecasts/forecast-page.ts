import type { EntityForecast } from '../../../libs/domain/rules/forecast/entities';

/** The NMV forecast an analytics page shows (forecast-chart.tsx): GET /forecasts/nmv's items for the page's entity, with their actual months. */
export interface PageForecast {
  asOf: string;
  horizon: number;
  /** The entity's items, one per currency. */
  items: EntityForecast[];
}

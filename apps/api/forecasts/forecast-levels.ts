export const FORECAST_LEVELS = ['creator', 'talentManager', 'team', 'brand'] as const;
export type ForecastLevel = (typeof FORECAST_LEVELS)[number];

import {
  addMonths, backtest, chooseModel, forecastEntities, monthGrid, cohortGrowth, completionRate, crostonSba, dampedHolt, demandPattern, forecastSeries, interval, lastMonthForecast, mase,
  meanOfLast3Forecast, naiveScale, pipelineUplift, pipelineWeight, pooledGrowth, quantile, seasonalIndices, ses, shrunkNmvPerPost, sumSeries, tsb, wape,
} from '../../libs/domain/rules/forecast';

// Every expected figure below was worked out by hand from the definitions in docs/metrics.md#forecast.
describe('forecasting methods', () => {
  it('SES smooths the level from the first value: 10, 20, 30 at α = 0.5 gives 22.5, with one-step squared errors 10² + 15²', () => {
    expect(ses([10, 20, 30], 0.5, 2)).toEqual({ forecasts: [22.5, 22.5], sse: 325 });
  });

  it('damped Holt extrapolates a damped trend: 10, 20, 25 at α = β = 0.5, φ = 0.9', () => {
    const fit = dampedHolt([10, 20, 25], 0.5, 0.5, 0.9, 2);
    // level 26.4125, trend 7.61875; h=1: + 0.9·trend, h=2: + 1.71·trend.
    expect(fit.forecasts[0]).toBeCloseTo(33.269375, 9);
    expect(fit.forecasts[1]).toBeCloseTo(39.4405625, 9);
    expect(fit.sse).toBeCloseTo(1 + 2.825 ** 2, 9);
  });

  it('Croston-SBA smooths size and interval only in months with sales and removes the bias: 0, 10, 0, 0, 20 at α = 0.5 gives 4.5', () => {
    // size 10 → 15, interval 2 → 2.5; (1 − 0.25) · 15 / 2.5.
    expect(crostonSba([0, 10, 0, 0, 20], 0.5, 3)).toEqual([4.5, 4.5, 4.5]);
    expect(crostonSba([0, 0], 0.5, 1)).toEqual([0]);
  });

  it('TSB decays the probability through empty months: 10, 0, 20, 0 at α = β = 0.5 gives 0.34375 × 16.25', () => {
    expect(tsb([10, 0, 20, 0], 0.5, 0.5, 1)[0]).toBeCloseTo(5.5859375, 12);
  });

  it('cohort growth shrinks a short history’s own growth towards the cohort’s', () => {
    // own 21 %, cohort 5 %, one month of change against a prior of 3: 9 %; base 110.5 centred half a month back.
    const { forecasts, growth } = cohortGrowth([100, 121], 0.05, 2);
    expect(growth).toBeCloseTo(0.09, 12);
    expect(forecasts[0]).toBeCloseTo(110.5 * 1.09 ** 1.5, 9);
    expect(forecasts[1]).toBeCloseTo(110.5 * 1.09 ** 2.5, 9);
    // A single month: the cohort's growth alone.
    const single = cohortGrowth([50], 0.1, 1);
    expect(single.growth).toBeCloseTo(0.1, 12);
    expect(single.forecasts[0]).toBeCloseTo(55, 9);
  });

  it('pools the cohort growth over series with six months: the last 3 over the 3 before, as a monthly rate', () => {
    expect(pooledGrowth([[10, 10, 10, 20, 20, 20], [0, 0, 0, 5, 5, 5]], 6)).toBeCloseTo(2 ** (1 / 3) - 1, 12);
    expect(pooledGrowth([[0, 0, 0, 5, 5, 5]], 6)).toBe(0);
  });
});

describe('calendar seasonality', () => {
  it('indexes each calendar month against a linear trend, normalised to a mean of 1 and shrunk by n ÷ (n + 1)', () => {
    // January at 20, the rest at 10, over 13 months: a flat trend of 150/13; raw ratios 26/15 and 13/15, their mean 169/180.
    const indices = seasonalIndices([20, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 20], 0)!;
    expect(indices[0]).toBeCloseTo(61 / 39, 12);
    expect(indices[5]).toBeCloseTo(25 / 26, 12);
  });

  it('needs more than a year of history', () => {
    expect(seasonalIndices(Array(12).fill(10), 0)).toBeNull();
  });
});

describe('choosing a model by the history', () => {
  it('classifies by ADI and CV²', () => {
    expect(demandPattern([5, 0, 0, 5, 0, 0, 5, 0])).toEqual({ adi: 8 / 3, cv2: 0 });
    expect(demandPattern([1, 0, 0, 9, 0, 0, 1, 0]).cv2).toBeCloseTo((128 / 9) / (121 / 9), 12);
  });

  it('gives short histories cohort growth, intermittent ones Croston-SBA or TSB, dense ones SES or damped Holt', () => {
    expect(chooseModel([1, 2, 3, 4, 5])).toBe('cohort-growth');
    expect(chooseModel([5, 0, 0, 5, 0, 0, 5, 0])).toBe('croston-sba');
    expect(chooseModel([1, 0, 0, 9, 0, 0, 1, 0])).toBe('tsb');
    expect(chooseModel([1, 2, 3, 4, 5, 6])).toBe('ses');
    expect(chooseModel([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11])).toBe('ses');
    expect(chooseModel([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12])).toBe('damped-holt');
  });

  it('counts the history from the first month with sales and forecasts nothing before it', () => {
    expect(forecastSeries([0, 0, 0, 0, 0, 0, 0, 100, 110], 9, 1, 0).model).toBe('cohort-growth');
    expect(forecastSeries([0, 0, 5], 2, 2, 0)).toEqual({ model: 'cohort-growth', points: [0, 0], seasonal: false });
  });
});

describe('forecast error', () => {
  it('MASE is the mean absolute error over the in-sample one-step naive MAE', () => {
    expect(naiveScale([1, 3, 2])).toBe(1.5);
    expect(mase([1, -3], 1.5)).toBeCloseTo(2 / 1.5, 12);
  });

  it('MASE is undefined when the scale is 0 or unknown', () => {
    expect(mase([1], naiveScale([5, 5, 5]))).toBeNull();
    expect(mase([1], naiveScale([5]))).toBeNull();
    expect(mase([], 2)).toBeNull();
  });

  it('WAPE is the sum of absolute errors over the sum of absolute actuals, undefined on all-zero actuals', () => {
    expect(wape([10, 0, 30], [12, 1, 25])).toBeCloseTo(0.2, 12);
    expect(wape([0, 0], [1, 2])).toBeNull();
  });

  it('interpolates quantiles between order statistics', () => {
    expect(quantile([4, 1, 3, 2], 0.1)).toBeCloseTo(1.3, 12);
    expect(quantile([4, 1, 3, 2], 0.9)).toBeCloseTo(3.7, 12);
  });

  it('has two naive baselines: last month, and the mean of the last 3', () => {
    expect(lastMonthForecast([1, 2, 3, 4], 2)).toEqual([4, 4]);
    expect(meanOfLast3Forecast([1, 2, 3, 4], 2)).toEqual([3, 3]);
  });
});

describe('rolling-origin back-test', () => {
  it('scores the model and both baselines on the same origins and months', () => {
    const actuals = [10, 20, 30, 40, 50];
    const result = backtest(actuals, 2, (origin) => [actuals[origin - 1] + 10, actuals[origin - 1] + 20]);
    // Origins 3 and 4; naive errors 10, 20, 10; mean-of-3 errors 20, 30, 20; scale 10.
    expect(result.mase).toBe(0);
    expect(result.wape).toBe(0);
    expect(result.naiveMase).toBeCloseTo(40 / 3 / 10, 12);
    expect(result.meanOf3Mase).toBeCloseTo(70 / 3 / 10, 12);
    expect(result.errorsByHorizon).toEqual([[0, 0], [0]]);
  });

  it('makes the 80 % interval from the back-test error quantiles, pooling horizons with fewer than 3 errors', () => {
    expect(interval([100, 100], [[-10, 0, 10, 20], [5]])).toEqual([
      { low: 93, high: 117 },
      { low: 94, high: 116 },
    ]);
    expect(interval([40], [[1]])).toEqual([{ low: 0, high: 80 }]);
  });

  it('sums series bottom-up month by month', () => {
    expect(sumSeries([[1, 2], [3, 4]], 2)).toEqual([4, 6]);
  });
});

describe('pipeline component', () => {
  it('learns the completion rate with a Laplace prior', () => {
    expect(completionRate(8, 2)).toBe(0.75);
    expect(completionRate(0, 0)).toBe(0.5);
  });

  it('shrinks NMV per post towards the cohort by the number of posts', () => {
    expect(shrunkNmvPerPost(1_000, 2, 100)).toBeCloseTo(1_500 / 7, 12);
    expect(shrunkNmvPerPost(0, 0, 100)).toBe(100);
  });

  it('adds only the expected booked posts beyond the usual monthly rate', () => {
    expect(pipelineUplift(3, 1, 0.75, 200)).toBe(250);
    expect(pipelineUplift(1, 2, 0.75, 200)).toBe(0);
  });

  it('learns how much of the pipeline is additional from the back-test residuals, within 0 and 1', () => {
    expect(pipelineWeight([1, -1, 1], [2, 0, 2])).toBe(0.5);
    expect(pipelineWeight([2, 4], [1, 2])).toBe(1);
    expect(pipelineWeight([-2, 1], [1, 0])).toBe(0);
    expect(pipelineWeight([3], [0])).toBe(0);
  });
});

describe('forecasts per entity, bottom-up', () => {
  const grid = monthGrid('2025-11', '2026-10');
  const flat = (creatorId: string, level: number, upliftAt: (origin: number) => number[] = () => []) => ({ creatorId, brandId: null, currency: 'INR', values: Array(12).fill(level), upliftAt });

  it('sums the creators’ forecasts, per currency, for the months after the as-of month', () => {
    const [team] = forecastEntities(grid, 2, [flat('a', 100), flat('b', 50)], [{ id: 't', name: 'Team', includes: () => true }]);
    expect(team).toMatchObject({ id: 't', currency: 'INR', model: 'bottom-up', pipelineWeight: 0 });
    expect(team.months).toEqual([
      { month: '2026-11', pointMinor: 150, lowMinor: 150, highMinor: 150 },
      { month: '2026-12', pointMinor: 150, lowMinor: 150, highMinor: 150 },
    ]);
    // A flat history has no naive error to scale by: MASE is undefined, WAPE is 0.
    expect(team.backtest).toEqual({ mase: null, wape: 0, naiveMase: null, meanOf3Mase: null });
    expect(addMonths('2026-12', 1)).toBe('2027-01');
  });

  it('adds none of the pipeline where sales did not follow booked posts', () => {
    const [creator] = forecastEntities(grid, 1, [flat('a', 100, (origin) => [origin % 2 ? 40 : 0])], [{ id: 'a', name: 'A', includes: () => true }]);
    expect(creator.pipelineWeight).toBe(0);
    expect(creator.months[0].pointMinor).toBe(100);
  });

  it('learns to add most of it where each booked post brought its expected sales', () => {
    // Months with an odd index sold 40 more, as the posts booked for them promised.
    const values = Array.from({ length: 12 }, (_, t) => 100 + (t % 2 ? 40 : 0));
    const series = { creatorId: 'a', brandId: null, currency: 'INR', values, upliftAt: (origin: number) => [origin % 2 ? 40 : 0] };
    const [creator] = forecastEntities(grid, 1, [series], [{ id: 'a', name: 'A', includes: () => true }]);
    expect(creator.pipelineWeight).toBeGreaterThan(0.5);
  });
});

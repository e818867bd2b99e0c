import React from 'react';
import { Box, H5, Text } from '@adminjs/design-system';
import { formatRatio, formatShare } from '../../../libs/domain/rules/figure-format';
import type { EntityForecast } from '../../../libs/domain/rules/forecast/entities';
import { formatMoney } from '../../../libs/domain/rules/money-format';
import { monthLabel, scale, valueAxis } from '../back-office/components/chart-scale';
import type { PageForecast } from './forecast-page';

/**
 * The NMV forecast on an analytics page (creator, talent manager, team): the last twelve months
 * of actual NMV, the next months' forecast with its 80 % interval as a band, both axes labelled,
 * and beside it the back-tested error of the forecast and of the two naive baselines
 * (docs/metrics.md#forecast). The numbers are GET /forecasts/nmv's, through the page's handler.
 */


const W = 640;
const TOP = 14;
const PLOT_H = 200;
const LEFT = 104;
const RIGHT = W - 20;
const FONT = { fontSize: 11, fontFamily: 'inherit' } as const;
const AXIS = '#454655';
const GRID = '#e6e7ec';
const ACTUAL = '#4268F6';
const FORECAST = '#E0892B';
const BAND = 'rgba(224, 137, 43, 0.22)';

const MODEL_NAMES: Record<string, string> = {
  ses: 'simple exponential smoothing',
  'damped-holt': 'damped-trend Holt',
  'croston-sba': 'Croston-SBA (intermittent)',
  tsb: 'TSB (intermittent)',
  'cohort-growth': 'cohort growth (short history)',
  'bottom-up': 'sum of its creators’ forecasts',
};

const ForecastSvg: React.FC<{ item: EntityForecast }> = ({ item }) => {
  const months = [...item.actuals.map((a) => a.month), ...item.months.map((m) => m.month)];
  const money = (value: number) => formatMoney(Math.round(value), item.currency);
  const axis = valueAxis([...item.actuals.map((a) => a.nmvMinor), ...item.months.flatMap((m) => [m.lowMinor, m.highMinor])]);
  const bottom = TOP + PLOT_H;
  const y = scale(axis, bottom, TOP);
  const band = (RIGHT - LEFT) / Math.max(1, months.length);
  const x = (i: number) => LEFT + band * (i + 0.5);
  const last = item.actuals.length - 1;
  const lastActual = item.actuals[last];
  // The forecast and its band start from the last actual month, so they read as its continuation.
  const start = lastActual ? [{ i: last, point: lastActual.nmvMinor, low: lastActual.nmvMinor, high: lastActual.nmvMinor }] : [];
  const ahead = [...start, ...item.months.map((m, h) => ({ i: item.actuals.length + h, point: m.pointMinor, low: m.lowMinor, high: m.highMinor }))];
  const bandPath = [...ahead.map((p) => `${x(p.i)},${y(p.high)}`), ...ahead.slice().reverse().map((p) => `${x(p.i)},${y(p.low)}`)].join(' ');
  const legendTop = bottom + 44;
  return (
    <svg viewBox={`0 0 ${W} ${legendTop + 18 * 4}`} width="100%" style={{ maxWidth: `${W}px` }} role="img" aria-label={`NMV in ${item.currency}: actual months and the forecast with its 80 % interval`} data-testid="forecast-chart">
      <title>{`NMV in ${item.currency}: actual months and the forecast with its 80 % interval`}</title>
      <g data-testid="forecast-chart-y-axis">
        <line x1={LEFT} x2={LEFT} y1={y(axis.min)} y2={y(axis.max)} stroke={AXIS} />
        {axis.ticks.map((tick) => (
          <g key={tick}>
            <line x1={LEFT} x2={RIGHT} y1={y(tick)} y2={y(tick)} stroke={GRID} />
            <text x={LEFT - 6} y={y(tick) + 4} textAnchor="end" {...FONT} data-testid="forecast-chart-y-axis-tick">
              {money(tick)}
            </text>
          </g>
        ))}
        <text {...FONT} fontWeight="bold" transform={`translate(12, ${(TOP + bottom) / 2}) rotate(-90)`} textAnchor="middle" data-testid="forecast-chart-y-axis-title">
          {`NMV (${item.currency})`}
        </text>
      </g>
      <g data-testid="forecast-chart-x-axis">
        <line x1={LEFT} x2={RIGHT} y1={y(Math.max(0, axis.min))} y2={y(Math.max(0, axis.min))} stroke={AXIS} />
        {months.map((month, i) => (
          <text key={month} x={x(i)} y={bottom + 16} textAnchor="middle" {...FONT} data-testid="forecast-chart-x-axis-tick">
            {monthLabel(`${month}-01`)}
          </text>
        ))}
        <text x={(LEFT + RIGHT) / 2} y={bottom + 34} textAnchor="middle" {...FONT} fontWeight="bold" data-testid="forecast-chart-x-axis-title">
          Month (UTC)
        </text>
      </g>
      <polygon points={bandPath} fill={BAND} stroke="none" data-testid="forecast-band">
        <title>80 % interval: the forecast plus the 10th and 90th percentiles of its back-test errors</title>
      </polygon>
      <polyline points={item.actuals.map((a, i) => `${x(i)},${y(a.nmvMinor)}`).join(' ')} fill="none" stroke={ACTUAL} strokeWidth={2} data-testid="forecast-actual-line" />
      {item.actuals.map((a, i) => (
        <circle key={a.month} cx={x(i)} cy={y(a.nmvMinor)} r={3} fill={ACTUAL} data-testid="forecast-actual" data-month={a.month} data-value={String(a.nmvMinor)}>
          <title>{`${monthLabel(`${a.month}-01`)} · actual NMV: ${money(a.nmvMinor)}`}</title>
        </circle>
      ))}
      <polyline points={ahead.map((p) => `${x(p.i)},${y(p.point)}`).join(' ')} fill="none" stroke={FORECAST} strokeWidth={2} strokeDasharray="6 4" data-testid="forecast-line" />
      {item.months.map((m, h) => (
        <circle key={m.month} cx={x(item.actuals.length + h)} cy={y(m.pointMinor)} r={4} fill={FORECAST} data-testid="forecast-point" data-month={m.month} data-value={String(m.pointMinor)} data-low={String(m.lowMinor)} data-high={String(m.highMinor)}>
          <title>{`${monthLabel(`${m.month}-01`)} · forecast NMV: ${money(m.pointMinor)} (80 %: ${money(m.lowMinor)} – ${money(m.highMinor)})`}</title>
        </circle>
      ))}
      <g data-testid="forecast-chart-legend" {...FONT}>
        <line x1={LEFT} x2={LEFT + 24} y1={legendTop} y2={legendTop} stroke={ACTUAL} strokeWidth={2} />
        <text x={LEFT + 30} y={legendTop + 4}>{`Actual NMV (${item.currency}): settled GMV − returns − cancellations, by month`}</text>
        <line x1={LEFT} x2={LEFT + 24} y1={legendTop + 18} y2={legendTop + 18} stroke={FORECAST} strokeWidth={2} strokeDasharray="6 4" />
        <text x={LEFT + 30} y={legendTop + 22}>{`Forecast: ${MODEL_NAMES[item.model] ?? item.model}, plus the learned share of booked posts`}</text>
        <rect x={LEFT} y={legendTop + 30} width={24} height={10} fill={BAND} />
        <text x={LEFT + 30} y={legendTop + 40}>80 % interval, from the back-test’s error quantiles</text>
      </g>
    </svg>
  );
};

const Score: React.FC<{ label: string; value: string; definition: string; testId: string }> = ({ label, value, definition, testId }) => (
  <Box mb="md" title={definition} data-testid={testId}>
    <Text fontSize="sm" color="grey80">
      {label}
    </Text>
    <Text fontSize="lg" fontWeight="bold" data-testid={testId + '-value'}>
      {value}
    </Text>
    <Text fontSize="xs" color="grey60">
      {definition}
    </Text>
  </Box>
);

const ForecastChart: React.FC<{ forecast: PageForecast; currency: string | null }> = ({ forecast, currency }) => {
  const item = forecast.items.find((i) => i.currency === currency) ?? forecast.items[0];
  if (!item) {
    return (
      <Text mx="md" mb="lg" color="grey80" data-testid="forecast-none">
        {`No forecast: no settled sales up to ${forecast.asOf}.`}
      </Text>
    );
  }
  const mase = (value: number | null) => (value === null ? 'not measurable (a flat or too short history)' : formatRatio(value));
  const b = item.backtest;
  return (
    <Box variant="white" boxShadow="card" p="lg" m="md" data-testid="forecast">
      <H5 mb="md" data-testid="forecast-title">
        {`NMV forecast (${item.currency}), the next ${forecast.horizon} months, as at the end of ${forecast.asOf}`}
      </H5>
      <Box flex flexDirection="row" flexWrap="wrap">
        <Box style={{ flex: '1 1 560px', minWidth: '420px' }}>
          <ForecastSvg item={item} />
        </Box>
        <Box style={{ flex: '0 1 300px', minWidth: '240px' }} pl="lg" data-testid="forecast-backtest">
          <Score label="MASE of this forecast (back-tested)" value={mase(b.mase)} testId="forecast-mase" definition="Mean absolute error of rolling-origin forecasts over the series' own history, ÷ the in-sample one-step naive error. Below 1 beats last month's value in-sample." />
          <Score label="MASE of “last month” (naive)" value={mase(b.naiveMase)} testId="forecast-naive-mase" definition="The same error when every month ahead is forecast as the last month." />
          <Score label="MASE of “mean of the last 3 months”" value={mase(b.meanOf3Mase)} testId="forecast-mean3-mase" definition="The same error when every month ahead is forecast as the mean of the last three." />
          <Score label="WAPE (back-tested)" value={b.wape === null ? 'not measurable' : formatShare(b.wape, 1)} testId="forecast-wape" definition="Σ |actual − forecast| ÷ Σ actual, over the same back-test." />
        </Box>
      </Box>
      <Text fontSize="sm" color="grey60">
        Definitions: docs/metrics.md#forecast. The same figures: GET /forecasts/nmv.
      </Text>
    </Box>
  );
};

export default ForecastChart;

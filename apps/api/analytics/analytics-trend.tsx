import React from 'react';
import { Box, H5, Text } from '@adminjs/design-system';
import { formatGrowth, formatRatio, formatShare } from '../../../libs/domain/rules/figure-format';
import { formatMoney, formatMoneyTick } from '../../../libs/domain/rules/money-format';
import { tickDecimals } from '../back-office/components/chart-scale';
import TimeChart from '../back-office/components/charts';
import { ANALYTICS_FIGURES } from './analytics-figures';
import type { AnalyticsView } from './analytics-page.component';

/**
 * The Analytics page's four trend charts over the twelve months (analytics-page.tsx): NMV by month
 * (bars) with its MoM growth (a line on the right axis), ROAS, engagement rate by views and
 * conversion. Money and ROAS in one currency, the page's main one: currencies are never added.
 */

const BLUE = '#4268F6';
const RED = '#F0616F';
const GREEN = '#2E9E6B';
const PURPLE = '#8E44AD';

const inCurrency = (amounts: Readonly<Record<string, number | null>>, currency: string | null): number | null =>
  currency && typeof amounts[currency] === 'number' ? (amounts[currency] as number) : null;

const ChartBox: React.FC<{ title: string; testId: string; children: React.ReactNode }> = ({ title, testId, children }) => (
  <Box variant="white" boxShadow="card" p="lg" m="md" style={{ flex: '1 1 460px', minWidth: '420px' }} data-testid={testId + '-box'}>
    <H5 mb="md">{title}</H5>
    {children}
  </Box>
);

const AnalyticsTrend: React.FC<{ view: AnalyticsView; currency: string | null }> = ({ view, currency }) => {
  const months = view.trend.map((point) => point.month);
  const code = currency ?? '—';
  const money = (value: number) => (currency ? formatMoney(Math.round(value), currency) : String(value));
  return (
    <Box>
      <Text mx="md" color="grey80" fontSize="sm" data-testid="analytics-trend-note">
        {'The twelve months ending ' +
          view.period.lastDay.slice(0, 7) +
          ' (UTC). Money and ROAS in ' +
          code +
          '; each point is its month, its tooltip names the definition (docs/metrics.md).'}
      </Text>
      <Box flex flexDirection="row" flexWrap="wrap">
        <ChartBox title={'NMV by month (' + code + ') with MoM growth'} testId="chart-nmv">
          <TimeChart
            testId="chart-nmv"
            title={'NMV by month in ' + code + ', and its growth over the previous month'}
            months={months}
            left={{ title: 'NMV (' + code + ')', format: (v) => (currency ? formatMoneyTick(v, currency) : String(v)) }}
            right={{ title: 'MoM growth (%)', format: (v, step) => formatGrowth(v, tickDecimals(step, 100)) }}
            series={[
              { name: 'NMV (' + code + ')', definition: ANALYTICS_FIGURES.nmv.definition, kind: 'bar', axis: 'left', color: BLUE, values: view.trend.map((p) => inCurrency(p.nmv, currency)), format: money },
              {
                name: 'MoM growth',
                definition: ANALYTICS_FIGURES.growth.definition,
                kind: 'line',
                axis: 'right',
                color: RED,
                values: view.trend.map((p) => inCurrency(p.growth, currency)),
                format: (v) => formatGrowth(v),
              },
            ]}
          />
        </ChartBox>
        <ChartBox title={'ROAS by month (' + code + ')'} testId="chart-roas">
          <TimeChart
            testId="chart-roas"
            title={'ROAS by month in ' + code}
            months={months}
            left={{ title: 'ROAS (× spend)', format: (v, step) => formatRatio(v, Math.max(1, tickDecimals(step))) + '×' }}
            series={[
              { name: 'ROAS (' + code + ')', definition: ANALYTICS_FIGURES.roas.definition, kind: 'line', axis: 'left', color: GREEN, values: view.trend.map((p) => inCurrency(p.roas, currency)), format: (v) => formatRatio(v) + '×' },
            ]}
          />
        </ChartBox>
        <ChartBox title="Engagement rate by views, by month" testId="chart-engagement">
          <TimeChart
            testId="chart-engagement"
            title="Engagement rate by views, by month the posts went live"
            months={months}
            left={{ title: 'Engagement rate by views (%)', format: (v, step) => formatShare(v, tickDecimals(step, 100)) }}
            series={[
              {
                name: 'Engagement rate by views',
                definition: ANALYTICS_FIGURES.engagementRateByViews.definition,
                kind: 'line',
                axis: 'left',
                color: PURPLE,
                values: view.trend.map((p) => p.engagementRateByViews),
                format: (v) => formatShare(v, 1),
              },
            ]}
          />
        </ChartBox>
        <ChartBox title="Conversion, by month" testId="chart-conversion">
          <TimeChart
            testId="chart-conversion"
            title="Conversion (orders ÷ clicks), by month the posts went live"
            months={months}
            left={{ title: 'Conversion (%)', format: (v, step) => formatShare(v, tickDecimals(step, 100)) }}
            series={[
              { name: 'Conversion', definition: ANALYTICS_FIGURES.conversion.definition, kind: 'line', axis: 'left', color: BLUE, values: view.trend.map((p) => p.conversion), format: (v) => formatShare(v, 1) },
            ]}
          />
        </ChartBox>
      </Box>
    </Box>
  );
};

export default AnalyticsTrend;

import React, { useEffect, useState } from 'react';
import { ApiClient } from 'adminjs';
import { Box, Button, H2, H5, Label, Loader, MessageBox, Text } from '@adminjs/design-system';
import { formatAmount, formatCount, formatGrowth, formatRatio, formatShare } from '../../../libs/domain/rules/figure-format';
import { ANALYTICS_FIGURES, pageCurrencies, type FigureKey } from './analytics-figures';
import { ANALYTICS_PAGE, ANALYTICS_KIND_LABELS, type AnalyticsPageData, type AnalyticsView } from './analytics-page.component';
import AnalyticsTable from './analytics-table';
import AnalyticsTrend from './analytics-trend';
import ForecastChart from '../forecasts/forecast-chart';

/**
 * "Analytics" (a page of the panel): pick the kind (creator, campaign, brand, talent manager,
 * team), the entity within your reach and the period (month, quarter or custom from–to); then
 * the totals, four trend charts over twelve months and the entities below, with their CSV. The
 * numbers come from the page's handler (analytics.panel.ts), which asks AnalyticsService, the
 * same as GET /analytics/:kind/:id; this component only draws them. The choices are kept in the
 * address, so a page can be linked to (a creator's and a campaign's "Analytics" link do).
 */

const api = new ApiClient();
type Query = Record<string, string>;

const readQuery = (): Query => Object.fromEntries(new URLSearchParams(window.location.search).entries());
const control: React.CSSProperties = { padding: '6px 8px', minWidth: '180px', border: '1px solid #C0C0CA', borderRadius: '4px', background: 'white' };

const Field: React.FC<{ label: string; children: React.ReactNode }> = ({ label, children }) => (
  <Box mr="xl" mb="md">
    <Label>{label}</Label>
    {children}
  </Box>
);

const Figure: React.FC<{ figure: FigureKey; values: string[]; testId: string }> = ({ figure, values, testId }) => (
  <Box variant="white" boxShadow="card" p="lg" m="sm" style={{ flex: '1 1 200px', minWidth: '200px' }} title={ANALYTICS_FIGURES[figure].definition} data-testid={testId}>
    <Text fontSize="sm" color="grey80">
      {ANALYTICS_FIGURES[figure].name}
    </Text>
    {values.map((value, i) => (
      <Text key={i} fontSize={i === 0 ? 'xl' : 'md'} fontWeight={i === 0 ? 'bold' : 'normal'} data-testid={testId + '-value'}>
        {value}
      </Text>
    ))}
    <Text fontSize="xs" color="grey60">
      {ANALYTICS_FIGURES[figure].definition}
    </Text>
  </Box>
);

/** Each currency's amount (main first), or "—". */
const perCurrency = (amounts: Readonly<Record<string, number | null>>, order: string[], show: (value: number | null, currency: string) => string): string[] => {
  const values = order.filter((c) => c in amounts).map((c) => show(amounts[c], c) + (order.length > 1 ? ' (' + c + ')' : ''));
  return values.length ? values : ['—'];
};

const Totals: React.FC<{ view: AnalyticsView; order: string[] }> = ({ view, order }) => {
  const t = view.totals;
  const ratio = (value: number | null, currency: string) => formatRatio(value) + (order.length > 1 ? '' : ' (' + currency + ')');
  return (
    <Box flex flexDirection="row" flexWrap="wrap" data-testid="analytics-totals">
      <Figure figure="nmv" testId="total-nmv" values={perCurrency(t.nmv, order, (v, c) => formatAmount(v, c))} />
      <Figure figure="gmv" testId="total-gmv" values={perCurrency(t.gmv, order, (v, c) => formatAmount(v, c))} />
      <Figure figure="orders" testId="total-orders" values={[formatCount(t.orders)]} />
      <Figure figure="spend" testId="total-spend" values={perCurrency(t.spend, order, (v, c) => formatAmount(v, c))} />
      <Figure figure="roas" testId="total-roas" values={perCurrency(t.roas, order, ratio)} />
      <Figure figure="roi" testId="total-roi" values={perCurrency(t.roi, order, (v) => formatGrowth(v))} />
      <Figure figure="posts" testId="total-posts" values={[formatCount(t.posts)]} />
      <Figure figure="views" testId="total-views" values={[formatCount(t.views)]} />
      <Figure figure="engagementRateByViews" testId="total-engagement" values={[formatShare(t.engagementRateByViews, 1)]} />
      <Figure figure="engagementRateByReach" testId="total-engagement-reach" values={[formatShare(t.engagementRateByReach, 1)]} />
      <Figure figure="conversion" testId="total-conversion" values={[formatShare(t.conversion, 1)]} />
    </Box>
  );
};

const AnalyticsPage: React.FC = () => {
  const [query, setQuery] = useState<Query>(readQuery);
  const [data, setData] = useState<AnalyticsPageData | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [search, setSearch] = useState(query.q ?? '');
  const [range, setRange] = useState({ from: query.from ?? '', to: query.to ?? '' });
  const [currency, setCurrency] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    setLoading(true);
    api
      .getPage<AnalyticsPageData>({ pageName: ANALYTICS_PAGE, params: query })
      .then((response) => {
        if (!current) return;
        setData(response.data);
        setFailure(null);
      })
      .catch((e: { response?: { data?: AnalyticsPageData & { error?: string } }; message?: string }) => {
        if (!current) return;
        // A refusal still carries the pickers, and says why.
        if (e.response?.data?.kinds) setData(e.response.data);
        else setFailure(e.response?.data?.error || e.message || 'The analytics could not be loaded');
      })
      .finally(() => {
        if (current) setLoading(false);
      });
    return () => {
      current = false;
    };
  }, [query]);

  const change = (next: Query) => {
    const merged = Object.fromEntries(Object.entries({ ...query, ...next }).filter(([, value]) => value !== ''));
    window.history.replaceState(null, '', '?' + new URLSearchParams(merged).toString());
    setQuery(merged);
  };

  if (failure) return <MessageBox m="xl" variant="danger" message={failure} data-testid="analytics-error" />;
  if (!data) return <Loader />;
  const { selected, view } = data;
  const currencies = view ? pageCurrencies(view) : { main: null, others: [] };
  const shown = currency && view && [currencies.main, ...currencies.others].includes(currency) ? currency : currencies.main;
  const order = [shown, ...[currencies.main, ...currencies.others].filter((c) => c !== shown)].filter((c): c is string => !!c);
  const entities = data.entities.slice();
  if (view && !entities.some((e) => e.id === view.entity.id)) entities.unshift({ id: view.entity.id, name: view.entity.name, detail: 'shown' });
  const periods = selected.period === 'custom' ? [] : data.periods[selected.period].slice();
  if (selected.start && selected.period !== 'custom' && !periods.some((p) => p.start === selected.start)) periods.push({ start: selected.start, label: selected.start });

  return (
    <Box variant="grey" p="xl" data-testid="analytics">
      <H2>Analytics</H2>
      <Box variant="white" p="lg" mb="lg" flex flexDirection="row" flexWrap="wrap" style={{ alignItems: 'flex-end' }}>
        <Field label="Of a">
          <select style={control} value={selected.kind} onChange={(e) => change({ kind: e.target.value, id: '', q: '' })} data-testid="analytics-kind">
            {data.kinds.map((k) => (
              <option key={k.kind} value={k.kind}>
                {k.label}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Search">
          <form
            onSubmit={(e) => {
              e.preventDefault();
              change({ q: search, id: '' });
            }}
          >
            <input style={control} value={search} onChange={(e) => setSearch(e.target.value)} placeholder="name or handle" data-testid="analytics-search" />
          </form>
        </Field>
        <Field label={ANALYTICS_KIND_LABELS[selected.kind]}>
          <select style={{ ...control, minWidth: '260px' }} value={selected.id ?? ''} onChange={(e) => change({ id: e.target.value })} data-testid="analytics-entity">
            {entities.map((e) => (
              <option key={e.id} value={e.id}>
                {e.name + (e.detail ? ' · ' + e.detail : '')}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Period">
          <select
            style={control}
            value={selected.period}
            onChange={(e) => {
              const period = e.target.value;
              if (period === 'custom' && view) setRange({ from: view.period.start, to: view.period.lastDay });
              change(period === 'custom' ? { period, start: '', from: view?.period.start ?? '', to: view?.period.lastDay ?? '' } : { period, start: data.periods[period as 'month' | 'quarter'][0].start, from: '', to: '' });
            }}
            data-testid="analytics-period-kind"
          >
            <option value="month">Month</option>
            <option value="quarter">Quarter</option>
            <option value="custom">Custom (from – to)</option>
          </select>
        </Field>
        {selected.period === 'custom' ? (
          <>
            <Field label="From">
              <input type="date" style={control} value={range.from} onChange={(e) => setRange({ ...range, from: e.target.value })} data-testid="analytics-from" />
            </Field>
            <Field label="To (inclusive)">
              <input type="date" style={control} value={range.to} onChange={(e) => setRange({ ...range, to: e.target.value })} data-testid="analytics-to" />
            </Field>
            <Box mb="md" mr="xl">
              <Button size="sm" onClick={() => change({ from: range.from, to: range.to })} data-testid="analytics-apply">
                Show
              </Button>
            </Box>
          </>
        ) : (
          <Field label="Which">
            <select style={control} value={selected.start ?? ''} onChange={(e) => change({ start: e.target.value })} data-testid="analytics-period">
              {periods.map((p) => (
                <option key={p.start} value={p.start}>
                  {p.label}
                </option>
              ))}
            </select>
          </Field>
        )}
        {view && currencies.others.length ? (
          <Field label="Currency drawn">
            <select style={control} value={shown ?? ''} onChange={(e) => setCurrency(e.target.value)} data-testid="analytics-currency">
              {[currencies.main, ...currencies.others].map((c) => (
                <option key={c ?? ''} value={c ?? ''}>
                  {c}
                </option>
              ))}
            </select>
          </Field>
        ) : null}
        {loading ? <Loader /> : null}
      </Box>
      {data.entitiesNote ? <MessageBox mb="lg" variant="info" message={data.entitiesNote} data-testid="analytics-entities-note" /> : null}
      {data.error ? <MessageBox mb="lg" variant="danger" message={data.error} data-testid="analytics-error" /> : null}
      {view ? (
        <Box>
          <H5 mx="md" data-testid="analytics-title">
            {view.entity.name + ' · ' + ANALYTICS_KIND_LABELS[view.entity.kind].toLowerCase() + ' · ' + view.period.label}
          </H5>
          {view.period.provisional ? (
            <MessageBox
              m="md"
              variant="info"
              data-testid="analytics-provisional"
              message={'Provisional: returns and cancellations may still arrive until ' + view.period.returnWindowDays + ' days after ' + view.period.lastDay + ', so NMV, ROAS and ROI may still change.'}
            />
          ) : null}
          {currencies.others.length ? (
            <Text mx="md" fontSize="sm" color="grey80" data-testid="analytics-other-currencies">
              {'Drawn in ' + shown + '. Also in this page: ' + order.slice(1).join(', ') + ' — shown beside it, never added to it.'}
            </Text>
          ) : null}
          <Totals view={view} order={order} />
          <AnalyticsTrend view={view} currency={shown} />
          {data.forecast ? <ForecastChart forecast={data.forecast} currency={shown} /> : null}
          <AnalyticsTable of={view.table.of} rows={view.table.rows} links={data.links.rows} currency={shown} csv={data.links.csv} apiCsv={data.links.apiCsv} />
          <Text mx="md" fontSize="sm" color="grey60">
            Every figure is defined in docs/metrics.md; hover a figure, a mark or a column for its definition.
          </Text>
        </Box>
      ) : null}
    </Box>
  );
};

export default AnalyticsPage;

import React, { useEffect, useState } from 'react';
import { ApiClient } from 'adminjs';
import { Box, Button, H2, H5, Label, Loader, MessageBox, Table, TableBody, TableCell, TableHead, TableRow, Text } from '@adminjs/design-system';
import { formatRatio, formatShare } from '../../../libs/domain/rules/figure-format';
import { formatMoney } from '../../../libs/domain/rules/money-format';
import { PLANNING_PAGE, type PlanningPageData } from './planning-page.component';
import type { PlanningItem } from './planning-view';

/**
 * "Planning" (a page of the panel): for a quarter or a year, each executive's or team's NMV
 * forecast per quarter with its 80 % bounds and back-tested error beside the naive baselines,
 * the target forecast + stretch % proposes, and the targets already set (who, when). Managers
 * and admins set the targets from it; the CSV holds the same lines. Data from planning.panel.ts,
 * the same service as GET /planning; the choices are kept in the address.
 */

const api = new ApiClient();
type Query = Record<string, string>;

const readQuery = (): Query => Object.fromEntries(new URLSearchParams(window.location.search).entries());
const select: React.CSSProperties = { padding: '6px 8px', minWidth: '180px', border: '1px solid #C0C0CA', borderRadius: '4px', background: 'white' };
const input: React.CSSProperties = { ...select, minWidth: '90px', width: '90px' };

const mase = (value: number | null) => (value === null ? 'n/a' : formatRatio(value));
const when = (iso: string) => iso.slice(0, 16).replace('T', ' ') + ' UTC';

const Picker: React.FC<{ label: string; testId: string; value: string; onChange: (value: string) => void; options: { value: string; label: string }[] }> = ({ label, testId, value, onChange, options }) => (
  <Box mr="xl" mb="md">
    <Label>{label}</Label>
    <select style={select} value={value} onChange={(event) => onChange(event.target.value)} data-testid={testId}>
      {options.map((option) => (
        <option key={option.value} value={option.value}>
          {option.label}
        </option>
      ))}
    </select>
  </Box>
);

const ItemRows: React.FC<{ item: PlanningItem }> = ({ item }) => {
  const money = (minor: number) => formatMoney(minor, item.currency);
  const b = item.backtest;
  return (
    <>
      {item.quarters.map((quarter, i) => (
        <TableRow key={item.id + item.currency + quarter.start} data-testid="planning-row" data-id={item.id} data-currency={item.currency} data-quarter={quarter.start}>
          <TableCell>{i === 0 ? item.name : ''}</TableCell>
          <TableCell>{item.currency}</TableCell>
          <TableCell>{quarter.label}</TableCell>
          <TableCell data-testid="planning-forecast">{money(quarter.forecastMinor)}</TableCell>
          <TableCell data-testid="planning-band">{money(quarter.lowMinor) + ' – ' + money(quarter.highMinor)}</TableCell>
          <TableCell data-testid="planning-proposed">{money(quarter.proposedMinor)}</TableCell>
          <TableCell data-testid="planning-target">{quarter.target ? money(quarter.target.valueMinor) : '—'}</TableCell>
          <TableCell data-testid="planning-set-by">{quarter.target ? (quarter.target.setBy?.name ?? 'not recorded') + ', ' + when(quarter.target.setAt) : ''}</TableCell>
          <TableCell data-testid="planning-error" title="Back-tested MASE of this forecast; of “last month”; of “mean of the last 3 months”. Below 1 beats last month's value in-sample.">
            {i === 0 ? mase(b.mase) + ' (naive ' + mase(b.naiveMase) + ', mean of 3 ' + mase(b.meanOf3Mase) + ')' + (b.wape === null ? '' : ', WAPE ' + formatShare(b.wape)) : ''}
          </TableCell>
        </TableRow>
      ))}
      {item.quarters.length > 1 ? (
        <TableRow data-testid="planning-total" data-id={item.id}>
          <TableCell />
          <TableCell>{item.currency}</TableCell>
          <TableCell>Year</TableCell>
          <TableCell>{money(item.total.forecastMinor)}</TableCell>
          <TableCell>{money(item.total.lowMinor) + ' – ' + money(item.total.highMinor)}</TableCell>
          <TableCell>{money(item.total.proposedMinor)}</TableCell>
          <TableCell>{item.total.targetMinor === null ? '—' : money(item.total.targetMinor)}</TableCell>
          <TableCell />
          <TableCell />
        </TableRow>
      ) : null}
    </>
  );
};

const Planning: React.FC = () => {
  const [query, setQuery] = useState<Query>(readQuery);
  const [data, setData] = useState<PlanningPageData | null>(null);
  const [stretch, setStretch] = useState<string>(readQuery().stretchPercent ?? '0');
  const [failure, setFailure] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [busy, setBusy] = useState(false);

  const answered = (answer: PlanningPageData | undefined, fallback: string) => {
    if (answer?.periods) setData(answer);
    else setFailure(fallback);
  };

  useEffect(() => {
    let current = true;
    setLoading(true);
    api
      .getPage<PlanningPageData>({ pageName: PLANNING_PAGE, params: query })
      .then((response) => current && (setData(response.data), setFailure(null)))
      .catch((e: { response?: { data?: PlanningPageData } }) => current && answered(e.response?.data, 'The plan could not be loaded; reload the page.'))
      .finally(() => current && setLoading(false));
    return () => {
      current = false;
    };
  }, [query]);

  const change = (next: Query) => {
    const merged = { ...query, ...next };
    window.history.replaceState(null, '', '?' + new URLSearchParams(merged).toString());
    setQuery(merged);
  };

  const setTargets = () => {
    if (!data?.selected || busy) return;
    setBusy(true);
    setFailure(null);
    const fields = { period: data.selected.period, start: data.selected.start, level: data.selected.level, stretchPercent: stretch, ...(data.selected.asOf ? { asOf: data.selected.asOf } : {}) };
    api
      .getPage<PlanningPageData>({ pageName: PLANNING_PAGE, method: 'post', data: fields })
      .then((response) => setData(response.data))
      .catch((e: { response?: { data?: PlanningPageData } }) => answered(e.response?.data, 'The targets could not be set; try again.'))
      .finally(() => setBusy(false));
  };

  if (failure) return <MessageBox m="xl" variant="danger" message={failure} data-testid="planning-failure" />;
  if (!data) return <Loader />;
  const selected = data.selected;
  const kind = selected?.period ?? 'quarter';
  const plan = data.plan;
  const periods = data.periods[kind].map((p) => ({ value: p.start, label: p.label }));
  if (selected && !periods.some((p) => p.value === selected.start)) periods.push({ value: selected.start, label: selected.start });

  return (
    <Box variant="grey" p="xl" data-testid="planning-page">
      <H2>Planning</H2>
      <Text mb="lg" color="grey80">
        The creator-driven NMV forecast of each executive or team, per quarter, with its 80 % bounds and its back-tested error beside the naive baselines. A target is the forecast + stretch %, per currency and quarter; a year is
        planned as its four quarters, and the KPI board tracks each. Definitions: {data.definitions}
      </Text>
      <Box variant="white" p="lg" mb="lg" flex flexDirection="row" flexWrap="wrap" style={{ alignItems: 'flex-end' }}>
        <Picker
          label="Executives or teams"
          testId="planning-level"
          value={selected?.level ?? 'team'}
          options={[
            { value: 'talentManager', label: 'Executives (talent managers)' },
            { value: 'team', label: "Teams (a manager's reports)" },
          ]}
          onChange={(value) => change({ level: value })}
        />
        <Picker
          label="Quarter or year"
          testId="planning-period-kind"
          value={kind}
          options={[
            { value: 'quarter', label: 'Quarter' },
            { value: 'year', label: 'Year' },
          ]}
          onChange={(value) => change({ period: value, start: data.periods[value as 'quarter' | 'year'][0]?.start ?? '' })}
        />
        <Picker label="Which" testId="planning-period" value={selected?.start ?? ''} options={periods} onChange={(value) => change({ start: value })} />
        <Box mr="xl" mb="md">
          <Label htmlFor="planning-stretch">Stretch %</Label>
          <input
            id="planning-stretch"
            style={input}
            type="number"
            step="0.5"
            value={stretch}
            onChange={(event) => setStretch(event.target.value)}
            onBlur={() => change({ stretchPercent: stretch })}
            data-testid="planning-stretch"
          />
        </Box>
        <Box mr="xl" mb="md">
          {data.maySet ? (
            <Button type="button" variant="contained" disabled={busy || !plan || plan.items.length === 0} onClick={setTargets} data-testid="planning-set">
              {busy ? 'Setting…' : 'Set targets at forecast + ' + (stretch || '0') + ' %'}
            </Button>
          ) : (
            <Text color="grey60" data-testid="planning-read-only">
              Targets are set by managers and admins.
            </Text>
          )}
        </Box>
        {data.links.csv ? (
          <Box mb="md">
            <a href={data.links.csv} download data-testid="planning-csv">
              Download CSV
            </a>
          </Box>
        ) : null}
        {loading ? <Loader /> : null}
      </Box>
      {data.error ? <MessageBox mb="lg" variant="danger" message={data.error} data-testid="planning-error-message" /> : null}
      {data.result ? (
        <MessageBox
          mb="lg"
          variant="success"
          data-testid="planning-result"
          message={
            data.result.created + ' targets created, ' + data.result.updated + ' updated, ' + data.result.unchanged + ' already at that value.' + (data.result.skipped.length ? ' Skipped: ' + data.result.skipped.map((s) => s.id + ' (' + s.reason + ')').join('; ') : '')
          }
        />
      ) : null}
      {plan ? (
        <Box variant="white" p="lg" data-testid="planning-table-box">
          <H5 data-testid="planning-title">{(plan.level === 'team' ? 'Teams' : 'Executives') + ' · ' + plan.period.label + ' · forecast as of ' + plan.asOf + ', ' + plan.horizon + ' months ahead at most'}</H5>
          {plan.items.length === 0 ? (
            <Text data-testid="planning-empty">No {plan.level === 'team' ? 'team' : 'executive'} within your reach has a sales history to forecast from.</Text>
          ) : (
            <Table data-testid="planning-table">
              <TableHead>
                <TableRow>
                  <TableCell>{plan.level === 'team' ? 'Team of' : 'Executive'}</TableCell>
                  <TableCell>Currency</TableCell>
                  <TableCell>Quarter</TableCell>
                  <TableCell>Forecast NMV</TableCell>
                  <TableCell>80 % bounds</TableCell>
                  <TableCell>{'Forecast + ' + plan.stretchPercent + ' %'}</TableCell>
                  <TableCell>Target set</TableCell>
                  <TableCell>Set by, at</TableCell>
                  <TableCell>Back-tested MASE</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {plan.items.map((item) => (
                  <ItemRows key={item.id + item.currency} item={item} />
                ))}
              </TableBody>
            </Table>
          )}
          <Text mt="md" color="grey60">
            The bounds of a quarter add its months' 80 % bounds: a range, wider than an 80 % interval of the quarter. Months far ahead are measured on fewer back-test origins; their error is less certain than the next months'.
          </Text>
        </Box>
      ) : null}
    </Box>
  );
};

export default Planning;

import React, { useEffect, useState } from 'react';
import { ApiClient } from 'adminjs';
import { Box, H2, H5, Text, Loader, MessageBox, Table, TableHead, TableBody, TableRow, TableCell, Label } from '@adminjs/design-system';
import { formatKpiFigure, formatShare } from '../../../libs/domain/rules/figure-format';
import type { KpiRow } from '../../../libs/domain/rules/kpi-board';
import { ProgressChart } from '../back-office/components/charts';
import { KPI_BOARD_PAGE, type KpiBoardPageData } from './kpi-board.component';

/**
 * "KPI board" (a page of the panel): whose board, month or quarter and which one; then every
 * team KPI with its actual, target, progress (a chart from 0 % to 150 % with the target marked),
 * the basis in words and its definition. The numbers come from the page's handler (kpis.panel.ts),
 * which asks KpisService, the same as GET /kpis; this component only draws them. The choices
 * are kept in the address, so a board can be linked to.
 */

const api = new ApiClient();
type Query = Record<string, string>;

const readQuery = (): Query => Object.fromEntries(new URLSearchParams(window.location.search).entries());
const select: React.CSSProperties = { padding: '6px 8px', minWidth: '220px', border: '1px solid #C0C0CA', borderRadius: '4px', background: 'white' };

const rowKey = (row: KpiRow) => row.id + (row.currency ? '-' + row.currency : '');
const rowName = (row: KpiRow) => row.name + (row.currency ? ' (' + row.currency + ')' : '');
const direction = (row: KpiRow) => (row.direction === 'higher' ? 'higher is better' : 'lower is better');

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

const KpiBoard: React.FC = () => {
  const [query, setQuery] = useState<Query>(readQuery);
  const [data, setData] = useState<KpiBoardPageData | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);

  useEffect(() => {
    let current = true;
    setLoading(true);
    api
      .getPage<KpiBoardPageData>({ pageName: KPI_BOARD_PAGE, params: query })
      .then((response) => {
        if (!current) return;
        setData(response.data);
        setFailure(null);
      })
      .catch((e: { response?: { data?: KpiBoardPageData & { error?: string } }; message?: string }) => {
        if (!current) return;
        // A refusal still carries the choices, and says why.
        if (e.response?.data?.choices) setData(e.response.data);
        else setFailure(e.response?.data?.error || e.message || 'The KPI board could not be loaded');
      })
      .finally(() => {
        if (current) setLoading(false);
      });
    return () => {
      current = false;
    };
  }, [query]);

  const change = (next: Query) => {
    const merged = { ...query, ...next };
    window.history.replaceState(null, '', '?' + new URLSearchParams(merged).toString());
    setQuery(merged);
  };

  if (failure) return <MessageBox m="xl" variant="danger" message={failure} data-testid="kpi-board-error" />;
  if (!data) return <Loader />;
  const selected = data.selected;
  const kind = selected?.period ?? 'month';
  const periods = data.periods[kind].slice();
  if (selected && !periods.some((p) => p.start === selected.start)) periods.push({ start: selected.start, label: selected.start });
  const whose = data.choices.map((c) => ({ value: c.kind + ':' + c.id, label: c.kind === 'team' ? 'Team of ' + c.name : c.name + ' (' + c.role.replace('_', ' ') + ')' }));
  if (selected && !whose.some((w) => w.value === selected.scope + ':' + selected.id)) whose.push({ value: selected.scope + ':' + selected.id, label: 'Asked for: ' + selected.scope + ' ' + selected.id });
  const board = data.board;

  return (
    <Box variant="grey" p="xl" data-testid="kpi-board">
      <H2>KPI board</H2>
      <Text mb="lg" color="grey80">
        Each team KPI for a month or a quarter: the actual, the target a manager set, and the progress towards it.{' '}
        {data.board ? (
          <a href="#kpi-definitions" data-testid="kpi-definitions-link">
            Definitions: docs/metrics.md
          </a>
        ) : (
          'Definitions: ' + data.definitions
        )}
      </Text>
      <Box variant="white" p="lg" mb="lg" flex flexDirection="row" flexWrap="wrap">
        <Picker
          label="Whose board"
          testId="kpi-whose"
          value={selected ? selected.scope + ':' + selected.id : ''}
          options={whose}
          onChange={(value) => change({ scope: value.split(':')[0], id: value.split(':')[1] })}
        />
        <Picker
          label="Month or quarter"
          testId="kpi-period-kind"
          value={kind}
          options={[
            { value: 'month', label: 'Month' },
            { value: 'quarter', label: 'Quarter' },
          ]}
          onChange={(value) => change({ period: value, start: data.periods[value as 'month' | 'quarter'][0].start })}
        />
        <Picker label="Which" testId="kpi-period" value={selected?.start ?? ''} options={periods.map((p) => ({ value: p.start, label: p.label }))} onChange={(value) => change({ start: value })} />
        {loading ? <Loader /> : null}
      </Box>
      {data.error ? <MessageBox mb="lg" variant="danger" message={data.error} data-testid="kpi-board-error" /> : null}
      {board ? (
        <Box variant="white" p="lg" data-testid="kpi-board-table-box">
          <H5 data-testid="kpi-board-title">
            {(board.scope.kind === 'team' ? 'Team of ' + board.scope.name + ' (' + board.scope.members + (board.scope.members === 1 ? ' person' : ' people') + ')' : board.scope.name) + ' · ' + board.period.label}
          </H5>
          {board.period.provisional ? (
            <MessageBox
              mb="md"
              variant="info"
              data-testid="kpi-provisional"
              message={
                'Provisional: returns and cancellations of ' + board.period.label + ' may still arrive until ' + board.period.returnWindowDays + ' days after ' + board.period.lastDay + ', so NMV and its growth may still change.'
              }
            />
          ) : null}
          <Table data-testid="kpi-table">
            <TableHead>
              <TableRow>
                <TableCell>KPI</TableCell>
                <TableCell>Actual</TableCell>
                <TableCell>Target</TableCell>
                <TableCell>Progress</TableCell>
                <TableCell>Basis</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {board.kpis.map((row) => (
                <TableRow key={rowKey(row)} data-testid={'kpi-row-' + rowKey(row)}>
                  <TableCell title={row.definition + ' (' + direction(row) + ')'}>
                    <Text fontWeight="bold">{rowName(row)}</Text>
                    <Text fontSize="sm" color="grey60">
                      {row.definition + ' · ' + direction(row)}
                    </Text>
                  </TableCell>
                  <TableCell data-testid="kpi-actual">{formatKpiFigure(row.unit, row.actual, row.currency)}</TableCell>
                  <TableCell data-testid="kpi-target">{row.target === null ? 'no target set' : formatKpiFigure(row.unit, row.target, row.currency)}</TableCell>
                  <TableCell data-testid="kpi-progress" title="Progress: actual ÷ target where more is better, target ÷ actual where less is better; 100 % is on target">
                    {row.progress === null ? '—' : formatShare(row.progress) + (row.met ? ' · met' : ' · not met')}
                  </TableCell>
                  <TableCell data-testid="kpi-basis">{row.basis}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          <Box mt="xl">
            <H5>Progress towards each target</H5>
            <ProgressChart
              testId="kpi-progress-chart"
              format={(share) => formatShare(share)}
              rows={board.kpis.map((row) => ({
                key: rowKey(row),
                label: rowName(row),
                progress: row.progress,
                met: row.met,
                detail: formatKpiFigure(row.unit, row.actual, row.currency) + ' against a target of ' + (row.target === null ? 'none' : formatKpiFigure(row.unit, row.target, row.currency)) + ' (' + direction(row) + ')',
                missing: row.target === null ? 'no target set' : 'not measurable in this period',
              }))}
            />
          </Box>
          <Box mt="xl" id="kpi-definitions" data-testid="kpi-definitions">
            <H5>Definitions</H5>
            {board.kpis
              .filter((row, i, rows) => rows.findIndex((other) => other.id === row.id) === i)
              .map((row) => (
                <Text key={row.id} fontSize="sm" mb="sm">
                  <b>{row.name}</b>
                  {': ' + row.definition + ' (' + direction(row) + ').'}
                </Text>
              ))}
            <Text fontSize="sm" color="grey60">
              {'Progress is actual ÷ target where more is better and target ÷ actual where less is better: 100 % is on target. Money is in minor units of its own currency, never added across currencies. The full definitions: ' +
                data.definitions +
                ' in the CreatorOps repository.'}
            </Text>
          </Box>
        </Box>
      ) : null}
    </Box>
  );
};

export default KpiBoard;

import React, { useEffect, useState } from 'react';
import { ApiClient } from 'adminjs';
import { Box, Button, H2, Label, Link, Loader, MessageBox, Table, TableBody, TableCell, TableHead, TableRow, Text } from '@adminjs/design-system';
import { formatWhen } from '../../../libs/domain/rules/date-format';
import { panelDateSettings } from '../back-office/components/date-settings';
import { REPORTS_PAGE, type ReportsPageData } from './reports-page.component';

/**
 * "Reports" (a page of the panel): the monthly team reports within reach with their PDF and CSV,
 * and making one now (the same workflow as the monthly Schedule). Data from reports.panel.ts.
 */

const api = new ApiClient();
const selectStyle: React.CSSProperties = { padding: '8px', border: '1px solid #C0C0CA', borderRadius: '2px', background: 'white', fontSize: '14px', height: '40px', minWidth: '220px' };

const ReportsPage: React.FC = () => {
  const [data, setData] = useState<ReportsPageData | null>(null);
  const [team, setTeam] = useState('');
  const [month, setMonth] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const show = (next: ReportsPageData) => {
    setData(next);
    if (!team && next.teams.length) setTeam(next.teams[0].id);
    if (!month && next.months.length > 1) setMonth(next.months[1].start);
  };

  useEffect(() => {
    api
      .getPage<ReportsPageData>({ pageName: REPORTS_PAGE })
      .then((response) => show(response.data))
      .catch(() => setFailure('The reports could not be loaded; reload the page.'));
  }, []);

  const make = () => {
    if (!team || !month || busy) return;
    setBusy(true);
    setFailure(null);
    api
      .getPage<ReportsPageData>({ pageName: REPORTS_PAGE, method: 'post', data: { managerId: team, month } })
      .then((response) => show(response.data))
      .catch((error: { response?: { data?: ReportsPageData } }) => {
        const answer = error.response?.data;
        if (answer?.reports) show(answer);
        setFailure(answer?.error ?? 'The report could not be made; try again.');
      })
      .finally(() => setBusy(false));
  };

  if (!data) return <Box variant="grey" p="xl">{failure ? <MessageBox message={failure} variant="danger" /> : <Loader />}</Box>;
  return (
    <Box variant="grey" p="xl" data-testid="reports-page">
      <H2>Reports</H2>
      <Text mb="lg" color="grey80">
        Each team lead's monthly report: outcomes against targets, changes since last month, top and bottom creators with the reasons, escalations and rework, and what to improve. Made on the 1st of each month for the month that ended, or now.
      </Text>
      {data.teams.length ? (
        <Box variant="white" p="lg" mb="xl" flex flexDirection="row" style={{ gap: '16px', alignItems: 'flex-end', flexWrap: 'wrap' }}>
          <Box>
            <Label htmlFor="report-team">Team</Label>
            <select id="report-team" style={selectStyle} value={team} onChange={(e) => setTeam(e.target.value)} data-testid="report-team">
              {data.teams.map((t) => (
                <option key={t.id} value={t.id}>{t.name}</option>
              ))}
            </select>
          </Box>
          <Box>
            <Label htmlFor="report-month">Month</Label>
            <select id="report-month" style={selectStyle} value={month} onChange={(e) => setMonth(e.target.value)} data-testid="report-month">
              {data.months.map((m) => (
                <option key={m.start} value={m.start}>{m.label}</option>
              ))}
            </select>
          </Box>
          <Button type="button" variant="contained" disabled={busy} onClick={make} data-testid="report-make">
            {busy ? 'Making the report…' : 'Make the report now'}
          </Button>
        </Box>
      ) : null}
      {failure ? <MessageBox message={failure} variant="danger" mb="lg" data-testid="report-error" /> : null}
      {data.reports.length === 0 ? (
        <Text data-testid="reports-empty">No reports yet.</Text>
      ) : (
        <Table data-testid="reports-table">
          <TableHead>
            <TableRow>
              <TableCell>Team of</TableCell>
              <TableCell>Month</TableCell>
              <TableCell>Made</TableCell>
              <TableCell>Top / bottom creators</TableCell>
              <TableCell>Improvement areas</TableCell>
              <TableCell>Files</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {data.reports.map((r) => (
              <TableRow key={r.id} data-testid="report-row" style={r.id === data.made ? { background: '#F4F6FF' } : undefined}>
                <TableCell>{r.team}</TableCell>
                <TableCell>{r.period + (r.provisional ? ' (provisional)' : '')}</TableCell>
                <TableCell>{r.trigger + ', ' + formatWhen(r.generatedAt, 'datetime', panelDateSettings())}</TableCell>
                <TableCell>{(r.top.join(', ') || '—') + ' / ' + (r.bottom.join(', ') || '—')}</TableCell>
                <TableCell>{r.improvements.length ? r.improvements.join(' ') : 'None: every KPI met its target or held its level.'}</TableCell>
                <TableCell>
                  <Link href={r.pdf} mr="lg" data-testid="report-pdf">PDF</Link>
                  <Link href={r.csv} data-testid="report-csv">CSV</Link>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Box>
  );
};

export default ReportsPage;

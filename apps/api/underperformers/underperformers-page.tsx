import React, { useEffect, useState } from 'react';
import { ApiClient } from 'adminjs';
import { Box, H2, Label, Loader, MessageBox, Table, TableBody, TableCell, TableHead, TableRow, Text } from '@adminjs/design-system';
import { UNDERPERFORMERS_PAGE, type UnderperformersPageData } from './underperformers-page.component';

/**
 * "Underperformers" (a page of the panel): the flags the daily Schedule stored, within reach —
 * what is low, against what, since when, the suggested action, raised and cleared days. Data
 * from underperformers.panel.ts.
 */

const api = new ApiClient();
const selectStyle: React.CSSProperties = { padding: '8px', border: '1px solid #C0C0CA', borderRadius: '2px', background: 'white', fontSize: '14px', height: '40px', minWidth: '180px' };
const STATUSES: Array<{ value: UnderperformersPageData['status']; label: string }> = [
  { value: 'open', label: 'Open' },
  { value: 'cleared', label: 'Cleared' },
  { value: 'all', label: 'All' },
];

const UnderperformersPage: React.FC = () => {
  const [data, setData] = useState<UnderperformersPageData | null>(null);
  const [status, setStatus] = useState<UnderperformersPageData['status']>('open');
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    api
      .getPage<UnderperformersPageData>({ pageName: UNDERPERFORMERS_PAGE, params: { status } })
      .then((response) => setData(response.data))
      .catch(() => setFailure('The flags could not be loaded; reload the page.'));
  }, [status]);

  if (!data) return <Box variant="grey" p="xl">{failure ? <MessageBox message={failure} variant="danger" /> : <Loader />}</Box>;
  return (
    <Box variant="grey" p="xl" data-testid="underperformers-page">
      <H2>Underperformers</H2>
      <Text mb="lg" color="grey80">
        Creators and campaigns whose NMV per post, ROAS or engagement rate fell below their cohort (same platform, tier and niche) or below their own trend, by more than chance explains (at least 4 posts over 2 weeks, 1.645 standard errors and 20 %). Evaluated every day at 05:00 UTC; a flag clears the first day it is no longer found.
      </Text>
      <Box variant="white" p="lg" mb="xl">
        <Label htmlFor="underperformers-status">Show</Label>
        <select id="underperformers-status" style={selectStyle} value={status} onChange={(e) => setStatus(e.target.value as UnderperformersPageData['status'])} data-testid="underperformers-status">
          {STATUSES.map((s) => (
            <option key={s.value} value={s.value}>{s.label}</option>
          ))}
        </select>
      </Box>
      {data.error ? <MessageBox message={data.error} variant="danger" mb="lg" /> : null}
      {data.rows.length === 0 ? (
        <Text data-testid="underperformers-empty">{data.status === 'cleared' ? 'No cleared flag.' : 'No underperformer flagged.'}</Text>
      ) : (
        <Table data-testid="underperformers-table">
          <TableHead>
            <TableRow>
              <TableCell>Who</TableCell>
              <TableCell>What is low</TableCell>
              <TableCell>Now</TableCell>
              <TableCell>Compared with</TableCell>
              <TableCell>Since</TableCell>
              <TableCell>Suggested action</TableCell>
              <TableCell>Raised</TableCell>
              <TableCell>Cleared</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {data.rows.map((r) => (
              <TableRow key={r.id} data-testid="underperformer-row" title={r.explanation}>
                <TableCell data-testid="underperformer-subject">{r.subject}</TableCell>
                <TableCell data-testid="underperformer-metric">{r.metric}</TableCell>
                <TableCell data-testid="underperformer-observed">{r.observed}</TableCell>
                <TableCell data-testid="underperformer-baseline">{r.comparedWith}</TableCell>
                <TableCell data-testid="underperformer-since">{r.since}</TableCell>
                <TableCell data-testid="underperformer-suggestion">{r.suggestion}</TableCell>
                <TableCell data-testid="underperformer-raised">{r.raisedOn}</TableCell>
                <TableCell data-testid="underperformer-cleared">{r.clearedOn ?? 'open'}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Box>
  );
};

export default UnderperformersPage;

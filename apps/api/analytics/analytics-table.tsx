import React, { useState } from 'react';
import { Box, H5, Link, Text, Table, TableHead, TableBody, TableRow, TableCell } from '@adminjs/design-system';
import { sortRows, TABLE_COLUMNS, type SortKey } from './analytics-figures';
import type { AnalyticsChildren, AnalyticsRow } from './analytics-page.component';

/**
 * The entities below an analytics page's entity (analytics-page.tsx), sortable by clicking a
 * column header, each row linking to its own page, with the table's CSV. Money in the page's
 * main currency; the CSV has a line per currency.
 */

const TITLES: Record<AnalyticsChildren, string> = {
  collaborations: 'Collaborations in the period',
  campaigns: 'Campaigns running in the period',
  creators: 'Creators on the roster',
  executives: 'Talent managers in the team',
};

const header: React.CSSProperties = { background: 'none', border: 'none', padding: 0, font: 'inherit', fontWeight: 'bold', cursor: 'pointer', color: 'inherit' };

const AnalyticsTable: React.FC<{ of: AnalyticsChildren; rows: AnalyticsRow[]; links: Record<string, string>; currency: string | null; csv: string | null; apiCsv: string | null }> = ({
  of,
  rows,
  links,
  currency,
  csv,
  apiCsv,
}) => {
  const [sort, setSort] = useState<{ key: SortKey; direction: 'asc' | 'desc' }>({ key: 'name', direction: 'asc' });
  const sorted = sortRows(rows, sort.key, sort.direction, currency);
  const click = (key: SortKey) => setSort((current) => ({ key, direction: current.key === key && current.direction === 'asc' ? 'desc' : 'asc' }));
  return (
    <Box variant="white" boxShadow="card" p="lg" m="md" data-testid="analytics-table-box">
      <Box flex flexDirection="row" style={{ justifyContent: 'space-between', alignItems: 'baseline' }}>
        <H5>{TITLES[of] + ' (' + rows.length + ')'}</H5>
        {csv ? (
          <Link href={csv} download data-testid="analytics-csv">
            Download CSV
          </Link>
        ) : null}
      </Box>
      <Text fontSize="sm" color="grey60" mb="md">
        {'Click a column to sort (again to reverse); what is not measurable ("—") stays last. Money in ' +
          (currency ?? 'its currency') +
          '; the CSV has a line per entity and currency, amounts in minor units.' +
          (apiCsv ? ' Integrations: GET ' + apiCsv + ' on the REST API.' : '')}
      </Text>
      <Table data-testid="analytics-table">
        <TableHead>
          <TableRow>
            {TABLE_COLUMNS.map((column) => (
              <TableCell key={column.key} title={column.definition} aria-sort={sort.key === column.key ? (sort.direction === 'asc' ? 'ascending' : 'descending') : 'none'}>
                <button type="button" style={header} onClick={() => click(column.key)} data-testid={'sort-' + column.key}>
                  {column.label + (column.key === 'nmv' || column.key === 'spend' || column.key === 'roas' ? ' (' + (currency ?? '—') + ')' : '') + (sort.key === column.key ? (sort.direction === 'asc' ? ' ▲' : ' ▼') : '')}
                </button>
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {sorted.map((row) => (
            <TableRow key={row.id} data-testid="analytics-row" data-id={row.id}>
              {TABLE_COLUMNS.map((column) => (
                <TableCell key={column.key} title={column.definition} data-testid={'cell-' + column.key}>
                  {column.key === 'name' && links[row.id] ? (
                    <Link href={links[row.id]} data-testid="analytics-row-link">
                      {row.name}
                    </Link>
                  ) : (
                    column.format(row.totals, row, currency)
                  )}
                </TableCell>
              ))}
            </TableRow>
          ))}
          {rows.length === 0 ? (
            <TableRow>
              <TableCell colSpan={TABLE_COLUMNS.length}>Nothing below this entity in the period.</TableCell>
            </TableRow>
          ) : null}
        </TableBody>
      </Table>
    </Box>
  );
};

export default AnalyticsTable;

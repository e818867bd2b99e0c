import React, { useEffect, useState } from 'react';
import { ApiClient, ViewHelpers } from 'adminjs';
import { Box, H2, H5, Text, Link, Loader } from '@adminjs/design-system';
import { formatWhen } from '../../../../libs/domain/rules/date-format';
import { deadlineText } from '../../../../libs/domain/rules/deadline-names';
import { formatMoney, formatMoneyTick } from '../../../../libs/domain/rules/money-format';
import type { DashboardData, DashboardMonth } from '../dashboard-data';
import { tickDecimals } from './chart-scale';
import TimeChart from './charts';
import { panelDateSettings } from './date-settings';

/**
 * The panel's home page, replacing AdminJS's developer welcome (docs links, Discord, "contact
 * us"): per role, the user's open escalations, deadlines in the next 7 days, drafts waiting for
 * review, payouts due and overdue (finance, admins), this month's on-time delivery rate and a
 * monthly chart of collaborations and spend. The numbers come from the dashboard handler
 * (dashboard-data.ts, SQL within the user's reach); this component only draws them.
 */

const api = new ApiClient();
const paths = new ViewHelpers();
const recordUrl = (resourceId: string, recordId: string): string => paths.recordActionUrl({ resourceId, recordId, actionName: 'show' });
const dates = panelDateSettings();
const when = (iso: string): string => formatWhen(iso, 'datetime', dates);
const day = (date: string): string => formatWhen(date, 'date', dates);
const money = (minor: number | string, currency: string): string => formatMoney(Number(minor), currency);

const Panel: React.FC<{ title: string; testId: string; count?: number; children?: React.ReactNode }> = ({ title, testId, count, children }) => (
  <Box variant="white" boxShadow="card" p="lg" m="md" style={{ flex: '1 1 420px', minWidth: '360px' }} data-testid={testId}>
    <H5 mb="md">{title + (count === undefined ? '' : ' (' + count + ')')}</H5>
    {children}
  </Box>
);

const Empty: React.FC<{ text: string }> = ({ text }) => <Text color="grey60">{text}</Text>;

const Row: React.FC<{ href?: string; title: string; detail: string; testId: string }> = ({ href, title, detail, testId }) => (
  <Box py="sm" style={{ borderBottom: '1px solid #eee' }} data-testid={testId}>
    {href ? <Link href={href}>{title}</Link> : <Text fontWeight="bold">{title}</Text>}
    <Text color="grey80" fontSize="sm">
      {detail}
    </Text>
  </Box>
);

/**
 * Collaborations booked and the creator fees agreed on them, by month: two charts, because a count
 * and an amount have no common scale. Fees in the currency with the most of them; the others are
 * named below, never added to it.
 */
const Monthly: React.FC<{ months: DashboardMonth[] }> = ({ months }) => {
  const totals: Record<string, number> = {};
  months.forEach((m) =>
    Object.entries(m.spend || {}).forEach(([c, v]) => {
      totals[c] = (totals[c] || 0) + v;
    }),
  );
  const main: string | undefined = Object.keys(totals).sort((a, b) => totals[b] - totals[a])[0];
  const firstDays = months.map((m) => m.month + '-01');
  const count = (v: number, step: number) => v.toFixed(tickDecimals(step));
  const fee = (v: number) => (main ? formatMoney(Math.round(v), main) : String(v));
  const others = Object.keys(totals).filter((c) => c !== main);
  return (
    <Box data-testid="dashboard-chart">
      <TimeChart
        testId="dashboard-bookings"
        title="Collaborations booked, by month"
        months={firstDays}
        left={{ title: 'Collaborations booked', format: count }}
        series={[
          {
            name: 'Collaborations booked',
            definition: 'Bookings created in the month, within your reach',
            kind: 'bar',
            axis: 'left',
            color: '#4268F6',
            values: months.map((m) => m.bookings),
            format: (v) => String(v),
          },
        ]}
      />
      {main ? (
        <TimeChart
          testId="dashboard-fees"
          title={'Creator fees agreed, by month (' + main + ')'}
          months={firstDays}
          left={{ title: 'Creator fees (' + main + ')', format: (v) => formatMoneyTick(v, main) }}
          series={[
            {
              name: 'Creator fees (' + main + ')',
              definition: "Agreed creator fees of the month's bookings, in " + main,
              kind: 'bar',
              axis: 'left',
              color: '#F0616F',
              values: months.map((m) => m.spend[main] || 0),
              format: fee,
            },
          ]}
        />
      ) : null}
      {others.length ? (
        <Text mt="md" fontSize="sm" color="grey80">
          {'Fees in other currencies over these months: ' + others.map((c) => formatMoney(totals[c], c)).join(', ') + '.'}
        </Text>
      ) : null}
    </Box>
  );
};

const Dashboard: React.FC = () => {
  const [data, setData] = useState<DashboardData | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api
      .getDashboard<DashboardData>()
      .then((response) => setData(response.data))
      .catch((e: Error | undefined) => setError(e?.message || 'The dashboard could not be loaded'));
  }, []);
  const header = (
    <Box px="md">
      <H2>CreatorOps back office</H2>
      <Text mb="lg">
        {data
          ? 'Signed in as ' + (data.name || '') + ' (' + data.role + '): showing ' + data.scope + '.'
          : 'Collaborations run as workflows: decisions taken here go through the same rules as the API.'}
      </Text>
    </Box>
  );
  if (error)
    return (
      <Box variant="grey" p="xl">
        {header}
        <Text color="error">{error}</Text>
      </Box>
    );
  if (!data)
    return (
      <Box variant="grey" p="xl">
        {header}
        <Loader />
      </Box>
    );
  const rate = data.onTime.rate === null ? '—' : Math.round(data.onTime.rate * 100) + '%';
  return (
    <Box variant="grey" p="xl" data-testid="dashboard">
      {header}
      <Box flex flexDirection="row" flexWrap="wrap">
        <Panel title="My open escalations" testId="dashboard-escalations" count={data.escalations.length}>
          {data.escalations.length === 0 ? (
            <Empty text="No open escalations." />
          ) : (
            data.escalations.map((e) => (
              <Row
                key={e.id}
                testId="dashboard-escalation"
                href={recordUrl('Escalation', e.id)}
                title={e.kind + ' · ' + e.severity + (e.creatorName ? ' · ' + e.creatorName : '')}
                detail={(e.campaignName ? e.campaignName + ' — ' : '') + e.summary + ' (raised ' + when(e.raisedAt) + ')'}
              />
            ))
          )}
        </Panel>
        <Panel title="Deadlines in the next 7 days" testId="dashboard-deadlines" count={data.deadlines.length}>
          {data.deadlines.length === 0 ? (
            <Empty text="Nothing due in the next 7 days." />
          ) : (
            data.deadlines.map((d, i) => (
              <Row
                key={d.collaborationId + i}
                testId="dashboard-deadline"
                href={recordUrl('Collaboration', d.collaborationId)}
                title={d.creatorName + ' · ' + d.campaignName}
                detail={deadlineText(d.what) + ' — ' + when(d.dueAt)}
              />
            ))
          )}
        </Panel>
        <Panel title="Drafts waiting for review" testId="dashboard-drafts" count={data.draftsInReview.length}>
          {data.draftsInReview.length === 0 ? (
            <Empty text="No drafts waiting for review." />
          ) : (
            data.draftsInReview.map((d) => (
              <Row
                key={d.id}
                testId="dashboard-draft"
                href={recordUrl('Collaboration', d.collaborationId)}
                title={d.creatorName + ' · ' + d.campaignName}
                detail={d.deliverableType + ' draft v' + d.version + ', submitted ' + when(d.submittedAt)}
              />
            ))
          )}
        </Panel>
        {data.payouts ? (
          <Panel title="Payouts due and overdue" testId="dashboard-payouts" count={data.payouts.due.length + data.payouts.overdue.length}>
            {data.payouts.overdue.length + data.payouts.due.length === 0 ? (
              <Empty text="No payouts due in the next 7 days." />
            ) : (
              data.payouts.overdue
                .map((p) => (
                  <Row
                    key={p.id}
                    testId="dashboard-payout-overdue"
                    title={'OVERDUE · ' + p.creatorName + ' · ' + money(p.amountMinor, p.currency)}
                    detail={'due ' + day(p.dueOn) + ', ' + p.status + (p.invoiceNumber ? ', invoice ' + p.invoiceNumber : '')}
                  />
                ))
                .concat(
                  data.payouts.due.map((p) => (
                    <Row
                      key={p.id}
                      testId="dashboard-payout-due"
                      title={p.creatorName + ' · ' + money(p.amountMinor, p.currency)}
                      detail={'due ' + day(p.dueOn) + ', ' + p.status + (p.invoiceNumber ? ', invoice ' + p.invoiceNumber : '')}
                    />
                  )),
                )
            )}
          </Panel>
        ) : null}
        {data.role !== 'finance' ? (
          <Panel title="Creator ratings to record" testId="dashboard-ratings" count={data.ratingTasks.length}>
            {data.ratingTasks.length === 0 ? (
              <Empty text="No creator ratings to record." />
            ) : (
              data.ratingTasks.map((t) => (
                <Row
                  key={t.ratingId}
                  testId="dashboard-rating"
                  href={recordUrl('CreatorRating', t.ratingId)}
                  title={t.creatorName + ' · ' + t.campaignName}
                  detail={'Fee paid; ask the creator for their 1–5 rating (requested ' + when(t.requestedAt) + (t.reminded ? ', reminded' : '') + ')'}
                />
              ))
            )}
          </Panel>
        ) : null}
        <Panel title={'On-time delivery, ' + data.onTime.month} testId="dashboard-on-time">
          <H2 data-testid="dashboard-on-time-rate">{rate}</H2>
          <Text color="grey80">{data.onTime.onTime + ' of ' + data.onTime.posted + ' deliverables posted this month went live by their scheduled time.'}</Text>
        </Panel>
        <Panel title="Collaborations and creator fees by month" testId="dashboard-monthly">
          <Monthly months={data.monthly} />
        </Panel>
      </Box>
    </Box>
  );
};

export default Dashboard;

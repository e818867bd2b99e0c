import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/**
 * The panel's home page, replacing AdminJS's developer welcome (docs links, Discord, "contact
 * us"): per role, the user's open escalations, deadlines in the next 7 days, drafts waiting for
 * review, payouts due and overdue (finance, admins), this month's on-time delivery rate and a
 * monthly chart of collaborations and spend. The numbers come from the dashboard handler
 * (dashboard-data.ts, SQL within the user's reach); this component only draws them.
 *
 * AdminJS bundles front-end components from source files at run time, and the production image
 * ships only dist/: so the source lives here as text and is written to a temporary directory at
 * start, before AdminJS bundles it.
 */
export function dashboardSource(rootPath: string): string {
  return `import React, { useEffect, useState } from 'react';
import { ApiClient } from 'adminjs';
import { Box, H2, H5, Text, Link, Loader } from '@adminjs/design-system';

const ROOT = ${JSON.stringify(rootPath)};
const api = new ApiClient();
const recordUrl = (resource, id) => ROOT + '/resources/' + resource + '/records/' + id + '/show';
const when = (iso) => { const d = new Date(iso); return isNaN(d.getTime()) ? String(iso) : d.toLocaleString(); };
const money = (minor, currency) => (Number(minor) / 100).toLocaleString(undefined, { maximumFractionDigits: 2 }) + ' ' + currency;
const h = React.createElement;

const Panel = ({ title, testId, count, children }) =>
  h(Box, { variant: 'white', boxShadow: 'card', p: 'lg', m: 'md', style: { flex: '1 1 420px', minWidth: '360px' }, 'data-testid': testId },
    h(H5, { mb: 'md' }, title + (count === undefined ? '' : ' (' + count + ')')),
    children);

const Empty = ({ text }) => h(Text, { color: 'grey60' }, text);

const Row = ({ href, title, detail, testId }) =>
  h(Box, { py: 'sm', style: { borderBottom: '1px solid #eee' }, 'data-testid': testId },
    href ? h(Link, { href }, title) : h(Text, { fontWeight: 'bold' }, title),
    h(Text, { color: 'grey80', fontSize: 'sm' }, detail));

const Chart = ({ months }) => {
  const currencies = {};
  months.forEach((m) => Object.entries(m.spend || {}).forEach(([c, v]) => { currencies[c] = (currencies[c] || 0) + v; }));
  const main = Object.keys(currencies).sort((a, b) => currencies[b] - currencies[a])[0];
  const maxBookings = Math.max(1, ...months.map((m) => m.bookings));
  const maxSpend = Math.max(1, ...months.map((m) => (main && m.spend[main]) || 0));
  return h(Box, null,
    h(Box, { flex: true, flexDirection: 'row', style: { alignItems: 'flex-end', height: '160px', gap: '18px' }, 'data-testid': 'dashboard-chart' },
      months.map((m) => h(Box, { key: m.month, flex: true, flexDirection: 'column', style: { alignItems: 'center', flex: '1' } },
        h(Box, { flex: true, flexDirection: 'row', style: { alignItems: 'flex-end', height: '130px', gap: '4px' } },
          h('div', { title: m.bookings + ' bookings', style: { width: '18px', background: '#4268F6', height: Math.round((m.bookings / maxBookings) * 120) + 'px' } }),
          h('div', { title: main ? money((m.spend[main] || 0), main) : '', style: { width: '18px', background: '#F0616F', height: Math.round((((main && m.spend[main]) || 0) / maxSpend) * 120) + 'px' } })),
        h(Text, { fontSize: 'sm' }, m.month),
        h(Text, { fontSize: 'xs', color: 'grey60' }, m.bookings + ' / ' + (main ? money(m.spend[main] || 0, main) : '0'))))),
    h(Text, { mt: 'md', fontSize: 'sm', color: 'grey80' },
      'Blue: bookings made in the month. Red: creator fees agreed on them' + (main ? ' (' + main + ')' : '') + '.' +
      (Object.keys(currencies).length > 1 ? ' Other currencies: ' + Object.keys(currencies).filter((c) => c !== main).map((c) => money(currencies[c], c)).join(', ') + '.' : '')));
};

const Dashboard = () => {
  const [data, setData] = useState(null);
  const [error, setError] = useState(null);
  useEffect(() => {
    api.getDashboard().then((response) => setData(response.data)).catch((e) => setError(e && e.message ? e.message : 'The dashboard could not be loaded'));
  }, []);
  const header = h(Box, { px: 'md' },
    h(H2, null, 'CreatorOps back office'),
    h(Text, { mb: 'lg' }, data ? 'Signed in as ' + (data.name || '') + ' (' + data.role + '): showing ' + data.scope + '.' : 'Bookings run as workflows: decisions taken here go through the same rules as the API.'));
  if (error) return h(Box, { variant: 'grey', p: 'xl' }, header, h(Text, { color: 'error' }, error));
  if (!data) return h(Box, { variant: 'grey', p: 'xl' }, header, h(Loader));
  const rate = data.onTime.rate === null ? '—' : Math.round(data.onTime.rate * 100) + '%';
  return h(Box, { variant: 'grey', p: 'xl', 'data-testid': 'dashboard' },
    header,
    h(Box, { flex: true, flexDirection: 'row', flexWrap: 'wrap' },
      h(Panel, { title: 'My open escalations', testId: 'dashboard-escalations', count: data.escalations.length },
        data.escalations.length === 0 ? h(Empty, { text: 'No open escalations.' }) :
          data.escalations.map((e) => h(Row, { key: e.id, testId: 'dashboard-escalation', href: recordUrl('Escalation', e.id),
            title: e.kind + ' · ' + e.severity + (e.creatorName ? ' · ' + e.creatorName : ''),
            detail: (e.campaignName ? e.campaignName + ' — ' : '') + e.summary + ' (raised ' + when(e.raisedAt) + ')' }))),
      h(Panel, { title: 'Deadlines in the next 7 days', testId: 'dashboard-deadlines', count: data.deadlines.length },
        data.deadlines.length === 0 ? h(Empty, { text: 'Nothing due in the next 7 days.' }) :
          data.deadlines.map((d, i) => h(Row, { key: d.collaborationId + i, testId: 'dashboard-deadline', href: recordUrl('Collaboration', d.collaborationId),
            title: d.creatorName + ' · ' + d.campaignName, detail: d.what + ' — ' + when(d.dueAt) }))),
      h(Panel, { title: 'Drafts waiting for review', testId: 'dashboard-drafts', count: data.draftsInReview.length },
        data.draftsInReview.length === 0 ? h(Empty, { text: 'No drafts waiting for review.' }) :
          data.draftsInReview.map((d) => h(Row, { key: d.id, testId: 'dashboard-draft', href: recordUrl('Collaboration', d.collaborationId),
            title: d.creatorName + ' · ' + d.campaignName, detail: d.deliverableType + ' draft v' + d.version + ', submitted ' + when(d.submittedAt) }))),
      data.payouts ? h(Panel, { title: 'Payouts due and overdue', testId: 'dashboard-payouts', count: data.payouts.due.length + data.payouts.overdue.length },
        data.payouts.overdue.length + data.payouts.due.length === 0 ? h(Empty, { text: 'No payouts due in the next 7 days.' }) :
          data.payouts.overdue.map((p) => h(Row, { key: p.id, testId: 'dashboard-payout-overdue', title: 'OVERDUE · ' + p.creatorName + ' · ' + money(p.amountMinor, p.currency),
            detail: 'due ' + p.dueOn + ', ' + p.status + (p.invoiceNumber ? ', invoice ' + p.invoiceNumber : '') }))
            .concat(data.payouts.due.map((p) => h(Row, { key: p.id, testId: 'dashboard-payout-due', title: p.creatorName + ' · ' + money(p.amountMinor, p.currency),
              detail: 'due ' + p.dueOn + ', ' + p.status + (p.invoiceNumber ? ', invoice ' + p.invoiceNumber : '') })))) : null,
      h(Panel, { title: 'On-time delivery, ' + data.onTime.month, testId: 'dashboard-on-time' },
        h(H2, { 'data-testid': 'dashboard-on-time-rate' }, rate),
        h(Text, { color: 'grey80' }, data.onTime.onTime + ' of ' + data.onTime.posted + ' deliverables posted this month went live by their scheduled time.')),
      h(Panel, { title: 'Bookings and spend by month', testId: 'dashboard-monthly' }, h(Chart, { months: data.monthly }))));
};

export default Dashboard;
`;
}

/** AdminJS's working directory, as AdminJS itself resolves it. */
export function adminJsWorkDir(): string {
  return path.resolve(process.env.ADMIN_JS_TMP_DIR || path.join(process.cwd(), '.adminjs'));
}

/**
 * Outside production AdminJS bundles the components on the first request and then serves that
 * bundle for as long as the file exists, across restarts: drop it so a changed component set
 * is bundled again. (In production it bundles at boot, or uses a prebuilt bundle.)
 */
export function dropStaleComponentBundle(dir: string = adminJsWorkDir()): void {
  fs.rmSync(path.join(dir, 'bundle.js'), { force: true });
}

/**
 * Writes the component and returns its absolute path (what ComponentLoader.add wants). Not
 * inside AdminJS's working directory: its entry file imports components by a path relative to
 * that directory and a path without "../" would be taken for a package name.
 */
export function writeDashboardComponent(rootPath: string): { file: string; remove(): void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'creatorops-panel-'));
  const file = path.join(dir, 'dashboard.jsx');
  fs.writeFileSync(file, dashboardSource(rootPath));
  return { file, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

import React, { useEffect, useState } from 'react';
import { Badge, Box, Button, H3, H5, Link, Loader, MessageBox, Table, TableBody, TableCell, TableHead, TableRow, Text } from '@adminjs/design-system';
import { formatWhen } from '../../../libs/domain/rules/date-format';
import { panelDateSettings } from '../back-office/components/date-settings';
import { ApiClient, type ActionProps } from 'adminjs';
import type { Actor } from '../../../libs/domain/rules/roles';
import type { LiveViewData } from './live-view.component';

/** A collaboration's live workflow state (the `state` query), refreshed every 15 seconds. */

const api = new ApiClient();
const REFRESH_MS = 15000;

const span = (ms: number): string => {
  const s = Math.floor(Math.abs(ms) / 1000);
  const d = Math.floor(s / 86400);
  const h = Math.floor((s % 86400) / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  if (d) return d + 'd ' + h + 'h';
  if (h) return h + 'h ' + m + 'm';
  if (m) return m + 'm ' + sec + 's';
  return sec + 's';
};
const timeLeft = (iso: string, now: number): string => {
  const ms = Date.parse(iso) - now;
  if (Number.isNaN(ms)) return '';
  return ms >= 0 ? 'in ' + span(ms) : 'overdue by ' + span(ms);
};
const when = (iso: string): string => formatWhen(iso, 'datetime', panelDateSettings());
const words = (name: string): string =>
  String(name)
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/[._]/g, ' ')
    .toLowerCase();

const Section: React.FC<{ title: string; testId: string; children?: React.ReactNode }> = ({ title, testId, children }) => (
  <Box variant="container" mb="xl" data-testid={testId}>
    <H5 mb="lg">{title}</H5>
    {children}
  </Box>
);

const Rows: React.FC<{ head: string[]; rows: React.ReactNode[][]; empty: string }> = ({ head, rows, empty }) =>
  rows.length === 0 ? (
    <Text color="grey60">{empty}</Text>
  ) : (
    <Table width={1}>
      <TableHead>
        <TableRow>
          {head.map((h) => (
            <TableCell key={h}>{h}</TableCell>
          ))}
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map((row, i) => (
          <TableRow key={i}>
            {row.map((cell, j) => (
              <TableCell key={j}>{cell}</TableCell>
            ))}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );

const LiveView: React.FC<ActionProps> = (props) => {
  const { resource, action } = props;
  // A record action: AdminJS renders it with its record.
  const record = props.record!;
  const [data, setData] = useState<LiveViewData | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const [now, setNow] = useState(Date.now());

  const load = () =>
    api
      .recordAction({ resourceId: resource.id, recordId: record.id, actionName: action.name })
      .then((response) => {
        setData(response.data as unknown as LiveViewData);
        setFailed(null);
      })
      .catch((error: Error | undefined) => setFailed(error?.message || 'network error'));

  useEffect(() => {
    load();
    const refresh = setInterval(load, REFRESH_MS);
    const tick = setInterval(() => setNow(Date.now()), 1000);
    return () => {
      clearInterval(refresh);
      clearInterval(tick);
    };
  }, [record.id]);

  if (!data && !failed) return <Loader />;
  if (!data) return <MessageBox variant="danger" message={'The live view could not be loaded: ' + failed} data-testid="live-unavailable" />;

  const live = data.live;
  const names = data.names || {};
  const links: Partial<LiveViewData['links']> = data.links || {};
  const who = (actor: Actor | undefined): string => (actor ? (names[actor.userId] || actor.userId) + ' (' + actor.role + ')' : 'system');

  const header = (
    <Box flex flexDirection="row" alignItems="center" mb="xl">
      <H3 mr="lg" mb="0">
        Live state
      </H3>
      {live ? (
        <Badge variant="primary" data-testid="live-stage">
          {live.stage}
        </Badge>
      ) : null}
      <Text ml="lg" color="grey60">
        {'as of ' + when(data.at)}
      </Text>
      <Button ml="auto" size="sm" variant="outlined" onClick={load} type="button">
        Refresh
      </Button>
    </Box>
  );

  if (!live) {
    return (
      <Box data-testid="live-view">
        {header}
        <MessageBox
          variant="danger"
          data-testid="live-unavailable"
          message={
            'The workflow could not be asked for its live state: ' +
            (data.liveError || 'unknown error') +
            '. The stored stage is ' +
            (data.storedStage || 'unknown') +
            ' and may lag behind the workflow; deadlines and escalations are not shown. Try again shortly.'
          }
        />
      </Box>
    );
  }

  const deliverables = live.deliverables || [];
  const history = (live.history || []).slice().reverse();
  const contracts = live.contracts || [];
  const link = (href: string | undefined, text: string): React.ReactNode => (href ? <Link href={href}>{text}</Link> : text);
  /** "postBy:<deliverable id>" → "post by — reel on instagram". */
  const deadlineName = (name: string): string => {
    const parts = String(name).split(':');
    const deliverable = parts[1] ? deliverables.find((d) => d.deliverableId === parts[1]) : null;
    return words(parts[0]) + (deliverable ? ' — ' + deliverable.type + ' on ' + deliverable.platform : parts[1] ? ' — ' + parts[1] : '');
  };

  return (
    <Box data-testid="live-view">
      {header}
      {live.dropout ? <MessageBox variant="warning" mb="xl" message={'Dropped by ' + who(live.dropout.actor) + ' on ' + when(live.dropout.at) + ': ' + live.dropout.reason} /> : null}

      <Section title="Deadlines" testId="live-deadlines">
        <Rows
          head={['What', 'Stage', 'Due', 'Time left']}
          empty="No deadline is running."
          rows={(live.deadlines || []).map((d) => [
            deadlineName(d.name),
            d.stage,
            when(d.dueAt),
            <Text key="t" color={Date.parse(d.dueAt) < now ? 'error' : 'grey100'}>
              {timeLeft(d.dueAt, now)}
            </Text>,
          ])}
        />
      </Section>

      <Section title="Open escalations" testId="live-escalations">
        <Rows
          head={['Kind', 'Raised', 'Open for']}
          empty="No open escalation."
          rows={(live.openEscalations || []).map((e) => [link(links.escalations && links.escalations[e.escalationId], e.kind), when(e.raisedAt), span(now - Date.parse(e.raisedAt))])}
        />
      </Section>

      <Section title="Deliverables" testId="live-deliverables">
        <Rows
          head={['Deliverable', 'Status', 'Draft due', 'Drafts', 'Revisions', 'Live post']}
          empty={
            live.stage === 'BRIEFED' || live.stage === 'CONFLICT_CHECK' || live.stage === 'NEGOTIATING' || live.stage === 'CONTRACTING'
              ? 'Deliverables are planned once the contracts are executed.'
              : 'No deliverables.'
          }
          rows={deliverables.map((d) => {
            const last = d.drafts && d.drafts.length ? d.drafts[d.drafts.length - 1] : null;
            const drafts = last ? d.drafts.length + ' (v' + last.version + (last.compliant ? ', compliant' : ', fails compliance') + (last.decision ? ', ' + words(last.decision) : '') + ')' : 'none';
            return [
              link(links.deliverables && links.deliverables[d.deliverableId], d.type + ' on ' + d.platform),
              <Badge
                key="s"
                variant={d.status === 'approved' || d.status === 'verified' ? 'success' : d.status === 'cancelled' ? 'danger' : 'info'}
                data-testid={'live-deliverable-status-' + d.deliverableId}
              >
                {words(d.status)}
              </Badge>,
              d.draftDueAt ? when(d.draftDueAt) + (d.status === 'drafting' || d.status === 'changes_requested' ? ' (' + timeLeft(d.draftDueAt, now) + ')' : '') : '',
              drafts,
              d.revisionCount + ' of ' + d.maxRevisions,
              d.liveUrl ? (d.verifiedAt ? 'verified ' : 'reported ') + d.liveUrl : d.postProblems && d.postProblems.length ? 'refused: ' + d.postProblems.join('; ') : '',
            ];
          })}
        />
      </Section>

      {contracts.length ? (
        <Section title="Contracts" testId="live-contracts">
          <Rows
            head={['Contract', 'Creator signed', 'Agency signed']}
            empty=""
            rows={contracts.map((c) => [words(c.kind), c.creatorSignedAt ? when(c.creatorSignedAt) : 'not yet', c.agencySignedAt ? when(c.agencySignedAt) : 'not yet'])}
          />
        </Section>
      ) : null}

      {live.payout ? (
        <Section title="Payout" testId="live-payout">
          <Text>{'Status: ' + live.payout.status + (live.payout.paidAt ? ', paid ' + when(live.payout.paidAt) : '') + (live.killFeeMinor ? ' (kill fee)' : '')}</Text>
        </Section>
      ) : null}

      <Section title="History" testId="live-history">
        <Rows
          head={['When', 'What', 'Stage', 'By', 'Detail']}
          empty="Nothing has happened yet."
          rows={history.map((h) => [when(h.at), words(h.event), h.stage, who(h.actor), h.detail || ''])}
        />
      </Section>
    </Box>
  );
};

export default LiveView;

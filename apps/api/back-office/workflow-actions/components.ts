import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DECISION_FORM_COMPONENT } from '../decision-action';

/**
 * The panel's front-end components for workflow work, as source text (like dashboard.ts: the
 * production image ships only dist/, and AdminJS bundles components from source files at run
 * time). Written to a temporary directory and registered with the ComponentLoader at start.
 *
 * - DecisionForm: the one form of every workflow decision; renders the fields an action
 *   declares in its `custom` options, posts them with ApiClient.recordAction, shows the notice.
 * - LiveView: a collaboration's live workflow state (the `state` query).
 * - Money: an amount in minor units shown with its currency.
 * - Related: links from a record to the records that belong to it (filtered lists).
 *
 * Plain JavaScript with JSX, and no template literals (the sources live in TS template strings).
 */

export const LIVE_VIEW_COMPONENT = 'CreatorOpsLiveView';
export const MONEY_COMPONENT = 'CreatorOpsMoney';
export const RELATED_COMPONENT = 'CreatorOpsRelated';

const decisionFormSource = String.raw`import React, { useEffect, useState } from 'react';
import { Box, Button, FormGroup, Input, Label, Loader, MessageBox, Text, TextArea } from '@adminjs/design-system';
import { ApiClient, useActionResponseHandler } from 'adminjs';

const api = new ApiClient();
const newRequestId = () =>
  (window.crypto && window.crypto.randomUUID ? window.crypto.randomUUID() : String(Date.now()) + Math.random().toString(16).slice(2)).replace(/[^A-Za-z0-9_-]/g, '');
const pad = (n) => String(n).padStart(2, '0');
/** ISO → the value of a datetime-local input, in the browser's time zone. */
const toLocalInput = (iso) => {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  return d.getFullYear() + '-' + pad(d.getMonth() + 1) + '-' + pad(d.getDate()) + 'T' + pad(d.getHours()) + ':' + pad(d.getMinutes());
};
const selectStyle = { width: '100%', padding: '8px', border: '1px solid #C0C0CA', borderRadius: '2px', background: 'white', fontSize: '14px', height: '40px' };

const DecisionForm = (props) => {
  const { action, resource, record } = props;
  const custom = action.custom || {};
  const fields = custom.fields || [];
  const [values, setValues] = useState(null);
  const [choices, setChoices] = useState({});
  const [error, setError] = useState(null);
  const [submitting, setSubmitting] = useState(false);
  const [requestId, setRequestId] = useState(newRequestId);
  const handleResponse = useActionResponseHandler();

  useEffect(() => {
    let cancelled = false;
    api
      .recordAction({ resourceId: resource.id, recordId: record.id, actionName: action.name })
      .then((response) => {
        if (cancelled) return;
        const form = (response.data && response.data.form) || {};
        const defaults = form.defaults || {};
        const formChoices = form.choices || {};
        const initial = {};
        fields.forEach((field) => {
          const value = defaults[field.name];
          let text = value === undefined || value === null ? '' : field.kind === 'datetime' ? toLocalInput(value) : String(value);
          const options = formChoices[field.name] || field.options || [];
          if (field.kind === 'select' && field.required && !text && options.length === 1) text = options[0].value;
          initial[field.name] = text;
        });
        setChoices(formChoices);
        setValues(initial);
        if (response.data && response.data.notice && response.data.notice.type === 'error') setError(response.data.notice.message);
      })
      .catch(() => {
        if (cancelled) return;
        setError('The form could not be loaded; reload the page.');
        setValues({});
      });
    return () => {
      cancelled = true;
    };
  }, [record.id, action.name]);

  if (!values) return <Loader />;

  const setValue = (name) => (event) => {
    const value = event.target.value;
    setValues((current) => Object.assign({}, current, { [name]: value }));
  };

  const submit = (event) => {
    event.preventDefault();
    if (submitting) return;
    setSubmitting(true);
    setError(null);
    const data = new FormData();
    fields.forEach((field) => {
      let value = values[field.name] || '';
      if (field.kind === 'datetime' && value) {
        const d = new Date(value);
        if (!Number.isNaN(d.getTime())) value = d.toISOString();
      }
      data.append(field.name, value);
    });
    data.append('requestId', requestId);
    api
      .recordAction({ resourceId: resource.id, recordId: record.id, actionName: action.name, data })
      .then((response) => {
        const result = response.data || {};
        // A decision may have been taken: the next one is a new decision.
        setRequestId(newRequestId());
        setSubmitting(false);
        if (result.notice && result.notice.type === 'error') setError(result.notice.message);
        handleResponse(response);
      })
      .catch((failure) => {
        setSubmitting(false);
        setError('The decision could not be sent: ' + ((failure && failure.message) || 'network error') + '. Check the record before trying again.');
      });
  };

  const control = (field) => {
    const common = { id: 'decision-' + field.name, name: field.name, value: values[field.name] || '', onChange: setValue(field.name), 'data-testid': 'decision-field-' + field.name };
    if (field.kind === 'select') {
      const options = choices[field.name] || field.options || [];
      const known = options.some((option) => option.value === values[field.name]);
      return (
        <select {...common} style={selectStyle}>
          {!field.required || !known ? <option value="">{field.required ? 'Choose…' : '—'}</option> : null}
          {options.map((option) => (
            <option key={option.value} value={option.value}>{option.label}</option>
          ))}
        </select>
      );
    }
    if (field.kind === 'textarea') return <TextArea {...common} rows={4} width={1} maxLength={field.maxLength} />;
    if (field.kind === 'number') return <Input {...common} type="number" step="1" min={field.min} max={field.max} width={1} />;
    if (field.kind === 'datetime') return <Input {...common} type="datetime-local" width={1} />;
    return <Input {...common} type="text" width={1} maxLength={field.maxLength} placeholder={field.placeholder || ''} />;
  };

  return (
    <Box as="form" onSubmit={submit} variant="container" data-testid="decision-form" noValidate>
      {custom.intro ? <MessageBox message={custom.intro} variant="info" mb="xl" /> : null}
      {fields.map((field) => (
        <FormGroup key={field.name}>
          <Label htmlFor={'decision-' + field.name} required={!!field.required}>{field.label}</Label>
          {control(field)}
          {field.help ? <Text variant="sm" color="grey60" mt="sm">{field.help}</Text> : null}
        </FormGroup>
      ))}
      {error ? <MessageBox message={error} variant="danger" my="lg" data-testid="decision-error" /> : null}
      <Button type="submit" variant="contained" disabled={submitting} data-testid="decision-submit">
        {submitting ? 'Sending…' : custom.submitLabel || 'Confirm'}
      </Button>
    </Box>
  );
};

export default DecisionForm;
`;

const liveViewSource = String.raw`import React, { useEffect, useState } from 'react';
import { Badge, Box, Button, H3, H5, Link, Loader, MessageBox, Table, TableBody, TableCell, TableHead, TableRow, Text } from '@adminjs/design-system';
import { ApiClient } from 'adminjs';

const api = new ApiClient();
const REFRESH_MS = 15000;

const span = (ms) => {
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
const timeLeft = (iso, now) => {
  const ms = Date.parse(iso) - now;
  if (Number.isNaN(ms)) return '';
  return ms >= 0 ? 'in ' + span(ms) : 'overdue by ' + span(ms);
};
const when = (iso) => {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? '' : d.toLocaleString();
};
const words = (name) => String(name).replace(/([a-z])([A-Z])/g, '$1 $2').replace(/[._]/g, ' ').toLowerCase();

const Section = ({ title, testId, children }) => (
  <Box variant="container" mb="xl" data-testid={testId}>
    <H5 mb="lg">{title}</H5>
    {children}
  </Box>
);

const Rows = ({ head, rows, empty }) =>
  rows.length === 0 ? (
    <Text color="grey60">{empty}</Text>
  ) : (
    <Table width={1}>
      <TableHead>
        <TableRow>{head.map((h) => <TableCell key={h}>{h}</TableCell>)}</TableRow>
      </TableHead>
      <TableBody>
        {rows.map((row, i) => (
          <TableRow key={i}>{row.map((cell, j) => <TableCell key={j}>{cell}</TableCell>)}</TableRow>
        ))}
      </TableBody>
    </Table>
  );

const LiveView = (props) => {
  const { resource, record, action } = props;
  const [data, setData] = useState(null);
  const [failed, setFailed] = useState(null);
  const [now, setNow] = useState(Date.now());

  const load = () =>
    api
      .recordAction({ resourceId: resource.id, recordId: record.id, actionName: action.name })
      .then((response) => {
        setData(response.data);
        setFailed(null);
      })
      .catch((error) => setFailed((error && error.message) || 'network error'));

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
  const links = data.links || {};
  const who = (actor) => (actor ? (names[actor.userId] || actor.userId) + ' (' + actor.role + ')' : 'system');

  const header = (
    <Box flex flexDirection="row" alignItems="center" mb="xl">
      <H3 mr="lg" mb="0">Live state</H3>
      {live ? <Badge variant="primary" data-testid="live-stage">{live.stage}</Badge> : null}
      <Text ml="lg" color="grey60">{'as of ' + when(data.at)}</Text>
      <Button ml="auto" size="sm" variant="outlined" onClick={load} type="button">Refresh</Button>
    </Box>
  );

  if (!live) {
    return (
      <Box data-testid="live-view">
        {header}
        <MessageBox
          variant="danger"
          data-testid="live-unavailable"
          message={'The workflow could not be asked for its live state: ' + (data.liveError || 'unknown error') + '. The stored stage is ' + (data.storedStage || 'unknown') + ' and may lag behind the workflow; deadlines and escalations are not shown. Try again shortly.'}
        />
      </Box>
    );
  }

  const deliverables = live.deliverables || [];
  const history = (live.history || []).slice().reverse();
  const contracts = live.contracts || [];
  const link = (href, text) => (href ? <Link href={href}>{text}</Link> : text);
  /** "postBy:<deliverable id>" → "post by — reel on instagram". */
  const deadlineName = (name) => {
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
          rows={(live.deadlines || []).map((d) => [deadlineName(d.name), d.stage, when(d.dueAt), <Text key="t" color={Date.parse(d.dueAt) < now ? 'error' : 'grey100'}>{timeLeft(d.dueAt, now)}</Text>])}
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
          empty={live.stage === 'BRIEFED' || live.stage === 'CONFLICT_CHECK' || live.stage === 'NEGOTIATING' || live.stage === 'CONTRACTING' ? 'Deliverables are planned once the contracts are executed.' : 'No deliverables.'}
          rows={deliverables.map((d) => {
            const last = d.drafts && d.drafts.length ? d.drafts[d.drafts.length - 1] : null;
            const drafts = last ? d.drafts.length + ' (v' + last.version + (last.compliant ? ', compliant' : ', fails compliance') + (last.decision ? ', ' + words(last.decision) : '') + ')' : 'none';
            return [
              link(links.deliverables && links.deliverables[d.deliverableId], d.type + ' on ' + d.platform),
              <Badge key="s" variant={d.status === 'approved' || d.status === 'verified' ? 'success' : d.status === 'cancelled' ? 'danger' : 'info'} data-testid={'live-deliverable-status-' + d.deliverableId}>{words(d.status)}</Badge>,
              d.draftDueAt ? when(d.draftDueAt) + (d.status === 'drafting' || d.status === 'changes_requested' ? ' (' + timeLeft(d.draftDueAt, now) + ')' : '') : '',
              drafts,
              d.revisionCount + ' of ' + d.maxRevisions,
              d.liveUrl ? (d.verifiedAt ? 'verified ' : 'reported ') + d.liveUrl : (d.postProblems && d.postProblems.length ? 'refused: ' + d.postProblems.join('; ') : ''),
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
`;

const moneySource = String.raw`import React from 'react';
import { ValueGroup } from '@adminjs/design-system';
import { useTranslation } from 'adminjs';

/** An amount in minor units, shown with its currency (custom.currencyPath, default "currency"). */
export const formatMoney = (raw, currency) => {
  if (raw === undefined || raw === null || raw === '') return '—';
  const amount = Number(raw);
  if (!currency || !Number.isFinite(amount)) return String(raw);
  try {
    const format = new Intl.NumberFormat(undefined, { style: 'currency', currency, currencyDisplay: 'code' });
    const digits = format.resolvedOptions().maximumFractionDigits;
    return format.format(amount / Math.pow(10, digits));
  } catch (error) {
    return String(raw) + ' ' + currency + ' (minor units)';
  }
};

const Money = (props) => {
  const { property, record, resource, where } = props;
  const { translateProperty } = useTranslation();
  const params = (record && record.params) || {};
  const currency = params[(property.custom && property.custom.currencyPath) || 'currency'];
  const raw = params[property.path];
  const text = formatMoney(raw, currency);
  if (where === 'show') {
    const minor = raw === undefined || raw === null || raw === '' || !currency ? '' : ' · ' + raw + ' minor units';
    return <ValueGroup label={translateProperty(property.label, resource.id)}><span data-testid={'money-' + property.path}>{text}</span>{minor}</ValueGroup>;
  }
  return <span data-testid={'money-' + property.path}>{text}</span>;
};

export default Money;
`;

const relatedSource = String.raw`import React from 'react';
import { Box, Link, ValueGroup } from '@adminjs/design-system';
import { useTranslation, ViewHelpers } from 'adminjs';

const h = new ViewHelpers();

/**
 * Links from a record to what belongs to it: custom.links = [{ label, resourceId, filter }]
 * (the list of resourceId filtered on filter = this record's id), or [{ label, action }]
 * (one of this record's actions).
 */
const Related = (props) => {
  const { property, record, resource, where } = props;
  const { translateProperty } = useTranslation();
  if (where !== 'show' || !record) return null;
  const links = (property.custom && property.custom.links) || [];
  return (
    <ValueGroup label={translateProperty(property.label, resource.id)}>
      <Box flex flexDirection="row" flexWrap="wrap">
        {links.map((link) => {
          const href = link.action
            ? h.recordActionUrl({ resourceId: resource.id, recordId: record.id, actionName: link.action })
            : h.resourceUrl({ resourceId: link.resourceId, search: '?filters.' + link.filter + '=' + encodeURIComponent(record.id) });
          return (
            <Link key={link.label} href={href} mr="xl" data-testid={'related-' + (link.action || link.resourceId)}>
              {link.label}
            </Link>
          );
        })}
      </Box>
    </ValueGroup>
  );
};

export default Related;
`;

export const PANEL_COMPONENT_SOURCES: Readonly<Record<string, string>> = {
  [DECISION_FORM_COMPONENT]: decisionFormSource,
  [LIVE_VIEW_COMPONENT]: liveViewSource,
  [MONEY_COMPONENT]: moneySource,
  [RELATED_COMPONENT]: relatedSource,
};

/**
 * Writes the components and registers them under their names (what the actions and
 * properties refer to). Not inside AdminJS's working directory (see dashboard.ts).
 */
export function registerWorkflowComponents(loader: { add(name: string, filePath: string): string }): { remove(): void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'creatorops-workflow-'));
  for (const [name, source] of Object.entries(PANEL_COMPONENT_SOURCES)) {
    const file = path.join(dir, `${name}.jsx`);
    fs.writeFileSync(file, source);
    loader.add(name, file);
  }
  return { remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

import React, { useEffect, useState } from 'react';
import { Box, Button, FormGroup, Input, Label, Loader, MessageBox, Text, TextArea } from '@adminjs/design-system';
import { ApiClient, useActionResponseHandler, type ActionProps } from 'adminjs';
import type { Choice, PublicField } from '../decision-form';
import type { DecisionFormOptions } from './index';

/**
 * The one form of every workflow decision: renders the fields an action declares in its
 * `custom` options (decision-action.ts), posts them with ApiClient.recordAction, shows the notice.
 */

/** What the action answers when the form opens (GET): defaults and per-record choices. */
interface FormOpening {
  form?: { defaults?: Record<string, unknown>; choices?: Record<string, Choice[]> };
  notice?: { message: string; type?: string };
}

type Values = Record<string, string>;

const api = new ApiClient();
const newRequestId = (): string =>
  (window.crypto && window.crypto.randomUUID ? window.crypto.randomUUID() : String(Date.now()) + Math.random().toString(16).slice(2)).replace(/[^A-Za-z0-9_-]/g, '');
const pad = (n: number): string => String(n).padStart(2, '0');
/** ISO → the value of a datetime-local input, in the browser's time zone. */
const toLocalInput = (iso: unknown): string => {
  const d = new Date(iso as string);
  if (Number.isNaN(d.getTime())) return '';
  return d.getFullYear() + '-' + pad(d.getMonth() + 1) + '-' + pad(d.getDate()) + 'T' + pad(d.getHours()) + ':' + pad(d.getMinutes());
};
const selectStyle: React.CSSProperties = { width: '100%', padding: '8px', border: '1px solid #C0C0CA', borderRadius: '2px', background: 'white', fontSize: '14px', height: '40px' };

const DecisionForm: React.FC<ActionProps> = (props) => {
  const { action, resource } = props;
  // A record action: AdminJS renders it with its record.
  const record = props.record!;
  const custom: Partial<DecisionFormOptions> = action.custom || {};
  const fields = custom.fields || [];
  const [values, setValues] = useState<Values | null>(null);
  const [choices, setChoices] = useState<Record<string, Choice[]>>({});
  const [error, setError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [requestId, setRequestId] = useState(newRequestId);
  const handleResponse = useActionResponseHandler();

  useEffect(() => {
    let cancelled = false;
    api
      .recordAction({ resourceId: resource.id, recordId: record.id, actionName: action.name })
      .then((response) => {
        if (cancelled) return;
        const data = response.data as FormOpening | undefined;
        const form = (data && data.form) || {};
        const defaults = form.defaults || {};
        const formChoices = form.choices || {};
        const initial: Values = {};
        fields.forEach((field) => {
          const value = defaults[field.name];
          let text = value === undefined || value === null ? '' : field.kind === 'datetime' ? toLocalInput(value) : String(value);
          const options = formChoices[field.name] || field.options || [];
          if (field.kind === 'select' && field.required && !text && options.length === 1) text = options[0].value;
          initial[field.name] = text;
        });
        setChoices(formChoices);
        setValues(initial);
        if (data && data.notice && data.notice.type === 'error') setError(data.notice.message);
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

  const setValue = (name: string) => (event: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>) => {
    const value = event.target.value;
    setValues((current) => Object.assign({}, current, { [name]: value }));
  };

  const submit = (event: React.FormEvent) => {
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
        // The handler reads the notice and the redirect from the HTTP response's data.
        handleResponse(response);
      })
      .catch((failure: Error | undefined) => {
        setSubmitting(false);
        setError('The decision could not be sent: ' + (failure?.message || 'network error') + '. Check the record before trying again.');
      });
  };

  const control = (field: PublicField) => {
    const common = { id: 'decision-' + field.name, name: field.name, value: values[field.name] || '', onChange: setValue(field.name), 'data-testid': 'decision-field-' + field.name };
    if (field.kind === 'select') {
      const options = choices[field.name] || field.options || [];
      const known = options.some((option) => option.value === values[field.name]);
      return (
        <select {...common} style={selectStyle}>
          {!field.required || !known ? <option value="">{field.required ? 'Choose…' : '—'}</option> : null}
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
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
          <Label htmlFor={'decision-' + field.name} required={!!field.required}>
            {field.label}
          </Label>
          {control(field)}
          {field.help ? (
            <Text variant="sm" color="grey60" mt="sm">
              {field.help}
            </Text>
          ) : null}
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

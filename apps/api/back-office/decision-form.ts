/**
 * The fields of a decision's form, described as data: the panel's one generic form component
 * renders them (from the action's `custom` options), and `readForm` checks what comes back on
 * the server before the decision is sent (the service and the workflow check it again).
 * No AdminJS import: unit-testable.
 */

export type FieldKind = 'text' | 'textarea' | 'number' | 'select' | 'datetime';

export interface Choice {
  value: string;
  label: string;
}

export interface FormField {
  name: string;
  label: string;
  kind: FieldKind;
  required?: boolean;
  help?: string;
  placeholder?: string;
  /** select: the choices (a decision may narrow them per record, see DecisionForm.choices). */
  options?: readonly Choice[];
  /** text, textarea: longest accepted value (default 1000 / 4000). */
  maxLength?: number;
  /** number: whole numbers only, within these bounds. */
  min?: number;
  max?: number;
  /** text: a server-side format check, with the words shown when it fails. */
  pattern?: { regex: RegExp; message: string };
}

/** What the browser needs of a field: everything but the server-side pattern. */
export type PublicField = Omit<FormField, 'pattern'>;

export type FormValue = string | number | undefined;
export type FormValues = Record<string, FormValue>;

export function publicFields(fields: readonly FormField[]): PublicField[] {
  return fields.map(({ pattern: _pattern, ...field }) => field);
}

const DEFAULT_MAX_LENGTH: Record<FieldKind, number> = { text: 1_000, textarea: 4_000, number: 30, select: 200, datetime: 60 };

function asText(raw: unknown): string {
  if (raw === null || raw === undefined) return '';
  if (typeof raw === 'string') return raw.trim();
  if (typeof raw === 'number' || typeof raw === 'boolean') return String(raw);
  return '';
}

/**
 * Reads and checks the submitted values of `fields` (everything else in the payload is
 * ignored). Returns the values (numbers as numbers, date-times as ISO strings, empty optional
 * fields as undefined) and every problem, in words.
 */
export function readForm(
  fields: readonly FormField[],
  payload: Record<string, unknown> | undefined,
  choices: Record<string, readonly Choice[]> = {},
): { values: FormValues; problems: string[] } {
  const values: FormValues = {};
  const problems: string[] = [];
  for (const field of fields) {
    const text = asText(payload?.[field.name]);
    if (text === '') {
      if (field.required) problems.push(`${field.label} is required`);
      values[field.name] = undefined;
      continue;
    }
    if (text.length > (field.maxLength ?? DEFAULT_MAX_LENGTH[field.kind])) {
      problems.push(`${field.label} may be at most ${field.maxLength ?? DEFAULT_MAX_LENGTH[field.kind]} characters`);
      continue;
    }
    switch (field.kind) {
      case 'number': {
        const number = /^-?\d+$/.test(text) ? Number(text) : NaN;
        const bounds =
          field.min !== undefined && field.max !== undefined
            ? ` between ${field.min} and ${field.max}`
            : field.min !== undefined
              ? ` of at least ${field.min}`
              : field.max !== undefined
                ? ` of at most ${field.max}`
                : '';
        if (!Number.isSafeInteger(number) || (field.min !== undefined && number < field.min) || (field.max !== undefined && number > field.max)) {
          problems.push(`${field.label} must be a whole number${bounds}`);
        } else {
          values[field.name] = number;
        }
        break;
      }
      case 'select': {
        const allowed = choices[field.name] ?? field.options ?? [];
        if (!allowed.some((choice) => choice.value === text)) {
          problems.push(`${field.label} must be one of ${allowed.map((choice) => choice.value).join(', ') || '(nothing is allowed here)'}`);
        } else {
          values[field.name] = text;
        }
        break;
      }
      case 'datetime': {
        const at = Date.parse(text);
        if (Number.isNaN(at)) problems.push(`${field.label} must be a date and time`);
        else values[field.name] = new Date(at).toISOString();
        break;
      }
      default: {
        if (field.pattern && !field.pattern.regex.test(text)) problems.push(field.pattern.message);
        else values[field.name] = text;
      }
    }
  }
  return { values, problems };
}

/**
 * The form's one-time request id, used as the decision's idempotency key so that a double
 * click or a resent form is one decision. Anything not shaped like one is ignored.
 */
export function requestIdOf(payload: Record<string, unknown> | undefined): string | undefined {
  const raw = payload?.requestId;
  return typeof raw === 'string' && /^[A-Za-z0-9_-]{8,64}$/.test(raw) ? `panel-${raw}` : undefined;
}

export const choicesOf = (values: readonly string[], label: (value: string) => string = (value) => value): Choice[] =>
  values.map((value) => ({ value, label: label(value) }));

/** Durations as the workflows accept them (90s, 24h, 3d, 1h30m). */
export const DURATION = /^(\d+(\.\d+)?(ms|s|m|h|d))+$/;
export const HTTPS_URL = /^https:\/\/\S+$/;
